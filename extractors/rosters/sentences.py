"""Role lines of the layout reader ("+ Cụm trưởng: X", "Khối X: Trưởng khối: A; Phó Trưởng khối: B")
and the lookups that find the group a sentence is about. Roles and lists inside running
sentences are read by roles.py and lists.py (find.py)."""
from __future__ import annotations

import re

from extractors.document import Line
from extractors.rosters.build import Group
from extractors.rosters.mentions import split_members
from extractors.rosters.roles import complete_cut_role
from extractors.rosters.layout_words import AFTER_NAME, NOT_A_UNIT, group_words, unit_before
from pipeline.units.names import ROLE_RE, clean_item, role_of, split_and, starts_with_head
from pipeline.units.normalize import unit_key


class SentenceReader:
    """Role lines and group lookups of the layout reader (mixed into GroupFinder)."""

    def add_items(self, g: Group, items: list[tuple[str, str | None, str | None]], line: Line) -> None:
        for it_name, role, implied in items:
            g.add_member(it_name, line, implied)
            if role:
                g.set_role(role, f"{implied} {it_name}" if implied else it_name)
        self.current = None

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
        done = None if matches else complete_cut_role(text)  # "… được phân công là đơn vị Trưởng kh"
        if done is not None:
            self.warnings.append(f"từ chỉ vai trò bị cắt ở cuối văn bản: đọc '{done[-20:].strip()}'")
            text, matches = done, list(ROLE_RE.finditer(done))
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
                parts = [it.name for it in split_members(seg)] if role == "deputy" and "," in seg else [clean_item(seg)[0]]
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
