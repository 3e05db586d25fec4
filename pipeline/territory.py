"""Territorial units (provinces, districts, wards) from the `vietnamadminunits` data, which
ships with the package and works offline: the 63 provinces before 1 July 2025, the 34 after,
and which old province went into which new one. District level ended on 30 June 2025."""
from __future__ import annotations

import functools
import sqlite3
from datetime import date
from pathlib import Path

from pipeline.normalize import fold_diacritics, slugify

PROVINCE_MERGER = date(2025, 7, 1)
MERGER_SOURCE = "Nghị quyết 202/2025/QH15 (sắp xếp đơn vị hành chính cấp tỉnh, hiệu lực 01/7/2025)"
DISTRICTS_END = date(2025, 6, 30)


def _key(name: str) -> str:
    return " ".join(fold_diacritics(name).replace("-", " ").split())


@functools.lru_cache(maxsize=1)
def _db() -> sqlite3.Connection:
    import vietnamadminunits
    path = Path(vietnamadminunits.__file__).parent / "data" / "dataset.db"
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)


@functools.lru_cache(maxsize=1)
def legacy_provinces() -> dict[str, str]:
    """folded short name → short name, before 1 July 2025 ('bac ninh' → 'Bắc Ninh')."""
    rows = _db().execute("select distinct provinceShort from admin_units_legacy").fetchall()
    return {_key(r[0]): r[0] for r in rows}


@functools.lru_cache(maxsize=1)
def new_provinces() -> dict[str, str]:
    rows = _db().execute("select distinct provinceShort from admin_units").fetchall()
    return {_key(r[0]): r[0] for r in rows}


@functools.lru_cache(maxsize=None)
def successor_province(legacy_short: str) -> str | None:
    from vietnamadminunits import convert_address
    row = _db().execute("select province from admin_units_legacy where provinceShort = ? limit 1", [legacy_short]).fetchone()
    if not row:
        return None
    try:
        return convert_address(row[0]).short_province
    except Exception:
        return None


@functools.lru_cache(maxsize=1)
def merged_new_provinces() -> frozenset[str]:
    """New provinces formed by merging two or more old ones (they get a new identity)."""
    counts: dict[str, int] = {}
    for short in legacy_provinces().values():
        new = successor_province(short)
        if new:
            counts[new] = counts.get(new, 0) + 1
    return frozenset(p for p, n in counts.items() if n > 1)


def province_id(short: str, on: date | None) -> str:
    """'bac-ninh' for the old province, 'bac-ninh-2025' for the one formed on 1 July 2025."""
    if on is not None and on >= PROVINCE_MERGER and short in merged_new_provinces():
        return slugify(short) + "-2025"
    return slugify(short)


def find_province(text: str) -> str | None:
    """The province named in a phrase such as 'UBND tỉnh Bắc Ninh' or 'TP. Hồ Chí Minh'."""
    key = _key(text)
    names = {**legacy_provinces(), **new_provinces()}
    for k in sorted(names, key=len, reverse=True):
        if f" {k}" in f" {key}" and (key.endswith(k) or f"{k} " in f"{key} "):
            return names[k]
    return None


@functools.lru_cache(maxsize=None)
def districts(province_short: str) -> dict[str, tuple[str, str]]:
    """folded district name (with and without its type) → (full name, type), before July 2025."""
    rows = _db().execute("select distinct district, districtShort, districtType from admin_units_legacy "
                         "where provinceShort = ?", [province_short]).fetchall()
    out = {}
    for full, short, typ in rows:
        out[_key(full)] = (full, typ)
        out.setdefault(_key(short), (full, typ))
    return out


@functools.lru_cache(maxsize=None)
def wards(new_province_short: str) -> dict[str, str]:
    rows = _db().execute("select distinct ward, wardShort from admin_units where provinceShort = ?",
                         [new_province_short]).fetchall()
    out = {}
    for full, short in rows:
        out[_key(full)] = full
        out.setdefault(_key(short), full)
    return out


def territorial_unit(name: str, province_short: str, on: date | None) -> dict | None:
    """A district (before July 2025) or ward/commune (after) named in a roster, e.g.
    'UBND huyện Tiên Du', 'Thị xã Quế Võ', 'Quận 10', 'Phường Kinh Bắc'."""
    import re
    key = _key(re.sub(r"(?i)^(?:ủy ban nhân dân|uỷ ban nhân dân|ubnd)\s+", "", name))
    if on is None or on < PROVINCE_MERGER:
        hit = districts(province_short).get(key)
        if hit:
            full, typ = hit
            pid = province_id(province_short, on)
            return {"unit_id": f"{pid}:{slugify(full)}", "name": full, "kind": "cap_huyen",
                    "province": province_short, "valid_from": None, "valid_to": DISTRICTS_END.isoformat()}
    new_short = province_short if (on is not None and on >= PROVINCE_MERGER) else successor_province(province_short)
    if new_short:
        full = wards(new_short).get(key)
        if full and (on is None or on >= PROVINCE_MERGER):
            pid = province_id(new_short, PROVINCE_MERGER)
            return {"unit_id": f"{pid}:{slugify(full)}", "name": full, "kind": "cap_xa",
                    "province": new_short, "valid_from": PROVINCE_MERGER.isoformat(), "valid_to": None}
    return None


def most_mentioned_province(text: str) -> str | None:
    """The province a news item is about: the one whose name it mentions most."""
    folded = " " + _key(text) + " "
    counts = {}
    for k, short in {**legacy_provinces(), **new_provinces()}.items():
        n = folded.count(f" {k} ") + folded.count(f" {k}.") + folded.count(f" {k},")
        if n:
            counts[short] = n
    return max(counts, key=counts.get) if counts else None
