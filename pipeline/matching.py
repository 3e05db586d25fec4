"""One folding rule for every name a person types (province, unit, group), so that 'Bac Ninh',
'bắc ninh', an NFD 'Bắc Ninh', 'tỉnh Bắc Ninh' and 'TP. Hồ Chí Minh' / 'Thành phố Hồ Chí Minh'
/ 'ho chi minh' each find what the database spells once. Used by the CLI, the canned queries
(SQL function `name_key`) and the reports."""
from __future__ import annotations

import re

from pipeline.normalize import fold_diacritics, nfc

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
