"""The unit registry: one identity per unit across spellings, abbreviations and years.

Data lives in the repo (`pipeline/units/data/`): `national.csv` holds the units every province
has (Sở, Ban, mass organisations…) as patterns, `provinces/<id>.csv` the units of one province,
`successions.csv` the mergers and renamings with their effective date and source. Districts and
communes come from the `vietnamadminunits` data (see `pipeline.units.territory`).

A pattern becomes a unit of a province on use: "Sở Nội vụ" in a Bắc Ninh decision of 2024 is
`bac-ninh:so-noi-vu`; in a 2026 decision of the new (merged) Bắc Ninh it is
`bac-ninh-2025:so-noi-vu`.
"""
from __future__ import annotations

import csv
import functools
import os
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from rapidfuzz import fuzz, process

from pipeline.units import territory
from pipeline.units.normalize import heading_case, slugify, unit_key

REGISTRY_DIR = Path(__file__).parent / "data"
# The user's own additions (`quyetdinh units add`) live beside their database, never in the
# installed package: the CLI points this at <database folder>/registry.
USER_REGISTRY_ENV = "QUYETDINH_REGISTRY"


_SET_BESIDE: dict[str, str] = {}


def user_registry_dir() -> Path | None:
    value = os.environ.get(USER_REGISTRY_ENV)
    return Path(value) if value else None


def use_registry_beside(db_path: str) -> bool:
    """Point the user's registry at <database folder>/registry, unless the person set
    QUYETDINH_REGISTRY themselves; worker processes inherit it. True when it changed (what
    depends on the registry must then be computed again)."""
    current = os.environ.get(USER_REGISTRY_ENV)
    if current and current != _SET_BESIDE.get("value"):
        return False
    value = str(Path(db_path).resolve().parent / "registry")
    if value == current:
        return False
    os.environ[USER_REGISTRY_ENV] = _SET_BESIDE["value"] = value
    load_registry.cache_clear()
    return True
FUZZY_MIN = 92


@dataclass
class Registry:
    patterns: dict[str, dict] = field(default_factory=dict)  # pattern id → row
    pattern_keys: dict[str, str] = field(default_factory=dict)  # alias key → pattern id
    key_names: dict[str, str] = field(default_factory=dict)  # alias key → a name as written
    units: dict[str, dict] = field(default_factory=dict)  # unit id → row (province-specific)
    unit_keys: dict[str, dict[str, str]] = field(default_factory=dict)  # province id → alias key → unit id
    successions: list[dict] = field(default_factory=list)
    local: dict[str, dict] = field(default_factory=dict)  # local pattern id → row (units of every district/commune)
    local_keys: dict[str, str] = field(default_factory=dict)  # alias key → local pattern id


def _keys(name: str) -> list[str]:
    """Matching keys of a name: 'Chi nhánh Ngân hàng X tỉnh', 'Ngân hàng X chi nhánh tỉnh' and
    'Ngân hàng X tỉnh' are one branch, so a key is also looked up without 'chi nhánh'."""
    key = unit_key(name)
    bare = " ".join(re.sub(r"\bchi nhánh\b", " ", key).split())
    return [key] + ([bare] if bare and bare != key else [])


def _aliases(row: dict) -> list[str]:
    return [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()]


@functools.lru_cache(maxsize=1)
def load_registry(directory: str | None = None) -> Registry:
    base = Path(directory) if directory else REGISTRY_DIR
    reg = Registry()
    with open(base / "national.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            reg.patterns[row["pattern_id"]] = row
            for name in [row["name"], *_aliases(row)]:
                for key in _keys(name):
                    reg.pattern_keys.setdefault(key, row["pattern_id"])
                    reg.key_names.setdefault(key, name)
    local = base / "local.csv"
    with open(local, encoding="utf-8", newline="") if local.is_file() else open(os.devnull) as f:
        for row in csv.DictReader(f):
            reg.local[row["pattern_id"]] = row
            for name in [row["name"], *_aliases(row)]:
                for key in _keys(name):
                    reg.local_keys.setdefault(key, row["pattern_id"])
    user = user_registry_dir()
    # The user's units and aliases first: where they name a unit the package also has, theirs win.
    mine = sorted((user / "provinces").glob("*.csv")) if user and not directory else []
    for path in mine + sorted((base / "provinces").glob("*.csv")):
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                reg.units.setdefault(row["unit_id"], row)
                pid = row["unit_id"].split(":")[0]
                for name in [row["name"], *_aliases(row)]:
                    reg.unit_keys.setdefault(pid, {}).setdefault(unit_key(name), row["unit_id"])
                    reg.key_names.setdefault(unit_key(name), name)
    with open(base / "successions.csv", encoding="utf-8", newline="") as f:
        reg.successions = list(csv.DictReader(f))
    return reg


def _valid(row: dict, on: date | None) -> bool:
    if on is None:
        return True
    vf, vt = row.get("valid_from") or None, row.get("valid_to") or None
    return (vf is None or date.fromisoformat(vf) <= on) and (vt is None or on <= date.fromisoformat(vt))


def unit_row(unit_id: str) -> dict | None:
    """The registry row of a unit id, instantiating patterns and territorial units."""
    reg = load_registry()
    if unit_id in reg.units:
        return {**reg.units[unit_id], "province": unit_id.split(":")[0]}
    prov, _, local = unit_id.partition(":")
    place, _, pattern = local.partition("~")
    if pattern in reg.local:
        name, level = territory.territorial_name(prov, place) or (place, None)
        p = reg.local[pattern]
        return {"unit_id": unit_id, "name": f"{p['name']} {name[:1].lower()}{name[1:]}", "kind": p["kind"], "province": prov,
                "level": "huyen" if level == "cap_huyen" else "xa", "valid_from": None,
                "valid_to": territory.DISTRICTS_END.isoformat() if level == "cap_huyen" else None}
    if local in reg.patterns:
        p = reg.patterns[local]
        return {"unit_id": unit_id, "name": p["name"], "kind": p["kind"], "province": prov,
                "valid_from": p["valid_from"] or None, "valid_to": p["valid_to"] or None}
    return None


def is_unit_name(text: str) -> bool:
    """Whether a text is, as a whole, the name of a unit the registry knows ('Sở Nội vụ tỉnh Hà Tĩnh',
    'BAN THI ĐUA - KHEN THƯỞNG TỈNH'): a publisher's name, not a sentence."""
    reg = load_registry()
    if text.isupper():
        text = heading_case(text)  # 'SỞ NỘI VỤ TỈNH HÀ TĨNH' → 'Sở Nội Vụ tỉnh Hà Tĩnh'
    return any(k in reg.pattern_keys or any(k in keys for keys in reg.unit_keys.values()) for k in _keys(text))


def province_names_of(province: str) -> list[str]:
    """The names a province goes by: its own, the old provinces merged into it, its former names."""
    names = {province} | {old for old in territory.legacy_provinces().values() if territory.successor_province(old) == province}
    names |= {k for k, v in territory.FORMER_DISPLAY.items() if v == province}
    return sorted(names, key=len, reverse=True)


def name_variants(name: str, province: str | None, implied: str | None) -> list[str]:
    """A name as written, with the implied head ('các sở: Nội vụ' → 'Sở Nội vụ'), without an
    abbreviation in brackets ('Ngân hàng (NH) Nhà nước') or a region's number, and with the province's name at its
    end read as 'tỉnh' ('Báo Quảng Nam', 'Công ty Điện lực Ninh Thuận', 'trường CĐ Nghề Cần thơ')."""
    names = ([f"{implied} {name}"] if implied else []) + [name]
    bare = " ".join(re.sub(r"\s*\([^)]*\)", " ", name).split())
    bare = re.sub(r"(?i)(khu vực)\s+(?:[IVXL]+|\d+)$", r"\1", bare)  # "Kho bạc Nhà nước khu vực XI"
    if bare != name:
        names.append(bare)
    for pname in province_names_of(province) if province else []:
        words, pwords = bare.split(), pname.split()
        tail = " ".join(words[-len(pwords):])
        if len(words) > len(pwords) and territory._key(tail) == territory._key(pname):
            head = re.sub(r"(?i)\s+(?:tỉnh|thành phố|tp\.?)$", "", " ".join(words[: -len(pwords)]))
            names.append(head + " tỉnh")  # 'Văn phòng Đoàn ĐBQH và HĐND tỉnh Vĩnh Long' too
            break
    return names


def local_places(names: list[str]) -> list[str]:
    """The places in names of units every district or commune has ('Định Hóa' in 'Trung tâm
    Chính trị Định Hóa', 'Buôn Hồ' in 'Thị ủy Buôn Hồ')."""
    reg = load_registry()
    out = []
    for name in names:
        words = name.split()
        for n in range(1, min(5, len(words))):
            head = re.sub(r"(?i)\s+(?:huyện|quận|thị xã|thành phố|phường|xã|thị trấn)$", "", " ".join(words[:-n]))
            if any(k in reg.local_keys for k in _keys(head)):
                out.append(" ".join(words[-n:]))
                break
    return out


def resolve_local(name: str, province: str, on: date | None) -> dict | None:
    """A unit every district or commune has, named with its place: 'Huyện ủy Ea H’leo',
    'Thị ủy Buôn Hồ', 'Trung tâm Chính trị Định Hóa', 'UBMTTQ huyện Cần Giờ', 'CN NH BIDV Phú Xuân'."""
    reg = load_registry()
    words = name.split()
    for n in range(1, min(5, len(words))):
        head, tail = " ".join(words[:-n]), " ".join(words[-n:])
        head = re.sub(r"(?i)\s+(?:huyện|quận|thị xã|thành phố|phường|xã|thị trấn)$", "", head)
        typed = " ".join(words[-n - 1:]) if len(words) > n else tail
        pattern = next((reg.local_keys[k] for k in _keys(head) if k in reg.local_keys), None)
        if pattern is None:
            continue
        place = territory.territorial_unit(typed, province, on) or territory.territorial_unit(tail, province, on)
        level = reg.local[pattern]["level"]
        if place is None or (level == "huyen" and place["kind"] != "cap_huyen") or (level == "xa" and place["kind"] != "cap_xa"):
            continue
        pid, _, local = place["unit_id"].partition(":")
        return {"unit_id": f"{pid}:{local}~{pattern}", "method": "local", "score": 100}
    return None


def resolve(name: str, province: str | None = None, on: date | None = None, implied: str | None = None) -> dict:
    """Resolve a name as written to a unit id. Returns {unit_id, method, score, candidates}."""
    reg = load_registry()
    pid = territory.province_id(province, on) if province else None
    names = name_variants(name, province, implied)
    for cand in names:
        for key in _keys(cand):
            if pid and key in reg.unit_keys.get(pid, {}):
                return {"unit_id": reg.unit_keys[pid][key], "method": "alias", "score": 100}
            if key in reg.pattern_keys:
                pattern = reg.pattern_keys[key]
                uid = f"{pid}:{pattern}" if pid else None
                return {"unit_id": uid, "method": "pattern", "score": 100, "pattern": pattern,
                        "valid": _valid(reg.patterns[pattern], on)}
        if province:
            t = territory.territorial_unit(cand, province, on)
            if t:
                return {"unit_id": t["unit_id"], "method": "territory", "score": 100, "unit": t}
    if province:
        for cand in names:
            local = resolve_local(cand, province, on)
            if local:
                return local
    # Fuzzy, last: only a close match within the province's units and the national patterns.
    choices = {k: v for k, v in reg.unit_keys.get(pid, {}).items()} if pid else {}
    choices.update({k: (f"{pid}:{v}" if pid else None) for k, v in reg.pattern_keys.items()})
    best = []
    for cand in names:
        found = process.extract(unit_key(cand), list(choices), scorer=fuzz.ratio, limit=3)
        if found and (not best or found[0][1] > best[0][1]):
            best = found
    if best and best[0][1] >= FUZZY_MIN and choices[best[0][0]]:
        return {"unit_id": choices[best[0][0]], "method": "fuzzy", "score": round(best[0][1], 1)}
    return {"unit_id": None, "method": None, "score": None,
            "candidates": [{"unit_id": choices[k], "name": reg.key_names.get(k, k), "score": round(s, 1)}
                           for k, s, _ in best if choices[k]]}


def successions_of(unit_id: str) -> list[dict]:
    """Successions that start from this unit (patterns and the 2025 province merger applied)."""
    reg = load_registry()
    prov, _, local = unit_id.partition(":")
    out = []
    for s in reg.successions:
        frm, to = s["from"], s["to"]
        if frm == unit_id:
            out.append({**s, "from": unit_id})
        elif frm.startswith("*:") and frm[2:] == local:
            out.append({**s, "from": unit_id, "to": f"{prov}:{to[2:]}"})
    row = unit_row(unit_id)
    legacy = {slugify(v): v for v in territory.legacy_provinces().values()}
    if not out and prov in legacy and row and row.get("kind") not in ("cap_huyen", "cap_xa"):
        new_short = territory.successor_province(legacy[prov])
        new_pid = territory.province_id(new_short, territory.PROVINCE_MERGER) if new_short else None
        # A national pattern continues in the merged province; a local unit only if the registry says so.
        if new_short in territory.merged_new_provinces() and (local in reg.patterns or f"{new_pid}:{local}" in reg.units):
            out.append({"from": unit_id, "to": f"{new_pid}:{local}", "relation": "merged_into",
                        "effective": territory.PROVINCE_MERGER.isoformat(), "source": territory.MERGER_SOURCE})
    if not out and row and (row.get("kind") == "cap_huyen" or row.get("level") == "huyen"):
        out.append({"from": unit_id, "to": None, "relation": "abolished",
                    "effective": territory.PROVINCE_MERGER.isoformat(),
                    "source": "Kết luận 137-KL/TW, Nghị quyết 203/2025/QH15 (không tổ chức cấp huyện từ 01/7/2025)"})
    return out


def successor_on(unit_id: str, on: date, _seen: frozenset = frozenset()) -> str | None:
    """The unit that carries `unit_id` on date `on`, following successions in order."""
    if unit_id in _seen:
        return unit_id
    for s in sorted(successions_of(unit_id), key=lambda s: s["effective"]):
        if date.fromisoformat(s["effective"]) <= on:
            return successor_on(s["to"], on, _seen | {unit_id}) if s["to"] else None
    return unit_id


def record_province(record: dict) -> str | None:
    for text in (record.get("issuer"), record.get("place")):
        if text:
            p = territory.find_province(text)
            if p:
                return p
    return None


def document_province(record: dict, text: str | None) -> tuple[str | None, str | None]:
    """The province of a document and what says so: its issuer or place ('UBND tỉnh Hà Tĩnh'),
    the newspaper that signs it ('(Baonghean.vn) - Ngày 13/11'), the province it names most
    ('tỉnh Quảng Nam', 'Cục Thuế tỉnh Thái Bình'), or the districts and wards it names
    ('Huyện ủy Ea H’leo, Krông Pắc, …' are in Đắk Lắk)."""
    if record.get("province"):
        return record["province"], "record"
    found = record_province(record)
    if found:
        return found, "issuer"
    if not text:
        return None, None
    found = territory.province_from_press(text)
    if found:
        return found, "press"
    found = territory.most_mentioned_province(text)
    if found:
        return found, "text"
    units = [u for g in record.get("groups") or [] for u in [m["name"] for m in g["members"]] + [g.get("leader") or ""] if u]
    found = territory.province_from_places(territory.place_names(text) + units, record_date(record), local_places(units))
    return (found, "places") if found else (None, None)


def record_date(record: dict) -> date | None:
    if record.get("issued_date"):
        return date.fromisoformat(record["issued_date"])
    if record.get("year"):
        return date(record["year"], 1, 1)
    return None


def resolve_member(member: dict, province: str | None, on: date | None) -> dict:
    """A member's unit: its full normalised name first ('Huyện ủy Krông Pắc' for 'Krông Pắc' in
    'Huyện ủy Ea H’leo, Krông Pắc'), then the name as written."""
    norm = member.get("normalized")
    if norm and norm != member["name"]:
        r = resolve(norm, province, on)
        if r["unit_id"]:
            return r
    return resolve(member["name"], province, on, implied=norm.split(" ")[0] if norm else None)


_NOT_IN_REGISTRY = "tên đơn vị chưa có trong sổ đơn vị"
_OWN_WARNINGS = ("không tìm thấy tỉnh trong văn bản", "province not found in the document")


def resolve_record(record: dict, text: str | None = None) -> dict:
    """Fill `unit_id` of every member; warn about names the registry does not know."""
    # Idempotent: resolving a stored record again (after `units add`) replaces its own warnings.
    record["warnings"] = [w for w in record.get("warnings", [])
                          if not (w.startswith(_OWN_WARNINGS) or _NOT_IN_REGISTRY in w)]
    province, source = document_province(record, text)
    record["province"] = province
    if source in ("press", "text", "places"):
        record["province_source"] = source
    on = record_date(record)
    if province is None and record.get("groups"):
        record["warnings"].append("không tìm thấy tỉnh trong văn bản: các đơn vị thành viên chưa có mã (unit_id)")
    unknown = []
    for g in record.get("groups", []):
        for m in g["members"]:
            r = resolve_member(m, province, on)
            m["unit_id"] = r["unit_id"]
            m["resolution"] = {k: v for k, v in r.items() if k in ("method", "score", "candidates") and v is not None}
            if r["unit_id"] is None and province is not None:
                unknown.append(m["name"] + (f" (gần nhất: {r['candidates'][0]['name']})" if r.get("candidates") else ""))
    if unknown:
        record["warnings"].append(f"{len(unknown)} {_NOT_IN_REGISTRY}: " + "; ".join(unknown[:8])
                                  + (" …" if len(unknown) > 8 else ""))
    return record
