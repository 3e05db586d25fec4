"""Readers (file -> Document) and finders (Document -> extraction record)."""
from __future__ import annotations

import functools
import hashlib
from pathlib import Path

# Bump when extraction rules change; registry data changes are picked up by `extractor_version`.
EXTRACTOR_VERSION = "0.6.0"


@functools.lru_cache(maxsize=1)
def extractor_version() -> str:
    """The rules' version plus a digest of the unit registry's data files: either changing
    means every file is extracted and loaded again (cache keys and `documents` use it)."""
    registry = Path(__file__).resolve().parent.parent / "pipeline" / "registry"
    h = hashlib.sha256()
    for path in sorted(registry.rglob("*.csv")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return f"{EXTRACTOR_VERSION}+{h.hexdigest()[:10]}"
