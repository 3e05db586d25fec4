"""OCR of page images with Tesseract's Vietnamese model (through pytesseract).

Only pages without a usable text layer come here. Each OCR line keeps its words with their
confidences so finders can refuse a hand-written number that Tesseract only guessed.
"""
from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess

import numpy as np
from PIL import Image

from extractors.document import Document
from extractors.readers.digits import read_hand_digits
from extractors.readers.ocr_fix import repair_line
from extractors.readers.ocr_image import drop_red, find_seals, gray_image, red_mask, uncompressed
from extractors.readers.stamps import split_stamps, stamp_evidence

RESOLUTION = 300
LANG = "vie"
COLUMN_GAP_HEIGHTS = 1.2  # a gap wider than this many word heights separates two columns


# Frequent misreadings of the fixed words of the official layout (ND30 header and titles).
LAYOUT_FIXES = [(re.compile(p), r) for p, r in [
    (r"\bT[ÍĨI]NH\b", "TỈNH"), (r"\bC[ỘỌO]NG\s+H[OÒ][AÀ]\b", "CỘNG HÒA"), (r"\bQUY[ÉỀE]T ĐỊNH\b", "QUYẾT ĐỊNH"),
    (r"\bCHU TỊCH\b", "CHỦ TỊCH"), (r"\bCH[ÍI] ĐẠO\b", "CHỈ ĐẠO"), (r"^TM\.\s*UY BAN NHAN DAN$", "TM. ỦY BAN NHÂN DÂN"), (r"\bCH[ÓO]NG\b", "CHỐNG"), (r"^V[àa] việc\b", "Về việc"),
    (r"Ð", "Đ"), (r"ð", "đ"), (r"Đ{2,}", "Đ"), (r"\b[ƯỦ]BND\b", "UBND"),
]]


def fix_layout_words(text: str) -> str:
    for rx, rep in LAYOUT_FIXES:
        text = rx.sub(rep, text)
    return text


@functools.lru_cache(maxsize=1)
def tesseract_ready() -> str | None:
    """None when OCR can run, else a one-line reason."""
    exe = shutil.which("tesseract")
    if not exe:
        return "Tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-vie)"
    try:
        langs = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=20).stdout.split()
    except (OSError, subprocess.SubprocessError) as e:
        return f"Tesseract does not run ({e})"
    if LANG not in langs:
        return "Tesseract has no Vietnamese model (apt-get install tesseract-ocr-vie)"
    try:
        import pytesseract  # noqa: F401
    except ImportError:
        return "pytesseract is not installed"
    return None


def ocr_words(image: Image.Image) -> list[dict]:
    """Every word Tesseract reads, with its box, confidence and line key."""
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # Tesseract's thread pool thrashes on 2 cores
    import pytesseract
    data = pytesseract.image_to_data(uncompressed(image), lang=LANG, output_type=pytesseract.Output.DICT)
    return [{"text": word, "conf": float(data["conf"][i]), "left": data["left"][i], "top": data["top"][i],
             "width": data["width"][i], "height": data["height"][i],
             "key": (data["block_num"][i], data["par_num"][i], data["line_num"][i])}
            for i, word in enumerate(data["text"]) if word.strip()]


def read_region(image: Image.Image, box: tuple[int, int, int, int]) -> list[dict]:
    """The words of one region read on their own (a block of text: page segmentation 6)."""
    import pytesseract
    data = pytesseract.image_to_data(uncompressed(image.crop(box)), lang=LANG, config="--psm 6", output_type=pytesseract.Output.DICT)
    return [{"text": word, "conf": float(data["conf"][i]), "left": data["left"][i] + box[0],
             "top": data["top"][i] + box[1], "width": data["width"][i], "height": data["height"][i],
             "key": ("region", box, data["line_num"][i])}
            for i, word in enumerate(data["text"]) if word.strip()]


def lines_from_words(words: list[dict]) -> list[dict]:
    """Text lines (split into columns at wide gaps) with their words and confidences."""
    lines: dict[tuple, list[dict]] = {}
    for w in words:
        lines.setdefault(w["key"], []).append(w)
    out = []
    for words in lines.values():
        words.sort(key=lambda w: w["left"])
        parts = [[words[0]]]
        for prev, w in zip(words, words[1:]):
            gap = w["left"] - (prev["left"] + prev["width"])
            if gap > COLUMN_GAP_HEIGHTS * max(prev["height"], w["height"], 10):
                parts.append([])
            parts[-1].append(w)
        for p in parts:
            out.append({"text": " ".join(w["text"] for w in p), "top": min(w["top"] for w in p),
                        "left": p[0]["left"], "conf": sum(w["conf"] for w in p) / len(p),
                        "words": [(w["text"], w["conf"]) for w in p], "boxes": p})
    out.sort(key=lambda l: (round(l["top"] / 12), l["left"]))
    return out


def ocr_lines(image: Image.Image) -> list[dict]:
    return lines_from_words(ocr_words(image))


def read_digits(image: Image.Image, box: tuple[int, int, int, int]) -> tuple[str, float] | None:
    """Second look at a field that should hold only digits (a hand-written number or day)."""
    import pytesseract
    crop = image.crop(box)
    best = None
    for psm in (7, 8):
        data = pytesseract.image_to_data(uncompressed(crop), lang="eng", config=f"--psm {psm} -c tessedit_char_whitelist=0123456789",
                                         output_type=pytesseract.Output.DICT)
        words = [(t, float(c)) for t, c in zip(data["text"], data["conf"]) if t.strip()]
        if words:
            got = ("".join(t for t, _ in words), min(c for _, c in words))
            if best is None or got[1] > best[1]:
                best = got
    return best


def field_box(words: list[dict], start: int, end: int, pad: int = 12) -> tuple[int, int, int, int] | None:
    """The box between the right edge of word `start` and the left edge of word `end`."""
    if start < 0 or end >= len(words) or end <= start:
        return None
    a, b = words[start], words[end]
    top = min(w["top"] for w in words[start:end + 1]) - pad
    bottom = max(w["top"] + w["height"] for w in words[start:end + 1]) + pad
    return a["left"] + a["width"] + 2, max(0, top), b["left"] + (0 if end > start + 1 else b["width"] // 4), bottom


def second_pass(image: Image.Image, line: dict) -> dict | None:
    """Hand-written parts of the printed 'Số: …/QĐ-…' and 'ngày … tháng' fields, read again
    as digits only. The finders weigh both readings (a wrong number is worse than none)."""
    words = line["boxes"]
    texts = [w["text"] for w in words]
    if texts and re.match(r"(?i)^số\s*[:.]", texts[0]):
        slash = next((i for i, t in enumerate(texts) if "/" in t), None)
        if slash is not None:
            first = words[0]
            if len(texts[0].rstrip(":.")) > 2 and ":" in texts[0][:-1]:  # "Số:4B" read as one word
                cut = (texts[0].index(":") + 1) / len(texts[0])
                first = dict(first, width=int(first["width"] * cut))
            box = field_box([first] + words[1:], 0, slash)
            if box and box[2] > box[0] + 5:
                got = read_digits(image, box)
                return {"field": "number", "digits": got[0], "conf": got[1]} if got else {"field": "number"}
    for i, t in enumerate(texts):
        if t.lower().startswith("ngày") and i + 1 < len(texts):
            month = next((j for j in range(i + 1, min(i + 4, len(texts))) if texts[j].lower() == "tháng"), None)
            if month is not None:
                left = dict(words[i], width=int(words[i]["width"] * (4 / max(len(t), 4))))
                box = field_box([left] + words[i + 1:month + 1], 0, month - i)
                if box and box[2] > box[0] + 5:
                    got = read_digits(image, box)
                    return {"field": "day", "digits": got[0], "conf": got[1]} if got else {"field": "day"}
    return None


def looks_like_name(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 5 and all(w.isalpha() and w[:1].isupper() and w[1:].islower() for w in words)


def reread_line(image: Image.Image, line: dict) -> list[tuple[str, float]] | None:
    """Read one line again on its own (page segmentation 7): Tesseract places tone marks
    better on a lone line, which matters for the signer's and other persons' names."""
    import pytesseract
    b = line["boxes"]
    box = (max(0, min(w["left"] for w in b) - 20), max(0, min(w["top"] for w in b) - 20),
           max(w["left"] + w["width"] for w in b) + 20, max(w["top"] + w["height"] for w in b) + 20)
    data = pytesseract.image_to_data(uncompressed(image.crop(box)), lang=LANG, config="--psm 7", output_type=pytesseract.Output.DICT)
    words = [(t, float(c)) for t, c in zip(data["text"], data["conf"]) if t.strip()]
    return words if len(words) == len(b) else None


def line_bbox(boxes: list[dict]) -> tuple[float, float, float, float]:
    """The line's box in PDF points (x0, top, x1, bottom), like pdfplumber's coordinates."""
    return (points(min(w["left"] for w in boxes)), points(min(w["top"] for w in boxes)),
            points(max(w["left"] + w["width"] for w in boxes)), points(max(w["top"] + w["height"] for w in boxes)))


def points(px: float) -> float:
    """Pixels of the page image in PDF points."""
    return round(px * 72 / RESOLUTION, 1)


def _box(words: list[dict], pad: int = 0) -> tuple[int, int, int, int]:
    return (min(w["left"] for w in words) - pad, min(w["top"] for w in words) - pad,
            max(w["left"] + w["width"] for w in words) + pad, max(w["top"] + w["height"] for w in words) + pad)


def read_without_stamps(image: Image.Image) -> tuple[Image.Image, list[dict], list[list[dict]]]:
    """(image, the document's words, the stamps' lines) of a page. A stamp drawn into the image
    also upsets Tesseract's reading of the header beside it ("Sô:4`" for "Số: 46"), so when
    there is one it is painted white, except where the document's own lines lie, and the
    page is read again."""
    words = ocr_words(image)
    kept, stamps = split_stamps(lines_from_words(words))
    if not stamps:
        return image, words, stamps
    erase = np.zeros((image.height, image.width), dtype=bool)
    for stamp in stamps:
        for line in stamp:
            x0, y0, x1, y1 = _box(line["boxes"], pad=6)
            erase[max(0, y0):y1, max(0, x0):x1] = True
    for line in kept:  # a stamp over the header must not take the tone marks of "CỘNG HÒA" with it
        x0, y0, x1, y1 = _box(line["boxes"])
        erase[max(0, y0):y1, max(0, x0):x1] = False
    gray = np.array(image, dtype=np.uint8)
    gray[erase] = 255
    image = gray_image(gray)
    # What is left of a stamp goes too: small or unsure lines in its box, lines that read as one.
    words = ocr_words(image)
    seeds = [_box([w for line in s for w in line["boxes"]]) for s in stamps]
    _, rests = split_stamps(lines_from_words(words), seeds=seeds)
    rest = {id(w) for s in rests for line in s for w in line["boxes"]}
    return image, [w for w in words if id(w) not in rest], stamps


def ocr_page(rgb: np.ndarray, number: int, doc: Document) -> float | None:
    """OCR one page image (H×W×3 RGB, RESOLUTION dpi) into `doc`; return its mean word
    confidence (None if blank). Seals and e-signature stamps go to `doc.stamps`, not the text."""
    from extractors.readers.ocr_table import ruled_tables, straighten
    red = red_mask(rgb)
    doc.stamps += [{"kind": "seal", "page": number, "bbox": [points(v) for v in box]} for box in find_seals(red, RESOLUTION)]
    image, has_table = straighten(gray_image(drop_red(rgb, red)))
    # Stamps first: their lines must not become the page's first lines, nor fill the header window.
    image, words, stamps = read_without_stamps(image)
    doc.stamps += [stamp_evidence(s, number, points) for s in stamps]
    if not words or sum(len(w["text"]) for w in words) < 20:
        return None  # a blank back page, or one with only a seal or a stamp
    tables = ruled_tables(image, words, lambda box: read_region(image, box)) if has_table else []
    used = set().union(*(t["used"] for t in tables)) if tables else set()
    lines = lines_from_words([w for i, w in enumerate(words) if i not in used])
    # Reading order as lines_from_words gives it (rows of 12 px, then left to right), tables at their top.
    items = [((round(l["top"] / 12), l["left"]), "line", l) for l in lines] + [
        ((round(t["top"] / 12), -1), "table", t) for t in tables]
    items.sort(key=lambda it: it[0])
    for i, (_, kind, item) in enumerate(items, start=1):
        if kind == "table":
            boxes = [[tuple(points(v) for v in b) if b else None for b in row] for row in item["boxes"]]
            doc.add_table(item["rows"], page=number, line=i, confidences=item["confidences"], boxes=boxes)
            continue
        line = item
        if looks_like_name(line["text"]):
            again = reread_line(image, line)
            if again and looks_like_name(" ".join(w for w, _ in again)):
                line["words"] = again
        extra = second_pass(image, line) if number == 1 and i <= 12 else None
        extra = read_hand_digits(image, line, extra, doc.signing_times)  # HOOK issue 15.5: second reader of hand-written digits
        text = fix_layout_words(" ".join(repair_line(line["words"])))
        doc.add_paragraph(text, page=number, line=i, confidence=line["conf"], words=line["words"],
                          second_pass=extra, bbox=line_bbox(line["boxes"]))
    confs = [w["conf"] for w in words]
    return sum(confs) / len(confs)
