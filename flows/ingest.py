"""The main job: discover files → extract them in chunks (a task per chunk; each file cached by content) → load → validate.

Thin on purpose: parsing lives in `extractors`, SQL in `pipeline.store.load`, rules in
`pipeline.checks.validate`. Extraction may run in parallel (processes, or a Dask cluster); loading stays
in this process, in file order, one transaction per document: SQLite has one writer. Only a
window of results is held at a time, so memory stays flat however many files there are.
"""
from __future__ import annotations

from collections import Counter, deque
from contextlib import contextmanager
from pathlib import Path
from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NONE as NO_CACHE

from extractors import limits
from flows import progress
from flows.chunks import chunks, extract_chunk, read_spool, spool_dir  # noqa: F401 (re-exported)
from flows.files import discover_files, discover_with_roots, is_unchanged  # noqa: F401 (re-exported)
from pipeline.units.normalize import printable_path


@task(retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def discover(paths: list[str]) -> list[tuple[str, str | None]]:
    return discover_with_roots(paths)


@task(cache_policy=NO_CACHE)
def prepare_db(db_path: str) -> set[str]:
    """Create or upgrade the database; return the ids of documents loaded with this extractor."""
    from pipeline.store.db import open_db
    from pipeline.store.load import loaded_ids
    Path(db_path).parent.mkdir(parents=True, exist_ok=True)
    db = open_db(db_path)
    try:
        return loaded_ids(db)
    finally:
        db.conn.close()


@task(cache_policy=NO_CACHE)
def load_results(db_path: str, results: list[tuple[dict, str | None]], corrections_file: str) -> int:
    """Load a batch in order, human corrections applied; each document is its own transaction."""
    from pipeline.corrections.entries import load_corrections
    from pipeline.corrections.sync import load_record
    from pipeline.store.db import open_db
    from pipeline.store.rows import document_id
    entries = load_corrections(corrections_file)
    db = open_db(db_path)
    try:
        return sum(load_record(db, rec, text, [e for e in entries if e["document"] == document_id(rec)],
                               corrections_file) for rec, text in results)
    finally:
        db.conn.close()


@task(cache_policy=NO_CACHE)
def apply_corrections_db(db_path: str, corrections_file: str) -> list[dict]:
    """Corrections win on every run, also over documents that were not read again."""
    from pipeline.corrections.entries import load_corrections
    from pipeline.corrections.file import locked
    from pipeline.corrections.sync import sync_corrections
    from pipeline.store.db import open_db
    db = open_db(db_path)
    try:
        with locked(corrections_file):  # a `correct` at the same time is applied before or after, not lost
            return sync_corrections(db, load_corrections(corrections_file), corrections_file)
    finally:
        db.conn.close()


@task(cache_policy=NO_CACHE)
def write_reports(db_path: str) -> list[dict]:
    """The yearly roster pages (HTML) beside the database, in reports/."""
    from pipeline.web.report import reports_for_all
    try:
        return reports_for_all(db_path, Path(db_path).parent / "reports")
    except Exception as e:  # the data is loaded and validated; a page that cannot be drawn must not fail the run
        get_run_logger().warning("reports not written: %s: %s", type(e).__name__, e)
        return []


@task(cache_policy=NO_CACHE)
def validate_db(db_path: str) -> list[dict]:
    from pipeline.store.db import open_db
    from pipeline.checks.validate import refresh
    return refresh(open_db(db_path))


class Tally:
    """What the summary needs, counted as results stream past (no record is kept)."""

    def __init__(self):
        self.status, self.loaded = Counter(), 0
        self.files = self.decisions = self.groups = self.members = self.warnings = 0
        self.failed: list[tuple[str, str, str]] = []
        self.unchanged = 0

    def add(self, rec: dict) -> None:
        self.files += 1
        self.status[rec["status"]] += 1
        if rec["status"] in ("ok", "partial"):
            self.decisions += 1
        else:
            self.failed.append((rec["source"]["path"], rec["status"], rec["error"]))
        self.groups += len(rec["groups"])
        self.members += sum(len(g["members"]) for g in rec["groups"])
        self.warnings += len(rec["warnings"])

    def skip(self) -> None:
        self.files += 1
        self.unchanged += 1

    def summary(self, issues: list[dict]) -> dict:
        status = dict(self.status)
        if self.unchanged:
            status["unchanged"] = self.unchanged
        return {"files": self.files, "loaded": self.loaded, "status": status, "decisions": self.decisions,
                "groups": self.groups, "members": self.members, "warnings": self.warnings,
                "issues": dict(Counter(i["severity"] for i in issues)), "failed": self.failed, "issue_rows": issues}


def summary_markdown(s: dict) -> str:
    rows = "\n".join(f"| {k} | {v} |" for k, v in [
        ("files read", s["files"]), ("newly loaded", s["loaded"]), ("documents with text", s["decisions"]),
        ("groups", s["groups"]), ("members", s["members"]), ("warnings", s["warnings"]),
        ("status", ", ".join(f"{k}: {v}" for k, v in s["status"].items())),
        ("corrections", ", ".join(f"{k}: {v}" for k, v in s.get("corrections", {}).items()) or "none"),
        ("validation", ", ".join(f"{k}: {v}" for k, v in s["issues"].items()) or "no issues")])
    failed = "\n".join(f"- `{p}`: {st} — {e}" for p, st, e in s["failed"][:200]) or "none"
    top = "\n".join(f"- **{i['severity']}** `{i['rule']}` {i['message']}" for i in s["issue_rows"]
                    if i["severity"] != "info")[:20000] or "none"
    reports = "\n".join(
        f"| {r['province']} | {r['year']} | {r['compare'] or '—'} | {r['groups']} | {r['units']} | "
        f"[{Path(r['html']).name}]({Path(r['html']).resolve().as_uri()}) |" for r in s.get("reports", []))
    reports = ("| province | year | compared with | groups | units | report |\n|---|---|---|---|---|---|\n" + reports
               + "\n\nThe same pages are served by `quyetdinh serve` at http://127.0.0.1:8001/-/quyetdinh/reports"
               ) if reports else "none"
    return (f"# quyetdinh run\n\n| what | count |\n|---|---|\n{rows}\n\n## Reports\n{reports}\n\n"
            f"## Files not read\n{failed}\n\n## Errors and warnings\n{top}\n")


@flow(name="quyetdinh-ingest", log_prints=False)
def ingest(paths: list[str], db_path: str = "data/quyetdinh.db", year: int | None = None, workers: int = 1,
           remote: bool = False, chunk: int | None = None, corrections_file: str | None = None) -> dict:
    """Read `paths` into the SQLite file `db_path` and validate the rosters.

    Files go to extraction in chunks (one task run each, `chunk` files, QUYETDINH_CHUNK_FILES);
    the next chunks extract while this process loads the previous one, in file order, one
    transaction per document. `workers` files are extracted at once, each in its own process;
    with `remote`, chunks run on the flow's task runner (a process pool or a Dask cluster), one
    file at a time each, `workers` chunks at once."""
    from pipeline.corrections.entries import corrections_path
    logger = get_run_logger()
    corrections_file = str(corrections_file or corrections_path(db_path))
    files = discover(paths)
    done = prepare_db(db_path)
    tally = Tally()

    # A file already loaded with this extractor is not read again: re-runs cost a hash per file.
    todo = []
    for path, root in files:
        if is_unchanged(path, root, done):
            tally.skip()
            progress.report(tally.files, len(files), "unchanged")
        else:
            todo.append((path, root))
    files_total = len(files)
    parts = chunks(todo, max(1, chunk or limits.chunk_files()))
    window = max(workers, 1) + 1 if remote else 2  # chunks in flight: the next extracts while one loads
    pending: deque = deque()

    def load(number: int, items: list, spooled: list[str]) -> None:
        batch: list[tuple[dict, str | None]] = []
        for spool_file, (path, root) in zip(spooled, items):
            rec, text = read_spool(spool_file, path, root)
            tally.add(rec)
            if year is None or rec["year"] == year or (rec["issued_date"] or "").startswith(str(year)):
                batch.append((rec, text))
        if batch:
            tally.loaded += load_results(db_path, batch, corrections_file)
        progress.report(tally.files, files_total, "chunk")
        logger.info("chunk %d/%d: %d files, %d of %d done", number, len(parts), len(items), tally.files, files_total)

    for number, items in enumerate(parts, start=1):
        pending.append((number, items, extract_chunk.submit(items, number, len(items), 1 if remote else workers)))
        if len(pending) >= window:
            n, its, future = pending.popleft()
            load(n, its, future.result())
    while pending:
        n, its, future = pending.popleft()
        load(n, its, future.result())
    corrections = apply_corrections_db(db_path, corrections_file)
    issues = validate_db(db_path)
    reports = write_reports(db_path)
    summary = tally.summary(issues)
    summary["reports"] = reports
    summary["corrections"] = dict(Counter(c["status"] for c in corrections))
    summary["orphaned"] = [c for c in corrections if c["status"] == "orphaned"]
    logger.info("%d files, %d newly loaded, %s", summary["files"], summary["loaded"], summary["status"])
    create_markdown_artifact(markdown=summary_markdown(summary), key="quyetdinh-run-summary",
                             description="Files read, rosters found and validation issues")
    return summary


def task_runner(workers: int = 1, dask_address: str | None = None, local_cluster: bool = False):
    """Where chunks run: this process (None: threads driving `workers` extraction processes) or a
    Dask cluster (each worker extracts its chunks one file at a time)."""
    if dask_address or local_cluster:
        from prefect_dask import DaskTaskRunner
        if dask_address:
            return DaskTaskRunner(address=dask_address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": max(workers, 1), "processes": True,
                                              "threads_per_worker": 1, "dashboard_address": None})
    return None


def run(paths: list[str], db_path: str, year: int | None = None, workers: int = 1,
        dask_address: str | None = None, local_cluster: bool = False, corrections_file: str | None = None) -> dict:
    runner = task_runner(workers, dask_address, local_cluster)
    flow_ = ingest.with_options(task_runner=runner) if runner else ingest
    return flow_(paths=paths, db_path=db_path, year=year, workers=workers, remote=runner is not None,
                 corrections_file=corrections_file)


@contextmanager
def temporary_api():
    """Prefect's temporary API server, started here rather than by Prefect so that it ends with
    this process even when this process is killed (Prefect's own stays behind, ~250 MB each)."""
    from prefect.settings import PREFECT_API_URL
    if PREFECT_API_URL.value():  # a real Prefect server is configured: use it
        yield {}
        return
    from prefect.server.api.server import SubprocessASGIServer

    from extractors import lifeline
    server = SubprocessASGIServer()
    server.start()
    pid = server.server_process.pid
    lifeline.kill_with_me(pid)
    try:
        yield {PREFECT_API_URL: server.api_url}
    finally:
        server.stop()
        lifeline.forget_process(pid)
