"""Corpus multiplier: write N variants of the sample decisions for benchmark runs.

    .venv/bin/python bench/multiply.py OUT_DIR -n 1000 [--seed 1] [--scans 5] [--jobs 2]

Variant i (1..N) is built from one of the decision samples of samples/generate.py that carry
a roster, round-robin, alternating PDF (odd i) and DOCX (even i) sources so the corpus is half
PDF, half DOCX. The generator's own doc spec is changed deterministically with
random.Random(seed + i):

  * the decision number ("138/QĐ-UBND") becomes f"{1000 + i}/QĐ-UBND" in every string;
  * the day of the issue date changes (same month and year, still a valid date, not before a
    Tờ trình / reference of that month); the date is replaced in both written forms
    ("ngày 15 tháng 02 năm 2024" and "15/02/2024");
  * the members of each roster group are shuffled: table data rows (roles stay with their
    unit; STT numbers, group title rows, merged group cells and headers stay in place),
    units listed inside one cell, and numbered paragraphs "1. Sở X;" under a group heading
    (renumbered, ';' / '.' endings kept in place).

Files are named f"{i:05d}-{stem}.pdf|docx" after the sample they come from. --scans K adds K
image-only PDFs "scan-{i:05d}-{stem}.pdf": the pages of the first K PDF variants rendered at
200 dpi (pypdfium2), grey-scale, saved as a PDF with Pillow (no text layer, for OCR). With
-n 0 (or fewer than K PDF variants) the PDFs they need are rendered in a temporary folder,
so `-n 0 --scans 3` writes only scans.

The output is byte-identical for a given seed and N, whatever --jobs is. samples/generate.py
is imported, never modified; no truth files are written for the variants.
"""
from __future__ import annotations

import argparse
import calendar
import contextlib
import copy
import datetime as dt
import importlib.util
import os
import random
import re
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

GENERATOR = Path(__file__).resolve().parent.parent / "samples" / "generate.py"
SCAN_DPI = 200
SCAN_DATE = time.gmtime(1704067200)  # 2024-01-01, fixed so scans are reproducible

_GEN = None  # the generator module, loaded once per process


# --------------------------------------------------------------------------------------
# the generator and its sources
# --------------------------------------------------------------------------------------

def generator():
    """samples/generate.py as a module (it is a script, so load it from its path)."""
    global _GEN
    if _GEN is None:
        spec = importlib.util.spec_from_file_location("samples_generate", GENERATOR)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        _GEN = module
    return _GEN


def sources():
    """(pdf_sources, docx_sources): decisions with a roster, as (stem, builder, writer)."""
    gen = generator()
    pdf, docx = [], []
    for rel, builder, writer in gen.SAMPLES:
        if writer not in (gen.write_pdf, gen.write_docx):
            continue
        _, truth = builder()
        if truth["doc_type"] != "quyet_dinh" or not truth["groups"]:
            continue
        (pdf if writer is gen.write_pdf else docx).append((Path(rel).stem, builder, writer))
    return pdf, docx


def source_for(i, pdf, docx):
    """Odd i -> PDF sources, even i -> DOCX sources, each list taken round-robin."""
    pool = pdf if i % 2 else docx
    return pool[((i - 1) // 2) % len(pool)]


def out_name(i, stem, writer):
    ext = "pdf" if writer is generator().write_pdf else "docx"
    return f"{i:05d}-{stem}.{ext}"


# --------------------------------------------------------------------------------------
# string replacement: number and date
# --------------------------------------------------------------------------------------

def map_strings(obj, fn):
    """A copy of a nested dict / list / tuple structure with fn applied to every string."""
    if isinstance(obj, str):
        return fn(obj)
    if isinstance(obj, dict):
        return {k: map_strings(v, fn) for k, v in obj.items()}
    if isinstance(obj, list):
        return [map_strings(v, fn) for v in obj]
    if isinstance(obj, tuple):
        return tuple(map_strings(v, fn) for v in obj)
    return obj


def number_replacer(old, new):
    """'138/QĐ-UBND' -> new, but not inside '1138/QĐ-UBND'."""
    pattern = re.compile(r"(?<!\d)" + re.escape(old))
    return lambda s: pattern.sub(new, s)


def date_replacer(old: dt.date, new: dt.date):
    """Replace old by new in 'ngày D tháng M năm Y' and 'D/M/Y', keeping the month as
    written; the day keeps a written leading zero (a 2-digit day gets one, as in ND30)."""
    d, m, y = old.day, old.month, old.year
    patterns = [
        re.compile(rf"(?<!\d)(ngày\s+)(0?{d})(\s+tháng\s+0?{m}\s+năm\s+{y})(?!\d)"),
        re.compile(rf"(?<!\d)()(0?{d})(/0?{m}/{y})(?!\d)"),
    ]

    def day_text(written):
        padded = written.startswith("0") or len(written) == 2
        return f"{new.day:02d}" if padded else str(new.day)

    def repl(match):
        return match.group(1) + day_text(match.group(2)) + match.group(3)

    def apply(s):
        for p in patterns:
            s = p.sub(repl, s)
        return s
    return apply


def new_issue_date(truth, rng):
    """Another day of the same month, not before a reference dated earlier in that month."""
    old = dt.date.fromisoformat(truth["issued_date"])
    earlier = [dt.date.fromisoformat(r["date"]) for r in truth.get("references", [])
               if r.get("date")]
    earlier = [d for d in earlier if d < old and (d.year, d.month) == (old.year, old.month)]
    first = max(earlier).day + 1 if earlier else 1
    last = calendar.monthrange(old.year, old.month)[1]
    days = [d for d in range(first, last + 1) if d != old.day] or [old.day]
    return old.replace(day=rng.choice(days))


# --------------------------------------------------------------------------------------
# roster shuffling
# --------------------------------------------------------------------------------------

NUMBERED = re.compile(r"^(\d+)\. (.+?)([;.])$")
STT_HEADERS = {"STT", "TT"}


def shuffle_blocks(blocks, rng):
    """A block list with its tables and numbered roster paragraphs shuffled per group."""
    out, k = [], 0
    while k < len(blocks):
        block = blocks[k]
        out.append(("table", shuffle_table(block[1], rng)) if block[0] == "table" else block)
        k += 1
        if block[0] == "h":  # a group heading: the numbered paragraphs below are its members
            end = k
            while end < len(blocks) and blocks[end][0] == "p" and NUMBERED.match(blocks[end][1]):
                end += 1
            out.extend(shuffle_numbered(blocks[k:end], rng))
            k = end
    return out


def shuffle_numbered(paragraphs, rng):
    """('p', '1. Sở X (Cụm trưởng);') ... -> same numbers and endings, shuffled units."""
    parts = [NUMBERED.match(text).groups() for _, text in paragraphs]
    bodies = [body for _, body, _ in parts]
    rng.shuffle(bodies)
    return [("p", f"{num}. {body}{end}") for (num, _, end), body in zip(parts, bodies)]


def shuffle_table(table, rng):
    """Shuffle the member rows of each group of a roster table (see row_groups)."""
    table = copy.deepcopy(table)
    rows = table["rows"]
    for row in rows:  # one row per group, all its units in one cell (one paragraph each)
        for cell in row:
            if isinstance(cell, list):
                rng.shuffle(cell)
    fixed = fixed_columns(table)
    moving = [c for c in range(len(table["header"])) if c not in fixed]
    for group in row_groups(table):
        payload = [[rows[r][c] for c in moving] for r in group]
        rng.shuffle(payload)
        for r, values in zip(group, payload):
            for c, v in zip(moving, values):
                rows[r][c] = v
    return table


def fixed_columns(table):
    """Columns that stay in place: STT / TT, and a group label merged down its rows."""
    fixed = {c for c, h in enumerate(table["header"]) if h in STT_HEADERS}
    fixed |= {c0 for (r0, c0, r1, c1) in table.get("spans", ()) if r1 > r0 and c0 == c1}
    return fixed


def row_groups(table):
    """Lists of data-row indexes, one per group.

    Groups are delimited by title rows (bold_rows, spanning the table) or by a group cell
    merged vertically over its members; a table with neither (one row per group, units in
    a list cell) has no rows to move."""
    n = len(table["rows"])
    titles = set(table.get("bold_rows", ()))
    if titles:
        groups, current = [], []
        for r in range(n):
            if r in titles:
                groups.append(current)
                current = []
            else:
                current.append(r)
        return [g for g in groups + [current] if len(g) > 1]
    vertical = [(r0, r1) for (r0, c0, r1, c1) in table.get("spans", ()) if r1 > r0]
    return [list(range(r0, r1 + 1)) for r0, r1 in vertical]


def shuffle_spec(spec, rng):
    spec = dict(spec)
    spec["body"] = shuffle_blocks(spec["body"], rng)
    spec["appendices"] = [shuffle_blocks(a, rng) for a in spec.get("appendices", [])]
    return spec


# --------------------------------------------------------------------------------------
# one variant
# --------------------------------------------------------------------------------------

def build_variant(i, seed, builder):
    """(spec, new_number, new_date) of variant i, deterministic for (seed, i)."""
    gen = generator()
    rng = random.Random(seed + i)
    spec, truth = builder()
    spec = map_strings(copy.deepcopy(spec), gen.nfc)
    spec = shuffle_spec(spec, rng)
    number = f"{1000 + i}/{truth['symbol']}"
    date = new_issue_date(truth, rng)
    spec = map_strings(spec, number_replacer(gen.nfc(truth["number"]), number))
    spec = map_strings(spec, date_replacer(dt.date.fromisoformat(truth["issued_date"]), date))
    return spec, number, date


@contextlib.contextmanager
def fast_docx_cells():
    """Cache python-docx's cell grid while a table is written.

    Table.cell() rebuilds the whole grid on every call, which makes big roster tables
    quadratic (0.5 s for the QĐ 138 appendix). The cache is dropped on every merge, so the
    document written is byte-identical; only the time changes."""
    from docx.table import Table, _Cell
    cell, merge = Table.cell, _Cell.merge

    def cached_cell(self, row_idx, col_idx):
        grid = self.__dict__.get("_grid")
        if grid is None:
            grid = self.__dict__["_grid"] = self._cells
        return grid[row_idx * self._column_count + col_idx]

    def merging(self, other):
        self._parent.__dict__.pop("_grid", None)
        return merge(self, other)

    Table.cell, _Cell.merge = cached_cell, merging
    try:
        yield
    finally:
        Table.cell, _Cell.merge = cell, merge


def write_variant(task):
    """Worker: build and write variant i. Returns (i, file name)."""
    i, seed, out_dir = task
    pdf, docx = sources_cached()
    stem, builder, writer = source_for(i, pdf, docx)
    spec, _, _ = build_variant(i, seed, builder)
    name = out_name(i, stem, writer)
    with fast_docx_cells():
        writer(spec, Path(out_dir) / name)
    return i, name


_SOURCES = None


def sources_cached():
    global _SOURCES
    if _SOURCES is None:
        _SOURCES = sources()
    return _SOURCES


# --------------------------------------------------------------------------------------
# scans
# --------------------------------------------------------------------------------------

def write_scan(task):
    """Worker: render a text PDF at SCAN_DPI and save the page images as an image-only PDF."""
    src, dst = task
    import pypdfium2 as pdfium
    pdf = pdfium.PdfDocument(str(src))
    try:
        pages = [page.render(scale=SCAN_DPI / 72).to_pil().convert("L") for page in pdf]
    finally:
        pdf.close()
    pages[0].save(dst, "PDF", resolution=SCAN_DPI, save_all=True, append_images=pages[1:],
                  title=Path(dst).stem, creationDate=SCAN_DATE, modDate=SCAN_DATE)
    return dst


# --------------------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------------------

def run(tasks, worker, jobs):
    if jobs <= 1 or len(tasks) <= 1:
        return [worker(t) for t in tasks]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(worker, tasks, chunksize=max(1, len(tasks) // (jobs * 8))))


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("out_dir", type=Path, help="folder to write into (created if missing)")
    p.add_argument("-n", type=int, default=100, help="number of variants (default 100)")
    p.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    p.add_argument("--scans", type=int, default=0, metavar="K",
                   help="also write K image-only PDFs made from the first K PDF variants "
                        "(rendered in a temporary folder if -n does not reach them)")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                   help="worker processes (default: all CPUs)")
    return p.parse_args(argv)


def scan_sources(n, k, seed, out_dir, tmp_dir):
    """The first K PDF variants (odd i): (pdf path, scan path) pairs, plus the write tasks of
    those not in this run (i > n, e.g. with -n 0), which go to tmp_dir."""
    pairs, missing = [], []
    for i in range(1, 2 * k, 2):
        stem, _, writer = source_for(i, *sources_cached())
        name = out_name(i, stem, writer)
        folder = out_dir if i <= n else tmp_dir
        if i > n:
            missing.append((i, seed, str(tmp_dir)))
        pairs.append((folder / name, out_dir / f"scan-{name}"))
    return pairs, missing


def main(argv=None):
    args = parse_args(argv)
    started = time.perf_counter()
    args.out_dir.mkdir(parents=True, exist_ok=True)
    tasks = [(i, args.seed, str(args.out_dir)) for i in range(1, args.n + 1)]
    written = [name for _, name in run(tasks, write_variant, args.jobs)]
    with tempfile.TemporaryDirectory() as tmp:
        scans, missing = scan_sources(args.n, max(args.scans, 0), args.seed, args.out_dir,
                                      Path(tmp))
        run(missing, write_variant, args.jobs)
        run(scans, write_scan, args.jobs)
    seconds = time.perf_counter() - started
    n_pdf = sum(n.endswith(".pdf") for n in written)
    total = len(written) + len(scans)
    print(f"wrote {total} files to {args.out_dir}: {n_pdf} PDF, {len(written) - n_pdf} DOCX, "
          f"{len(scans)} scans in {seconds:.1f} s ({total / seconds:.1f} files/s, "
          f"{args.jobs} jobs)")


if __name__ == "__main__":
    sys.exit(main())
