"""Cost of the hand-digit reader (extractors/readers/digits.py) beside the rest of the OCR.

    .venv/bin/python bench/hand_digits_bench.py [FOLDER_OF_SCANNED_PDFS]

Reads every PDF as the pipeline does and times, inside that run, the calls of the hand-digit
reader (PP-OCR on the cleaned field, Tesseract on it, the free reading of the span) per page.
The reader runs only on page 1's number and day fields, and only when Tesseract's own reading
of them is missing or doubtful.
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ["OMP_THREAD_LIMIT"] = "1"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import extractors.readers.ocr as ocr  # noqa: E402
from extractors.readers import read  # noqa: E402


def main(folder: str) -> None:
    pdfs = sorted(Path(folder).glob("*.pdf"))
    if not pdfs:
        sys.exit(f"no PDF in {folder}")
    spent = {"hand": 0.0, "fields": 0}
    inner = ocr.read_hand_digits

    def timed(image, line, second, signing_times=None):
        t = time.perf_counter()
        out = inner(image, line, second, signing_times)
        if out is not second:
            spent["hand"] += time.perf_counter() - t
            spent["fields"] += 1
        return out

    ocr.read_hand_digits = timed
    total, pages = 0.0, 0
    for pdf in pdfs:
        t = time.perf_counter()
        doc = read(pdf)
        total += time.perf_counter() - t
        pages += doc.pages or 0
    print(f"{len(pdfs)} PDFs, {pages} pages; hand-digit reader ran on {spent['fields']} field(s)")
    print(f"whole read: {total / pages:.2f} s/page; hand-digit reader: {spent['hand'] / pages:.3f} s/page "
          f"({spent['hand'] / max(1, spent['fields']):.3f} s per field, {100 * spent['hand'] / total:.1f} % of the read)")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real-scans"))
