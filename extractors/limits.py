"""Limits on what one file may cost, as settings with safe defaults (environment variables)."""
from __future__ import annotations

import os


def stamp() -> str:
    """The limits in force, for cache keys: a file stopped by a limit is read again when it changes."""
    import hashlib
    values = sorted((k, v) for k, v in os.environ.items() if k.startswith("QUYETDINH_MAX_"))
    return hashlib.sha256(repr(values).encode()).hexdigest()[:8]


def _number(name: str, default: float) -> float:
    try:
        return float(os.environ.get(name, default))
    except ValueError:
        return default


def max_file_mb() -> float:
    return _number("QUYETDINH_MAX_FILE_MB", 100)


def max_pages() -> int:
    return int(_number("QUYETDINH_MAX_PAGES", 500))


def max_inflated_mb() -> float:
    """DOCX: the total size of the unzipped parts (a zip bomb inflates to gigabytes)."""
    return _number("QUYETDINH_MAX_INFLATED_MB", 200)


def max_seconds() -> float:
    return _number("QUYETDINH_MAX_SECONDS_PER_FILE", 300)


def max_page_megapixels() -> float:
    """A page is rendered (OCR, review crops) only when its size × resolution stays under this:
    a 19 KB PDF may declare a 5000 × 5000 pt page, gigabytes once rendered at 300 dpi."""
    return _number("QUYETDINH_MAX_PAGE_MEGAPIXELS", 60)


def page_megapixels(width_pt: float, height_pt: float, dpi: float) -> float:
    return float(width_pt) * float(height_pt) * (dpi / 72) ** 2 / 1e6


def max_memory_mb() -> float:
    """Address space of the extraction worker and what it starts (0: no limit); a file that needs
    more is too_large. Measured: about 600 MB after the samples and two scans."""
    return _number("QUYETDINH_MAX_MEMORY_MB", 4096)


def max_text_chars() -> int:
    return int(_number("QUYETDINH_MAX_TEXT_CHARS", 2_000_000))


def max_lines() -> int:
    return int(_number("QUYETDINH_MAX_LINES", 50_000))


def max_line_chars() -> int:
    """One line (paragraph) longer than this is not a decision's text: the finders' work grows with it."""
    return int(_number("QUYETDINH_MAX_LINE_CHARS", 100_000))


def max_nlp_chars() -> int:
    """The person-name model reads at most this much of one line (its cost grows faster than the line)."""
    return int(_number("QUYETDINH_MAX_NLP_LINE_CHARS", 1000))


def max_members() -> int:
    """Members in one group, and groups in one document: a list longer than this is not a roster."""
    return int(_number("QUYETDINH_MAX_LIST", 5000))


def document_too_large(lines: list) -> str | None:
    """Why this text is over a limit (one line), or None; checked before any finder runs."""
    chars = sum(len(l.text) for l in lines)
    if chars > max_text_chars():
        return f"the text has {chars:,} characters (limit {max_text_chars():,}, QUYETDINH_MAX_TEXT_CHARS)"
    if len(lines) > max_lines():
        return f"the text has {len(lines):,} lines (limit {max_lines():,}, QUYETDINH_MAX_LINES)"
    longest = max((len(l.text) for l in lines), default=0)
    if longest > max_line_chars():
        return f"one line has {longest:,} characters (limit {max_line_chars():,}, QUYETDINH_MAX_LINE_CHARS)"
    return None


def lists_too_large(record: dict) -> str | None:
    groups = record.get("groups") or []
    if len(groups) > max_members():
        return f"{len(groups):,} groups in one document (limit {max_members():,}, QUYETDINH_MAX_LIST)"
    big = max((len(g["members"]) for g in groups), default=0)
    if big > max_members():
        return f"a group of {big:,} members (limit {max_members():,}, QUYETDINH_MAX_LIST)"
    return None


def workers() -> int:
    """Extraction processes of a run (`--workers` overrides it); each runs Tesseract single-threaded.
    Default: the machine's cores."""
    return max(1, int(_number("QUYETDINH_WORKERS", os.cpu_count() or 1)))


def chunk_files() -> int:
    """Files per flow task: Prefect's own work is paid once per chunk, not once per file."""
    return max(1, int(_number("QUYETDINH_CHUNK_FILES", 25)))


def ocr_all_pages() -> bool:
    """OCR every scanned page (1), or only those that may hold a roster or the signature (0, default):
    a year's batch is mostly decisions that are not about cụm/khối thi đua."""
    return os.environ.get("QUYETDINH_OCR_ALL_PAGES", "0") not in ("", "0")
