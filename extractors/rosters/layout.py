"""The layout reader: one pass over the Document in reading order (issue 16 keeps it for the
official layouts; the sentence readers of find.py complete what it leaves).

- headings followed by numbered or dashed items ("I. KHỐI … (gồm 07 đơn vị)", "1. Sở Nội vụ;");
- appendix tables (tables.py);
- inline sentences and role statements (sentences.py), then member lists and roles read from
  unit mentions and relations (find.py).
"""
from __future__ import annotations

import re
from dataclasses import replace

from extractors.document import Document, Line
from extractors.rosters.build import Group
from extractors.rosters.find import complete_lists, complete_roles
from extractors.rosters.lists import first_group_name
from extractors.rosters.mentions import split_members
from extractors.rosters.sentences import SentenceReader
from extractors.rosters.tables import TableReader
from extractors.rosters.layout_words import (COUNTED, INLINE, ITEM, LIST_INTRO, NAME_START, OCR_ITEM, REPRESENT_COUNT,
                                             ROLE_LINE, ROLE_ONLY, UNNAMED_INTRO, display_case,
                                             fold_vowels, group_kind, group_ordinal,
                                             joined_lines, listed_items, ocr_noise, parse_heading,
                                             split_sentences)
from pipeline.units.names import ROLE_RE, clean_item, role_of, same_unit, starts_with_head
from pipeline.units.normalize import unit_key


COUNT_LINE = re.compile(r"\(?\s*(?:[Gg]ồm|[Cc]ó)\s+(?:có\s+)?(?P<n>\d{1,3})\s+" + COUNTED + r"(?:\s+thành viên)?\s*\)?[.:]?")


class GroupFinder(TableReader, SentenceReader):
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
            # "1. Khối X (05 đơn vị): A (Trưởng khối), B (Phó Trưởng khối), C.": a list whose items
            # carry their roles; "Khối X: Trưởng khối: A; Phó Trưởng khối: B": role labels.
            # "Cụm thi đua số 1: A (Cụm trưởng), B (Cụm phó), C." is a list too: names that open
            # with a head, roles only in their suffixes (no "A làm Cụm trưởng" clause).
            items = listed_items(rest.strip()) if rest.strip() and starts_with_head(rest.strip()) else []
            listed = bool(items) and (re.search(r"(?i)\b(?:gồm|có)\b[^:]*:", text) or count or (
                len(items) >= 2 and all(starts_with_head(it[0]) for it in items)
                and not re.search(r"\s(?:là|làm|giữ|được)\s", rest)))
            if not rest and ROLE_RE.search(text) and text.endswith("."):
                # "Khối X (gồm 12 đơn vị) do A làm Khối trưởng, B làm Khối phó.": a heading that is a
                # sentence; its roles are read with the other sentences.
                self.sentences.append(line)
            if ROLE_RE.search(rest) and not listed:
                self.assign_roles(rest, g)
            elif listed:
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
        stated = COUNT_LINE.fullmatch(text)
        if stated and self.current is not None and not self.current.members:
            # "KHỐI THI ĐUA SỐ 1" / "(Gồm 4 đơn vị)" / "1. Sở Nội vụ …": the count on its own line
            if self.current.stated_member_count is None:
                self.current.stated_member_count = int(stated.group("n"))
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
        if unnamed and not intro and (self.last is not None or first_group_name(self.sentences, line)):
            # "… các cơ quan, đơn vị thành viên của Khối, gồm:": the group named before.
            name = self.last.name if self.last is not None else first_group_name(self.sentences, line)
            self.current = self.find_group(name) or self.open_group(display_case(name), None, None, line)
            return
        if intro and not (inline and len(split_members(inline.group("list"))) >= 2):
            name = intro.group("name")
            starts = [m.end() for m in NAME_START.finditer(name)]
            name = name[starts[-1]:] if starts else name
            g = self.find_group(name) or self.open_group(display_case(name.strip()), None,
                                                         int(intro.group("n")) if intro.group("n") else None, line)
            self.current = g  # its members follow: dash items, a list, or a table
            return
        if self.current is not None and unit_key(self.current.name) in unit_key(text) and len(text) < 160 \
                and not text.endswith("."):
            return  # a caption naming the group just opened ("Danh sách đơn vị thành viên Cụm …"), not a sentence
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
        complete_lists(self, sentences)
        # Roles second: a role sentence may come before the roster it refers to.
        complete_roles(self, sentences)
        return self.finish()

    def drop_truncated_item(self) -> None:
        """A text that stops inside a list item ("- Huyện H"): keep what is certain."""
        lines = self.doc.lines()
        if not lines:
            return
        last = lines[-1]
        if re.search(r"[.;!?…)]\s*$", last.text):
            return  # the text ends with its full stop: nothing was cut
        for g in self.groups:
            if g.members and g.members[-1]["provenance"] == last.provenance:
                name = g.members[-1]["name"]
                word = name.split()[-1] if name.split() else ""
                # A word without a vowel ("H", "Th") is a syllable cut off; "Du" or "Mê" is whole.
                if len(name.split()) > 1 and word.isalpha() and not re.search(r"(?i)[aăâeêioôơuưy]", fold_vowels(word)) \
                        and not re.fullmatch(r"[IVX]+", word) and not (len(word) > 1 and word.isupper()):  # "Sở GTVT"
                    g.members.pop()
                    g.reindex()
                    self.warnings.append(f"văn bản dừng giữa '{name}': bỏ mục này, {g.name} có thể chưa đủ")

    def finish(self) -> list[Group]:
        self.drop_truncated_item()
        groups = [g for g in self.groups if g.members or g.leader or g.deputies]
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
