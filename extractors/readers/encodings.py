"""Legacy Vietnamese font encodings (TCVN3/ABC, VNI) → Unicode.

PDFs and DOCX made with .VnTime (TCVN3) or VNI-Times fonts carry text that decodes as
Latin-1 look-alikes: "Céng hßa x· héi" is TCVN3 for "Cộng hòa xã hội", "Coäng hoøa" is VNI.
No maintained package converts them, so the tables are here.

TCVN3 has one code per lower-case letter; upper-case toned letters live in separate fonts
(.VnTimeH) that reuse the lower-case codes, so `tcvn3_to_unicode(upper=True)` is for text
known to come from such a font.
"""
from __future__ import annotations

import re
import unicodedata

# Unicode letter → TCVN3 (ABC) byte, as a character of Latin-1.
_TCVN3 = {
    "à": "µ", "á": "¸", "ả": "¶", "ã": "·", "ạ": "¹",
    "ă": "¨", "ằ": "»", "ắ": "¾", "ẳ": "¼", "ẵ": "½", "ặ": "Æ",
    "â": "©", "ầ": "Ç", "ấ": "Ê", "ẩ": "È", "ẫ": "É", "ậ": "Ë",
    "đ": "®",
    "è": "Ì", "é": "Ð", "ẻ": "Î", "ẽ": "Ï", "ẹ": "Ñ",
    "ê": "ª", "ề": "Ò", "ế": "Õ", "ể": "Ó", "ễ": "Ô", "ệ": "Ö",
    "ì": "×", "í": "Ý", "ỉ": "Ø", "ĩ": "Ü", "ị": "Þ",
    "ò": "ß", "ó": "ã", "ỏ": "á", "õ": "â", "ọ": "ä",
    "ô": "«", "ồ": "å", "ố": "è", "ổ": "æ", "ỗ": "ç", "ộ": "é",
    "ơ": "¬", "ờ": "ê", "ớ": "í", "ở": "ë", "ỡ": "ì", "ợ": "î",
    "ù": "ï", "ú": "ó", "ủ": "ñ", "ũ": "ò", "ụ": "ô",
    "ư": "\u00ad", "ừ": "õ", "ứ": "ø", "ử": "ö", "ữ": "÷", "ự": "ù",
    "ỳ": "ú", "ý": "ý", "ỷ": "û", "ỹ": "ü", "ỵ": "þ",
    "Ă": "¡", "Â": "¢", "Ê": "£", "Ô": "¤", "Ơ": "¥", "Ư": "¦", "Đ": "§",
}
_FROM_TCVN3 = {v: k for k, v in _TCVN3.items()}

# VNI: a base letter followed by mark characters (Windows-1252 look-alikes).
_TONE_VNI = {"\u0301": "ù", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0323": "ï"}
_TONE_VNI_HAT = {"\u0301": "á", "\u0300": "à", "\u0309": "å", "\u0303": "ã", "\u0323": "ä"}  # â ê ô
_TONE_VNI_BREVE = {"\u0301": "é", "\u0300": "è", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë"}  # ă
_I_VNI = {"": "i", "\u0301": "í", "\u0300": "ì", "\u0309": "æ", "\u0303": "ó", "\u0323": "ò"}


def _vni_of(letter: str) -> str:
    """VNI spelling of one Vietnamese letter (upper-case marks for upper-case letters)."""
    upper = letter.isupper()
    d = unicodedata.normalize("NFD", letter.lower())
    base, marks = d[0], d[1:]
    tone = next((m for m in marks if m in _TONE_VNI), "")
    shape = "".join(m for m in marks if m not in _TONE_VNI)
    if base == "đ":
        out = "ñ"
    elif base == "i":
        out = _I_VNI[tone]
    elif base == "y" and tone == "\u0323":
        out = "î"
    elif shape == "\u0302":  # circumflex: â ê ô
        out = base + (_TONE_VNI_HAT[tone] if tone else "â")
    elif shape == "\u0306":  # breve: ă
        out = base + (_TONE_VNI_BREVE[tone] if tone else "ê")
    elif shape == "\u031b":  # horn: ơ ư
        out = ("ô" if base == "o" else "ö") + (_TONE_VNI[tone] if tone else "")
    else:
        out = base + (_TONE_VNI[tone] if tone else "")
    return out.upper() if upper else out


def vietnamese_letters() -> list[str]:
    """All 134 lower-case and 134 upper-case Vietnamese letters with diacritics, plus đ/Đ."""
    bases = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]
    tones = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
    lower = [unicodedata.normalize("NFC", b + t) for b in bases for t in tones] + ["đ"]
    lower = [c for c in lower if c not in "aeiouy"]
    return lower + [c.upper() for c in lower]


_TO_VNI = {c: _vni_of(c) for c in vietnamese_letters()}
_FROM_VNI = sorted(((v, k) for k, v in _TO_VNI.items()), key=lambda kv: -len(kv[0]))
_VNI_RE = re.compile("|".join(re.escape(v) for v, _ in _FROM_VNI))
_VNI_MAP = dict(_FROM_VNI)


def unicode_to_tcvn3(text: str) -> str:
    return "".join(_TCVN3.get(c, _TCVN3.get(c.lower(), c)) for c in unicodedata.normalize("NFC", text))


def tcvn3_to_unicode(text: str, upper: bool = False) -> str:
    out = "".join(_FROM_TCVN3.get(c, c) for c in text)
    return out.upper() if upper else out


def unicode_to_vni(text: str) -> str:
    return "".join(_TO_VNI.get(c, c) for c in unicodedata.normalize("NFC", text))


def vni_to_unicode(text: str) -> str:
    return _VNI_RE.sub(lambda m: _VNI_MAP[m.group(0)], text)


_VIET = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯ\u1ea0-\u1ef9]")
_VIET_BEYOND_LATIN1 = re.compile(r"[ăđơưĂĐƠƯ\u1ea0-\u1ef9]")  # letters no legacy font decodes to
_LATIN1_VIET = set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")


_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def _score(converted: str) -> int:
    """How Vietnamese a decoding looks: words with one tone mark count for it; words with two
    tones, or with Latin-1 letters Vietnamese never uses, count against it."""
    score = 0
    for word in converted.split():
        tones = sum(1 for c in unicodedata.normalize("NFD", word) if c in _TONE_MARKS)
        odd = any("\u00a0" <= c <= "\u00ff" and c not in _LATIN1_VIET for c in word)
        if tones > 1 or odd:
            score -= 2
        elif _VIET.search(word):
            score += 1
    return score


def detect_legacy(text: str) -> str | None:
    """'tcvn3' or 'vni' when the text looks like a legacy font decoded as Latin-1."""
    letters = sum(1 for c in text if c.isalpha())
    unicode_only = len(_VIET_BEYOND_LATIN1.findall(text))
    if not text or (unicode_only and unicode_only >= 0.01 * letters):
        return None  # real Unicode Vietnamese: legacy fonts decode only to Latin-1
    words = max(1, len(text.split()))
    scores = {enc: _score(to_unicode(text, enc)) for enc in ("tcvn3", "vni")}
    best = max(scores, key=scores.get)
    # "UBND TP. Yên Bái" uses only Latin-1 letters and is already Vietnamese: convert only what
    # reads better converted.
    if scores[best] < max(2, 0.15 * words):
        return None
    from extractors.readers.ocr_fix import plausible
    as_is = sum(plausible(w) for w in text.split())
    return best if sum(plausible(w) for w in to_unicode(text, best).split()) > as_is else None


def to_unicode(text: str, encoding: str, upper: bool = False) -> str:
    return vni_to_unicode(text) if encoding == "vni" else tcvn3_to_unicode(text, upper)
