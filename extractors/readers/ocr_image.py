"""Page images for OCR, made with every setting spelled out.

What reaches Tesseract must not depend on a library's defaults. A fresh install in December
2026 (pdfplumber 0.11.11, which came with Pillow 13.0.0) started to draw the PDF's form fields
into `page.to_image()`: the two e-signature stamps of the real scans ("Ký bởi: …", "TRUNG TÂM
CÔNG BÁO VÀ TIN HỌC", "+07:00") then came out as the page's first eleven lines. So the page is
rendered here with pypdfium2 and explicit options (the page's own content, no annotations, no
form fields, RGB byte order, no smoothing), and the colour steps are numpy arithmetic on the
pixel values, with no mode conversion whose formula a library may change.
"""
from __future__ import annotations

import numpy as np
from PIL import Image

# Red ink (the round seal, a red signature): strong red, little green and blue. Blue and black
# text stays. The same thresholds as before, now on the RGB values themselves.
RED_MIN, GREEN_MAX, BLUE_MAX = 130, 120, 140
SEAL_MM = (20, 55)  # a round seal is 30–45 mm across; red strokes outside this size are ink
CELL = 12  # px: the grid a red mark is found on


def render_page(pdf, index: int, resolution: int) -> np.ndarray:
    """Page `index` of a pypdfium2 document as an H×W×3 uint8 array in RGB order: the page's
    content only (a digital signature's stamp is an annotation, read by pyHanko instead)."""
    bitmap = pdf[index].render(scale=resolution / 72, draw_annots=False, may_draw_forms=False,
                               rev_byteorder=True, prefer_bgrx=False, grayscale=False,
                               fill_color=(255, 255, 255, 255),
                               no_smoothtext=True, no_smoothpath=True, no_smoothimage=True)
    if bitmap.mode != "RGB":
        raise ValueError(f"unexpected bitmap format {bitmap.mode!r}")
    return np.array(bitmap.to_numpy(), dtype=np.uint8, copy=True)


def luma(rgb: np.ndarray) -> np.ndarray:
    """Grey levels by ITU-R 601-2 (L = 0.299 R + 0.587 G + 0.114 B), in the integer form
    Pillow 12 used for convert("L") (weights 19595, 38470, 7471 of 65536, rounded), so the
    figures measured with it stay the same. In bands of rows: a page is 8.6 million pixels."""
    out = np.empty(rgb.shape[:2], dtype=np.uint8)
    for top in range(0, rgb.shape[0], 256):
        band = rgb[top: top + 256].astype(np.uint32)
        out[top: top + 256] = (band[..., 0] * 19595 + band[..., 1] * 38470 + band[..., 2] * 7471 + 0x8000) >> 16
    return out


def red_mask(rgb: np.ndarray) -> np.ndarray:
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    return (r > RED_MIN) & (g < GREEN_MAX) & (b < BLUE_MAX)


def drop_red(rgb: np.ndarray, red: np.ndarray | None = None) -> np.ndarray:
    """Grey page with the red seal and red signature ink painted white (text is black or blue)."""
    gray = luma(rgb)
    gray[red_mask(rgb) if red is None else red] = 255
    return gray


def gray_image(gray: np.ndarray) -> Image.Image:
    """An 'L' image of a 2-D uint8 array (checked: Tesseract and the table finder expect it)."""
    if gray.dtype != np.uint8 or gray.ndim != 2:
        raise ValueError("a grey page is a 2-D uint8 array")
    image = Image.fromarray(gray)
    if image.mode != "L":
        raise ValueError(f"unexpected image mode {image.mode!r}")
    return image


def components(ink: np.ndarray, masks: bool = True) -> list[dict]:
    """8-connected components of a boolean mask, each with its box (x0, y0, x1, y1, end exclusive),
    pixel count and, with `masks`, its own mask."""
    labels = np.zeros(ink.shape, dtype=np.int32)
    out = []
    h, w = ink.shape
    for y0, x0 in zip(*np.nonzero(ink)):
        if labels[y0, x0]:
            continue
        n = len(out) + 1
        labels[y0, x0] = n
        stack, box, area = [(y0, x0)], [x0, y0, x0, y0], 0
        while stack:
            y, x = stack.pop()
            area += 1
            box = [min(box[0], x), min(box[1], y), max(box[2], x), max(box[3], y)]
            for dy in (-1, 0, 1):
                for dx in (-1, 0, 1):
                    yy, xx = y + dy, x + dx
                    if 0 <= yy < h and 0 <= xx < w and ink[yy, xx] and not labels[yy, xx]:
                        labels[yy, xx] = n
                        stack.append((yy, xx))
        out.append({"label": n, "box": (int(box[0]), int(box[1]), int(box[2]) + 1, int(box[3]) + 1), "area": area})
    for c in out if masks else []:
        c["mask"] = labels == c["label"]
    return out


def find_seals(mask: np.ndarray, resolution: int) -> list[tuple[int, int, int, int]]:
    """Boxes (pixels: x0, top, x1, bottom) of round red seals in a red mask: a red mark about as
    wide as it is tall and 20–55 mm across. A red signature or a red underline is not one."""
    h, w = mask.shape
    hh, ww = h // CELL * CELL, w // CELL * CELL
    cells = mask[:hh, :ww].reshape(hh // CELL, CELL, ww // CELL, CELL).sum(axis=(1, 3)) >= 3
    lo, hi = (mm / 25.4 * resolution / CELL for mm in SEAL_MM)
    seals = []
    for c in components(cells, masks=False):
        c0, r0, c1, r1 = c["box"]  # in cells, end exclusive
        height, width = r1 - r0, c1 - c0
        if lo <= width <= hi and lo <= height <= hi and 0.75 <= width / height <= 1.33:
            seals.append((c0 * CELL, r0 * CELL, c1 * CELL, r1 * CELL))
    return seals


def uncompressed(image: Image.Image) -> Image.Image:
    """pytesseract hands Tesseract a temporary file, PNG unless the image says otherwise: the PNG
    compression took ~10 % of a page's OCR time. PNM (PGM/PPM) is the same pixels written as they
    are, and like a PNG without a resolution it lets Tesseract estimate the scan's dpi (BMP would
    tell it 96 dpi, PIL's default, and change what it reads)."""
    image.format = "PPM"
    return image
