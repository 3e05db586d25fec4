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

from extractors.dates import DATELINE, SITE_PREFIX, byline_date, dateline, stamp_date
from extractors.document import Line
from pipeline.units.registry import is_unit_name


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
# A photo caption above or inside the text: "Toàn cảnh Hội nghị tổng kết Cụm thi đua số 4",
# "Đồng chí Phan Hữu Đức, … phát biểu tại Hội nghị.", "Các đại biểu ký kết giao ước".
_CAPTION_OPENING = re.compile(r"^\s*(?:Toàn\s+cảnh|Quang\s+cảnh|Các\s+đại\s+biểu|Đại\s+biểu|Đồng\s+chí|Lãnh\s+đạo\s+các)\b")
_BYLINE_LINE = re.compile(r"^\s*(?:(?:Tin|Bài)(?:\s*(?:,|và)\s*ảnh)?|Ảnh|Tác\s+giả|PV|Phóng\s+viên|Theo)\s*:", re.IGNORECASE)
_BULLET = re.compile(r"^[\s•·●▪◦*+-]+")


def _sentences(text: str) -> int:
    """Sentences in a line; 'TP. Hồ Chí Minh', 'Q. 1' are abbreviations, not ends."""
    ends = [m for m in re.finditer(r"[.!?]\s+(?=[A-ZĐÀÁẢÃẠÂĂÈÉÊÌÍÒÓÔƠÙÚƯỲÝ])", text)
            if not re.search(r"(?:^|\s)[A-ZĐ][A-Za-zĐ]?$", text[: m.start()])]
    return len(ends) + 1


def is_body_sentence(text: str) -> bool:
    """A line that is article text, so it cannot be the headline: a dateline, an opening, a long
    or multi-sentence line, a sentence ending in a full stop ('Lễ ký kết … - Năm 2019.' is short
    enough to be a title), a list's introduction ('…, gồm:'), or the rest of a sentence cut
    before the excerpt began ('ủy ban nhân dân tỉnh tổ chức …')."""
    t = text.strip()
    return bool(DATELINE.match(t) or _BODY_OPENING.match(t) or len(t) > 220 or ";" in t
                or _sentences(t) > 1 or (t.endswith(".") and len(t) > 80) or t.endswith(":")
                or t[:1].islower())


def is_page_chrome(text: str) -> bool:
    """Lines above a headline that are not it: stamps, breadcrumbs, site names, the publisher's
    name, bylines, captions, section labels ('TIN TỨC', 'Thi đua - Khen thưởng')."""
    t = text.strip()
    if not re.search(r"\w", t) or not any(c.isalpha() for c in t):
        return True
    if stamp_date(t) or byline_date(t) or _BREADCRUMB.search(t) or _SITE_NAME.search(t) or _CAPTION.search(t) \
            or _CAPTION_OPENING.match(t) or _BYLINE_LINE.match(t):
        return True
    # the publisher's name printed above the title: "SỞ NỘI VỤ TỈNH HÀ TĨNH", "Ban Thi đua - Khen thưởng"
    if len(t.split()) <= 10 and not re.search(r"\d", t) and is_unit_name(t):
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
    window = lines[:head]
    for k, line in enumerate(window):
        t = _BULLET.sub("", " ".join(line.text.split()))
        if is_page_chrome(t):
            continue
        kicker = _kicker_title(t, window[k + 1:])
        if kicker:
            return kicker, line
        return (None, None) if is_body_sentence(t) else (t, line)
    return None, None


def _kicker_title(first: str, rest: list[Line]) -> str | None:
    """A headline printed on two lines, a kicker ending in a colon then the title ("Khối các sở
    quản lý nhà nước 1:" / "Triển khai hiệu quả các phong trào thi đua"): one headline. A list's
    introduction ("… gồm:") is not a kicker."""
    if not first.endswith(":") or len(first.split()) > 12 or re.search(r"(?i)\b(?:gồm|sau|như sau|là)\s*:$", first):
        return None
    for line in rest:
        t = " ".join(line.text.split())
        if not t:
            continue
        return f"{first} {t}" if not is_page_chrome(t) and not is_body_sentence(t) else None
    return None


# The roster year of a news item. A news item reports the rosters of one year, and says which
# in a few recurring ways. First the latest year stated for a roster or a role (an item may
# recall last year's: "Năm 2024, Khối có 10 đơn vị … suy tôn X là đơn vị Trưởng Khối năm 2025"):
#   roster   a year before the list it qualifies: "năm 2025 Khối thi đua … gồm 09 cơ quan",
#            "Năm 2022, Khối … có 10 đơn vị", "phân chia Cụm, Khối thi đua năm 2024, Cụm số 1 gồm …"
#            (years after the list, "Cụm … gồm: A, B tổ chức tổng kết năm 2012", do not count);
#   role     "Hội Liên hiệp Phụ nữ tỉnh – trưởng khối thi đua năm 2024", "X được bầu làm Trưởng khối
#            năm 2023", "Năm 2022, Sở Y tế là khối trưởng", "Năm nay huyện A là đơn vị trưởng khối"
#            (an election with no unit named, "bầu đơn vị Trưởng khối năm 2024", says nothing);
# then, when neither is stated:
#   review   "tổng kết công tác thi đua năm 2022 và triển khai nhiệm vụ năm 2023" (the year reviewed);
#   mention  the first year in a sentence about the bloc ("ký kết giao ước thi đua năm 2024"),
#            else in one about emulation at all ("chương trình thi đua yêu nước năm 2017").
# "năm nay" is the year of the dateline, else of the publication stamp; a full date ("ngày 1
# tháng 3 năm 2017"), a horizon ("đến năm 2030", "tầm nhìn đến năm 2045"), a range
# ("5 năm 2015 – 2020", "năm học 2021 - 2022") is not a roster year. Nothing stated: null.
_YEAR = re.compile(r"\bnăm\s+(?:(?P<school>học\s+)?(?P<y>(?:19|20)\d{2})\b|nay\b)", re.IGNORECASE)
_NOT_ROSTER_YEAR = re.compile(r"(?:tháng\s+\d{1,2}|đến|tới|tầm\s+nhìn|trước|so\s+với|cùng\s+kỳ|giai\s+đoạn|"
                              r"nhiệm\s+kỳ|(?<!số\s)\b\d+)\s*$", re.IGNORECASE)
_ROLE = re.compile(r"(?:phó\s+)?(?:trưởng|phó)\s+(?:khối|cụm)|(?:khối|cụm)\s+(?:trưởng|phó)", re.IGNORECASE)
_UNNAMED_ELECTION = re.compile(r"\bbầu(?:\s+chọn)?(?:\s+ra)?(?:\s+đơn\s+vị)?\s*$", re.IGNORECASE)
_LIST = re.compile(r"\b(?:bao\s+gồm|gồm|có\s+\d+\s+(?:đơn\s+vị|cơ\s+quan|thành\s+viên|sở|huyện|hội|tổ\s+chức))\b",
                   re.IGNORECASE)
_REVIEW = re.compile(r"tổng\s+kết|bình\s+chọn\s+kết\s+quả|bình\s+xét", re.IGNORECASE)
_BLOC = re.compile(r"\b(?:khối|cụm)\b", re.IGNORECASE)


def clauses(lines: list[Line]) -> list[str]:
    return [c for line in lines for c in re.split(r"(?<=[.;!?])\s+|;\s*", line.text) if c.strip()]


def year_mentions(text: str, this_year: int | None) -> list[tuple[int, int]]:
    """(position, year) of every roster-year candidate in a clause."""
    out = []
    for m in _YEAR.finditer(text):
        if _NOT_ROSTER_YEAR.search(text[: m.start()][-30:]):
            continue
        if m["y"] is None:
            if this_year is not None:
                out.append((m.start(), this_year))
            continue
        if m["school"] or re.match(r"\s*[-–]\s*(?:19|20)\d{2}", text[m.end():]):
            continue  # a range or a school year ("năm học 2016 - 2017") names no one year
        out.append((m.start(), int(m["y"])))
    return out


def _role_years(text: str, this_year: int | None) -> list[int]:
    roles = [r for r in _ROLE.finditer(text) if not _UNNAMED_ELECTION.search(text[: r.start()])]
    return [y for _, y in year_mentions(text, this_year)] if roles else []


def _roster_years(text: str, this_year: int | None) -> list[int]:
    listed = _LIST.search(text)
    if not (listed and _BLOC.search(text[: listed.start()])):
        return []
    before = [y for p, y in year_mentions(text, this_year) if p < listed.start()]
    return before[-1:]


def news_year(lines: list[Line], published: date | None) -> int | None:
    """The year the rosters of a news item apply to, or None when the text does not say it."""
    head = next((dateline(l.text) for l in lines[:10] if dateline(l.text)), None)
    this_year = (head or {}).get("year") or (published.year if published else None)
    parts = clauses(lines)
    stated = [y for c in parts for y in _roster_years(c, this_year) + _role_years(c, this_year)]
    if stated:
        return max(stated)
    review = [next((y for p, y in year_mentions(c, this_year) if p > r.start()), None)
              for c in parts for r in [_REVIEW.search(c)] if r]
    review = [y for y in review if y]
    if review:
        return max(set(review), key=lambda y: (review.count(y), -review.index(y)))
    for pattern in (_BLOC, re.compile(r"thi\s+đua", re.IGNORECASE)):
        for c in parts:
            if pattern.search(c) and year_mentions(c, this_year):
                return year_mentions(c, this_year)[0][1]
    return None
