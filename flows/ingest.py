"""The main job: discover files → extract each (a task, cached by content) → load → validate.

Thin on purpose: parsing lives in `extractors`, SQL in `pipeline.store`, rules in
`pipeline.validate`.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from prefect import flow, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NONE as NO_CACHE

from extractors import extractor_version
from extractors.document import sha256_of
from extractors.readers import SUPPORTED


def discover_files(paths: list[str]) -> list[str]:
    """Files to read: given files as they are, directories expanded recursively, sorted."""
    out: list[str] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            out.extend(str(f) for f in sorted(path.rglob("*")) if f.is_file() and f.suffix.lower() in SUPPORTED)
        else:
            out.append(str(path))
    return out


def content_key(context, parameters) -> str:
    """Same bytes + same extractor version → same result, whatever the path."""
    try:
        return f"extract-{sha256_of(parameters['path'])}-{extractor_version()}"
    except OSError:
        return f"extract-missing-{parameters['path']}"


@task(retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def discover(paths: list[str]) -> list[str]:
    return discover_files(paths)


@task(cache_key_fn=content_key, persist_result=True, task_run_name="extract {path}")
def extract_file(path: str) -> tuple[dict, str | None]:
    from extractors.extract import safe_extract
    return safe_extract(path)


@task(cache_policy=NO_CACHE)
def load_results(db_path: str, results: list[tuple[dict, str | None]]) -> dict:
    from pipeline.store import load_record, open_db
    db = open_db(db_path)
    loaded = sum(load_record(db, rec, text) for rec, text in results)
    return {"loaded": loaded}


@task(cache_policy=NO_CACHE)
def validate_db(db_path: str) -> list[dict]:
    from pipeline.store import open_db
    from pipeline.validate import refresh
    return refresh(open_db(db_path))


def summarize(results: list[tuple[dict, str | None]], issues: list[dict], loaded: int) -> dict:
    records = [r for r, _ in results]
    status = Counter(r["status"] for r in records)
    return {
        "files": len(records), "loaded": loaded, "status": dict(status),
        "decisions": sum(1 for r in records if r["status"] in ("ok", "partial")),
        "groups": sum(len(r["groups"]) for r in records),
        "members": sum(len(g["members"]) for r in records for g in r["groups"]),
        "warnings": sum(len(r["warnings"]) for r in records),
        "issues": dict(Counter(i["severity"] for i in issues)),
        "failed": [(r["source"]["path"], r["status"], r["error"]) for r in records if r["status"] not in ("ok", "partial")],
        "issue_rows": issues,
    }


def summary_markdown(s: dict) -> str:
    rows = "\n".join(f"| {k} | {v} |" for k, v in [
        ("files read", s["files"]), ("newly loaded", s["loaded"]), ("decisions/documents with text", s["decisions"]),
        ("groups", s["groups"]), ("members", s["members"]), ("warnings", s["warnings"]),
        ("status", ", ".join(f"{k}: {v}" for k, v in s["status"].items())),
        ("validation", ", ".join(f"{k}: {v}" for k, v in s["issues"].items()) or "no issues")])
    failed = "\n".join(f"- `{p}`: {st} — {e}" for p, st, e in s["failed"]) or "none"
    return f"# quyetdinh run\n\n| what | count |\n|---|---|\n{rows}\n\n## Files not read\n{failed}\n"


@flow(name="quyetdinh-ingest", log_prints=False)
def ingest(paths: list[str], db_path: str = "data/quyetdinh.db", year: int | None = None) -> dict:
    files = discover(paths)
    results = [extract_file(path) for path in files]
    if year is not None:
        results = [(r, t) for r, t in results if r["year"] == year or (r["issued_date"] or "")[:4] == str(year)]
    loaded = load_results(db_path, results)["loaded"]
    issues = validate_db(db_path)
    summary = summarize(results, issues, loaded)
    create_markdown_artifact(markdown=summary_markdown(summary), key="quyetdinh-run-summary",
                             description="Files read, rosters found and validation issues")
    return summary
