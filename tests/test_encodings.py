import pytest

from extractors.readers.encodings import (detect_legacy, tcvn3_to_unicode, unicode_to_tcvn3, unicode_to_vni,
                                          vietnamese_letters, vni_to_unicode)

LETTERS = vietnamese_letters()


def test_the_letter_table_is_complete():
    assert len(LETTERS) == 2 * 67  # 66 toned/shaped vowels + đ, in both cases


@pytest.mark.parametrize("letter", LETTERS)
def test_vni_round_trip_every_letter(letter):
    assert vni_to_unicode(unicode_to_vni(letter)) == letter


@pytest.mark.parametrize("letter", [c for c in LETTERS if c.islower()] + list("ĂÂÊÔƠƯĐ"))
def test_tcvn3_round_trip_every_letter(letter):
    assert tcvn3_to_unicode(unicode_to_tcvn3(letter)) == letter


def test_tcvn3_upper_case_font():
    assert tcvn3_to_unicode(unicode_to_tcvn3("quyết định"), upper=True) == "QUYẾT ĐỊNH"


def test_known_strings():
    assert tcvn3_to_unicode("Céng hßa x· héi chñ nghÜa ViÖt Nam") == "Cộng hòa xã hội chủ nghĩa Việt Nam"
    assert vni_to_unicode("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam") == "Cộng hòa xã hội chủ nghĩa Việt Nam"
    assert vni_to_unicode("thöôûng") == "thưởng"


def test_whole_sentences_round_trip():
    text = "Ủy ban nhân dân tỉnh Bắc Ninh quyết định tổ chức các Cụm, Khối thi đua năm 2024; Sở Nội vụ, Quỹ Đầu tư phát triển."
    assert vni_to_unicode(unicode_to_vni(text)) == text
    assert tcvn3_to_unicode(unicode_to_tcvn3(text.lower())) == text.lower()


def test_detection():
    text = "Ủy ban nhân dân tỉnh Bắc Ninh quyết định tổ chức các Cụm, Khối thi đua của tỉnh năm 2024"
    assert detect_legacy(unicode_to_tcvn3(text)) == "tcvn3"
    assert detect_legacy(unicode_to_vni(text)) == "vni"
    assert detect_legacy(text) is None
    assert detect_legacy("The quick brown fox jumps over the lazy dog") is None
    assert detect_legacy(unicode_to_vni("Sở Nông nghiệp và Phát triển nông thôn tỉnh Bắc Ninh")) == "vni"
    assert detect_legacy(unicode_to_tcvn3("sở nông nghiệp và phát triển nông thôn tỉnh bắc ninh")) == "tcvn3"


def test_docx_in_legacy_fonts_reads_as_unicode(tmp_path):
    import docx

    from extractors.readers import read
    d = docx.Document()
    run = d.add_paragraph().add_run(unicode_to_tcvn3("quyết định"))
    run.font.name = ".VnTimeH"  # the upper-case TCVN3 font
    run = d.add_paragraph().add_run(unicode_to_tcvn3("Về việc tổ chức các Cụm, Khối thi đua"))
    run.font.name = ".VnTime"
    d.add_paragraph(unicode_to_vni("Sở Nông nghiệp và Phát triển nông thôn tỉnh Bắc Ninh"))
    path = tmp_path / "legacy.docx"
    d.save(path)
    texts = [b.text for b in read(path).blocks]
    assert texts == ["QUYẾT ĐỊNH", "Về việc tổ chức các Cụm, Khối thi đua",
                     "Sở Nông nghiệp và Phát triển nông thôn tỉnh Bắc Ninh"]
