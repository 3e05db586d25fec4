"""Each rule: a roster that breaks it and one that does not."""
import pytest

from pipeline.checks.history import year_diff
from pipeline.checks.roster_state import roster_on
from pipeline.store.db import open_db
from pipeline.store.load import load_record
from pipeline.checks.validate import format_text, refresh

N = iter(range(10_000))


def record(number, year, groups, doc_type="quyet_dinh", issued=None, subject=None, changes=None, amends=None,
           province="Bắc Ninh"):
    issued = issued or f"{year}-02-01"
    members_of = lambda members, leader, deputies: [
        {"name": m, "unit_id": None, "role": "leader" if m == leader else "deputy" if m in deputies else "member",
         "provenance": {"page": 1, "line": i + 2}} for i, m in enumerate(members)]
    rec = {"schema": 1, "source": {"path": f"{number}-{next(N)}.pdf", "sha256": f"{number}-{issued}-{next(N)}".ljust(64, "0"),
                                   "format": "pdf", "pages": 1, "ocr": False},
           "status": "ok", "error": None, "doc_type": doc_type,
           "number": None if doc_type == "tin_bai" else f"{number}/QĐ-UBND", "symbol": "QĐ-UBND",
           "issued_date": issued, "place": "Bắc Ninh", "issuer": None if doc_type == "tin_bai" else f"UBND tỉnh {province}",
           "subject": subject or f"Về việc tổ chức các Khối thi đua năm {year}", "signer": None, "year": year,
           "province": province, "persons": [], "dates": [], "references": [], "warnings": [],
           "groups": [{"kind": "khối", "name": name, "ordinal": None, "leader": leader, "deputies": list(deputies),
                       "stated_member_count": stated, "provenance": {"page": 1, "line": 1},
                       "members": members_of(members, leader, deputies)}
                      for name, members, leader, deputies, stated in groups]}
    from pipeline.units.registry import resolve_record
    resolve_record(rec)
    if amends:
        rec["amends"], rec["changes"] = amends, changes
    return rec


CLEAN = [("Khối A", ["Sở Nội vụ", "Sở Tư pháp", "Thanh tra tỉnh"], "Sở Nội vụ", ["Sở Tư pháp"], 3),
         ("Khối B", ["Sở Y tế", "Sở Xây dựng"], "Sở Y tế", [], None)]


@pytest.fixture
def db(tmp_path):
    return open_db(str(tmp_path / "v.db"))


def rules(db, severities=("error", "warning")):
    return sorted({i["rule"] for i in refresh(db) if i["severity"] in severities})


def test_clean_roster_has_no_errors_or_warnings(db):
    load_record(db, record(1, 2024, CLEAN))
    assert rules(db) == []


def test_group_has_members(db):
    load_record(db, record(1, 2024, CLEAN + [("Khối C", [], None, [], None)]))
    assert rules(db) == ["group_has_members"]


def test_no_duplicate_member(db):
    load_record(db, record(1, 2024, [("Khối A", ["Sở Nội vụ", "Sở Tư pháp", "Sở Nội vụ"], "Sở Nội vụ", [], None)]))
    assert rules(db) == ["no_duplicate_member"]


def test_one_leader_missing_and_two_leaders(db):
    load_record(db, record(1, 2024, [("Khối A", ["Sở Nội vụ", "Sở Tư pháp"], None, [], None)]))
    assert rules(db) == ["one_leader"]
    load_record(db, record(2, 2024, [("Khối A", ["Sở Nội vụ", "Sở Tư pháp"], "Sở Tư pháp", [], None)], issued="2024-03-01"))
    load_record(db, record(3, 2024, [("Khối A", ["Sở Nội vụ", "Sở Tư pháp"], "Sở Nội vụ", [], None)], issued="2024-04-01"))
    two = [i for i in refresh(db) if i["rule"] == "one_leader" and i["severity"] == "error"]
    assert len(two) == 1 and "có 2 đơn vị trưởng" in two[0]["message"] and "Kiểm tra:" in format_text(refresh(db))


def test_leader_and_deputy_are_members(db):
    load_record(db, record(1, 2024, [("Khối A", ["Sở Nội vụ", "Sở Tư pháp"], "Sở Y tế", ["Sở Xây dựng"], None)]))
    assert rules(db) == ["deputy_is_member", "leader_is_member"]


def test_one_group_per_year(db):
    load_record(db, record(1, 2024, [("Khối A", ["Sở Nội vụ", "Sở Tư pháp"], "Sở Nội vụ", [], None),
                                      ("Khối B", ["Sở Tư pháp", "Sở Y tế"], "Sở Y tế", [], None)]))
    assert rules(db) == ["one_group_per_year"]


def test_stated_count(db):
    load_record(db, record(1, 2024, [("Khối A", ["Sở Nội vụ", "Sở Tư pháp"], "Sở Nội vụ", [], 3)]))
    assert rules(db) == ["stated_count_matches"]


def test_unit_valid_on_date(db):
    load_record(db, record(1, 2026, [("Khối A", ["Sở Nội vụ", "Sở Kế hoạch và Đầu tư"], "Sở Nội vụ", [], None)],
                           issued="2026-01-20"))
    issues = refresh(db)
    hit = [i for i in issues if i["rule"] == "unit_valid_on_date"]
    assert len(hit) == 1 and "Sở Tài chính" in hit[0]["message"]  # the successor is named


def test_duplicate_number_and_same_decision_twice(db):
    load_record(db, record(7, 2024, CLEAN, issued="2024-02-01"))
    load_record(db, record(7, 2024, CLEAN, issued="2024-02-01"))  # the same decision from a second file
    assert rules(db) == [] and "same_decision_twice" in rules(db, ("info",))
    load_record(db, record(7, 2024, [], issued="2024-05-01", subject="Ban hành Quy chế"))
    assert rules(db) == ["duplicate_number"]


def test_decision_after_period(db):
    load_record(db, record(1, 2023, CLEAN, issued="2024-03-01"))
    assert rules(db) == ["decision_after_period"]


def test_news_that_contradicts_the_decision(db):
    load_record(db, record(1, 2024, CLEAN))
    load_record(db, record(None, 2024, [("Khối thi đua A", ["Sở Nội vụ", "Sở Tư pháp", "Thanh tra tỉnh"], "Sở Nội vụ", [], None)],
                           doc_type="tin_bai", issued="2024-03-20"))
    assert rules(db) == []
    load_record(db, record(None, 2024, [("Khối thi đua A", ["Sở Nội vụ", "Sở Tư pháp"], "Sở Tư pháp", [], None)],
                           doc_type="tin_bai", issued="2024-03-21"))
    msgs = [i["message"] for i in refresh(db) if i["rule"] == "news_contradicts_decision"]
    assert len(msgs) == 2 and any("thiếu Thanh tra tỉnh" in m for m in msgs)


def test_year_over_year_and_leader_again(db):
    load_record(db, record(1, 2024, CLEAN))
    load_record(db, record(2, 2025, [("Khối A", ["Sở Nội vụ", "Thanh tra tỉnh"], "Sở Nội vụ", [], None),
                                      ("Khối B", ["Sở Y tế", "Sở Xây dựng", "Sở Tư pháp"], "Sở Tư pháp", [], None)],
                           issued="2025-01-20"))
    issues = refresh(db)
    assert [i["rule"] for i in issues if i["severity"] != "info"] == ["leader_again"]
    msgs = [i["message"] for i in issues if i["rule"] == "year_over_year"]
    assert any("Sở Tư pháp chuyển từ Khối A (2024) sang Khối B (2025)" in m for m in msgs)
    assert [c["change"] for c in year_diff(db, 2024, 2025, "Bắc Ninh")] == ["moved", "deputy_to_leader", "leader_again"]


def test_amendment_applies_in_date_order(db):
    load_record(db, record(138, 2024, CLEAN, issued="2024-02-15"))
    load_record(db, record(615, 2024, [], issued="2024-06-12", subject="Về việc sửa đổi, bổ sung Quyết định số 138/QĐ-UBND",
                           amends={"number": "138/QĐ-UBND", "date": "2024-02-15"},
                           changes=[{"op": "move_member", "unit": "Thanh tra tỉnh", "from_group": "Khối A", "to_group": "Khối B",
                                     "provenance": {"page": None, "line": 13}},
                                    {"op": "replace_role", "unit": "Sở Tư pháp", "group": "Khối A", "role": "leader",
                                     "old_unit": "Sở Nội vụ", "provenance": {"page": None, "line": 14}}]))
    assert rules(db) == []
    before = {(r["unit_name"], r["role"]) for r in roster_on(db, "Khối A", "2024-03-01")}
    after = {(r["unit_name"], r["role"]) for r in roster_on(db, "Khối A", "2024-07-01")}
    assert before == {("Sở Nội vụ", "leader"), ("Sở Tư pháp", "deputy"), ("Thanh tra tỉnh", "member")}
    assert after == {("Sở Nội vụ", "member"), ("Sở Tư pháp", "leader")}
    assert {r["unit_name"] for r in roster_on(db, "Khối B", "2024-07-01")} == {"Sở Y tế", "Sở Xây dựng", "Thanh tra tỉnh"}
    step = [r for r in roster_on(db, "Khối B", "2024-07-01") if r["unit_name"] == "Thanh tra tỉnh"][0]
    assert step["source_number"] == "615/QĐ-UBND" and step["step"] == "move_member" and step["line"] == 13


def test_amendment_of_an_unknown_decision_is_reported(db):
    load_record(db, record(616, 2024, [], issued="2024-06-12", amends={"number": "999/QĐ-UBND", "date": None},
                           changes=[{"op": "move_member", "unit": "Sở Y tế", "from_group": "Khối A", "to_group": "Khối B",
                                     "provenance": {"page": None, "line": 3}}]))
    assert rules(db) == ["amendment_applies"]


def test_samples_report_exactly_the_planted_problems(samples_dir, tmp_path):
    import json
    from collections import Counter

    from extractors.extract import safe_extract
    from flows.ingest import discover_files
    db = open_db(str(tmp_path / "samples.db"))
    for path in discover_files([str(samples_dir)]):
        load_record(db, *safe_extract(path))
    got = Counter((i["rule"], i["severity"], i["source_path"].split("samples/")[-1])
                  for i in refresh(db) if i["severity"] != "info")
    planted = json.loads((samples_dir / "problems" / "EXPECTED_VALIDATION.json").read_text(encoding="utf-8"))
    want = Counter((p["rule"], p["severity"], "problems/" + p["file"].split("/")[-1]) for p in planted)
    # The news item cut off mid-list (a trap of the extraction samples) states 4 units and lists 3.
    want[("stated_count_matches", "warning", "other/tin-2022-thaibinh-cum-cut.txt")] += 1
    assert got == want


def test_messages_in_vietnamese_and_english_on_request(db, monkeypatch):
    load_record(db, record(1, 2024, [("Khối A", ["Sở Nội vụ", "Sở Tư pháp"], "Sở Y tế", [], None)]))
    (vi,) = [i["message"] for i in refresh(db) if i["rule"] == "leader_is_member"]
    assert vi == "Khối A: đơn vị trưởng Sở Y tế không có trong danh sách thành viên"
    assert format_text(refresh(db)).startswith("Kiểm tra: 1 lỗi")
    monkeypatch.setenv("QUYETDINH_LANG", "en")
    (en,) = [i["message"] for i in refresh(db) if i["rule"] == "leader_is_member"]
    assert en == "Khối A: leader Sở Y tế is not among its members"
    assert format_text(refresh(db)).startswith("Validation: 1 error")
