"""Member lists inside sentences: an introducer, then a run of unit mentions (issue 16).

"Khối thi đua gồm 10 cơ quan, đơn vị cấp tỉnh: A, B, …", "… sự tham gia của 9 đơn vị: A, …",
"Khối X (gồm 06 đơn vị thành viên: A, …) tổ chức …", "07 trường trong khối Y (A; B; C)",
"lãnh đạo của 08/08 Hội trong khối thi đua số 3, gồm: A (làm trưởng khối), B, …".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.rosters.lexicon import head_of
from extractors.rosters.mentions import DISTRIBUTIVE, Item, cut_list, split_members
from extractors.rosters.pos import opens_predicate_at, tagged

# A group's name ends before a verb, a year or a venue ("Khối thi đua Văn hóa – Xã hội tổng kết
# công tác thi đua năm 2022" → "Khối thi đua Văn hóa – Xã hội"). The verbs alone also end a
# heading in capitals ("KHỐI THI ĐUA 4 TỔ CHỨC KÝ KẾT GIAO ƯỚC" is a headline, not a heading).
_VERB_END = (r"đã|đang|sẽ|thống nhất|tổ chức(?!\s+(?:[Cc]hính trị|[Xx]ã hội|[Hh]ội\s+(?!nghị|thao|thi|diễn)|đoàn thể))|"
             r"tổng kết|sơ kết|triển khai|[Tt]riển khai|ký|giao ban|phát động|thực hiện|diễn ra|họp|bầu|suy tôn|bình chọn")
_NAME_END = (r"gồm|bao gồm|có|" + _VERB_END + r"|năm\s+\d{4}|tại|của|do|với|và\s+(?:phát|triển|ký|tổ)|trong|hoạt động|cùng|làm|là")
VERB_END = re.compile(r"\s(?:" + _VERB_END + r")\b")
_NAME_BODY = r"(?:(?!\s(?:" + _NAME_END + r")\b)[^.;:(),]){1,120}"
# "khối lượng công việc", "Cụm công nghiệp": the same words, not a group of the emulation movement.
_NOT_GROUP = r"lượng|óc|u|đại đoàn kết|công nghiệp|dân cư|tuyến|di tích|từ|thi đua\s+khen"
GROUP = re.compile(r"(?<![Cc]ác )\b(?:[Kk]hối|[Cc]ụm)\s+(?!(?:" + _NOT_GROUP + r")\b)(?:[Tt]hi\s+đua\s+)?"
                   r"(?!(?:này|thi đua|trưởng|phó|" + _NAME_END + r")\b)"
                   + _NAME_BODY)
# After a comma only a verb, a year or a venue ends a coordinated kind ("…, doanh nghiệp cổ phần
# có vốn đầu tư của Nhà nước").
_TAIL_END = r"gồm|bao gồm|đã|đang|sẽ|tổ chức|tổng kết|sơ kết|triển khai|ký|giao ban|phát động|năm\s+\d{4}|tại|do|làm|là"
GROUP_TAIL = re.compile(r"(?!(?:" + _TAIL_END + r")\b)(?:(?!\s(?:" + _TAIL_END + r")\b)[^.;:(),]){1,120}")
# A list after these is of winners, guests or hosts, not of members.
NOT_ROSTER = re.compile(r"(?i)\b(?:tặng|bằng khen|giấy khen|đề nghị|suy tôn|công nhận|xếp loại|dẫn đầu|"
                        r"giải\s+(?:nhất|nhì|ba)|chúc mừng|khách mời|đồng chí|các ông|các bà|cá nhân|tập thể|"
                        r"vận động viên)\b")
# "… vận động viên là cán bộ … đến từ các đơn vị A, B, C" (an event of the group named before):
# the people are not the list, the units they come from are; only awards say otherwise.
FROM_UNITS = r"\bđến từ\s+(?:các\s+|\d{1,3}\s+)?(?:đơn vị|cơ quan)(?:\s+thành viên)?\s*:?\s+(?=[A-ZĐ])"
AWARD = re.compile(r"(?i)\b(?:tặng|bằng khen|giấy khen|đề nghị|suy tôn|công nhận|xếp loại|dẫn đầu|giải\s+(?:nhất|nhì|ba)|chúc mừng)\b")
_KIND = (r"(?:cơ quan|đơn vị|thành viên|trường|[Hh]ội|huyện|sở|địa phương|doanh nghiệp|ngân hàng|tổ chức|xã|phường|"
         r"thị trấn|quận|thị xã|thành phố|[Hh]uyện ủy|[Đđ]ảng ủy|công ty|chi nhánh)")
# An unnamed list is the group's when its subject is: "các đơn vị trong Khối gồm:", "Khối gồm 11
# đơn vị, trong đó có", "sự tham gia của 9 đơn vị:" (a group's event).
GROUP_SUBJECT = re.compile(r"(?:\b(?:Khối|Cụm|khối|cụm)\b(?!\s+(?:" + _NOT_GROUP + r")\b)|\bcủa\s+\d{1,3}\s+(?:đơn vị|cơ quan))"
                           r"[^.;]*$")
# The words just before a list's colon (or parenthesis) that say a list follows.
INTRO = re.compile(r"(?:\b(?:bao\s+)?gồm(?:\s+có)?|\b(?:của|có)\s+\d{1,3}(?:/\d{1,3})?\s+" + _KIND +
                   r"|\bcó\s+(?:UBND\s+|Ủy ban nhân dân\s+)?(?:các|những)\s+" + _KIND +  # "Tham gia Khối có các đơn vị: …"
                   r"|\b(?:[Cc]ác\s+)?(?:đơn vị|cơ quan)\s+thành viên(?:\s+(?:của|trong|thuộc)\s+(?:Khối|Cụm|khối|cụm)\b)?"
                   r"|\b[Cc]ác\s+(?:đơn vị|cơ quan)\s+(?:trong|thuộc|của)\s+(?:Khối|Cụm|khối|cụm)\s+(?:là|gồm)"
                   r"|\b\d{1,3}(?:/\d{1,3})?\s+" + _KIND + r"\b[^:;()]{0,80}?\b(?:Khối|Cụm|khối|cụm)\b[^:;()]{0,120})"
                   r"[^:;()]{0,80}?$")
# "Các đơn vị: A, B và C cùng ký giao ước": the sentence opens with the list (the text's group).
# (A capital "Các" opens a sentence even where a headline without its full stop runs into it.)
OPENING_UNITS = re.compile(r"(?:^\s*(?:[Cc]ác|[Nn]hững)|(?:^|\s)(?:Các|Những))\s+(?:đơn vị|cơ quan)(?:\s+thành viên)?\s*$")
LIST_THEN_GROUP = re.compile(r"^(?P<list>[^:;()]{10,600}?)\s+là\s+(?:các|những)\s+(?:đơn vị\s+|cơ quan\s+)?(?:thành viên|đơn vị)\s+"
                             r"(?:của|trong|thuộc)\s+(?P<group>(?:Khối|Cụm|khối|cụm)\b[^.;:()]{2,160})")
MEMBERS_OF = re.compile(r"\s*[-–,]\s*(?:là\s+)?(?:những|các)\s+(?:đơn vị\s+|cơ quan\s+)?thành viên\s+(?:của|trong|thuộc)\s+"
                        r"(?P<group>(?:Khối|Cụm|khối|cụm)\b[^.;:()]{2,160})")
COUNT = re.compile(r"\b(?P<n>\d{1,3})(?:/(?P<of>\d{1,3}))?\s+" + _KIND)
# "các Văn phòng Đảng ủy:", "4 huyện:" — the head the list's names share.
SHARED = re.compile(r"(?:các|\d{1,3})\s+(?P<head>Văn phòng Đảng ủy|sở|ban|hội|huyện|quận|phường|xã|trường)\s*$", re.IGNORECASE)


@dataclass
class ListReading:
    group: str | None      # the group named in the sentence, or None (the text's group)
    count: int | None      # the count the sentence states
    items: list[Item]
    start: int


def plausible(items: list[Item]) -> bool:
    return len(items) >= 2 and sum(it.plausible for it in items) >= 0.8 * len(items)


# "Cụm thi đua số 3 họp …", "Khối thi đua 4 tổ chức …": a numbered name ends at its number unless
# a capitalised word or a territory follows ("Cụm thi đua số 6 Tỉnh ủy", "… số 6 tỉnh Bình Phước").
_AFTER_NUMBER = re.compile(r"^(?P<name>.*?\b(?:thi\s+đua\s+)?(?:số\s+)?(?:\d{1,2}|[IVX]{1,5}))\s+(?P<next>\S+)")
_TERRITORY = re.compile(r"(?:tỉnh|huyện|quận|thị|thành|xã|phường|TP\.?)$")


def _numbered_end(name: str, all_caps: bool) -> str:
    m = _AFTER_NUMBER.match(name)
    if not m or not re.match(r"^(?:Khối|Cụm|khối|cụm|KHỐI|CỤM)\s+(?:thi\s+đua\s+|THI\s+ĐUA\s+)?(?:số\s+|SỐ\s+)?(?:\d|[IVX])", name):
        return name
    nxt = m.group("next")
    if (all_caps or nxt[:1].islower()) and not _TERRITORY.match(nxt if not all_caps else nxt.lower()):
        return m.group("name")
    return name


def group_mentions(text: str):
    """The groups a text names, as (start, end, name as written): GROUP read on the text (on its
    lower-case copy when the line is in capitals, so "KHỐI THI ĐUA 4 TỔ CHỨC KÝ KẾT" ends before
    its verb), never a "Khối" that is the subject of a predicate ("trong Khối không ngừng thi đua",
    underthesea's tag of the next word), a numbered name ending at its number."""
    letters = [c for c in text if c.isalpha()]
    all_caps = len(letters) > 8 and sum(c.isupper() for c in letters) > 0.8 * len(letters)
    probe = text.lower() if all_caps else text
    for m in GROUP.finditer(probe):
        nxt = re.match(r"\S+\s+", m.group(0))
        if nxt and opens_predicate_at(text, m.start() + nxt.end()):
            continue
        name = _numbered_end(text[m.start(): m.end()], all_caps)
        if not all_caps:
            name = _proper_name_end(text, m.start(), name)
        yield m.start(), m.start() + len(name), name


def _proper_name_end(text: str, start: int, name: str) -> str:
    """"Khối thi đua Văn hóa - Xã hội phát biểu …": a lower-case verb (underthesea's tag) right
    after a capitalised word ends the name; inside lower-case words ("các sở quản lý nhà nước")
    a verb tag proves nothing."""
    prev = None
    for at, word, tag in tagged(text):
        if at < start:
            continue
        if at >= start + len(name):
            break
        if prev is not None and tag == "V" and word[:1].islower() and word != "thi đua" and \
                (prev[:1].isupper() or prev[:1].isdigit()):
            return name[: at - start].rstrip(" ,-–")
        prev = word
    return name


# A heading that is a role sentence: "Khối X (gồm 12 đơn vị) do Cục Thuế tỉnh làm Khối trưởng",
# "Khối X bầu Trưởng khối năm 2023": the name ends before the agent or the election.
_ROLE_STATEMENT = re.compile(r"\sdo\s+(?=[A-ZĐ])")


def cut_at_verb(name: str) -> str:
    """A heading's name without the headline verb or role statement after it (verbs read on the
    lower-case copy)."""
    ends = [m.start() for m in (VERB_END.search(name.lower()), _ROLE_STATEMENT.search(name)) if m and m.start() > 6]
    return name[: min(ends)].rstrip(" ,-–") if ends else name


def first_group_name(lines, before=None) -> str | None:
    """The first "Khối/Cụm thi đua X" (or numbered group) a text names before the line `before`:
    a news item's headline or caption."""
    for line in lines:
        if line is before:
            break
        for start, end, name in group_mentions(line.text):
            if re.search(r"(?i)thi đua|\bsố\s+\d|\b[IVX]+$", name):
                return (name + coordinated_kinds(name, line.text[end:])).strip(" -–")
    return None


def coordinated_kinds(name: str, rest: str) -> str:
    """"Khối thi đua các huyện, thị xã và thành phố Huế": kinds joined by commas stay in the name."""
    if not re.search(r"\bcác\s", name):
        return ""
    out = ""
    while True:
        m = re.match(r",\s+(?=[a-zđ])", rest)
        c = GROUP_TAIL.match(rest[m.end():]) if m else None
        if not c:
            return out
        out += ", " + c.group(0)
        rest = rest[m.end() + c.end():]


def merge_inner_and(items: list[Item]) -> list[Item]:
    """One item fewer stated than read: a "và" inside the list (not the list's last) may join two
    words of one unit ("Đài Phát thanh - Truyền hình và Báo Bình Phước" counted once)."""
    inner = [i for i, it in enumerate(items[:-1]) if i > 0 and it.after_and]
    if len(inner) != 1:
        return items
    i = inner[0]
    joined = Item(f"{items[i - 1].name} và {items[i].name}", items[i - 1].role, items[i - 1].implied, True)
    return items[: i - 1] + [joined] + items[i + 1:]


def find_lists(sentence: str) -> list[ListReading]:
    out = []
    # Anchors: a colon or parenthesis after an introducer; "bao gồm ;"; "gồm A, B" / "trong đó có A"
    # / "gồm 10 thành viên là A, B" straight after the group's name.
    for m in re.finditer(r"[:(]|\bbao gồm\s*;|" + FROM_UNITS + r"|\b(?:(?:bao\s+)?gồm(?:\s+có)?|trong đó(?:\s+có)?|"
                         r"(?:gồm|có)\s+\d{1,3}\s+" + _KIND + r"(?:\s+thành viên)?\s*,?\s*(?:là|gồm|bao gồm))\s+(?=\S)",
                         sentence):
        pre = sentence[: m.start()] if m.group(0) in ":(" else sentence[: m.end() - 1]
        body = sentence[m.end():]
        from_units = m.group(0).startswith("đến từ")
        if from_units:
            pass  # the participants of an event of the group named before (checked below)
        elif m.group(0).endswith(" "):
            # "Khối thi đua số 3 gồm Sở Y tế, Sở Nội vụ và …" (no colon): the group is named just before.
            before = sentence[: m.start()]
            if not (re.search(r"(?:Khối|Cụm|khối|cụm)\b[^.;:()]{0,100}?,?\s*(?:\(\s*)?(?:hiện\s+)?$", before)
                    and (head_of(body) or DISTRIBUTIVE.match(body))):
                continue
        members_of = MEMBERS_OF.search(body) if m.group(0) == ":" else None
        if members_of:
            # "lãnh đạo các đơn vị: A, B, C - những thành viên của Khối thi đua X": the list says
            # after itself whose members it names.
            body = body[: members_of.start()]
            pre = members_of.group("group")
        elif not from_units and not m.group(0).endswith(" ") and not INTRO.search(pre[-240:]) \
                and not (m.group(0) == ":" and OPENING_UNITS.search(pre)):
            continue
        if m.group(0) == "(":
            body = re.sub(r"^\s*(?:gồm|bao gồm)\s+(?:\d{1,3}\s+)?[^:]{0,60}:\s*", "", body)
        listed = cut_list(body)
        shared = SHARED.search(pre.rstrip(" ,"))
        implied = shared.group("head") if shared else None
        if implied and implied.lower() in ("sở", "ban", "hội", "huyện", "quận", "phường", "xã", "trường"):
            implied = implied[:1].upper() + implied[1:].lower() if implied.lower() in ("sở", "ban", "hội") else implied.lower()
        items = split_members(listed, implied)
        if not plausible(items):
            continue
        groups = list(group_mentions(pre))
        if not groups and not GROUP_SUBJECT.search(pre[-160:]) and not OPENING_UNITS.search(pre):
            continue  # "Đoàn công tác gồm: …", "Cụm công nghiệp X gồm: …": not about a group
        if from_units and not groups:
            continue
        if (AWARD if from_units else NOT_ROSTER).search(pre[groups[-1][1]:] if groups else pre[-120:]):
            continue
        count = None
        c = COUNT.search(pre[groups[-1][0]:] if groups else pre[-160:])
        if c:
            count = int(c.group("of") or c.group("n"))
        name = (groups[-1][2] + coordinated_kinds(groups[-1][2], pre[groups[-1][1]:])).strip() \
            if groups else None
        if count is not None and count == len(items) - 1:
            items = merge_inner_and(items)
        out.append(ListReading(name, count, items, m.start()))
    return out + _list_then_group(sentence)


def _list_then_group(sentence: str) -> list[ListReading]:
    """"A, B, C và D là các đơn vị thành viên của Khối thi đua X.": the list opens the sentence
    and says after itself whose members it names."""
    m = LIST_THEN_GROUP.match(sentence)
    if not m or not head_of(m.group("list")):
        return []
    items = split_members(m.group("list"))
    groups = list(group_mentions(m.group("group")))
    if not plausible(items) or not groups:
        return []
    return [ListReading(groups[0][2], None, items, 0)]
