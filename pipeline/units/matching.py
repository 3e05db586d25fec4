"""One folding rule for every name a person types (province, unit, group), so that 'Bac Ninh',
'bắc ninh', an NFD 'Bắc Ninh', 'tỉnh Bắc Ninh' and 'TP. Hồ Chí Minh' / 'Thành phố Hồ Chí Minh'
/ 'ho chi minh' each find what the database spells once. Used by the CLI, the canned queries
(SQL function `name_key`) and the reports."""
from __future__ import annotations

import re

from pipeline.units.normalize import fold_diacritics, nfc

# "TP." / "Tp" / "T.P" are how people shorten "Thành phố"; "TX." "Thị xã".
_SHORT_FORMS = [(re.compile(r"\bt\.?\s?p\b\.?"), "thanh pho "), (re.compile(r"\bt\.?\s?x\b\.?"), "thi xa ")]
# A province typed with its level word ("tỉnh Bắc Ninh", "thành phố Hà Nội") is the province.
_PROVINCE_LEVEL = re.compile(r"^(?:tinh|thanh pho)\s+")


def name_key(text: str | None) -> str:
    """'TP. Hồ Chí Minh' → 'thanh pho ho chi minh': NFC, no diacritics (đ → d), lower case,
    short forms spelt out, punctuation and runs of spaces folded."""
    if not text:
        return ""
    s = fold_diacritics(nfc(text))
    for pattern, full in _SHORT_FORMS:
        s = pattern.sub(full, s)
    s = re.sub(r"[^\w\s]", " ", s)
    return " ".join(s.split())


def province_key(text: str | None) -> str:
    """A province's key without its level word: 'Tỉnh Bắc Ninh', 'bac ninh' → 'bac ninh'."""
    return _PROVINCE_LEVEL.sub("", name_key(text))


def match_province(typed: str, known: list[str]) -> str | None:
    """The spelling in `known` of the province a person typed, or None when none matches."""
    want = province_key(typed)
    return next((k for k in known if province_key(k) == want), None) if want else None


_PHRASE = re.compile(r'"([^"]*)"|(\S+)')


def fts_query(typed: str | None) -> str:
    """What a person types into the search box as an FTS5 query over the folded columns: every
    word must occur, a word is also a prefix ('quyet' finds 'quyết định'), "quoted words" stay a
    phrase, and punctuation is never syntax ('138/QĐ-UBND' → 138 AND qd AND ubnd)."""
    terms = []
    for phrase, word in _PHRASE.findall(typed or ""):
        words = name_key(phrase if phrase else word).split()
        if not words:
            continue
        terms.append('"' + " ".join(words) + '"' + ("" if phrase else "*"))
    # A query with no word at all matches nothing (FTS5 refuses an empty MATCH).
    return " ".join(terms) or '"\u2400"'


def excerpt(text: str | None, typed: str | None, width: int = 60) -> str | None:
    """The stored text around the first place a typed query occurs, as written (diacritics
    kept), the match in [brackets]. Folding keeps one character per NFC character, so a
    position in the folded text is the same position in the text."""
    if not text:
        return text
    text = nfc(text)
    folded = fold_diacritics(text)
    groups = [name_key(phrase or word).split() for phrase, word in _PHRASE.findall(typed or "")]
    groups = [g for g in groups if g]
    # The whole query as one run of words if it is there ("thi đua" → "[thi đua]"), else its
    # first phrase or word that occurs.
    runs = [[w for g in groups for w in g]] + groups if groups else []
    hits = [(m.start(), m.end()) for run in runs
            for m in [re.search(r"(?<!\w)" + r"\W+".join(map(re.escape, run)), folded)] if m][:1]
    if not hits:
        return text[:width * 2].replace("\n", " ") + ("…" if len(text) > width * 2 else "")
    start, end = min(hits)
    left, right = max(0, start - width), min(len(text), end + width)
    return (("…" if left else "") + text[left:start] + "[" + text[start:end] + "]" + text[end:right]
            + ("…" if right < len(text) else "")).replace("\n", " ")
