"""The rows one extraction record becomes: pure, no I/O (easy to test).

Corrections are applied before this step (pipeline.corrections.apply); the store only writes
the record it is given, and keeps the record as extracted beside it.
"""
from __future__ import annotations

import hashlib
import json
import os
from datetime import datetime, timezone

from extractors import extractor_version
from extractors.metadata import expects_roster
from extractors.record import ExtractionRecord, to_json
from pipeline.store.schema import CHILD_TABLES, TABLES, unit_rows
from pipeline.units.normalize import fold_diacritics


def _prov(obj) -> dict:
    p = (obj or {}).get("provenance") or {}
    return {"page": p.get("page"), "line": p.get("line")}


def document_id(record: ExtractionRecord) -> str:
    """The file's SHA-256; a file that could not be read at all is known by its path."""
    src = record["source"]
    return src["sha256"] or "path-" + hashlib.sha256(src["path"].encode()).hexdigest()[:40]


def record_rows(record: ExtractionRecord, text: str | None, raw: ExtractionRecord | None = None,
                corrections_digest: str | None = None) -> dict[str, list[dict]]:
    """The rows one extraction record becomes (no I/O: easy to test).

    `record` may carry human corrections (applied before, by pipeline.corrections); `raw` is the
    record as extracted, kept in `decisions.record` so corrections can be re-applied later without
    reading the file again, and `corrections_digest` says which corrections `record` carries."""
    raw = record if raw is None else raw
    src = record["source"]
    doc_id = document_id(record)
    rows: dict[str, list[dict]] = {name: [] for name in ["documents", "decisions", *CHILD_TABLES]}
    rows["documents"].append({
        # The path as typed, and where the file was when it was loaded (to show its pages later,
        # from any folder): a relative path alone breaks as soon as one runs from elsewhere.
        "id": doc_id, "path": src["path"], "abs_path": os.path.abspath(src["path"]), "format": src["format"],
        "pages": src.get("pages"),
        "ocr": int(bool(src.get("ocr"))), "status": record["status"], "error": record.get("error"),
        "text": text, "text_folded": fold_diacritics(text) if text else None,
        "extractor_version": extractor_version(), "loaded_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "ocr_confidence": min(src["ocr_confidence"].values()) if src.get("ocr_confidence") else None,
        "ocr_pages": json.dumps(src["ocr_confidence"]) if src.get("ocr_confidence") else None,
        "signing_times": json.dumps(src.get("signing_times")) if src.get("signing_times") else None,
        "corrections_digest": corrections_digest,
    })
    rows["signatures"] = [{"id": f"{doc_id[:16]}-s{k + 1}", "document_id": doc_id, "position": k + 1,
                           **{c: s.get(c) for c in ("field", "signer", "organization", "signing_time", "reason",
                                                     "location", "status")},
                           **{c: None if s.get(c) is None else int(bool(s[c])) for c in ("intact", "covers_whole_file", "trusted")}}
                          for k, s in enumerate(record.get("signatures") or [])]
    if record["status"] not in ("ok", "partial"):
        return rows
    signer = record.get("signer") or {}
    rows["decisions"].append({
        "id": doc_id, "document_id": doc_id, "doc_type": record["doc_type"], "number": record["number"],
        "symbol": record["symbol"], "issued_date": record["issued_date"], "place": record["place"],
        "issuer": record["issuer"], "subject": record["subject"], "signer_name": signer.get("name"),
        "signer_title": signer.get("title"), "signer_authority": signer.get("authority"), "year": record["year"],
        "province": record.get("province"),
        "warnings": json.dumps(record["warnings"], ensure_ascii=False),
        "record": to_json(raw),
        "human_fields": json.dumps(record["human"], ensure_ascii=False) if record.get("human") else None,
        "field_provenance": json.dumps(record["field_provenance"], ensure_ascii=False) if record.get("field_provenance") else None,
        "expects_roster": int(expects_roster(record)),
    })
    for i, g in enumerate(record["groups"]):
        gid = f"{doc_id[:16]}-g{i + 1}"
        rows["groups"].append({
            "id": gid, "decision_id": doc_id, "kind": g["kind"], "name": g["name"], "ordinal": g["ordinal"],
            "year": record["year"], "leader": g["leader"], "deputies": json.dumps(g["deputies"], ensure_ascii=False),
            "stated_member_count": g["stated_member_count"], "member_count": len(g["members"]), **_prov(g),
            "human_fields": json.dumps(g["human"], ensure_ascii=False) if g.get("human") else None})
        for j, m in enumerate(g["members"]):
            p = m.get("provenance") or {}
            rows["memberships"].append({
                "id": f"{gid}-m{j + 1}", "group_id": gid, "decision_id": doc_id, "position": j + 1,
                "unit_name": m["name"], "unit_id": m["unit_id"], "role": m["role"], "year": record["year"],
                "source_path": p.get("file") or src["path"] if m.get("human") and "page" not in p else src["path"],
                **_prov(m),
                "resolution_method": (m.get("resolution") or {}).get("method"),
                "resolution_score": (m.get("resolution") or {}).get("score"),
                "provenance": "human" if m.get("human") else "extracted", "correction": m.get("human"),
                "confidence": p.get("confidence"), "bbox": json.dumps(p["bbox"]) if p.get("bbox") else None})
    for name, key in [("persons", "persons"), ("dates", "dates"), ("references", "references")]:
        for k, item in enumerate(record[key]):
            row = {"id": f"{doc_id[:16]}-{name[0]}{k + 1}", "decision_id": doc_id, **_prov(item)}
            row.update({c: item.get(c) for c in TABLES[name]["columns"] if c in item and c != "id"})
            if name == "dates":
                row["year_inferred"] = int(bool(item.get("year_inferred")))
            rows[name].append(row)
    for k, op in enumerate(record.get("changes") or []):
        rows["amendments"].append({
            "id": f"{doc_id[:16]}-a{k + 1}", "decision_id": doc_id, "amends_number": record["amends"]["number"],
            "amends_date": record["amends"]["date"], "effective": record["issued_date"], "position": k + 1,
            "op": op["op"], "unit": op.get("unit"), "from_group": op.get("from_group"), "to_group": op.get("to_group"),
            "grp": op.get("group"), "role": op.get("role"), "old_unit": op.get("old_unit"), **_prov(op)})
    rows.update(unit_rows([m["unit_id"] for g in record["groups"] for m in g["members"]]))
    return rows
