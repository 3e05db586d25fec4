"""What each group's roster was on any date: decisions, then their amendments in date order.

Every row of `roster_state` says which decision (and which amendment step) put the unit
there, and for which dates: "the roster of group G on date D" is one query.
"""
from __future__ import annotations

import hashlib
import re
from datetime import date, timedelta

import sqlite_utils

from pipeline.units.names import same_unit
from pipeline.store.db import write_transaction
from pipeline.units.messages import say
from pipeline.units.normalize import ROSTER_TYPES, same_group

# Steps that set a roster, as opposed to amending one: a decision lists it, or only the news reports it.
FIRST_STEPS = ("listed", "reported")


def province_of(issuer: str | None, place: str | None) -> str | None:
    if issuer:
        m = re.search(r"(?:tỉnh|thành phố)\s+(.+)$", issuer)
        if m:
            return m.group(1).strip()
    return place


def _day_before(iso: str) -> str:
    return (date.fromisoformat(iso) - timedelta(days=1)).isoformat()


def build_roster_state(db: sqlite_utils.Database) -> tuple[list[dict], list[dict]]:
    """Rows of `roster_state`, and problems met while applying amendments."""
    decisions = {d["id"]: dict(d) for d in db.query(
        "select d.*, doc.path from decisions d join documents doc on doc.id = d.document_id "
        f"where d.doc_type in ({','.join('?' * len(ROSTER_TYPES))}) order by d.issued_date, doc.path", list(ROSTER_TYPES))}
    rows: list[dict] = []
    seen_numbers: dict[tuple, str] = {}
    for m in db.query("""select m.*, g.name as group_name, g.kind from memberships m join groups g on g.id = m.group_id
                         order by m.decision_id, m.group_id, m.position"""):
        d = decisions.get(m["decision_id"])
        if not d or d["issued_date"] is None:
            continue
        key = (d["issuer"], d["number"], d["issued_date"])
        if seen_numbers.setdefault(key, d["id"]) != d["id"]:
            continue  # the same decision in a second file (PDF and DOCX): count it once
        rows.append({"province": d["province"] or province_of(d["issuer"], d["place"]), "year": m["year"],
                     "kind": m["kind"], "group_name": m["group_name"], "unit_name": m["unit_name"],
                     "unit_id": m["unit_id"], "role": m["role"], "valid_from": d["issued_date"], "valid_to": None,
                     "decision_id": d["id"], "source_number": d["number"], "step": "listed",
                     "source_path": d["path"], "page": m["page"], "line": m["line"]})
    rows += reported_rosters(db, rows)
    problems: list[dict] = []
    amendments = list(db.query("""select a.*, d.issued_date, d.number, d.province, d.issuer, doc.path from amendments a
                                  join decisions d on d.id = a.decision_id join documents doc on doc.id = d.document_id
                                  order by a.effective, a.decision_id, a.position"""))
    for a in amendments:
        base = [r for r in rows if r["source_number"] == a["amends_number"] and r["valid_to"] is None
                and (a["amends_date"] is None or r["valid_from"] <= a["issued_date"])]
        if not base:
            problems.append({"rule": "amendment_applies", "severity": "warning", "amendment": a,
                             "message": say("amendment_not_loaded", number=a["number"], amends=a["amends_number"])})
            continue
        when = a["issued_date"]

        def current(unit, group=None):
            return [r for r in base if r["valid_to"] is None and same_unit(r["unit_name"], unit)
                    and (group is None or same_group(r["group_name"], group))]

        def replace(r, **changes):
            r["valid_to"] = _day_before(when)
            new = {**r, **changes, "valid_from": when, "valid_to": None, "decision_id": a["decision_id"],
                   "source_number": a["number"], "step": a["op"], "source_path": a["path"], "page": a["page"],
                   "line": a["line"]}
            rows.append(new)
            base.append(new)

        op = a["op"]
        if op in ("move_member", "remove_member"):
            hit = current(a["unit"], a["from_group"])
            if not hit:
                problems.append({"rule": "amendment_applies", "severity": "warning", "amendment": a,
                                 "message": say("amendment_not_in_group", number=a["number"], unit=a["unit"],
                                                 group=a["from_group"], amends=a["amends_number"])})
                continue
            for r in hit:
                if op == "remove_member":
                    r["valid_to"] = _day_before(when)
                else:
                    target = next((x["group_name"] for x in base if same_group(x["group_name"], a["to_group"])), a["to_group"])
                    replace(r, group_name=target, role="member")
        elif op == "add_member":
            target = next((x for x in base if same_group(x["group_name"], a["to_group"])), None)
            proto = target or base[0]
            new = {**proto, "group_name": target["group_name"] if target else a["to_group"], "unit_name": a["unit"],
                   "unit_id": None, "role": "member", "valid_from": when, "valid_to": None,
                   "decision_id": a["decision_id"], "source_number": a["number"], "step": op,
                   "source_path": a["path"], "page": a["page"], "line": a["line"]}
            rows.append(new)
            base.append(new)
        elif op == "replace_role":
            for r in [x for x in base if x["valid_to"] is None and same_group(x["group_name"], a["grp"])
                      and x["role"] == a["role"]]:
                replace(r, role="member")
            hit = current(a["unit"], a["grp"])
            if not hit:
                problems.append({"rule": "amendment_applies", "severity": "warning", "amendment": a,
                                 "message": say("amendment_not_member", number=a["number"], unit=a["unit"], group=a["grp"])})
            for r in hit:
                replace(r, role=a["role"])
    for r in rows:
        r["id"] = hashlib.sha1("|".join(str(r[k]) for k in ("decision_id", "group_name", "unit_name", "valid_from", "step"))
                               .encode()).hexdigest()[:16]
    return rows, problems


def reported_rosters(db: sqlite_utils.Database, decided: list[dict]) -> list[dict]:
    """Rosters known only from news items: a group of a province-year that no loaded decision
    sets is taken from the latest news item that lists it (step 'reported', so every reader can
    tell it from a decision). A group some decision sets is never taken from the news — the
    news is checked against it instead (rule news_contradicts_decision)."""
    latest: dict[tuple, dict] = {}
    for g in db.query("""select g.id, g.name, g.kind, d.id as decision_id, d.province, d.issuer, d.place, d.issued_date,
                                d.year, doc.path
                         from groups g join decisions d on d.id = g.decision_id join documents doc on doc.id = d.document_id
                         where d.doc_type = 'tin_bai' and d.year is not null and d.issued_date is not null
                         order by d.issued_date, doc.path"""):
        province = g["province"] or province_of(g["issuer"], g["place"])
        if not province or any(r["province"] == province and r["year"] == g["year"]
                               and same_group(r["group_name"], g["name"]) for r in decided):
            continue
        key = next((k for k in latest if k[0] == province and k[1] == g["year"] and same_group(k[2], g["name"])),
                   (province, g["year"], g["name"]))
        latest.pop(key, None)
        latest[(province, g["year"], g["name"])] = dict(g, province=province)
    rows = []
    for g in latest.values():
        for m in db.query("select * from memberships where group_id = ? order by position", [g["id"]]):
            rows.append({"province": g["province"], "year": g["year"], "kind": g["kind"], "group_name": g["name"],
                         "unit_name": m["unit_name"], "unit_id": m["unit_id"], "role": m["role"],
                         "valid_from": g["issued_date"], "valid_to": None, "decision_id": g["decision_id"],
                         "source_number": None, "step": "reported", "source_path": g["path"], "page": m["page"],
                         "line": m["line"]})
    return rows


def save_roster_state(db: sqlite_utils.Database, rows: list[dict]) -> None:
    with write_transaction(db):
        db.execute("delete from roster_state")
        if rows:
            db.table("roster_state").insert_all(rows, pk="id", replace=True)


def roster_on(db: sqlite_utils.Database, group: str, on: str, province: str | None = None) -> list[dict]:
    """The roster of a group on a date, from `roster_state`."""
    sql = ("select * from roster_state where valid_from <= :d and (valid_to is null or valid_to >= :d)"
           + (" and province = :p" if province else "") + " order by group_name, unit_name")
    return [r for r in db.query(sql, {"d": on, "p": province}) if same_group(r["group_name"], group)]
