"""What is done with OCR output, without Tesseract: glued syllables, noise, scanned lists, ruled tables."""
from PIL import Image, ImageDraw

from extractors.document import Document
from extractors.rosters import find_rosters as find_groups
from extractors.rosters.layout_words import ocr_noise
from extractors.readers.ocr_fix import plausible, split_glued
from extractors.readers.ocr_table import deskew, ruled_tables, skew_angle


def test_glued_syllables_are_split_only_into_real_syllables():
    assert split_glued("SởCông") == "Sở Công"
    assert split_glued("ThànhphốTừSơn") == "Thành phố Từ Sơn"
    assert split_glued("Ninnh") == "Ninnh" and split_glued("UBND") == "UBND" and split_glued("Sở") == "Sở"


def test_noise_and_plausible_tokens():
    assert plausible("UBND") and plausible("Hòa;") and plausible("12") and not plausible("GŒ") and not plausible("b)")
    assert ocr_noise("xM  GŒ CI r> C2 b)") and ocr_noise("4.") and ocr_noise("vã") and ocr_noise("IV")
    assert not ocr_noise("Thủy") and not ocr_noise("UBND huyện Hà Trung;")


def ocr_doc(lines: list[str]) -> Document:
    doc = Document(path="scan.pdf", sha256="0" * 64, format="pdf", ocr=True)
    for i, text in enumerate(lines, start=1):
        doc.add_paragraph(text, page=1, line=i, confidence=90.0, words=[(w, 90.0) for w in text.split()],
                          bbox=(50, 10 * i, 500, 10 * i + 8))
    return doc


def test_a_scanned_list_whose_numbers_were_read_apart():
    doc = ocr_doc(["Cụm thi đua số 1 (gồm 04 đơn vị):", ". UBND huyện Hà Trung;", "xM  GŒ CI r> C2 b)",
                   "UBND huyện Nga Sơn", "Cụm trưởng", "Ủy ban nhân dân huyện Thanh", "1", "Thủy",
                   "s.", "UBND huyện Quảng Xương.", "Cụm phó"])
    [g], _ = find_groups(doc)
    assert [m["name"] for m in g["members"]] == ["UBND huyện Hà Trung", "UBND huyện Nga Sơn",
                                                 "Ủy ban nhân dân huyện Thanh Thủy", "UBND huyện Quảng Xương"]
    assert g["leader"] == "UBND huyện Nga Sơn" and g["deputies"] == ["UBND huyện Quảng Xương"]
    assert g["members"][0]["provenance"] == {"page": 1, "line": 2, "confidence": 90.0, "bbox": [50, 20, 500, 28]}


def test_abbreviated_names_a_role_before_its_name_and_a_new_page():
    doc = ocr_doc(["Cụm thi đua số 1 (gồm 03 đơn vị):", "Cụm trưởng", "1.", "TP. Bắc Ninh", "2.", "TX. Từ Sơn",
                   "3.", "UBND huyện Gia Bình"])
    [g], _ = find_groups(doc)
    assert [m["name"] for m in g["members"]] == ["TP. Bắc Ninh", "TX. Từ Sơn", "UBND huyện Gia Bình"]
    assert g["leader"] == "TP. Bắc Ninh"
    doc = ocr_doc(["Khối A (gồm 01 đơn vị):", "Sở Tư pháp"])
    doc.add_paragraph("PHỤ LỤC", page=2, line=1, confidence=90.0, words=[("PHỤ", 90.0), ("LỤC", 90.0)])
    [g], _ = find_groups(doc)
    assert [m["name"] for m in g["members"]] == ["Sở Tư pháp"]  # the next page's title is not part of the name


def test_text_documents_do_not_take_the_scanned_list_rules():
    from tests.helpers import text_doc
    doc = text_doc("Cụm thi đua số 1 (gồm 02 đơn vị):\n1. UBND huyện A;\nxM GŒ\nUBND huyện B")
    [g], _ = find_groups(doc)
    assert [m["name"] for m in g["members"]] == ["UBND huyện A"]


def grid_page(angle: float = 0.0) -> tuple[Image.Image, list[dict]]:
    """A 300 dpi page with a 3-column ruled table: header, a title row spanning it, two rows."""
    image = Image.new("L", (2480, 1400), 255)
    d = ImageDraw.Draw(image)
    ys = [300, 380, 460, 540, 620]
    for y in ys:
        d.line((360, y, 2260, y), fill=0, width=3)
    for x in (360, 2260):
        d.line((x, 300, x, 620), fill=0, width=3)
    for x in (530, 1900):  # not through the title row
        d.line((x, 300, x, 380), fill=0, width=3)
        d.line((x, 460, x, 620), fill=0, width=3)
    words = []
    for text, x, y in [("STT", 400, 325), ("Tên", 600, 325), ("đơn", 700, 325), ("vị", 800, 325), ("Ghi", 1950, 325),
                       ("chú", 2050, 325), ("I.", 400, 405), ("KHỐI", 450, 405), ("A", 600, 405), ("1", 420, 485),
                       ("Sở", 600, 485), ("Y", 700, 485), ("tế", 760, 485), ("Trưởng", 1950, 485), ("khối", 2100, 485),
                       ("|", 1890, 485), ("2", 420, 565), ("SởXây", 600, 565), ("dựng", 760, 565)]:
        words.append({"text": text, "conf": 91.0, "left": x, "top": y, "width": 30 * len(text), "height": 30,
                      "key": (1, 1, y)})
    if angle:
        image = image.rotate(-angle, resample=Image.BICUBIC, fillcolor=255)
    return image, words


def test_a_ruled_table_is_rebuilt_from_its_rules():
    image, words = grid_page()
    [t] = ruled_tables(image, words)
    assert t["rows"] == [["STT", "Tên đơn vị", "Ghi chú"], ["I. KHỐI A", None, None], ["1", "Sở Y tế", "Trưởng khối"],
                         ["2", "Sở Xây dựng", ""]]
    assert t["confidences"][2] == [91.0, 91.0, 91.0] and t["boxes"][1][1] is None
    assert len(t["used"]) == len(words)  # the rule read as "|" is taken out of the text too


def test_a_turned_table_is_straightened_first():
    image, _ = grid_page(angle=0.8)
    assert abs(skew_angle(image) - 0.8) < 0.15
    assert abs(skew_angle(deskew(image))) < 0.15
    plain = Image.new("L", (2480, 1400), 255)
    ImageDraw.Draw(plain).text((100, 100), "Không có bảng", fill=0)
    assert skew_angle(plain) == 0.0 and deskew(plain) is plain


def test_cell_text_drops_specks_only_at_the_ends():
    from extractors.readers.ocr_table import _cell_text

    def words(*lines):
        return [{"text": t, "conf": 90.0, "left": 100 * j, "top": 50 * i, "width": 80, "height": 30}
                for i, line in enumerate(lines) for j, t in enumerate(line.split())]
    assert _cell_text(words("Trường Cao đẳng", "Y tế Bắc Ninh")) == "Trường Cao đẳng\nY tế Bắc Ninh"
    assert _cell_text(words("Trường THPT số", "1 Bắc Ninh")) == "Trường THPT số\n1 Bắc Ninh"
    assert _cell_text(words("Í Liên hiệp các hội")) == "Liên hiệp các hội"
    assert _cell_text(words("Hội Nhà báo tỉnh m")) == "Hội Nhà báo tỉnh"
    assert _cell_text(words("| SởCông thương _.")) == "Sở Công thương"


def test_region_parameters_are_checked():
    import pytest

    from pipeline.web.datasette.plugins.quyetdinh_review import parse_region
    assert parse_region("2", "[1, 2, 3, 4]") == (2, [1, 2, 3, 4]) and parse_region("1", None) == (1, None)
    for page, box in (("0", None), ("1", "[1,2]"), ("1", "5"), ("1", "[5,5,1,1]"), ("x", None)):
        with pytest.raises(ValueError):
            parse_region(page, box)
