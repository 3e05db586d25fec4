"""Word classes from underthesea's POS tagger, as evidence for where a name ends (issue 16).

Used only where the words themselves are ambiguous: "tổ chức" is a noun in "Liên hiệp các tổ
chức hữu nghị tỉnh" and a verb in "… Hội Khuyến học tỉnh tổ chức ký kết"; "Khối" opens a
group's name in "Khối thi đua Nội chính" and is the group referred to in "các thành viên trong
Khối không ngừng thi đua". Unit names are full of words tagged as verbs ("Sở Giáo dục và Đào
tạo", "các sở quản lý nhà nước"), so a tag never cuts a name on its own: it only confirms or
refuses a cut the lexicon proposes. Without underthesea the lexicon decides alone.
"""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _tagger():
    try:
        from underthesea import pos_tag
    except ImportError:  # pragma: no cover - underthesea is a dependency; the rules still work
        return None
    return pos_tag


@lru_cache(maxsize=4096)
def tagged(text: str) -> tuple[tuple[int, str, str], ...]:
    """(start offset, word, tag) of each word of `text`; () when no tagger is available."""
    tag = _tagger()
    if tag is None or not text.strip():
        return ()
    out, pos = [], 0
    for word, t in tag(text):
        at = text.find(word, pos)
        if at < 0:  # the tagger rewrote the word (spacing): keep the offsets we are sure of
            continue
        out.append((at, word, t))
        pos = at + len(word)
    return tuple(out)


def tag_at(text: str, offset: int) -> str | None:
    """The tag of the word that starts at `offset` (or covers it); None when unknown."""
    for at, word, t in tagged(text):
        if at <= offset < at + len(word):
            return t
    return None


def is_noun_at(text: str, offset: int) -> bool:
    """True when the tagger reads the word at `offset` as a noun ("các tổ chức" → N)."""
    return (tag_at(text, offset) or "").startswith("N")


def opens_predicate_at(text: str, offset: int) -> bool:
    """True when the word at `offset` is an adverb, a preposition or a conjunction ("Khối không
    ngừng …", "Khối đều …"): the word before it is then a whole noun phrase, not a name's head."""
    return tag_at(text, offset) in ("R", "E", "C", "CC")
