"""Document → extraction record (extractors/record.py; the contract in docs/record.md)."""
from __future__ import annotations

import re
from datetime import date

from extractors.amendments import find_amendment
from extractors.dates import find_dates
from extractors.document import Document
from extractors.rosters import find_rosters
from extractors.metadata import find_metadata
from extractors.news import news_year, year_mentions
from extractors.persons import find_persons
from extractors.record import SCHEMA, ExtractionRecord
from extractors.references import find_references

YEAR = re.compile(r"\bnăm\s+((?:19|20)\d{2})\b", re.IGNORECASE)


def roster_year(doc_type: str, subject: str | None, groups: list[dict], lines, issued) -> tuple[int | None, str | None]:
    """The year the rosters apply to, and a warning when it is not stated."""
    if doc_type == "tin_bai":
        year = news_year(lines, issued)
        return year, ("tin bài không nêu năm của cụm, khối thi đua: để trống năm (year)" if year is None and groups else None)
    if not groups:
        return None, None
    if subject and doc_type != "tin_bai":
        years = YEAR.findall(subject)
        if years:
            return int(years[-1]), None
    rows = {(g["provenance"] or {}).get("line") for g in groups} | {
        m["provenance"]["line"] for g in groups for m in g["members"]}
    texts = [l.text for l in lines if l.line in rows or re.search(r"(?i)trưởng (?:khối|cụm)|(?:khối|cụm) (?:trưởng|phó)|phó (?:khối|cụm)", l.text)]
    years = [int(y) for t in texts for y in YEAR.findall(t)]
    if years:
        return max(years), None
    if subject:
        years = YEAR.findall(subject)
        if years:
            return int(years[-1]), None
    return None, "văn bản không nêu năm của danh sách: để trống năm"


_VIET_LETTERS = re.compile(r"[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", re.IGNORECASE)


def looks_vietnamese(text: str) -> bool:
    letters = sum(1 for c in text if c.isalpha())
    return letters < 40 or len(_VIET_LETTERS.findall(text)) >= 0.05 * letters


def extract(doc: Document) -> ExtractionRecord:
    record: ExtractionRecord = {
        "schema": SCHEMA, "source": doc.source(), "status": doc.status, "error": doc.error,
        "doc_type": None, "number": None, "symbol": None, "issued_date": None, "place": None,
        "issuer": None, "subject": None, "signer": None, "year": None, "groups": [],
        "persons": [], "dates": [], "references": [], "warnings": [],
    }
    record["warnings"] = list(doc.warnings_reader)
    if doc.signatures:
        from extractors.readers.signatures import changed_after_signing
        record["signatures"] = doc.signatures
        if changed_after_signing(doc.signatures):
            doc.warnings_reader.append("the PDF was changed after its last digital signature")
            record["warnings"] = list(doc.warnings_reader)
    if doc.stamps:
        # Seals and e-signature stamps seen on the pages: evidence of signing, never the document's text.
        record["signature_stamps"] = doc.stamps
    if doc.status not in ("ok", "partial"):
        return record
    lines = doc.lines()
    meta = find_metadata(lines, doc.title, doc.path)
    issued = meta["issued_date"]
    groups, warnings = find_rosters(doc)
    if not looks_vietnamese(doc.text):
        warnings.append("văn bản không giống tiếng Việt: trường nào không thấy bố cục thì để trống")
    year, year_warning = roster_year(meta["doc_type"], meta["subject"], groups, lines, issued)
    if year_warning:
        warnings.append(year_warning)
    ev = meta["evidence"]
    # A signature's time bounds the issue date from above; it is never the issue date. The
    # signatures in the file come first; else the time printed in a stamp on a scanned copy.
    from extractors.readers.stamps import bounding_times
    signing_times = doc.signing_times or bounding_times(doc.stamps)
    if signing_times:
        signed = date.fromisoformat(signing_times[0][:10])
        if issued and issued > signed:
            warnings.append(f"ngày ban hành {issued.strftime('%d/%m/%Y')} sau lần ký số đầu tiên "
                            f"({signing_times[0]}): để trống")
            issued = None
        elif issued is None and meta["doc_type"] != "tin_bai":
            warnings.append(f"chưa đọc được ngày ban hành; văn bản được ký số ngày {signed.strftime('%d/%m/%Y')} "
                            "nên ban hành vào hoặc trước ngày đó")
    if meta["number"] is None and meta["symbol"] and meta["doc_type"] != "tin_bai":
        warnings.append(f"để trống số, giữ ký hiệu {meta['symbol']}" + (f": {ev['note']}" if ev.get("note") else ""))
    if ev.get("date_note"):
        warnings.append(f"để trống ngày ban hành: {ev['date_note']}")
    for page, conf in sorted(doc.ocr_confidence.items()):
        if conf < 85:
            warnings.append(f"độ tin cậy OCR {conf:.0f} ở trang {page}: hãy xem trang này bằng mắt")
    if meta["doc_type"] not in ("tin_bai", "khac") and issued is None and not ev.get("date_note") and not signing_times:
        warnings.append("không thấy ngày ban hành")
    if meta["signer"] is None and meta["doc_type"] not in ("tin_bai", "khac"):
        warnings.append("không thấy phần chữ ký")
    record.update({
        "doc_type": meta["doc_type"], "number": meta["number"], "symbol": meta["symbol"],
        "issued_date": issued.isoformat() if issued else None, "place": meta["place"],
        "issuer": meta["issuer"], "subject": meta["subject"], "signer": meta["signer"],
        "year": year, "groups": groups,
        "persons": find_persons(lines, meta["signer"]),
        "dates": find_dates(lines, issued, meta["doc_type"] == "tin_bai") + [
            {"date": t[:10], "role": "other", "text": f"digital signature {t}", "provenance": {"page": None, "line": None}}
            for t in doc.signing_times],
        "references": find_references(lines, meta["number"]),
        "warnings": list(doc.warnings_reader) + warnings,
    })
    amends, changes = find_amendment(lines, meta["subject"])
    if amends:
        record["amends"] = amends
        record["changes"] = changes
        if changes and record["year"] is None and meta["subject"]:
            # An amending decision changes the rosters of the year its title names
            # ("… tổ chức các Cụm, Khối thi đua của tỉnh năm 2024").
            years = year_mentions(meta["subject"], None)
            record["year"] = years[-1][1] if years else None
        if not changes:
            warnings.append(f"sửa đổi {amends['number']} nhưng không nhận ra thay đổi danh sách nào")
    # Where the header fields were read (or where a reviewer should look when they were not).
    where = dict(meta["where"])
    if meta["doc_type"] == "tin_bai":
        where.pop("issued_date", None)
    if meta["signer"] and meta["signer"].get("provenance"):
        where["signer"] = meta["signer"]["provenance"]
    record["field_provenance"] = where
    if ev.get("number_source"):
        record["number_source"] = ev["number_source"]
    if ev.get("date_source"):
        record["issued_date_source"] = ev["date_source"]
    return record


def extract_path(path: str) -> dict:
    return safe_extract(path)[0]


def safe_extract(path: str, root: str | None = None) -> tuple[ExtractionRecord, str | None]:
    """Extract one file and never raise: a failure becomes the record's status and error.

    Returns the record and the document text (for full-text search).
    """
    from extractors import limits
    from extractors.readers import read
    from pipeline.units.registry import resolve_record
    doc = read(path, root)
    too_large = limits.document_too_large(doc.lines()) if doc.blocks else None
    if too_large:  # before any finder: their work grows with the text
        doc.blocks.clear()
        doc.status, doc.error = "too_large", too_large
    try:
        record = resolve_record(extract(doc), doc.text if doc.blocks else None)
        too_large = limits.lists_too_large(record)
        if too_large:
            record = extract(Document(path=doc.path, sha256=doc.sha256, format=doc.format, pages=doc.pages,
                                      status="too_large", error=too_large))
    except Exception as e:  # a finder bug must not stop a batch; the file is marked for a look
        record = extract(Document(path=doc.path, sha256=doc.sha256, format=doc.format, pages=doc.pages,
                                  status="unreadable", error=f"extraction failed: {type(e).__name__}: {e}"))
    text = doc.text if doc.blocks else None
    return record, text
