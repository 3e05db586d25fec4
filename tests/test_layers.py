"""One direction of imports: every module sits in a layer, and imports only its own layer or below.

The table below is the architecture (docs/architecture.md draws it). A module may import a
project module lazily (inside a function) only when that module pulls in a heavy dependency
the caller does not always need: LAZY lists each such import and why, so that the start-up of
`quyetdinh extract` on a text file stays short.
"""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("extractors", "pipeline", "flows")

# Longest prefix wins. Bottom first.
LAYERS = [
    ("units", ["pipeline.units", "pipeline.units.names"]),
    ("readers", ["extractors", "extractors.document", "extractors.limits", "extractors.lifeline",
                 "extractors.readers"]),
    ("finders", ["extractors.dates", "extractors.hand_digits", "extractors.metadata", "extractors.news",
                 "extractors.patterns", "extractors.persons", "extractors.references", "extractors.amendments",
                 "extractors.rosters"]),
    ("record", ["extractors.record", "extractors.extract", "extractors.worker"]),
    ("store", ["pipeline.store"]),
    ("checks", ["pipeline.checks"]),
    ("corrections", ["pipeline.corrections"]),
    ("web", ["pipeline.web"]),
    ("flows", ["flows"]),
    ("cli", ["pipeline.cli", "pipeline.cli_common", "pipeline.cli_errors", "pipeline.cli_run", "pipeline.cli_read",
             "pipeline.cli_edit"]),
]
# (importer, imported) → why it is imported inside a function.
LAZY = {
    ("extractors.readers", "extractors.readers.pdf"): "pdfplumber, pypdfium2: only for PDF files",
    ("extractors.readers", "extractors.readers.docx"): "python-docx: only for DOCX files",
    ("extractors.readers", "extractors.readers.doc"): "LibreOffice conversion: only for .doc files",
    ("extractors.readers", "extractors.readers.text"): "read on demand like the other formats",
    ("extractors.readers.pdf", "extractors.readers.ocr"): "pytesseract, numpy, PIL: only for scanned pages",
    ("extractors.readers.pdf", "extractors.readers.signatures"): "pyhanko: only for signed PDFs",
    ("extractors.readers.ocr", "extractors.readers.ocr_table"): "numpy table finding: only for scanned tables",
    ("extractors.readers.doc", "extractors.readers.docx"): "python-docx, after the conversion",
    ("extractors.readers.text", "extractors.readers.encodings"): "legacy encodings: only for non-UTF-8 text",
    ("extractors.readers.encodings", "extractors.readers.ocr_fix"): "only when a legacy font map is found",
    ("extractors.readers.ocr_table", "extractors.readers.ocr_fix"): "only for OCR text",
    ("extractors.rosters.layout_words", "extractors.readers.ocr_fix"): "only for OCR text",
    ("extractors.extract", "extractors.readers"): "the readers' dispatch, only when a path is read",
    ("extractors.extract", "extractors.readers.signatures"): "pyhanko: only for signed PDFs",
    ("extractors.extract", "extractors.readers.stamps"): "only when a scan carries stamps",
    ("extractors.extract", "extractors.limits"): "only when a path is read",
    ("extractors.extract", "pipeline.units.registry"): "vietnamadminunits, rapidfuzz: only when a path is read",
    ("extractors.worker", "extractors.document"): "in the worker process only",
    ("extractors.worker", "extractors.extract"): "every finder: in the worker process only",
    ("extractors.worker", "extractors.persons"): "underthesea: in the worker process only",
    ("extractors.worker", "extractors.readers"): "in the worker process only",
    ("extractors.worker", "pipeline.units.registry"): "warmed in the worker process only",
    ("extractors.rosters.lexicon", "pipeline.units.territory"): "vietnamadminunits: on first use",
    # Left as they are here: the readers belong to work in progress elsewhere (performance,
    # its readers); light modules, they could move to the top.
    ("extractors.readers", "pipeline.units.normalize"): "not restructured here (readers' owner)",
    ("extractors.readers", "extractors.limits"): "not restructured here (readers' owner)",
    ("pipeline.checks.evaluate", "extractors.readers"): "only when truth files name their pages",
    ("pipeline.checks.review", "extractors.limits"): "pypdfium2 page crops: only with --crops",
    ("pipeline.web.report", "extractors"): "the cache folder, only when a PDF is printed",
    ("pipeline.web.report", "extractors.lifeline"): "chromium's lifeline, only when a PDF is printed",
    ("pipeline.web.report.fonts", "extractors"): "the cache folder, only when fonts are subset",
    ("pipeline.web.datasette.plugins.quyetdinh_report", "pipeline.web.report"): "jinja2: on the report page only",
    ("pipeline.web.datasette.plugins.quyetdinh_review", "pipeline.checks.review"): "on the review page only",
    ("pipeline.web.datasette.plugins.quyetdinh_sql", "pipeline.units.matching"): "SQL functions, on first call",
    ("pipeline.web.datasette.plugins.quyetdinh_sql", "pipeline.units.normalize"): "SQL functions, on first call",
    ("pipeline.web.datasette.plugins.quyetdinh_sql", "pipeline.units.registry"): "SQL functions, on first call",
    ("flows.chunks", "extractors.worker"): "every finder: in the extraction processes, not the loader",
}
# Lazy imports from the command line and the flow: prefect, datasette, jinja2 and the finders are
# loaded by the commands that need them, so `quyetdinh extract FILE.txt` starts in well under a second.
LAZY_FROM = {"pipeline.cli", "pipeline.cli_run", "pipeline.cli_read", "pipeline.cli_edit", "flows.ingest"}


def modules() -> dict[str, Path]:
    out = {}
    for pkg in PACKAGES:
        for p in sorted((ROOT / pkg).rglob("*.py")):
            name = ".".join(p.relative_to(ROOT).with_suffix("").parts)
            out[name.removesuffix(".__init__")] = p
    return out


MODULES = modules()


def layer_of(module: str) -> int:
    best = (-1, None)
    for k, (_, prefixes) in enumerate(LAYERS):
        for pre in prefixes:
            if (module == pre or module.startswith(pre + ".")) and len(pre) > best[0]:
                best = (len(pre), k)
    assert best[1] is not None, f"{module} is in no layer of tests/test_layers.py"
    return best[1]


def imports(module: str) -> list[tuple[str, bool, int]]:
    """(imported project module, inside a function?, line) of every import in the module."""
    path = MODULES[module]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    pkg = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []

    def target(base: str, name: str | None) -> str | None:
        if name and f"{base}.{name}" in MODULES:
            return f"{base}.{name}"
        return base if base.split(".")[0] in PACKAGES else None

    def walk(node, local: bool):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Import):
                for a in child.names:
                    if a.name.split(".")[0] in PACKAGES:
                        found.append((a.name, local, child.lineno))
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    parts = pkg.split(".")
                    base = ".".join(parts[:len(parts) - child.level + 1] + ([child.module] if child.module else []))
                for a in child.names:
                    t = target(base, a.name)
                    if t:
                        found.append((t, local, child.lineno))
            walk(child, local or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)))
    walk(tree, False)
    return found


def test_every_module_is_in_a_layer_and_imports_only_downwards():
    wrong = []
    for m in MODULES:
        for t, _, line in imports(m):
            if layer_of(t) > layer_of(m):
                wrong.append(f"{MODULES[m].relative_to(ROOT)}:{line}: {m} ({LAYERS[layer_of(m)][0]}) imports "
                             f"{t} ({LAYERS[layer_of(t)][0]})")
    assert not wrong, "imports that climb a layer:\n" + "\n".join(wrong)


def test_no_function_local_import_of_a_project_module_without_a_reason():
    wrong = [f"{MODULES[m].relative_to(ROOT)}:{line}: {m} imports {t} inside a function"
             for m in MODULES if m not in LAZY_FROM for t, local, line in imports(m)
             if local and (m, t) not in LAZY and t != m]
    assert not wrong, "say why in LAZY, or import at the top:\n" + "\n".join(wrong)


def test_no_import_cycle():
    """Among top-level imports, and the lazy ones too: a cycle is a cycle even if it is deferred."""
    graph = {m: sorted({t for t, _, _ in imports(m) if t != m and t in MODULES
                        # a package's __init__ is loaded before its modules: that edge is not a cycle
                        and not m.startswith(t + ".")}) for m in MODULES}
    state, stack, cycles = {}, [], []

    def visit(m):
        state[m] = 1
        stack.append(m)
        for t in graph[m]:
            if state.get(t) == 1:
                cycles.append(" → ".join(stack[stack.index(t):] + [t]))
            elif t not in state:
                visit(t)
        stack.pop()
        state[m] = 2
    for m in graph:
        if m not in state:
            visit(m)
    allowed = {"extractors.readers"}  # dispatches lazily to its format modules, which use its helpers
    cycles = [c for c in cycles if c.split(" → ")[0] not in allowed]
    assert not cycles, "import cycles:\n" + "\n".join(cycles)


def test_every_module_imports_alone_in_a_fresh_interpreter():
    """Each module imported first, in a clean module table: no module works only because another
    was imported before it."""
    names = sorted(MODULES)
    script = f"""
import importlib, sys
base = set(sys.modules)
failed = []
for name in {names!r}:
    for m in [m for m in sys.modules if m not in base and m.split('.')[0] in {PACKAGES!r}]:
        del sys.modules[m]
    try:
        importlib.import_module(name)
    except Exception as e:
        failed.append(f"{{name}}: {{type(e).__name__}}: {{e}}")
print("\\n".join(failed))
sys.exit(1 if failed else 0)
"""
    r = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr
