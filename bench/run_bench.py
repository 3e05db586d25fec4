"""The pipeline's speed on a province-like year, measured (not a test). One command:

    .venv/bin/python bench/run_bench.py [--docs 300] [--scan-sample 8] [--small 100] [--large 1000]

Builds a province-like corpus with bench/province.py (300 documents, 30 % scanned, 1–6 pages,
most not about cụm/khối) and prints, in one run on this machine, every figure of issue 20:
pipeline vs bare pdfplumber on the text PDFs (once started), pipeline vs bare `pdftoppm` +
`tesseract` on scans, flow vs plain loop (Prefect's overhead per file), re-run / first run,
1 vs 2 workers on scans, peak memory at 100 and 1,000 documents, and the projected time of a
province-year (~3,000 decisions, ~9,000 pages, ~30 % scanned). The table goes to
docs/performance-measured.md (generated: never edit it by hand); docs/performance.md holds the
explanations and is never written by the bench.
"""
from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
QD = str(Path(PY).parent / "quyetdinh")
sys.path.insert(0, str(ROOT))
os.environ["OMP_THREAD_LIMIT"] = "1"  # the bare tesseract too: one thread each, as the pipeline runs it
YEAR_DOCS, YEAR_PAGES = 3000, 9000
# What the bench measures a line for, with its target (None: no target).
TARGETS = {"year": 45 * 60, "rerun_s": 1.5, "rerun_share": 0.02, "overhead_ms": 20, "speedup": 1.7,
           "text_ratio": 0.7, "scan_ratio": 1.0, "memory": 0.10}


def timed(cmd: list[str], env: dict) -> tuple[float, float]:
    """(seconds, peak resident MB of the largest process of its tree) of a command."""
    probe = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
             "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
             "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)")
    out = subprocess.run([PY, "-c", probe, *cmd], check=True, capture_output=True, text=True,
                         env={**os.environ, **env}).stdout.split()
    return float(out[0]), float(out[1])


def pages_of(files: list[Path]) -> int:
    import pdfplumber
    n = 0
    for f in files:
        with pdfplumber.open(f) as pdf:
            n += len(pdf.pages)
    return n


def bare_pdfplumber(files: list[Path]) -> float:
    import pdfplumber
    t = time.perf_counter()
    for f in files:
        with pdfplumber.open(f) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.extract_tables()
    return time.perf_counter() - t


def bare_tesseract(files: list[Path], tmp: Path) -> float:
    """pdftoppm -r 300 then tesseract -l vie on every page, one thread (rendering included)."""
    t = time.perf_counter()
    for f in files:
        subprocess.run(["pdftoppm", "-r", "300", "-png", str(f), str(tmp / f.stem)], check=True)
    for image in sorted(tmp.glob("*.png")):
        subprocess.run(["tesseract", str(image), "-", "-l", "vie"], capture_output=True, check=True)
    return time.perf_counter() - t


def plain_loop(files: list[Path], db_path: str) -> float:
    """The plain functions (extract → load → validate) in this process, models loaded first."""
    from extractors.extract import safe_extract
    from pipeline.checks.validate import refresh
    from pipeline.store.db import open_db
    from pipeline.store.load import load_record
    safe_extract(str(ROOT / "samples" / "2024" / "qd-138-2024-bacninh.pdf"))
    t = time.perf_counter()
    db = open_db(db_path)
    for f in files:
        load_record(db, *safe_extract(str(f)))
    refresh(db)
    return time.perf_counter() - t


def subset(files: list[Path], folder: Path) -> Path:
    folder.mkdir(parents=True)
    for f in files:
        os.link(f, folder / f.name)
    return folder


def verdict(ok: bool) -> str:
    return "met" if ok else "**not met**"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--scan-sample", type=int, default=8, help="scans timed against bare tesseract and 1 vs 2 workers")
    ap.add_argument("--small", type=int, default=100)
    ap.add_argument("--large", type=int, default=1000)
    ap.add_argument("--keep", action="store_true")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="quyetdinh-bench-"))
    env = {"PREFECT_HOME": str(work / "prefect"), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           "PREFECT_LOGGING_LEVEL": "ERROR", "QUYETDINH_CACHE": str(work / "cache")}
    no_cache = {**env, "PREFECT_TASKS_DISABLE_CACHING": "true"}
    os.environ.update(no_cache)
    province, text_only = work / "province", work / "text"
    subprocess.run([PY, str(ROOT / "bench" / "province.py"), str(province), "-n", str(args.docs)], check=True)
    subprocess.run([PY, str(ROOT / "bench" / "province.py"), str(text_only), "-n", str(args.large),
                    "--scanned", "0", "--seed", "2"], check=True)
    files = sorted(province.iterdir())
    scans = [f for f in files if f.name.startswith("scan-")]
    texts = [f for f in files if not f.name.startswith("scan-")]
    n_pages, n_scan_pages = pages_of(files), pages_of(scans)
    rows: list[tuple[str, str, str]] = []  # (measure, result, target)

    # Once started: the pipeline's functions against bare pdfplumber, text PDFs of the corpus.
    t_bare = bare_pdfplumber(texts)
    t_text = plain_loop(texts, str(work / "text.db"))
    text_pages = n_pages - n_scan_pages
    rows += [(f"text PDFs ({len(texts)}, {text_pages} pages): bare pdfplumber extract_text + extract_tables",
              f"{t_bare:.1f} s, {text_pages / t_bare:.1f} pages/s", ""),
             ("text PDFs: pipeline once started (read + find + resolve + load + validate), one process",
              f"{t_text:.1f} s, {text_pages / t_text:.1f} pages/s", ""),
             ("text PDFs: pipeline / bare pdfplumber throughput", f"{t_bare / t_text:.2f}×",
              f"≥ {TARGETS['text_ratio']} · {verdict(t_bare / t_text >= TARGETS['text_ratio'])}")]

    # Scans: a sample, the pipeline (OCR only what is needed) against bare tesseract on every page.
    sample = scans[:args.scan_sample]
    sample_dir = subset(sample, work / "scan-sample")
    t_tess = bare_tesseract(sample, Path(tempfile.mkdtemp(dir=work)))
    from extractors.extract import safe_extract
    t = time.perf_counter()
    records = [safe_extract(str(f))[0] for f in sample]
    t_ocr = time.perf_counter() - t
    sample_pages = pages_of(sample)
    skipped = sum(len(r["source"].get("ocr_skipped_pages") or []) for r in records)
    rows += [(f"scans ({len(sample)}, {sample_pages} pages): bare pdftoppm -r 300 + tesseract -l vie, every page",
              f"{t_tess:.1f} s, {t_tess / sample_pages:.2f} s/page", ""),
             (f"scans: pipeline, one process (OCR skipped {skipped} of {sample_pages} pages: not about cụm/khối)",
              f"{t_ocr:.1f} s, {t_ocr / sample_pages:.2f} s/page", ""),
             ("scans: pipeline / bare tesseract time", f"{t_ocr / t_tess:.2f}×",
              f"≤ {TARGETS['scan_ratio']} · {verdict(t_ocr / t_tess <= TARGETS['scan_ratio'])}")]

    # Workers on the scans (the whole process: Prefect's start included in both).
    t_w1, _ = timed([QD, "run", str(sample_dir), "--db", str(work / "w1.db"), "-q", "--workers", "1"], no_cache)
    t_w2, _ = timed([QD, "run", str(sample_dir), "--db", str(work / "w2.db"), "-q", "--workers", "2"], no_cache)
    rows += [(f"flow on the {len(sample)} scans, --workers 1", f"{t_w1:.1f} s", ""),
             (f"flow on the {len(sample)} scans, --workers 2", f"{t_w2:.1f} s", ""),
             ("speed-up 1 → 2 workers on scans", f"{t_w1 / t_w2:.2f}×",
              f"≥ {TARGETS['speedup']} · {verdict(t_w1 / t_w2 >= TARGETS['speedup'])}")]

    # Prefect's overhead: the flow (one worker) against the plain loop, same files, start excluded.
    small = subset(sorted(text_only.iterdir())[:args.small], work / "small")
    one = subset(sorted(text_only.iterdir())[:1], work / "one")
    small_files = sorted(small.iterdir())
    t_loop = plain_loop(small_files, str(work / "loop.db"))
    t_flow1, _ = timed([QD, "run", str(one), "--db", str(work / "f1.db"), "-q", "--workers", "1"], no_cache)
    t_flow, _ = timed([QD, "run", str(small), "--db", str(work / "fn.db"), "-q", "--workers", "1"], no_cache)
    t_loop1 = t_loop / len(small_files)
    overhead = ((t_flow - t_flow1) - (t_loop - t_loop1)) / (len(small_files) - 1) * 1000
    rows += [(f"plain loop, {len(small_files)} text PDFs (models loaded)", f"{t_loop:.1f} s", ""),
             (f"flow, 1 file / {len(small_files)} files, --workers 1 (whole process)", f"{t_flow1:.1f} s / {t_flow:.1f} s", ""),
             ("Prefect overhead per file ((flow N − flow 1) − (loop N − loop 1)) / (N − 1)", f"{overhead:.0f} ms",
              f"≤ {TARGETS['overhead_ms']} ms · {verdict(overhead <= TARGETS['overhead_ms'])}")]

    # The province corpus: first run (both cores), re-run of the unchanged folder.
    first, m_first = timed([QD, "run", str(province), "--db", str(work / "year.db"), "-q", "--workers", "2"], env)
    again, _ = timed([QD, "run", str(province), "--db", str(work / "year.db"), "-q", "--workers", "2"], env)
    rows += [(f"first run, {len(files)} documents ({len(scans)} scanned, {n_pages} pages), --workers 2",
              f"{first:.1f} s ({len(files) / first:.2f} docs/s, peak {m_first:.0f} MB)", ""),
             ("re-run, unchanged folder", f"{again:.2f} s", f"< {TARGETS['rerun_s']} s · {verdict(again < TARGETS['rerun_s'])}"),
             ("re-run / first run", f"{again / first:.2%}", f"≤ {TARGETS['rerun_share']:.0%} · {verdict(again / first <= TARGETS['rerun_share'])}")]
    year = first * YEAR_PAGES / n_pages
    rows.append((f"projected province-year ({YEAR_DOCS:,} decisions, {YEAR_PAGES:,} pages, 30 % scanned): "
                 f"first run × {YEAR_PAGES:,} / {n_pages} pages", f"{year / 60:.1f} min",
                 f"< 45 min · {verdict(year < TARGETS['year'])}"))

    # Memory: the same kind of run at 100 and at 1,000 documents (text PDFs).
    t_s, m_s = timed([QD, "run", str(small), "--db", str(work / "m1.db"), "-q", "--workers", "2"], no_cache)
    t_l, m_l = timed([QD, "run", str(text_only), "--db", str(work / "m2.db"), "-q", "--workers", "2"], no_cache)
    growth = (m_l - m_s) / m_s
    rows += [(f"peak memory, {args.small} documents (largest process)", f"{m_s:.0f} MB ({t_s:.0f} s)", ""),
             (f"peak memory, {args.large} documents (largest process)", f"{m_l:.0f} MB ({t_l:.0f} s, {args.large / t_l:.1f} docs/s)", ""),
             ("memory growth 100 → 1,000 documents", f"{growth:+.1%}", f"within +{TARGETS['memory']:.0%} · {verdict(growth <= TARGETS['memory'])}")]

    machine = f"{platform.node()} · {platform.machine()} · {os.cpu_count()} cores · Python {platform.python_version()}"
    table = "\n".join(["| measure | result | target |", "|---|---|---|"] + [f"| {a} | {b} | {c} |" for a, b, c in rows])
    print(table)
    text = (f"# Performance, as measured\n\n<!-- Generated by bench/run_bench.py; explanations in performance.md. -->\n\n"
            f"Measured by `bench/run_bench.py` on {date.today().isoformat()}, {machine}, in one run.\n"
            f"Corpus made by `bench/province.py`: {len(files)} decisions ({len(scans)} scanned, {n_pages} pages, "
            f"about 5 % about cụm/khối) and {args.large} text decisions for the memory runs.\n\n{table}\n")
    (ROOT / "docs" / "performance-measured.md").write_text(text, encoding="utf-8")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
