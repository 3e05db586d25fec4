"""Amending decisions: "sửa đổi, bổ sung Quyết định số …" and the roster changes they make."""
from __future__ import annotations

import re

from extractors.dates import FULL_VI, NUMERIC, make_date
from extractors.document import Line
from extractors.patterns import NUMBER, clean_number
from pipeline.units.names import ROLE_RE, clean_item, role_of

AMENDS = re.compile(r"sửa đổi,?\s*bổ sung(?:\s+một số (?:điều|nội dung))?(?:\s+(?:của|tại))?"
                    r"(?:\s+(?:Phụ lục|Điều \d+)[^;.]{0,80}?)?\s+(?:ban hành kèm theo\s+)?Quyết định\s+(?:số\s*)?(?=\d)",
                    re.IGNORECASE)
GROUP = r"(?:Khối|Cụm|khối|cụm)\s[^;.]+?"
OPS = [
    ("move_member", re.compile(r"Chuyển\s+(?P<unit>.+?)\s+từ\s+(?P<from_group>" + GROUP + r")\s+sang\s+(?P<to_group>" + GROUP + r")(?=[.;]|$|\s+Sau khi)")),
    ("add_member", re.compile(r"Bổ sung\s+(?P<unit>.+?)\s+vào\s+(?P<to_group>" + GROUP + r")(?=[.;]|$)")),
    ("remove_member", re.compile(r"(?:Đưa|Rút)\s+(?P<unit>.+?)\s+ra khỏi\s+(?P<from_group>" + GROUP + r")(?=[.;]|$)")),
    ("replace_role", re.compile(r"Phân công\s+(?P<unit>.+?)\s+làm\s+(?P<role>" + ROLE_RE.pattern + r")\s+(?P<group>" + GROUP
                                + r")(?:\s+năm\s+\d{4})?\s*,?\s*thay\s+(?:cho\s+)?(?P<old>[^.;]+)", re.IGNORECASE)),
]


def find_amendment(lines: list[Line], subject: str | None) -> tuple[dict | None, list[dict]]:
    """What this decision amends (number, date) and the operations it applies, in order."""
    target = None
    for text, line in [(subject or "", None)] + [(l.text, l) for l in lines[:80]]:
        m = AMENDS.search(text)
        if not m:
            continue
        n = NUMBER.match(text, m.end())
        if not n:
            continue
        rest = text[n.end(): n.end() + 40]
        d = None
        for rx in (FULL_VI, NUMERIC):
            dm = rx.search(rest)
            if dm:
                d = make_date(int(dm["y"]), int(dm["m"]), int(dm["d"]))
                break
        target = {"number": clean_number(n["num"], n["sym"]), "date": d.isoformat() if d else None}
        break
    if target is None:
        return None, []
    ops = []
    for line in lines:
        for op, rx in OPS:
            for m in rx.finditer(line.text):
                g = {k: v.strip() for k, v in m.groupdict().items() if v}
                item = {"op": op, "provenance": line.provenance}
                if "unit" in g:
                    item["unit"] = clean_item(g["unit"])[0]
                for k in ("from_group", "to_group", "group"):
                    if k in g:
                        item[k] = g[k]
                if op == "replace_role":
                    item["role"] = role_of(g["role"])
                    item["old_unit"] = clean_item(g["old"])[0]
                ops.append(item)
    return target, ops
