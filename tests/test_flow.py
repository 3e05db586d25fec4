import shutil

from pipeline.store.db import open_db
from pipeline.store.load import counts


def test_flow_loads_samples_and_survives_a_bad_file(prefect_harness, samples_dir, tmp_path):
    from flows.ingest import ingest
    batch = tmp_path / "batch"
    shutil.copytree(samples_dir / "2024", batch / "2024")
    (batch / "broken.pdf").write_bytes(b"%PDF-1.4 broken")
    db_path = str(tmp_path / "q.db")

    summary = ingest(paths=[str(batch)], db_path=db_path)
    assert summary["files"] == 7 and summary["status"]["unreadable"] == 1
    assert summary["groups"] >= 10 and summary["members"] > 100
    db = open_db(db_path)
    first = counts(db)
    assert first["documents"] == 7 and first["memberships"] == summary["members"]
    assert db.execute("select status, error from documents where path like '%broken.pdf'").fetchone()[0] == "unreadable"

    again = ingest(paths=[str(batch)], db_path=db_path)
    assert again["loaded"] == 0 and counts(db) == first

    # The run writes the yearly report pages and its artifact links to them.
    from pathlib import Path

    from prefect.artifacts import Artifact
    pages = {(r["province"], r["year"]): r["html"] for r in again["reports"]}
    assert Path(pages[("Bắc Ninh", 2024)]).is_file() and Path(pages[("Bắc Ninh", 2024)]).parent == tmp_path / "reports"
    artifact = Artifact.get("quyetdinh-run-summary")
    assert Path(pages[("Bắc Ninh", 2024)]).resolve().as_uri() in artifact.data


def test_dask_local_cluster_extracts_and_one_writer_loads(prefect_harness, samples_dir, tmp_path):
    from flows.ingest import run
    db_path = str(tmp_path / "dask.db")
    summary = run([str(samples_dir / "2025")], db_path, workers=2, local_cluster=True)
    assert summary["files"] == 4 and summary["status"] == {"ok": 4} and summary["loaded"] == 4
    assert counts(open_db(db_path))["documents"] == 4


def test_review_loop_corrections_survive_runs_and_feed_validation(prefect_harness, samples_dir, tmp_path, capsys):
    """The issue's loop: a scan whose number is hand-written → review → correct → run again."""
    import pytest

    from extractors.readers.ocr import tesseract_ready
    from flows.ingest import ingest
    from pipeline.cli import main
    from pipeline.checks.review import review_items
    from tests.helpers import scan_with_handwritten_number
    if tesseract_ready() is not None:
        pytest.skip("Tesseract with Vietnamese is needed")
    batch = tmp_path / "batch"
    batch.mkdir()
    scan = scan_with_handwritten_number(samples_dir / "2024" / "qd-138-2024-bacninh.pdf", batch / "scanned-decision.pdf")
    shutil.copy(samples_dir / "problems" / "qd-15-2023-hungyen.docx", batch)
    db_path = str(tmp_path / "data" / "q.db")
    ingest(paths=[str(batch)], db_path=db_path)
    db = open_db(db_path)
    queue = review_items(db)
    todo = next(i for i in queue if i["kind"] == "missing_required" and i["field"] == "number")
    assert todo["path"] == str(scan) and todo["page"] == 1 and todo["text"].startswith("Số") and len(todo["bbox"]) == 4
    rules = {i["rule"] for i in db.query("select rule from validation_issues")}
    assert {"number_missing", "one_group_per_year"} <= rules

    assert main(["correct", str(scan), "number", "47/QĐ-UBND", "--note", "read from the paper copy", "--db", db_path]) == 0
    hungyen = str(batch / "qd-15-2023-hungyen.docx")
    assert main(["correct", hungyen, "member.move", "Sở Khoa học và Công nghệ",
                 "--group", "Khối các cơ quan kinh tế - văn hóa - xã hội", "--db", db_path]) == 0
    out = capsys.readouterr().out
    assert "null → \"47/QĐ-UBND\"  (đã áp dụng" in out and (tmp_path / "data" / "corrections.yaml").exists()

    again = ingest(paths=[str(batch)], db_path=db_path)  # nothing re-read; the corrections still win
    assert again["loaded"] == 0 and again["corrections"] == {"applied": 2}
    db = open_db(db_path)
    number, human = db.execute("select number, human_fields from decisions where id = ?",
                               [todo["document_id"]]).fetchone()
    assert number == "47/QĐ-UBND" and "number" in human
    moved = db.execute("select g.name, m.provenance from memberships m join groups g on g.id = m.group_id "
                       "where m.unit_name = 'Sở Khoa học và Công nghệ'").fetchall()
    # It was listed in both blocs: the move took it out of the other one (marked human there).
    assert moved == [("Khối các cơ quan kinh tế - văn hóa - xã hội", "extracted")]
    assert "member.move" in db.execute("select human_fields from groups where name like '%tổng hợp - nội chính'").fetchone()[0]
    rules = {i["rule"] for i in db.query("select rule from validation_issues")}
    assert not {"number_missing", "one_group_per_year"} & rules
    assert not [i for i in review_items(db) if i["field"] in ("number", "one_group_per_year")]
    assert db.execute("select source_number from roster_state where unit_name = 'Sở Khoa học và Công nghệ' "
                      "and valid_to is null").fetchone()[0] == "15/QĐ-UBND"

    # Extracting from scratch (a new database beside the same corrections file) gives the same.
    fresh = ingest(paths=[str(batch)], db_path=str(tmp_path / "data" / "fresh.db"))
    assert fresh["loaded"] == 2 and fresh["corrections"] == {"applied": 2}
    assert open_db(str(tmp_path / "data" / "fresh.db")).execute(
        "select count(*) from decisions where number = '47/QĐ-UBND'").fetchone()[0] == 1
