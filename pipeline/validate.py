"""Roster validation: named rules over the loaded rosters, each issue with its evidence."""
from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from datetime import datetime, timezone

import sqlite_utils

from pipeline.normalize import unit_key

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
ROSTER_TYPES = ("quyet_dinh", "cong_van")  # documents that set rosters; news only report them


def province_of(issuer: str | None, place: str | None) -> str | None:
    if issuer:
        m = re.search(r"(?:tỉnh|thành phố)\s+(.+)$", issuer)
        if m:
            return m.group(1).strip()
    return place


def group_key(name: str) -> str:
    return unit_key(re.sub(r"(?i)\bthi đua\b", " ", name), drop_province=False)


def load_rosters(db: sqlite_utils.Database) -> list[dict]:
    sql = """
      select g.id, g.name, g.kind, g.leader, g.deputies, g.stated_member_count, g.page, g.line,
             d.id as decision_id, d.doc_type, d.number, d.issuer, d.place, d.issued_date, d.year,
             doc.path
      from groups g join decisions d on d.id = g.decision_id join documents doc on doc.id = d.document_id
      order by d.issued_date, doc.path, g.id"""
    groups = [dict(r) for r in db.query(sql)]
    members = defaultdict(list)
    for m in db.query("select * from memberships order by group_id, position"):
        members[m["group_id"]].append(dict(m))
    for g in groups:
        g["members"] = members[g["id"]]
        g["province"] = province_of(g["issuer"], g["place"])
    return groups


def issue(rule, severity, message, g=None, unit=None, m=None) -> dict:
    ev = m or g or {}
    row = {"rule": rule, "severity": severity, "message": message, "year": (g or {}).get("year"),
           "decision_id": (g or {}).get("decision_id"), "group_id": (g or {}).get("id"), "unit": unit,
           "source_path": (g or {}).get("path") or (m or {}).get("source_path"),
           "page": ev.get("page"), "line": ev.get("line")}
    row["id"] = hashlib.sha1("|".join(str(row[k]) for k in ("rule", "group_id", "unit", "message")).encode()).hexdigest()[:16]
    return row


def check_group(g: dict) -> list[dict]:
    out = []
    names = [m["unit_name"] for m in g["members"]]
    if not names and g["doc_type"] in ROSTER_TYPES:
        out.append(issue("group_has_members", "error", f"{g['name']}: no member listed", g))
    seen = {}
    for m in g["members"]:
        k = unit_key(m["unit_name"])
        if k in seen:
            out.append(issue("no_duplicate_member", "error", f"{g['name']}: {m['unit_name']} listed twice", g, m["unit_name"], m))
        seen[k] = m
    if g["leader"] is None:
        out.append(issue("one_leader", "warning", f"{g['name']}: no leader (Trưởng khối/cụm) stated", g))
    elif names and not any(m["role"] == "leader" for m in g["members"]):
        out.append(issue("leader_is_member", "error", f"{g['name']}: leader {g['leader']} is not among its members", g, g["leader"]))
    if g["stated_member_count"] is not None and g["stated_member_count"] != len(names):
        out.append(issue("stated_count_matches", "warning",
                         f"{g['name']}: document says {g['stated_member_count']} units, {len(names)} listed", g))
    for m in g["members"]:
        if m["unit_id"] is None:
            out.append(issue("unknown_unit", "info", f"{m['unit_name']} is not in the unit registry", g, m["unit_name"], m))
    return out


def check_one_group_per_year(groups: list[dict]) -> list[dict]:
    out = []
    where = defaultdict(dict)  # (province, year, kind, unit) -> {group_key: (g, m)}
    for g in groups:
        if g["doc_type"] not in ROSTER_TYPES or g["year"] is None:
            continue
        for m in g["members"]:
            k = (g["province"], g["year"], g["kind"], m["unit_id"] or unit_key(m["unit_name"]))
            where[k].setdefault(group_key(g["name"]), (g, m))
    for (prov, year, kind, _), found in where.items():
        if len(found) > 1:
            (g1, m1), (g2, m2) = list(found.values())[:2]
            out.append(issue("one_group_per_year", "error",
                             f"{m2['unit_name']} is in two {kind} groups in {year}: {g1['name']} and {g2['name']}",
                             g2, m2["unit_name"], m2))
    return out


def check_year_over_year(groups: list[dict]) -> list[dict]:
    """Units added, removed or moved between consecutive years of one province's rosters."""
    out = []
    by = defaultdict(dict)  # (province, kind) -> year -> {unit: (group name, g, m)}
    for g in groups:
        if g["doc_type"] not in ROSTER_TYPES or g["year"] is None:
            continue
        for m in g["members"]:
            by[(g["province"], g["kind"])].setdefault(g["year"], {})[m["unit_id"] or unit_key(m["unit_name"])] = (g["name"], g, m)
    for (prov, kind), years in by.items():
        ordered = sorted(years)
        for a, b in zip(ordered, ordered[1:]):
            ua, ub = years[a], years[b]
            for u in ub.keys() - ua.keys():
                _, g, m = ub[u]
                out.append(issue("year_over_year", "info", f"{m['unit_name']} added in {b} ({g['name']})", g, m["unit_name"], m))
            for u in ua.keys() - ub.keys():
                _, g, m = ua[u]
                out.append(issue("year_over_year", "info", f"{m['unit_name']} no longer listed in {b} (was in {g['name']} in {a})", g, m["unit_name"], m))
            for u in ua.keys() & ub.keys():
                if group_key(ua[u][0]) != group_key(ub[u][0]):
                    _, g, m = ub[u]
                    out.append(issue("year_over_year", "info", f"{m['unit_name']} moved from {ua[u][0]} ({a}) to {ub[u][0]} ({b})", g, m["unit_name"], m))
    return out


def validate(db: sqlite_utils.Database) -> list[dict]:
    groups = load_rosters(db)
    issues = [i for g in groups for i in check_group(g)]
    issues += check_one_group_per_year(groups)
    issues += check_year_over_year(groups)
    issues.sort(key=lambda i: (SEVERITY_ORDER[i["severity"]], i["rule"], i["source_path"] or "", i["message"]))
    return issues


def save_issues(db: sqlite_utils.Database, issues: list[dict]) -> None:
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    with db.atomic():
        db.execute("delete from validation_issues")
        if issues:
            db.table("validation_issues").insert_all([{**i, "checked_at": now} for i in issues], pk="id", replace=True)


def format_text(issues: list[dict]) -> str:
    if not issues:
        return "Validation: no issues."
    lines = []
    counts = defaultdict(int)
    for i in issues:
        counts[i["severity"]] += 1
    lines.append("Validation: " + ", ".join(f"{counts[s]} {s}(s)" for s in SEVERITY_ORDER if counts[s]))
    current = None
    shown = defaultdict(int)
    for i in issues:
        if i["severity"] == "info":
            shown[i["rule"]] += 1
            if shown[i["rule"]] == 4:
                rest = sum(1 for j in issues if j["rule"] == i["rule"]) - 3
                lines.append(f"  [{i['rule']}] … and {rest} more (quyetdinh validate --format json, or table validation_issues)")
            if shown[i["rule"]] >= 4:
                continue
        if i["severity"] != current:
            current = i["severity"]
            lines.append(f"\n{current.upper()}")
        where = f"{i['source_path']}" + (f" p.{i['page']}" if i["page"] else "") + (f" l.{i['line']}" if i["line"] else "")
        lines.append(f"  [{i['rule']}] {i['message']}  ({where})")
    return "\n".join(lines)
