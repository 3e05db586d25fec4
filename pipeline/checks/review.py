"""The review queue: what a person should look at, and where (view `review_queue`)."""
from __future__ import annotations

import json
from pathlib import Path

import sqlite_utils

from pipeline.units.messages import review_kind_word, say, severity_word

KINDS = ("file_not_read", "missing_required", "low_confidence", "unknown_unit", "unsure_unit", "validation_error", "validation_warning",
         "orphaned_correction")


def review_items(db: sqlite_utils.Database, kind: str | None = None) -> list[dict]:
    sql = "select * from review_queue" + (" where kind = ?" if kind else "") + \
          " order by case severity when 'error' then 0 else 1 end, kind, path, page, line"
    items = [dict(r) for r in db.query(sql, [kind] if kind else [])]
    files = {r["id"]: r["abs_path"] for r in db.query("select id, abs_path from documents")}
    for it in items:
        it["file"] = files.get(it.get("document_id")) or it.get("path")
        it["bbox"] = json.loads(it["bbox"]) if it.get("bbox") else None
    return items


def where(it: dict) -> str:
    parts = [it["path"] or "?"]
    if it.get("page"):
        parts.append(say("review_page", page=it["page"]))
    if it.get("line"):
        parts.append(say("review_line", line=it["line"]))
    return " ".join(parts)


def format_review(items: list[dict]) -> str:
    if not items:
        return say("review_none")
    out = [say("review_count", count=len(items))]
    for it in items:
        doc = (it.get("document_id") or "")[:12]
        out.append(f"  [{severity_word(it['severity'])}] {review_kind_word(it['kind'])} ({it['kind']})  {it['field']}"
                   + (f" = {it['value']}" if it.get("value") is not None else ""))
        out.append(f"      {it['why']}")
        seen = "      " + say("review_at", where=where(it), doc=doc)
        if it.get("text"):
            seen += f"  «{it['text']}»"
        if it.get("bbox"):
            seen += f"  {say('review_region')} " + ",".join(f"{v:.0f}" for v in it["bbox"])
        out.append(seen)
    return "\n".join(out)


def page_region(path: str, page: int, bbox: list[float] | None, dpi: int = 150):
    """The page image (PIL) of a PDF, cut to `bbox` (PDF points) with a margin; None if unavailable."""
    import pypdfium2
    if not (path and page and Path(path).suffix.lower() == ".pdf" and Path(path).is_file()):
        return None
    pdf = pypdfium2.PdfDocument(path)
    try:
        if not 1 <= page <= len(pdf):
            return None
        from extractors import limits
        if limits.page_megapixels(*pdf[page - 1].get_size(), dpi) > limits.max_page_megapixels():
            return None
        image = pdf[page - 1].render(scale=dpi / 72).to_pil()
    finally:
        pdf.close()
    if bbox:
        k = dpi / 72
        x0, top, x1, bottom = bbox
        image = image.crop((max(0, int((x0 - 24) * k)), max(0, int((top - 12) * k)),
                            min(image.width, int((x1 + 24) * k)), min(image.height, int((bottom + 12) * k))))
    return image


def save_crops(items: list[dict], out_dir: str | Path, dpi: int = 150) -> tuple[int, dict[str, int]]:
    """PNG images of the page regions the items came from (OCR'd PDFs), for a person to read;
    and, for the items without one, why (reason → count)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    n, without = 0, {}
    for i, it in enumerate(items, start=1):
        file = it.get("file") or it.get("path")
        if not it.get("page"):
            why = "mục không gắn với một trang"
        elif not file or Path(file).suffix.lower() != ".pdf":
            why = "không phải tệp PDF"
        elif not Path(file).is_file():
            why = "tệp không còn ở chỗ cũ"
        else:
            image = page_region(file, it.get("page"), it.get("bbox"), dpi)
            if image is not None:
                image.save(out / f"{i:03d}-{it['kind']}-{(it.get('document_id') or 'doc')[:8]}-p{it['page']}.png")
                n += 1
                continue
            why = "tệp không có trang đó"
        without[why] = without.get(why, 0) + 1
    return n, without
