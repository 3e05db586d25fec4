"""Unit mentions in a list: where one name ends and the next begins.

Evidence, in order: a full name of the lexicon keeps its commas and "và" ("Sở Văn hóa, Thể
thao và Du lịch"); a head word opens a new name ("…, sở TT&TT, ban Dân tộc"); a shared head
serves the bare names after it ("Huyện ủy Ea H'leo, Krông Pắc" → Huyện ủy Krông Pắc); a verb,
a closing parenthesis or the end of the sentence ends the list ("…, Sở Giáo dục và Đào tạo ký
kết giao ước" ends before "ký").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.rosters.lexicon import head_of, inner_names, is_place, looks_like_person, shareable
from extractors.rosters.pos import is_noun_at
from pipeline.units.names import clean_item

# What ends a list inside a sentence: a verb of the clause the list is the subject of.
LIST_END = re.compile(
    r"\s+(?:đã|đang|sẽ|cùng nhau|cùng\s+(?:ký|tham|thống|thảo)|(?-i:tổ chức)|tham gia|tham dự|(?-i:ký)|tiến hành|"
    r"(?-i:thống nhất)|phối hợp|dự và|được|đều|đạt|hoàn thành|(?-i:tổng kết|sơ kết|phát động|giao ban))\b",
    re.IGNORECASE)
NEXT_GROUP = re.compile(r"[;,]\s+(?=(?:Khối|Cụm|khối|cụm)\b[^,;:]{0,80}?\b(?:gồm|bao gồm|có|do)\b)")
ROLE_LABEL = re.compile(r"[;,.]\s*(?:(?i:đơn vị)\s+)?(?:[Pp]hó\s+)?(?:[Tt]rưởng\s+(?:[Kk]hối|[Cc]ụm)|(?:[Kk]hối|[Cc]ụm)\s+(?:[Tt]rưởng|[Pp]hó)|"
                        r"[Pp]hó\s+(?:[Kk]hối|[Cc]ụm)|[Tt]hường\s+trực)")
_CLAUSE_FOLLOWS = re.compile(r";\s*(?=(?!(?:và\s+)?(?:các|những)\s)[a-zđ][^;:]{0,40}?\s(?:là|gồm)\s)")
_ROLES_FOLLOW = re.compile(r"[;,]\s*trong\s+đó\b(?!\s+có\b)")
DISTRIBUTIVE = re.compile(r"^\s*(?:và\s+)?các\s+(?P<head>sở|ban|hội|huyện|quận|thị xã|phường|xã|trường)\s*:?\s+(?P<rest>[A-ZĐ].*)$")
_MASK = "\u2063"  # an invisible separator standing for a comma inside a lexicon name
_MASK_AND = "\u2064"


@dataclass
class Item:
    name: str               # as written
    role: str | None        # "leader" / "deputy" from a suffix ("(làm trưởng khối)")
    implied: str | None     # the shared head it takes ("Huyện ủy" for "Krông Pắc")
    plausible: bool         # opens with a head, takes a shared one, or is a bare place name
    after_and: bool = False  # split from the item before at "và", not at a comma


def cut_list(text: str) -> str:
    """The list part of `text`: up to an unbalanced ')', a full stop or the verb after it."""
    depth = 0
    for i, c in enumerate(text):
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth < 0:
                text = text[:i]
                break
        elif c == "…" and depth == 0:  # "…, Đài PT-TH Cà Mau… Năm 2023": the list trails off
            text = text[:i]
            break
        elif c == "." and depth == 0 and (i + 1 == len(text) or text[i + 1] == " ") and \
                not re.search(r"(?:\bTP|\bTX|\bTp|\bTT)$", text[:i]):
            text = text[:i]
            break
    m = _list_end(text)
    if m:
        text = text[: m.start()]
    for after_list in _AFTER_LIST:
        m = after_list.search(text)
        if m:
            text = text[: m.start()]
    return text.strip(" ,;:")


# Words of LIST_END that are also nouns: "Liên hiệp các tổ chức hữu nghị tỉnh" (N) against
# "Hội Khuyến học tỉnh tổ chức ký kết" (V); the tagger decides which one the text has.
_ALSO_NOUN = re.compile(r"(?i)tổ chức")


# What may follow a list in its sentence, in the order they are cut:
_AFTER_LIST = (
    NEXT_GROUP,       # "A, B, C; Cụm thi đua số 2 gồm: D, E": the next group's list
    _CLAUSE_FOLLOWS,  # "…, Liên minh HTX thành phố; đơn vị đồng hành là Ngân hàng X"
    _ROLES_FOLLOW,    # "…, Lạng Giang và Việt Yên; trong đó huyện Tân Yên là Cụm trưởng"
    ROLE_LABEL,       # "…, Báo Bình Định; Trưởng khối: Sở LĐ-TB&XH": the roles follow
)


def _list_end(text: str):
    for m in LIST_END.finditer(text):
        word = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
        if _ALSO_NOUN.fullmatch(m.group(0).strip()) and is_noun_at(text, word):
            continue
        return m
    return None


def protect(text: str) -> str:
    """Hide the commas and "và" of lexicon names and of parentheses from the splitter."""
    text = inner_names().sub(lambda m: m.group(0).replace(",", _MASK).replace(" và ", f" {_MASK_AND} "), text)
    return re.sub(r"\([^()]*\)", lambda m: m.group(0).replace(",", _MASK).replace(";", _MASK)
                  .replace(" và ", f" {_MASK_AND} "), text)


def restore(text: str) -> str:
    return text.replace(_MASK, ",").replace(_MASK_AND, "và")


def _bare_name(text: str) -> bool:
    """A proper name without a head ("Krông Pắc", "Đà Lạt"): capitalised words, no verb."""
    words = text.split()
    return 0 < len(words) <= 5 and all(w[:1].isupper() or w[:1].isdigit() for w in words)


def split_members(text: str, implied: str | None = None) -> list[Item]:
    """Items of a member list (already cut with cut_list)."""
    text = protect(text)
    items: list[Item] = []
    shared = implied
    # "A, B và các huyện: C, D": the shared head starts a piece of its own.
    text = re.sub(r"\s+và\s+(?=các\s+(?:sở|ban|hội|huyện|quận|thị xã|phường|xã|trường)\b)", "; ", text)
    for piece in re.split(r"\s*;\s*", text):
        d = DISTRIBUTIVE.match(piece)
        if d:  # "các sở Nội vụ, Tài chính, …; Ban Dân tộc tỉnh": the head serves this piece
            shared = implied = d.group("head")[:1].upper() + d.group("head")[1:]
            piece = d.group("rest")
        elif re.match(r"^\s*(?:và\s+)?(?:các|những)\s+[a-zđ]", piece):
            continue  # "…; các trường đại học, cao đẳng công lập": a kind of unit, not a unit
        bits = re.split(r"(,\s*)", piece)
        segs = [(bits[k].strip(), bits[k - 1] if k else "") for k in range(0, len(bits), 2) if bits[k].strip()]
        for seg, sep in segs:
            seg = re.sub(r"^(?:và|cùng)\s+", "", seg)
            seg = re.sub(r"^(?:\(\d{1,2}\)|\d{1,2}[.)]|[a-zđ]\))\s*", "", seg)  # "(1) Sở A; (2) Sở B"
            for k, part in enumerate(_split_and(seg, shared)):
                head = head_of(part, any_case=True)
                if head:
                    shared = head if shareable(head) else None
                    items.append(_item(part, None, True))
                elif k == 0 and sep and items and items[-1].name and \
                        (not sep.endswith(" ") or (part[:1].islower() and not _bare_name(part))):
                    # "Sở VH,TT&DL", "Ban Bảo vệ, chăm sóc sức khỏe cán bộ": a comma inside a name
                    prev = items[-1]
                    items[-1] = _item(f"{prev.name}{sep}{part}", prev.implied, prev.plausible)
                elif _bare_name(restore(clean_item(restore(part))[0])):
                    # A known place (vietnamadminunits), or a name under a shared head; a person's
                    # name or a sport ("Quần vợt, Cầu lông") is not a unit.
                    bare = clean_item(restore(part))[0]
                    ok = is_place(bare) or (shared is not None and not looks_like_person(bare))
                    items.append(_item(part, shared, ok))
                elif implied is None and k == 0 and sep and items and items[-1].name and head_of(items[-1].name, True):
                    # Neither a unit nor a place on its own: the comma is inside the name before
                    # ("Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch").
                    prev = items[-1]
                    items[-1] = _item(f"{prev.name}{sep}{part}", prev.implied, prev.plausible)
                else:  # plausible only under the head the list's introducer gives ("các sở: Nội vụ")
                    items.append(_item(part, shared, implied is not None and shared == implied))
                if k:
                    items[-1].after_and = True
    return [it for it in items if it.name]


def _split_and(seg: str, shared: str | None = None) -> list[str]:
    """'A và B' is two units when B opens with a head, when both are bare names, or when a shared
    head serves both ("các sở: Nội vụ, Tư pháp và Tài chính"); a name of the lexicon ("Khoa học
    và Công nghệ") was masked before."""
    parts = re.split(r"\s+và\s+", seg)
    out = [parts[0]]
    for p in parts[1:]:
        takes_shared = shared is not None and p[:1].isupper() and not head_of(out[-1], any_case=True)
        if head_of(re.sub(r"^các\s+", "", p), any_case=True) or (_bare_name(p) and _bare_name(out[-1])) or takes_shared:
            out.append(p)
        else:
            out[-1] = f"{out[-1]} và {p}"
    return out


# "(làm trưởng khối)", "(đơn vị Phó Khối)" after a name: its role; "(đơn vị đăng cai)": a note.
_ROLE_PAREN = re.compile(r"\s*\(\s*(?:là\s+|làm\s+)?(?:đơn vị\s+)?(?P<role>(?:phó\s+)?(?:trưởng\s+)?(?:khối|cụm)(?:\s+(?:trưởng|phó))?)\b[^()]*\)\s*$",
                         re.IGNORECASE)
_NOTE_PAREN = re.compile(r"\s*\((?=[a-zđ])[^()]*\)\s*$")
# "Công ty Điện lực Hà Tĩnh (PC Hà Tĩnh)": a short name with an acronym, not part of the name (a
# parent body, "Tiểu đoàn … số 2 (Bộ Công an)", stays).
_ALIAS_PAREN = re.compile(r"\s*\((?=[^()]*\b[A-ZĐ]{2,}\b)[^()]{2,40}\)\s*$")


def _item(raw: str, implied: str | None, plausible: bool) -> Item:
    text = restore(raw).strip(" ,;.")
    role = None
    r = _ROLE_PAREN.search(text)
    if r and re.search(r"(?i)trưởng|phó", r.group("role")):
        role = "deputy" if re.search(r"(?i)phó", r.group("role")) else "leader"
        text = text[: r.start()]
    text = _ALIAS_PAREN.sub("", _NOTE_PAREN.sub("", text))
    name, role2 = clean_item(text)
    role = role or role2
    if not name or name.lower().startswith(("các ", "những ")):
        return Item("", None, None, False)  # "… và các trường đại học": a kind of unit, not a unit
    if implied and head_of(name, any_case=True):
        implied = None
    return Item(name, role, implied, plausible)
