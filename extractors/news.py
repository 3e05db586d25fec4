"""News items (tin bài): the publication stamp, the dateline of the first sentence, the headline.

A news page says when it was published in a stamp near the headline ("01/04/2024 08:00",
"Thứ Năm, 10/03/2022 | 16:20", "Cập nhật: 17-11-2022 | 08:56:50", "Đăng ngày: …") or in
a byline at its end; its first sentence starts with a dateline that gives the day of the event
("Chiều 29/3, …", "(Baonghean.vn) - Ngày 13/11, …", "LSO-Ngày 18/1/2013, …") — an event,
not the publication. The headline is the title line: never a stamp, a breadcrumb, a site name,
a byline, a photo caption or the first body sentence.
"""
from __future__ import annotations

import re
from datetime import date

from extractors.dates import DATELINE, SITE_PREFIX, byline_date, stamp_date
from extractors.document import Line

def find_publication(lines: list[Line], head: int = 8, tail: int = 4) -> tuple[date | None, Line | None]:
    """The publication date: a stamp among the first lines (a labelled one, 'Ngày đăng', before an
    update stamp), else a stamp or a dated byline among the last lines."""
    found: list[tuple[int, date, Line]] = []
    for line in lines[:head]:
        got = stamp_date(line.text)
        if got and got[0]:
            rank = 0 if re.search(r"(?i)đăng|xuất bản", line.text[:40]) else 1
            found.append((rank, got[0], line))
        elif (d := byline_date(line.text)) is not None:
            found.append((1, d, line))
    if found:
        best = min(found, key=lambda f: f[0])
        return best[1], best[2]
    for line in reversed(lines[-tail:] if len(lines) > head else []):
        got = stamp_date(line.text)
        d = got[0] if got else byline_date(line.text)
        if d:
            return d, line
    return None, None


# Other openings of a first sentence (no date): "Vừa qua, …", "Mới đây, …", "Đến dự Hội nghị có …".
_BODY_OPENING = re.compile(rf"^\s*{SITE_PREFIX}?(?:Vừa\s+qua|Mới\s+đây|Sáng\s+nay|Chiều\s+nay|Tối\s+nay|Hôm\s+nay|"
                           r"Đến\s+dự|Tới\s+dự|Tham\s+dự|Dự\s+(?:hội\s+nghị|buổi|lễ)|Chủ\s+trì)\b", re.IGNORECASE)


_BREADCRUMB = re.compile(r"\s(?:>|»|›|/)\s.*\s(?:>|»|›|/)\s|^\s*Trang\s+chủ\b|\s(?:>|»|›)\s", re.IGNORECASE)
_SITE_NAME = re.compile(r"^(?:Cổng\s+thông\s+tin|Trang\s+thông\s+tin|Trang\s+tin|Báo\s+điện\s+tử|Tạp\s+chí\s+điện\s+tử|Website)\b"
                        r"|^[\w.-]+\.(?:vn|com|net|org|gov)(?:\.vn)?/?$", re.IGNORECASE)
_CAPTION = re.compile(r"^\s*(?:\(?\s*Ảnh(?:\s+minh\s+họa)?|Nguồn|Video|Clip)\s*:|\((?:Ảnh|Nguồn)\s*:[^)]*\)\s*\.?$"
                      r"|[-–]\s*Ảnh\s*:\s*[^.]{2,40}$", re.IGNORECASE)
_BYLINE_LINE = re.compile(r"^\s*(?:(?:Tin|Bài)(?:\s*(?:,|và)\s*ảnh)?|Ảnh|Tác\s+giả|PV|Phóng\s+viên|Theo)\s*:", re.IGNORECASE)
_BULLET = re.compile(r"^[\s•·●▪◦*+-]+")


def _sentences(text: str) -> int:
    """Sentences in a line; 'TP. Hồ Chí Minh', 'Q. 1' are abbreviations, not ends."""
    ends = [m for m in re.finditer(r"[.!?]\s+(?=[A-ZĐÀÁẢÃẠÂĂÈÉÊÌÍÒÓÔƠÙÚƯỲÝ])", text)
            if not re.search(r"(?:^|\s)[A-ZĐ][A-Za-zĐ]?$", text[: m.start()])]
    return len(ends) + 1


def is_body_sentence(text: str) -> bool:
    """A line that is article text (a dateline, an opening, a long or multi-sentence line, a
    caption sentence), so it cannot be the headline."""
    t = text.strip()
    return bool(DATELINE.match(t) or _BODY_OPENING.match(t) or len(t) > 220 or ";" in t
                or _sentences(t) > 1 or (t.endswith(".") and len(t) > 120))


def is_page_chrome(text: str) -> bool:
    """Lines above a headline that are not it: stamps, breadcrumbs, site names, bylines, captions,
    section labels ('TIN TỨC', 'Thi đua - Khen thưởng')."""
    t = text.strip()
    if not re.search(r"\w", t) or not any(c.isalpha() for c in t):
        return True
    if stamp_date(t) or byline_date(t) or _BREADCRUMB.search(t) or _SITE_NAME.search(t) or _CAPTION.search(t) \
            or _BYLINE_LINE.match(t):
        return True
    return len(t.split()) < 4 and not re.search(r"\d", t)


def clean_title(title: str) -> str:
    """An HTML title without the site's name after it ('… - Cổng thông tin điện tử Sở Nội vụ …')."""
    parts = re.split(r"\s+[-–|]\s+", title)
    while len(parts) > 1 and _SITE_NAME.search(parts[-1]):
        parts.pop()
    return " - ".join(parts) if len(parts) > 1 else parts[0]


def find_headline(lines: list[Line], title_hint: str | None = None, head: int = 10) -> tuple[str | None, Line | None]:
    """The news item's title line, or None when the text starts with its body (an excerpt)."""
    if title_hint and not is_page_chrome(title_hint) and not is_body_sentence(title_hint):
        return clean_title(" ".join(title_hint.split())), None
    for line in lines[:head]:
        t = _BULLET.sub("", " ".join(line.text.split()))
        if is_page_chrome(t):
            continue
        return (None, None) if is_body_sentence(t) else (t, line)
    return None, None
