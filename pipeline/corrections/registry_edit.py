"""Teaching the registry: list unknown names with candidates; add units and aliases to the data files."""
from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import sqlite_utils

from extractors import extractor_version
from pipeline.corrections.entries import load_corrections
from pipeline.corrections.sync import rewrite_record
from pipeline.store.load import stored_records
from pipeline.units import territory
from pipeline.units.normalize import slugify
from pipeline.units.registry import load_registry, resolve, resolve_record, user_registry_dir

FIELDS = ["unit_id", "name", "kind", "valid_from", "valid_to", "aliases"]


def unknown_units(db: sqlite_utils.Database) -> list[dict]:
    sql = """select m.unit_name, d.province, max(d.issued_date) as issued, count(*) as count
             from memberships m join decisions d on d.id = m.decision_id
             where m.unit_id is null group by m.unit_name, d.province order by d.province, m.unit_name"""
    out = []
    for r in db.query(sql):
        on = date.fromisoformat(r["issued"]) if r["issued"] else None
        res = resolve(r["unit_name"], r["province"], on) if r["province"] else {"candidates": []}
        out.append({**r, "candidates": res.get("candidates") or []})
    return out


def add_unit(name: str, province: str, unit_id: str | None = None, kind: str = "khac", on: str | None = None,
             registry_dir: str | Path | None = None) -> dict:
    """Append a unit (or an alias of `unit_id`) to the user's registry,
    `<registry_dir>/provinces/<province id>.csv` (beside the database; never the installed package)."""
    short = territory.find_province(province) or province
    pid = territory.province_id(short, date.fromisoformat(on) if on else date.today())
    folder = Path(registry_dir) if registry_dir else user_registry_dir()
    if folder is None:
        raise ValueError("không biết sổ đơn vị của người dùng ở đâu (QUYETDINH_REGISTRY)")
    path = folder / "provinces" / f"{pid}.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = list(csv.DictReader(open(path, encoding="utf-8"))) if path.exists() else []
    target = unit_id or f"{pid}:{slugify(name)}"
    for row in rows:
        if row["unit_id"] == target:
            aliases = [a for a in row["aliases"].split("|") if a]
            if name not in aliases and name != row["name"]:
                row["aliases"] = "|".join(aliases + [name])
            break
    else:
        if unit_id:  # an alias of a unit that so far existed only as a national pattern
            base = load_registry().patterns.get(unit_id.split(":", 1)[1], {})
            rows.append({"unit_id": unit_id, "name": base.get("name", name), "kind": base.get("kind", kind),
                         "valid_from": base.get("valid_from", ""), "valid_to": base.get("valid_to", ""), "aliases": name})
        else:
            rows.append({"unit_id": target, "name": name, "kind": kind, "valid_from": "", "valid_to": "", "aliases": ""})
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=FIELDS)
        w.writeheader()
        w.writerows(rows)
    load_registry.cache_clear()
    extractor_version.cache_clear()  # the registry is part of what the extractor depends on
    return {"unit_id": target, "file": str(path)}


def reresolve(db: sqlite_utils.Database, corrections_file: str | None = None) -> dict:
    """Resolve the members of every stored record again against the registry as it is now, and
    rewrite the documents whose unit ids changed — from the stored extraction records: no file
    is read or OCR'd again. Returns {documents, resolved}: rewritten documents, and member names
    that have a unit id now and had none before."""
    entries = load_corrections(corrections_file) if corrections_file else []
    changed, resolved = 0, 0
    for doc_id, record, text in stored_records(db):
        before = [m.get("unit_id") for g in record.get("groups", []) for m in g["members"]]
        resolve_record(record, text)
        after = [m.get("unit_id") for g in record.get("groups", []) for m in g["members"]]
        if after != before:
            rewrite_record(db, doc_id, record, text, [e for e in entries if e["document"] == doc_id], corrections_file)
            changed += 1
            resolved += sum(1 for a, b in zip(after, before) if a and not b)
    return {"documents": changed, "resolved": resolved}
