"""`quyetdinh run`: what it checks before the flow engine starts (nothing to read, nothing
changed), how it shows progress (a bar on a terminal, a line every few files elsewhere) and
what it says at the end."""
from __future__ import annotations

import hashlib
import sys
import time
from pathlib import Path

from pipeline.cli_common import UsageError, check_paths, prefect_env
from pipeline.units.messages import say, status_word


def run_stamp(corrections_file: str | Path) -> str:
    """What a finished run depended on besides the files: the extractor (code and registry), the
    code that loads, validates and reports, and the corrections file. The same stamp and no new
    file mean that a new run would change nothing."""
    from extractors import extractor_version
    h = hashlib.sha256()
    root = Path(__file__).resolve().parents[1]
    for code in sorted([*root.glob("pipeline/**/*.py"), *root.glob("pipeline/**/*.html"), *root.glob("flows/*.py")]):
        h.update(code.read_bytes())
    path = Path(corrections_file)
    h.update(path.read_bytes() if path.is_file() else b"no corrections")
    return f"{extractor_version()}|{h.hexdigest()[:16]}"


def plan(args) -> tuple[list, list, str] | None:
    """(files, files still to extract, stamp), or None after saying there is nothing to read."""
    from flows.files import discover_with_roots, pending, supported_kinds
    from pipeline.corrections.entries import corrections_path
    from pipeline.store.db import open_db
    from pipeline.store.load import loaded_ids, refused_paths
    files = discover_with_roots(args.paths)
    if not files:
        print(say("run_nothing_to_read", paths=", ".join(args.paths), kinds=supported_kinds()), file=sys.stderr)
        return None
    db = open_db(args.db)  # a database that cannot be written is said before any work
    try:
        todo = pending(files, loaded_ids(db), refused_paths(db))
    finally:
        db.conn.close()
    return files, todo, run_stamp(args.corrections or corrections_path(args.db))


def nothing_changed(args, files: list, todo: list, stamp: str) -> bool:
    from pipeline.store.db import meta_value, open_db
    if todo:
        return False
    db = open_db(args.db)
    try:
        return meta_value(db, "last_run") == stamp
    finally:
        db.conn.close()


def progress_lines(quiet: bool):
    """A progress callback for runs whose output is not a terminal (make, cron, a pipe): one line
    about every 5 % of the files (every 5 files at the most often, every 50 at the least often),
    with the rate and the time left."""
    # Timed from the first file done: the flow engine's start-up is not the files' pace.
    shown = {"at": 0, "first": None}

    def on_progress(done: int, total: int, status: str) -> None:
        step = min(50, max(5, total // 20))
        if shown["first"] is None:
            shown["first"] = (done, time.monotonic())
        if quiet or (done - shown["at"] < step and done != total):
            return
        shown["at"] = done
        first_done, started = shown["first"]
        elapsed = time.monotonic() - started
        rate = (done - first_done) / elapsed if elapsed > 0 and done > first_done else 0.0
        if not rate:  # nothing to measure a pace by yet (the first file, or a batch of one)
            print(say("run_progress_count", done=done, total=total), file=sys.stderr, flush=True)
            return
        left = (total - done) / rate
        print(say("run_progress", done=done, total=total, rate=rate,
                  left=f"{int(left // 60)} phút {int(left % 60)} giây" if left >= 60 else f"{int(left)} giây"),
              file=sys.stderr, flush=True)
    return on_progress


def cmd_run(args) -> int:
    check_paths(args.paths)
    from pipeline.corrections.entries import CorrectionError, corrections_path, load_corrections
    try:  # a hand-edited corrections file with a mistake: say so before any work
        load_corrections(args.corrections or corrections_path(args.db))
    except CorrectionError as e:
        raise UsageError(str(e)) from None
    Path(args.db).parent.mkdir(parents=True, exist_ok=True)
    planned = plan(args)
    if planned is None:
        return 1
    files, todo, stamp = planned
    if nothing_changed(args, files, todo, stamp):
        print(say("run_nothing_changed", count=len(files), db=args.db))
        return 0
    prefect_env(getattr(args, "debug", False))
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from flows import ingest as ingest_module
    from flows import progress as progress_hook
    tty = sys.stderr.isatty()
    progress = Progress(TextColumn("[bold]đọc tệp"), BarColumn(), MofNCompleteColumn(),
                        TextColumn("{task.fields[rate]} tệp/giây"), TimeRemainingColumn(), transient=True,
                        disable=not tty or args.quiet)
    bar = None

    def on_bar(done: int, total: int, status: str) -> None:
        nonlocal bar
        if bar is None:
            bar = progress.add_task("extract", total=total, rate="–")
        elapsed = progress.tasks[0].elapsed or 0
        progress.update(bar, completed=done, rate=f"{done / elapsed:.1f}" if elapsed else "–")

    progress_hook.on_progress = on_bar if tty else progress_lines(args.quiet)
    with ingest_module.temporary_api() as api, progress, \
            temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None, **api}):
        from extractors import limits
        s = ingest_module.run(args.paths, args.db, year=args.year, workers=args.workers or limits.workers(),
                              dask_address=args.dask_address, local_cluster=args.local_cluster,
                              corrections_file=args.corrections)
    print_summary(args.db, s)
    if args.year is None:  # a run over every year of these files: the next one may say "nothing changed"
        from pipeline.store.db import open_db, set_meta_value
        db = open_db(args.db)
        try:
            set_meta_value(db, "last_run", stamp)
        finally:
            db.conn.close()
    return 0


def print_summary(db_path: str, s: dict) -> None:
    from pipeline.checks.validate import format_text
    print(say("run_head", db=db_path))
    print(say("run_files", files=s["files"], loaded=s["loaded"],
              statuses=", ".join(f"{status_word(k)} {v}" for k, v in s["status"].items())))
    print(say("run_decisions", count=s["decisions"]))
    print(say("run_groups", count=s["groups"]))
    print(say("run_members", count=s["members"]))
    print(say("run_warnings", count=s["warnings"]))
    if s.get("corrections"):
        print(say("run_corrections", items=", ".join(f"{status_word(k)} {v}" for k, v in s["corrections"].items())))
    if s.get("reports"):
        print(say("run_reports", count=len(s["reports"]), folder=Path(s["reports"][0]["html"]).parent))
    for path, status, error in s["failed"][:50]:
        print(f"  ! {path}: {status_word(status)} — {error}")
    for c in s.get("orphaned", []):
        print(say("run_not_applied", id=c["id"], field=c["field"], path=c["path"], message=c["message"]))
    print()
    print(format_text(s["issue_rows"]))
