"""Limits on what one file may cost, as settings with safe defaults (environment variables)."""
from __future__ import annotations

import os


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
