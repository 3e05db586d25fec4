"""A group being built: members counted once, roles by year.

Membership tests use an index of matching keys, so adding n members is linear: the old
pairwise comparison of each new member with all earlier ones took > 300 s for 50,000 units.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.units.names import bare_key, same_unit
from pipeline.units.normalize import unit_key

# same_unit() also treats "huyện Hữu Lũng" and "Hữu Lũng" as one unit: the key without its
# territorial head (and without a province's name at its end) is indexed too.


ROLE_WORD = re.compile(r"(?i)^(?:đơn\s*vị\s+)?(?:phó\s+)?(?:trưởng\s+)?(?:khối|cụm|trưởng|phó)(?:\s+(?:trưởng|phó))?"
                       r"(?:\s+(?:thi đua|\d{1,2}))?\s*[.;:]?$")


def unit_keys(name: str) -> tuple[str, str]:
    """(full key, key without a territorial head) of one spelling; see pipeline.units.names.same_unit."""
    k = unit_key(name)
    return k, bare_key(k)


class UnitIndex:
    """The units seen so far, answering 'is this one of them?' in constant time."""

    def __init__(self) -> None:
        self.full: set[str] = set()
        self.bare: set[str] = set()

    def add(self, name: str) -> None:
        k, b = unit_keys(name)
        self.full.add(k)
        if b:
            self.bare.add(b)

    def __contains__(self, name: str) -> bool:
        k, b = unit_keys(name)
        return k in self.full or (bool(b) and b in self.bare)


@dataclass
class Group:
    kind: str
    name: str
    ordinal: str | None = None
    members: list[dict] = field(default_factory=list)
    leader: str | None = None
    deputies: list[str] = field(default_factory=list)
    stated_member_count: int | None = None
    provenance: dict | None = None
    evidence: list[str] = field(default_factory=list)
    leader_year: int | None = None  # "Cụm trưởng năm 2024": the year a stated leadership is for
    leader_elected: bool = False  # stated by an election or a handover (roles.elected_at)
    deputy_years: list = field(default_factory=list)
    index: UnitIndex = field(default_factory=UnitIndex, repr=False)

    def add_member(self, name: str, line, implied: str | None = None) -> None:
        full = f"{implied} {name}" if implied else name
        if full in self.index:
            return  # repeated paragraph or the same unit in two places: count once
        m = {"name": name, "unit_id": None, "role": "member", "provenance": line.provenance}
        if implied:
            m["normalized"] = full
        self.members.append(m)
        self.index.add(full)

    def reindex(self) -> None:
        """After members were replaced or renamed in place."""
        self.index = UnitIndex()
        for m in self.members:
            self.index.add(m.get("normalized") or m["name"])

    def has_member(self, unit: str) -> bool:
        return unit in self.index

    def has_deputy(self, unit: str) -> bool:
        return any(same_unit(d, unit) for d in self.deputies)

    def set_role(self, role: str, unit: str, year: int | None = None, elected: bool = False) -> None:
        if ROLE_WORD.match(unit.strip()):
            return  # a role word or a column header ("Phó trưởng khối", "Đơn vị Trưởng") names no unit
        if role == "leader":
            # The first leader stated wins, unless a later sentence names the leader of a later
            # year ("X, Cụm trưởng năm 2023, chủ trì … Y được bầu làm Cụm trưởng năm 2024"), or
            # elects one where the first only described who chaired ("X – Cụm trưởng chủ trì hội
            # nghị … bầu cụm trưởng năm 2023 là Y"), never for an earlier year.
            later = year and self.leader_year and year > self.leader_year
            outranks = elected and not self.leader_elected and not (year and self.leader_year and year < self.leader_year)
            if self.leader is None or later or (outranks and not same_unit(self.leader, unit)):
                self.leader, self.leader_year, self.leader_elected = unit, year, elected
                if year:  # deputies stated for an earlier year go with that year's leader
                    keep = [(d, y) for d, y in zip(self.deputies, self.deputy_years) if not (y and y < year)]
                    self.deputies, self.deputy_years = [d for d, _ in keep], [y for _, y in keep]
            elif self.leader_year is None and year and same_unit(self.leader, unit):
                self.leader_year = year
        elif not any(same_unit(d, unit) for d in self.deputies):
            if year and self.leader_year and year < self.leader_year:
                return  # the deputy of an earlier year ("Năm 2023, … Khối phó là X")
            self.deputies.append(unit)
            self.deputy_years.append(year)
