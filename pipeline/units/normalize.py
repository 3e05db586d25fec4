"""Text normalisation: NFC, modern tone placement, abbreviations, matching keys.

The as-written form is kept for display; `unit_key` gives the form used for matching.
"""
from __future__ import annotations

import re
import unicodedata

TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # huyền, sắc, ngã, hỏi, nặng

# oa/oe/uy closing a syllable: the official style puts the tone on the first vowel
# (hòa, khỏe, thủy), the "new" style on the second (hoà, khoẻ, thuỷ).
_OLD_TONE = re.compile(r"(?<![qQ])([oOuU])([aAeEyY])([\u0300\u0301\u0303\u0309\u0323])(?![\w\u0300-\u036f])")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fix_tone_placement(text: str) -> str:
    """hoà→hòa, Uỷ→Ủy, thuỷ→thủy; leaves quý, hoàng, thuyền alone."""
    d = unicodedata.normalize("NFD", text)

    def move(m: re.Match) -> str:
        first, second, tone = m.group(1), m.group(2), m.group(3)
        pair = (first.lower(), second.lower())
        if pair not in {("o", "a"), ("o", "e"), ("u", "y")}:
            return m.group(0)
        return first + tone + second

    return nfc(_OLD_TONE.sub(move, d))


def clean_spaces(text: str) -> str:
    text = text.replace("\u00a0", " ").replace("\u200b", "")
    return re.sub(r"[ \t]+", " ", text).strip()


def normalize_text(text: str) -> str:
    """What enters a Document: NFC, tone placement, single spaces."""
    return clean_spaces(fix_tone_placement(nfc(text)))


# Abbreviations as written in rosters → full form (matched as whole tokens, case-sensitive
# where the short form is upper case). Order matters: longer first.
ABBREVIATIONS: list[tuple[str, str]] = [
    (r"UBMTTQVN", "Ủy ban Mặt trận Tổ quốc Việt Nam"),
    (r"UBMTTQ", "Ủy ban Mặt trận Tổ quốc"),
    (r"MTTQVN", "Mặt trận Tổ quốc Việt Nam"),
    (r"MTTQ", "Mặt trận Tổ quốc"),
    (r"UBND", "Ủy ban nhân dân"),
    (r"HĐND", "Hội đồng nhân dân"),
    (r"ĐBQH", "Đại biểu Quốc hội"),
    (r"NN\s*(?:&|và|-)\s*PTNT", "Nông nghiệp và Phát triển nông thôn"),
    (r"PTNT", "Phát triển nông thôn"),
    (r"TN\s*(?:&|và|-)\s*MT", "Tài nguyên và Môi trường"),
    (r"GD\s*(?:&|và|-)\s*ĐT", "Giáo dục và Đào tạo"),
    (r"VH\s*,\s*TT\s*(?:&|và)\s*DL", "Văn hóa, Thể thao và Du lịch"),
    (r"LĐ\s*-\s*TB\s*(?:&|và)\s*XH", "Lao động - Thương binh và Xã hội"),
    (r"LĐTB\s*(?:&|và)\s*XH", "Lao động - Thương binh và Xã hội"),
    (r"KH\s*(?:&|và)\s*ĐT", "Kế hoạch và Đầu tư"),
    (r"TT\s*(?:&|và)\s*TT", "Thông tin và Truyền thông"),
    (r"KH\s*(?:&|và)\s*CN", "Khoa học và Công nghệ"),
    (r"GT\s*-?\s*VT", "Giao thông vận tải"),
    (r"VHTT\s*(?:&|và)\s*DL", "Văn hóa, Thể thao và Du lịch"),
    (r"BQL", "Ban Quản lý"),
    (r"KCN", "khu công nghiệp"),
    (r"HTX", "hợp tác xã"),
    (r"TNCS", "Thanh niên Cộng sản"),
    (r"TP\.", "thành phố"),
    (r"TP(?=\s+[A-ZĐ])", "thành phố"),  # "Đài PT-TH TP Cần Thơ"
    (r"TX\.", "thị xã"),
    # Banks, schools, courts and enterprises in news rosters: "CN NH BIDV", "trường CĐYT",
    # "Cục THADS tỉnh", "Bộ Chỉ huy BĐBP tỉnh", "Đài PTTH Yên Bái", "Bảo hiểm XH tỉnh".
    (r"NHCSXH", "Ngân hàng Chính sách xã hội"),
    (r"NHNN", "Ngân hàng Nhà nước"),
    (r"CN(?=\s+(?:NH|Ngân hàng)\b)", "Chi nhánh"),
    (r"NH", "Ngân hàng"),
    (r"TMCP", "Thương mại cổ phần"),
    (r"TNHH", "trách nhiệm hữu hạn"),
    (r"MTV", "một thành viên"),
    (r"DNNVV", "doanh nghiệp nhỏ và vừa"),
    (r"CĐYT", "Cao đẳng Y tế"),
    (r"ĐH", "Đại học"),
    (r"CĐ", "Cao đẳng"),
    (r"THADS", "Thi hành án dân sự"),
    (r"BĐBP", "Bộ đội Biên phòng"),
    (r"BCHQS", "Ban Chỉ huy Quân sự"),
    (r"CHQS", "Chỉ huy Quân sự"),
    (r"PT\s*-?\s*TH", "Phát thanh - Truyền hình"),
    (r"XH", "xã hội"),
]
_ABBR_RES = [(re.compile(r"(?<![\w])" + pat + r"(?![\w])"), full) for pat, full in ABBREVIATIONS]


def expand_abbreviations(text: str) -> str:
    for rx, full in _ABBR_RES:
        text = rx.sub(full, text)
    return text


def fold_diacritics(text: str) -> str:
    """'Quyết định' → 'quyet dinh' (đ folded too, which SQLite's remove_diacritics does not)."""
    d = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in d if not unicodedata.combining(c)).lower()


_PROVINCE_SUFFIX = re.compile(r"\s+(?:tỉnh|thành phố)(?:\s+[A-ZĐ]\w*(?:\s+[A-ZĐ]\w*){0,3})?$")


def unit_key(name: str, drop_province: bool = True) -> str:
    """Matching key of a unit name: expanded, lower case, tone-normalised, no punctuation.

    "Sở NN&PTNT" and "Sở Nông nghiệp và Phát triển nông thôn" share a key; so do
    "Quỹ Đầu tư phát triển tỉnh" and "Quỹ Đầu tư phát triển tỉnh Bắc Ninh".
    """
    s = expand_abbreviations(normalize_text(name))
    s = s.replace("&", " và ")
    if drop_province:
        stripped = _PROVINCE_SUFFIX.sub("", s)
        # "UBND thành phố Sầm Sơn" names a city's committee: its suffix is the unit itself.
        if not re.search(r"(?i)(?:ủy ban nhân dân|hội đồng nhân dân|^\S+)$", stripped.strip()):
            s = stripped
    s = s.lower()
    s = re.sub(r"[^\w\s]", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    if drop_province:
        s = re.sub(r"\s+(?:tỉnh|thành phố)$", "", s)
    return s


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold_diacritics(text)).strip("-")


# Words that stay lower case when an all-caps heading is put into normal case.
_LOWER_WORDS = {"tỉnh", "thành", "phố", "huyện", "quận", "thị", "xã", "phường", "thị trấn",
                "và", "của", "các", "về", "việc", "nhân", "dân", "ban", "hành"}


def heading_case(upper: str) -> str:
    """'TỈNH BẮC NINH' → 'tỉnh Bắc Ninh'; 'THÀNH PHỐ HỒ CHÍ MINH' → 'thành phố Hồ Chí Minh'."""
    words = upper.split()
    out = []
    for w in words:
        lw = w.lower()
        out.append(lw if lw in _LOWER_WORDS else lw[:1].upper() + lw[1:])
    return " ".join(out)


# Characters a reader never sees but a matcher does: zero-width spaces and joiners, the byte
# order mark, the soft hyphen, and the bidirectional controls (U+202E turns "Sở Y tế" around on
# screen while the stored bytes stay as typed). They are removed from every text read, and counted.
INVISIBLE = dict.fromkeys([0x00AD, 0x034F, 0x061C, 0x180E, *range(0x200B, 0x2010), *range(0x202A, 0x202F),
                           *range(0x2060, 0x2065), *range(0x2066, 0x206A), 0xFEFF])
# Cyrillic and Greek letters drawn like Latin ones ("Sở Nộі vụ" with a Cyrillic і): inside a word
# that also has Latin letters they are folded to the Latin letter, and counted.
CONFUSABLES = {
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T",
    "Х": "X", "У": "Y", "І": "I", "Ј": "J", "Ѕ": "S", "а": "a", "е": "e", "о": "o", "р": "p", "с": "c",
    "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "һ": "h", "ԁ": "d", "ԛ": "q", "ԝ": "w",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O",
    "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "ο": "o", "ν": "v",
}
_INVISIBLE_RE = re.compile("[" + "".join(map(chr, INVISIBLE)) + "]")
_CONFUSABLE_RE = re.compile("[" + "".join(CONFUSABLES) + "]")
_MIXED_WORD = re.compile(r"\w*[" + "".join(CONFUSABLES) + r"]\w*")


def _has_latin(word: str) -> bool:
    return any(c.isalpha() and c not in CONFUSABLES and unicodedata.name(c, "").startswith("LATIN") for c in word)


def clean_input(text: str) -> tuple[str, dict[str, int]]:
    """NFC text without invisible or bidi controls, look-alike letters folded in Latin words;
    with what was changed ({"U+202E": 1, "а→a": 2}) so the reader can say so."""
    found: dict[str, int] = {}
    if _INVISIBLE_RE.search(text):
        for c in text:
            if ord(c) in INVISIBLE:
                found[f"U+{ord(c):04X}"] = found.get(f"U+{ord(c):04X}", 0) + 1
        text = text.translate(INVISIBLE)
    text = nfc(text)

    def fold(m: re.Match) -> str:
        word = m.group(0)
        if not _has_latin(word):  # a Cyrillic or Greek word is left as written
            return word
        for c in word:
            if c in CONFUSABLES:
                key = f"{c}→{CONFUSABLES[c]}"
                found[key] = found.get(key, 0) + 1
        return "".join(CONFUSABLES.get(c, c) for c in word)
    if _CONFUSABLE_RE.search(text):
        text = nfc(_MIXED_WORD.sub(fold, text))
    return text, found


def printable_path(path: str) -> str:
    """A file name as text that can be stored and printed: bytes that are not UTF-8 (which
    Python keeps as lone surrogates) are written as \\xNN."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        import os
        return os.fsencode(path).decode("utf-8", "backslashreplace")


# Documents that set rosters; news items only report them (a roster known only from the news
# still reaches the roster, marked 'reported': pipeline.checks.roster_state).
ROSTER_TYPES = ("quyet_dinh", "cong_van")


def group_key(name: str) -> str:
    """A group's matching key: 'Khối thi đua các cơ quan nội chính' → 'khối các cơ quan nội chính'."""
    return unit_key(re.sub(r"(?i)\bthi đua\b", " ", name), drop_province=False)


def same_group(a: str, b: str) -> bool:
    """One group under two spellings ('Khối thi đua X' = 'Khối X'; a short name ends a long one)."""
    ka, kb = group_key(a), group_key(b)
    return ka == kb or (min(len(ka), len(kb)) > 12 and (ka.endswith(kb) or kb.endswith(ka)))
