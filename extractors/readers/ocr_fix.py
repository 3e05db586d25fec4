"""Diacritic repair of OCR text with the Vietnamese word list shipped with underthesea.

Tesseract often reads the right letters with the wrong tone ("bỗ nhiệm" for "bổ nhiệm").
A low-confidence syllable is changed only when it makes an unknown two-syllable sequence a
dictionary word and exactly one variant does so; anything else is left as read.
"""
from __future__ import annotations

import functools
import unicodedata
from pathlib import Path

TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
VOWELS = set("aăâeêioôơuưy")
MAX_CONF = 93.0  # words read at least this confidently are never changed


@functools.lru_cache(maxsize=1)
def dictionary() -> frozenset[str]:
    import underthesea
    path = Path(underthesea.__file__).parent / "corpus" / "data" / "Viet74K.txt"
    if not path.is_file():
        return frozenset()
    words = path.read_text(encoding="utf-8").splitlines()
    return frozenset(unicodedata.normalize("NFC", w.strip().lower()) for w in words if " " in w.strip())


@functools.lru_cache(maxsize=1)
def syllables() -> frozenset[str]:
    """Every syllable of the word list (lower case, NFC)."""
    return frozenset(s for w in dictionary() for s in w.split())


def plausible(token: str) -> bool:
    """A Vietnamese syllable, a number or an abbreviation (UBND, PTNT) — not OCR noise."""
    t = token.strip(".,;:()\"'“”-–/")
    if not t:
        return False
    if t.isdigit() or "/" in token:
        return True
    if t.isupper() and len(t) >= 2 and all(c.isalpha() and is_vietnamese_letter(c) for c in t):
        return True  # an abbreviation: UBND, PTNT, ĐBQH
    return (len(t) > 1 and t.lower() in syllables()) or not syllables()


def split_glued(token: str) -> str:
    """Syllables Tesseract glued together ("SởCông", "Thànhphố") split again, when every piece
    is a syllable of the word list; anything else is returned as it was."""
    if plausible(token) or len(token) < 4 or not token.isalpha():
        return token
    low = token.lower()
    best: dict[int, list[int]] = {0: []}  # end → cut points of the fewest pieces so far
    for end in range(1, len(low) + 1):
        for start in range(max(0, end - 7), end - 1):  # pieces of two letters or more
            if start in best and low[start:end] in syllables():
                cand = best[start] + [end]
                if end not in best or len(cand) < len(best[end]):
                    best[end] = cand
    cuts = best.get(len(low))
    if not cuts or len(cuts) < 2:
        return token
    pieces, prev = [], 0
    for c in cuts:
        pieces.append(token[prev:c])
        prev = c
    return " ".join(pieces)


def tone_variants(syllable: str) -> list[str]:
    """The syllable with each other tone, on each vowel (NFC)."""
    d = unicodedata.normalize("NFD", syllable)
    bare = "".join(c for c in d if c not in TONES[1:])
    out = set()
    for i, c in enumerate(bare):
        base = unicodedata.normalize("NFC", bare[: i + 1])[-1:].lower()
        if base in VOWELS or c.lower() in VOWELS:
            for t in TONES:
                out.add(unicodedata.normalize("NFC", bare[: i + 1] + t + bare[i + 1:]))
    out.discard(unicodedata.normalize("NFC", syllable))
    return sorted(out)


VIETNAMESE_LETTERS = set("abcdefghijklmnopqrstuvwxyzđ")


def is_vietnamese_letter(c: str) -> bool:
    base = unicodedata.normalize("NFD", c.lower())[:1]
    return base in VIETNAMESE_LETTERS


def letter_variants(syllable: str) -> list[str]:
    """The syllable with its one foreign character ('ø' in 'Nøãi') replaced by a letter."""
    bad = [i for i, c in enumerate(syllable) if c.isalpha() and not is_vietnamese_letter(c)]
    if len(bad) != 1:
        return []
    i = bad[0]
    return [syllable[:i] + c + syllable[i + 1:] for c in "abcdeghiklmnopqrstuvxyđ"]


def repair_line(words: list[tuple[str, float]]) -> list[str]:
    """Words of one OCR line with tone errors repaired where the dictionary is sure."""
    vocab = dictionary()
    texts = [w for w, _ in words]
    if not vocab:
        return texts
    strip = lambda w: w.strip(".,;:()\"'“”").lower()
    for i in range(len(texts) - 1):
        pair = f"{strip(texts[i])} {strip(texts[i + 1])}"
        if pair in vocab or not strip(texts[i]).isalpha() or not strip(texts[i + 1]).isalpha():
            continue
        fixes = []
        for j in (i, i + 1):
            core = strip(texts[j])
            foreign = letter_variants(core)
            if words[j][1] >= MAX_CONF and not foreign:
                continue
            for v in foreign or tone_variants(core):
                cand = f"{v} {strip(texts[i + 1])}" if j == i else f"{strip(texts[i])} {v}"
                if cand in vocab:
                    fixes.append((j, core, v))
        if len(fixes) == 1:
            j, core, v = fixes[0]
            w = texts[j]
            start = w.lower().find(core)
            new = v[0].upper() + v[1:] if w[start: start + 1].isupper() else v
            texts[j] = w[:start] + new + w[start + len(core):]
    return texts
