"""Corrections as data: written to YAML, applied at load, kept over re-runs, reported when orphaned."""
import json

import pytest
import yaml

from pipeline.corrections.apply import apply_corrections
from pipeline.corrections.entries import CorrectionError, add_entry, load_corrections, new_entry, save_corrections
from pipeline.checks.review import review_items
from pipeline.corrections.sync import load_record, sync_corrections
from pipeline.store.db import open_db
from pipeline.checks.validate import refresh


def rec(number=None, groups=None, sha="a" * 64):
    groups = groups if groups is not None else [
        ("Khối A", ["Sở Nội vụ", "Sở Tư pháp", "Thanh tra tỉnh"], "Sở Nội vụ"),
        ("Khối B", ["Sở Y tế", "Sở Xây dựng", "Sở Tư pháp"], "Sở Y tế")]
    r = {"schema": 1, "source": {"path": "scan.pdf", "sha256": sha, "format": "pdf", "pages": 1, "ocr": True},
         "status": "ok", "error": None, "doc_type": "quyet_dinh", "number": number, "symbol": "QĐ-UBND",
         "issued_date": "2024-02-01", "place": "Bắc Ninh", "issuer": "UBND tỉnh Bắc Ninh",
         "subject": "Về việc tổ chức các Khối thi đua năm 2024", "signer": None, "year": 2024, "province": "Bắc Ninh",
         "persons": [], "dates": [], "references": [], "warnings": [],
         "field_provenance": {"number": {"page": 1, "line": 5, "confidence": 61.0, "bbox": [120, 100, 220, 118],
                                         "text": "Số: 4† /QĐ-UBND"}},
         "groups": [{"kind": "khối", "name": n, "ordinal": None, "leader": lead, "deputies": [],
                     "stated_member_count": None, "provenance": {"page": 1, "line": 10 * k},
                     "members": [{"name": m, "unit_id": None, "role": "leader" if m == lead else "member",
                                  "provenance": {"page": 1, "line": 10 * k + i + 1}} for i, m in enumerate(ms)]}
                    for k, (n, ms, lead) in enumerate(groups, start=1)]}
    from pipeline.units.registry import resolve_record
    return resolve_record(r)


def test_scalar_correction_wins_and_is_marked_human():
    r = rec()
    e = new_entry(r, "a" * 64, "scan.pdf", "number", " 47/QĐ-UBND ", note="from the paper copy", who="lan")
    assert e["old"] is None and e["new"] == "47/QĐ-UBND" and e["who"] == "lan"
    fixed, results = apply_corrections(r, [e])
    assert fixed["number"] == "47/QĐ-UBND" and r["number"] is None  # the extracted record is left as it was
    assert fixed["human"] == {"number": e["id"]} and fixed["field_provenance"]["number"]["source"] == "human"
    assert results == [{"id": e["id"], "status": "applied", "message": None}]


def test_values_are_checked():
    r = rec()
    with pytest.raises(CorrectionError, match="không phải một ngày"):
        new_entry(r, "a" * 64, "scan.pdf", "issued_date", "31/02/2024")
    assert new_entry(r, "a" * 64, "scan.pdf", "issued_date", "5/3/2024")["new"] == "2024-03-05"
    with pytest.raises(CorrectionError, match="không phải số, ký hiệu"):
        new_entry(r, "a" * 64, "scan.pdf", "number", "bốn bảy")
    with pytest.raises(CorrectionError, match="không có trường"):
        new_entry(r, "a" * 64, "scan.pdf", "colour", "x")
    with pytest.raises(CorrectionError, match="cần --group"):
        new_entry(r, "a" * 64, "scan.pdf", "leader", "Sở Tư pháp")
    with pytest.raises(CorrectionError, match="không có cụm, khối"):
        new_entry(r, "a" * 64, "scan.pdf", "leader", "Sở Tư pháp", group="Khối Z")
    with pytest.raises(CorrectionError, match="chưa có trong sổ đơn vị"):
        new_entry(r, "a" * 64, "scan.pdf", "unit_id", "bac-ninh:khong-co", unit="Sở Y tế")


def test_group_corrections_members_leader_deputies_name_unit_id():
    r = rec()
    es = [new_entry(r, "a" * 64, "scan.pdf", "member.move", "Sở Tư pháp", group="Khối B"),
          new_entry(r, "a" * 64, "scan.pdf", "member.add", "Sở Ngoại vụ", group="Khối A"),
          new_entry(r, "a" * 64, "scan.pdf", "member.remove", "Sở Xây dựng", group="#2"),
          new_entry(r, "a" * 64, "scan.pdf", "leader", "Thanh tra tỉnh", group="Khối A"),
          new_entry(r, "a" * 64, "scan.pdf", "deputies", "Sở Nội vụ; Sở Ngoại vụ", group="Khối A"),
          new_entry(r, "a" * 64, "scan.pdf", "unit_id", "bac-ninh:so-y-te", unit="Sở Y tế"),
          new_entry(r, "a" * 64, "scan.pdf", "group.name", "Khối các cơ quan B", group="Khối B")]
    fixed, results = apply_corrections(r, es)
    assert [x["status"] for x in results] == ["applied"] * 7
    a, b = fixed["groups"]
    assert [m["name"] for m in a["members"]] == ["Sở Nội vụ", "Thanh tra tỉnh", "Sở Ngoại vụ"]
    assert {m["name"]: m["role"] for m in a["members"]} == {"Sở Nội vụ": "deputy", "Thanh tra tỉnh": "leader",
                                                            "Sở Ngoại vụ": "deputy"}
    assert b["name"] == "Khối các cơ quan B" and [m["name"] for m in b["members"]] == ["Sở Y tế", "Sở Tư pháp"]
    assert b["members"][0]["unit_id"] == "bac-ninh:so-y-te" and b["members"][0]["resolution"]["method"] == "human"
    assert a["members"][2]["unit_id"] == "bac-ninh:so-ngoai-vu" and a["members"][2]["human"]


def test_a_correction_whose_target_is_gone_is_orphaned_not_dropped():
    r = rec()
    e = new_entry(r, "a" * 64, "scan.pdf", "leader", "Sở Tư pháp", group="Khối B")
    other = rec(groups=[("Khối C", ["Sở Y tế"], None)])
    fixed, results = apply_corrections(other, [e])
    assert results[0]["status"] == "orphaned" and "không còn cụm, khối" in results[0]["message"]
    assert fixed["groups"][0]["leader"] is None


def test_yaml_file_is_plain_and_a_newer_correction_of_the_same_fact_replaces_the_older(tmp_path):
    r = rec()
    path = tmp_path / "corrections.yaml"
    entries = add_entry([], new_entry(r, "a" * 64, "scan.pdf", "number", "46/QĐ-UBND", who="lan"))
    entries = add_entry(entries, new_entry(r, "a" * 64, "scan.pdf", "subject", "Về việc X", who="lan"))
    entries = add_entry(entries, new_entry(r, "a" * 64, "scan.pdf", "number", "47/QĐ-UBND", who="minh", note="đã kiểm tra"))
    save_corrections(path, entries)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# quyetdinh corrections") and "đã kiểm tra" in text and "47/QĐ-UBND" in text
    assert [(e["field"], e["new"], e["who"]) for e in load_corrections(path)] == [
        ("number", "47/QĐ-UBND", "minh"), ("subject", "Về việc X", "lan")]  # replaced where it stood
    assert isinstance(yaml.safe_load(text), list)
    path.write_text("- {field: colour}\n", encoding="utf-8")
    with pytest.raises(CorrectionError):
        load_corrections(path)


def test_load_applies_corrections_and_the_review_queue_forgets_fixed_facts(tmp_path):
    db = open_db(str(tmp_path / "c.db"))
    r = rec()
    load_record(db, r)
    refresh(db)
    queue = review_items(db)
    number = next(i for i in queue if i["kind"] == "missing_required" and i["field"] == "number")
    assert (number["page"], number["line"], number["text"], number["bbox"]) == (1, 5, "Số: 4† /QĐ-UBND", [120, 100, 220, 118])
    assert any(i["kind"] == "validation_error" and i["field"] == "one_group_per_year" for i in queue)
    entries = [new_entry(r, "a" * 64, "scan.pdf", "number", "47/QĐ-UBND"),
               new_entry(r, "a" * 64, "scan.pdf", "member.remove", "Sở Tư pháp", group="Khối B")]
    result = sync_corrections(db, entries, "corrections.yaml")
    assert [x["status"] for x in result] == ["applied", "applied"]
    refresh(db)
    queue = review_items(db)
    assert not [i for i in queue if i["field"] in ("number", "one_group_per_year")]
    d = db.execute("select number, human_fields, record from decisions").fetchone()
    assert d[0] == "47/QĐ-UBND" and json.loads(d[1]) == {"number": entries[0]["id"]}
    assert json.loads(d[2])["number"] is None  # the extraction record is kept as read
    # A correction for bytes that are no longer loaded is reported.
    gone = dict(entries[0], id="gone", document="b" * 64)
    rows = sync_corrections(db, entries + [gone], "corrections.yaml")
    assert rows[-1]["status"] == "orphaned" and "scan.pdf đã thay đổi" in rows[-1]["message"]
    assert any(i["kind"] == "orphaned_correction" for i in review_items(db))


def test_page_region_and_the_datasette_cell_that_shows_it(samples_dir):
    from pipeline.web.datasette.plugins.quyetdinh_review import render_cell
    from pipeline.checks.review import page_region
    pdf = str(samples_dir / "2024" / "qd-138-2024-bacninh.pdf")
    crop = page_region(pdf, 1, [100, 100, 220, 118], dpi=144)
    assert crop.size == ((220 - 100 + 48) * 2, (118 - 100 + 24) * 2)
    assert page_region(pdf, 9, None) is None and page_region("missing.pdf", 1, None) is None
    row = {"document_id": "abc123", "page": 1, "bbox": "[100, 100, 220, 118]"}
    html = str(render_cell(row, row["bbox"], "bbox", None, "quyetdinh", None))
    assert html.startswith('<a href="/-/quyetdinh/region/quyetdinh/abc123.png?page=1&amp;bbox=') and "<img" in html
    assert render_cell({"page": 1}, "[1,2,3,4]", "bbox", None, "quyetdinh", None) is None


def test_a_changed_file_replaces_its_old_version_and_orphans_its_corrections(tmp_path):
    db = open_db(str(tmp_path / "c.db"))
    first = rec()
    entry = new_entry(first, "a" * 64, "scan.pdf", "number", "47/QĐ-UBND")
    load_record(db, first, corrections=[entry])
    assert db.execute("select number from decisions").fetchall() == [("47/QĐ-UBND",)]
    second = rec(number="48/QĐ-UBND", sha="c" * 64)  # other bytes at the same path
    load_record(db, second, corrections=[])
    assert db.execute("select id, number from decisions").fetchall() == [("c" * 64, "48/QĐ-UBND")]
    assert db.execute("select count(*) from documents").fetchone()[0] == 1
    [row] = sync_corrections(db, [entry], "corrections.yaml")
    assert row["status"] == "orphaned" and row["message"].startswith("scan.pdf đã thay đổi sau khi sửa")


def test_correction_messages_in_english_for_developers(monkeypatch):
    monkeypatch.setenv("QUYETDINH_LANG", "en")
    with pytest.raises(CorrectionError, match="not a date"):
        new_entry(rec(), "a" * 64, "scan.pdf", "issued_date", "31/02/2024")
    with pytest.raises(CorrectionError, match="no group 'Khối Z' in this document"):
        new_entry(rec(), "a" * 64, "scan.pdf", "leader", "Sở Tư pháp", group="Khối Z")


def test_hand_edited_entries_are_checked_and_cleaned(tmp_path):
    path = tmp_path / "corrections.yaml"
    path.write_text("- document: " + "A" * 64 + "\n  field: issued_date\n  new: 2024-02-15\n"
                    "- document: " + "a" * 64 + "\n  field: issued_date\n  new: 15/03/2024\n", encoding="utf-8")
    first, second = load_corrections(path)
    assert first["new"] == "2024-02-15" and first["document"] == "a" * 64 and first["id"]  # a date YAML parsed
    assert second["new"] == "2024-03-15"
    path.write_text("- document: " + "b" * 64 + "\n  field: issued_date\n  new: 31/02/2024\n", encoding="utf-8")
    with pytest.raises(CorrectionError, match="không phải một ngày"):
        load_corrections(path)
    path.write_text("- document: " + "b" * 64 + "\n  field: number\n", encoding="utf-8")
    with pytest.raises(CorrectionError, match="chưa có giá trị mới"):
        load_corrections(path)


def test_removing_or_moving_a_leader_takes_its_role_away():
    r = rec()
    remove = new_entry(r, "a" * 64, "scan.pdf", "member.remove", "Thanh tra tỉnh")  # no group: wherever it is
    move = new_entry(r, "a" * 64, "scan.pdf", "member.move", "Sở Nội vụ", group="Khối B")
    fixed, results = apply_corrections(r, [remove, move])
    assert [x["status"] for x in results] == ["applied", "applied"]
    a, b = fixed["groups"]
    assert [m["name"] for m in a["members"]] == ["Sở Tư pháp"] and a["leader"] is None
    assert "Sở Nội vụ" in [m["name"] for m in b["members"]] and b["leader"] == "Sở Y tế"


def test_renames_chain():
    r = rec()
    steps = [("group.name", "Khối C", "Khối A"), ("leader", "Sở Tư pháp", "Khối C"), ("group.name", "Khối E", "Khối C")]
    entries = []
    for field, value, group in steps:
        current, _ = apply_corrections(r, entries)
        entries = add_entry(entries, new_entry(current, "a" * 64, "scan.pdf", field, value, group=group))
    fixed, results = apply_corrections(r, entries)
    assert [x["status"] for x in results] == ["applied"] * 3
    assert fixed["groups"][0]["name"] == "Khối E" and fixed["groups"][0]["leader"] == "Sở Tư pháp"


def test_a_document_must_be_a_sha256(tmp_path):
    path = tmp_path / "corrections.yaml"
    path.write_text("- document: 0000\n  field: number\n  new: 5/QĐ-UBND\n", encoding="utf-8")
    with pytest.raises(CorrectionError, match="SHA-256"):
        load_corrections(path)
