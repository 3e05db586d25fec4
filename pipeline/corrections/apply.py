"""The pure step: record + corrections → record (and the rows of the corrected record for the store).

Corrections win over extraction, and every fact they touch is marked `human`; the store never
applies them itself, it stores what this step returns beside the record as extracted.
"""
from __future__ import annotations

import copy

from extractors.record import ExtractionRecord
from pipeline.corrections.entries import (SCALAR_FIELDS, CorrectionError, digest, find_group, find_member,
                                          parse_value)
from pipeline.store.rows import record_rows
from pipeline.units.messages import say
from pipeline.units.normalize import unit_key
from pipeline.units.registry import record_date, resolve, resolve_record


def _human(entry: dict, path: str | None = None) -> dict:
    return {"source": "human", "correction": entry["id"], "file": path}


def _set_roles(g: dict) -> None:
    lead, deps = unit_key(g["leader"] or ""), {unit_key(d) for d in g["deputies"]}
    for m in g["members"]:
        k = unit_key(m["name"])
        m["role"] = "leader" if lead and k == lead else "deputy" if k in deps else "member"


def _drop_role(g: dict, name: str) -> None:
    """A unit taken out of a group no longer leads it or deputises in it."""
    if g.get("leader") and unit_key(g["leader"]) == unit_key(name):
        g["leader"] = None
    g["deputies"] = [d for d in g.get("deputies") or [] if unit_key(d) != unit_key(name)]


def apply_one(record: dict, e: dict, corrections_file: str | None = None) -> str | None:
    """Apply one correction in place; return why it could not be applied (None when it was)."""
    field, new = e["field"], e["new"]
    if field in ("issued_date", "number") and isinstance(new, str):
        try:  # a value typed by hand into the file, not through `correct`
            new = parse_value(field, new)
        except CorrectionError as err:
            return str(err)
    human = record.setdefault("human", {})
    tag = _human(e, corrections_file)
    if field in SCALAR_FIELDS:
        if field == "signer":
            record["signer"] = {**(record.get("signer") or {"title": None, "authority": None}), "name": new}
        else:
            record[field] = new
        human[field] = e["id"]
        record.setdefault("field_provenance", {})[field] = tag
        return None
    if field == "unit_id":
        found = [(g, m) for g in record.get("groups") or [] for m in g["members"]
                 if unit_key(m["name"]) == unit_key(e.get("unit") or "")
                 and (not e.get("group") or g is find_group(record, e["group"]))]
        if not found:
            return say("corr_gone_member", unit=repr(e.get('unit')))
        for g, m in found:
            m["unit_id"], m["resolution"] = new, {"method": "human", "score": 100, "correction": e["id"]}
            m["human"] = e["id"]
        return None
    if field == "member.move":
        g = find_group(record, e["group"]) if e.get("group") else None
        if g is None:
            return say("corr_gone_group", group=repr(e.get('group')))
        elsewhere = [(og, m) for og in record.get("groups") or [] if og is not g for m in og["members"]
                     if unit_key(m["name"]) == unit_key(new) or m.get("unit_id") == new]
        inside = find_member(record, new, g)
        if not elsewhere:
            return None if inside else say("corr_gone_move", unit=repr(new))
        for og, m in elsewhere:
            og["members"].remove(m)
            _drop_role(og, m["name"])
            og.setdefault("human", []).append(f"member.move:{e['id']}")
        if inside is None:
            m = elsewhere[0][1]
            g["members"].append({**m, "role": "member", "provenance": tag, "human": e["id"]})
            _set_roles(g)
        g.setdefault("human", []).append(f"member.move:{e['id']}")
        return None
    if field == "member.remove":
        g = find_group(record, e["group"]) if e.get("group") else None
        if e.get("group") and g is None:
            return say("corr_gone_group", group=repr(e.get('group')))
        hit = find_member(record, new, g)  # without a group: wherever the unit is listed
        if hit is None:
            return say("corr_gone_member_in", unit=repr(new), group=g['name'] if g else say("corr_this_document"))
        hit[0]["members"].remove(hit[1])
        _drop_role(hit[0], hit[1]["name"])
        hit[0].setdefault("human", []).append(f"{field}:{e['id']}")
        return None
    g = find_group(record, e["group"]) if e.get("group") else None
    if g is None:
        return say("corr_gone_group", group=repr(e.get('group')))
    if field == "group.name":
        g["name"] = new
    elif field == "leader":
        g["leader"] = new
        _set_roles(g)
    elif field == "deputies":
        g["deputies"] = list(new)
        _set_roles(g)
    elif field == "member.add":
        if find_member(record, new, g) is None:
            r = resolve(new, record.get("province"), record_date(record))
            g["members"].append({"name": new, "unit_id": r["unit_id"], "role": "member", "provenance": tag,
                                 "resolution": {k: r[k] for k in ("method", "score")}, "human": e["id"]})
            _set_roles(g)
    g.setdefault("human", []).append(f"{field}:{e['id']}")
    return None


def apply_corrections(record: dict, entries: list[dict], corrections_file: str | None = None) -> tuple[dict, list[dict]]:
    """The corrected copy of `record`, and each entry's outcome {id, status, message}."""
    out = copy.deepcopy(record)
    results = []
    for e in entries:
        why = apply_one(out, e, corrections_file)
        results.append({"id": e["id"], "status": "orphaned" if why else "applied", "message": why})
    return out, results


def corrected(record: ExtractionRecord, text: str | None, entries: list[dict] | None,
              corrections_file: str | None = None) -> ExtractionRecord:
    """The record with its corrections applied (the record itself when there are none)."""
    if not entries:
        return record
    out, _ = apply_corrections(record, entries, corrections_file)
    if any(c["field"] in ("issuer", "issued_date") for c in entries):
        # The province and the date a unit is resolved on come from these: a corrected issuer
        # ("UBND tỉnh Hà Tĩnh") turns a news item's "Sở Nội vụ" into Hà Tĩnh's Sở Nội vụ.
        resolve_record(out, text)
    return out


def corrected_rows(record: ExtractionRecord, text: str | None, entries: list[dict] | None,
                   corrections_file: str | None = None) -> dict[str, list[dict]]:
    """The store's rows for a record with its corrections applied; the record as extracted is kept."""
    return record_rows(corrected(record, text, entries, corrections_file), text, raw=record,
                       corrections_digest=digest(entries or []))
