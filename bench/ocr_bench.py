"""OCR speed: the pipeline's reader on scanned PDFs beside bare `tesseract` on the same pages.

    .venv/bin/python bench/ocr_bench.py [FOLDER_OF_SCANNED_PDFS]

Prints seconds per page for both and their ratio (pipeline / bare). The pipeline also renders
the page, removes the red seal, re-reads hand-written fields and names, and repairs tones.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ["OMP_THREAD_LIMIT"] = "1"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extractors.readers import read  # noqa: E402


def main(folder: str) -> None:
    pdfs = sorted(Path(folder).glob("*.pdf"))
    if not pdfs:
        sys.exit(f"no PDF in {folder}")
    pipeline_s = bare_s = render_s = 0.0
    pages = 0
    with tempfile.TemporaryDirectory() as tmp:
        for pdf in pdfs:
            t = time.perf_counter()
            doc = read(pdf)
            pipeline_s += time.perf_counter() - t
            pages += doc.pages or 0
            # The bare reading includes its rendering, as the pipeline's does (issue 15: "bare
            # `tesseract -l vie` at 300 dpi incl. rendering").
            t = time.perf_counter()
            subprocess.run(["pdftoppm", "-r", "300", "-png", str(pdf), f"{tmp}/{pdf.stem}"], check=True)
            render_s += time.perf_counter() - t
        images = sorted(Path(tmp).glob("*.png"))
        t = time.perf_counter()
        for image in images:
            subprocess.run(["tesseract", str(image), "-", "-l", "vie"], capture_output=True, check=True)
        bare_s = time.perf_counter() - t + render_s
    print(f"{len(pdfs)} PDFs, {pages} pages (300 dpi)")
    print(f"pipeline read (render + OCR + second passes): {pipeline_s / pages:.2f} s/page")
    print(f"bare pdftoppm -r 300 + tesseract -l vie:      {bare_s / len(images):.2f} s/page "
          f"(rendering {render_s / len(images):.2f})")
    print(f"ratio pipeline / bare: {pipeline_s / pages / (bare_s / len(images)):.2f}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real-scans"))
