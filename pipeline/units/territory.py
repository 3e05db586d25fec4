"""Territorial units (provinces, districts, wards) from the `vietnamadminunits` data, which
ships with the package and works offline: the 63 provinces before 1 July 2025, the 34 after,
and which old province went into which new one. District level ended on 30 June 2025."""
from __future__ import annotations

import functools
import re
import sqlite3
from datetime import date
from pathlib import Path

from pipeline.units.normalize import fold_diacritics, slugify

PROVINCE_MERGER = date(2025, 7, 1)
MERGER_SOURCE = "Nghị quyết 202/2025/QH15 (sắp xếp đơn vị hành chính cấp tỉnh, hiệu lực 01/7/2025)"
DISTRICTS_END = date(2025, 6, 30)


def _bare(short: str) -> str:
    """'Duyên Hải (Thị xã)' → 'Duyên Hải': the data tells same-named districts apart in brackets."""
    return re.sub(r"\s*\([^)]*\)\s*$", "", short)


def _key(name: str) -> str:
    """Folded matching form: 'Ea H’leo' and "Ea H'Leo", 'Bà Rịa–Vũng Tàu' and 'Bà Rịa - Vũng Tàu' agree."""
    name = re.sub(r"[’‘ʼ`´]", "'", name)
    return " ".join(re.sub(r"[-–—]", " ", fold_diacritics(name)).split())


@functools.lru_cache(maxsize=1)
def _db() -> sqlite3.Connection:
    # Only its data file: importing the package costs ~0.5 s (geopy, shapely, aiohttp).
    import importlib.util
    path = Path(importlib.util.find_spec("vietnamadminunits").origin).parent / "data" / "dataset.db"
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
        out.setdefault(_key(_bare(short)), (full, typ))
    # written without the data's spaces: 'Đakrông' for 'Đa Krông'
    out.update({k.replace(" ", ""): v for k, v in list(out.items()) if " " in k and k.replace(" ", "") not in out})
    return out


@functools.lru_cache(maxsize=None)
def wards(new_province_short: str) -> dict[str, str]:
    rows = _db().execute("select distinct ward, wardShort from admin_units where provinceShort = ?",
                         [new_province_short]).fetchall()
    out = {}
    for full, short in rows:
        out[_key(full)] = full
        out.setdefault(_key(short), full)
    out.update({k.replace(" ", ""): v for k, v in list(out.items()) if " " in k and k.replace(" ", "") not in out})
    return out


def territorial_name(pid: str, local: str) -> tuple[str, str] | None:
    """('Huyện Ea H'Leo', 'cap_huyen') for ('dak-lak', 'huyen-ea-h-leo'): the place behind a territorial id."""
    shorts = {slugify(v): v for v in {**legacy_provinces(), **new_provinces()}.values()}
    short = shorts.get(pid.removesuffix("-2025"))
    if short is None:
        return None
    for full, _ in districts(short).values():
        if slugify(full) == local:
            return full, "cap_huyen"
    ward = next((full for full in wards(short).values() if slugify(full) == local), None)
    return (ward, "cap_xa") if ward else None


def territorial_key(name: str) -> str:
    """'UBND TP. Long Xuyên' → 'thanh pho long xuyen'; 'UBND huyện đảo Cồn Cỏ' → 'huyen con co'."""
    text = re.sub(r"(?i)^(?:ủy ban nhân dân|uỷ ban nhân dân|ubnd)\s+", "", name.strip())
    text = re.sub(r"^(TP|TX)\.?\s*(?=[A-ZĐ])", lambda m: "thành phố " if m.group(1) == "TP" else "thị xã ", text)
    return _key(re.sub(r"(?i)^huyện\s+đảo\s+", "huyện ", text))


def territorial_unit(name: str, province_short: str, on: date | None) -> dict | None:
    """A district (before July 2025) or ward/commune (after) named in a roster, e.g.
    'UBND huyện Tiên Du', 'Thị xã Quế Võ', 'Quận 10', 'Phường Kinh Bắc'."""
    key = territorial_key(name)
    if on is None or on < PROVINCE_MERGER:
        hit = districts(province_short).get(key) or districts(province_short).get(key.replace(" ", ""))
        if hit:
            full, typ = hit
            pid = province_id(province_short, on)
            return {"unit_id": f"{pid}:{slugify(full)}", "name": full, "kind": "cap_huyen",
                    "province": province_short, "valid_from": None, "valid_to": DISTRICTS_END.isoformat()}
    new_short = province_short if (on is not None and on >= PROVINCE_MERGER) else successor_province(province_short)
    if new_short:
        full = wards(new_short).get(key) or wards(new_short).get(key.replace(" ", ""))
        if full and (on is None or on >= PROVINCE_MERGER):
            pid = province_id(new_short, PROVINCE_MERGER)
            return {"unit_id": f"{pid}:{slugify(full)}", "name": full, "kind": "cap_xa",
                    "province": new_short, "valid_from": PROVINCE_MERGER.isoformat(), "valid_to": None}
    return None


# Former names of provinces still written in texts: 'Thừa Thiên Huế' is the city of Huế
# (Nghị quyết 1314/NQ-UBTVQH15, from 1 January 2025).
FORMER_DISPLAY = {"Thừa Thiên Huế": "Huế", "Thừa Thiên - Huế": "Huế"}
FORMER_NAMES = {_key(k): v for k, v in FORMER_DISPLAY.items()}
# "Hồ Chí Minh" alone is the President ("tư tưởng, đạo đức, phong cách Hồ Chí Minh"): the city
# only with its title ("TP. Hồ Chí Minh", "Thành phố Hồ Chí Minh", "TP.HCM").
_HCM = re.compile(r"(?:thành\s+phố|tp\.?)\s*hồ\s+chí\s+minh|\btp\.?\s*hcm\b|\btphcm\b", re.IGNORECASE)


def province_names() -> dict[str, str]:
    """folded name → province short name (before and after July 2025, and former names)."""
    return {**legacy_provinces(), **new_provinces(), **FORMER_NAMES}


def province_mentions(text: str) -> dict[str, int]:
    """How often each province is named in a text: capitalised words ('Hòa Bình', not the noun
    'hòa bình'), the longest name first ('Lạng Sơn là' is not 'Sơn La'); 'tỉnh X' counts double."""
    counts: dict[str, int] = {}
    words = list(re.finditer(r"[^\W\d_]+(?:['’][^\W\d_]+)?", text))
    names = province_names()
    longest = max(len(k.split()) for k in names)
    i = 0
    while i < len(words):
        for n in range(longest, 0, -1):
            span = words[i: i + n]
            if len(span) < n or not all(w.group(0)[:1].isupper() for w in span):
                continue
            gaps = [text[a.end(): b.start()] for a, b in zip(span, span[1:])]
            if any(not re.fullmatch(r"\s*[-–—]?\s*", g) for g in gaps):
                continue
            short = names.get(_key(" ".join(w.group(0) for w in span)))
            if short is None or short == "Hồ Chí Minh":
                continue
            titled = re.search(r"(?:tỉnh|thành\s+phố|TP\.?)\s*$", text[max(0, span[0].start() - 12): span[0].start()], re.I)
            counts[short] = counts.get(short, 0) + (2 if titled else 1)
            i += n - 1
            break
        i += 1
    hcm = len(_HCM.findall(text))
    if hcm:
        counts["Hồ Chí Minh"] = counts.get("Hồ Chí Minh", 0) + 2 * hcm
    return counts


def most_mentioned_province(text: str) -> str | None:
    """The province a news item is about: the one it names most."""
    counts = province_mentions(text)
    return max(counts, key=counts.get) if counts else None


@functools.lru_cache(maxsize=1)
def _district_index() -> dict[str, set[str]]:
    """folded district short name (before July 2025) → provinces having one so named."""
    index: dict[str, set[str]] = {}
    for short, prov in _db().execute("select distinct districtShort, provinceShort from admin_units_legacy"):
        index.setdefault(_key(_bare(short)), set()).add(prov)
    return index


@functools.lru_cache(maxsize=1)
def _ward_index() -> dict[str, set[str]]:
    """folded ward/commune short name (from July 2025) → provinces having one so named."""
    index: dict[str, set[str]] = {}
    for short, prov in _db().execute("select distinct wardShort, provinceShort from admin_units"):
        index.setdefault(_key(short), set()).add(prov)
    return index


def _place_score(keys: dict[str, float], index: dict[str, set[str]]) -> tuple[str | None, float]:
    score: dict[str, float] = {}
    for key, weight in keys.items():
        for prov in index.get(key, ()):
            score[prov] = score.get(prov, 0.0) + weight / len(index[key])
    if not score:
        return None, 0.0
    best = max(score, key=score.get)
    ranked = sorted(score.values(), reverse=True)
    if score[best] < 1.5 or (len(ranked) > 1 and ranked[1] >= score[best] * 0.75):
        return None, 0.0
    return best, score[best]


def province_from_places(names: list[str], on: date | None = None, strong: list[str] = ()) -> str | None:
    """The province whose districts (before July 2025) or wards (after) are named: 'Krông Pắc',
    'Ea H’leo', 'Buôn Hồ' are all in Đắk Lắk. A name shared by several provinces weighs less; two
    places at least must agree, or one that names a unit of its own ('Trung tâm Chính trị Định
    Hóa': `strong`). Where both readings are as strong, the date decides."""
    keys: dict[str, float] = {}
    for name, weight in [(n, 1.0) for n in names] + [(n, 1.5) for n in strong]:
        key = territorial_key(re.sub(r"(?i)^(?:huyện|quận|thị xã|thành phố|phường|xã|thị trấn)\s+", "", name.strip()))
        if key not in province_names():
            keys[key] = max(weight, keys.get(key, 0.0))
    old, old_score = _place_score(keys, _district_index())
    new, new_score = _place_score(keys, _ward_index())
    if not (old and new):
        return old or new
    if max(old_score, new_score) < 1.5 * min(old_score, new_score):  # as strong: the date decides
        return new if on is not None and on >= PROVINCE_MERGER else old
    return old if old_score > new_score else new

_TYPE = r"(?:(?i:huyện\s+ủy|thị\s+ủy|quận\s+ủy|thành\s+ủy|huyện|quận|thị\s+xã|thành\s+phố|phường|xã|thị\s+trấn)|TP\.?|TX\.)"
_UPPER = "A-ZĐÂĂÊÔƠƯÁÀẢÃẠÍÌỈĨỊÚÙỦŨỤÝÉÈẺẼẸÓÒỎÕỌ"
_NAME = rf"[{_UPPER}][^\W\d_]*(?:['’][^\W\d_]+)?(?:\s+[{_UPPER}\d][^\W_]*(?:['’][^\W\d_]+)?){{0,3}}"
_PLACE_LIST = re.compile(rf"(?:{_TYPE}|địa\s+phương|đơn\s+vị|Đảng\s+ủy)\s*:?\s+(?:{_TYPE}\s+)?({_NAME}"
                         rf"(?:\s*(?:,|\bvà\b)\s*(?:{_TYPE}\s+)?{_NAME})*)")


def place_names(text: str) -> list[str]:
    """Capitalised names after a territorial word or in the lists that follow one
    ('gồm 4 huyện: Duyên Hải, Cầu Ngang, Trà Cú và Châu Thành', 'Huyện ủy Ea H’leo, Krông Pắc')."""
    out = []
    for m in _PLACE_LIST.finditer(text):
        out += [p.strip() for p in re.split(rf"\s*(?:,|\bvà\b)\s*(?:{_TYPE}\s+)?", m.group(1)) if p.strip()]
    return out


# Newspapers sign the dateline with their short name ("LSO-Ngày 18/1/2013", "(NTO) Ngày 10-12",
# "CTO - Chiều 4-3"); their sites carry the province in the domain ("(Baonghean.vn) - Ngày 13/11").
PRESS = {"LSO": "Lạng Sơn", "NTO": "Ninh Thuận", "CTO": "Cần Thơ", "ĐNO": "Đồng Nai", "LCĐT": "Lào Cai",
         "BP": "Bình Phước", "LĐ online": "Lâm Đồng", "LĐO": "Lâm Đồng", "HNM": "Hà Nội", "BBK": "Bắc Kạn",
         "QNO": "Quảng Nam", "BTO": "Bình Thuận", "BĐT": "Bình Định", "BHG": "Hà Giang", "BYB": "Yên Bái"}
_PRESS_SIGN = re.compile(r"^\s*(?:\(\s*(?P<paren>[^()]{2,30}?)\s*\)|(?P<bare>[A-ZĐ][A-ZĐ.]{1,10}(?:\s+online)?))\s*[-–—]?")


def province_from_press(text: str) -> str | None:
    """The province of the newspaper that signs the first lines of a news item."""
    for line in [l for l in text.splitlines() if l.strip()][:6]:
        m = _PRESS_SIGN.match(line)
        sign = (m["paren"] or m["bare"]).strip() if m else ""
        if sign in PRESS:
            return PRESS[sign]
        for token in re.findall(r"[\w.-]+\.(?:vn|com|net|org)\b", line):
            squeezed = _key(token).replace(" ", "")
            hits = [v for k, v in province_names().items() if len(k) > 5 and k.replace(" ", "") in squeezed]
            if hits:
                return max(hits, key=len)
    return None
