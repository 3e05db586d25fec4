"""What a yearly roster report shows, read from the database (no HTML here)."""
from __future__ import annotations

import json
from collections import Counter, defaultdict

import sqlite_utils

from pipeline.checks.history import unit_flows
from pipeline.units.matching import match_province as spelt_province
from pipeline.checks.roster_state import FIRST_STEPS
from pipeline.units.normalize import same_group

ROLE_NAMES = {("khối", "leader"): "Trưởng khối", ("khối", "deputy"): "Phó khối",
              ("cụm", "leader"): "Cụm trưởng", ("cụm", "deputy"): "Cụm phó"}
OPS = {"move_member": "chuyển đến", "add_member": "bổ sung", "remove_member": "rút khỏi", "replace_role": "phân công"}


class ReportError(ValueError):
    """The database has no roster for what was asked."""


def available(db: sqlite_utils.Database) -> list[dict]:
    """Provinces and years that have a roster, with the number of groups and units."""
    if "roster_state" not in db.table_names():
        return []
    return [dict(r) for r in db.query(
        "select province, year, count(distinct group_name) as groups, count(distinct coalesce(unit_id, unit_name)) as units "
        "from roster_state where valid_to is null and province is not null and year is not null "
        "group by province, year order by province, year")]


def _rows(db: sqlite_utils.Database, province: str, year: int) -> list[dict]:
    return [dict(r) for r in db.query("select * from roster_state where province = ? and year = ? "
                                      "order by valid_from, source_path, coalesce(page, 0), coalesce(line, 0)",
                                      [province, year])]


def group_order(rows: list[dict]) -> list[str]:
    """Groups in the order the deciding document lists them."""
    first: dict[str, tuple] = {}
    for r in rows:
        if r["step"] in FIRST_STEPS:
            first.setdefault(r["group_name"], (r["valid_from"], r["source_path"] or "", r["page"] or 0, r["line"] or 0))
    for r in rows:  # a group that only an amendment created
        first.setdefault(r["group_name"], ("9999", r["source_path"] or "", r["page"] or 0, r["line"] or 0))
    return sorted(first, key=lambda g: first[g])


def _decision(db: sqlite_utils.Database, decision_id: str) -> dict:
    row = next(iter(db.query(
        "select d.id, d.doc_type, d.number, d.issued_date, d.issuer, d.subject, d.signer_name, d.signer_title, "
        "d.signer_authority, d.human_fields, doc.path from decisions d join documents doc on doc.id = d.document_id "
        "where d.id = ?", [decision_id])), None)
    return dict(row) if row else {"id": decision_id, "number": None, "path": None}


def _group(name: str, rows: list[dict], decisions: dict[str, dict]) -> dict:
    kind = rows[0]["kind"]
    listed = [r for r in rows if r["step"] in FIRST_STEPS]
    deciding = Counter(r["decision_id"] for r in listed).most_common(1)
    decision = decisions[deciding[0][0]] if deciding else None
    units: dict[str, dict] = {}
    for r in sorted(rows, key=lambda r: (r["step"] not in FIRST_STEPS, r["valid_from"], r["page"] or 0, r["line"] or 0)):
        key = r["unit_id"] or r["unit_name"]
        u = units.setdefault(key, {"name": r["unit_name"], "unit_id": r["unit_id"], "role": None, "current": False,
                                   "listed": r["step"] in FIRST_STEPS, "page": r["page"], "line": r["line"],
                                   "source_path": r["source_path"], "notes": []})
        if r["step"] not in FIRST_STEPS:
            u["notes"].append({"date": r["valid_from"], "number": r["source_number"], "op": OPS.get(r["step"], r["step"]),
                               "role": r["role"]})
        if r["valid_to"] is None:
            u["current"], u["role"] = True, r["role"]
        else:
            u["ended"] = r["valid_to"]
    members = list(units.values())
    for m in members:
        m["role_name"] = ROLE_NAMES.get((kind, m["role"]))
        if not m["current"] and not any(n for n in m["notes"]):
            later = [r for r in rows if (r["unit_id"] or r["unit_name"]) == (m["unit_id"] or m["name"]) and r["valid_to"]]
            m["ended_by"] = later[0]["valid_to"] if later else None
    current = [m for m in members if m["current"]]
    amendments = sorted({(n["date"], n["number"]) for m in members for n in m["notes"]})
    return {"name": name, "kind": kind, "members": members, "count": len(current), "decision": decision,
            "leader": next((m["name"] for m in current if m["role"] == "leader"), None),
            "deputies": [m["name"] for m in current if m["role"] == "deputy"],
            "amendments": [{"date": d, "number": n} for d, n in amendments]}


def _groups(db: sqlite_utils.Database, rows: list[dict]) -> list[dict]:
    decisions = {d: _decision(db, d) for d in {r["decision_id"] for r in rows}}
    by_group = defaultdict(list)
    for r in rows:
        by_group[r["group_name"]].append(r)
    return [_group(name, by_group[name], decisions) for name in group_order(rows)]


def _issues(db: sqlite_utils.Database, province: str, year: int, group_names: list[str]) -> list[dict]:
    rows = [dict(r) for r in db.query(
        """select v.rule, v.severity, v.message, v.unit, v.source_path, v.page, v.line,
                  coalesce(d.province, gd.province) as province
           from validation_issues v left join decisions d on d.id = v.decision_id
           left join groups g on g.id = v.group_id left join decisions gd on gd.id = g.decision_id
           where v.year = ? order by case v.severity when 'error' then 0 when 'warning' then 1 else 2 end, v.rule""",
        [year])] if "validation_issues" in db.table_names() else []
    return [r for r in rows if r["province"] == province
            or (r["province"] is None and any(n in r["message"] for n in group_names))]


def _timeline(db: sqlite_utils.Database, province: str, groups: list[dict]) -> dict:
    years = [r["year"] for r in db.query("select distinct year from roster_state where province = ? and year is not null "
                                         "order by year", [province])]
    cells = {}
    for year in years:
        rows = [dict(r) for r in db.query("select group_name, unit_name, unit_id, role from roster_state where province = ? "
                                          "and year = ? and valid_to is null", [province, year])]
        for gi, g in enumerate(groups):
            mine = [r for r in rows if same_group(r["group_name"], g["name"])]
            if mine:
                leader = next((r for r in mine if r["role"] == "leader"), None)
                cells[(gi, year)] = {"leader": leader["unit_name"] if leader else None,
                                     "key": (leader["unit_id"] or leader["unit_name"]).split(":")[-1] if leader else None}
    return {"years": years, "cells": cells}


def match_province(db: sqlite_utils.Database, province: str) -> str:
    """The province as the database spells it ('bac ninh', 'tỉnh BẮC NINH' → 'Bắc Ninh')."""
    return spelt_province(province, [a["province"] for a in available(db)]) or province


def report_data(db: sqlite_utils.Database, province: str, year: int, compare: int | None = None) -> dict:
    province = match_province(db, province)
    rows = _rows(db, province, year)
    if not rows:
        have = ", ".join(f"{a['province']} {a['year']}" for a in available(db)) or "none"
        raise ReportError(f"no roster of {province} for {year} in the database (rosters: {have})")
    groups = _groups(db, rows)
    data = {"province": province, "year": year, "compare": compare, "groups": groups,
            "decisions": sorted({json.dumps(g["decision"], sort_keys=True, ensure_ascii=False) for g in groups
                                 if g["decision"]}),
            "issues": _issues(db, province, year, [g["name"] for g in groups]),
            "timeline": _timeline(db, province, groups), "flows": None}
    data["decisions"] = [json.loads(d) for d in data["decisions"]]
    data["amendments"] = [_decision(db, d) for d in sorted({r["decision_id"] for r in rows if r["step"] not in FIRST_STEPS})]
    if compare is not None:
        before = _rows(db, province, compare)
        if not before:
            raise ReportError(f"no roster of {province} for {compare} to compare with")
        data["flows"] = unit_flows(db, compare, year, province)
        data["groups_before"] = group_order(before)
    return data
