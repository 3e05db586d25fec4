"""E-signature stamps on an OCR'd page are told apart from the document's lines (synthetic
lines with pixel boxes, as `lines_from_words` gives them at 300 dpi)."""
from extractors.readers.stamps import anchors, bounding_times, split_stamps, stamp_evidence


def line(text: str, left: int, top: int, height: int = 60, conf: float = 93.0) -> dict:
    words, x = [], left
    for w in text.split():
        width = max(12, len(w) * height // 2)
        words.append({"text": w, "conf": conf, "left": x, "top": top, "width": width, "height": height})
        x += width + height // 3
    return {"text": text, "top": top, "left": left, "conf": conf, "words": [(w, conf) for w in text.split()],
            "boxes": words}


def header() -> list[dict]:
    """The official header at body size (about 60 px a line at 300 dpi)."""
    return [line("ỦY BAN NHÂN DÂN", 430, 320), line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 1080, 325),
            line("TỈNH QUẢNG NGÃI", 430, 390), line("Độc lập - Tự do - Hạnh phúc", 1330, 400),
            line("Số: 47 /QĐ-UBND", 475, 485), line("Quảng Ngãi, ngày 17 tháng 01 năm 2025", 1240, 487),
            line("QUYẾT ĐỊNH", 1165, 622), line("Về việc kinh phí thực hiện hỗ trợ quà Tết", 520, 700)]


def signer_stamp(left: int = 2005, top: int = 15) -> list[dict]:
    """The signer's stamp in small type (25 px), with a speck of its seal image read as a letter."""
    return [line("Ký bởi: Ủy ban nhân dân tỉnh Quảng Ngãi", left, top, 25),
            line("Cơ quan: Tỉnh Quảng Ngãi", left, top + 30, 25, conf=54),
            line("Â", left + 300, top + 35, 8, conf=31),
            line("Thời gian ký: 17/01/2025 17:06:30", left, top + 60, 25)]


def gazette_stamp(left: int = 1335, top: int = 55) -> list[dict]:
    return [line("TRUNG TÂM CÔNG BÁO", left, top, 30), line("VÀ TIN HỌC", left, top + 35, 30),
            line("ttcbth@quangngai.gov.vn", left, top + 70, 30, conf=40),
            line("17.01.2025 17:17:01 +07:00", left, top + 140, 25)]


def texts(lines):
    return [l["text"] for l in lines]


def test_stamps_in_the_top_margin_are_taken_out_and_the_header_stays_whole():
    page = signer_stamp() + gazette_stamp() + header()
    kept, stamps = split_stamps(page)
    assert texts(kept) == texts(header())
    assert len(stamps) == 2
    assert {l["text"] for s in stamps for l in s} == {l["text"] for l in signer_stamp() + gazette_stamp()}


def test_a_stamp_over_the_signature_block_is_taken_out_and_the_signer_stays():
    block = [line("TM. ỦY BAN NHÂN DÂN", 1350, 2600), line("CHỦ TỊCH", 1480, 2670),
             line("Nguyễn Hoàng Giang", 1420, 3000)]
    kept, stamps = split_stamps(header() + block + signer_stamp(left=1400, top=2800))
    assert texts(kept) == texts(header() + block)
    assert len(stamps) == 1


def test_the_gazette_centre_named_in_the_text_is_not_a_stamp():
    recipients = [line("Nơi nhận:", 300, 2600, 45), line("- Như Điều 3;", 300, 2650, 45),
                  line("- Trung tâm Công báo và Tin học tỉnh;", 300, 2700, 45), line("- Lưu: VT.", 300, 2750, 45)]
    body = [line("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;", 420, 1000 + 70 * i) for i in range(6)]
    kept, stamps = split_stamps(header() + body + recipients)
    assert stamps == [] and len(kept) == len(header() + body + recipients)


def test_anchors_survive_the_usual_misreadings():
    assert "signing_time" in anchors("Thờ vi gian nký: k L0 505 17:06:30")
    assert "gazette" in anchors("BẢO VÀ TIN HỌC")
    assert "email" in anchors("ttcbth(0quangnga1.gov.v")
    assert "utc_offset" in anchors("22.01.2025 07:10:01_+07:00")
    assert anchors("Căn cứ Luật Ngân sách nhà nước ngày 25/6/2015;") == set()


def test_a_stamp_is_signature_evidence():
    _, stamps = split_stamps(signer_stamp() + gazette_stamp() + header())
    ev = [stamp_evidence(s, 1, lambda px: round(px * 72 / 300, 1)) for s in stamps]
    signer = next(e for e in ev if e["signed_by"])
    assert signer["signed_by"] == "Ủy ban nhân dân tỉnh Quảng Ngãi" and signer["time"] == "2025-01-17T17:06:30"
    assert signer["page"] == 1 and signer["bbox"][1] < 10
    gazette = next(e for e in ev if not e["signed_by"])
    assert gazette["email"] == "ttcbth@quangngai.gov.vn" and gazette["time"] == "2025-01-17T17:17:01+07:00"
    assert signer["time_confidence"] == 93.0 and bounding_times(ev) == ["2025-01-17T17:06:30", "2025-01-17T17:17:01+07:00"]


def test_a_misread_stamp_time_gives_no_date():
    lines = [line("Ký bởi: Ủy ban nhân dân tỉnh Quảng Ngãi", 2005, 15, 25),
             line("Thời gian ký: 47/13/2025 17:06:30", 2005, 75, 25)]
    _, stamps = split_stamps(lines + header())
    assert stamp_evidence(stamps[0], 1, float)["time"] is None


def stamped_page(samples_dir):
    """Page 1 of QĐ 138 at 300 dpi with two e-signature stamps drawn in its top margin, as a
    printed-and-scanned signed copy (or a renderer that draws form fields) shows them."""
    import numpy as np
    import pypdfium2
    from PIL import Image, ImageDraw, ImageFont
    from extractors.readers.ocr_image import render_page
    rgb = render_page(pypdfium2.PdfDocument(str(samples_dir / "2024" / "qd-138-2024-bacninh.pdf")), 0, 300)
    image = Image.fromarray(rgb)
    d = ImageDraw.Draw(image)
    font = ImageFont.truetype("DejaVuSans.ttf", 24)
    signer = ["Ký bởi: Ủy ban nhân dân tỉnh Bắc Ninh", "Cơ quan: Tỉnh Bắc Ninh", "Thời gian ký: 15/02/2024 16:20:05"]
    gazette = ["TRUNG TÂM CÔNG BÁO", "VÀ TIN HỌC", "congbao@bacninh.gov.vn", "16.02.2024 08:01:10 +07:00"]
    for i, t in enumerate(signer):
        d.text((1900, 20 + 32 * i), t, font=font, fill=(20, 40, 200))
    for i, t in enumerate(gazette):
        d.text((1250, 20 + 32 * i), t, font=font, fill=(0, 0, 0))
    return np.asarray(image, dtype=np.uint8)


def test_a_page_with_stamps_reads_like_the_page_without_them(samples_dir):
    from extractors.document import Document
    from extractors.metadata import find_metadata
    from extractors.readers.ocr import ocr_page, tesseract_ready
    if tesseract_ready() is not None:
        import pytest
        pytest.skip("Tesseract with Vietnamese is needed")
    doc = Document(path="stamped.pdf", sha256="0" * 64, format="pdf")
    assert ocr_page(stamped_page(samples_dir), 1, doc) > 80
    lines = doc.lines()
    assert not any(anchors(l.text) for l in lines[:12])  # no stamp line among the header's lines
    so = next(l for l in lines if l.text.startswith("Số"))
    assert so.line <= 12 and so.second_pass is not None  # the digits pass looked at "Số:"
    meta = find_metadata(lines)
    assert meta["issuer"] == "UBND tỉnh Bắc Ninh" and meta["symbol"] == "QĐ-UBND"
    assert meta["number"] in ("138/QĐ-UBND", None)
    stamps = [s for s in doc.stamps if s["kind"] == "e-signature stamp"]
    assert len(stamps) == 2
    assert any(s["signed_by"] == "Ủy ban nhân dân tỉnh Bắc Ninh" and s["time"] == "2024-02-15T16:20:05" for s in stamps)


HEADER_TEXT = """ỦY BAN NHÂN DÂN
TỈNH BẮC NINH
Số: 138/QĐ-UBND
Bắc Ninh, ngày {day} tháng 02 năm 2024
QUYẾT ĐỊNH
Về việc tổ chức các Cụm, Khối thi đua của tỉnh năm 2024
"""


def test_a_stamp_time_bounds_the_issue_date_and_is_kept_as_evidence():
    from extractors.extract import extract
    from tests.helpers import text_doc
    stamp = {"kind": "e-signature stamp", "page": 1, "bbox": [480, 4, 583, 22], "text": "Ký bởi: UBND tỉnh Bắc Ninh",
             "signed_by": "UBND tỉnh Bắc Ninh", "time": "2024-02-16T08:01:10", "time_confidence": 91.0, "email": None}
    doc = text_doc(HEADER_TEXT.format(day=15))
    doc.stamps = [stamp]
    rec = extract(doc)
    assert rec["issued_date"] == "2024-02-15" and rec["signature_stamps"] == [stamp]
    assert rec["issuer"] == "UBND tỉnh Bắc Ninh" and rec["number"] == "138/QĐ-UBND"
    late = text_doc(HEADER_TEXT.format(day=20))  # dated after it was signed: not believed
    late.stamps = [stamp]
    rec = extract(late)
    assert rec["issued_date"] is None and any("sau lần ký số đầu tiên" in w for w in rec["warnings"])
    late.stamps = [dict(stamp, time_confidence=62.0)]  # a time read unsurely bounds nothing
    assert extract(late)["issued_date"] == "2024-02-20"
