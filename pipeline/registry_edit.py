"""Teaching the registry: list unknown names with candidates; add units and aliases to the data files."""
from __future__ import annotations

import csv
from datetime import date

import sqlite_utils

from extractors import extractor_version
from pipeline import territory
from pipeline.normalize import slugify
from pipeline.units import REGISTRY_DIR, load_registry, resolve

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


def add_unit(name: str, province: str, unit_id: str | None = None, kind: str = "khac", on: str | None = None) -> dict:
    """Append a unit (or an alias of `unit_id`) to `registry/provinces/<province id>.csv`."""
    short = territory.find_province(province) or province
    pid = territory.province_id(short, date.fromisoformat(on) if on else date.today())
    path = REGISTRY_DIR / "provinces" / f"{pid}.csv"
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
