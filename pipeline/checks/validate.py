"""Roster validation: named rules over the loaded rosters, each issue with its evidence."""
from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from datetime import date, datetime, timezone

import sqlite_utils

from pipeline.units.names import same_unit
from pipeline.checks.history import year_diff
from pipeline.checks.roster_state import build_roster_state, province_of, save_roster_state
from pipeline.store.db import write_transaction
from pipeline.units.messages import say, severity_word
from pipeline.units.normalize import ROSTER_TYPES, group_key, same_group, unit_key
from pipeline.units.registry import successor_on, unit_row

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def dmy(iso: str | None) -> str:
    """'2024-02-15' → '15/02/2024', as dates are written in Vietnamese documents."""
    return f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}" if iso and len(iso) >= 10 else (iso or "")


def load_rosters(db: sqlite_utils.Database) -> list[dict]:
    sql = """
      select g.id, g.name, g.kind, g.leader, g.deputies, g.stated_member_count, g.page, g.line,
             d.id as decision_id, d.doc_type, d.number, d.issuer, d.place, d.province, d.issued_date, d.year,
             d.subject, doc.path
      from groups g join decisions d on d.id = g.decision_id join documents doc on doc.id = d.document_id
      order by d.issued_date, doc.path, g.id"""
    groups = [dict(r) for r in db.query(sql)]
    members = defaultdict(list)
    for m in db.query("select * from memberships order by group_id, position"):
        members[m["group_id"]].append(dict(m))
    for g in groups:
        g["members"] = members[g["id"]]
        g["province"] = g["province"] or province_of(g["issuer"], g["place"])
        g["deputies"] = json.loads(g["deputies"] or "[]")
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
    """Rules on one group as one document lists it."""
    out = []
    roster = g["doc_type"] in ROSTER_TYPES
    names = [m["unit_name"] for m in g["members"]]
    if not names and roster:
        out.append(issue("group_has_members", "error", say("group_has_members", group=g["name"]), g))
    seen = {}
    for m in g["members"]:
        k = m["unit_id"] or unit_key(m["unit_name"])
        if k in seen:
            out.append(issue("no_duplicate_member", "error", say("no_duplicate_member", group=g["name"], unit=m["unit_name"]), g, m["unit_name"], m))
        seen[k] = m
    if g["leader"] is None and roster and names:
        out.append(issue("one_leader", "warning", say("no_leader", group=g["name"]), g))
    if names and g["leader"] and not any(m["role"] == "leader" for m in g["members"]):
        out.append(issue("leader_is_member", "error", say("leader_is_member", group=g["name"], unit=g["leader"]), g, g["leader"]))
    if names:
        for d in g["deputies"]:
            if not any(m["role"] == "deputy" and same_unit(m["unit_name"], d) for m in g["members"]):
                out.append(issue("deputy_is_member", "error", say("deputy_is_member", group=g["name"], unit=d), g, d))
    if g["stated_member_count"] is not None and g["stated_member_count"] != len(names):
        out.append(issue("stated_count_matches", "warning",
                         say("stated_count_matches", group=g["name"], stated=g["stated_member_count"], listed=len(names)), g))
    on = date.fromisoformat(g["issued_date"]) if g["issued_date"] else (date(g["year"], 1, 1) if g["year"] else None)
    for m in g["members"]:
        if m["unit_id"] is None:
            if g["province"]:
                out.append(issue("unknown_unit", "info", say("unknown_unit", unit=m["unit_name"]), g, m["unit_name"], m))
            continue
        row = unit_row(m["unit_id"]) if on else None
        if row and on and ((row.get("valid_to") and on > date.fromisoformat(row["valid_to"]))
                           or (row.get("valid_from") and on < date.fromisoformat(row["valid_from"]))):
            succ = successor_on(m["unit_id"], on)
            after = unit_row(succ)["name"] if succ and unit_row(succ) else say("no_successor")
            out.append(issue("unit_valid_on_date", "warning",
                             say("unit_valid_on_date", unit=m["unit_name"], day=on.strftime("%d/%m/%Y"), now=after),
                             g, m["unit_name"], m))
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
                             say("one_group_per_year", unit=m2["unit_name"], kind=kind, year=year, group_a=g1["name"],
                                 group_b=g2["name"]),
                             g2, m2["unit_name"], m2))
    return out


def check_documents(db: sqlite_utils.Database) -> list[dict]:
    """Numbers issued twice; decisions dated after the period they govern."""
    out = []
    decisions = [dict(d) for d in db.query(
        "select d.*, doc.path from decisions d join documents doc on doc.id = d.document_id "
        "where d.number is not null order by d.issued_date, doc.path")]
    by_number = defaultdict(list)
    for d in decisions:
        if d["issued_date"]:
            # The Chủ tịch's and the Committee's decisions run separate series: the symbol tells them apart.
            by_number[(d["issuer"], d["issued_date"][:4], d["number"])].append(d)
    for (issuer, year, number), ds in by_number.items():
        first = ds[0]
        for d in ds[1:]:
            same = d["issued_date"] == first["issued_date"] and unit_key(d["subject"] or "") == unit_key(first["subject"] or "")
            g = {"decision_id": d["id"], "path": d["path"], "year": d["year"]}
            if same:
                out.append(issue("same_decision_twice", "info", say("same_decision_twice", number=number, issuer=issuer,
                                                                    path_a=first["path"], path_b=d["path"]), g))
            else:
                out.append(issue("duplicate_number", "error", say(
                    "duplicate_number", number=number, issuer=issuer, year=year, path_a=first["path"],
                    day_a=dmy(first["issued_date"]), path_b=d["path"], day_b=dmy(d["issued_date"])), g))
    for d in db.query("select d.id, d.doc_type, d.year, doc.path from decisions d join documents doc on doc.id = d.document_id "
                      "where d.number is null and d.doc_type in (%s) order by doc.path" % ",".join("?" * len(ROSTER_TYPES)),
                      list(ROSTER_TYPES)):
        out.append(issue("number_missing", "warning", say("number_missing", path=d["path"], doc_type=d["doc_type"]),
                         {"decision_id": d["id"], "path": d["path"], "year": d["year"]}))
    for d in decisions:
        if d["doc_type"] in ROSTER_TYPES and d["year"] and d["issued_date"] and int(d["issued_date"][:4]) > d["year"]:
            out.append(issue("decision_after_period", "warning", say("decision_after_period", number=d["number"],
                                                                     day=dmy(d["issued_date"]), year=d["year"]), {"decision_id": d["id"], "path": d["path"], "year": d["year"]}))
    return out


def check_news_against_decisions(groups: list[dict], state: list[dict]) -> list[dict]:
    """A news item that reports other members or another leader than the decision in force."""
    out = []
    for g in groups:
        if g["doc_type"] != "tin_bai" or not g["province"] or not g["year"] or not g["members"]:
            continue
        day = g["issued_date"] or f"{g['year']}-12-31"
        rows = [r for r in state if r["step"] != "reported" and r["province"] == g["province"] and r["year"] == g["year"]
                and r["valid_from"] <= day and (r["valid_to"] is None or r["valid_to"] >= day)
                and same_group(r["group_name"], g["name"])]
        if not rows:
            continue
        official = {r["unit_id"] or unit_key(r["unit_name"]): r for r in rows}
        reported = {m["unit_id"] or unit_key(m["unit_name"]): m for m in g["members"]}
        missing = [official[k]["unit_name"] for k in official.keys() - reported.keys()]
        extra = [reported[k]["unit_name"] for k in reported.keys() - official.keys()]
        leader = next((r for r in rows if r["role"] == "leader"), None)
        src = rows[0]["source_number"]
        if missing or extra:
            out.append(issue("news_contradicts_decision", "warning",
                             say("news_counts", group=g["name"], reported=len(reported), source=src, official=len(official))
                             + (say("news_missing", units=", ".join(missing)) if missing else "")
                             + (say("news_extra", units=", ".join(extra)) if extra else ""), g))
        if leader and g["leader"] and not same_unit(leader["unit_name"], g["leader"]):
            out.append(issue("news_contradicts_decision", "warning",
                             say("news_leader", group=g["name"], unit=g["leader"], source=src, official=leader["unit_name"]),
                             g, g["leader"]))
    return out


def check_leaders_in_state(state: list[dict]) -> list[dict]:
    """Exactly one leader per group at the end of each year, after amendments."""
    out = []
    by = defaultdict(list)
    for r in state:
        if r["valid_to"] is None:
            by[(r["province"], r["year"], group_key(r["group_name"]))].append(r)
    for rows in by.values():
        leaders = {r["unit_id"] or unit_key(r["unit_name"]): r for r in rows if r["role"] == "leader"}
        if len(leaders) > 1:
            r = list(leaders.values())[1]
            names = ", ".join(x["unit_name"] for x in leaders.values())
            out.append(issue("one_leader", "error", say("one_leader", group=r["group_name"], count=len(leaders), year=r["year"],
                                                        units=names),
                             {"id": None, "decision_id": r["decision_id"], "path": r["source_path"], "year": r["year"]},
                             r["unit_name"], r))
    return out


def check_history(db: sqlite_utils.Database, groups: list[dict]) -> list[dict]:
    """Year over year, per province: changes (info), the same leader two years running (warning)."""
    out = []
    years = defaultdict(set)
    for g in groups:
        if g["doc_type"] in ROSTER_TYPES and g["year"] and g["province"]:
            years[g["province"]].add(g["year"])
    for province, ys in years.items():
        ordered = sorted(ys)
        for a, b in zip(ordered, ordered[1:]):
            for c in year_diff(db, a, b, province):
                rule, severity = {"leader_again": ("leader_again", "warning"),
                                  "deputy_to_leader": ("deputy_to_leader", "info")}.get(c["change"], ("year_over_year", "info"))
                text = say(c["change"], unit=c["unit"], year_a=a, year_b=b, group_a=c["from_group"],
                           group_b=c["to_group"], note=c["note"])
                g = {"year": b, "path": c["source_path"], "province": province}
                out.append(issue(rule, severity, text, g, c["unit"], {"page": c["page"], "line": c["line"]}))
    return out


def validate(db: sqlite_utils.Database, state: list[dict] | None = None, problems: list[dict] | None = None) -> list[dict]:
    if state is None:
        state, problems = build_roster_state(db)
    groups = load_rosters(db)
    issues = [i for g in groups for i in check_group(g)]
    issues += check_one_group_per_year(groups)
    issues += check_documents(db)
    issues += check_news_against_decisions(groups, state)
    issues += check_leaders_in_state(state)
    issues += check_history(db, groups)
    for p in problems or []:
        a = p["amendment"]
        issues.append(issue(p["rule"], p["severity"], p["message"],
                            {"decision_id": a["decision_id"], "path": a["path"], "year": None}, a.get("unit"), a))
    unique = {i["id"]: i for i in issues}
    return sorted(unique.values(), key=lambda i: (SEVERITY_ORDER[i["severity"]], i["rule"], i["source_path"] or "", i["message"]))


def refresh(db: sqlite_utils.Database) -> list[dict]:
    """Rebuild `roster_state`, validate, and store the issues (what a run does at its end)."""
    state, problems = build_roster_state(db)
    save_roster_state(db, state)
    issues = validate(db, state, problems)
    save_issues(db, issues)
    return issues


def save_issues(db: sqlite_utils.Database, issues: list[dict]) -> None:
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    with write_transaction(db):
        db.execute("delete from validation_issues")
        if issues:
            db.table("validation_issues").insert_all([{**i, "checked_at": now} for i in issues], pk="id", replace=True)


def format_text(issues: list[dict]) -> str:
    if not issues:
        return say("validation_none")
    lines = []
    counts = defaultdict(int)
    for i in issues:
        counts[i["severity"]] += 1
    lines.append(say("validation_counts", counts=", ".join(f"{counts[s]} {severity_word(s)}" for s in SEVERITY_ORDER if counts[s])))
    current = None
    shown = defaultdict(int)
    for i in issues:
        if i["severity"] == "info":
            shown[i["rule"]] += 1
            if shown[i["rule"]] == 4:
                rest = sum(1 for j in issues if j["rule"] == i["rule"]) - 3
                lines.append(f"  [{i['rule']}] " + say("validation_more", rest=rest))
            if shown[i["rule"]] >= 4:
                continue
        if i["severity"] != current:
            current = i["severity"]
            lines.append(f"\n{severity_word(current).upper()}")
        where = f"{i['source_path']}" + (f" trang {i['page']}" if i["page"] else "") + (f" dòng {i['line']}" if i["line"] else "")
        lines.append(f"  [{i['rule']}] {i['message']}  ({where})")
    return "\n".join(lines)
