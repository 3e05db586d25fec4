"""The report's font: DejaVu Sans (every Vietnamese letter), shipped in the package and embedded
in each page as a subset, so the HTML and its PDF show no tofu on a machine without the font.

Its metrics also size the text in the SVG charts: labels wrap where they really end.
"""
from __future__ import annotations

import base64
import io
from functools import lru_cache
from pathlib import Path

FONT_DIR = Path(__file__).parent / "fonts"
FAMILY = "QD Sans"
FILES = {False: FONT_DIR / "DejaVuSans.ttf", True: FONT_DIR / "DejaVuSans-Bold.ttf"}
VIETNAMESE = ("aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ")
BASE = set(chr(c) for c in range(0x20, 0x7F)) | set(VIETNAMESE) | set(VIETNAMESE.upper()) | set("–—…→←↔•·×✓★“”‘’«»§°№")


@lru_cache(maxsize=2)
def _font(bold: bool):
    from fontTools.ttLib import TTFont
    return TTFont(str(FILES[bold]), lazy=True)


@lru_cache(maxsize=2)
def _metrics(bold: bool) -> tuple[dict[int, int], int]:
    font = _font(bold)
    cmap, hmtx = font.getBestCmap(), font["hmtx"]
    units = font["head"].unitsPerEm
    return {cp: hmtx[name][0] for cp, name in cmap.items()}, units


def text_width(text: str, size: float, bold: bool = False) -> float:
    widths, units = _metrics(bold)
    default = widths.get(ord("n"), units // 2)
    return sum(widths.get(ord(c), default) for c in text) * size / units


def wrap(text: str, width: float, size: float, bold: bool = False, max_lines: int = 3) -> list[str]:
    """Lines of at most `width` pixels; the last one ends with … when the text is cut."""
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(lines[-1] + " " + word, size, bold) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        while lines[-1] and text_width(lines[-1] + " …", size, bold) > width:
            lines[-1] = lines[-1][:-1]
        lines[-1] = lines[-1].rstrip() + " …"
    return lines


def has_glyphs(text: str) -> set[str]:
    """The characters of `text` the font cannot draw (would be tofu); empty when all are there."""
    widths, _ = _metrics(False)
    return {c for c in text if c.strip() and ord(c) not in widths}


@lru_cache(maxsize=16)
def _subset(bold: bool, chars: frozenset[str]) -> str:
    from fontTools import subset
    options = subset.Options()
    options.layout_features = ["*"]  # keep the marks' positioning for combining diacritics
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.drop_tables += ["FFTM"]  # FontForge's timestamp: not needed, and fontTools warns about it
    font = subset.load_font(str(FILES[bold]), options)
    sub = subset.Subsetter(options)
    sub.populate(text="".join(sorted(chars)))
    sub.subset(font)
    # Its own name, so a PDF shows that the page's embedded subset was used, not a system font.
    ps = "QDSans-Bold" if bold else "QDSans"
    for rec in font["name"].names:
        if rec.nameID in (1, 16):
            rec.string = FAMILY
        elif rec.nameID in (4,):
            rec.string = FAMILY + (" Bold" if bold else "")
        elif rec.nameID == 6:
            rec.string = ps
    buf = io.BytesIO()
    font.save(buf)
    return base64.b64encode(buf.getvalue()).decode("ascii")


def _cached_subset(bold: bool, chars: frozenset[str]) -> str:
    """Subsetting takes a second or more; the same characters give the same font, so keep it."""
    import hashlib
    import os
    key = hashlib.sha256(("".join(sorted(chars)) + str(bold) + str(FILES[bold].stat().st_size)).encode()).hexdigest()[:24]
    from extractors import cache_root
    folder = cache_root() / "fonts"
    path = folder / f"{key}.b64"
    try:
        return path.read_text(encoding="ascii")
    except OSError:
        data = _subset(bold, chars)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(data, encoding="ascii")
            os.replace(tmp, path)
        except OSError:
            pass  # a read-only home: no cache, same result
        return data


def font_face_css(text: str) -> str:
    """@font-face rules embedding the subset of both weights that `text` needs (plus every
    Vietnamese letter, so text added to the page later still renders)."""
    chars = frozenset(BASE | {c for c in text if not c.isspace()})
    return "\n".join(
        f"@font-face {{ font-family: '{FAMILY}'; font-weight: {700 if bold else 400}; font-style: normal; "
        f"src: url(data:font/ttf;base64,{_cached_subset(bold, chars)}) format('truetype'); }}"
        for bold in (False, True))
