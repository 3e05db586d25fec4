"""Commands a person uses to teach the pipeline: the review queue, corrections, the unit registry.

Each imports what it needs when it runs, so the command line starts fast.
"""
from __future__ import annotations

import json
import os
import sys

from pipeline.cli_common import UsageError, need_db


def cmd_units(args) -> int:
    from pipeline.corrections import registry_edit
    if args.units_command == "unknown":
        need_db(args.db)
        from pipeline.store.db import open_db
        rows = registry_edit.unknown_units(open_db(args.db))
        if args.format == "json":
            print(json.dumps(rows, ensure_ascii=False, indent=2))
            return 0
        # A name in a document whose province was not found is not an unknown unit: the province is.
        homeless = [r for r in rows if not r["province"]]
        rows = [r for r in rows if r["province"]]
        print(f"{len(rows)} tên đơn vị chưa có trong sổ đơn vị")
        if homeless:
            print(f"  (và {sum(r['count'] for r in homeless)} tên trong văn bản chưa rõ tỉnh: đó là tỉnh chưa biết, "
                  "không phải đơn vị lạ — sửa cơ quan ban hành, vd. quyetdinh correct VĂN_BẢN issuer 'UBND tỉnh …')")
        for r in rows:
            cands = ", ".join(f"{c['name']} ({c['score']:.0f})" for c in r["candidates"][:3]) or "không có tên nào gần"
            print(f"  {r['unit_name']}  [{r['province'] or 'chưa rõ tỉnh'}, {r['count']} lần]  gần nhất: {cands}")
        return 0
    row = registry_edit.add_unit(args.name, args.province, unit_id=args.as_unit, kind=args.kind, on=args.date)
    print(f"đã thêm vào {row['file']}: {row['unit_id']} ← {args.name!r}")
    if os.path.exists(args.db):  # the stored records learn it now, without reading any file again
        from pipeline.corrections.entries import corrections_path
        from pipeline.store.db import open_db
        from pipeline.checks.validate import refresh
        db = open_db(args.db)
        done = registry_edit.reresolve(db, str(corrections_path(args.db)))
        refresh(db)
        print(f"đã đối chiếu lại {args.db}: {done['resolved']} tên đơn vị nay có mã, trong {done['documents']} văn bản")
    return 0


def cmd_review(args) -> int:
    need_db(args.db)
    from pipeline.checks.review import format_review, review_items, save_crops
    from pipeline.store.db import open_db
    items = review_items(open_db(args.db), args.kind)
    if args.format == "json":
        print(json.dumps(items, ensure_ascii=False, indent=2))
    else:
        print(format_review(items))
    if args.crops:
        n, without = save_crops(items, args.crops)
        print(f"đã lưu {n} vùng trang vào {args.crops}"
              + ("; không có vùng trang: " + ", ".join(f"{k} ({v})" for k, v in without.items()) if without else ""),
              file=sys.stderr)
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
    from pipeline.corrections.apply import apply_corrections
    from pipeline.corrections.entries import CorrectionError, add_entry, load_corrections, new_entry, save_corrections
    from pipeline.corrections.file import locked
    from pipeline.corrections.sync import sync_corrections
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
    from pipeline.corrections.entries import corrections_path
    from pipeline.store.db import open_db
    from pipeline.checks.validate import refresh
    db = open_db(args.db)
    doc = find_document(db, args.doc)
    path = args.corrections or str(corrections_path(args.db))
    entry, result = correct_document(db, doc, path, args.field, args.value, args.group, args.unit, args.note)
    refresh(db)
    target = f" [{entry['group']}]" if entry.get("group") else ""
    from pipeline.units.messages import status_word
    print(f"{entry['field']}{target} của {doc['path']}: {json.dumps(entry['old'], ensure_ascii=False)} → "
          f"{json.dumps(entry['new'], ensure_ascii=False)}  ({status_word(result['status'])}; bản sửa {entry['id']} "
          f"trong {path})")
    if result["status"] != "applied":
        print(f"  không áp dụng được: {result['message']}")
    return 0
