"""Rosters across years: compare two years unit by unit, through the registry's successions."""
from __future__ import annotations

from collections import defaultdict
from datetime import date

import sqlite_utils

from pipeline.normalize import unit_key
from pipeline.units import successor_on

ROSTER_TYPES = ("quyet_dinh", "cong_van")


def roster(db: sqlite_utils.Database, year: int, province: str | None = None) -> dict[str, dict]:
    """unit key → {unit, group, role, unit_id} for the roster decisions of one year."""
    sql = """select m.unit_name, m.unit_id, m.role, g.name as grp, g.kind, d.province, d.issued_date, d.number
             from memberships m join groups g on g.id = m.group_id join decisions d on d.id = m.decision_id
             where g.year = ? and d.doc_type in ('quyet_dinh', 'cong_van')"""
    params: list = [year]
    if province:
        sql += " and d.province = ?"
        params.append(province)
    out: dict[str, dict] = {}
    for r in db.query(sql + " order by d.issued_date, m.position", params):
        key = r["unit_id"] or unit_key(r["unit_name"])
        out[key] = dict(r)  # a later decision of the same year (an amendment) wins
    return out


def year_diff(db: sqlite_utils.Database, year_a: int, year_b: int, province: str | None = None) -> list[dict]:
    """Units added, removed, moved, renamed or merged between two years' rosters."""
    a, b = roster(db, year_a, province), roster(db, year_b, province)
    on = date(year_b, 1, 1)
    mapped: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    for key, r in a.items():
        succ = successor_on(r["unit_id"], on) if r["unit_id"] else key
        mapped[succ or f"gone:{key}"].append((key, r))
    changes = []
    for succ, olds in mapped.items():
        for key, r in olds:
            if succ.startswith("gone:"):
                changes.append({"change": "dissolved", "unit": r["unit_name"], "from_group": r["grp"], "to_group": None,
                                "note": "no successor on " + on.isoformat()})
                continue
            new = b.get(succ)
            # Same unit carried into the merged province (bac-ninh:x → bac-ninh-2025:x): not a change.
            same_local = succ.split(":")[-1] == key.split(":")[-1] and len(olds) == 1
            via = "" if (succ == key or same_local) else f" → {succ}"
            if new is None:
                changes.append({"change": "removed", "unit": r["unit_name"], "from_group": r["grp"], "to_group": None,
                                "note": via.strip(" →") or None})
            elif unit_key(new["grp"].replace("thi đua", "")) != unit_key(r["grp"].replace("thi đua", "")):
                changes.append({"change": "moved", "unit": r["unit_name"], "from_group": r["grp"], "to_group": new["grp"],
                                "note": (f"now {new['unit_name']}" if via else None)})
            elif via:
                changes.append({"change": "succeeded", "unit": r["unit_name"], "from_group": r["grp"],
                                "to_group": new["grp"], "note": f"now {new['unit_name']}"
                                + (f" (with {len(olds)} units merged)" if len(olds) > 1 else "")})
            if new is not None and new["role"] == "leader" and r["role"] == "leader" and not via:
                changes.append({"change": "leader_again", "unit": r["unit_name"], "from_group": r["grp"],
                                "to_group": new["grp"], "note": f"leads in {year_a} and {year_b}"})
            if new is not None and r["role"] == "deputy" and new["role"] == "leader":
                changes.append({"change": "deputy_to_leader", "unit": new["unit_name"], "from_group": r["grp"],
                                "to_group": new["grp"], "note": None})
    for key, r in b.items():
        if key not in mapped:
            changes.append({"change": "added", "unit": r["unit_name"], "from_group": None, "to_group": r["grp"], "note": None})
    order = {"added": 0, "removed": 1, "dissolved": 2, "moved": 3, "succeeded": 4, "deputy_to_leader": 5, "leader_again": 6}
    return sorted(changes, key=lambda c: (order[c["change"]], c["to_group"] or c["from_group"] or "", c["unit"]))
