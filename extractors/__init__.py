"""Readers (file -> Document) and finders (Document -> extraction record)."""
from __future__ import annotations

import functools
import hashlib
from pathlib import Path

EXTRACTOR_VERSION = "0.7.0"

_ROOT = Path(__file__).resolve().parent.parent
# What an extraction record depends on: the finders and readers, normalisation, the registry.
_INPUTS = ["extractors/**/*.py", "pipeline/units/normalize.py", "pipeline/units/registry.py", "pipeline/units/territory.py",
           "pipeline/units/data/**/*.csv"]


@functools.lru_cache(maxsize=1)
def cache_root():
    """Where results that can be made again are kept ($QUYETDINH_CACHE, else ~/.cache/quyetdinh)."""
    import os
    from pathlib import Path
    return Path(os.environ.get("QUYETDINH_CACHE", Path.home() / ".cache" / "quyetdinh"))


@functools.lru_cache(maxsize=1)  # once per process: it reads ~200 KB (a registry edit clears it)
def extractor_version() -> str:
    """The release plus a digest of the code and data extraction depends on: any change to
    them re-extracts and reloads every file (Prefect cache keys and `documents` use it)."""
    import os
    h = hashlib.sha256()
    for pattern in _INPUTS:
        for path in sorted(_ROOT.glob(pattern)):
            h.update(str(path.relative_to(_ROOT)).encode())
            h.update(path.read_bytes())
    user = os.environ.get("QUYETDINH_REGISTRY")  # the user's registry beside the database (pipeline.units.registry)
    for path in sorted(Path(user).glob("provinces/*.csv")) if user else []:
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return f"{EXTRACTOR_VERSION}+{h.hexdigest()[:10]}"
