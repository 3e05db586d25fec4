"""The schema as data (tables, keys, views) and one idempotent `ensure_schema`, with the registry's units."""
from __future__ import annotations

import hashlib
import json

import sqlite_utils

from extractors import extractor_version
from pipeline.store.views import VIEWS
from pipeline.units.normalize import fold_diacritics, unit_key
from pipeline.units.registry import load_registry, successions_of, unit_row

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


def ensure_schema(db: sqlite_utils.Database) -> None:
    """Create tables, keys, indexes and full-text search; safe to run every time, and cheap
    when the database already has this schema version and this registry."""
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


def unit_rows(unit_ids: list[str]) -> dict[str, list[dict]]:
    """Rows of `units`, `unit_aliases` and `unit_succession` for these units and their successors."""
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
