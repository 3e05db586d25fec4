"""Extraction over chunks of files: one Prefect task run per chunk, not per file (Prefect's own
work, ~0.1–0.2 s per task run here, is paid once per chunk). What stays per file: the content
cache (a spool file named by the file's SHA-256, the extractor and the limits), the record and its
status, and failure — a file that fails becomes its own record with its status, the chunk goes on.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import os
from pathlib import Path

from prefect import task
from prefect.cache_policies import NONE as NO_CACHE

from extractors import cache_root, extractor_version, limits
from extractors.document import sha256_of
from extractors.readers import admission
from pipeline.units.normalize import printable_path


def spool_dir() -> Path:
    """Where extraction results wait for the loader (and stay, as the content-keyed cache)."""
    return cache_root() / "extracts"


def caching() -> bool:
    return os.environ.get("PREFECT_TASKS_DISABLE_CACHING", "").lower() not in ("1", "true", "yes")


def cache_name(path: str, root: str | None) -> str | None:
    """Same bytes + same extractor (code and registry) + same limits → same result, whatever the
    path. None for what must be looked at again every time: a path that must not be opened (it
    may hold a file next time), a link found in a folder (where it points may change)."""
    if admission(path, root):
        return None
    try:
        if root and Path(path).is_symlink():
            return None
        return f"{sha256_of(path)}-{extractor_version()}-{limits.stamp()}.json.gz"
    except OSError:
        return None


def spool(rec: dict, text: str | None, name: str | None) -> str:
    """Write one result; only its path travels back to the flow (which then holds no record)."""
    if name is None or rec["status"] == "timeout" or (rec.get("error") or "").startswith("the extraction"):
        # not a result of the bytes alone (the machine was busy, a worker did not start): never reused
        seed = (rec["source"]["sha256"] or hashlib.sha256(os.fsencode(rec["source"]["path"])).hexdigest())
        name = f"{seed}-{extractor_version()}-once-{os.getpid()}-{os.urandom(4).hex()}.json.gz"
    out = spool_dir() / name
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(f".{os.getpid()}.{os.urandom(3).hex()}.tmp")
    with gzip.open(tmp, "wt", encoding="utf-8") as f:
        json.dump({"record": rec, "text": text}, f, ensure_ascii=False)
    os.replace(tmp, out)
    return str(out)


def read_spool(spooled: str, path: str, root: str | None) -> tuple[dict, str | None]:
    try:
        with gzip.open(spooled, "rt", encoding="utf-8") as f:
            data = json.load(f)
        if "-once-" in Path(spooled).name:
            Path(spooled).unlink(missing_ok=True)
        data["record"]["source"]["path"] = printable_path(path)  # the same bytes may sit at another path
        return data["record"], data["text"]
    except (OSError, ValueError):  # a cached result whose spool file was removed: extract again
        from extractors.worker import extract_limited
        return extract_limited(path, root)


def extract_items(items: list[tuple[str, str | None]], workers: int = 1) -> list[str]:
    """The spool file of each (path, root), in order: from the cache, or extracted `workers` at a
    time in killable worker processes (extractors.worker)."""
    out: list[str | None] = [None] * len(items)
    names = [cache_name(p, r) for p, r in items]
    todo = []
    for i, name in enumerate(names):
        if name and caching() and (spool_dir() / name).is_file():
            out[i] = str(spool_dir() / name)
        else:
            todo.append(i)
    if todo:
        from extractors.worker import extract_many
        for i, (rec, text) in zip(todo, extract_many([items[i] for i in todo], workers)):
            out[i] = spool(rec, text, names[i])
    return out  # type: ignore[return-value]


@task(retries=1, retry_delay_seconds=1, cache_policy=NO_CACHE, task_run_name="extract chunk {number} ({size} files)")
def extract_chunk(items: list[tuple[str, str | None]], number: int, size: int, workers: int = 1) -> list[str]:
    """Extract one chunk of files (a failing file fails alone: its record says why)."""
    return extract_items(items, workers)


def chunks(items: list, size: int) -> list[list]:
    return [items[k:k + size] for k in range(0, len(items), size)]
