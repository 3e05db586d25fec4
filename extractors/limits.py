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


def max_page_megapixels() -> float:
    """A page is rendered (OCR, review crops) only when its size × resolution stays under this:
    a 19 KB PDF may declare a 5000 × 5000 pt page, gigabytes once rendered at 300 dpi."""
    return _number("QUYETDINH_MAX_PAGE_MEGAPIXELS", 60)


def page_megapixels(width_pt: float, height_pt: float, dpi: float) -> float:
    return float(width_pt) * float(height_pt) * (dpi / 72) ** 2 / 1e6
