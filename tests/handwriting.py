"""Hand-drawn digits in several hands and inks, written into a rendered decision header.

Used to measure the hand-digit reader (extractors/readers/digits.py) on fields whose truth is
known. The digits are drawn here as pen strokes — polylines through a few control points per
digit, smoothed, then perturbed per writer (slant, size, stroke width, jitter, spacing) and
per digit — so they share nothing with the data the recogniser was trained on.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw

# Control points of each digit in a box 0.6 wide and 1 high (y grows downwards); several
# variants per digit, as people write them (open and closed 4, crossed 7, flagged 1, …).
STROKES: dict[str, list[list[list[tuple[float, float]]]]] = {
    "0": [[[(0.30, 0.0), (0.08, 0.15), (0.02, 0.5), (0.1, 0.88), (0.3, 1.0), (0.5, 0.88), (0.58, 0.5),
            (0.5, 0.12), (0.3, 0.0), (0.2, 0.06)]]],
    "1": [[[(0.3, 0.0), (0.3, 1.0)]],
          [[(0.1, 0.22), (0.35, 0.0), (0.35, 1.0)]],
          [[(0.12, 0.2), (0.35, 0.0), (0.35, 1.0)], [(0.15, 1.0), (0.55, 1.0)]]],
    "2": [[[(0.05, 0.25), (0.2, 0.02), (0.42, 0.03), (0.53, 0.22), (0.42, 0.48), (0.05, 0.98), (0.58, 0.97)]],
          [[(0.06, 0.2), (0.25, 0.0), (0.48, 0.08), (0.48, 0.35), (0.1, 0.9), (0.05, 1.0), (0.2, 0.88),
            (0.35, 0.95), (0.58, 0.98)]]],
    "3": [[[(0.05, 0.1), (0.3, 0.0), (0.5, 0.15), (0.45, 0.38), (0.22, 0.48), (0.5, 0.6), (0.56, 0.82),
            (0.35, 1.0), (0.05, 0.92)]]],
    "4": [[[(0.42, 1.0), (0.42, 0.0), (0.02, 0.68), (0.6, 0.68)]],
          [[(0.15, 0.0), (0.05, 0.62), (0.58, 0.6)], [(0.44, 0.25), (0.44, 1.0)]]],
    "5": [[[(0.52, 0.0), (0.14, 0.0), (0.1, 0.45), (0.35, 0.38), (0.55, 0.58), (0.52, 0.88), (0.3, 1.0),
            (0.05, 0.92)]],
          [[(0.14, 0.02), (0.1, 0.45), (0.35, 0.38), (0.55, 0.58), (0.52, 0.88), (0.3, 1.0), (0.05, 0.92)],
           [(0.14, 0.02), (0.58, 0.0)]]],
    "6": [[[(0.5, 0.05), (0.3, 0.0), (0.1, 0.3), (0.05, 0.7), (0.2, 1.0), (0.45, 0.95), (0.54, 0.72),
            (0.4, 0.55), (0.15, 0.58), (0.06, 0.72)]]],
    "7": [[[(0.02, 0.02), (0.58, 0.0), (0.25, 1.0)]],
          [[(0.02, 0.08), (0.1, 0.0), (0.58, 0.02), (0.22, 1.0)], [(0.14, 0.5), (0.5, 0.47)]]],
    "8": [[[(0.3, 0.47), (0.08, 0.3), (0.12, 0.05), (0.3, 0.0), (0.48, 0.07), (0.5, 0.28), (0.3, 0.47),
            (0.06, 0.7), (0.1, 0.95), (0.3, 1.0), (0.52, 0.92), (0.55, 0.7), (0.3, 0.47)]]],
    "9": [[[(0.5, 0.25), (0.35, 0.02), (0.12, 0.05), (0.05, 0.25), (0.15, 0.45), (0.4, 0.42), (0.5, 0.25),
            (0.48, 0.6), (0.42, 1.0)]]],
}

INKS = {"blue": (25, 45, 160), "black": (25, 25, 30), "purple": (95, 35, 125)}


@dataclass
class Hand:
    """One writer: how they hold the pen."""
    ink: tuple[int, int, int]
    width: int  # stroke width in pixels at 300 dpi (ballpoint ≈ 3, felt pen ≈ 8)
    slant: float  # shear: the top leans right by this fraction of the height
    jitter: float  # random displacement of control points, in digit heights
    size: float  # digit height in printed cap heights
    spacing: float  # gap between digits, in digit heights


def random_hand(rng: random.Random) -> Hand:
    return Hand(ink=INKS[rng.choice(sorted(INKS))], width=rng.randint(3, 9), slant=rng.uniform(-0.1, 0.3),
                jitter=rng.uniform(0.0, 0.035), size=rng.uniform(1.2, 1.8), spacing=rng.uniform(0.05, 0.3))


def smooth(points: list[tuple[float, float]], steps: int = 8) -> list[tuple[float, float]]:
    """A Catmull–Rom curve through the points (a pen does not draw corners everywhere)."""
    if len(points) < 3:
        return points
    pts = [points[0]] + points + [points[-1]]
    out = []
    for i in range(1, len(pts) - 2):
        p0, p1, p2, p3 = pts[i - 1], pts[i], pts[i + 1], pts[i + 2]
        for s in range(steps):
            t = s / steps
            out.append(tuple(0.5 * (2 * p1[k] + (-p0[k] + p2[k]) * t + (2 * p0[k] - 5 * p1[k] + 4 * p2[k] - p3[k]) * t * t
                                    + (-p0[k] + 3 * p1[k] - 3 * p2[k] + p3[k]) * t ** 3) for k in (0, 1)))
    out.append(points[-1])
    return out


def draw_digits(draw: ImageDraw.ImageDraw, text: str, x: float, baseline: float, cap: float,
                hand: Hand, rng: random.Random) -> float:
    """Write `text` with its left edge at x and its foot near `baseline`; return the right edge."""
    h = cap * hand.size
    for ch in text:
        variant = rng.choice(STROKES[ch])
        scale = h * rng.uniform(0.92, 1.08)
        foot = baseline + rng.uniform(-0.15, 0.1) * cap
        for stroke in variant:
            pts = [(px + rng.gauss(0, hand.jitter), py + rng.gauss(0, hand.jitter)) for px, py in stroke]
            path = [(x + (px + hand.slant * (1 - py)) * scale, foot - (1 - py) * scale) for px, py in smooth(pts)]
            draw.line(path, fill=hand.ink, width=max(1, hand.width + rng.randint(-1, 1)), joint="curve")
        x += (0.6 + hand.slant * 0.5 + hand.spacing) * scale
    return x


def shift_right(image: Image.Image, box: tuple[int, int, int, int], by: int) -> None:
    """Move the printed text in `box` right by `by` pixels (room for the hand-written digits)."""
    part = image.crop(box)
    image.paste((255, 255, 255), box)
    image.paste(part, (box[0] + by, box[1]))


def header_with_hand_digits(pdf_path, number: str, day: str, rng: random.Random, dpi: int = 300,
                            hands: tuple[Hand, Hand] | None = None) -> Image.Image:
    """The header band of a decision's first page, with the printed number and day replaced by
    hand-written ones ("Số: 47 /QĐ-UBND", "ngày 05 tháng 02 năm 2024"), as a scan at `dpi`."""
    import pdfplumber
    import pypdfium2
    k = dpi / 72
    with pdfplumber.open(str(pdf_path)) as pdf:
        page = pdf.pages[0]
        words = page.extract_words()
        chars = page.chars
    image = pypdfium2.PdfDocument(str(pdf_path))[0].render(scale=k).to_pil().convert("RGB")
    draw = ImageDraw.Draw(image)
    hand_n, hand_d = hands or (random_hand(rng), random_hand(rng))
    so = next(w for w in words if w["text"] == "Số:")
    num = next(w for w in words if "/" in w["text"] and abs(w["top"] - so["top"]) < 3)
    slash = next(c for c in chars if c["text"] == "/" and c["x0"] >= num["x0"] - 0.1 and abs(c["top"] - num["top"]) < 3)
    ngay = next(w for w in words if w["text"] == "ngày" and w["top"] < 200)
    thang = next(w for w in words if w["text"] == "tháng" and abs(w["top"] - ngay["top"]) < 3)
    line_end = max(w["x1"] for w in words if abs(w["top"] - ngay["top"]) < 3)
    cap = (so["bottom"] - so["top"]) * k * 0.72
    # The number: blank the printed digits, move "/QĐ-UBND" right, write the digits in the gap.
    start = (so["x1"] + 4) * k
    image.paste((255, 255, 255), (int(num["x0"] * k) - 2, int(num["top"] * k) - 2, int(slash["x0"] * k), int(num["bottom"] * k) + 3))
    width = len(number) * (0.6 + hand_n.slant * 0.5 + hand_n.spacing) * cap * hand_n.size * 1.08
    by = int(start + width + 0.6 * cap - slash["x0"] * k)
    shift_right(image, (int(slash["x0"] * k), int(num["top"] * k) - 4, int(num["x1"] * k) + 4, int(num["bottom"] * k) + 6), by)
    draw_digits(draw, number, start + rng.uniform(0, 0.3) * cap, num["bottom"] * k - 0.22 * cap, cap, hand_n, rng)
    # The day: the same between "ngày" and "tháng".
    printed_day = [w for w in words if abs(w["top"] - ngay["top"]) < 3 and ngay["x1"] < w["x0"] < thang["x0"]]
    for w in printed_day:
        image.paste((255, 255, 255), (int(w["x0"] * k) - 2, int(w["top"] * k) - 2, int(w["x1"] * k) + 2, int(w["bottom"] * k) + 3))
    start = (ngay["x1"] + 4) * k
    width = len(day) * (0.6 + hand_d.slant * 0.5 + hand_d.spacing) * cap * hand_d.size * 1.08
    by = int(start + width + 0.6 * cap - thang["x0"] * k)
    shift_right(image, (int(thang["x0"] * k) - 2, int(thang["top"] * k) - 6, int(line_end * k) + 4, int(thang["bottom"] * k) + 8), by)
    draw_digits(draw, day, start + rng.uniform(0, 0.3) * cap, thang["bottom"] * k - 0.25 * cap, cap, hand_d, rng)
    # Only the header band is kept: OCR of a whole page would cost a second per trial.
    top = int(max(0, min(w["top"] for w in words) - 20) * k)
    return scanned(image.crop((0, top, image.width, int((ngay["bottom"] + 45) * k))), rng)


def scanned(image: Image.Image, rng: random.Random) -> Image.Image:
    """What a scanner adds: a page turned by a fraction of a degree, blur and grain."""
    import numpy as np
    from PIL import ImageFilter
    image = image.rotate(rng.uniform(-0.4, 0.4), resample=Image.Resampling.BILINEAR, fillcolor=(255, 255, 255))
    image = image.filter(ImageFilter.GaussianBlur(rng.uniform(0.0, 1.0)))
    grain = np.random.default_rng(rng.randrange(1 << 30)).normal(0, rng.uniform(0, 10), (image.height, image.width, 1))
    return Image.fromarray(np.clip(np.asarray(image, dtype=np.float32) + grain, 0, 255).astype(np.uint8), "RGB")


def read_header(image: Image.Image, signed: str | None = None) -> dict:
    """The pipeline's reading of a scanned header band: OCR (with the hand-digit reader) and the
    finders, as for a real scan. `signed` is the ISO time of a digital signature, if any."""
    from extractors.document import Document
    from extractors.extract import extract
    from extractors.readers.ocr import ocr_page
    doc = Document(path="scanned-header.pdf", sha256="0" * 64, format="pdf", pages=1, ocr=True)
    doc.signing_times = [signed] if signed else []
    ocr_page(np.asarray(image.convert("RGB"), dtype=np.uint8), 1, doc)  # H×W×3 RGB, as pages are rendered
    return extract(doc)


def hand_digit_trials(pdf_path, count: int, seed: int) -> list[dict]:
    """`count` headers with random numbers, days and hands; each trial says what was written and
    what the pipeline read (None = left for review)."""
    from datetime import date, timedelta
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        number = str(rng.choice([rng.randint(1, 9), rng.randint(10, 99), rng.randint(100, 999)]))
        if len(number) == 1 and rng.random() < 0.5:
            number = "0" + number
        day = rng.randint(1, 28)
        written_day = f"{day:02d}" if day < 10 and rng.random() < 0.6 else str(day)
        signed = (date(2024, 2, day) + timedelta(days=rng.randint(0, 3))).isoformat() + "T10:00:00+07:00" \
            if rng.random() < 0.5 else None
        record = read_header(header_with_hand_digits(pdf_path, number, written_day, rng), signed)
        out.append({"number": number, "day": f"2024-02-{day:02d}", "signed": signed,
                    "read_number": record["number"].split("/")[0] if record["number"] else None,
                    "read_day": record["issued_date"],
                    "why": [w for w in record["warnings"] if "number" in w or "date" in w]})
    return out


def score(trials: list[dict]) -> dict:
    """Precision and recall of the number and the day over the trials."""
    out = {}
    for field, truth, got in (("number", "number", "read_number"), ("day", "day", "read_day")):
        read = [t for t in trials if t[got] is not None]
        right = [t for t in read if t[got] == t[truth]]
        out[field] = {"read": len(read), "right": len(right), "total": len(trials),
                      "precision": len(right) / len(read) if read else 1.0, "recall": len(right) / len(trials)}
    return out
