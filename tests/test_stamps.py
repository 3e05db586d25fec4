"""E-signature stamps on an OCR'd page are told apart from the document's lines (synthetic
lines with pixel boxes, as `lines_from_words` gives them at 300 dpi)."""
from extractors.readers.stamps import anchors, split_stamps, stamp_evidence, stamp_date


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
    assert stamp_date(gazette).isoformat() == "2025-01-17"


def test_a_misread_stamp_time_gives_no_date():
    lines = [line("Ký bởi: Ủy ban nhân dân tỉnh Quảng Ngãi", 2005, 15, 25),
             line("Thời gian ký: 47/13/2025 17:06:30", 2005, 75, 25)]
    _, stamps = split_stamps(lines + header())
    assert stamp_evidence(stamps[0], 1, float)["time"] is None
