"""Rosters completed from evidence that does not depend on the layout (issue 16).

The layout reader (extractors/groups.py) reads headings, items and tables; what it leaves
empty or inconsistent is read here from sentences: member lists found by unit mentions
(lists.py) and roles attached by named relations (roles.py), each reading checked by the
constraints in `better_reading` and `plausible_role`.
"""
from __future__ import annotations

import re

from extractors.rosters.lexicon import head_of
from extractors.rosters.lists import GROUP, GROUP_TAIL, ListReading, find_lists
from extractors.rosters.roles import find_roles
from pipeline.normalize import unit_key


def _resolve(finder, name: str | None, line):
    """The group a reading is about: the one it names, else the text's only group, else a
    group opened under the first name the text gives (a news item's headline)."""
    from extractors.groups import display_case
    if name:
        g = finder.find_group(name) or finder.group_in(name)
        if g is not None:
            return g
        # "Khối thi đua các Sở" for "Khối thi đua các Sở, ngành kinh tế": a name cut at its comma.
        key = unit_key(name)
        starts = [g for g in finder.groups if unit_key(g.name).startswith(key)]
        if len(starts) == 1:
            return starts[0]
    live = [g for g in finder.groups if g.members or g.leader]
    if not name and len(live) == 1:
        return live[0]
    if not name and len(finder.groups) == 1:
        return finder.groups[0]
    if finder.groups and name is None:
        return None  # several groups and the sentence names none: not ours to guess
    if ARTICLE.search(finder.doc.text or ""):
        return None  # a decision's groups are its articles' and appendix's, read by the layout reader
    named = name or first_group_name(finder.doc.lines())
    if not named:
        return None
    return finder.open_group(display_case(named.strip(" ,-–")), None, None, line)


ARTICLE = re.compile(r"(?m)^\s*Điều\s+1\s*[.:]")


def first_group_name(lines) -> str | None:
    """The first "Khối/Cụm thi đua X" a text names (a news item's headline or caption)."""
    for line in lines:
        for m in GROUP.finditer(line.text):
            if re.search(r"(?i)thi đua|\bsố\s+\d|\b[IVX]+$", m.group(0)):
                return (m.group(0) + coordinated_kinds(m.group(0), line.text[m.end():])).strip(" -–")
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


def _score(n: int, implausible: int, count: int | None) -> tuple:
    """Constraints a reading satisfies: its stated count, then no implausible member, then size."""
    return (count is not None and n == count, -implausible, n)


def glued(name: str) -> bool:
    """Two units read as one: "Đà Lạt và Bảo Lộc", "Ngân hàng Nhà nước và các NH thương mại"."""
    parts = re.split(r"\s+và\s+", name)
    if len(parts) < 2:
        return False
    if not head_of(name, any_case=True):
        return True
    return any(head_of(re.sub(r"^các\s+", "", p), any_case=True) for p in parts[1:])


def better_reading(g, reading: ListReading, line) -> bool:
    """Replace what the layout reader found only when this reading satisfies more constraints
    and the old members came from this same line (never a table or a heading's items)."""
    if not g.members:
        return True
    if any(m["provenance"] != line.provenance for m in g.members):
        return False
    count = reading.count or g.stated_member_count
    old = _score(len(g.members), sum(glued(m["name"]) for m in g.members), count)
    new = _score(len(reading.items), sum(not it.plausible for it in reading.items), count)
    return new > old


def _known(finder, reading: ListReading):
    """A group already holding most of the reading's units (the same roster read twice)."""
    for g in finder.groups:
        if g.members and sum(g.has_member(it.name) for it in reading.items) >= 0.5 * len(reading.items):
            return g
    return None


def complete_lists(finder, sentences) -> None:
    for sentence, line in sentences:
        for reading in find_lists(sentence):
            g = _known(finder, reading) or _resolve(finder, reading.group, line)
            if g is None or not better_reading(g, reading, line):
                continue
            g.members = []
            g.reindex()
            if reading.count is not None and g.stated_member_count is None:
                g.stated_member_count = reading.count
            for it in reading.items:
                g.add_member(it.name, line, it.implied)
                if it.role:
                    g.set_role(it.role, f"{it.implied} {it.name}" if it.implied else it.name)


def plausible_role(g, unit: str) -> bool:
    """A leader or deputy is among the members when members are listed."""
    return not g.members or g.has_member(unit)


def complete_roles(finder, sentences) -> None:
    """Roles the layout reader left empty, from the relations of roles.py."""
    for sentence, line in sentences:
        claims = find_roles(sentence)
        if not claims:
            continue
        g = finder.group_in(sentence) or finder.group_before(line) or finder.last
        if g is None:
            g = _resolve(finder, None, line)
        if g is None:
            continue
        for c in claims:
            if not plausible_role(g, c.unit):
                continue
            if c.role == "leader" and g.leader is None:
                g.set_role("leader", c.unit, c.year)
            elif c.role == "deputy" and not g.deputies and not any(
                    x.role == "deputy" and x.unit == c.unit and x is not c for x in claims[:0]):
                g.set_role("deputy", c.unit, c.year)
            elif c.role == "deputy" and g.deputies and c.unit not in g.deputies and \
                    any(x.role == "deputy" and x.unit in g.deputies for x in claims):
                g.set_role("deputy", c.unit, c.year)  # the other deputies of the same sentence
