"""Groups (cụm/khối thi đua), their members, leaders and deputies.

Four shapes are read in one pass over the Document, in reading order:
- appendix tables (STT | Tên đơn vị | Ghi chú, title rows spanning the table, or a group
  column merged over its members);
- headings followed by numbered or dashed items ("I. KHỐI … (gồm 07 đơn vị)", "1. Sở Nội vụ;");
- inline sentences ("Khối … gồm các đơn vị: A, B và C");
- role statements anywhere ("+ Cụm trưởng: X", "X được phân công là đơn vị Trưởng khối",
  "Trưởng khối: X; Phó Trưởng khối: Y", "đồng chí A, Giám đốc Sở Y, Khối trưởng").
"""
from __future__ import annotations

import re
from dataclasses import replace

from extractors.document import Document, Line
from extractors.rosters.build import Group
from extractors.rosters.find import complete_lists, complete_roles
from extractors.units_text import (ROLE_RE, clean_item, role_of, same_unit,
                                   split_and, split_list, starts_with_head)
from pipeline.normalize import unit_key

ORDINAL = r"(?:[IVXLC]{1,6}|\d{1,3}|[a-zđ])"
HEADING = re.compile(
    r"^(?:(?P<ord>" + ORDINAL + r")\s*[.)/]\s*)?(?P<name>(?:CỤM|KHỐI|Cụm|Khối)\b.*)$"
)
ITEM = re.compile(r"^(?:\d{1,3}\s*[.)]|[a-zđ]\)|[-–•+*])\s*(?P<text>\S.*)$")
ROLE_LINE = re.compile(r"^[-–•+*]?\s*(?P<role>" + ROLE_RE.pattern + r")\s*[:：]\s*(?P<unit>.+)$", re.IGNORECASE)
COUNT = re.compile(r"(?:gồm|có|\()\s*(?:có\s+)?(?P<n>\d{1,3})\s+(?:đơn vị|thành viên|cơ quan|sở|huyện)", re.IGNORECASE)
REPRESENT_COUNT = re.compile(r"đại diện\s+(?P<n>\d{1,3})\s+đơn vị\s+(?:thuộc|trong|của)\s+(?:Khối|Cụm)", re.IGNORECASE)
INLINE = re.compile(
    r"(?P<name>(?:Khối|Cụm|khối|cụm)\s+(?:thi đua\s+)?[^.;:]{0,160}?)\s*[,:]?\s+"
    r"(?:(?:có|gồm)\s+(?P<n>\d{1,3})\s+(?:cơ quan,?\s*đơn vị|đơn vị|thành viên|cơ quan)(?:\s+thành viên)?\s*,?\s*"
    r"(?:trong đó có|trong đó|bao\s+gồm|gồm)?|"
    r"(?:bao\s+)?gồm(?:\s+các\s+(?:đơn vị|cơ quan|thành viên)(?:\s+sau)?)?)\s*:?\s+(?P<list>.+)$"
)
REFERRED = re.compile(r"(?:\b(?:Khối|Cụm)\s+(?:có|gồm)\s+(?P<n>\d{1,3})\s+(?:đơn vị|thành viên|cơ quan)\s*,?\s*"
                      r"(?:trong đó có|trong đó|gồm|bao gồm|là)?|"
                      r"^(?:Các|Những)\s+(?:đơn vị|cơ quan)(?:,\s*đơn vị)?\s+(?:thành viên\s+)?(?:của\s+(?:Khối|Cụm)\s+|"
                      r"trong\s+(?:Khối|Cụm)\s+)?(?:gồm|là)\s*)\s*:?\s+(?P<list>.+)$")
LIST_INTRO = re.compile(r"(?P<name>(?:Khối|Cụm)\s+[^.;:]{3,160}?)\s*,?\s+(?:hiện\s+)?(?:gồm|có)\s+(?:(?P<n>\d{1,3})\s+)?"
                        r"(?:đơn vị|thành viên|cơ quan)[^:]{0,60}:\s*$")
NOT_A_UNIT = re.compile(r"(?i)\b(?:phân công|phân chia|thành lập|kiện toàn|về việc|quyết định|nhiệm vụ|cam kết|phối hợp|đề nghị|bàn giao|với)\b")
AFTER_NAME = r"\s+(?=(?:tổ chức|thực hiện|triển khai|phối hợp|chủ trì|đã|đang|sẽ|được|để|nhằm|với)\b)"
UNNAMED_INTRO = re.compile(r"(?:đơn vị|cơ quan)\s+(?:thành viên\s+)?(?:của|trong)\s+(?:Khối|Cụm)\s*,?\s*(?:gồm|là)\s*:\s*$")
MENTION = re.compile(r"\b(?:Khối|Cụm)\s+thi\s+đua\s+[^,.;:()]{3,120}")
NAME_STOP = re.compile(r"\s(?:đã|đang|sẽ|tổ chức [Hh]ội nghị|thống nhất|ký|tại|của Khối)\s")
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
COLUMN_GROUP = re.compile(r"^(?:tên\s+)?(?:cụm|khối)", re.IGNORECASE)
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


def parse_heading(text: str) -> tuple[str, str | None, int | None] | None:
    m = HEADING.match(text.strip())
    if not m:
        return None
    name, ordinal = m.group("name").strip(), m.group("ord")
    if len(name) > 250 or INLINE.search(name) and name.count(",") >= 3:
        return None
    structured = bool(ordinal) or name == name.upper() or name.rstrip().endswith(":") or "đơn vị)" in name
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
    return display_case(name), ordinal, count


def group_kind(name: str) -> str:
    return "cụm" if name.lower().startswith("cụm") else "khối"


def group_ordinal(name: str, listed: str | None) -> str | None:
    if listed:
        return listed
    m = re.search(r"(?:số\s+)?\b(\d{1,2}|[IVX]{1,5})$", name)
    return m.group(1) if m else None


class GroupFinder:
    def __init__(self, doc: Document):
        self.doc = doc
        self.groups: list[Group] = []
        self.current: Group | None = None  # group whose item list is open
        self.last: Group | None = None  # most recent group, for role sentences
        self.columns: dict | None = None
        self.table_group: Group | None = None
        self.warnings: list[str] = []
        self.sentences: list[Line] = []
        self.pending_role: str | None = None  # scanned table: a role read before its unit's name
        self.open_item: tuple | None = None  # (group, item text) of a list item that may continue
        self.inline_list: tuple | None = None  # (group, list so far, first line) of a heading's inline list
        self.open_heading: Line | None = None  # a heading line that stops inside a parenthesis
        self.open_role: tuple | None = None  # (group, text) of a role line that goes on on the next line

    # -- groups ------------------------------------------------------------------------
    def find_group(self, name: str) -> Group | None:
        key = unit_key(name)
        for g in self.groups:
            gk = unit_key(g.name)
            if gk == key or (len(key) > 12 and (gk.endswith(key) or key.endswith(gk))):
                return g
        return None

    def open_group(self, name: str, ordinal: str | None, count: int | None, line: Line) -> Group:
        g = self.find_group(name)
        if g is None:
            g = Group(group_kind(name), name, group_ordinal(name, ordinal), provenance=line.provenance)
            self.groups.append(g)
        if count is not None and g.stated_member_count is None:
            g.stated_member_count = count
        self.current = self.last = g
        self.table_group = g
        return g

    # -- text lines --------------------------------------------------------------------
    def handle_line(self, line: Line) -> None:
        text = line.text.strip()
        if re.fullmatch(r"[-–\s]*\d{1,3}[-–\s]*|Trang \d+.*", text):
            return  # a page number between two pages of one list
        if self.inline_list is not None:
            # "1. Khối X, gồm 07 đơn vị: A; B;" going on over the next lines until its full stop.
            g, listed, first = self.inline_list
            if ITEM.match(text) or parse_heading(text) or text.startswith("Điều") or ROLE_LINE.match(text):
                self.flush_inline_list()
            else:
                self.inline_list = (g, f"{listed} {text}", first)
                if text.endswith("."):
                    self.flush_inline_list()
                return
        if self.open_heading is not None:
            # A heading wrapped inside a parenthesis: "2. Khối X (trước đây là Khối" / "Y), gồm 08 đơn vị: …"
            first, self.open_heading = self.open_heading, None
            if not (ITEM.match(text) or parse_heading(text)):
                self.handle_line(replace(first, text=f"{first.text.strip()} {text}"))
                return
        heading = parse_heading(text)
        if heading and text.count("(") > text.count(")") and ":" not in text:
            self.open_heading = line
            return
        if heading:
            name, ordinal, count = heading
            g = self.open_group(name, ordinal, count, line)
            rest = text.split(":", 1)[1] if ":" in text else ""
            if ROLE_RE.search(rest):
                self.assign_roles(rest, g)
            elif rest.strip() and re.search(r"(?i)\b(?:gồm|có)\b[^:]*:", text) and starts_with_head(rest.strip()):
                self.inline_list = (g, rest.strip(), line)
                if rest.strip().endswith("."):
                    self.flush_inline_list()
            return
        if self.open_role is not None:
            g, before = self.open_role
            self.open_role = None
            if not (ITEM.match(text) or parse_heading(text) or ROLE_LINE.match(text) or text.startswith("Điều")) \
                    and starts_with_head(text):
                self.assign_roles(f"{before} {text}", g)  # "Khối phó: Sở Du lịch," / "Sở Y tế."
                return
        rl = ROLE_LINE.match(text)
        if rl and self.last is not None:
            self.assign_roles(text, self.last)
            if text.endswith(","):
                self.open_role = (self.last, text)
            return
        if line.words is not None and self.current is not None and self.handle_ocr_line(text, line):
            return
        item = ITEM.match(text)
        if item and self.current is not None and not text.startswith("Điều"):
            name, role = clean_item(item.group("text"))
            if name and len(name) < 160 and not name.lower().startswith(("khối", "cụm")):
                self.current.add_member(name, line)
                if role:  # "Sở Tư pháp (Trưởng khối năm 2024);": the role's year counts
                    y = re.search(r"\(\s*[^)]*?\bnăm\s+((?:19|20)\d{2})\b[^)]*\)", item.group("text"))
                    self.current.set_role(role, name, int(y.group(1)) if y else None)
                # An item that does not end with ";" or "." may go on on the next line.
                self.open_item = None if re.search(r"[;.:]$", text) else (self.current, item.group("text"))
                return
        if (self.open_item and self.open_item[0] is self.current and len(text) < 80 and not parse_heading(text)
                and (text[:1].islower() or (len(text) < 40 and re.search(r"[;.]$", text)))):
            g, first = self.open_item
            name, role = clean_item(f"{first} {text}")
            if name and g.members:
                g.members[-1]["name"] = name  # "… Hội đồng nhân / dân tỉnh;": one item on two lines
                g.reindex()
                if role:
                    g.set_role(role, name)
            self.open_item = None if re.search(r"[;.:]$", text) else (g, f"{first} {text}")
            return
        self.open_item = None
        intro = LIST_INTRO.search(text)
        inline = INLINE.search(text)
        unnamed = UNNAMED_INTRO.search(text)
        if unnamed and not intro and (self.last is not None or first_group_mention(self.sentences, line)):
            # "… các cơ quan, đơn vị thành viên của Khối, gồm:": the group named before.
            name = self.last.name if self.last is not None else first_group_mention(self.sentences, line)
            self.current = self.find_group(name) or self.open_group(display_case(name), None, None, line)
            return
        if intro and not (inline and len(split_list(inline.group("list"))) >= 2):
            name = intro.group("name")
            starts = [m.end() for m in NAME_START.finditer(name)]
            name = name[starts[-1]:] if starts else name
            g = self.find_group(name) or self.open_group(display_case(name.strip()), None,
                                                         int(intro.group("n")) if intro.group("n") else None, line)
            self.current = g  # its members follow: dash items, a list, or a table
            return
        if self.current is not None and unit_key(self.current.name) in unit_key(text) and len(text) < 160:
            return  # a caption naming the group just opened ("Danh sách đơn vị thành viên Cụm …")
        self.current = None
        if not line.in_table and len(text) > 40:
            self.table_group = None  # body text between tables ends a continued roster
        self.sentences.append(line)

    def flush_inline_list(self) -> None:
        g, listed, first = self.inline_list
        self.inline_list = None
        items = listed_items(listed.rstrip("."))
        if len(items) >= 2 and sum(1 for it in items if starts_with_head(it[0]) or it[2]) >= 0.8 * len(items):
            self.add_items(g, items, first)
            self.current = g  # its role lines ("- Khối trưởng: …") follow

    def handle_ocr_line(self, text: str, line: Line) -> bool:
        """A scanned list or a borderless table read line by line: numbers read apart from
        their items (or lost), a role alone in the note column, a name wrapped onto the next
        line. True when the line was taken as part of the current group."""
        g = self.current
        if ocr_noise(text):
            return True  # a list number on its own, or specks: the list goes on
        if ROLE_ONLY.match(text):
            if g.members:
                g.set_role(role_of(text), g.members[-1]["name"])
            else:
                self.pending_role = role_of(text)  # the note cell read before the first name
            return True
        lost = OCR_ITEM.match(text)  # the item's number was read apart from it, or not at all
        body = text if starts_with_head(text) or not lost else lost.group("text")  # "TP. Bắc Ninh" is a name
        if starts_with_head(body) and not parse_heading(body):
            name, role = clean_item(body)
            if name and len(name) < 160:
                g.add_member(name, line)
                role = role or self.pending_role
                self.pending_role = None
                if role:
                    g.set_role(role, name)
                return True
        last = g.members[-1] if g.members else None
        tokens = text.split()
        if (last and len(tokens) <= 2 and all(t[:1].isupper() for t in tokens) and not ocr_noise(text)
                and last["provenance"].get("page") == line.page
                and (last["provenance"].get("line") or 0) >= (line.line or 0) - 3
                and not re.search(r"[;.]$", last["name"])):
            last["name"] = f"{last['name']} {text.strip(' ;.')}"  # a name wrapped in its cell
            g.reindex()
            return True
        return False

    # -- tables ------------------------------------------------------------------------
    def detect_columns(self, row: list[str | None]) -> dict | None:
        cols = {}
        for j, cell in enumerate(row):
            c = " ".join((cell or "").split())
            if not c:
                continue
            if COLUMN_STT.match(c):
                cols["stt"] = j
            elif COLUMN_NOTE.search(c):
                cols["note"] = j
            elif COLUMN_GROUP.match(c) and "group" not in cols:
                cols["group"] = j
            elif (COLUMN_DEPUTY.search(c) and not re.search(r"(?i)^(?:đơn vị|tên)", c)) or HEAD_DEPUTY.match(c):
                cols["deputy"] = j
            elif (COLUMN_LEADER.search(c) and not re.search(r"(?i)thành viên", c)) or HEAD_LEADER.match(c):
                cols["leader"] = j  # "Đơn vị chủ trì (Trưởng khối)": a role column, not members
            elif COLUMN_NAME.search(c):
                cols["name"] = j
        return cols if ("name" in cols or ("group" in cols and "leader" in cols)) else None

    def group_columns(self, rows: list[list[str | None]], page: int | None, line0: int | None) -> bool:
        """A table with one column per group: the header cells name the groups, the cells below
        are their members, a last row may give "Trưởng khối: A / Phó khối: B". True when read."""
        if len(rows) < 2:
            return False
        heads = {j: parse_heading(" ".join((c or "").split()) + ":")
                 for j, c in enumerate(rows[0]) if c and re.match(r"(?i)^(?:khối|cụm)\s", " ".join(c.split()))
                 and not ROLE_RE.match(" ".join(c.split()))}  # "Cụm trưởng" heads a role column
        heads = {j: h for j, h in heads.items() if h}
        if len(heads) < 2:
            return False
        for j, (name, ordinal, count) in heads.items():
            g = self.open_group(name, ordinal, count, Line(name, page, line0, True))
            for r, row in enumerate(rows[1:], start=1):
                cell = " ".join((row[j] or "").split()) if j < len(row) else ""
                if not cell:
                    continue
                line = Line(cell, page, (line0 or 0) + r, True)
                if ROLE_RE.search(cell) and ":" in cell:
                    self.assign_roles(cell, g)  # "Trưởng khối: A Phó khối: B"
                else:
                    name_, role = clean_item(cell)
                    if name_:
                        g.add_member(name_, line)
                        if role:
                            g.set_role(role, name_)
        self.current = self.table_group = None
        return True

    def handle_table(self, rows: list[list[str | None]], page: int | None, line0: int | None,
                     confidences: list | None = None, boxes: list | None = None) -> None:
        if self.group_columns(rows, page, line0):
            return
        start = 0
        for i, row in enumerate(rows[:3]):
            cols = self.detect_columns(row)
            if cols:
                self.columns, start = dict(cols, width=len(row)), i + 1
                break
        else:
            inferred = infer_columns(rows)
            if inferred and not (self.columns and self.columns["width"] == len(rows[0])):
                self.columns = dict(inferred, width=len(rows[0]))
            elif not (self.columns and self.columns["width"] == len(rows[0])):
                # Not a roster table (e.g. the two-column header): read it as text.
                for r, row in enumerate(rows):
                    for cell in row:
                        for part in (cell or "").split("\n"):
                            if part.strip():
                                self.handle_line(Line(part.strip(), page, (line0 or 0) + r, True))
                return
        cols = self.columns
        group_value = None
        # A table continued from the previous page, or one a sentence just introduced
        # ("Cụm thi đua số 1 gồm 06 đơn vị, cụ thể như sau:").
        self.current = self.table_group if self.table_group is not None else self.current
        for r, row in enumerate(rows[start:], start=start):
            line = Line(" | ".join(c or "" for c in row), page, (line0 or 0) + r, True)
            if confidences:  # a scanned table: how sure OCR was of the unit's name, and where the row is
                k = cols.get("name")
                confs = [c for c in ([confidences[r][k]] if k is not None and k < len(confidences[r])
                                     else confidences[r]) if c is not None]
                cells = [b for b in boxes[r] if b]
                line.confidence = min(confs) if confs else None
                line.bbox = (min(b[0] for b in cells), min(b[1] for b in cells), max(b[2] for b in cells),
                             max(b[3] for b in cells)) if cells else None
            cells = [" ".join(c.split()) if c else c for c in row]
            filled = [c for c in cells if c]
            if not filled:
                continue
            if len(filled) == 1 or ("name" in cols and cells[cols["name"]] is None and filled):
                heading = parse_heading(filled[-1]) or parse_heading(" ".join(filled))
                if heading:
                    self.open_group(*heading, line)
                    continue
            if "stt" in cols and "name" in cols and cells[cols["stt"]] and re.fullmatch(r"[IVX]+\.?", cells[cols["stt"]] or ""):
                heading = parse_heading(f"{cells[cols['stt']].rstrip('.')}. {cells[cols['name']] or ''}")
                if heading:
                    self.open_group(*heading, line)
                    continue
            if "group" in cols:
                value = cells[cols["group"]]
                if value and value != group_value:
                    group_value = value
                    h = parse_heading(value) or (display_case(value), None, None)
                    self.open_group(*h, line)
            if self.current is not None:
                for key in ("leader", "deputy"):
                    if key in cols and row[cols[key]]:
                        for unit in self.cell_units(row[cols[key]]):
                            self.current.set_role(key, clean_item(unit)[0])
            raw = row[cols["name"]] if "name" in cols else None
            if not raw or self.current is None:
                continue
            note = cells[cols["note"]] if "note" in cols and cols["note"] < len(cells) else None
            for unit in self.cell_units(raw):
                if re.fullmatch(r"(?i)tổng(?: cộng| số)?.*", unit):
                    continue
                clean, role = clean_item(unit)
                if not clean:
                    continue
                self.current.add_member(clean, line)
                if note and ROLE_RE.search(note):
                    role = role_of(ROLE_RE.search(note).group(0))
                if role:
                    self.current.set_role(role, clean)
        self.table_group, self.current = self.current, None

    def cell_units(self, raw: str) -> list[str]:
        """The units in one cell. A DOCX cell holds one unit per paragraph; in a PDF a line
        break may only wrap a long name, so a line that does not open a unit continues the last."""
        lines = [" ".join(l.split()) for l in raw.split("\n") if l.strip()]
        units: list[str] = []
        for l in lines:
            bare = re.sub(r"^(?:\d{1,3}[.)]|[-–•+*])\s*", "", l)
            opens = starts_with_head(bare) or bare != l or self.doc.format != "pdf"
            if units and not opens:
                units[-1] += " " + l
            else:
                units.append(l)
        out: list[str] = []
        for u in units:
            if ";" in u:
                out.extend(p.strip() for p in u.split(";") if p.strip())
            elif ("," in u or " và " in u) and sum(starts_with_head(n) for n, _, _ in split_list(u)) >= 2:
                out.extend(n for n, _, _ in split_list(u.rstrip(".")))  # "A, B, C và D." in one cell
            else:
                out.append(u)
        return out

    # -- sentences ---------------------------------------------------------------------
    def handle_roster_sentence(self, sentence: str, line: Line) -> None:
        m = INLINE.search(sentence)
        if not m:
            self.handle_referred_roster(sentence, line)
            return
        name = m.group("name").strip()
        starts = [s.end() for s in NAME_START.finditer(name)]
        name = name[starts[-1]:] if starts else name
        items = listed_items(m.group("list"))
        unitlike = [it for it in items if starts_with_head(it[0]) or it[2] or it[0][:1].isupper()]
        if not NAME_STOP.search(name) and len(items) >= 2 and len(unitlike) >= 0.8 * len(items):
            count = int(m.group("n")) if m.group("n") else None
            self.add_items(self.open_group(display_case(name), None, count, line), items, line)

    def handle_referred_roster(self, sentence: str, line: Line) -> None:
        """"Khối gồm 11 đơn vị, trong đó có A, B, …": the group was named earlier (the headline)."""
        r = REFERRED.search(sentence)
        if not r:
            return
        name = self.last.name if self.last is not None else first_group_mention(self.sentences, line)
        if not name:
            return
        items = listed_items(r.group("list"))
        if len(items) >= 2 and sum(1 for it in items if starts_with_head(it[0]) or it[2]) >= 0.8 * len(items):
            n = int(r.group("n")) if r.group("n") else None
            g = self.find_group(name) or self.open_group(display_case(name), None, n, line)
            if g.stated_member_count is None and n is not None:
                g.stated_member_count = n
            self.add_items(g, items, line)

    def add_items(self, g: Group, items: list[tuple[str, str | None, str | None]], line: Line) -> None:
        for it_name, role, implied in items:
            g.add_member(it_name, line, implied)
            if role:
                g.set_role(role, f"{implied} {it_name}" if implied else it_name)
        self.current = None

    def handle_role_sentence(self, sentence: str, line: Line | None = None) -> None:
        if ROLE_RE.search(sentence) or re.search(r"được phân công là đơn vị Trưởng", sentence, re.I):
            target = self.group_in(sentence) or self.group_before(line) or self.last
            if target is not None:
                self.assign_roles(sentence, target)

    def group_before(self, line: Line | None) -> Group | None:
        """The group whose roster comes last before `line`: a role sentence after a news
        item's second roster is about that one, not the first."""
        if line is None or line.line is None:
            return None
        where = lambda p: ((p or {}).get("page") or 0, (p or {}).get("line") or 0)
        here = (line.page or 0, line.line)
        before = [g for g in self.groups if where(g.provenance) <= here]
        return max(before, key=lambda g: where(g.provenance)) if before else None

    def group_in(self, sentence: str) -> Group | None:
        for g in self.groups:
            if unit_key(g.name) and unit_key(g.name) in unit_key(sentence):
                return g
        # "- Khối kinh tế - kỹ thuật: Phân công …": a label naming a group in short.
        label = re.match(r"^[-–•+*]?\s*(?P<g>(?:Khối|Cụm)\s[^:]{2,120}):", sentence.strip())
        if label:
            short = group_words(label.group("g"))
            hits = [g for g in self.groups if short and (group_words(g.name).endswith(short) or
                                                         short.endswith(group_words(g.name)))]
            if len(hits) == 1:
                return hits[0]
        return None

    def assign_roles(self, text: str, group: Group) -> None:
        """Find every role word in `text` and the unit it names."""
        matches = list(ROLE_RE.finditer(text))
        trunc = re.search(r"được phân công (?:là|làm) (?:đơn vị )?Trưởng\s*\w{0,4}$", text, re.I)
        if trunc and not matches:
            unit = unit_before(text[: trunc.start()])
            if unit:
                group.set_role("leader", unit)
                self.warnings.append(f"role word cut off at the end of the text; read '{unit}' as leader")
            return
        for k, m in enumerate(matches):
            role = role_of(m.group(0))
            after = text[m.end():]
            unit = None
            nxt = matches[k + 1].start() - m.end() if k + 1 < len(matches) else len(after)
            # Its year: before the next role word, else the one the roles named together share
            # ("bầu A làm Cụm trưởng, B làm Cụm phó Cụm thi đua số 1 năm 2025").
            y = re.search(r"\bnăm\s+((?:19|20)\d{2})\b", after[:nxt]) or \
                re.search(r"^[^.;]*?\bnăm\s+((?:19|20)\d{2})\b", after) or \
                re.search(r"(?i)\bnăm\s+((?:19|20)\d{2})\b(?=[^.;]*$)", text[: m.start()])  # "Năm 2024, … do X làm Trưởng Khối"
            year = int(y.group(1)) if y else None
            la = re.match(r"\s*(?:thi\s+đua\s+)?(?:năm\s+\d{4}\s+)?là\s+(?P<u>[^,;.]+)", after)
            if la:  # "đơn vị Trưởng Khối năm 2024 là Sở Tư pháp"
                unit = clean_item(re.split(AFTER_NAME, la.group("u"))[0])[0]
                if unit and (starts_with_head(unit) or self.is_member(group, unit)):
                    group.set_role(role, unit, year)
                continue
            if re.match(r"\s*(?:năm\s+\d{4}\s*)?[:：]", after):  # "Trưởng khối năm 2025: X"
                seg = re.split(r"[;.]|\s+(?=(?:phó\s+)?(?:trưởng|khối|cụm)\b)", after.split(":", 1)[1], flags=re.I)[0]
                # "Phó Trưởng khối: Báo X, Sở Y": several deputies after one colon.
                parts = [p[0] for p in split_list(seg)] if role == "deputy" and "," in seg else [clean_item(seg)[0]]
                for unit in parts:
                    if unit and (starts_with_head(unit) or self.is_member(group, unit)):
                        group.set_role(role, unit, year)
                continue
            # The unit is named after the previous role ("A làm Trưởng khối và B làm Phó Trưởng khối").
            before = text[(matches[k - 1].end() if k else 0): m.start()]
            unit = unit_before(re.sub(r"^\s*(?:,|và|;)\s*", "", before) if k else before)
            if unit and NOT_A_UNIT.search(unit):
                continue  # "Về việc phân chia Cụm … thành phố và phân công Cụm trưởng": a subject, not a unit
            # "Sở Y tế và Sở Văn hóa, Thể thao và Du lịch làm Phó Trưởng khối": two deputies.
            for unit in (split_and(unit) if unit and role == "deputy" else [unit]):
                if unit and (starts_with_head(unit) or self.is_member(group, unit)):
                    group.set_role(role, unit, year)

    def is_member(self, group: Group, unit: str) -> bool:
        return group.has_member(unit)

    # -- result ------------------------------------------------------------------------
    def run(self) -> list[Group]:
        for b in self.doc.blocks:
            if b.kind == "table":
                self.handle_table(b.rows or [], b.page, b.line, b.cell_confidences, b.cell_boxes)
            elif b.kind == "paragraph":
                for i, part in enumerate(b.text.split("\n")):
                    if part.strip():
                        self.handle_line(Line(part.strip(), b.page, b.line, confidence=b.confidence, words=b.words,
                                              bbox=b.bbox))
        if self.inline_list is not None:
            self.flush_inline_list()
        sentences = [(s, line) for line in joined_lines(self.sentences) for s in split_sentences(line.text)]
        for sentence, line in sentences:
            self.handle_roster_sentence(sentence, line)
        complete_lists(self, sentences)
        # Roles second: a role sentence may come before the roster it refers to.
        for sentence, line in sentences:
            self.handle_role_sentence(sentence, line)
        complete_roles(self, sentences)
        return self.finish()

    def drop_truncated_item(self) -> None:
        """A text that stops inside a list item ("- Huyện H"): keep what is certain."""
        lines = self.doc.lines()
        if not lines:
            return
        last = lines[-1]
        for g in self.groups:
            if g.members and g.members[-1]["provenance"] == last.provenance:
                name = g.members[-1]["name"]
                word = name.split()[-1] if name.split() else ""
                # A word without a vowel ("H", "Th") is a syllable cut off; "Du" or "Mê" is whole.
                if len(name.split()) > 1 and word.isalpha() and not re.search(r"(?i)[aăâeêioôơuưy]", fold_vowels(word)) \
                        and not re.fullmatch(r"[IVX]+", word):
                    g.members.pop()
                    g.reindex()
                    self.warnings.append(f"text ends inside '{name}': item dropped, {g.name} may be incomplete")

    def finish(self) -> list[Group]:
        self.drop_truncated_item()
        groups = [g for g in self.groups if g.members or g.leader]
        if len(groups) == 1:
            for line in self.sentences:
                c = REPRESENT_COUNT.search(line.text)
                if c and groups[0].stated_member_count is None:
                    groups[0].stated_member_count = int(c.group("n"))
        for g in groups:
            for m in g.members:
                full = m.get("normalized") or m["name"]
                if g.leader and same_unit(full, g.leader):
                    m["role"] = "leader"
                elif any(same_unit(full, d) for d in g.deputies):
                    m["role"] = "deputy"
        return groups


def infer_columns(rows: list[list[str | None]]) -> dict | None:
    """A table without a header row: row numbers in the first column, unit names in the
    second, and a role note after them if any row has one."""
    numbered = [r for r in rows if r and r[0] and re.fullmatch(r"\d{1,3}\.?", r[0].strip()) and len(r) >= 2]
    if len(numbered) < 2 or not all(r[1] and starts_with_head(r[1]) for r in numbered[:5]):
        return None
    cols = {"stt": 0, "name": 1}
    if any(len(r) > 2 and r[2] and ROLE_RE.search(r[2]) for r in numbered):
        cols["note"] = 2
    return cols


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
    return [it for it in split_list(listed[: tail.start()] if tail else listed)
            if not it[0].startswith(("các ", "những "))]


def group_words(name: str) -> str:
    """A group's name without the words that vary between its spellings ("thi đua", "các cơ quan")."""
    key = unit_key(re.sub(r"(?i)\b(?:thi đua|các cơ quan|các sở, ban, ngành|các)\b", " ", name), drop_province=False)
    return re.sub(r"^(?:khoi|cum)\s+", "", key)


def first_group_mention(lines: list[Line], before: Line) -> str | None:
    """The first "Khối/Cụm thi đua X" a text names before `before` (a news item's headline)."""
    for line in lines:
        if line is before:
            break
        m = MENTION.search(line.text)
        if m:
            name = m.group(0)
            stop = NAME_STOP.search(name + " ")
            return (name[: stop.start()] if stop else name).strip(" ,-–")
    return None


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


def find_groups(doc: Document) -> tuple[list[dict], list[str]]:
    finder = GroupFinder(doc)
    groups = finder.run()
    warnings = list(finder.warnings)
    out = []
    for g in groups:
        n = len(g.members)
        if g.stated_member_count is not None and g.stated_member_count != n:
            warnings.append(f"stated_member_count {g.stated_member_count} differs from {n} members found in {g.name}")
        if g.leader is None:
            warnings.append(f"no leader stated for {g.name}")
        out.append({
            "kind": g.kind, "name": g.name, "ordinal": g.ordinal,
            "members": g.members, "leader": g.leader, "deputies": g.deputies,
            "stated_member_count": g.stated_member_count, "provenance": g.provenance,
        })
    return out, warnings
