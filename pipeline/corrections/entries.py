"""Human corrections: a plain YAML file beside the database, applied at every load.

One entry per fact. An entry names the document by its SHA-256, so it follows the bytes, not the
path; when those bytes are no longer loaded (the file changed) the entry is reported as orphaned,
never dropped. Corrections win over extraction, and every fact they touch is marked `human`.
"""
from __future__ import annotations

import getpass
import hashlib
import json
import os
import re
from datetime import date, datetime, timezone
from pathlib import Path

import yaml

from pipeline.corrections import file as corrections_file
from pipeline.corrections.file import write_atomically
from pipeline.units.messages import say
from pipeline.units.normalize import nfc, same_group, unit_key
from pipeline.units.registry import unit_row

SCALAR_FIELDS = ("number", "symbol", "issued_date", "issuer", "signer", "subject")
GROUP_FIELDS = ("group.name", "leader", "deputies", "member.add", "member.remove", "member.move")
FIELDS = SCALAR_FIELDS + GROUP_FIELDS + ("unit_id",)
HEADER = """\
# quyetdinh corrections: applied at every load, they win over what was extracted.
# One entry per fact; `quyetdinh correct` writes them, a person may edit them by hand.
# document = SHA-256 of the file; field = number | symbol | issued_date | issuer | signer | subject |
#   group.name | leader | deputies | member.add | member.remove | member.move | unit_id
"""


class CorrectionError(ValueError):
    """A correction that cannot be written as asked (bad field or value)."""


def corrections_path(db_path: str | os.PathLike) -> Path:
    """`corrections.yaml` beside the database (data/quyetdinh.db → data/corrections.yaml)."""
    return Path(db_path).parent / "corrections.yaml"


def load_corrections(path: str | os.PathLike) -> list[dict]:
    """The entries of the file, every one checked (keys, types, sizes, values) before any is used."""
    p = Path(path)
    try:
        data = corrections_file.read(p)
    except corrections_file.FileProblem as e:
        raise CorrectionError(str(e)) from None
    except OSError as e:
        raise CorrectionError(f"{p}: không đọc được ({e.strerror or e})") from None
    seen = set()
    for k, e in enumerate(data, start=1):
        where = say("corr_entry", path=p, id=e.get('id') or k)
        if e.get("field") not in FIELDS:
            raise CorrectionError(say("corr_needs_field", where=where, fields=', '.join(FIELDS)))
        if not re.fullmatch(r"[0-9a-fA-F]{64}|path-[0-9a-f]{40}", str(e.get("document") or "")):
            raise CorrectionError(say("corr_document_sha", where=where))
        if e.get("new") is None:
            raise CorrectionError(say("corr_no_value", where=where))
        value = e["new"]
        if isinstance(value, (date, datetime)):  # an unquoted date in hand-written YAML
            value = value.isoformat()[:10]
        if isinstance(value, list) and e["field"] != "deputies":
            raise CorrectionError(f"{where}: '{e['field']}' nhận một giá trị, không phải một danh sách")
        try:
            e["new"] = parse_value(e["field"], "; ".join(value) if isinstance(value, list) else str(value))
        except CorrectionError as err:
            raise CorrectionError(f"{where}: {err}") from None
        for key in ("old", "when"):
            if isinstance(e.get(key), (date, datetime)):
                e[key] = e[key].isoformat() if key == "when" else e[key].isoformat()[:10]
        e["document"] = str(e["document"]).lower()
        e["id"] = str(e.get("id") or entry_id(e))
        if e["id"] in seen:
            raise CorrectionError(say("corr_id_twice", where=where, id=e['id']))
        seen.add(e["id"])
    return data


def save_corrections(path: str | os.PathLike, entries: list[dict]) -> None:
    """Write atomically (a unique temporary file renamed over it), keys in a fixed order, one
    block per entry: small, readable diffs. Callers that read first hold `locked(path)`."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    order = ["id", "document", "path", "field", "group", "unit", "old", "new", "who", "when", "note"]
    rows = [{k: e.get(k) for k in order if e.get(k) is not None or k in ("old", "new")} for e in entries]
    body = yaml.safe_dump(rows, allow_unicode=True, sort_keys=False, width=110, default_flow_style=False)
    write_atomically(p, HEADER + ("" if not rows else "\n" + body.replace("\n- ", "\n\n- ")))


def entry_id(e: dict) -> str:
    """A short id from what the entry corrects, to what, and when (when it says)."""
    parts = [e["document"], e["field"], e.get("group"), e.get("unit"), e["new"], e.get("when")]
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False, default=str).encode()).hexdigest()[:10]


def entry_key(e: dict) -> tuple:
    """Two entries with this key correct the same fact: the newer one replaces the older."""
    # A rename is a step, not a value: renames chain (B → C, then C's leader, then C → D), so
    # each is kept; the same rename made twice is one.
    unit = e.get("unit") or (e["new"] if e["field"].startswith("member.") or e["field"] == "group.name" else None)
    grp = None if e["field"] == "member.move" else e.get("group")
    return (e["document"], e["field"], unit_key(grp) if grp else None, unit_key(unit) if unit else None)


def parse_value(field: str, value: str):
    """The value as it will be stored, checked for its field."""
    value = nfc(value.strip())
    if field == "issued_date":
        m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", value)
        try:
            d = date(int(m[3]), int(m[2]), int(m[1])) if m else date.fromisoformat(value)
        except ValueError:
            raise CorrectionError(say("corr_not_date", value=repr(value))) from None
        return d.isoformat()
    if field == "number":
        value = re.sub(r"\s+", "", value)
        if not re.fullmatch(r"\d+[A-Za-z]?(?:/\d{4})?/[A-ZĐ][A-Za-zĐđ0-9.-]*", value):
            raise CorrectionError(say("corr_not_number", value=repr(value)))
    if field == "deputies":
        return [nfc(v.strip()) for v in value.split(";") if v.strip()]
    if not value:
        raise CorrectionError(say("corr_empty"))
    return value


def current_value(record: dict, field: str, group: dict | None, unit: str | None):
    """What the record says now (the `old` of a new correction)."""
    if field in SCALAR_FIELDS:
        return (record.get("signer") or {}).get("name") if field == "signer" else record.get(field)
    if field == "group.name":
        return group["name"] if group else None
    if field in ("leader", "deputies"):
        return group.get(field) if group else None
    if field == "unit_id":
        m = next((m for g in record.get("groups", []) for m in g["members"]
                  if unit and unit_key(m["name"]) == unit_key(unit)), None)
        return m["unit_id"] if m else None
    return None


def new_entry(record: dict, doc_id: str, path: str, field: str, value: str, group: str | None = None,
              unit: str | None = None, note: str | None = None, who: str | None = None) -> dict:
    """A correction for this record; raises CorrectionError when it cannot apply to it."""
    if field not in FIELDS:
        raise CorrectionError(say("corr_unknown_field", field=repr(field), fields=', '.join(FIELDS)))
    new = parse_value(field, value)
    g = None
    if field in ("group.name", "leader", "deputies", "member.add", "member.move") or group:
        if not group and len(record.get("groups") or []) == 1:
            group = record["groups"][0]["name"]
        if not group:
            raise CorrectionError(say("corr_needs_group", field=field))
        g = find_group(record, group)
        if g is None:
            raise CorrectionError(say("corr_no_group_here", group=repr(group),
                                      groups="; ".join(x["name"] for x in record.get("groups") or [])))
    if field == "unit_id":
        if not unit:
            raise CorrectionError(say("corr_needs_unit"))
        if unit_row(new) is None:
            raise CorrectionError(say("corr_not_in_registry", unit=repr(new)))
    if field in ("member.remove", "member.move") and not find_member(record, new, None if field == "member.move" else g):
        raise CorrectionError(say("corr_not_member", unit=repr(new)))
    if field == "member.move" and find_member(record, new, g) and not any(
            find_member(record, new, other) for other in record["groups"] if other is not g):
        raise CorrectionError(say("corr_already_there", unit=repr(new), group=g['name']))
    entry = {"document": doc_id, "path": path, "field": field, "group": g["name"] if g else None,
             "unit": unit, "old": current_value(record, field, g, unit), "new": new,
             "who": who or os.environ.get("QUYETDINH_USER") or getpass.getuser(),
             "when": datetime.now(timezone.utc).isoformat(timespec="seconds"), "note": note}
    entry["id"] = entry_id(entry)
    return entry


def add_entry(entries: list[dict], entry: dict) -> list[dict]:
    """Append, or replace an earlier correction of the same fact (its history is the file's diff)."""
    key = entry_key(entry)
    # In place: a later correction may refer to what this one set (a group renamed, then its leader).
    out, placed = [], False
    for e in entries:
        if entry_key(e) == key:
            if not placed:
                out.append(entry)
                placed = True
        else:
            out.append(e)
    return out if placed else out + [entry]


def find_group(record: dict, ref: str) -> dict | None:
    """A group by name (any of its spellings), ordinal ("2", "IV") or position ("#3")."""
    groups = record.get("groups") or []
    ref = nfc(str(ref).strip())
    if re.fullmatch(r"#\d+", ref):
        k = int(ref[1:]) - 1
        return groups[k] if 0 <= k < len(groups) else None
    for g in groups:
        if g["name"] == ref or (g.get("ordinal") and g["ordinal"] == ref):
            return g
    return next((g for g in groups if same_group(g["name"], ref)), None)


def find_member(record: dict, unit: str, group: dict | None = None) -> tuple[dict, dict] | None:
    key = unit_key(unit)
    for g in ([group] if group else record.get("groups") or []):
        for m in g["members"]:
            if unit_key(m["name"]) == key or (m.get("unit_id") and m["unit_id"] == unit):
                return g, m
    return None


def digest(entries: list[dict]) -> str | None:
    """Changes when this document's corrections change: the loader re-applies them then."""
    if not entries:
        return None
    return hashlib.sha256(json.dumps([[e.get("id"), e["field"], e.get("group"), e.get("unit"), e["new"]]
                                      for e in entries], ensure_ascii=False).encode()).hexdigest()[:16]
