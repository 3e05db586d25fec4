"""Rosters: groups (cụm/khối thi đua), their members, leader and deputies (issue 16).

- layout.py (+ tables.py, sentences.py, layout_words.py): the official layouts, in reading order;
- lists.py, mentions.py, lexicon.py (+ data/): member lists from unit mentions anywhere;
- roles.py: roles attached to mentions by named relations;
- find.py: readings checked by constraints, groups resolved;
- build.py: a group being built (members counted once, in linear time).
"""
from __future__ import annotations

from extractors.document import Document
from extractors.rosters.layout import GroupFinder


def find_rosters(doc: Document) -> tuple[list[dict], list[str]]:
    finder = GroupFinder(doc)
    groups = finder.run()
    warnings = list(finder.warnings)
    out = []
    for g in groups:
        n = len(g.members)
        if g.stated_member_count is not None and g.stated_member_count != n:
            warnings.append(f"văn bản ghi {g.stated_member_count} đơn vị (stated_member_count), khác với {n} đơn vị tìm thấy trong {g.name}")
        if g.leader is None:
            warnings.append(f"văn bản không nêu đơn vị trưởng của {g.name}")
        out.append({
            "kind": g.kind, "name": g.name, "ordinal": g.ordinal,
            "members": g.members, "leader": g.leader, "deputies": g.deputies,
            "stated_member_count": g.stated_member_count, "provenance": g.provenance,
        })
    return out, warnings
