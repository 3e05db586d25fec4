"""Rosters completed from evidence that does not depend on the layout (issue 16).

The layout reader (layout.py, tables.py, sentences.py) reads headings, items and tables; what it leaves
empty or inconsistent is read here from sentences: member lists found by unit mentions
(lists.py) and roles attached by named relations (roles.py), each reading checked by the
constraints in `better_reading` and `plausible_role`.
"""
from __future__ import annotations

import re

from extractors.rosters.lexicon import head_of
from extractors.rosters.layout_words import GROUP_LABEL, display_case
from extractors.rosters.lists import ListReading, cut_at_verb, find_lists, first_group_name
from extractors.rosters.roles import ROLE_RE, complete_cut_role, find_roles
from pipeline.units.normalize import unit_key


def _resolve(finder, name: str | None, line):
    """The group a reading is about: the one it names, else the text's only group, else a
    group opened under the first name the text gives (a news item's headline)."""
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
    if name is None and ARTICLE.search(finder.doc.text or ""):
        return None  # a decision's unnamed statements: its groups are its articles' and appendix's
    named = name or first_group_name(finder.doc.lines())
    if not named:
        return None
    return finder.open_group(display_case(named.strip(" ,-–")), None, None, line)


# A group named with its number opens a clause of its own ("…; Cụm thi đua số 2 do …").
NUMBERED_GROUP = re.compile(r"(?<![Cc]ác )\b(?:Khối|Cụm|khối|cụm)\s+(?:thi\s+đua\s+)?(?:số\s+)?(?:\d{1,2}|[IVX]{1,5})\b")
ARTICLE = re.compile(r"(?m)^\s*Điều\s+1\s*[.:]")


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
    """A leader or deputy is among the members when the members are listed in full (no stated
    count, or as many as stated)."""
    complete = g.members and (g.stated_member_count is None or g.stated_member_count == len(g.members))
    return not complete or g.has_member(unit)


def group_clauses(sentence: str) -> list[tuple[str | None, str]]:
    """Per-group clauses of one sentence: "Cụm thi đua số 1 do A làm cụm trưởng, B làm cụm phó;
    Cụm thi đua số 2 do C …" → [("Cụm thi đua số 1", "…"), ("Cụm thi đua số 2", "…")]."""
    cuts = [m for m in NUMBERED_GROUP.finditer(sentence)
            if re.search(r"(?:^|[;,.:]\s*|\b(?:[Tt]heo đó|[Tt]rong đó),?\s*)$", sentence[: m.start()])]
    if len(cuts) < 2 or len({unit_key(m.group(0)) for m in cuts}) < len(cuts):
        return [(None, sentence)]  # one group, or one named twice: the sentence is one clause
    out = []
    for k, m in enumerate(cuts):
        end = cuts[k + 1].start() if k + 1 < len(cuts) else len(sentence)
        out.append((m.group(0).strip(), sentence[m.start(): end]))
    return out


def _add_claims(finder, g, claims) -> None:
    for c in claims:
        if not plausible_role(g, c.unit):
            # Listed members: the leader and deputies are among them. The claim is left out and
            # said, so a reviewer sees it (a guest's unit, a host, another year's roster).
            role = {"leader": "đơn vị trưởng", "deputy": "đơn vị phó"}.get(c.role, c.role)
            finder.warnings.append(f"'{c.unit}' đọc là {role} của {g.name} ({c.relation}) nhưng không có trong "
                                   "danh sách thành viên: bỏ qua")
            continue
        g.set_role(c.role, c.unit, c.year, c.elected)  # a later year's (or an elected) leader replaces another



def named_clauses(finder, sentence: str) -> list[tuple[str | None, str]] | None:
    """"A làm Trưởng Khối X; B làm Trưởng Khối Y": clauses split at ';' that each name another
    group already known, or None."""
    parts = [p for p in re.split(r"\s*;\s*", sentence) if p.strip()]
    if len(parts) < 2:
        return None
    groups = [finder.group_in(p) for p in parts]
    if any(g is None for g in groups) or len({id(g) for g in groups}) < len(groups):
        return None
    return [(g.name, p) for g, p in zip(groups, parts)]


def _cut_at_end(finder, sentences) -> list:
    """The document's last sentence with a role word the text stops inside completed, and said."""
    lines = finder.doc.lines()
    if not sentences or not lines or not lines[-1].text.rstrip().endswith(sentences[-1][0].rstrip()[-30:]):
        return sentences
    done = complete_cut_role(sentences[-1][0])
    if done is None:
        return sentences
    finder.warnings.append(f"văn bản dừng giữa từ chỉ vai trò: đọc '{done.split()[-2]} {done.split()[-1]}'"
                           f" cho '{sentences[-1][0][-40:].strip()}'")
    return sentences[:-1] + [(done, sentences[-1][1])]


def complete_roles(finder, sentences) -> None:
    """Roles from the relations of roles.py, for the group each clause names."""
    for sentence, line in _cut_at_end(finder, sentences):
        for name, clause in named_clauses(finder, sentence) or group_clauses(sentence):
            label = GROUP_LABEL.match(clause)
            if name is None and label and finder.group_in(clause) is None and not ROLE_RE.search(label.group("g")) \
                    and cut_at_verb(label.group("g")) == label.group("g"):
                # "- Cụm thi đua số 1: Cụm trưởng là A, Cụm phó là B." naming a group not read before
                name = label.group("g").strip()
            if not ROLE_RE.search(clause):
                continue  # no role word, no relation to read (most sentences of a year's decisions)
            claims = find_roles(clause)
            if not claims:
                continue
            g = (_resolve(finder, name, line) if name else None) or finder.group_in(clause) \
                or finder.group_before(line) or finder.last or _resolve(finder, None, line)
            if g is not None:
                _add_claims(finder, g, claims)
