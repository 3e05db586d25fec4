"""`review` is the one queue: every validation finding that needs a person (errors and warnings)
is in it; the canned queries ask their parameters in the order people read them."""
import re
import sqlite3

from pipeline.web.datasette.plugins.quyetdinh_sql import prepare_connection
from pipeline.checks.review import review_items
from pipeline.web.schema_docs import QUERIES
from pipeline.store.db import open_db


def test_validation_warnings_are_in_the_queue(samples_db_path):
    db = open_db(str(samples_db_path))
    findings = {(r["rule"], r["severity"]) for r in db.query(
        "select rule, severity from validation_issues where severity in ('error', 'warning')")}
    queued = {(i["field"], i["severity"]) for i in review_items(db) if i["kind"].startswith("validation_")}
    assert ("leader_again", "warning") in findings and findings <= queued
    assert {i["kind"] for i in review_items(db, "validation_warning")} == {"validation_warning"}


def test_parameters_in_reading_order():
    first_seen = lambda sql: list(dict.fromkeys(re.findall(r"(?<!:):(\w+)", sql)))
    assert first_seen(QUERIES["year_diff"]["sql"])[:2] == ["year_a", "year_b"]


def test_roster_with_no_year_shows_every_year(samples_db_path):
    conn = sqlite3.connect(f"file:{samples_db_path}?mode=ro", uri=True)
    prepare_connection(conn)
    sql = QUERIES["roster"]["sql"]
    years = {r[0] for r in conn.execute(f"select distinct year from ({sql})", {"year": "", "province": ""})}
    assert {2023, 2024, 2025} <= years
    one = {r[0] for r in conn.execute(f"select distinct year from ({sql})", {"year": "2024", "province": "bac ninh"})}
    assert one == {2024}
    conn.close()


def test_rosters_known_only_from_news_reach_roster_and_reports(tmp_path):
    from pipeline.checks.history import diff_by_province
    from pipeline.web.report import build_html
    from pipeline.store.load import load_record
    from pipeline.checks.validate import refresh
    from tests.test_validate import record
    db = open_db(str(tmp_path / "q.db"))
    group = [("Khối thi đua các cơ quan nội chính", ["Công an tỉnh", "Tòa án nhân dân tỉnh", "Sở Tư pháp"],
              "Công an tỉnh", [], None)]
    load_record(db, record(None, 2023, group, doc_type="tin_bai", issued="2023-03-01", province="Hà Tĩnh"))
    later = [("Khối thi đua các cơ quan nội chính", ["Công an tỉnh", "Tòa án nhân dân tỉnh", "Sở Tư pháp", "Thanh tra tỉnh"],
              "Sở Tư pháp", [], None)]
    load_record(db, record(None, 2024, later, doc_type="tin_bai", issued="2024-03-01", province="Hà Tĩnh"))
    issues = refresh(db)
    rows = list(db.query("select * from roster where province = 'Hà Tĩnh' and year = 2024"))
    assert len(rows) == 4 and {r["vai_tro"] for r in rows if r["role"] == "leader"} == {"Trưởng khối"}
    assert not [i for i in issues if i["rule"] == "news_contradicts_decision"]  # news is not checked against news
    (section,) = diff_by_province(db, 2023, 2024, "ha tinh")
    assert [c["change"] for c in section["changes"]] == ["added"]
    html = build_html(db, "Hà Tĩnh", 2024)
    assert "Theo bài tin" in html and "Thanh tra tỉnh" in html
    # A decision of the same group and year takes the news item's place.
    load_record(db, record(5, 2024, [("Khối thi đua các cơ quan nội chính", ["Công an tỉnh", "Sở Tư pháp"], "Công an tỉnh", [], None)],
                           province="Hà Tĩnh"))
    issues = refresh(db)
    rows = list(db.query("select * from roster where province = 'Hà Tĩnh' and year = 2024"))
    assert len(rows) == 2 and {r["decision_number"] for r in rows} == {"5/QĐ-UBND"}
    assert [i for i in issues if i["rule"] == "news_contradicts_decision"]


def test_page_regions_from_any_folder(tmp_path, monkeypatch):
    """A file loaded by a relative path is found again from another folder (abs_path), and a
    crop that cannot be made says why."""
    from reportlab.pdfgen import canvas

    from pipeline.checks.review import save_crops
    from pipeline.store.load import load_record
    from pipeline.store.rows import record_rows
    from tests.test_validate import record
    work = tmp_path / "work"
    (work / "in").mkdir(parents=True)
    pdf = work / "in" / "qd.pdf"
    c = canvas.Canvas(str(pdf))
    c.drawString(72, 720, "Số: 47 /QĐ-UBND")
    c.save()
    monkeypatch.chdir(work)
    rec = record(None, 2024, [])
    rec["source"]["path"] = "in/qd.pdf"
    assert record_rows(rec, None)["documents"][0]["abs_path"] == str(pdf)
    db = open_db(str(tmp_path / "q.db"))
    load_record(db, rec)
    monkeypatch.chdir(tmp_path)  # another folder: "in/qd.pdf" is not here
    items = [dict(i) for i in review_items(db) if i.get("document_id")]
    assert items and all(i["file"] == str(pdf) for i in items)
    n, without = save_crops([dict(items[0], page=1, bbox=[60, 60, 300, 90])], tmp_path / "crops")
    assert n == 1 and without == {}
    n, without = save_crops([{"kind": "x", "path": "in/qd.pdf", "page": 1, "bbox": None},
                             {"kind": "x", "path": str(pdf), "page": None}], tmp_path / "crops")
    assert n == 0 and without == {"tệp không còn ở chỗ cũ": 1, "mục không gắn với một trang": 1}


def test_a_corrected_issuer_gives_a_news_item_its_province():
    """'Sở Nội vụ' of a news item whose province was not found has no unit id; once a person
    corrects the issuer, it is that province's Sở Nội vụ (no unknown unit left to review)."""
    from pipeline.corrections.apply import corrected_rows
    from pipeline.corrections.entries import new_entry
    from pipeline.store.rows import document_id
    from pipeline.units.registry import resolve_record
    from tests.test_validate import record
    rec = record(None, 2024, [("Khối thi đua Nội chính", ["Sở Nội vụ", "Sở Tư pháp"], "Sở Nội vụ", [], None)],
                 doc_type="tin_bai", province=None)
    rec["place"], rec["issuer"], rec["province"] = None, None, None
    resolve_record(rec)
    assert rec["province"] is None and {m["unit_id"] for m in rec["groups"][0]["members"]} == {None}
    entry = new_entry(rec, document_id(rec), rec["source"]["path"], "issuer", "UBND tỉnh Hà Tĩnh")
    rows = corrected_rows(rec, None, [entry])
    assert {m["unit_id"] for m in rows["memberships"]} == {"ha-tinh:so-noi-vu", "ha-tinh:so-tu-phap"}


def test_review_reads_vietnamese_and_english_stays_an_option(monkeypatch):
    """The queue's kinds and the OCR evidence are words a person reads; the codes stay for --kind."""
    from pipeline.checks.review import format_review
    from pipeline.store.views import _evidence
    item = {"severity": "warning", "kind": "low_confidence", "field": "number", "value": "47/QĐ-UBND", "path": "scan.pdf",
            "page": 1, "line": 5, "document_id": "c636c9dc48df", "why": "…", "text": None, "bbox": None}
    out = format_review([item])
    assert "[cảnh báo] OCR chưa chắc chắn (low_confidence)  number = 47/QĐ-UBND" in out
    assert "tại scan.pdf trang 1 dòng 5" in out
    monkeypatch.setenv("QUYETDINH_LANG", "en")
    assert "[warning] low OCR confidence (low_confidence)" in format_review([item])
    assert "at scan.pdf page 1 line 5" in format_review([item])
    conn = sqlite3.connect(":memory:")
    said = conn.execute(f"select {_evidence('s')} from (select ? as s)", ["hand-digit reader + file name"]).fetchone()[0]
    assert said == "bộ đọc chữ số viết tay + tên tệp"
    assert conn.execute(f"select {_evidence('s')} from (select ? as s)", ["new"]).fetchone()[0] == "new"
