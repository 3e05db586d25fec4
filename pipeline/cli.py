"""The `quyetdinh` command."""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

DEFAULT_DB = "data/quyetdinh.db"


class UsageError(Exception):
    pass


def check_paths(paths: list[str]) -> None:
    for p in paths:
        if not os.path.exists(p):
            raise UsageError(f"không có tệp hay thư mục: {p}")


def prefect_env(debug: bool = False) -> None:
    # Local, quiet, offline: a temporary Prefect API in this process, no telemetry. A failed task
    # is said once, in one line, by main(); Prefect's own report of it (a traceback) is for --debug.
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ["PREFECT_LOGGING_LEVEL"] = "WARNING" if debug else "CRITICAL"
    os.environ["PREFECT_LOGGING_TO_API_ENABLED"] = "false"  # the temporary API goes with the run
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "60")
    # The temporary server stops with the process and its event recorder may be cut off
    # mid-flush (results are already saved): keep that shutdown noise off the terminal.
    os.environ.setdefault("PREFECT_SERVER_LOGGING_LEVEL", "CRITICAL")


def cmd_run(args) -> int:
    check_paths(args.paths)
    from pipeline.corrections import CorrectionError, corrections_path, load_corrections
    try:  # a hand-edited corrections file with a mistake: say so before any work
        load_corrections(args.corrections or corrections_path(args.db))
    except CorrectionError as e:
        raise UsageError(str(e)) from None
    from pipeline.store import open_db
    Path(args.db).parent.mkdir(parents=True, exist_ok=True)
    open_db(args.db).conn.close()  # a database that cannot be written is said before any work
    prefect_env(getattr(args, "debug", False))
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from flows import ingest as ingest_module
    from pipeline.validate import format_text
    Path(args.db).parent.mkdir(parents=True, exist_ok=True)
    progress = Progress(TextColumn("[bold]extract"), BarColumn(), MofNCompleteColumn(),
                        TextColumn("{task.fields[rate]} files/s"), TimeRemainingColumn(), transient=True,
                        disable=not sys.stderr.isatty() or args.quiet)
    bar = None

    def on_progress(done: int, total: int, status: str) -> None:
        nonlocal bar
        if bar is None:
            bar = progress.add_task("extract", total=total, rate="–")
        elapsed = progress.tasks[0].elapsed or 0
        progress.update(bar, completed=done, rate=f"{done / elapsed:.1f}" if elapsed else "–")

    from flows import progress as progress_hook
    progress_hook.on_progress = on_progress
    with ingest_module.temporary_api() as api, progress, \
            temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None, **api}):
        s = ingest_module.run(args.paths, args.db, year=args.year, workers=args.workers,
                              dask_address=args.dask_address, local_cluster=args.local_cluster,
                              corrections_file=args.corrections)
    print(f"quyetdinh run → {args.db}")
    print(f"  files read:  {s['files']} ({', '.join(f'{k} {v}' for k, v in s['status'].items())}); newly loaded {s['loaded']}")
    print(f"  decisions:   {s['decisions']}")
    print(f"  groups:      {s['groups']}")
    print(f"  members:     {s['members']}")
    print(f"  warnings:    {s['warnings']}")
    if s.get("corrections"):
        print(f"  corrections: {', '.join(f'{k} {v}' for k, v in s['corrections'].items())}")
    if s.get("reports"):
        print(f"  reports:     {len(s['reports'])} page(s) in {Path(s['reports'][0]['html']).parent}/ "
              f"(quyetdinh report for one with its PDF)")
    for path, status, error in s["failed"][:50]:
        print(f"  ! {path}: {status} — {error}")
    for c in s.get("orphaned", []):
        print(f"  ! correction {c['id']} ({c['field']} of {c['path']}) not applied: {c['message']}")
    print()
    print(format_text(s["issue_rows"]))
    return 0


def cmd_schedule(args) -> int:
    """Serve the flow as a deployment on a schedule (needs a Prefect server, PREFECT_API_URL)."""
    check_paths(args.paths)
    from flows.ingest import ingest
    ingest.serve(name=args.name, cron=args.cron, parameters={"paths": [str(Path(p).resolve()) for p in args.paths],
                                                            "db_path": str(Path(args.db).resolve())})
    return 0


def record_text(rec: dict) -> str:
    out = [f"{rec['source']['path']}  [{rec['status']}{': ' + rec['error'] if rec['error'] else ''}]"]
    if rec["status"] in ("ok", "partial"):
        signer = rec["signer"] or {}
        out.append(f"  {rec['doc_type']} {rec['number'] or '(no number)'}  {rec['issued_date'] or ''}  {rec['issuer'] or ''}")
        if rec["subject"]:
            out.append(f"  {rec['subject']}")
        if signer.get("name"):
            parts = [signer.get("authority"), signer.get("title"), signer["name"]]
            out.append("  signed: " + " ".join(p for p in parts if p))
        for g in rec["groups"]:
            out.append(f"  {g['name']} ({len(g['members'])} units; leader: {g['leader'] or '—'}; deputies: {', '.join(g['deputies']) or '—'})")
            for m in g["members"]:
                mark = {"leader": " (leader)", "deputy": " (deputy)"}.get(m["role"], "")
                out.append(f"    - {m['name']}{mark}")
        for w in rec["warnings"]:
            out.append(f"  warning: {w}")
    return "\n".join(out)


def cmd_extract(args) -> int:
    check_paths(args.paths)
    from extractors.worker import extract_limited
    from flows.ingest import discover_with_roots
    for path, root in discover_with_roots(args.paths):
        rec, _ = extract_limited(path, root)
        if args.format == "json":
            print(json.dumps(rec, ensure_ascii=False), flush=True)
        else:
            print(record_text(rec) + "\n", flush=True)
    return 0


def cmd_validate(args) -> int:
    if not os.path.exists(args.db):
        raise UsageError(f"không có cơ sở dữ liệu ở {args.db}: hãy chạy 'quyetdinh run PATH' trước")
    from pipeline.store import open_db
    from pipeline.validate import format_text, refresh
    issues = refresh(open_db(args.db))
    if args.format == "json":
        print(json.dumps(issues, ensure_ascii=False, indent=2))
    else:
        print(format_text(issues))
    return 1 if args.strict and any(i["severity"] == "error" for i in issues) else 0


def cmd_serve(args) -> int:
    need_db(args.db)
    from pipeline.serve import HOST, serve
    from pipeline.store import check_database_file
    check_database_file(args.db)
    import socket
    with socket.socket() as probe:
        try:
            probe.bind((HOST, args.port))
        except OSError as e:
            raise UsageError(f"không mở được cổng {args.port} trên {HOST} ({e.strerror}): chọn cổng khác bằng --port") from None
    print(f"Datasette trên http://{HOST}:{args.port}/ (chỉ đọc; Ctrl+C để dừng)", flush=True)
    try:
        serve(args.db, args.port)
    except KeyboardInterrupt:
        pass
    return 0


def cmd_eval(args) -> int:
    if not os.path.isdir(args.dir):
        raise UsageError(f"không phải thư mục: {args.dir}")
    from extractors.extract import extract_path
    from pipeline.evaluate import evaluate, format_scores, scores_json
    scores, n = evaluate(args.dir, extract_path, args.truth)
    if n == 0:
        raise UsageError(f"no document with a truth file under {args.dir}")
    if args.format == "json":
        print(json.dumps(scores_json(scores, n), indent=2))
    else:
        print(format_scores(scores, n, verbose=args.verbose))
    return 0


def need_db(path: str) -> None:
    if not os.path.exists(path):
        raise UsageError(f"không có cơ sở dữ liệu ở {path}: hãy chạy 'quyetdinh run PATH' trước")


# What each change is called for a person reading the diff ("moved" → "chuyển khối").
CHANGE_WORDS = {"added": "thêm mới", "removed": "không còn trong danh sách", "dissolved": "không còn tồn tại",
                "moved": "chuyển cụm/khối", "succeeded": "sáp nhập/đổi tên", "deputy_to_leader": "từ phó lên trưởng",
                "leader_again": "làm trưởng hai năm liền"}


def cmd_diff(args) -> int:
    need_db(args.db)
    if len(args.year) != 2:
        raise UsageError("cần hai năm: --year 2024 --year 2025")
    from pipeline.history import diff_by_province
    from pipeline.store import open_db
    a, b = args.year
    sections = diff_by_province(open_db(args.db), a, b, args.province)
    if args.format == "json":
        print(json.dumps(sections, ensure_ascii=False, indent=2))
        return 0
    if not sections:
        print(f"Không có danh sách cụm, khối nào của năm {a} hay năm {b} trong cơ sở dữ liệu.")
        return 0
    for s in sections:
        if not s["known"]:
            print(f"Không có danh sách nào của tỉnh «{s['province']}» trong cơ sở dữ liệu.")
            continue
        if s["missing_years"]:
            lacks = " và ".join(str(y) for y in s["missing_years"])
            print(f"{s['province']}: không so sánh được — chưa có danh sách năm {lacks}.")
            continue
        changes = s["changes"]
        print(f"{s['province']}, {a} → {b}: " + (f"{len(changes)} thay đổi" if changes else "không có thay đổi"))
        for c in changes:
            where = c["to_group"] if c["change"] == "added" else c["from_group"]
            if c["change"] == "moved":
                where = f"{c['from_group']} → {c['to_group']}"
            print(f"  {CHANGE_WORDS[c['change']]:<26} {c['unit']}  [{where}]" + (f"  ({c['note']})" if c.get("note") else ""))
    return 0


def cmd_units(args) -> int:
    from pipeline import registry_edit
    if args.units_command == "unknown":
        need_db(args.db)
        from pipeline.store import open_db
        rows = registry_edit.unknown_units(open_db(args.db))
        if args.format == "json":
            print(json.dumps(rows, ensure_ascii=False, indent=2))
            return 0
        print(f"{len(rows)} unit name(s) not in the registry")
        for r in rows:
            cands = ", ".join(f"{c['name']} ({c['score']:.0f})" for c in r["candidates"][:3]) or "no close candidate"
            print(f"  {r['unit_name']}  [{r['province'] or 'province unknown'}, {r['count']}×]  closest: {cands}")
        return 0
    row = registry_edit.add_unit(args.name, args.province, unit_id=args.as_unit, kind=args.kind, on=args.date)
    print(f"added to {row['file']}: {row['unit_id']} ← {args.name!r}")
    return 0


def cmd_review(args) -> int:
    need_db(args.db)
    from pipeline.review import format_review, review_items, save_crops
    from pipeline.store import open_db
    items = review_items(open_db(args.db), args.kind)
    if args.format == "json":
        print(json.dumps(items, ensure_ascii=False, indent=2))
    else:
        print(format_review(items))
    if args.crops:
        n = save_crops(items, args.crops)
        print(f"{n} page region(s) saved under {args.crops}", file=sys.stderr)
    return 0


def find_document(db, ref: str) -> dict:
    """A loaded document by its file (path or the same bytes elsewhere) or a SHA-256 prefix."""
    rows = []
    if os.path.isfile(ref):
        from extractors.document import sha256_of
        rows = list(db.query("select id, path, status from documents where id = ?", [sha256_of(ref)]))
        if not rows:
            raise UsageError(f"{ref} is not in the database (as it is now): run 'quyetdinh run' on it first")
    if not rows:
        rows = list(db.query("select id, path, status from documents where path = ?", [ref]))
    if not rows and len(ref) >= 6 and all(c in "0123456789abcdef" for c in ref.lower()):
        rows = list(db.query("select id, path, status from documents where id like ? || '%'", [ref.lower()]))
    if not rows:
        raise UsageError(f"no document {ref!r} in the database (give a file path or a SHA-256 prefix)")
    if len(rows) > 1:
        raise UsageError(f"{ref!r} matches {len(rows)} documents: give more of the SHA-256")
    return dict(rows[0])


def correct_document(db, doc: dict, path: str, field: str, value: str, group: str | None = None,
                     unit: str | None = None, note: str | None = None) -> tuple[dict, dict]:
    """Add one correction to the file and apply it to the database: read, edit, write and apply
    as one step under the file's lock (a concurrent `correct` waits and then sees this one)."""
    from pipeline.corrections import (CorrectionError, add_entry, apply_corrections, load_corrections, new_entry,
                                      save_corrections)
    from pipeline.corrections_file import locked
    from pipeline.store import sync_corrections
    row = next(iter(db.query("select record from decisions where id = ?", [doc["id"]])), None)
    if row is None:
        raise UsageError(f"{doc['path']} was not read ({doc['status']}): there is nothing to correct in it")
    with locked(path):
        try:
            entries = load_corrections(path)
            current, _ = apply_corrections(json.loads(row["record"]), [e for e in entries if e["document"] == doc["id"]])
            entry = new_entry(current, doc["id"], doc["path"], field, value, group=group, unit=unit, note=note)
        except CorrectionError as e:
            raise UsageError(str(e)) from None
        entries = add_entry(entries, entry)
        save_corrections(path, entries)
        result = next(r for r in sync_corrections(db, entries, path) if r["id"] == entry["id"])
    return entry, result


def cmd_correct(args) -> int:
    need_db(args.db)
    from pipeline.corrections import corrections_path
    from pipeline.store import open_db
    from pipeline.validate import refresh
    db = open_db(args.db)
    doc = find_document(db, args.doc)
    path = args.corrections or str(corrections_path(args.db))
    entry, result = correct_document(db, doc, path, args.field, args.value, args.group, args.unit, args.note)
    refresh(db)
    target = f" [{entry['group']}]" if entry.get("group") else ""
    print(f"{entry['field']}{target} of {doc['path']}: {json.dumps(entry['old'], ensure_ascii=False)} → "
          f"{json.dumps(entry['new'], ensure_ascii=False)}  ({result['status']}; correction {entry['id']} in {path})")
    if result["status"] != "applied":
        print(f"  not applied: {result['message']}")
    return 0


def cmd_report(args) -> int:
    need_db(args.db)
    from pipeline.report import ReportError, write_report
    try:
        paths = write_report(args.db, args.province, args.year, args.out, compare=args.compare, pdf=not args.no_pdf)
    except ReportError as e:
        raise UsageError(str(e)) from None
    print(f"report: {paths['html']}" + (f"\n        {paths['pdf']}" if paths["pdf"] else ""))
    return 0


class Parser(argparse.ArgumentParser):
    """argparse, with a mistake on the command line said in one line (not usage + error)."""

    def error(self, message: str):
        self.exit(2, f"quyetdinh: lỗi: {message} (xem: {self.prog} --help)\n")


def year(text: str) -> int:
    """A year as the rosters have them (1900–2200); anything else is a mistake on the command line."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"không phải một năm: {text[:30]!r}") from None
    if not 1900 <= value <= 2200:
        raise argparse.ArgumentTypeError(f"năm ngoài khoảng 1900–2200: {text[:30]}")
    return value


def build_parser() -> argparse.ArgumentParser:
    p = Parser(prog="quyetdinh", description=(
        "Turn Vietnamese provincial decisions on emulation clusters and blocs (Cụm, Khối thi đua) "
        "into data: who belongs to which group, who leads it, with provenance."))
    p.add_argument("--debug", action="store_true", help="khi có lỗi, in cả traceback / print the traceback on an error")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    r = sub.add_parser("run", help="read files into the SQLite database (the main job, a Prefect flow)",
                       description="Read decision files (PDF, DOCX, TXT, HTML; folders recursively), extract "
                                   "their rosters, load them into SQLite and validate them. Re-running is safe.")
    r.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to read")
    r.add_argument("--db", default=DEFAULT_DB, help=f"SQLite file to write (default {DEFAULT_DB})")
    r.add_argument("--year", type=year, help="load only documents whose rosters (or date) are of this year")
    r.add_argument("--workers", type=int, default=1, help="extract in N processes (default 1: in this process)")
    r.add_argument("--local-cluster", action="store_true", help="extract on a local Dask cluster of --workers processes")
    r.add_argument("--dask-address", metavar="tcp://HOST:8786", help="extract on an existing Dask cluster")
    r.add_argument("--corrections", metavar="FILE", help="human corrections to apply (default: corrections.yaml beside --db)")
    r.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    r.set_defaults(func=cmd_run)

    rv = sub.add_parser("review", help="list what a person should check (the review queue)",
                        description="Unread files, numbers/dates/signers left empty, low OCR confidence, unknown units, "
                                    "validation errors and corrections that no longer apply, each with its file, page, "
                                    "line and the text or page region it came from.")
    rv.add_argument("--db", default=DEFAULT_DB, help=f"SQLite file (default {DEFAULT_DB})")
    rv.add_argument("--format", choices=["text", "json"], default="text")
    rv.add_argument("--kind", choices=["file_not_read", "missing_required", "low_confidence", "unknown_unit",
                                       "unsure_unit", "validation_error", "validation_warning", "orphaned_correction"])
    rv.add_argument("--crops", metavar="DIR", help="also save the page regions (scanned PDFs) as PNG images in DIR")
    rv.set_defaults(func=cmd_review)

    c = sub.add_parser("correct", help="correct one fact; the correction wins on every later run",
                       description="Write a correction to corrections.yaml beside the database and apply it now. "
                                   "FIELD: number, symbol, issued_date, issuer, signer, subject, group.name, leader, "
                                   "deputies (separated by ';'), member.add, member.remove, member.move (into --group), "
                                   "unit_id (of --unit).")
    c.add_argument("doc", metavar="DOC", help="the document: its file, its path as loaded, or a SHA-256 prefix")
    c.add_argument("field", metavar="FIELD")
    c.add_argument("value", metavar="VALUE")
    c.add_argument("--group", metavar="G", help="the group: its name, ordinal (e.g. II) or #position")
    c.add_argument("--unit", metavar="NAME", help="for unit_id: the member's name as written")
    c.add_argument("--note", metavar="TEXT", help="why (kept with the correction)")
    c.add_argument("--db", default=DEFAULT_DB, help=f"SQLite file (default {DEFAULT_DB})")
    c.add_argument("--corrections", metavar="FILE", help="corrections file (default: corrections.yaml beside --db)")
    c.set_defaults(func=cmd_correct)

    sc = sub.add_parser("schedule", help="run the job on a schedule as a Prefect deployment",
                        description="Serve the ingest flow as a Prefect deployment with a cron schedule (yearly by "
                                    "default). Needs a Prefect server: prefect server start, PREFECT_API_URL set.")
    sc.add_argument("paths", nargs="+", metavar="PATH")
    sc.add_argument("--db", default=DEFAULT_DB)
    sc.add_argument("--cron", default="0 2 15 1 *", help="cron schedule (default: 02:00 on 15 January)")
    sc.add_argument("--name", default="quyetdinh-yearly")
    sc.set_defaults(func=cmd_schedule)

    e = sub.add_parser("extract", help="print what is extracted from files, without a database",
                       description="Extract files and print one record per file. --format json prints JSON Lines "
                                   "following the extraction contract (spec/extract-json.md).")
    e.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to read")
    e.add_argument("--format", choices=["json", "text"], default="text", help="output format (default text)")
    e.set_defaults(func=cmd_extract)

    v = sub.add_parser("validate", help="check the loaded rosters and print the issues",
                       description="Check rosters: members present, one leader who is a member, a unit in one "
                                   "group per year, stated counts, unknown units, year-over-year changes.")
    v.add_argument("--db", default=DEFAULT_DB, help=f"SQLite file (default {DEFAULT_DB})")
    v.add_argument("--format", choices=["text", "json"], default="text")
    v.add_argument("--strict", action="store_true", help="exit with status 1 when there is an error")
    v.set_defaults(func=cmd_validate)

    s = sub.add_parser("serve", help="browse the database in Datasette (read-only)",
                       description="Start Datasette on 127.0.0.1 over the database, read-only, with the project's metadata.")
    s.add_argument("--db", default=DEFAULT_DB, help=f"SQLite file (default {DEFAULT_DB})")
    s.add_argument("--port", type=int, default=8001, help="port (default 8001)")
    s.set_defaults(func=cmd_serve)

    ev = sub.add_parser("eval", help="score extraction against truth files",
                        description="Extract every document in DIR that has a truth file (NAME.truth.json beside "
                                    "it, or truth/NAME.json) and print precision, recall and F1 per field.")
    ev.add_argument("dir", metavar="DIR")
    ev.add_argument("--truth", metavar="TRUTH_DIR", help="folder of NAME.json truth files kept apart from DIR "
                                                         "(e.g. truth/real-scans for ../shared/corpus/real-scans)")
    ev.add_argument("--format", choices=["text", "json"], default="text")
    ev.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    ev.set_defaults(func=cmd_eval)
    rp = sub.add_parser("report", help="the yearly roster as a page to read and circulate (HTML + PDF)",
                        description="Write a self-contained HTML page (no network needed: font, styles and SVG charts "
                                    "inline) and its PDF: every group with its members in order, leader and deputies "
                                    "marked, the deciding document and its amendments, the year's validation findings, "
                                    "a chart of group sizes, the leaders over the years and, with --compare, the units "
                                    "that moved, merged or disappeared between the two years.")
    rp.add_argument("--province", required=True, help="province as in the roster, e.g. 'Bắc Ninh'")
    rp.add_argument("--year", type=year, required=True)
    rp.add_argument("--compare", type=year, metavar="Y0", help="an earlier year to compare with")
    rp.add_argument("--db", default=DEFAULT_DB, help=f"SQLite file (default {DEFAULT_DB})")
    rp.add_argument("--out", required=True, metavar="DIR", help="folder to write NAME.html and NAME.pdf into")
    rp.add_argument("--no-pdf", action="store_true", help="only the HTML (the PDF needs Chromium)")
    rp.set_defaults(func=cmd_report)

    d = sub.add_parser("diff", help="what changed in the rosters between two years",
                       description="Compare the rosters of two years unit by unit, following mergers and renamings "
                                   "(the unit registry's successions): added, removed, moved, succeeded units.")
    d.add_argument("--year", type=year, action="append", required=True, help="give twice: --year 2024 --year 2025")
    d.add_argument("--province", help="only decisions of this province (e.g. 'Bắc Ninh')")
    d.add_argument("--db", default=DEFAULT_DB, help=f"SQLite file (default {DEFAULT_DB})")
    d.add_argument("--format", choices=["text", "json"], default="text")
    d.set_defaults(func=cmd_diff)

    u = sub.add_parser("units", help="the unit registry: names it does not know, and teaching it",
                       description="List unit names the registry does not know (with the closest candidates), "
                                   "or add a name to the registry's data files.")
    usub = u.add_subparsers(dest="units_command", required=True, metavar="ACTION")
    un = usub.add_parser("unknown", help="list member names without a unit id")
    un.add_argument("--db", default=DEFAULT_DB)
    un.add_argument("--format", choices=["text", "json"], default="text")
    ua = usub.add_parser("add", help="add a unit, or an alias of an existing unit, to the registry")
    ua.add_argument("name", help="the name as written in documents")
    ua.add_argument("--province", required=True, help="province, e.g. 'Hà Tĩnh'")
    ua.add_argument("--as", dest="as_unit", metavar="UNIT_ID", help="make NAME an alias of this unit id")
    ua.add_argument("--kind", default="khac", help="kind of a new unit (so, ban, truong, quy, …)")
    ua.add_argument("--date", help="ISO date the province applies on (default today)")
    u.set_defaults(func=cmd_units)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv  # accepted anywhere on the line, not only before the command
    args = parser.parse_args([a for a in argv if a != "--debug"])
    args.debug = debug
    try:
        return args.func(args)
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("quyetdinh: đã dừng (Ctrl+C)", file=sys.stderr)
        return 130
    except Exception as e:  # every error is one line; --debug shows where it came from
        if args.debug:
            import traceback
            traceback.print_exc()
        from pipeline.errors import one_line
        msg = " ".join(one_line(e).split())
        hint = "" if e.__class__.__name__ == "UsageError" or args.debug else " (--debug để xem chi tiết)"
        print(f"quyetdinh: lỗi: {msg}{hint}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
