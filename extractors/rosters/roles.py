"""Roles attached to unit mentions by named relations (issue 16).

A role phrase ("Trưởng khối", "cụm phó", "đơn vị Phó Trưởng Khối", "Thường trực khối") is
never a unit itself; it names the unit it is attached to. Each relation below is one entry
with the construction it reads; `find_roles` tries them all on one sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.rosters.lexicon import head_of
from extractors.rosters.mentions import cut_list, protect, restore, split_members

ROLE = (r"(?:(?:(?i:đơn\s+vị)\s+)?(?:(?P<dep>[Pp]hó\s+[Tt]rưởng\s+(?:[Kk]hối|[Cc]ụm)|(?:[Kk]hối|[Cc]ụm)\s+[Pp]hó|[Pp]hó\s+(?:[Kk]hối|[Cc]ụm))|"
        r"(?P<lead>[Tt]rưởng\s+(?:[Kk]hối|[Cc]ụm)|(?:[Kk]hối|[Cc]ụm)\s+[Tt]rưởng|[Tt]hường\s+trực\s+(?:[Kk]hối|[Cc]ụm))))")
ROLE_RE = re.compile(ROLE)
YEAR = re.compile(r"\bnăm\s+((?:19|20)\d{2})\b")
# A unit name as it stands in running text: a head and the words after it up to a stop.
# The verbs of a speech after a person's post ("… Chủ tịch Công đoàn X phát biểu khai mạc"): never in a name.
_SPEECH = r"phát biểu|thông qua|chủ trì|báo cáo|trình bày|cho biết|khẳng định|nhấn mạnh|khai mạc|bế mạc"
_UNIT_STOP = r"(?=\s*(?:[,;:()]|\s[-–—]\s|\s+(?:" + _SPEECH + r")\b|(?<!TP)(?<!Tp)(?<!TX)(?<!TT)\.(?:\s|$)|$|\s+(?:là|làm|được|đã|đang|sẽ|giữ|đảm nhận|đảm nhiệm|nhận\s+(?:nhiệm vụ|vai trò|[Cc]ờ)|vinh dự|luân phiên|tiếp tục|hiện(?: nay)?\s+là|cũng|vẫn|đồng chủ trì|và\s+(?=[A-ZĐ])|(?-i:do)\b)))"
# A name never spans a verb, "do" or "và": the lexicon's own "và" is masked before (mentions._protect).
UNIT = (r"(?P<unit>[A-ZĐÀ-Ỹa-zđ](?:(?!\s(?:là|làm|được|đã|do|và|tại|cho|giữ|đảm nhận|đảm nhiệm|tiếp tục|sẽ|hiện|cũng|vẫn|" + _SPEECH + r")\s)[^,;:()]){1,110}?)" + _UNIT_STOP)


# A person's post before the unit it names ("Giám đốc Sở Tư pháp", "Cục trưởng Cục Thi hành án
# dân sự"): the unit is the person's.
POST = (r"(?:[Pp]hó\s+)?(?:Giám đốc|Chánh(?: Văn phòng| Thanh tra)?|Chủ tịch|Chủ nhiệm|Bí thư|Thủ trưởng|Cục trưởng|"
        r"Chi cục trưởng|Viện trưởng|Hiệu trưởng|Trưởng ban|Trưởng)")
# "cho đồng chí Lê Thị Bình - Giám đốc Kho bạc Nhà nước tỉnh": a person, then the post naming the unit.
PERSON_POST = (r"(?:(?:[Đđ]ồng chí|[Đđ]/c|[Ôô]ng|[Bb]à)\s+[^,;–-]{2,40}?\s*[,–-]\s*"
               r"(?:[^,;–-]{2,40}?\s*[,–-]\s*)?" + POST + r"\s+)")
# The verbs of an election or a handover: what they assign holds for the year they name, and
# outranks a description of the unit holding the role at the time of the meeting ("X – Cụm
# trưởng, chủ trì hội nghị … bầu cụm trưởng năm 2023 là Y").
ELECTION = re.compile(r"\b(?:bầu|bầu chọn|suy tôn|phân công|giao|chọn|giới thiệu|tín nhiệm|bàn giao|chuyển giao|nhận nhiệm vụ)\b")
ELECTED_RELATIONS = {"elected", "handover", "respective"}


# "giữ chức vụ Trưởng khối", "đảm nhận vai trò Cụm trưởng", "nhận nhiệm vụ Thường trực khối".
POST_NOUN = r"(?:vai trò|nhiệm vụ|chức vụ|chức|cương vị|vị trí|[Cc]ờ)\s+"  # "nhận Cờ Trưởng khối": the rotating flag


@dataclass
class Relation:
    name: str
    example: str
    pattern: re.Pattern


def _rel(name: str, example: str, pattern: str) -> Relation:
    return Relation(name, example, re.compile(pattern))


RELATIONS = [
    _rel("parenthesis", "Ban Dân tộc tỉnh (đơn vị Trưởng Khối) và Sở Giáo dục và Đào tạo (đơn vị Phó Khối)",
         UNIT + r"\s*\(\s*(?:là\s+|làm\s+)?" + ROLE + r"[^()]*\)"),
    _rel("do-lam", "khối thi đua Mặt trận - Đoàn thể tỉnh do Ủy ban MTTQ Việt Nam tỉnh làm trưởng khối",
         r"\bdo\s+" + UNIT + r"\s+(?:làm|là|giữ|đảm nhận)\s+(?:" + POST_NOUN + r")?" + ROLE),
    _rel("copula", "Công ty X là đơn vị Trưởng khối thi đua năm 2023",
         # "X đã nhận cờ luân lưu và đảm nhận vai trò Cụm trưởng": a verb phrase joined by "và" before the role's verb
         UNIT + r"\s+(?:(?:tiếp tục|sẽ|đã|đang|hiện|hiện nay|cũng|vẫn|vinh dự|luân phiên)\s+)?(?:[^,;.()]{2,40}?\s+và\s+)?(?:là|làm|giữ|đảm nhận|đảm nhiệm|nhận)\s+(?:" + POST_NOUN + r")?(?:là\s+)?"
         r"(?:(?i:đơn vị)\s+)?(?:luân phiên\s+(?:làm\s+)?)?" + ROLE),
    _rel("elected", "Trung tâm Chính trị Định Hóa được bầu làm Cụm trưởng Cụm thi đua năm 2021",
         UNIT + r"\s+được\s+(?:[^\s,;.]+\s+){0,5}?(?:(?:bầu|suy tôn|phân công|giao|chọn|cử|tín nhiệm|giới thiệu|thống nhất)\s+){1,3}"
         r"(?:(?:làm|là|giữ|đảm nhận)\s+(?:" + POST_NOUN + r")?|" + POST_NOUN + r")(?:là\s+)?" + ROLE),
    _rel("handover", "bàn giao Cụm trưởng cụm thi đua số 6 năm 2016 cho Huyện ủy Krông Búk đảm nhận",
         r"(?:bàn giao|chuyển giao|trao|suy tôn)\s+(?:nhiệm vụ\s+|vai trò\s+|cờ\s+(?:thi đua\s+)?(?:luân lưu\s+)?)?(?:của\s+)?" + ROLE
         + r"[^,;.]{0,80}?\bcho\s+" + PERSON_POST + "?" + UNIT),
    _rel("post", "đồng chí Hồ Xuân Việt, Tỉnh ủy viên, Phó Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy, Khối trưởng",
         r"(?:[Đđ]ồng chí|[Ôô]ng|[Bb]à)\s+[^,;–-]{2,40}(?:,|\s[–-])\s*(?:[^,;]{2,60},\s*)*?" + POST + r"\s+" + UNIT + r"\s*,\s*(?:đại diện\s+(?:cho\s+)?)?" + ROLE),
    _rel("on-behalf", "Thay mặt đơn vị Khối trưởng, đồng chí Lê Văn Tâm, Phó Hiệu trưởng, Chủ tịch Công đoàn Trường Cao đẳng Y tế phát biểu",
         r"[Tt]hay mặt\s+(?:cho\s+)?" + ROLE + r"\s*,\s*" + PERSON_POST + UNIT),
    _rel("role-do", "vai trò Cụm trưởng do UBND huyện Cẩm Xuyên đảm nhận, Cụm phó do UBND huyện Kỳ Anh đảm nhận",
         ROLE + r"(?:\s+(?:thi đua\s+)?năm\s+\d{4})?\s+do\s+" + UNIT + r"\s+(?:đảm nhận|đảm nhiệm|làm|giữ|phụ trách)\b"),
    _rel("role-paren-unit", "Khối trưởng Khối thi đua các cơ quan Đảng năm 2022 (Ban Tổ chức Tỉnh ủy) đã chủ trì",
         ROLE + r"[^()]{0,80}?\(\s*" + UNIT + r"\s*\)"),
    _rel("role-first", "Đơn vị Trưởng khối năm nay là Sở Tư pháp; Khối phó - Thanh tra tỉnh",
         ROLE + r"(?:\s+(?:thi đua\s+)?(?:năm\s+(?:\d{4}|nay)|(?!là\b)[^\s,;:.()]+)){0,6}?\s*(?:\s(?:là|sẽ là)\s+|[–-]\s*)"
         r"(?!(?:đồng chí|ông|bà)\b)" + UNIT),
    _rel("apposition", "Trường Đại học Hà Tĩnh, Trưởng Khối thi đua các Trường Đại học … đã tổ chức",
         UNIT + r"\s*[,–-]\s*(?:đơn vị\s+)?" + ROLE + r"(?!\s*(?:năm\s+\d{4}\s*)?(?:là|:))"),
]
# Relations read by code rather than one pattern (two units in one clause): name → example.
PAIRED = {
    "label": "Trưởng khối: Sở LĐ-TB&XH; Phó Trưởng khối: Báo Bình Định, Sở Du lịch",
    "respective": "Huyện Quảng Điền và huyện Phong Điền được bầu làm Trưởng khối và Phó Trưởng khối năm 2023",
    "coordinated": "Sở Y tế và Sở Văn hóa, Thể thao và Du lịch làm Phó Trưởng khối",
}
# "Huyện Quảng Điền và huyện Phong Điền được bầu làm Trưởng khối và Phó Trưởng khối năm 2023":
# two units, two roles, in that order.
RESPECTIVE = re.compile(r"(?P<a>[A-ZĐÀ-Ỹa-zđ][^,;:()]{2,80}?)\s+và\s+(?P<b>[^,;:()]{2,80}?)\s+(?:được\s+(?:[^\s,;.]+\s+){0,3}?)?"
                        r"(?:bầu|suy tôn|phân công|giao|chọn)?\s*(?:làm|là)\s+(?P<r1>" + ROLE.replace("?P<dep>", "?:").replace("?P<lead>", "?:")
                        + r")\s+và\s+(?P<r2>" + ROLE.replace("?P<dep>", "?:").replace("?P<lead>", "?:") + r")")
# What is never a unit: a role word, a person's title, a verb phrase, a venue.
NOT_UNIT = re.compile(r"^(?i:đơn vị|đồng chí|ông|bà|đại diện|lãnh đạo|tại|trụ sở|hội nghị|các\s)|"
                      r"\b(?:phân công|tổ chức|về việc|quyết định|nhiệm vụ|ký kết|phát động)\b")


@dataclass
class RoleClaim:
    role: str        # "leader" / "deputy"
    unit: str
    year: int | None
    relation: str
    start: int
    elected: bool = False  # stated by an election or a handover, not described


def elected_at(sentence: str, start: int, relation: str) -> bool:
    """The claim at `start` is an election's or a handover's: its relation says so, or an
    election verb opens its clause ("… thống nhất bầu Trưởng khối năm 2022 là X (Trưởng khối)")."""
    clause = re.split(r"[;.]\s", sentence[:start])[-1]
    return relation in ELECTED_RELATIONS or bool(ELECTION.search(clause))


def _year_elected(sentence: str, start: int) -> int | None:
    """"bầu cụm trưởng và cụm phó năm 2023 là X (Cụm trưởng)": the year the election names,
    between its verb and the unit."""
    clause = re.split(r"[;.]\s", sentence[:start])[-1]
    e = ELECTION.search(clause)
    years = YEAR.findall(clause[e.end():]) if e else []
    return int(years[-1]) if years else None


# The text stops inside a role word ("… được bầu làm đơn vị Trưởng kh"): the word it must be.
_ROLE_WORDS = ("khối", "cụm", "trưởng", "phó")


def complete_cut_role(sentence: str) -> str | None:
    """The sentence with its cut last word completed, when that gives a role phrase at its end;
    None when nothing is cut."""
    m = re.search(r"(\S+)\s*$", sentence)
    if not m or ROLE_RE.search(sentence[-40:]) and ROLE_RE.search(sentence[-40:]).end() == len(sentence[-40:].rstrip()):
        return None
    last = m.group(1)
    for word in _ROLE_WORDS:
        if last.lower() != word and word.startswith(last.lower()):
            done = sentence[: m.start(1)] + (word.capitalize() if last[:1].isupper() else word)
            r = [x for x in ROLE_RE.finditer(done)]
            if r and r[-1].end() == len(done):
                return done
    return None


# Relations whose unit is a person's post.
PERSON_RELATIONS = {"post", "on-behalf", "handover"}


def employer(unit: str) -> str:
    """"Chủ tịch Công đoàn Cảng vụ Hàng hải X": the person chairs the union of the unit, so the
    unit is the one after "Công đoàn" when that opens with a head (a union of its own, "Công đoàn
    Viên chức tỉnh", stays)."""
    m = re.match(r"^Công đoàn\s+(?P<rest>.+)$", unit)
    return m.group("rest") if m and head_of(m.group("rest")) else unit


def role_kind(text: str) -> str:
    return "deputy" if re.search(r"(?i)phó", text) else "leader"


def clean_unit(text: str) -> str | None:
    """The unit of a claim, from its head on ("Hội nghị đã nghe Huyện ủy X" → "Huyện ủy X")."""
    t = text.strip(" ,;:-–")
    # A name holds no year: "… tổng kết năm học 2023 - 2024 Trường Đại học Vinh" (a headline run
    # into the sentence) → the unit after it.
    after_year = re.split(r"\b(?:19|20)\d{2}\b\s*", t)[-1]
    if after_year != t and head_of(after_year):
        t = after_year
    words = t.split()
    for i in range(len(words)):
        cand = " ".join(words[i:])
        if head_of(cand) and not NOT_UNIT.search(cand):
            return cand
    return None


def _year_before(sentence: str, pos: int) -> int | None:
    """"Năm 2024, Sở X là đơn vị Trưởng khối": the year that opens the clause."""
    clause = re.split(r"[;.]\s", sentence[:pos])[-1]
    y = re.match(r"\s*(?:[Tt]rong\s+)?[Nn]ăm\s+((?:19|20)\d{2})\b", clause)
    return int(y.group(1)) if y else None


def _year_after(sentence: str, pos: int) -> int | None:
    y = YEAR.search(sentence[pos: pos + 120].split(";")[0].split(".")[0])
    return int(y.group(1)) if y else None


# "Sở Y tế và Sở Du lịch làm Phó Trưởng khối": the unit before "và" shares a deputy's role.
_BEFORE_AND = re.compile(r"(?P<unit>[^,;:()]{2,110}?)\s+và\s+$")


def _coordinated(sentence: str, claims: list[RoleClaim]) -> list[RoleClaim]:
    out = []
    for c in claims:
        if c.role != "deputy" or c.relation not in ("copula", "elected"):
            continue
        m = _BEFORE_AND.search(sentence[max(0, c.start - 120): c.start])
        unit = clean_unit(m.group("unit")) if m else None
        if unit and not ROLE_RE.search(unit) and not any(x.unit == unit for x in claims):
            out.append(RoleClaim("deputy", unit, c.year, "coordinated", c.start - len(m.group(0)), c.elected))
    return out


# "Phó Khối trưởng là Ban Tổ chức Tỉnh ủy và Ban Tuyên giáo Tỉnh ủy": the units after a deputy's
# role-first statement, joined by "và" or commas, share it.
_AND_AFTER = re.compile(r"^\s*(?:,\s*|\s+và\s+)(?P<unit>[^,;:().]{2,110}?)(?=\s*(?:[,;:().]|\s+và\s+|$))")


def _coordinated_after(sentence: str, claims: list[RoleClaim]) -> list[RoleClaim]:
    out = []
    for c in claims:
        if c.role != "deputy" or c.relation != "role-first":
            continue
        at = c.start + len(c.unit)
        while True:
            m = _AND_AFTER.match(sentence[at:])
            unit = clean_unit(m.group("unit")) if m else None
            if not unit or ROLE_RE.search(unit) or unit != m.group("unit").strip() or \
                    any(x.unit == unit for x in claims + out):
                break
            out.append(RoleClaim("deputy", unit, c.year, "coordinated", at + m.start("unit"), c.elected))
            at += m.end()
    return out


# "Trưởng khối năm 2025: X", "Phó Trưởng khối: A, B": a label, then one unit or a list.
LABEL = re.compile(ROLE + r"(?:\s+\d{1,2})?(?:\s+(?:thi đua\s+)?năm\s+(?P<year>\d{4}))?\s*[:：]\s*")  # "Phó khối 2:"


def _labelled(sentence: str, claims: list[RoleClaim]) -> list[RoleClaim]:
    out = []
    for m in LABEL.finditer(sentence):
        role = "deputy" if m.group("dep") else "leader"
        items = split_members(cut_list(restore(sentence[m.end():]).split(";")[0]))
        for it in items[: 1 if role == "leader" else None]:
            if it.plausible and head_of(it.name, any_case=True) and not any(c.unit == it.name for c in claims + out):
                year = int(m.group("year")) if m.group("year") else None
                out.append(RoleClaim(role, it.name, year, "label", m.end()))
    return out


def find_roles(sentence: str) -> list[RoleClaim]:
    """Every (role, unit) the relations read in one sentence, in order of position."""
    claims: list[RoleClaim] = []
    sentence = protect(sentence)
    r = RESPECTIVE.search(sentence)
    if r:
        a, b = clean_unit(r.group("a")), clean_unit(r.group("b"))
        if a and b:
            y = _year_after(sentence, r.end("r2"))
            claims += [RoleClaim(role_kind(r.group("r1")), a, y, "respective", r.start("a"), True),
                       RoleClaim(role_kind(r.group("r2")), b, y, "respective", r.start("b"), True)]
    for rel in RELATIONS:
        for m in rel.pattern.finditer(sentence):
            unit = clean_unit(m.group("unit"))
            if unit and rel.name in PERSON_RELATIONS:
                unit = employer(unit)
            if not unit or any(c.unit in unit or unit in c.unit for c in claims):
                continue  # one unit, one claim: the first relation that reads it
            role = "deputy" if m.group("dep") else "leader"
            start = m.start("unit") + max(0, m.group("unit").rfind(unit))  # where the head begins
            # "Cụm trưởng năm 2024 là X", "X (Trưởng khối năm 2024)"; not a year before the unit's head
            y = YEAR.search(m.group(0)[start - m.start():]) or YEAR.search(sentence[m.start(): m.start("unit")])
            year = int(y.group(1)) if y else (_year_after(sentence, m.end("unit")) or _year_before(sentence, start)
                                              or _year_elected(sentence, start))
            claims.append(RoleClaim(role, unit, year, rel.name, start, elected_at(sentence, start, rel.name)))
    claims += _labelled(sentence, claims)
    claims += _coordinated(sentence, claims) + _coordinated_after(sentence, claims)
    for c in claims:
        c.unit = restore(c.unit)
    return sorted(claims, key=lambda c: c.start)
