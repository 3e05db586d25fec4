from datetime import date

from extractors.metadata import find_metadata
from tests.helpers import text_doc

HEADER = """ỦY BAN NHÂN DÂN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH BẮC NINH
Độc lập - Tự do - Hạnh phúc
Số: 138/QĐ-UBND
Bắc Ninh, ngày 15 tháng 02 năm 2024
QUYẾT ĐỊNH
Về việc tổ chức các Cụm, Khối thi đua của tỉnh năm 2024
ỦY BAN NHÂN DÂN TỈNH BẮC NINH
Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;
Điều 1. Tổ chức các Cụm, Khối thi đua.
Nơi nhận:
TM. ỦY BAN NHÂN DÂN
- Như Điều 3;
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
- Lưu: VT.
Vương Quốc Tuấn
"""


def test_decision_header_and_signature():
    meta = find_metadata(text_doc(HEADER).lines())
    assert meta["doc_type"] == "quyet_dinh"
    assert (meta["number"], meta["symbol"]) == ("138/QĐ-UBND", "QĐ-UBND")
    assert meta["issued_date"] == date(2024, 2, 15) and meta["place"] == "Bắc Ninh"
    assert meta["issuer"] == "UBND tỉnh Bắc Ninh"
    assert meta["subject"] == "Về việc tổ chức các Cụm, Khối thi đua của tỉnh năm 2024"
    assert meta["signer"]["name"] == "Vương Quốc Tuấn"
    assert meta["signer"]["title"] == "Phó Chủ tịch" and meta["signer"]["authority"] == "KT. CHỦ TỊCH"


def test_number_forms():
    for line, number in [("Số: 05/2019/NQ-HĐND", "05/2019/NQ-HĐND"), ("Số: 1074/QĐ-UBND.HC", "1074/QĐ-UBND.HC"),
                         ("Số: 957/UBND-VX", "957/UBND-VX"), ("Số: 04 /QĐ-BCĐ138", "04/QĐ-BCĐ138"),
                         ("Số: 25/TTr-SNV", "25/TTr-SNV")]:
        assert find_metadata(text_doc(line).lines())["number"] == number


def test_blank_number_keeps_symbol():
    meta = find_metadata(text_doc("Số:      /QĐ-UBND\nQUYẾT ĐỊNH").lines())
    assert meta["number"] is None and meta["symbol"] == "QĐ-UBND"


def test_news_item():
    meta = find_metadata(text_doc("Khối thi đua ký giao ước năm 2024\n01/04/2024 08:00\nChiều 29/3, tại …").lines())
    assert meta["doc_type"] == "tin_bai" and meta["issued_date"] == date(2024, 4, 1)
    assert meta["subject"] == "Khối thi đua ký giao ước năm 2024" and meta["issuer"] is None


def test_notice_is_not_a_decision():
    meta = find_metadata(text_doc("UBND TỈNH BẮC NINH\nSố: 12/TB-UBND\nTHÔNG BÁO\nKết luận của Chủ tịch UBND tỉnh").lines())
    assert meta["doc_type"] == "thong_bao"
