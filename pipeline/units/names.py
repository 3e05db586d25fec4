"""Recognising unit names inside running text: heads, role suffixes, one unit's spellings.
(Lists are split by extractors/rosters/mentions.py.)

Agencies are found by rules (underthesea's NER never tags them): a unit name starts with
a head word such as "Sở", "Ban", "Hội", "UBND huyện", "Quận".
"""
from __future__ import annotations

import functools
import re

from pipeline.units.normalize import fold_diacritics, unit_key
from pipeline.units.territory import legacy_provinces, new_provinces

# Head words that open a unit name. Capitalised forms only for words that are also common
# nouns in lower case ("ban" in "Sở, ban, ngành", "hội" in "hội nghị").
_HEADS_CASED = [
    "Sở", "Ban", "Văn phòng", "Thanh tra", "Quỹ", "Hội", "Hiệp hội", "Liên hiệp", "Liên minh",
    "Liên đoàn", "Cục", "Chi cục", "Công an", "Bộ Chỉ huy", "Bộ đội", "Ủy ban", "Uỷ ban",
    "Tỉnh đoàn", "Thành đoàn", "Đoàn", "Trường", "Báo", "Đài", "Kho bạc", "Ngân hàng",
    "Bảo hiểm", "Công ty", "Tổng công ty", "Viện", "Bệnh viện", "Trung tâm", "Đảng ủy",
    "Đảng uỷ", "Mặt trận", "Tòa án", "Toà án", "Hải quan", "Điện lực", "Bưu điện", "Viễn thông",
    "Tập đoàn", "Học viện", "Đại học", "Cao đẳng", "Vườn quốc gia", "Nhà xuất bản", "Thư viện",
    "Bảo tàng", "Tạp chí", "Chi nhánh", "Cảng vụ", "Văn phòng", "Tỉnh ủy", "Tỉnh uỷ",
    "Thành ủy", "Thành uỷ", "Huyện ủy", "Huyện uỷ", "Hạt", "Đội", "Khu", "Cảnh sát",
]
_HEADS_ANYCASE = ["UBND", "UBMTTQ", "MTTQ", "BQL", "quận", "huyện", "thị xã",
                  "thành phố", "TP.", "TX.", "xã", "phường", "thị trấn",
                  # abbreviations of the blocs of nội chính and the armed forces
                  "Bộ CHQS", "BCHQS", "BĐBP", "BCH BĐBP", "TAND", "VKSND", "Viện kiểm sát", "Tòa án nhân dân",
                  "Cục Thuế", "Cục Hải quan", "Cục Thống kê", "LĐLĐ", "Ủy ban MTTQ"]
_NOT_HEADS = re.compile(r"^((?i:xã hội)|Hội đồng(?! Liên minh)|Hội nghị|Hội trường|Hội thi|Ban hành|Ban chấp hành|"
                        r"Đoàn kết|Đội ngũ|Khu vực)\b")

HEAD_RE = re.compile(
    r"^(?:(?:" + "|".join(re.escape(h) for h in sorted(_HEADS_CASED, key=len, reverse=True)) + r")"
    r"|(?i:" + "|".join(re.escape(h) for h in sorted(_HEADS_ANYCASE, key=len, reverse=True)) + r"))"
    r"(?=[\s\d,.;:)]|$)"
)


def starts_with_head(text: str) -> bool:
    t = text.strip()
    return bool(HEAD_RE.match(t)) and not _NOT_HEADS.match(t)


ROLE_WORDS = (
    r"(?:phó\s+trưởng\s+(?:khối|cụm)|trưởng\s+(?:khối|cụm)|(?:khối|cụm)\s+trưởng|"
    r"phó\s+(?:khối|cụm)|(?:khối|cụm)\s+phó)"
)
ROLE_RE = re.compile(ROLE_WORDS + r"(?:\s+\d)?", re.IGNORECASE)


def role_of(word: str) -> str:
    """'Phó Trưởng khối' / 'khối phó' → deputy; 'Trưởng khối' / 'cụm trưởng' → leader."""
    return "deputy" if "phó" in word.lower() else "leader"


# A role after a name: "X (Trưởng khối)", "X - đơn vị trưởng khối", "X – trưởng khối thi đua năm 2024"
ROLE_SUFFIX = re.compile(
    r"\s*(?:\(\s*(?P<r1>" + ROLE_WORDS + r")(?:\s+\d)?[^)]*\)|"
    r"\s[-–—:]\s*(?:là\s+)?(?:đơn\s+vị\s+)?(?P<r2>" + ROLE_WORDS + r")(?:\s+\d)?\b.*)\s*$",
    re.IGNORECASE,
)

# Verbs that end a name when a list runs into the rest of a sentence.
_TAIL = re.compile(r"\s+(?:đã|đang|sẽ|cùng nhau|tổ chức hội nghị|tham gia|ký kết|ký giao ước|"
                   r"(?-i:thống nhất)|được phân công)\b.*$", re.IGNORECASE)  # "huyện Thống Nhất" is a name
_LEAD = re.compile(r"^(?:và|cùng|gồm|bao gồm|các đơn vị|là)\s*:?\s+", re.IGNORECASE)


def clean_item(text: str) -> tuple[str, str | None]:
    """Strip numbering, punctuation and a role suffix; return (name, role or None)."""
    t = text.strip()
    t = re.sub(r"^(?:\d{1,3}|[a-zđ])\s*[.)]\s+", "", t)
    t = re.sub(r"^[-–•+*]\s*", "", t)
    t = t.rstrip(" \t;,.")
    role = None
    m = ROLE_SUFFIX.search(t)
    if m:
        role = role_of(m.group("r1") or m.group("r2"))
        t = t[: m.start()]
    t = _TAIL.sub("", t)
    t = _LEAD.sub("", t)
    t = t.strip(" \t;,.:–-")
    return t, role


def split_and(segment: str) -> list[str]:
    """'Văn phòng UBND tỉnh và Thanh tra tỉnh' → two units; 'Sở Khoa học và Công nghệ' → one."""
    parts = re.split(r"\s+và\s+", segment)
    out = [parts[0]]
    for p in parts[1:]:
        if starts_with_head(p) or p.startswith(("các ", "những ")):  # "… và các trường …" ends the list
            out.append(p)
        else:
            out[-1] = out[-1] + " và " + p
    return out


# A unit's key without what a list or a role sentence may leave out of its name: a territorial
# head ("Phường Bến Cát" in "Phường Bến Cát làm Cụm trưởng" = "Bến Cát" of "các phường: Bến Cát,
# …"; "huyện Hữu Lũng" = "Hữu Lũng"), "Sở" ("Sở Nội vụ" = "Nội vụ"), and the province named after
# it ("Sở Y tế Hà Nội là đơn vị khối trưởng" = "Sở Y tế" of the list).
TERRITORIAL_HEAD = re.compile(r"^(?:ủy ban nhân dân\s+)?(?:sở|huyện|quận|thị xã|thành phố|phường|xã|thị trấn)\s+")


@functools.lru_cache(maxsize=1)
def _province_keys() -> frozenset[str]:
    return frozenset({**legacy_provinces(), **new_provinces()})


def bare_key(key: str) -> str:
    """The key of `unit_key` without a territorial head or a province's name at its end."""
    words = fold_diacritics(key).split()
    for n in (4, 3, 2, 1):  # province names have one to four words ("Bà Rịa - Vũng Tàu" folds to four)
        if len(words) - n >= 3 and " ".join(words[-n:]) in _province_keys():
            key = " ".join(key.split()[:-n])
            break
    return TERRITORIAL_HEAD.sub("", key)


def same_unit(a: str, b: str) -> bool:
    """Two spellings of one unit? ('Quỹ … tỉnh Bắc Ninh' = 'Quỹ … tỉnh'; 'huyện Hữu Lũng' = 'Hữu Lũng';
    'Sở Y tế Hà Nội' = 'Sở Y tế')."""
    ka, kb = unit_key(a), unit_key(b)
    if ka == kb:
        return True
    ba = bare_key(ka)
    return bool(ba) and ba == bare_key(kb)