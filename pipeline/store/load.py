"""SQLite storage with sqlite-utils: one idempotent `ensure_schema`, one `load_record`.

The document id is the file's SHA-256, so loading the same file twice changes nothing;
each document is written inside one transaction (all of its rows or none).
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from contextlib import contextmanager
from datetime import datetime, timezone

import sqlite_utils

from extractors import extractor_version
from pipeline.units.normalize import fold_diacritics, unit_key
from pipeline.units.registry import load_registry

SCHEMA_VERSION = 6  # 2: OCR columns; 3: unit aliases, successions; 4: amendments, roster_state; 5: signatures;
# 6: human corrections (corrections table, provenance and confidence columns)

TABLES: dict[str, dict] = {
    "documents": {"columns": {"id": str, "path": str, "abs_path": str, "format": str, "pages": int, "ocr": int,
                              "status": str, "error": str, "text": str, "text_folded": str,
                              "extractor_version": str, "loaded_at": str, "ocr_confidence": float,
                              "ocr_pages": str, "signing_times": str, "corrections_digest": str}, "pk": "id"},
    "decisions": {"columns": {"id": str, "document_id": str, "doc_type": str, "number": str, "symbol": str,
                              "issued_date": str, "place": str, "issuer": str, "subject": str,
                              "signer_name": str, "signer_title": str, "signer_authority": str,
                              "year": int, "province": str, "warnings": str, "record": str,
                              "human_fields": str, "field_provenance": str, "expects_roster": int}, "pk": "id",
                  "fks": [("document_id", "documents", "id")]},
    "units": {"columns": {"unit_id": str, "name": str, "name_folded": str, "kind": str, "province": str,
                          "valid_from": str, "valid_to": str, "aliases": str}, "pk": "unit_id"},
    "unit_aliases": {"columns": {"id": str, "unit_id": str, "alias": str, "alias_key": str}, "pk": "id",
                     "fks": [("unit_id", "units", "unit_id")]},
    "unit_succession": {"columns": {"id": str, "from_unit": str, "to_unit": str, "relation": str, "effective": str,
                                    "source": str}, "pk": "id",
                        "fks": [("from_unit", "units", "unit_id"), ("to_unit", "units", "unit_id")]},
    "groups": {"columns": {"id": str, "decision_id": str, "kind": str, "name": str, "ordinal": str, "year": int,
                           "leader": str, "deputies": str, "stated_member_count": int, "member_count": int,
                           "page": int, "line": int, "human_fields": str}, "pk": "id",
               "fks": [("decision_id", "decisions", "id")]},
    "memberships": {"columns": {"id": str, "group_id": str, "decision_id": str, "position": int,
                                "unit_name": str, "unit_id": str, "role": str, "year": int,
                                "source_path": str, "page": int, "line": int, "resolution_method": str,
                                "resolution_score": float, "provenance": str, "correction": str,
                                "confidence": float, "bbox": str}, "pk": "id",
                    "fks": [("group_id", "groups", "id"), ("decision_id", "decisions", "id"),
                            ("unit_id", "units", "unit_id")]},
    "persons": {"columns": {"id": str, "decision_id": str, "name": str, "title": str, "page": int, "line": int},
                "pk": "id", "fks": [("decision_id", "decisions", "id")]},
    "dates": {"columns": {"id": str, "decision_id": str, "date": str, "role": str, "text": str,
                          "year_inferred": int, "page": int, "line": int}, "pk": "id",
              "fks": [("decision_id", "decisions", "id")]},
    "references": {"columns": {"id": str, "decision_id": str, "doc_type": str, "number": str, "date": str,
                               "issuer": str, "page": int, "line": int}, "pk": "id",
                   "fks": [("decision_id", "decisions", "id")]},
    "amendments": {"columns": {"id": str, "decision_id": str, "amends_number": str, "amends_date": str,
                               "effective": str, "position": int, "op": str, "unit": str, "from_group": str,
                               "to_group": str, "grp": str, "role": str, "old_unit": str, "page": int, "line": int},
                   "pk": "id", "fks": [("decision_id", "decisions", "id")]},
    "roster_state": {"columns": {"id": str, "province": str, "year": int, "kind": str, "group_name": str,
                                 "unit_name": str, "unit_id": str, "role": str, "valid_from": str, "valid_to": str,
                                 "decision_id": str, "source_number": str, "step": str, "source_path": str,
                                 "page": int, "line": int}, "pk": "id"},
    "signatures": {"columns": {"id": str, "document_id": str, "position": int, "field": str, "signer": str,
                               "organization": str, "signing_time": str, "reason": str, "location": str,
                               "intact": int, "covers_whole_file": int, "trusted": int, "status": str},
                   "pk": "id", "fks": [("document_id", "documents", "id")]},
    "corrections": {"columns": {"id": str, "document_id": str, "path": str, "field": str, "grp": str, "unit": str,
                                "old_value": str, "new_value": str, "who": str, "at": str, "note": str,
                                "status": str, "message": str, "corrections_file": str}, "pk": "id"},
    "validation_issues": {"columns": {"id": str, "rule": str, "severity": str, "year": int, "decision_id": str,
                                      "group_id": str, "unit": str, "message": str, "source_path": str,
                                      "page": int, "line": int, "checked_at": str}, "pk": "id"},
}
CHILD_TABLES = ["memberships", "groups", "persons", "dates", "references", "amendments"]


class DatabaseRefused(Exception):
    """A file that must not be opened as this project's database (one line, in Vietnamese)."""


def check_database_file(path: str) -> None:
    """Refuse, before anything is written, a file that is not SQLite or that a newer version
    of quyetdinh wrote (PRAGMA user_version above ours): opening it would change it."""
    import sqlite3
    import urllib.parse
    if path == ":memory:" or not os.path.exists(path) or os.path.getsize(path) == 0:
        return
    try:
        conn = sqlite3.connect(f"file:{urllib.parse.quote(os.path.abspath(path))}?mode=ro", uri=True)
        try:
            conn.execute("PRAGMA busy_timeout = 60000")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            conn.execute("select count(*) from sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as e:
        if "not a database" in str(e) or "malformed" in str(e):
            raise DatabaseRefused(f"{path} không phải là cơ sở dữ liệu SQLite dùng được ({e})") from None
        raise  # cannot open it (a read-only folder, …): said by the caller in its own words
    if version > SCHEMA_VERSION:
        raise DatabaseRefused(f"{path} do một phiên bản quyetdinh mới hơn tạo (lược đồ {version}, phiên bản này "
                              f"biết đến {SCHEMA_VERSION}): không mở để khỏi làm hỏng; hãy cập nhật quyetdinh")


def open_db(path: str) -> sqlite_utils.Database:
    """Open (and create or upgrade) the database. Several runs may share it: WAL, a busy
    timeout, and writes that take the write lock when they begin. A file that is not SQLite or
    comes from a newer quyetdinh is refused unchanged (DatabaseRefused)."""
    check_database_file(str(path))
    db = sqlite_utils.Database(path)
    db.execute("PRAGMA busy_timeout = 60000")
    if path != ":memory:":
        import fcntl
        with open(str(path) + ".lock", "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # two runs must not create the schema at the same time
            try:
                check_database_file(str(path))  # another run may have upgraded it meanwhile
                db.enable_wal()
                ensure_schema(db)
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)
    else:
        ensure_schema(db)
    return db


@contextmanager
def write_transaction(db: sqlite_utils.Database):
    """BEGIN IMMEDIATE: take the write lock first (waiting up to the busy timeout), so a
    transaction never fails half-way because another run wrote in between."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.execute("ROLLBACK")
        raise
    else:
        db.execute("COMMIT")


def ensure_schema(db: sqlite_utils.Database) -> None:
    """Create tables, keys, indexes and full-text search; safe to run every time, and cheap
    when the database already has this schema version and this registry."""
    from pipeline.web.schema_docs import VIEWS
    existing = set(db.table_names())
    # The registry (in the extractor's version) and the views' SQL: either changing rebuilds.
    stamp = extractor_version() + "-" + hashlib.sha256(json.dumps(VIEWS).encode()).hexdigest()[:12]
    if "_meta" in existing and db.execute("pragma user_version").fetchone()[0] == SCHEMA_VERSION:
        row = db.execute("select value from _meta where key = 'registry'").fetchone()
        if row and row[0] == stamp:
            return
    for name, spec in TABLES.items():
        if name not in existing:
            db.table(name).create(spec["columns"], pk=spec["pk"],
                                  foreign_keys=spec.get("fks") or None, if_not_exists=True)
        else:  # an older database: add the columns later versions introduced, keep every row
            have = set(db.table(name).columns_dict)
            for col, typ in spec["columns"].items():
                if col not in have:
                    db.table(name).add_column(col, typ)
    for name, cols in [("memberships", ["unit_id"]), ("memberships", ["group_id"]), ("groups", ["decision_id"]),
                       ("dates", ["decision_id"]), ("decisions", ["number"]), ("validation_issues", ["rule"])]:
        db.table(name).create_index(cols, if_not_exists=True)
    if "documents_fts" not in db.table_names():
        db.table("documents").enable_fts(["path", "text", "text_folded"], create_triggers=True,
                                         tokenize="unicode61 remove_diacritics 2")
    if "units_fts" not in db.table_names():
        db.table("units").enable_fts(["name", "name_folded", "aliases"], create_triggers=True,
                                     tokenize="unicode61 remove_diacritics 2")
    for name, (_, _, sql) in VIEWS.items():
        db.create_view(name, sql, replace=True)
    load_units(db)
    db.table("_meta").upsert({"key": "registry", "value": stamp}, pk="key")
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def loaded_ids(db: sqlite_utils.Database) -> set[str]:
    """Documents loaded with this extractor; a file stopped by a limit is tried again (the limit
    may have been raised since)."""
    return {r["id"] for r in db.query("select id from documents where extractor_version = ? and "
                                      "status not in ('timeout', 'too_large')", [extractor_version()])}


def refused_paths(db: sqlite_utils.Database) -> dict[str, str]:
    """Files recorded as refused without being opened: path → status (hidden, not_regular)."""
    return {r["path"]: r["status"] for r in db.query(
        "select path, status from documents where status in ('hidden', 'not_regular')")}


def meta_value(db: sqlite_utils.Database, key: str) -> str | None:
    row = db.execute("select value from _meta where key = ?", [key]).fetchone() if "_meta" in db.table_names() else None
    return row[0] if row else None


def set_meta_value(db: sqlite_utils.Database, key: str, value: str) -> None:
    with write_transaction(db):
        db.table("_meta").upsert({"key": key, "value": value}, pk="key")


def unit_rows(unit_ids: list[str]) -> dict[str, list[dict]]:
    """Rows of `units`, `unit_aliases` and `unit_succession` for these units and their successors."""
    from pipeline.units.registry import successions_of, unit_row
    units, aliases, succ = {}, {}, {}
    todo = list(dict.fromkeys(u for u in unit_ids if u))
    while todo:
        uid = todo.pop()
        if uid in units:
            continue
        row = unit_row(uid) or {"unit_id": uid, "name": None, "kind": None, "province": uid.split(":")[0]}
        names = [row.get("name")] + [a for a in (row.get("aliases") or "").split("|") if a]
        units[uid] = {"unit_id": uid, "name": row.get("name"), "kind": row.get("kind"), "province": row.get("province"),
                      "valid_from": row.get("valid_from") or None, "valid_to": row.get("valid_to") or None,
                      "name_folded": fold_diacritics(row["name"]) if row.get("name") else None,
                      "aliases": json.dumps([a for a in names[1:]], ensure_ascii=False)}
        for a in names:
            if a:
                key = unit_key(a)
                aliases[f"{uid}|{key}"] = {"id": f"{uid}|{key}", "unit_id": uid, "alias": a, "alias_key": key}
        for s in successions_of(uid):
            sid = f"{s['from']}>{s['to']}"
            succ[sid] = {"id": sid, "from_unit": s["from"], "to_unit": s["to"], "relation": s["relation"],
                         "effective": s["effective"], "source": s["source"]}
            if s["to"]:
                todo.append(s["to"])
    return {"units": list(units.values()), "unit_aliases": list(aliases.values()), "unit_succession": list(succ.values())}


def load_units(db: sqlite_utils.Database) -> None:
    """The registry's province-specific units (patterns are added as documents use them)."""
    reg = load_registry()
    rows = unit_rows(list(reg.units))
    with db.atomic():
        for name, pk in (("units", "unit_id"), ("unit_aliases", "id"), ("unit_succession", "id")):
            if rows[name]:
                db.table(name).upsert_all(rows[name], pk=pk)


def already_loaded(db: sqlite_utils.Database, doc_id: str) -> bool:
    rows = list(db.query("select extractor_version, status from documents where id = ?", [doc_id]))
    # A file stopped by a limit is loaded again when it is read again (under other limits).
    return bool(rows) and rows[0]["extractor_version"] == extractor_version() and rows[0]["status"] not in (
        "timeout", "too_large")


def _prov(obj: dict | None) -> dict:
    p = (obj or {}).get("provenance") or {}
    return {"page": p.get("page"), "line": p.get("line")}


ROSTER_SUBJECT = re.compile(r"(?i)\b(?:tổ chức|kiện toàn|thành lập|phân chia|chia|danh sách|phân công)\b.*\b(?:cụm|khối)\b.*thi\s+đua"
                            r"|\b(?:cụm|khối)\s+thi\s+đua\b.*\bnăm\s+\d{4}")


def expects_roster(record: dict) -> bool:
    """A decision whose subject says it organises emulation groups: a roster should be in it."""
    subject = record.get("subject") or ""
    return (record.get("doc_type") in ("quyet_dinh", "cong_van") and not record.get("amends")
            and "quy chế" not in subject.lower() and bool(ROSTER_SUBJECT.search(subject)))


def document_id(record: dict) -> str:
    """The file's SHA-256; a file that could not be read at all is known by its path."""
    src = record["source"]
    return src["sha256"] or "path-" + hashlib.sha256(src["path"].encode()).hexdigest()[:40]


def record_rows(record: dict, text: str | None, corrections: list[dict] | None = None,
                corrections_file: str | None = None) -> dict[str, list[dict]]:
    """The rows one extraction record becomes, its corrections applied (no I/O: easy to test).

    `decisions.record` keeps the record as extracted, so corrections can be re-applied later
    without reading the file again."""
    from pipeline.corrections.entries import apply_corrections, digest
    raw = record
    if corrections:
        record, _ = apply_corrections(record, corrections, corrections_file)
        if any(c["field"] in ("issuer", "issued_date") for c in corrections):
            # The province and the date a unit is resolved on come from these: a corrected issuer
            # ("UBND tỉnh Hà Tĩnh") turns a news item's "Sở Nội vụ" into Hà Tĩnh's Sở Nội vụ.
            from pipeline.units.registry import resolve_record
            resolve_record(record, text)
    src = record["source"]
    doc_id = document_id(record)
    rows: dict[str, list[dict]] = {name: [] for name in ["documents", "decisions", *CHILD_TABLES]}
    rows["documents"].append({
        # The path as typed, and where the file was when it was loaded (to show its pages later,
        # from any folder): a relative path alone breaks as soon as one runs from elsewhere.
        "id": doc_id, "path": src["path"], "abs_path": os.path.abspath(src["path"]), "format": src["format"],
        "pages": src.get("pages"),
        "ocr": int(bool(src.get("ocr"))), "status": record["status"], "error": record.get("error"),
        "text": text, "text_folded": fold_diacritics(text) if text else None,
        "extractor_version": extractor_version(), "loaded_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "ocr_confidence": min(src["ocr_confidence"].values()) if src.get("ocr_confidence") else None,
        "ocr_pages": json.dumps(src["ocr_confidence"]) if src.get("ocr_confidence") else None,
        "signing_times": json.dumps(src.get("signing_times")) if src.get("signing_times") else None,
        "corrections_digest": digest(corrections or []),
    })
    rows["signatures"] = [{"id": f"{doc_id[:16]}-s{k + 1}", "document_id": doc_id, "position": k + 1,
                           **{c: s.get(c) for c in ("field", "signer", "organization", "signing_time", "reason",
                                                     "location", "status")},
                           **{c: None if s.get(c) is None else int(bool(s[c])) for c in ("intact", "covers_whole_file", "trusted")}}
                          for k, s in enumerate(record.get("signatures") or [])]
    if record["status"] not in ("ok", "partial"):
        return rows
    signer = record.get("signer") or {}
    rows["decisions"].append({
        "id": doc_id, "document_id": doc_id, "doc_type": record["doc_type"], "number": record["number"],
        "symbol": record["symbol"], "issued_date": record["issued_date"], "place": record["place"],
        "issuer": record["issuer"], "subject": record["subject"], "signer_name": signer.get("name"),
        "signer_title": signer.get("title"), "signer_authority": signer.get("authority"), "year": record["year"],
        "province": record.get("province"),
        "warnings": json.dumps(record["warnings"], ensure_ascii=False),
        "record": json.dumps(raw, ensure_ascii=False),
        "human_fields": json.dumps(record["human"], ensure_ascii=False) if record.get("human") else None,
        "field_provenance": json.dumps(record["field_provenance"], ensure_ascii=False) if record.get("field_provenance") else None,
        "expects_roster": int(expects_roster(record)),
    })
    for i, g in enumerate(record["groups"]):
        gid = f"{doc_id[:16]}-g{i + 1}"
        rows["groups"].append({
            "id": gid, "decision_id": doc_id, "kind": g["kind"], "name": g["name"], "ordinal": g["ordinal"],
            "year": record["year"], "leader": g["leader"], "deputies": json.dumps(g["deputies"], ensure_ascii=False),
            "stated_member_count": g["stated_member_count"], "member_count": len(g["members"]), **_prov(g),
            "human_fields": json.dumps(g["human"], ensure_ascii=False) if g.get("human") else None})
        for j, m in enumerate(g["members"]):
            p = m.get("provenance") or {}
            rows["memberships"].append({
                "id": f"{gid}-m{j + 1}", "group_id": gid, "decision_id": doc_id, "position": j + 1,
                "unit_name": m["name"], "unit_id": m["unit_id"], "role": m["role"], "year": record["year"],
                "source_path": p.get("file") or src["path"] if m.get("human") and "page" not in p else src["path"],
                **_prov(m),
                "resolution_method": (m.get("resolution") or {}).get("method"),
                "resolution_score": (m.get("resolution") or {}).get("score"),
                "provenance": "human" if m.get("human") else "extracted", "correction": m.get("human"),
                "confidence": p.get("confidence"), "bbox": json.dumps(p["bbox"]) if p.get("bbox") else None})
    for name, key in [("persons", "persons"), ("dates", "dates"), ("references", "references")]:
        for k, item in enumerate(record[key]):
            row = {"id": f"{doc_id[:16]}-{name[0]}{k + 1}", "decision_id": doc_id, **_prov(item)}
            row.update({c: item.get(c) for c in TABLES[name]["columns"] if c in item and c != "id"})
            if name == "dates":
                row["year_inferred"] = int(bool(item.get("year_inferred")))
            rows[name].append(row)
    for k, op in enumerate(record.get("changes") or []):
        rows["amendments"].append({
            "id": f"{doc_id[:16]}-a{k + 1}", "decision_id": doc_id, "amends_number": record["amends"]["number"],
            "amends_date": record["amends"]["date"], "effective": record["issued_date"], "position": k + 1,
            "op": op["op"], "unit": op.get("unit"), "from_group": op.get("from_group"), "to_group": op.get("to_group"),
            "grp": op.get("group"), "role": op.get("role"), "old_unit": op.get("old_unit"), **_prov(op)})
    rows.update(unit_rows([m["unit_id"] for g in record["groups"] for m in g["members"]]))
    return rows


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


def load_record(db: sqlite_utils.Database, record: dict, text: str | None = None,
                corrections: list[dict] | None = None, corrections_file: str | None = None) -> bool:
    """Write one record (its corrections applied) in one transaction; False when already loaded."""
    doc_id = document_id(record)
    if already_loaded(db, doc_id):
        return False
    # The file at this path had other bytes before: that version is gone from the batch, and
    # its rows with it (a correction made for it is then reported as orphaned).
    older = [r["id"] for r in db.query("select id from documents where path = ? and id != ?",
                                       [record["source"]["path"], doc_id])]
    write_rows(db, doc_id, record_rows(record, text, corrections, corrections_file), replaces=older)
    return True


def stored_records(db: sqlite_utils.Database):
    """(document id, extraction record, text) of every document that was read, as stored."""
    for r in db.query("select d.id, d.record, doc.text from decisions d join documents doc on doc.id = d.id"):
        yield r["id"], json.loads(r["record"]), r["text"]


def _rebuild(db: sqlite_utils.Database, doc_id: str, record: dict, text: str | None,
             corrections: list[dict] | None, corrections_file: str | None) -> None:
    """Replace one document's rows from its record (inside the caller's transaction), keeping
    when, by which extractor and from where it was loaded."""
    kept = db.execute("select extractor_version, loaded_at, abs_path from documents where id = ?", [doc_id]).fetchone()
    rows = record_rows(record, text, corrections, corrections_file)
    rows["documents"][0].update(extractor_version=kept[0], loaded_at=kept[1], abs_path=kept[2])
    _replace_rows(db, doc_id, rows)


def rewrite_record(db: sqlite_utils.Database, doc_id: str, record: dict, text: str | None,
                   corrections: list[dict] | None = None, corrections_file: str | None = None) -> None:
    """Rebuild one document's rows from its (changed) record in one transaction."""
    with write_transaction(db):
        _rebuild(db, doc_id, record, text, corrections, corrections_file)


def sync_corrections(db: sqlite_utils.Database, entries: list[dict], corrections_file: str | None = None) -> list[dict]:
    """Bring every loaded document in line with the corrections file and record each entry's
    outcome in `corrections`. A document is rewritten only when its corrections changed; it is
    rebuilt from the stored extraction record, so no file is read again.

    One transaction: the documents a correction changes and the `corrections` table are written
    together or not at all (a failure half-way leaves the database as it was)."""
    from pipeline.corrections.entries import apply_corrections, digest
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
                    outcome[e["id"]] = {"status": "orphaned", "message": f"the document was not read ({doc['status']})"}
                continue
            if doc["corrections_digest"] == digest(mine) and not mine:
                continue
            stored = db.execute("select d.record, doc.text from decisions d join documents doc on doc.id = d.id "
                                "where d.id = ?", [doc_id]).fetchone()
            raw = json.loads(stored[0])
            if doc["corrections_digest"] != digest(mine):
                _rebuild(db, doc_id, raw, stored[1], mine, corrections_file)
            for r in apply_corrections(raw, mine, corrections_file)[1]:
                outcome[r["id"]] = r
        by_path = {d["path"]: d["id"] for d in docs.values()}
        rows = []
        for e in entries:
            o = outcome.get(e["id"])
            if o is None:
                now = by_path.get(e.get("path"))
                o = {"status": "orphaned", "message": (
                    f"{e.get('path')} changed since the correction (its SHA-256 is now {now[:12]}…)" if now
                    else f"document {e['document'][:12]}… is not in the database")}
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


def counts(db: sqlite_utils.Database) -> dict:
    return {name: db.table(name).count for name in ["documents", "decisions", "groups", "memberships", "validation_issues"]}
