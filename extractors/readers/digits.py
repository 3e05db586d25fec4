"""A second reader for the hand-written digits of the header: the number in "Số: 47 /QĐ-UBND"
and the day in "ngày 05 tháng 02 năm 2025", which clerks fill in by hand after signing.

Tesseract's Vietnamese model reads printed text; on these digits it guesses ("4†", "ngày0?",
"{Ệ"). This module looks again at the small field only:
  1. the field's box comes from the printed words around it ("Số:" … "/QĐ-…", "ngày" … "tháng");
  2. printed remnants, rules and dotted leaders are removed and the digit strokes kept
     (connected components, judged by their size against the printed line's height);
  3. two readers read the cleaned field: PP-OCRv4's recogniser (an ONNX model that ships inside
     the `rapidocr-onnxruntime` wheel; run here with onnxruntime, its output restricted to the
     ten digits) and Tesseract with a digits-only whitelist on the same cleaned crop.
The finders decide what to accept (extractors/hand_digits.py); this module only reads.
No model is downloaded: a machine without the wheel simply gets no second reading.
"""
from __future__ import annotations

import functools
import importlib.util
import math
import os
import re
from pathlib import Path

import numpy as np
from PIL import Image

from extractors.readers.ocr_image import components, uncompressed

MODEL = "ch_PP-OCRv4_rec_infer.onnx"
HEIGHT = 48  # the recogniser's input height (PaddleOCR rec_img_shape 3×48×320)
MIN_WIDTH = 320


@functools.lru_cache(maxsize=1)
def recogniser():
    """(onnxruntime session, output indices of '0'…'9') or None when the model is not installed."""
    spec = importlib.util.find_spec("rapidocr_onnxruntime")  # finds the wheel without importing it (no cv2)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "models" / MODEL
    try:
        import onnxruntime as ort
    except ImportError:
        return None
    if not path.exists():
        return None
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 1  # 2 shared cores: one thread is faster than a thrashing pool
    opts.inter_op_num_threads = 1
    opts.log_severity_level = 3
    session = ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])
    chars = session.get_modelmeta().custom_metadata_map["character"].splitlines()
    return session, [1 + chars.index(d) for d in "0123456789"]  # index 0 is CTC's blank


def ppocr_probs(crop: Image.Image) -> np.ndarray | None:
    """The recogniser's per-column character probabilities for one line image (PaddleOCR's own
    preprocessing: height 48, width by aspect, values in [-1, 1], padded to at least 320)."""
    model = recogniser()
    if model is None:
        return None
    session = model[0]
    rgb = crop.convert("RGB")
    w = max(1, math.ceil(HEIGHT * rgb.width / rgb.height))
    x = np.asarray(rgb.resize((w, HEIGHT), Image.Resampling.BILINEAR), dtype=np.float32)
    x = (x.transpose(2, 0, 1) / 255.0 - 0.5) / 0.5
    batch = np.zeros((1, 3, HEIGHT, max(w, MIN_WIDTH)), dtype=np.float32)
    batch[0, :, :, :w] = x
    return session.run(None, {session.get_inputs()[0].name: batch})[0][0]


def ppocr_digits(crop: Image.Image) -> dict | None:
    """Read a cleaned field as digits only: greedy CTC over {blank, 0–9}.
    conf = the lowest peak probability of an emitted digit (0–1); `foreign` = the highest
    probability the model gave to anything that is not a digit or blank (a crossed 7 read as '仟')."""
    probs = ppocr_probs(crop)
    if probs is None:
        return None
    ids = recogniser()[1]
    kept = probs[:, [0] + ids]  # blank, 0…9
    best = kept.argmax(axis=1)
    digits, confs, prev = [], [], 0
    for t, k in enumerate(best):
        if k and k != prev:
            digits.append(str(k - 1))
            confs.append(float(kept[t, k]))
        elif k and k == prev:
            confs[-1] = max(confs[-1], float(kept[t, k]))
        prev = k
    other = probs.copy()
    other[:, [0] + ids] = 0
    return {"digits": "".join(digits), "conf": round(min(confs), 3) if confs else 0.0,
            "foreign": round(float(other.max()), 3)}


@functools.lru_cache(maxsize=1)
def charset() -> list[str]:
    session = recogniser()[0]
    return ["", *session.get_modelmeta().custom_metadata_map["character"].splitlines(), " "]


def ppocr_text(crop: Image.Image) -> str | None:
    """The recogniser's free reading of a whole printed-and-written span ("Số:211/QĐ-UBND")."""
    probs = ppocr_probs(crop)
    if probs is None:
        return None
    chars, out, prev = charset(), [], 0
    for k in probs.argmax(axis=1):
        if k and k != prev:
            out.append(chars[k])
        prev = k
    return "".join(out)


def wide_digits(field: str, text: str | None) -> str | None:
    """The digits the free reading puts in the field: right before the symbol's slash, or between
    "ngày" and "tháng". None when that place holds anything but digits (a crossed 7 read '#')."""
    if not text:
        return None
    if field == "number":
        m = re.search(r"[:：.]?\s*(\S*?)\s*/+\s*[A-ZĐ]", text)
    else:
        m = re.search(r"(?i)y\s*(\S*?)\s*th", text)
    token = m.group(1) if m else ""
    token = re.sub(r"^\D*?(?=\d)", "", token) if field == "number" else token
    return token if token.isdigit() else None


def tesseract_digits(crop: Image.Image) -> dict | None:
    """Tesseract's reading of the same cleaned field, digits only, as one line (page segmentation 7:
    on the seven real scans it reads as many fields as modes 8 and 13 together, in one call)."""
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    import pytesseract
    data = pytesseract.image_to_data(uncompressed(crop), lang="eng", output_type=pytesseract.Output.DICT,
                                     config="--psm 7 -c tessedit_char_whitelist=0123456789")
    words = [(t.strip(), float(c)) for t, c in zip(data["text"], data["conf"]) if t.strip()]
    return {"digits": "".join(t for t, _ in words), "conf": min(c for _, c in words)} if words else None


def otsu(gray: np.ndarray) -> int:
    hist = np.bincount(gray.ravel(), minlength=256).astype(float)
    total, levels = hist.sum(), np.arange(256)
    w0 = np.cumsum(hist)
    m0 = np.cumsum(hist * levels)
    w1 = total - w0
    valid = (w0 > 0) & (w1 > 0)
    between = np.zeros(256)
    between[valid] = (m0[valid] * total - w0[valid] * m0[-1]) ** 2 / (w0[valid] * w1[valid])
    return int(between.argmax())


def digit_strokes(gray: np.ndarray, line_height: float) -> tuple[np.ndarray, list[dict]] | None:
    """The ink of hand-written digits in a field crop, without rules, dotted leaders and specks.
    A digit is as tall as the printed line or taller ("47" is written over the baseline);
    a leader dot or a speck is small in both directions; a rule is long and flat."""
    level = otsu(gray)
    if level > 200 or (gray <= level).mean() < 0.002:
        return None
    ink = gray <= min(level, 160)
    kept = []
    for c in components(ink):
        x0, y0, x1, y1 = c["box"]
        w, h = x1 - x0, y1 - y0
        if w > 1.6 * line_height and h < 0.3 * line_height:
            continue  # a rule under the header or the motto
        if max(w, h) < 0.22 * line_height or c["area"] < 0.02 * line_height ** 2:
            continue  # a leader dot, a speck, an accent of the printed word
        if x1 == gray.shape[1] and w < 0.4 * line_height:
            continue  # the slash of "/QĐ" or the "t" of "tháng" cut by the field's box
        kept.append(c)
    if not kept:
        return None
    tall = [c for c in kept if c["box"][3] - c["box"][1] >= 0.45 * line_height]
    if not tall:
        return None
    # Flags and crossbars (the top of a 5, the bar of a crossed 7) may be separate strokes:
    # keep short pieces only when they sit beside the tall ones.
    left = min(c["box"][0] for c in tall) - 0.3 * line_height
    right = max(c["box"][2] for c in tall) + 0.3 * line_height
    tall_labels = {c["label"] for c in tall}
    kept = [c for c in kept if c["label"] in tall_labels or (c["box"][0] >= left and c["box"][2] <= right)]
    mask = np.zeros(gray.shape, dtype=bool)
    for c in kept:
        mask |= c["mask"]
    return mask, tall


def upright_marks(tall: list[dict]) -> int:
    """How many separate upright marks (≈ digits) the field holds: boxes that overlap in x are one
    ("04" written joined is one mark; "11" is two)."""
    count, end = 0, -1
    for a, b in sorted((c["box"][0], c["box"][2]) for c in tall):
        if a > end - 0.3 * (b - a):
            count += 1
            end = b
        else:
            end = max(end, b)
    return count


def field_boxes(words: list[dict]) -> list[tuple[str, tuple, float, tuple]]:
    """(field, box, printed line height, box of the span with its printed words) for
    "Số: … /SYMBOL" and "ngày … tháng" on one OCR line. When Tesseract glued the digits to the
    printed word ("Số:4B", "ngày0?"), that word's own width is estimated from the line
    ("Số:" ≈ 1.3 heights of the symbol; "ngày" ≈ 0.9 widths of "tháng")."""
    texts = [w["text"].strip() for w in words]
    out = []
    if texts and re.match(r"(?i)^s[ốoô]\b", texts[0]):
        # The symbol's slash is followed by letters ("/QĐ-UBND"); a "/" at a word's end ("8/") is a
        # hand-written 7 or 1 that Tesseract took for a slash.
        slash = next((i for i, t in enumerate(texts) if re.search(r"/+[A-ZĐa-zđ]", t)), None)
        if slash is not None and (slash > 0 or texts[0].index("/") > 3):
            first, sym = words[0], words[slash]
            line_h = float(sym["height"])  # printed capitals: the hand-written digits may be taller
            x0 = first["left"] + min(first["width"], int(1.3 * line_h)) + 2
            cut = re.search(r"/+[A-ZĐa-zđ]", texts[slash]).start()
            while texts[slash][cut + 1:cut + 2] == "/":
                cut += 1  # "//QĐ-UBND": a 7 written against the slash was read as one more slash
            x1 = sym["left"] + sym["width"] * cut // max(1, len(texts[slash])) - 3
            out.append(("number", (x0, x1), line_h, (first["left"], sym["left"] + sym["width"])))
    for i, t in enumerate(texts):
        if t.lower().startswith("ngày"):
            month = next((j for j in range(i + 1, min(i + 4, len(texts))) if texts[j].lower() == "tháng"), None)
            if month is None:
                continue
            word, line_h = words[i], float(words[month]["height"])
            printed = min(word["width"], int(0.9 * words[month]["width"]))
            out.append(("day", (word["left"] + printed + 2, words[month]["left"] - 3), line_h,
                        (word["left"], words[month]["left"] + words[month]["width"])))
            break
    boxes = []
    top = min(w["top"] for w in words)
    bottom = max(w["top"] + w["height"] for w in words)
    for field, (x0, x1), h, (a, b) in out:
        if x1 - x0 > 0.3 * h:
            boxes.append((field, (x0, int(top - 0.45 * h), x1, int(bottom + 0.35 * h)), h,
                          (a - 10, int(top - 0.3 * h), b + 10, int(bottom + 0.3 * h))))
    return boxes


def read_field(image: Image.Image, box: tuple[int, int, int, int], line_height: float,
               known: str | None = None) -> dict:
    """Both readings of one cleaned field, with what the segmentation saw. Tesseract (a process
    of its own, ~0.2 s) is asked only when PP-OCR does not already agree with `known`, the
    digits-only second pass."""
    x0, y0, x1, y1 = (max(0, box[0]), max(0, box[1]), min(image.width, box[2]), min(image.height, box[3]))
    gray = np.asarray(image.crop((x0, y0, x1, y1)).convert("L"), dtype=np.uint8)
    got = digit_strokes(gray, line_height)
    if got is None:
        return {"strokes": False}
    mask, tall = got
    ys, xs = np.nonzero(mask)
    pad = int(0.25 * line_height)
    clean = np.full((ys.max() - ys.min() + 1 + 2 * pad, xs.max() - xs.min() + 1 + 2 * pad), 255, dtype=np.uint8)
    clean[ys - ys.min() + pad, xs - xs.min() + pad] = 0
    crop = Image.fromarray(clean, "L")
    pp = ppocr_digits(crop)
    agreed = pp and known and pp["digits"].lstrip("0") and pp["digits"].lstrip("0") == known.lstrip("0")
    return {"strokes": True, "marks": upright_marks(tall), "ppocr": pp, "tesseract": None if agreed else tesseract_digits(crop),
            "box": [x0 + int(xs.min()), y0 + int(ys.min()), x0 + int(xs.max()) + 1, y0 + int(ys.max()) + 1]}


def signing_bound(signing_times: list[str] | None) -> str | None:
    """The first digital signature's day (ISO): the day written by hand cannot be after it."""
    return min(signing_times)[:10] if signing_times else None


def printed_month(text: str) -> str | None:
    """'… tháng 01 năm 2025' → '2025-01' (OCR's O, I, l read as the digits they stand for)."""
    m = re.search(r"tháng\s*(\S{1,3})\s+năm\s+(\S{4})", text)
    if not m:
        return None
    month, year = (g.translate(str.maketrans("OoIl|", "00111")) for g in m.groups())
    if not (month.isdigit() and year.isdigit() and 1 <= int(month) <= 12):
        return None
    return f"{int(year):04d}-{int(month):02d}"


def settled(second: dict, words: list[dict], field: str) -> bool:
    """Tesseract's own word is a clean number and its digits-only pass says the same, both with
    confidence ≥ 90: no need for a second reader. (Two Tesseract readings that agree at lower
    confidence are no proof: a flagged 1 is read "7" by both.)"""
    texts = [w["text"].strip() for w in words]
    if field == "number":
        token = re.sub(r"(?i)^s[ốoô]\s*[:.]?", "", " ".join(texts)).split("/")[0].strip()
    else:
        m = re.search(r"(?i)ngày\s*(\S*?)\s*tháng", " ".join(texts))
        token = m.group(1) if m else ""
    confs = [w["conf"] for w in words if w["text"].strip() and w["text"].strip() in token]
    return token.isdigit() and bool(confs) and min(confs) >= 90 and second.get("conf", 0) >= 90 \
        and (second.get("digits") or "").lstrip("0") == token.lstrip("0")


def read_hand_digits(image: Image.Image, line: dict, second: dict | None,
                     signing_times: list[str] | None = None) -> dict | None:
    """The second pass of a header line, with this reader's readings added under "hand".
    Runs only on a number or day field whose Tesseract reading is missing or doubtful, so the
    cost stays at two small crops of page 1."""
    if not second or second.get("field") not in ("number", "day") or settled(second, line["boxes"], second["field"]):
        return second
    if recogniser() is None:  # no wheel, no second reader: the digits-only pass alone, as before
        return second
    for field, box, h, span in field_boxes(line["boxes"]):
        if field == second["field"]:
            reading = read_field(image, box, h, second.get("digits"))
            text = ppocr_text(image.crop(span))  # read with its printed words: a cut digit shows here
            reading.update(wide=text, wide_digits=wide_digits(field, text), bound=signing_bound(signing_times),
                           printed=printed_month(line["text"]))
            return {**second, "hand": reading}
    return second
