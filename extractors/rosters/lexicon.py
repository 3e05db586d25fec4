"""The roster lexicon: head words that open a unit name, and full names whose commas or "và"
belong to the name. Both are data (extractors/rosters/data/*.txt), read once."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from pipeline.units.normalize import fold_diacritics

DATA = Path(__file__).parent / "data"

# Words a capitalised head also starts that are not units ("Hội nghị", "Ban hành", "Đoàn kết").
NOT_HEADS = re.compile(r"^(?:(?i:xã hội)|Hội đồng(?! Liên minh)|Hội nghị|Hội trường|Hội thi|Hội thao|Hội diễn|"
                       r"Ban hành|Ban chấp hành|Ban [Tt]ổ chức(?! Tỉnh| Thành| Huyện)|Đoàn kết|Đội ngũ|Khu vực|"
                       r"(?i:ban,|sở,|ngành)|(?i:các\s))")


def _lines(name: str) -> list[str]:
    return [l for l in (DATA / name).read_text(encoding="utf-8").splitlines() if l.strip() and not l.startswith("#")]


@lru_cache(maxsize=1)
def heads() -> dict[str, set[str]]:
    """head → flags ("cased", "share")."""
    out = {}
    for l in _lines("heads.txt"):
        head, _, flags = l.partition("\t")
        out[head.strip()] = set(flags.split())
    return out


@lru_cache(maxsize=2)
def head_re(any_case: bool) -> re.Pattern:
    """A head at the start of a text. In a list (any_case) "sở LĐTB&XH", "ban Dân tộc",
    "trường CĐ Cần Thơ" are units too; in running text only the capitalised forms are."""
    cased = [h for h, f in heads().items() if "cased" in f and not any_case]
    free = [h for h, f in heads().items() if any_case or "cased" not in f]
    alts = []
    if cased:
        alts.append("(?:" + "|".join(re.escape(h) for h in sorted(cased, key=len, reverse=True)) + ")")
    alts.append("(?i:" + "|".join(re.escape(h) for h in sorted(free, key=len, reverse=True)) + ")")
    return re.compile(r"^(?P<head>" + "|".join(alts) + r")(?=[\s\d,.;:)(]|$)")


def head_of(text: str, any_case: bool = False) -> str | None:
    t = text.strip()
    if NOT_HEADS.match(t):
        return None
    m = head_re(any_case).match(t)
    return m.group("head") if m else None


def shareable(head: str) -> bool:
    """Heads one list shares ("các sở: Nội vụ, Tư pháp", "Huyện ủy A, B")."""
    for h, f in heads().items():
        if h.lower() == head.lower() and "share" in f:
            return True
    return False


@lru_cache(maxsize=1)
def inner_names() -> re.Pattern:
    """Full names with a comma, dash or "và" inside, case-insensitive."""
    names = sorted(_lines("names.txt"), key=len, reverse=True)
    return re.compile("|".join(re.escape(n) for n in names), re.IGNORECASE)


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    return frozenset(_lines("surnames.txt"))


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Folded short and full names of every district (before July 2025) and every ward or
    commune (after), from vietnamadminunits through pipeline.units.territory."""
    from pipeline.units.territory import districts, legacy_provinces, new_provinces, wards
    out: set[str] = set()
    for p in legacy_provinces().values():
        out |= set(districts(p))
    for p in new_provinces().values():
        out |= set(wards(p))
    return frozenset(out)


def is_place(name: str) -> bool:
    return " ".join(fold_diacritics(name).replace("-", " ").split()) in place_names()


def looks_like_person(name: str) -> bool:
    """"Nguyễn Văn An", "Trần Thị Bình": a family name and one to three given names."""
    words = name.split()
    return 2 <= len(words) <= 4 and words[0] in surnames() and not is_place(name)
