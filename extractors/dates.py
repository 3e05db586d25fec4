"""Every date in a document, with its role (issued, effective, event, deadline, reference…)."""
from __future__ import annotations

import re
from datetime import date

from extractors.document import Line

FULL_VI = re.compile(r"ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})", re.IGNORECASE)
NUMERIC = re.compile(r"(?<![\d/.-])(?P<d>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<y>(?:19|20)\d{2})(?![\d/])")
# "Chiều 29/3", "Sáng 22/2", "Ngày 24-2", "ngày 13/01": day and month only.
DAY_MONTH = re.compile(r"(?P<lead>(?:[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa|[Nn]gày|[Hh]ôm)\s+(?:nay\s+)?(?:\([^)]*\)\s*)?)"
                       r"(?P<d>\d{1,2})\s*[/-]\s*(?P<m>\d{1,2})(?![\d/-])")
STAMP = re.compile(r"^(?:\([A-ZĐ]{2,8}\)\s*[-–]\s*)?(?:Đã đăng vào\s+|(?:Ngày\s+)?[Đđ]ăng(?:\s+ngày|\s+lúc)?:?\s*|(?:Ngày\s+)?[Cc]ập nhật(?:\s+lúc)?:?\s*)?(?:(?:Thứ\s+\w+|Chủ\s+nhật)\s*,\s*)?"
                   r"(?:\d{1,2}:\d{2},?\s*)?"
                   r"(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})(?:\s*[|,-]?\s*(?:lúc\s*)?\d{1,2}:\d{2})?", re.IGNORECASE)
CITED = re.compile(r"(?:số|Số)\s*\d+[\w/.\-Đđ]*\s*$|\d+/[\w.\-Đđ]+\s*$")


def make_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def role_for(before: str, after: str) -> str:
    b = before[-80:].lower()
    if re.search(r"hiệu lực(?: thi hành)?(?: kể)?(?: từ)?(?:\s*ngày)?\s*$", b):
        return "effective"
    if re.search(r"(?:trước|chậm nhất|hạn chót|hạn)\s*(?:ngày)?\s*$", b):
        return "deadline"
    if CITED.search(before[-60:]) or re.search(r"(?:luật|nghị định|quyết định|thông tư|công văn|văn bản|"
                                                r"hướng dẫn|kế hoạch|tờ trình|nghị quyết|chỉ thị)[^.;]{0,80}$", b):
        return "reference"
    return "other"


def find_dates(lines: list[Line], issued: date | None, is_news: bool) -> list[dict]:
    out: list[dict] = []
    seen: set[tuple] = set()

    def add(dt: date | None, role: str, text: str, line: Line, inferred: bool = False):
        if dt is None:
            return
        key = (dt, role, text)
        if key in seen:
            return
        seen.add(key)
        rec = {"date": dt.isoformat(), "role": role, "text": text, "provenance": line.provenance}
        if inferred:
            rec["year_inferred"] = True
        out.append(rec)

    for i, line in enumerate(lines):
        t = line.text
        if is_news and i < 6:
            s = STAMP.match(t.strip())
            if s and (len(t.strip()) < 40 or ":" in s.group(0)):
                add(make_date(int(s["y"]), int(s["m"]), int(s["d"])), "published", s.group(0), line)
                if len(t.strip()) < 40:
                    continue
        spans = []
        for rx in (FULL_VI, NUMERIC):
            for m in rx.finditer(t):
                dt = make_date(int(m["y"]), int(m["m"]), int(m["d"]))
                spans.append((m.start(), m.end()))
                role = role_for(t[: m.start()], t[m.end():])
                if role == "other" and issued and dt == issued and i < 40:
                    role = "issued"
                if role == "other" and is_news and re.search(r"(?:sáng|chiều|tối|ngày)\s*$", t[: m.start()].lower()):
                    role = "event"
                add(dt, role, m.group(0), line)
        for m in DAY_MONTH.finditer(t):
            if any(a <= m.start("d") < b for a, b in spans):
                continue
            if issued is None:
                continue
            y = issued.year
            dt = make_date(y, int(m["m"]), int(m["d"]))
            if dt and dt > issued and (dt - issued).days > 31:
                dt = make_date(y - 1, int(m["m"]), int(m["d"]))
            add(dt, "event", m.group(0).strip(), line, inferred=True)
    return out
