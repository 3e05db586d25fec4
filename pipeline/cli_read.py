"""Commands that read: extract (no database), validate, serve, eval, diff, report.

Each imports what it needs when it runs, so the command line starts fast.
"""
from __future__ import annotations

import json
import os

from extractors.record import to_json
from pipeline.cli_common import UsageError, check_paths, need_db


def record_text(rec: dict) -> str:
    """One extraction record as a person reads it (the JSON form is the contract)."""
    from pipeline.units.messages import role_word
    # The status as the contract spells it (ok, needs_ocr, not_regular…): the message says the rest.
    out = [f"{rec['source']['path']}  [{rec['status']}{': ' + rec['error'] if rec['error'] else ''}]"]
    if rec["status"] in ("ok", "partial"):
        signer = rec["signer"] or {}
        out.append(f"  {rec['doc_type']} {rec['number'] or '(không số)'}  {rec['issued_date'] or ''}  {rec['issuer'] or ''}".rstrip())
        if rec["subject"]:
            out.append(f"  {rec['subject']}")
        if signer.get("name"):
            parts = [signer.get("authority"), signer.get("title"), signer["name"]]
            out.append("  ký: " + " ".join(p for p in parts if p))
        for g in rec["groups"]:
            out.append(f"  {g['name']} ({len(g['members'])} đơn vị; trưởng: {g['leader'] or '—'}; "
                       f"phó: {', '.join(g['deputies']) or '—'})")
            for m in g["members"]:
                mark = f" ({role_word(m['role'])})" if m["role"] in ("leader", "deputy") else ""
                out.append(f"    - {m['name']}{mark}")
        for w in rec["warnings"]:
            out.append(f"  cảnh báo: {w}")
    return "\n".join(out)


def cmd_extract(args) -> int:
    check_paths(args.paths)
    from extractors.worker import extract_limited
    from flows.files import discover_with_roots
    for path, root in discover_with_roots(args.paths):
        rec, _ = extract_limited(path, root)
        if args.format == "json":
            print(to_json(rec), flush=True)
        else:
            print(record_text(rec) + "\n", flush=True)
    return 0


def cmd_validate(args) -> int:
    if not os.path.exists(args.db):
        raise UsageError(f"không có cơ sở dữ liệu ở {args.db}: hãy chạy 'quyetdinh run PATH' trước")
    from pipeline.store.db import open_db
    from pipeline.checks.validate import format_text, refresh
    issues = refresh(open_db(args.db))
    if args.format == "json":
        print(json.dumps(issues, ensure_ascii=False, indent=2))
    else:
        print(format_text(issues))
    return 1 if args.strict and any(i["severity"] == "error" for i in issues) else 0


def cmd_serve(args) -> int:
    need_db(args.db)
    from pipeline.web.serve import HOST, serve
    from pipeline.store.db import check_database_file
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
    from pipeline.checks.evaluate import evaluate, format_scores, scores_json
    scores, n = evaluate(args.dir, extract_path, args.truth)
    if n == 0:
        raise UsageError(f"no document with a truth file under {args.dir}")
    if args.format == "json":
        print(json.dumps(scores_json(scores, n), indent=2))
    else:
        print(format_scores(scores, n, verbose=args.verbose))
    return 0


# What each change is called for a person reading the diff ("moved" → "chuyển khối").
CHANGE_WORDS = {"added": "thêm mới", "removed": "không còn trong danh sách", "dissolved": "không còn tồn tại",
                "moved": "chuyển cụm/khối", "succeeded": "sáp nhập/đổi tên", "deputy_to_leader": "từ phó lên trưởng",
                "leader_again": "làm trưởng hai năm liền"}


def cmd_diff(args) -> int:
    need_db(args.db)
    if len(args.year) != 2:
        raise UsageError("cần hai năm: --year 2024 --year 2025")
    from pipeline.checks.history import diff_by_province
    from pipeline.store.db import open_db
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


def cmd_report(args) -> int:
    need_db(args.db)
    from pipeline.web.report import ReportError, write_report
    try:
        paths = write_report(args.db, args.province, args.year, args.out, compare=args.compare, pdf=not args.no_pdf)
    except ReportError as e:
        raise UsageError(str(e)) from None
    print(f"báo cáo: {paths['html']}" + (f"\n         {paths['pdf']}" if paths["pdf"] else ""))
    return 0
