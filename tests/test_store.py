import pytest

from extractors.extract import safe_extract
from pipeline.store.db import open_db
from pipeline.store.load import counts, load_record
from pipeline.store.schema import ensure_schema


@pytest.fixture(scope="module")
def sample_record(samples_dir):
    return safe_extract(str(samples_dir / "2024" / "qd-138-2024-bacninh.pdf"))


def test_schema_is_idempotent(tmp_path):
    db = open_db(str(tmp_path / "a.db"))
    ensure_schema(db)
    ensure_schema(db)
    assert {"documents", "decisions", "groups", "memberships", "units", "persons", "dates", "references",
            "validation_issues", "documents_fts"} <= set(db.table_names())
    assert db.execute("pragma user_version").fetchone()[0] >= 1
    assert db.table("memberships").foreign_keys


def test_loading_twice_changes_nothing(tmp_path, sample_record):
    record, text = sample_record
    db = open_db(str(tmp_path / "a.db"))
    assert load_record(db, record, text) is True
    before = counts(db)
    assert load_record(db, record, text) is False
    assert counts(db) == before and before["memberships"] == sum(len(g["members"]) for g in record["groups"])
    row = next(db.query("select page, line, source_path from memberships where unit_name = 'Sở Công thương'"))
    assert row["page"] and row["line"] and row["source_path"].endswith(".pdf")


def test_a_failed_load_leaves_nothing_half_written(tmp_path, sample_record):
    import copy
    record, text = sample_record
    bad = copy.deepcopy(record)
    bad["groups"][1]["members"][0]["role"] = object()  # not storable: fails mid-document
    db = open_db(str(tmp_path / "a.db"))
    with pytest.raises(Exception):
        load_record(db, bad, text)
    assert counts(db)["documents"] == 0 and counts(db)["memberships"] == 0


def test_full_text_search_without_diacritics(tmp_path, sample_record):
    record, text = sample_record
    db = open_db(str(tmp_path / "a.db"))
    load_record(db, record, text)
    hits = list(db.query("select rowid from documents_fts where documents_fts match 'quyet dinh thi dua'"))
    assert len(hits) == 1


def test_an_older_database_is_upgraded_in_place(tmp_path, sample_record):
    import sqlite_utils
    record, text = sample_record
    path = str(tmp_path / "old.db")
    old = sqlite_utils.Database(path)
    old.table("documents").create({"id": str, "path": str, "format": str, "pages": int, "ocr": int, "status": str,
                                   "error": str, "text": str, "text_folded": str, "extractor_version": str,
                                   "loaded_at": str}, pk="id")
    old.table("documents").insert({"id": "x" * 64, "path": "old.pdf", "status": "ok"})
    old.execute("PRAGMA user_version = 1")
    old.conn.commit()
    db = open_db(path)
    assert {"ocr_confidence", "ocr_pages", "signing_times"} <= set(db.table("documents").columns_dict)
    assert db.execute("select path from documents where id = ?", ["x" * 64]).fetchone()[0] == "old.pdf"
    from pipeline.store.schema import SCHEMA_VERSION
    assert db.execute("pragma user_version").fetchone()[0] == SCHEMA_VERSION
    load_record(db, record, text)
    assert counts(db)["documents"] == 2
