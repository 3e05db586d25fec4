"""Roster tables of the official layout (issue 16: read as columns and rows of units)."""
from __future__ import annotations

import re

from extractors.document import Line
from extractors.rosters.layout_words import (COLUMN_DEPUTY, COLUMN_GROUP, COLUMN_LEADER, COLUMN_NAME,
                                             COLUMN_NOTE, COLUMN_STT, HEAD_DEPUTY, HEAD_LEADER, display_case,
                                             parse_heading)
from extractors.rosters.mentions import split_members
from pipeline.units.names import ROLE_RE, clean_item, role_of, starts_with_head


# A mark in a role column: the row's unit holds the role.
MARK = re.compile(r"[xX✓✔√•+*]")


class TableReader:
    """Appendix tables: STT | Tên đơn vị | Ghi chú, title rows spanning the table, a group column
    merged over its members, or one column per group (mixed into GroupFinder)."""

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
                        if MARK.fullmatch(row[cols[key]].strip()):
                            # "STT | Đơn vị | Khối trưởng | Khối phó" with "x" in a role column: the row's unit
                            if "name" in cols and cells[cols["name"]]:
                                self.current.set_role(key, clean_item(cells[cols["name"]])[0])
                            continue
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
            elif ("," in u or " và " in u) and sum(starts_with_head(it.name) for it in split_members(u)) >= 2:
                out.extend(it.name for it in split_members(u.rstrip(".")))  # "A, B, C và D." in one cell
            else:
                out.append(u)
        return out



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
