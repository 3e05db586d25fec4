"""Every date in a document, with its role (issued, effective, event, deadline, reference…)."""
from __future__ import annotations

import re
from datetime import date

from extractors.document import Line

FULL_VI = re.compile(r"ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})", re.IGNORECASE)
NUMERIC = re.compile(r"(?<![\d/.-])(?P<d>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<y>(?:19|20)\d{2})(?![\d/])")
# "Chiều 29/3", "Sáng 22/2", "Ngày 24-2", "ngày 13/01": day and month only.
DAY_MONTH = re.compile(r"(?P<lead>(?:[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa|[Nn]gày|[Hh]ôm)\s+(?:nay\s+)?(?:\([^)]*\)\s*)?)"
                       r"(?:(?P<d>\d{1,2})\s*[/-]\s*(?P<m>\d{1,2})(?![\d/-])"
                       r"|(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})(?!\d|\s+năm\s+\d))")  # "ngày 01 tháng 3"
CITED = re.compile(r"(?:số|Số)\s*\d+[\w/.\-Đđ]*\s*$|\d+/[\w.\-Đđ]+\s*$")


def make_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


_WEEKDAY = r"(?:Thứ\s+(?:[2-7]|Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ\s+nhật|CN|T[2-7])"
_TIME = r"\d{1,2}\s*[:hg]\s*\d{2}(?:\s*:\s*\d{2})?(?:\s*(?:SA|CH|AM|PM)\b)?"
_ZONE = r"(?:\s*[\(\[]?\s*(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?00)?\s*[\)\]]?)"
_DMY = r"(?P<d>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<y>(?:19|20)\d{2})"
_DMY_VI = r"(?:ngày\s+)?(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s*(?:năm|,)\s*(?P<y2>(?:19|20)\d{2})"
# The label of a stamp: "Đã đăng vào", "Đăng ngày:", "Ngày đăng:", "Ngày xuất bản:", "Cập nhật lúc:",
# "Thời gian đăng:", "Ngày cập nhật:", "Xuất bản:", "Đăng lúc" …
_LABEL = (r"(?:Đã\s+đăng(?:\s+vào)?|Đăng\s+(?:ngày|lúc|vào|tải)|Ngày\s+(?:đăng(?:\s+tải)?|xuất\s+bản|cập\s+nhật|ban\s+hành\s+tin)|"
          r"Xuất\s+bản(?:\s+ngày)?|Cập\s+nhật(?:\s+(?:lúc|ngày|vào))?|Thời\s+gian(?:\s+đăng|\s+cập\s+nhật|\s+xuất\s+bản)?|"
          r"Ngày|Đăng|Published|Updated)")
_STAMP_CORE = (rf"(?:(?P<label>{_LABEL})\s*:?\s*)?(?:{_WEEKDAY}\s*[,-]?\s*)?(?:(?:lúc\s*)?{_TIME}\s*[,|-]?\s*(?:ngày\s+)?)?"
               rf"(?:{_DMY}|{_DMY_VI})"
               rf"(?:\s*[|,-]?\s*(?:lúc\s*)?{_TIME})?{_ZONE}?")
STAMP = re.compile(r"^[\s(\[]*" + _STAMP_CORE + r"[\s)\]]*", re.IGNORECASE)
# What may follow a stamp on its line: a view counter or print/share chrome.
_TRAILER = re.compile(r"^(?:\|?\s*(?:Số\s+)?lượt\s+xem\s*:?\s*[\d.,]+|\|?\s*[\d.,]+\s+lượt\s+xem|In\s+bài(?:\s+viết)?|"
                      r"Chia\s+sẻ|Bản\s+in|Cỡ\s+chữ.*|[|•·-])?\s*$", re.IGNORECASE)
# A byline that carries the date: "Bá Tài | 12/03/2025", "Thu Hà - 12/03/2025 08:30", "Theo Báo Bắc Ninh, 12/3/2025".
_BYLINE = re.compile(r"^(?P<by>(?:Theo\s+|Tác\s+giả\s*:?\s*|Bài(?:,\s*ảnh)?\s*:?\s*|Tin(?:,\s*ảnh)?\s*:?\s*)?"
                     r"[^\d:;.]{2,50}?)\s*[|,–-]\s*(?P<stamp>.*)$")


def stamp_date(text: str) -> tuple[date | None, bool] | None:
    """The date of a stamp line, and whether it carried a label; None when the line is not a stamp.

    A stamp is a line of its own ("08:02, 15/02/2014"), or starts with a label and may be glued
    to the article ("Đã đăng vào 22/02/2024 lúc 14:14Sáng 22/2, …")."""
    t = " ".join(text.split())
    m = STAMP.match(t)
    if not m:
        return None
    labelled = bool(m["label"]) and not re.fullmatch(r"(?i)ngày|đăng", m["label"].strip())
    rest = t[m.end():]
    if not (labelled or _TRAILER.match(rest)):
        return None
    if m["label"] and re.fullmatch(r"(?i)ngày", m["label"]) and not _TRAILER.match(rest):
        return None  # "Ngày 12/3/2025, Khối …" is a dateline, not a stamp
    y, mo, d = (m["y"], m["m"], m["d"]) if m["d"] else (m["y2"], m["m2"], m["d2"])
    return make_date(int(y), int(mo), int(d)), labelled


def byline_date(text: str) -> date | None:
    """A byline with its date: a name or site, a separator, then a stamp."""
    t = " ".join(text.split())
    b = _BYLINE.match(t)
    if not b or len(t) > 100 or re.search(r"(?i)^(?:sáng|chiều|tối|trưa|ngày|hôm)\b", b["by"]):
        return None
    got = stamp_date(b["stamp"])
    return got[0] if got else None


# The dateline that opens a news item's first sentence: a site prefix ("(Baonghean.vn) - ",
# "LSO-", "(NTO) ", "CTO - "), then when ("Chiều 29/3", "Ngày 13/11", "Sáng ngày 11/3/2022",
# "Ngày 29 tháng 2 năm 2012", "Chiều 26-11", "Ngày 13.1.2021").
SITE_PREFIX = r"(?:\(\s*[^()]{2,30}?\s*\)\s*[-–—]?\s*|[A-ZĐ][A-ZĐ.]{1,10}(?:\s+online)?\s*[-–—]\s*)"
_WHEN = (r"(?:(?:Sáng|Chiều|Tối|Trưa|Đêm|Rạng\s+sáng|Hôm\s+nay|Hôm\s+qua)(?:\s+nay|\s+qua)?\s*(?:\([^)]*\)\s*)?"
         r"(?:ngày\s+)?|Ngày\s+|Hôm\s+)")
_DAY = (r"(?P<d>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})(?:\s*(?P=sep)\s*(?P<y>(?:19|20)\d{2}))?(?![\d/.-]?\d)"
        r"|(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})(?:\s+năm\s+(?P<y2>(?:19|20)\d{2}))?")
DATELINE = re.compile(rf"^\s*{SITE_PREFIX}?{_WHEN}(?:{_DAY})", re.IGNORECASE)


def dateline(text: str) -> dict | None:
    """The day (and year, when written) that opens a first sentence."""
    m = DATELINE.match(text)
    if not m:
        return None
    d, mo, y = (m["d"], m["m"], m["y"]) if m["d"] else (m["d2"], m["m2"], m["y2"])
    return {"day": int(d), "month": int(mo), "year": int(y) if y else None, "text": m.group(0).strip()}


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
        edge = is_news and (i < 8 or i >= len(lines) - 4)
        stamp = stamp_date(t) if edge else None
        if stamp and stamp[0]:
            s = STAMP.match(" ".join(t.split()))
            add(stamp[0], "published", s.group(0).strip(" ()[]"), line)
            t = " ".join(t.split())[s.end():]  # a stamp glued to the article: "… lúc 14:14Sáng 22/2, …"
        elif edge and (signed := byline_date(t)):
            add(signed, "published", " ".join(t.split()), line)  # "Thu Hà | 12/03/2025"
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
            day, month = (m["d"], m["m"]) if m["d"] else (m["d2"], m["m2"])
            if any(a <= m.start() + len(m["lead"]) < b for a, b in spans):
                continue
            if issued is None:
                continue  # no stamp: the year is not said, so it is not guessed
            y = issued.year
            dt = make_date(y, int(month), int(day))
            if dt and dt > issued and (dt - issued).days > 31:
                dt = make_date(y - 1, int(month), int(day))
            add(dt, "event", m.group(0).strip(), line, inferred=True)
    return out
