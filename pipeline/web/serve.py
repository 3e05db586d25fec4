"""Datasette over the database, in this process: read-only, never immutable.

Read-only (`mode=ro` connections, no write route) but not immutable: a run may write beside a
running server, and an immutable connection trusts a file that no longer matches its cache
("database disk image is malformed", old row counts). A `mode=ro` connection reads the WAL
like any other reader, so every request sees the last committed run.

Datasette runs in this process (no child to orphan) and its metadata is passed as data (no
temporary folder to leave behind).
"""
from __future__ import annotations

from pathlib import Path

import yaml

from pipeline.units.messages import lang

METADATA = Path(__file__).parent / "datasette" / "metadata.yml"
PLUGINS = Path(__file__).parent / "datasette" / "plugins"
# Datasette 0.65.5's templates with their words in Vietnamese; QUYETDINH_LANG=en serves Datasette's own.
TEMPLATES = Path(__file__).parent / "datasette" / "templates"
SETTINGS = {"sql_time_limit_ms": 3000, "default_page_size": 100}
HOST = "127.0.0.1"  # never another interface: the data is not meant to be published by this command


def metadata_for(db: str) -> dict:
    """The project's metadata under this database's name (Datasette names it after the file)."""
    meta = yaml.safe_load(METADATA.read_text(encoding="utf-8"))
    meta["databases"] = {Path(db).stem: meta["databases"]["quyetdinh"]}
    return meta


def build(db: str):
    """The Datasette instance (mutable file, read-only connections), started and checked."""
    import asyncio

    from datasette.app import Datasette
    from datasette.utils import check_connection
    ds = Datasette([str(db)], metadata=metadata_for(db), plugins_dir=str(PLUGINS), settings=SETTINGS,
                   template_dir=str(TEMPLATES) if lang() == "vi" else None)

    async def start():
        await ds.invoke_startup()
        for database in list(ds.databases.values()):
            await database.execute_fn(check_connection)
    asyncio.run(start())
    return ds


def serve(db: str, port: int) -> None:
    import uvicorn
    uvicorn.run(build(db).app(), host=HOST, port=port, log_level="warning", lifespan="on", workers=1)
