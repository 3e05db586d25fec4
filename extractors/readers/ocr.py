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

from PIL import Image, ImageChops

from extractors.document import Document
from extractors.readers.digits import read_hand_digits
from extractors.readers.ocr_fix import repair_line

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


def drop_red(image: Image.Image) -> Image.Image:
    """Paint the red seal and red signature ink white; text is black or blue."""
    rgb = image.convert("RGB")
    r, g, b = rgb.split()
    red = ImageChops.multiply(r.point(lambda v: 255 if v > 130 else 0),
                              ImageChops.multiply(g.point(lambda v: 255 if v < 120 else 0),
                                                  b.point(lambda v: 255 if v < 140 else 0)))
    rgb.paste((255, 255, 255), mask=red)
    return rgb.convert("L")


def ocr_words(image: Image.Image) -> list[dict]:
    """Every word Tesseract reads, with its box, confidence and line key."""
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # Tesseract's thread pool thrashes on 2 cores
    import pytesseract
    data = pytesseract.image_to_data(image, lang=LANG, output_type=pytesseract.Output.DICT)
    return [{"text": word, "conf": float(data["conf"][i]), "left": data["left"][i], "top": data["top"][i],
             "width": data["width"][i], "height": data["height"][i],
             "key": (data["block_num"][i], data["par_num"][i], data["line_num"][i])}
            for i, word in enumerate(data["text"]) if word.strip()]


def read_region(image: Image.Image, box: tuple[int, int, int, int]) -> list[dict]:
    """The words of one region read on their own (a block of text: page segmentation 6)."""
    import pytesseract
    data = pytesseract.image_to_data(image.crop(box), lang=LANG, config="--psm 6", output_type=pytesseract.Output.DICT)
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
        data = pytesseract.image_to_data(crop, lang="eng", config=f"--psm {psm} -c tessedit_char_whitelist=0123456789",
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
    data = pytesseract.image_to_data(image.crop(box), lang=LANG, config="--psm 7", output_type=pytesseract.Output.DICT)
    words = [(t, float(c)) for t, c in zip(data["text"], data["conf"]) if t.strip()]
    return words if len(words) == len(b) else None


def line_bbox(boxes: list[dict]) -> tuple[float, float, float, float]:
    """The line's box in PDF points (x0, top, x1, bottom), like pdfplumber's coordinates."""
    k = 72 / RESOLUTION
    return (round(min(w["left"] for w in boxes) * k, 1), round(min(w["top"] for w in boxes) * k, 1),
            round(max(w["left"] + w["width"] for w in boxes) * k, 1),
            round(max(w["top"] + w["height"] for w in boxes) * k, 1))


def ocr_page(page, number: int, doc: Document) -> float | None:
    """OCR one pdfplumber page into `doc`; return its mean word confidence (None if blank)."""
    from extractors.readers.ocr_table import ruled_tables, straighten
    image, has_table = straighten(drop_red(page.to_image(resolution=RESOLUTION).original))
    words = ocr_words(image)
    if not words or sum(len(w["text"]) for w in words) < 20:
        return None  # a blank back page or one with only a seal
    tables = ruled_tables(image, words, lambda box: read_region(image, box)) if has_table else []
    used = set().union(*(t["used"] for t in tables)) if tables else set()
    lines = lines_from_words([w for i, w in enumerate(words) if i not in used])
    k = 72 / RESOLUTION
    # Reading order as lines_from_words gives it (rows of 12 px, then left to right), tables at their top.
    items = [((round(l["top"] / 12), l["left"]), "line", l) for l in lines] + [
        ((round(t["top"] / 12), -1), "table", t) for t in tables]
    items.sort(key=lambda it: it[0])
    for i, (_, kind, item) in enumerate(items, start=1):
        if kind == "table":
            boxes = [[tuple(round(v * k, 1) for v in b) if b else None for b in row] for row in item["boxes"]]
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
