"""Words and shapes of the official roster layouts: headings, items, role lines, column
headers, and the helpers that cut sentences and names (read by layout.py, tables.py and
sentences.py)."""
from __future__ import annotations

import re
from dataclasses import replace

from extractors.document import Line
from extractors.rosters.lists import cut_at_verb
from extractors.rosters.mentions import cut_list, split_members
from pipeline.units.names import ROLE_RE, starts_with_head
from pipeline.units.normalize import unit_key

ORDINAL = r"(?:[IVXLC]{1,6}|\d{1,3}|[a-zđ])"
HEADING = re.compile(
    r"^(?:(?P<ord>" + ORDINAL + r")\s*[.)/]\s*)?(?P<name>(?:CỤM|KHỐI|Cụm|Khối)\b.*)$"
)
ITEM = re.compile(r"^(?:\d{1,3}\s*[.)]|[a-zđ]\)|[-–•+*])\s*(?P<text>\S.*)$")
ROLE_LINE = re.compile(r"^[-–•+*]?\s*(?P<role>" + ROLE_RE.pattern + r")\s*[:：]\s*(?P<unit>.+)$", re.IGNORECASE)
COUNTED = r"(?:đơn vị|thành viên|cơ quan|sở|huyện|quận|thị xã|xã|phường|trường|hội|doanh nghiệp)"
COUNT = re.compile(r"(?:gồm|có|\()\s*(?:có\s+)?(?P<n>\d{1,3})\s+" + COUNTED, re.IGNORECASE)
COUNT_AT_END = re.compile(r"(?:gồm|có)\s*(?:có\s+)?\d{1,3}\s+" + COUNTED + r"(?:\s+thành viên)?\s*:?\s*$", re.IGNORECASE)
REPRESENT_COUNT = re.compile(r"đại diện\s+(?P<n>\d{1,3})\s+đơn vị\s+(?:thuộc|trong|của)\s+(?:Khối|Cụm)", re.IGNORECASE)
INLINE = re.compile(
    r"(?P<name>(?:Khối|Cụm|khối|cụm)\s+(?:thi đua\s+)?[^.;:]{0,160}?)\s*[,:]?\s+"
    r"(?:(?:có|gồm)\s+(?P<n>\d{1,3})\s+(?:cơ quan,?\s*đơn vị|đơn vị|thành viên|cơ quan)(?:\s+thành viên)?\s*,?\s*"
    r"(?:trong đó có|trong đó|bao\s+gồm|gồm)?|"
    r"(?:bao\s+)?gồm(?:\s+các\s+(?:đơn vị|cơ quan|thành viên)(?:\s+sau)?)?)\s*:?\s+(?P<list>.+)$"
)
LIST_INTRO = re.compile(r"(?P<name>(?:Khối|Cụm)\s+[^.;:]{3,160}?)\s*,?\s+(?:hiện\s+)?(?:gồm|có)\s+(?:(?P<n>\d{1,3})\s+)?"
                        r"(?:đơn vị|thành viên|cơ quan)[^:]{0,60}:\s*$")
NOT_A_UNIT = re.compile(r"(?i)\b(?:phân công|phân chia|thành lập|kiện toàn|về việc|quyết định|nhiệm vụ|cam kết|phối hợp|đề nghị|bàn giao|với)\b")
AFTER_NAME = r"\s+(?=(?:tổ chức|thực hiện|triển khai|phối hợp|chủ trì|đã|đang|sẽ|được|để|nhằm|với)\b)"
# "… các cơ quan, đơn vị thành viên của Khối, gồm:", "Các đơn vị thành viên:" (a line of its own).
UNNAMED_INTRO = re.compile(r"(?:đơn vị|cơ quan)\s+(?:thành viên\s+)?(?:của|trong)\s+(?:Khối|Cụm)\s*,?\s*(?:gồm|là)\s*:\s*$|"
                           r"^(?i:các\s+)?(?:đơn vị|cơ quan)\s+thành viên\s*(?:gồm|là)?\s*:\s*$|"
                           # "… năm 2024. Khối gồm các đơn vị:" — the group the text named before
                           r"(?:^|[.;]\s+)(?:Khối|Cụm)\s+(?:hiện\s+)?(?:gồm|có)\s+(?:các\s+|\d{1,3}\s+)?(?:đơn vị|cơ quan|thành viên)"
                           r"(?:\s+thành viên)?(?:\s+sau)?\s*:\s*$")
NAME_START = re.compile(r"(?:^|[,;]\s+)(?=(?:Khối|Cụm|khối|cụm)\s)")
LIST_TAIL = re.compile(r"\s+(?:đã|đang|sẽ)\s")
ROLE_CLAUSE = re.compile(r"[;.]\s*(?=(?:(?:Phó\s+)?(?:Trưởng|trưởng)\s+(?:khối|cụm|Khối|Cụm)|(?:Khối|Cụm|khối|cụm)\s+(?:trưởng|phó)"
                         r"|Phó\s+(?:khối|cụm|Khối|Cụm))\b)")
COLUMN_LEADER = re.compile(r"chủ trì|" + ROLE_RE.pattern, re.IGNORECASE)
COLUMN_DEPUTY = re.compile(r"phó\s+(?:trưởng\s+)?(?:khối|cụm)|(?:khối|cụm)\s+phó", re.IGNORECASE)
HEAD_LEADER = re.compile(r"^(?:đơn\s*vị\s+)(?:trưởng|chủ\s+trì)\b", re.IGNORECASE)  # "Đơn vị Trưởng"
HEAD_DEPUTY = re.compile(r"^(?:đơn\s*vị\s+)phó\b", re.IGNORECASE)  # "Đơn vị Phó"
COLUMN_NAME = re.compile(r"^(?:tên\s+)?(?:cơ quan,?\s*)?đơn\s*vị|^tên cơ quan|^cơ quan|^(?:các\s+)?(?:đơn\s*vị|cơ quan)\s+thành\s+viên|^thành\s+viên",
                         re.IGNORECASE)
COLUMN_NOTE = re.compile(r"ghi\s*chú|nhiệm vụ|vai trò|chức danh|phân công", re.IGNORECASE)
COLUMN_GROUP = re.compile(r"^(?:tên\s+)?(?:cụm|khối)(?!\s+(?:trưởng|phó)\b)", re.IGNORECASE)  # not "Khối trưởng"
COLUMN_STT = re.compile(r"^(?:stt|tt|số\s*tt)$", re.IGNORECASE)
OCR_ITEM = re.compile(r"^(?:[.,·•'`]\s*|\S{1,3}[.)]\s+)(?P<text>\S.*)$")
ROLE_ONLY = re.compile(r"^(?:(?:cụm|khối)\s+(?:trưởng|phó)|(?:phó\s+)?trưởng\s+(?:cụm|khối)|phó\s+(?:cụm|khối))(?:\s*\d)?[.;]?$",
                       re.IGNORECASE)


def ocr_noise(text: str) -> bool:
    """An OCR line that carries no words: a list number alone ("4.", "s."), or misread specks."""
    from extractors.readers.ocr_fix import plausible
    tokens = text.split()
    if not tokens or re.fullmatch(r"\W*(?:\d{1,3}|[IVX]{1,4})\W*", text.strip()):
        return True
    if len(tokens) == 1 and len(tokens[0]) <= 3 and not tokens[0][:1].isupper():
        return True  # "vã", "s.": a list number misread as a short word
    return sum(plausible(t) for t in tokens) < 0.5 * len(tokens)


POST_TITLE = re.compile(
    r"^(?:đồng chí\s+)?(?:Phó\s+)?(?:Giám đốc|Chánh|"
    r"Chủ tịch|Bí thư|Thủ trưởng|Tổng Giám đốc|Cục trưởng|Chi cục trưởng|Viện trưởng|Hiệu trưởng|"
    r"(?i:Tổng biên tập|Phó tổng biên tập)|Trưởng)\s+")
ASSIGN_TAIL = re.compile(
    r"\s*(?:được\s+(?:[^\s,;.]+\s+){0,5}?)?(?:phân công|bầu|giao|chọn|cử|giới thiệu|suy tôn|tín nhiệm)?\s*"
    r"(?:là|làm)\s*(?:đơn vị\s*)?$", re.IGNORECASE)  # "X được hội nghị thống nhất giới thiệu làm"


def display_case(name: str) -> str:
    """All-caps headings → normal case: 'KHỐI CÁC SỞ, BAN' → 'Khối các Sở, ban'."""
    if name != name.upper():
        return name
    low = name.lower()
    low = re.sub(r"\bsở\b", "Sở", low)
    return low[:1].upper() + low[1:]


# "- Cụm thi đua số 1: …": a group's name (never a role, "Cụm trưởng:") as the label of a line.
GROUP_LABEL = re.compile(r"^[-–•+*]?\s*(?P<g>(?:Khối|Cụm)\s+(?!(?:trưởng|phó|Trưởng|Phó)\b)[^:.;()]{2,120}):\s*(?P<rest>\S.*)$")


def _named_list(text: str) -> bool:
    """"Cụm thi đua số 1: UBND huyện A (Cụm trưởng), UBND huyện B, …": a group's name alone
    before the colon (no "gồm", no role word), units after it."""
    m = GROUP_LABEL.match(text)
    return bool(m) and not re.search(r"(?i)\b(?:gồm|có|bao gồm|đơn vị)\b", m.group("g")) \
        and starts_with_head(m.group("rest"))


def parse_heading(text: str) -> tuple[str, str | None, int | None] | None:
    m = HEADING.match(text.strip())
    if not m:
        return None
    name, ordinal = m.group("name").strip(), m.group("ord")
    if len(name) > 250 or INLINE.search(name) and name.count(",") >= 3:
        return None
    # "Cụm thi đua số 2: gồm 3 huyện" (its items on the next lines) is a heading too.
    structured = bool(ordinal) or name == name.upper() or name.rstrip().endswith(":") or "đơn vị)" in name \
        or bool(COUNT_AT_END.search(name)) or _named_list(name)
    if not structured:
        return None
    count = None
    c = COUNT.search(name)
    if c:
        count = int(c.group("n"))
    name = re.sub(r"\s*\((?:gồm|có)?\s*\d{1,3}\s+[^)]*\)\s*", " ", name)
    name = re.sub(r"\s*\((?:trước đây|nay|trước là|tên cũ)[^)]*\)", "", name)  # "(trước đây là Khối …)"
    # "Cụm thi đua số 1, gồm 04 đơn vị:" / "Cụm thi đua số 3, gồm:": the count is not part of the name.
    name = re.sub(r"\s*[,–-]?\s*(?:gồm|có|bao gồm)(?:\s+\d{1,3}\s+(?:đơn vị|thành viên|cơ quan)[^:]*)?\s*:?\s*$", "", name)
    name = re.sub(r"\s*[:.;]\s*$", "", name).strip()
    # A trailing role assignment ("Khối X: Trưởng khối: A") is not part of the name.
    name = re.split(r"\s*:\s*", name)[0].strip()
    name = re.sub(r"\s*[,–-]?\s*(?:gồm|có|bao gồm)(?:\s+\d{1,3}\s+(?:đơn vị|thành viên|cơ quan).*)?$", "", name).strip()
    return display_case(cut_at_verb(name)), ordinal, count


def group_kind(name: str) -> str:
    return "cụm" if name.lower().startswith("cụm") else "khối"


def group_ordinal(name: str, listed: str | None) -> str | None:
    if listed:
        return listed
    m = re.search(r"(?:số\s+)?\b(\d{1,2}|[IVX]{1,5})$", name)
    return m.group(1) if m else None





def joined_lines(lines: list[Line]) -> list[Line]:
    """Body lines a PDF wrapped, joined back into their sentences (a line that goes on in lower
    case after one that does not end a sentence), so a role and its group are read together."""
    out: list[Line] = []
    for line in lines:
        prev = out[-1] if out else None
        if (prev is not None and prev.page == line.page and not re.search(r"[.;:!?]$", prev.text.strip())
                and not line.in_table and not prev.in_table
                and (line.text[:1].islower() or (len(prev.text) >= 50 and not re.match(r"^(?:\d{1,3}[.)]|[-–•+*]|Điều\s)", line.text)))):
            out[-1] = replace(prev, text=f"{prev.text.rstrip()} {line.text.strip()}")
        else:
            out.append(line)
    return out


def listed_items(text: str) -> list[tuple[str, str | None, str | None]]:
    """The units of an inline list, up to where a verb takes over or the roles are given
    ("…; Trưởng khối: X"); "… và các trường đại học" (a kind of unit) is not one."""
    listed = ROLE_CLAUSE.split(text)[0]
    tail = LIST_TAIL.search(listed)
    listed = listed[: tail.start()] if tail else listed
    return [(it.name, it.role, it.implied) for it in split_members(cut_list(listed))]


def group_words(name: str) -> str:
    """A group's name without the words that vary between its spellings ("thi đua", "các cơ quan")."""
    key = unit_key(re.sub(r"(?i)\b(?:thi đua|các cơ quan|các sở, ban, ngành|các)\b", " ", name), drop_province=False)
    return re.sub(r"^(?:khoi|cum)\s+", "", key)


def fold_vowels(word: str) -> str:
    import unicodedata
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def unit_before(text: str) -> str | None:
    """The unit named just before a role word: 'X được phân công là đơn vị ' → X."""
    t = text.rstrip()
    t = re.sub(r"\s*[(\-–—]\s*$", "", t)
    t = re.sub(r"\s*[,\-–—]\s*(?:là\s+)?đơn vị\s*$", ",", t)  # "Giám đốc Sở Y, đơn vị Khối trưởng"
    t = ASSIGN_TAIL.sub("", t).rstrip()
    if t.endswith(","):
        # "đồng chí A – Trưởng Ban Dân tộc tỉnh, Khối trưởng": the unit is the person's post.
        clause = re.split(r"(?<!\bTP)(?<!\bTX)(?<!\bTT)(?<!\bTp)[;:.]\s|,\s", t[:-1])[-1]
        clause = re.split(r"\s[-–—]\s?|[-–—]\s", clause)[-1].strip()
        post = POST_TITLE.match(clause)
        if post and starts_with_head(clause[post.end():]):
            return clause[post.end():].strip()
        return clause if starts_with_head(clause) else None
    clause = re.split(r"(?<!\bTP)(?<!\bTX)(?<!\bTT)(?<!\bTp)[;:.]\s|\.$", t)[-1]
    parts = re.split(r",\s", clause)
    # Walk back over commas while the part is a continuation of a name ("Sở Văn hóa, Thể thao …").
    name = parts[-1]
    for p in reversed(parts[:-1]):
        if starts_with_head(name):
            break
        name = p + ", " + name
    # Drop the words before the unit's head ("Hội nghị cũng đã bầu huyện Hữu Lũng").
    words = name.split()
    for i in range(len(words)):
        cand = " ".join(words[i:])
        if starts_with_head(cand):
            return cand.strip(" ,;")
    return None


def split_sentences(text: str) -> list[str]:
    # Split at ". " before a capital letter, not after abbreviations such as "TP." or "Tp.".
    parts = re.split(r"(?<!\bTP\.)(?<!\bTp\.)(?<!\bTX\.)(?<!\bTT\.)(?<=[.!?…])\s+(?=[A-ZĐÀ-Ỹ])", text)
    return [p.strip() for p in parts if p.strip()]
