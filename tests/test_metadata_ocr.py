"""Hand-written numbers and days: accepted on strong evidence, otherwise null with a warning."""
from extractors.document import Line
from extractors.metadata import find_number, find_place_date, name_numbers, weigh_ocr_digits


def ocr_line(text, words, second=None):
    return Line(text, 1, 4, confidence=80.0, words=words, second_pass=second)


def test_plausible_wrong_digits_are_refused():
    # Tesseract reads a hand-written "23" as "22"; the second pass disagrees and the file says 23.
    line = ocr_line("Số: 22 /BC-UBND", [("Số:", 95), ("22", 65), ("/BC-UBND", 90)], {"field": "number", "digits": "3", "conf": 50})
    number, symbol, _, ev = find_number([line], "bc-23.pdf")
    assert number is None and symbol == "BC-UBND" and "viết tay" in ev["note"]


def test_second_pass_agreeing_with_the_file_name_is_accepted():
    line = ocr_line("Số: 0 /QĐ-BCĐ138", [("Số:", 95), ("0", 68), ("/QĐ-BCĐ138", 87)], {"field": "number", "digits": "04", "conf": 65})
    number, _, _, ev = find_number([line], "qd-04-bcd138-2025.pdf")
    assert number == "04/QĐ-BCĐ138" and ev["number_source"] == "ocr second pass + file name"


def test_without_evidence_the_number_is_null():
    line = ocr_line("Số: 47 /QĐ-UBND", [("Số:", 95), ("47", 62), ("/QĐ-UBND", 90)], None)
    assert find_number([line], "scan.pdf")[0] is None


def test_two_agreeing_confident_readings_are_accepted():
    assert weigh_ocr_digits("138", 96, {"digits": "138", "conf": 93}, set(), "the number")[0] == "138"


def test_unreadable_day_keeps_month_and_year():
    line = ocr_line("Quảng Ngãi, ngày {Ệ tháng 01 năm 2025", [("Quảng", 95), ("Ngãi,", 96), ("ngày", 46), ("{Ệ", 46), ("tháng", 96)],
                    {"field": "day"})
    place, issued, ev = find_place_date([line])
    assert place == "Quảng Ngãi" and issued is None and ev["month"] == "2025-01"


def test_name_numbers():
    assert name_numbers("a/b/qd-04-bcd138-2025.pdf") == {"4", "138", "2025"}
