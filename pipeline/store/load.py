"""Loading records into the store and reading them back.

The document id is the file's SHA-256, so loading the same file twice changes nothing;
each document is written inside one transaction (all of its rows or none).
"""
from __future__ import annotations

import sqlite_utils

from extractors import extractor_version
from extractors.record import ExtractionRecord, from_json
from pipeline.store.db import write_transaction
from pipeline.store.rows import document_id, record_rows
from pipeline.store.schema import CHILD_TABLES, TABLES


def loaded_ids(db: sqlite_utils.Database) -> set[str]:
    """Documents loaded with this extractor; a file stopped by a limit is tried again (the limit
    may have been raised since)."""
    return {r["id"] for r in db.query("select id from documents where extractor_version = ? and "
                                      "status not in ('timeout', 'too_large')", [extractor_version()])}


def refused_paths(db: sqlite_utils.Database) -> dict[str, str]:
    """Files recorded as refused without being opened: path → status (hidden, not_regular)."""
    return {r["path"]: r["status"] for r in db.query(
        "select path, status from documents where status in ('hidden', 'not_regular')")}


def already_loaded(db: sqlite_utils.Database, doc_id: str) -> bool:
    rows = list(db.query("select extractor_version, status from documents where id = ?", [doc_id]))
    # A file stopped by a limit is loaded again when it is read again (under other limits).
    return bool(rows) and rows[0]["extractor_version"] == extractor_version() and rows[0]["status"] not in (
        "timeout", "too_large")


def _delete_document(db: sqlite_utils.Database, doc_id: str, keep_document_row: bool = True) -> None:
    for name in CHILD_TABLES:
        db.execute(f"delete from [{name}] where decision_id = ?", [doc_id])
    db.execute("delete from signatures where document_id = ?", [doc_id])
    db.execute("delete from decisions where id = ?", [doc_id])
    if not keep_document_row:
        db.execute("delete from documents where id = ?", [doc_id])


def write_rows(db: sqlite_utils.Database, doc_id: str, rows: dict[str, list[dict]], replaces: list[str] = ()) -> None:
    """Replace everything known about one document (and the older versions of its file it
    `replaces`), in one transaction."""
    with write_transaction(db):
        _replace_rows(db, doc_id, rows, replaces)


def _replace_rows(db: sqlite_utils.Database, doc_id: str, rows: dict[str, list[dict]], replaces: list[str] = ()) -> None:
    """write_rows inside a transaction the caller holds."""
    for old in replaces:
        _delete_document(db, old, keep_document_row=False)
    _delete_document(db, doc_id)
    for name in ["units", "unit_aliases", "unit_succession", "documents", "signatures", "decisions", "groups",
                 "memberships", "persons", "dates", "references", "amendments"]:
        if rows.get(name):
            db.table(name).upsert_all(rows[name], pk=TABLES[name]["pk"])


def load_record(db: sqlite_utils.Database, record: ExtractionRecord, text: str | None = None,
                rows: dict[str, list[dict]] | None = None) -> bool:
    """Write one record in one transaction; False when already loaded. `rows` are its rows when the
    caller built them (with corrections applied: pipeline.corrections.sync.load_record)."""
    doc_id = document_id(record)
    if already_loaded(db, doc_id):
        return False
    # The file at this path had other bytes before: that version is gone from the batch, and
    # its rows with it (a correction made for it is then reported as orphaned).
    older = [r["id"] for r in db.query("select id from documents where path = ? and id != ?",
                                       [record["source"]["path"], doc_id])]
    write_rows(db, doc_id, record_rows(record, text) if rows is None else rows, replaces=older)
    return True


def stored_records(db: sqlite_utils.Database):
    """(document id, extraction record, text) of every document that was read, as stored."""
    for r in db.query("select d.id, d.record, doc.text from decisions d join documents doc on doc.id = d.id"):
        yield r["id"], from_json(r["record"]), r["text"]


def stored_record(db: sqlite_utils.Database, doc_id: str) -> tuple[ExtractionRecord, str | None]:
    """One document's extraction record as stored (as extracted, before corrections) and its text."""
    row = db.execute("select d.record, doc.text from decisions d join documents doc on doc.id = d.id "
                     "where d.id = ?", [doc_id]).fetchone()
    return from_json(row[0]), row[1]


def rebuild_rows(db: sqlite_utils.Database, doc_id: str, rows: dict[str, list[dict]]) -> None:
    """Replace one document's rows (rebuilt from its stored record, inside the caller's
    transaction), keeping when, by which extractor and from where it was loaded."""
    kept = db.execute("select extractor_version, loaded_at, abs_path from documents where id = ?", [doc_id]).fetchone()
    rows["documents"][0].update(extractor_version=kept[0], loaded_at=kept[1], abs_path=kept[2])
    _replace_rows(db, doc_id, rows)


def counts(db: sqlite_utils.Database) -> dict:
    return {name: db.table(name).count for name in ["documents", "decisions", "groups", "memberships", "validation_issues"]}
