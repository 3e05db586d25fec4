"""Ruled tables on scanned pages, rebuilt from the rules drawn on the image.

Tesseract reads a table's cells as separate text lines (the number, the name and the note of
one row come out on three lines, out of order). Appendix rosters are ruled tables, so the grid
is found on the image itself: long dark runs are the rules, the bands between horizontal rules
are the rows, the vertical rules crossing a band are its cell borders (a title row spanning the
table has none inside), and each OCR word goes to the cell that holds its centre. The result is
the same `rows` a text-layer PDF gives (None under a merged cell), so the roster finders read a
scan like a born-digital appendix.
"""
from __future__ import annotations

import re

import numpy as np
from PIL import Image

from pipeline.units.names import starts_with_head

RULE_RUN = 60  # px at 300 dpi (5 mm): a shorter dark run is a letter stroke, not a rule
MIN_TABLE_WIDTH = 0.3  # of the page width
JUNK = re.compile(r"^[|\[\]_]+$")  # pieces of the rules that OCR read as characters


def _dark(gray: Image.Image) -> np.ndarray:
    """Dark pixels of a grey ('L') page: a thin rule scanned or straightened comes out grey, not black."""
    if gray.mode != "L":
        raise ValueError(f"the rule finder reads grey pages, not {gray.mode!r}")
    return np.asarray(gray, dtype=np.uint8) < 170


def _runs(mask: np.ndarray, axis: int) -> np.ndarray:
    """Pixels that start a run of RULE_RUN dark pixels along `axis` (a rule one pixel wavy,
    as a turned page straightened again leaves it, still counts)."""
    thick = mask.copy()
    if axis == 1:
        thick[1:, :] |= mask[:-1, :]
    else:
        thick[:, 1:] |= mask[:, :-1]
    mask = thick
    cs = np.cumsum(mask, axis=axis, dtype=np.int32)
    if axis == 1:
        return (cs[:, RULE_RUN:] - cs[:, :-RULE_RUN]) >= RULE_RUN
    return (cs[RULE_RUN:, :] - cs[:-RULE_RUN, :]) >= RULE_RUN


def _groups(idx: np.ndarray, gap: int = 3) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for i in idx.tolist():
        if out and i - out[-1][1] <= gap:
            out[-1] = (out[-1][0], i)
        else:
            out.append((i, i))
    return out


def _segments(flags: np.ndarray, min_len: int, gap: int = 12) -> list[tuple[int, int]]:
    return [(a, b + RULE_RUN) for a, b in _groups(np.where(flags)[0], gap) if b + RULE_RUN - a >= min_len]


def find_rules(gray: Image.Image) -> tuple[list[dict], list[dict]]:
    """Horizontal rules {y, x0, x1} and vertical rules {x, segments: [(y0, y1)]} (pixels)."""
    a = _dark(gray)
    h, w = a.shape
    hr = _runs(a, 1)
    horizontals = []
    # Rows holding a long run, grouped: a slightly skewed rule spreads over a few pixel rows.
    for y0, y1 in _groups(np.where(hr.sum(axis=1) >= RULE_RUN)[0]):
        band = hr[y0:y1 + 1].any(axis=0)
        for x0, x1 in _segments(band, int(MIN_TABLE_WIDTH * w)):
            horizontals.append({"y": (y0 + y1) / 2, "x0": x0, "x1": x1})
    vr = _runs(a, 0)
    verticals = []
    for x0, x1 in _groups(np.where(vr.sum(axis=0) >= RULE_RUN)[0]):
        col = vr[:, x0:x1 + 1].any(axis=1)
        segs = _segments(col, RULE_RUN // 2)
        if segs:
            verticals.append({"x": (x0 + x1) / 2, "segments": segs})
    return horizontals, verticals


def skew_angle(gray: Image.Image) -> float:
    """Degrees the page is turned, from the rules of its ruled tables (0 when it has none:
    a page of text is left as it is, Tesseract copes with a slight turn)."""
    return survey(gray)[0]


def survey(gray: Image.Image) -> tuple[float, bool]:
    """(skew angle, whether the page has a ruled table) from its long horizontal rules."""
    a = _dark(gray)
    hr = _runs(a, 1)
    w = a.shape[1]
    rules = []
    for y0, y1 in _groups(np.where(hr.sum(axis=1) >= RULE_RUN)[0]):
        if y1 - y0 > 80:
            continue  # a dark block, not a line
        band = hr[y0:y1 + 1]
        xs = np.where(band.any(axis=0))[0]
        if len(xs) < MIN_TABLE_WIDTH * w:
            continue
        left, right = xs[: len(xs) // 4], xs[-len(xs) // 4:]
        yl = np.nonzero(band[:, left])[0].mean() + y0
        yr = np.nonzero(band[:, right])[0].mean() + y0
        rules.append({"y": (y0 + y1) / 2, "x0": int(xs[0]), "x1": int(xs[-1]) + RULE_RUN,
                      "angle": float(np.degrees(np.arctan2(yr - yl, right.mean() - left.mean())))})
    angles = [r["angle"] for t in _tables(rules) for r in t]
    return (float(np.median(angles)) if angles else 0.0), bool(angles)


def deskew(gray: Image.Image) -> Image.Image:
    return straighten(gray)[0]


def straighten(gray: Image.Image) -> tuple[Image.Image, bool]:
    """Turn a page with a ruled table straight when it is turned by 0.3–5 degrees: the cells'
    rows must be level for the words to fall into the right cells. Also says whether the page
    has a ruled table at all (a page of text skips the table search)."""
    angle, has_table = survey(gray)
    if 0.3 <= abs(angle) <= 5:
        return gray.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255), has_table
    return gray, has_table


def _same_width(a: dict, b: dict) -> bool:
    overlap = min(a["x1"], b["x1"]) - max(a["x0"], b["x0"])
    return overlap >= 0.9 * max(a["x1"] - a["x0"], b["x1"] - b["x0"])


def _tables(horizontals: list[dict]) -> list[list[dict]]:
    """Runs of at least three horizontal rules of about the same width, one above the other."""
    out: list[list[dict]] = []
    for r in sorted(horizontals, key=lambda r: r["y"]):
        if out and _same_width(out[-1][-1], r):
            out[-1].append(r)
        else:
            out.append([r])
    return [t for t in out if len(t) >= 3]


def _crosses(v: dict, y0: float, y1: float) -> bool:
    top, bottom = y0 + (y1 - y0) * 0.25, y1 - (y1 - y0) * 0.25
    return any(a <= top and b >= bottom for a, b in v["segments"])


def _cell_text(words: list[dict]) -> str:
    lines: list[list[dict]] = []
    for wd in sorted(words, key=lambda w: w["top"] + w["height"] / 2):
        c = wd["top"] + wd["height"] / 2
        if lines and abs(c - (lines[-1][0]["top"] + lines[-1][0]["height"] / 2)) <= 0.6 * max(wd["height"], 10):
            lines[-1].append(wd)
        else:
            lines.append([wd])
    from extractors.readers.ocr_fix import split_glued
    text = "\n".join(" ".join(split_glued(w["text"]) for w in sorted(l, key=lambda w: w["left"])
                              if any(c.isalnum() for c in w["text"].replace("_", ""))) for l in lines)
    # A lone lower-case letter after a name is a speck read as a letter ("Hội Nhà báo tỉnh m"),
    # and so is a lone mark or letter before a unit's name ("Í Liên hiệp…"); only at the
    # cell's two ends, where a wrapped line ("… số / 1 Bắc Ninh") cannot be.
    text = re.sub(r"(?<=\w{2}) [a-zđ]$", "", text.strip(" |_\n"))
    text = text.strip(" |_\n,;:")
    speck = re.match(r"^(\S)\s+(.+)", text, flags=re.DOTALL)
    if speck and not speck.group(1).isdigit() and (not speck.group(1).isalnum() or starts_with_head(speck.group(2))):
        text = speck.group(2)
    return text.strip()


def _widest(band: list[dict], borders: list[float]) -> list[dict]:
    widths = [b - a for a, b in zip(borders, borders[1:])]
    widest = widths.index(max(widths))
    return [w for w in band if sum(1 for b in borders[1:-1] if w["left"] + w["width"] / 2 > b) == widest]


def _needs_second_look(band: list[dict], borders: list[float]) -> bool:
    """No text, an empty widest cell (the unit's name) or one that reads as noise rather than
    Vietnamese: Tesseract lost its way on this row of the page."""
    from extractors.readers.ocr_fix import plausible
    if not band:
        return True
    name = _widest(band, borders)
    if len(borders) > 2 and not name:
        return True
    return sum(plausible(w["text"]) for w in name) < 0.75 * len(name)


def _score(words: list[dict]) -> float:
    """Vietnamese syllables read, less noise; confidence breaks ties."""
    from extractors.readers.ocr_fix import plausible
    good = sum(plausible(w["text"]) for w in words)
    return 2 * good - (len(words) - good) + sum(max(w["conf"], 0) for w in words) / 10_000


def ruled_tables(gray: Image.Image, words: list[dict], read_region=None) -> list[dict]:
    """Tables on the page: {top, rows, confidences, boxes, used} (pixels; `used` = indexes of the
    words that went into cells). Words of the rules themselves ('|', ']') are dropped.

    Tesseract reading a whole page sometimes skips the text of a boxed row; `read_region(box)`
    (words of one image region, page coordinates) reads such a row again on its own."""
    horizontals, verticals = find_rules(gray)
    found = []
    for rules in _tables(horizontals):
        x0, x1 = min(r["x0"] for r in rules), max(r["x1"] for r in rules)
        inside = [v for v in verticals if x0 - 15 <= v["x"] <= x1 + 15]
        columns = sorted({round(v["x"]) for v in inside} | {x0, x1})
        merged: list[float] = []
        for x in columns:  # one border drawn as two close runs
            if merged and x - merged[-1] < 20:
                continue
            merged.append(x)
        columns = merged
        if len(columns) < 3:  # a framed box or a single column: not a table of cells
            continue
        rows, confs, boxes, used = [], [], [], set()
        for top, bottom in zip(rules, rules[1:]):
            y0, y1 = top["y"], bottom["y"]
            if y1 - y0 < 20:
                continue
            borders = [columns[0]] + [c for c in columns[1:-1] if any(abs(v["x"] - c) < 20 and _crosses(v, y0, y1)
                                                                     for v in inside)] + [columns[-1]]
            cells: list[list[dict]] = [[] for _ in borders[:-1]]
            in_band = [i for i, wd in enumerate(words) if y0 < wd["top"] + wd["height"] / 2 < y1
                       and borders[0] - 5 < wd["left"] + wd["width"] / 2 < borders[-1] + 5]
            used.update(in_band)
            band_words = [words[i] for i in in_band if not JUNK.match(words[i]["text"])]
            if read_region is not None and _needs_second_look(band_words, borders):
                again = [w for w in read_region((int(borders[0]) + 6, int(y0) + 5, int(borders[-1]) - 6, int(y1) - 5))
                         if not JUNK.match(w["text"])]
                if _score(again) > _score(band_words):
                    band_words = again
            for wd in band_words:
                k = sum(1 for b in borders[1:-1] if wd["left"] + wd["width"] / 2 > b)
                cells[k].append(wd)
            if not any(cells):
                continue
            row: list[str | None] = []
            row_conf: list[float | None] = []
            row_box: list[tuple | None] = []
            for k, (left, right) in enumerate(zip(borders, borders[1:])):
                span = sum(1 for c in columns if left - 10 <= c < right - 10)
                ws = cells[k]
                row.append(_cell_text(ws))
                row_conf.append(round(sum(max(w["conf"], 0) for w in ws) / len(ws), 1) if ws else None)
                row_box.append((left, y0, right, y1))
                row += [None] * (span - 1)
                row_conf += [None] * (span - 1)
                row_box += [None] * (span - 1)
            rows.append(row)
            confs.append(row_conf)
            boxes.append(row_box)
        if len(rows) >= 2:
            found.append({"top": rules[0]["y"], "bottom": rules[-1]["y"], "rows": rows, "confidences": confs,
                          "boxes": boxes, "used": used})
    return found
