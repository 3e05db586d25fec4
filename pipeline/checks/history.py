"""Rosters across years: compare two years unit by unit, through the registry's successions."""
from __future__ import annotations

from collections import defaultdict
from datetime import date

import sqlite_utils

from pipeline.checks.roster_state import build_roster_state
from pipeline.units.matching import match_province
from pipeline.units.normalize import same_group, unit_key
from pipeline.units.registry import successor_on



def roster(db: sqlite_utils.Database, year: int, province: str | None = None) -> dict[str, dict]:
    """unit key → {unit_name, unit_id, role, grp} at the end of a year: decisions with their
    amendments applied (table `roster_state`, built when missing)."""
    if "roster_state" in db.table_names() and db.table("roster_state").count:
        rows = [dict(r) for r in db.query("select * from roster_state where valid_to is null")]
    else:
        rows = [r for r in build_roster_state(db)[0] if r["valid_to"] is None]
    out: dict[str, dict] = {}
    for r in sorted(rows, key=lambda r: r["valid_from"]):
        if r["year"] != year or (province and r["province"] != province):
            continue
        key = r["unit_id"] or unit_key(r["unit_name"])
        out[key] = {**r, "grp": r["group_name"]}
    return out


def follow(a: dict[str, dict], on: date) -> dict[str, list[tuple[str, dict]]]:
    """A year's roster grouped by the unit that carries each unit on `on` (through mergers and
    renamings); a unit with no successor is under 'gone:<its key>'."""
    mapped: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    for key, r in a.items():
        succ = successor_on(r["unit_id"], on) if r["unit_id"] else key
        mapped[succ or f"gone:{key}"].append((key, r))
    return mapped


def unit_flows(db: sqlite_utils.Database, year_a: int, year_b: int, province: str | None = None) -> list[dict]:
    """Where every unit of year A's roster is in year B, and B's new units: one row per unit,
    {unit, unit_b, from_group, to_group, change} with change stayed | moved | succeeded (merged or
    renamed; `merged_with` counts the units that became one) | removed | dissolved | added."""
    a, b = roster(db, year_a, province), roster(db, year_b, province)
    mapped = follow(a, date(year_b, 1, 1))
    out = []
    for succ, olds in mapped.items():
        for key, r in olds:
            row = {"unit": r["unit_name"], "unit_b": None, "from_group": r["grp"], "to_group": None,
                   "merged_with": len(olds), "role_a": r["role"], "role_b": None}
            new = None if succ.startswith("gone:") else b.get(succ)
            if succ.startswith("gone:"):
                row["change"] = "dissolved"
            elif new is None:
                row["change"] = "removed"
            else:
                row.update(unit_b=new["unit_name"], to_group=new["grp"], role_b=new["role"])
                carried = succ == key or (succ.split(":")[-1] == key.split(":")[-1] and len(olds) == 1)
                row["change"] = ("moved" if not same_group(new["grp"], r["grp"])
                                 else "stayed" if carried else "succeeded")
            out.append(row)
    for key, r in b.items():
        if key not in mapped:
            out.append({"unit": r["unit_name"], "unit_b": r["unit_name"], "from_group": None, "to_group": r["grp"],
                        "merged_with": 1, "role_a": None, "role_b": r["role"], "change": "added"})
    return out


def _evidence(row: dict | None) -> dict:
    row = row or {}
    return {"source_path": row.get("source_path"), "page": row.get("page"), "line": row.get("line")}


def year_diff(db: sqlite_utils.Database, year_a: int, year_b: int, province: str | None = None) -> list[dict]:
    """Units added, removed, moved, renamed or merged between two years' rosters; each change
    carries the evidence (file, page, line) of the later roster, or of the earlier one when the
    unit is gone."""
    a, b = roster(db, year_a, province), roster(db, year_b, province)
    mapped = follow(a, date(year_b, 1, 1))
    on = date(year_b, 1, 1)
    changes = []
    for succ, olds in mapped.items():
        for key, r in olds:
            if succ.startswith("gone:"):
                changes.append({**_evidence(r), "change": "dissolved", "unit": r["unit_name"], "from_group": r["grp"], "to_group": None,
                                "note": "không có đơn vị kế thừa vào ngày " + on.strftime("%d/%m/%Y")})
                continue
            new = b.get(succ)
            # Same unit carried into the merged province (bac-ninh:x → bac-ninh-2025:x): not a change.
            same_local = succ.split(":")[-1] == key.split(":")[-1] and len(olds) == 1
            via = "" if (succ == key or same_local) else f" → {succ}"
            if new is None:
                changes.append({**_evidence(r), "change": "removed", "unit": r["unit_name"], "from_group": r["grp"], "to_group": None,
                                "note": via.strip(" →") or None})
            elif not same_group(new["grp"], r["grp"]):
                changes.append({**_evidence(new), "change": "moved", "unit": r["unit_name"], "from_group": r["grp"], "to_group": new["grp"],
                                "note": (f"nay là {new['unit_name']}" if via else None)})
            elif via:
                changes.append({**_evidence(new), "change": "succeeded", "unit": r["unit_name"], "from_group": r["grp"],
                                "to_group": new["grp"], "note": f"nay là {new['unit_name']}"
                                + (f" (gộp {len(olds)} đơn vị)" if len(olds) > 1 else "")})
            if new is not None and new["role"] == "leader" and r["role"] == "leader" and not via:
                changes.append({**_evidence(new), "change": "leader_again", "unit": r["unit_name"], "from_group": r["grp"],
                                "to_group": new["grp"], "note": f"làm trưởng cả năm {year_a} và năm {year_b}"})
            if new is not None and r["role"] == "deputy" and new["role"] == "leader":
                changes.append({**_evidence(new), "change": "deputy_to_leader", "unit": new["unit_name"], "from_group": r["grp"],
                                "to_group": new["grp"], "note": None})
    for key, r in b.items():
        if key not in mapped:
            changes.append({**_evidence(r), "change": "added", "unit": r["unit_name"], "from_group": None, "to_group": r["grp"], "note": None})
    order = {"added": 0, "removed": 1, "dissolved": 2, "moved": 3, "succeeded": 4, "deputy_to_leader": 5, "leader_again": 6}
    return sorted(changes, key=lambda c: (order[c["change"]], c["to_group"] or c["from_group"] or "", c["unit"]))


def roster_provinces(db: sqlite_utils.Database) -> dict[str, set[int]]:
    """Every province with a roster → the years it has one (from `roster_state`)."""
    out: dict[str, set[int]] = defaultdict(set)
    if "roster_state" not in db.table_names():
        return out
    for r in db.query("select distinct province, year from roster_state "
                      "where valid_to is null and province is not null and year is not null"):
        out[r["province"]].add(r["year"])
    return out


def diff_by_province(db: sqlite_utils.Database, year_a: int, year_b: int, province: str | None = None) -> list[dict]:
    """`year_diff` province by province: [{province, changes, missing_years}]. A province that
    lacks a roster for one of the years gets no changes but the years it lacks — its units are
    not 'removed' because nobody loaded its other year. `province` is matched as people type it
    (with or without diacritics, 'tỉnh …', NFD); a province the database does not know gives one
    section with no spelling match (`known` False)."""
    have = roster_provinces(db)
    if province:
        spelt = match_province(province, sorted(have))
        if spelt is None:
            return [{"province": province, "known": False, "changes": [], "missing_years": [year_a, year_b]}]
        names = [spelt]
    else:
        names = sorted(p for p, years in have.items() if year_a in years or year_b in years)
    out = []
    for name in names:
        missing = [y for y in (year_a, year_b) if y not in have.get(name, set())]
        changes = [] if missing else year_diff(db, year_a, year_b, name)
        out.append({"province": name, "known": True, "changes": changes, "missing_years": missing})
    return out
