"""The pipeline's speed, measured (not a test). One command:

    .venv/bin/python bench/run_bench.py [--small 100] [--large 1000] [--scans 3]

Builds corpora with bench/multiply.py, then prints on this machine, in one run:
documents/s and pages/s for text PDFs, DOCX and scans; the full pipeline against bare pdfplumber
text extraction of the same PDFs (target ≥ 0.5×); the speed-up from 1 to 2 worker processes
(target ≥ 1.7×); a re-run over an unchanged folder as a share of the first run (target ≤ 2 %);
Prefect's overhead per file; peak memory at the small and the large corpus (target: within 10 %).
The table goes to its own file, docs/performance-measured.md (generated: never edit it by hand);
docs/performance.md holds the explanations and is never written by the bench.
"""
from __future__ import annotations

import argparse
import os
import platform
import resource
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


def sh(cmd: list[str], env: dict | None = None) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, check=True, env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t


def peak_rss_mb(cmd: list[str], env: dict) -> tuple[float, float]:
    """Seconds and peak resident memory (MB) of a command run in a child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t = time.perf_counter()
    subprocess.run(["/usr/bin/env"] + cmd, check=True, env={**os.environ, **env},
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(after, before) / 1024


def pages_of(files: list[Path]) -> int:
    import pdfplumber
    n = 0
    for f in files:
        if f.suffix == ".pdf":
            with pdfplumber.open(f) as pdf:
                n += len(pdf.pages)
        else:
            n += 1  # a DOCX has no pages until it is laid out; count it as one
    return n


def bare_pdfplumber(files: list[Path]) -> float:
    import pdfplumber
    t = time.perf_counter()
    for f in files:
        with pdfplumber.open(f) as pdf:
            for page in pdf.pages:
                page.extract_text()
    return time.perf_counter() - t


def pipeline_without_prefect(files: list[Path], db_path: str) -> float:
    from extractors.extract import safe_extract
    from pipeline.store.db import open_db
    from pipeline.store.load import load_record
    from pipeline.checks.validate import refresh
    safe_extract(str(files[0]))  # load the models before timing, as a long run would have
    t = time.perf_counter()
    db = open_db(db_path)
    for f in files:
        load_record(db, *safe_extract(str(f)))
    refresh(db)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--small", type=int, default=100)
    ap.add_argument("--large", type=int, default=1000)
    ap.add_argument("--scans", type=int, default=3)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="quyetdinh-bench-"))
    small, large, scans = work / "small", work / "large", work / "scans"
    subprocess.run([PY, str(ROOT / "bench" / "multiply.py"), str(small), "-n", str(args.small)], check=True)
    subprocess.run([PY, str(ROOT / "bench" / "multiply.py"), str(large), "-n", str(args.large)], check=True)
    subprocess.run([PY, str(ROOT / "bench" / "multiply.py"), str(scans), "-n", "0", "--scans", str(args.scans)], check=True)
    files = sorted(small.iterdir())
    pdfs = [f for f in files if f.suffix == ".pdf"]
    docxs = [f for f in files if f.suffix == ".docx"]
    scan_files = sorted(p for p in scans.iterdir() if p.suffix == ".pdf")
    env = {"PREFECT_HOME": str(work / "prefect"), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           "PREFECT_LOGGING_LEVEL": "ERROR", "OMP_THREAD_LIMIT": "1"}
    no_cache = {**env, "PREFECT_TASKS_DISABLE_CACHING": "true"}
    rows = []

    t_bare = bare_pdfplumber(pdfs)
    t_pdf = pipeline_without_prefect(pdfs, str(work / "pdf.db"))
    t_docx = pipeline_without_prefect(docxs, str(work / "docx.db"))
    t_scan = pipeline_without_prefect(scan_files, str(work / "scan.db")) if scan_files else 0
    n_pdf_pages, n_scan_pages = pages_of(pdfs), pages_of(scan_files)
    rows += [("text PDF: pipeline (extract + NLP + load), no Prefect", f"{len(pdfs) / t_pdf:.1f} docs/s, {n_pdf_pages / t_pdf:.1f} pages/s"),
             ("text PDF: bare pdfplumber extract_text", f"{len(pdfs) / t_bare:.1f} docs/s, {n_pdf_pages / t_bare:.1f} pages/s"),
             ("pipeline / bare pdfplumber throughput (target ≥ 0.5)", f"{t_bare / t_pdf:.2f}×"),
             ("DOCX: pipeline, no Prefect", f"{len(docxs) / t_docx:.1f} docs/s"),
             ("scans (OCR): pipeline, no Prefect", f"{len(scan_files) / t_scan:.2f} docs/s, {n_scan_pages / t_scan:.2f} pages/s" if scan_files else "–")]

    t_loop = pipeline_without_prefect(files, str(work / "loop.db"))
    t_flow1 = sh([QD, "run", str(small), "--db", str(work / "w1.db"), "-q"], no_cache)
    t_flow2 = sh([QD, "run", str(small), "--db", str(work / "w2.db"), "-q", "--workers", "2"], no_cache)
    rows += [(f"flow, {len(files)} files, 1 process (incl. ~6 s Prefect start)", f"{t_flow1:.1f} s"),
             ("Prefect overhead per file (flow − plain loop, start excluded)", f"{max(0.0, t_flow1 - 6.0 - t_loop) / len(files) * 1000:.0f} ms"),
             (f"flow, {len(files)} files, 2 worker processes", f"{t_flow2:.1f} s"),
             ("speed-up 1 → 2 workers (target ≥ 1.7)", f"{t_flow1 / t_flow2:.2f}×")]

    first = sh([QD, "run", str(small), "--db", str(work / "cache.db"), "-q"], env)
    again = sh([QD, "run", str(small), "--db", str(work / "cache.db"), "-q"], env)
    rows += [("first run with caching", f"{first:.1f} s"), ("re-run, unchanged folder", f"{again:.1f} s"),
             ("re-run / first run (target ≤ 2 %)", f"{again / first:.1%}")]

    t_s, m_s = peak_rss_mb([QD, "run", str(small), "--db", str(work / "m1.db"), "-q"], no_cache)
    t_l, m_l = peak_rss_mb([QD, "run", str(large), "--db", str(work / "m2.db"), "-q"], no_cache)
    rows += [(f"peak memory, {args.small} documents", f"{m_s:.0f} MB ({t_s:.0f} s)"),
             (f"peak memory, {args.large} documents", f"{m_l:.0f} MB ({t_l:.0f} s, {args.large / t_l:.1f} docs/s)"),
             ("memory growth small → large (target within 10 %)", f"{(m_l - m_s) / m_s:+.1%}")]

    machine = f"{platform.node()} · {platform.machine()} · {os.cpu_count()} cores · Python {platform.python_version()}"
    table = "\n".join(["| measure | result |", "|---|---|"] + [f"| {a} | {b} |" for a, b in rows])
    print(table)
    text = (f"# Performance, as measured\n\n<!-- Generated by bench/run_bench.py; explanations in performance.md. -->\n\nMeasured by `bench/run_bench.py` on {date.today().isoformat()}, {machine}.\n"
            f"Corpora made by `bench/multiply.py` from the samples ({len(pdfs)} text PDFs and {len(docxs)} DOCX in the "
            f"small corpus, {args.large} documents in the large one, {len(scan_files)} scans).\n\n{table}\n")
    (ROOT / "docs" / "performance-measured.md").write_text(text, encoding="utf-8")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
