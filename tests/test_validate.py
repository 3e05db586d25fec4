import pytest

from pipeline.store import load_record, open_db
from pipeline.validate import format_text, validate


def record(number, year, groups, doc_type="quyet_dinh", sha=None):
    return {"schema": 1, "source": {"path": f"{number}.pdf", "sha256": sha or f"{number}-{year}".ljust(64, "0"),
                                    "format": "pdf", "pages": 1, "ocr": False},
            "status": "ok", "error": None, "doc_type": doc_type, "number": f"{number}/QĐ-UBND", "symbol": "QĐ-UBND",
            "issued_date": f"{year}-02-01", "place": "Bắc Ninh", "issuer": "UBND tỉnh Bắc Ninh", "subject": None,
            "signer": None, "year": year, "persons": [], "dates": [], "references": [], "warnings": [],
            "groups": [{"kind": "khối", "name": name, "ordinal": None, "leader": leader, "deputies": [],
                        "stated_member_count": stated, "provenance": {"page": 1, "line": 1},
                        "members": [{"name": m, "unit_id": None, "role": "leader" if m == leader else "member",
                                     "provenance": {"page": 1, "line": i + 2}} for i, m in enumerate(members)]}
                       for name, members, leader, stated in groups]}


def rules(db):
    return sorted({i["rule"] for i in validate(db) if i["severity"] != "info"})


@pytest.fixture
def db(tmp_path):
    return open_db(str(tmp_path / "v.db"))


def test_clean_roster_has_no_errors(db):
    load_record(db, record(1, 2024, [("Khối A", ["Sở Nội vụ", "Sở Tư pháp"], "Sở Nội vụ", 2),
                                      ("Khối B", ["Sở Y tế"], "Sở Y tế", None)]))
    assert rules(db) == []


def test_leader_not_member_and_count_mismatch(db):
    load_record(db, record(1, 2024, [("Khối A", ["Sở Nội vụ", "Sở Tư pháp"], "Sở Y tế", 3)]))
    assert rules(db) == ["leader_is_member", "stated_count_matches"]


def test_missing_leader_and_empty_group(db):
    load_record(db, record(1, 2024, [("Khối A", [], None, None)]))
    assert rules(db) == ["group_has_members", "one_leader"]


def test_unit_in_two_groups_same_year(db):
    load_record(db, record(1, 2024, [("Khối A", ["Sở Nội vụ"], "Sở Nội vụ", None),
                                      ("Khối B", ["Sở Nội vụ", "Sở Y tế"], "Sở Y tế", None)]))
    assert "one_group_per_year" in rules(db)


def test_duplicate_member(db):
    load_record(db, record(1, 2024, [("Khối A", ["Sở Nội vụ", "Sở Nội vụ"], "Sở Nội vụ", None)]))
    assert "no_duplicate_member" in rules(db)


def test_year_over_year_changes(db):
    load_record(db, record(1, 2024, [("Khối A", ["Sở Nội vụ", "Sở Tư pháp"], "Sở Nội vụ", None),
                                      ("Khối B", ["Sở Y tế"], "Sở Y tế", None)]))
    load_record(db, record(2, 2025, [("Khối A", ["Sở Nội vụ"], "Sở Nội vụ", None),
                                      ("Khối B", ["Sở Y tế", "Sở Tư pháp", "Sở Xây dựng"], "Sở Y tế", None)]))
    msgs = [i["message"] for i in validate(db) if i["rule"] == "year_over_year"]
    assert any("Sở Tư pháp moved from Khối A (2024) to Khối B (2025)" in m for m in msgs)
    assert any("Sở Xây dựng added in 2025" in m for m in msgs)
    assert "Validation:" in format_text(validate(db))
