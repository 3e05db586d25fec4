"""Property tests: no exception on arbitrary text, idempotence, round trips."""
import random
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.dates import find_dates
from extractors.metadata import find_number, find_place_date
from extractors.readers.encodings import (detect_legacy, tcvn3_to_unicode, unicode_to_tcvn3, unicode_to_vni,
                                          vietnamese_letters, vni_to_unicode)
from extractors.rosters.mentions import cut_list, split_members
from pipeline.units.normalize import fix_tone_placement, fold_diacritics, normalize_text, unit_key
from tests.helpers import text_doc

VIET = "".join(vietnamese_letters()) + "abcdeghiklmnopqrstuvxyABCDEGHIKLMNOPQRSTUVXY "
viet_text = st.text(alphabet=VIET + ",.;:-/()0123456789", max_size=80)
any_text = st.text(max_size=120)


@given(any_text)
def test_normalisation_never_fails_and_is_idempotent(s):
    once = normalize_text(s)
    assert normalize_text(once) == once
    assert fix_tone_placement(fix_tone_placement(s)) == fix_tone_placement(s)
    assert isinstance(unit_key(s), str)
    assert fold_diacritics(fold_diacritics(s)) == fold_diacritics(s)


@given(st.text(alphabet=VIET, max_size=60))
def test_nfc_and_nfd_input_give_the_same_key(s):
    assert unit_key(unicodedata.normalize("NFD", s)) == unit_key(unicodedata.normalize("NFC", s))


@given(st.text(alphabet=VIET, max_size=60))
def test_vni_round_trip(s):
    s = unicodedata.normalize("NFC", s)
    assert vni_to_unicode(unicode_to_vni(s)) == s


@given(st.text(alphabet="".join(c for c in vietnamese_letters() if c.islower()) + "abcdeghiklmnopqrstuvxy ", max_size=60))
def test_tcvn3_round_trip_lower_case(s):
    s = unicodedata.normalize("NFC", s)
    assert tcvn3_to_unicode(unicode_to_tcvn3(s)) == s


@given(any_text)
def test_converters_and_detection_never_fail(s):
    tcvn3_to_unicode(s)
    vni_to_unicode(s)
    detect_legacy(s)


@settings(max_examples=150, deadline=None)  # the first list loads the place names once (about a second)
@given(st.lists(viet_text, max_size=8))
def test_parsers_never_fail(lines):
    ls = text_doc("\n".join(l for l in lines if l.strip()) or "x").lines()
    find_number(ls)
    find_place_date(ls)
    find_dates(ls, None, True)
    for l in lines:
        split_members(cut_list(l))


@given(st.integers(1, 9999), st.sampled_from(["QĐ-UBND", "QĐ-CT", "TB-UBND", "UBND-VX", "NQ-HĐND", "QĐ-BCĐ138"]))
def test_number_round_trip(n, sym):
    assert find_number(text_doc(f"Số: {n}/{sym}").lines())[0] == f"{n}/{sym}"
    assert find_number(text_doc(f"Số:  {n} / {sym}").lines())[0] == f"{n}/{sym}"


@given(st.dates())
def test_date_round_trip(d):
    from extractors.dates import find_dates
    got = {x["date"] for x in find_dates(text_doc(f"Bắc Ninh, ngày {d.day} tháng {d.month} năm {d.year}").lines(), None, False)}
    if d.year >= 1000:
        assert d.isoformat() in got


def test_bounded_fuzz_of_the_readers(samples_dir, tmp_path):
    """Mutated sample files: every read ends with a status, never an exception."""
    from extractors.readers import read
    rng = random.Random(2024)
    sources = [samples_dir / "2024" / "qd-138-2024-bacninh.pdf", samples_dir / "2025" / "qd-52-2025-bacninh.docx",
               samples_dir / "2025" / "tin-khoi-van-hoa-xa-hoi-2025-bacninh.html"]
    statuses = set()
    for i in range(45):
        src = sources[i % len(sources)]
        data = bytearray(src.read_bytes())
        for _ in range(rng.randint(1, 40)):
            pos = rng.randrange(len(data))
            data[pos] = rng.randrange(256)
        if rng.random() < 0.3:
            data = data[: rng.randrange(1, len(data))]
        path = tmp_path / f"fuzz-{i}{src.suffix}"
        path.write_bytes(bytes(data))
        doc = read(path)
        assert doc.status in {"ok", "partial", "needs_ocr", "unreadable", "encrypted", "unsupported", "empty"}
        assert doc.status == "ok" or (doc.error and "\n" not in doc.error)
        statuses.add(doc.status)
    assert len(statuses) >= 2
