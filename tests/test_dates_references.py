from datetime import date

from extractors.dates import find_dates
from extractors.references import find_references
from tests.helpers import text_doc


def test_dates_with_roles_and_inferred_year():
    lines = text_doc("01/04/2024 08:00\nChiều 29/3, tại Hội trường.\n"
                     "Theo Quyết định số 138/QĐ-UBND ngày 15/02/2024 của UBND tỉnh.\n"
                     "Quyết định có hiệu lực kể từ ngày 01-03-2024.").lines()
    got = {(d["date"], d["role"]) for d in find_dates(lines, date(2024, 4, 1), is_news=True)}
    assert ("2024-04-01", "published") in got and ("2024-03-29", "event") in got
    assert ("2024-02-15", "reference") in got and ("2024-03-01", "effective") in got
    inferred = [d for d in find_dates(lines, date(2024, 4, 1), True) if d["role"] == "event"][0]
    assert inferred["year_inferred"] is True


def test_references_exclude_own_number():
    lines = text_doc("Số: 52/QĐ-UBND\nCăn cứ Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ quy định;\n"
                     "Xét đề nghị tại Tờ trình số 25/TTr-SNV ngày 05/02/2024.").lines()
    refs = find_references(lines, "52/QĐ-UBND")
    assert [(r["doc_type"], r["number"], r["date"]) for r in refs] == [
        ("nghi_dinh", "98/2023/NĐ-CP", "2023-12-31"), ("to_trinh", "25/TTr-SNV", "2024-02-05")]
    assert refs[0]["issuer"] == "Chính phủ"
