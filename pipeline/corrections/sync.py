"""Re-applying corrections to what is stored: at load, after a run, after a registry edit.

Every document is rebuilt from its stored extraction record, so no file is read again.
"""
from __future__ import annotations

import json

import sqlite_utils

from extractors.record import ExtractionRecord
from pipeline.corrections import apply
from pipeline.corrections.entries import digest
from pipeline.store.db import write_transaction
from pipeline.store.load import already_loaded, rebuild_rows, stored_record
from pipeline.store.load import load_record as store_record
from pipeline.store.rows import document_id
from pipeline.units.messages import say, status_word


def load_record(db: sqlite_utils.Database, record: ExtractionRecord, text: str | None = None,
                corrections: list[dict] | None = None, corrections_file: str | None = None) -> bool:
    """Write one record, its corrections applied, in one transaction; False when already loaded."""
    if already_loaded(db, document_id(record)):
        return False
    return store_record(db, record, text, rows=apply.corrected_rows(record, text, corrections, corrections_file))


def rewrite_record(db: sqlite_utils.Database, doc_id: str, record: ExtractionRecord, text: str | None,
                   corrections: list[dict] | None = None, corrections_file: str | None = None) -> None:
    """Rebuild one document's rows from its (changed) record in one transaction."""
    with write_transaction(db):
        rebuild_rows(db, doc_id, apply.corrected_rows(record, text, corrections, corrections_file))


def sync_corrections(db: sqlite_utils.Database, entries: list[dict], corrections_file: str | None = None) -> list[dict]:
    """Bring every loaded document in line with the corrections file and record each entry's
    outcome in `corrections`. A document is rewritten only when its corrections changed; it is
    rebuilt from the stored extraction record, so no file is read again.

    One transaction: the documents a correction changes and the `corrections` table are written
    together or not at all (a failure half-way leaves the database as it was)."""
    by_doc: dict[str, list[dict]] = {}
    for e in entries:
        by_doc.setdefault(e["document"], []).append(e)
    with write_transaction(db):
        docs = {r["id"]: r for r in db.query(
            """select doc.id, doc.path, doc.status, doc.corrections_digest,
                      d.record is null as unread from documents doc left join decisions d on d.id = doc.id""")}
        outcome: dict[str, dict] = {}
        for doc_id, doc in docs.items():
            mine = by_doc.get(doc_id, [])
            if doc["unread"]:
                for e in mine:
                    outcome[e["id"]] = {"status": "orphaned",
                                        "message": say("corr_not_read", status=status_word(doc["status"]))}
                continue
            if doc["corrections_digest"] == digest(mine) and not mine:
                continue
            raw, text = stored_record(db, doc_id)
            if doc["corrections_digest"] != digest(mine):
                rebuild_rows(db, doc_id, apply.corrected_rows(raw, text, mine, corrections_file))
            for r in apply.apply_corrections(raw, mine, corrections_file)[1]:
                outcome[r["id"]] = r
        by_path = {d["path"]: d["id"] for d in docs.values()}
        rows = []
        for e in entries:
            o = outcome.get(e["id"])
            if o is None:
                now = by_path.get(e.get("path"))
                o = {"status": "orphaned", "message": (
                    say("corr_file_changed", path=e.get('path'), sha=now[:12]) if now
                    else say("corr_not_loaded", doc=e['document'][:12]))}
            rows.append({"id": e["id"], "document_id": e["document"], "path": e.get("path"), "field": e["field"],
                         "grp": e.get("group"), "unit": e.get("unit"),
                         "old_value": json.dumps(e.get("old"), ensure_ascii=False),
                         "new_value": json.dumps(e.get("new"), ensure_ascii=False), "who": e.get("who"),
                         "at": str(e.get("when")) if e.get("when") else None, "note": e.get("note"),
                         "status": o["status"], "message": o.get("message"), "corrections_file": corrections_file})
        db.execute("delete from corrections")
        if rows:
            db.table("corrections").insert_all(rows, pk="id", replace=True)
    return rows
