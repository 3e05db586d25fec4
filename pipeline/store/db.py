"""Opening the database: refuse what is not ours, create or upgrade it, and write transactions.

Several runs may share one file: WAL, a busy timeout, a lock around schema creation, and
transactions that take the write lock when they begin.
"""
from __future__ import annotations

import fcntl
import os
import sqlite3
import urllib.parse
from contextlib import contextmanager

import sqlite_utils

from pipeline.store.schema import SCHEMA_VERSION, ensure_schema


class DatabaseRefused(Exception):
    """A file that must not be opened as this project's database (one line, in Vietnamese)."""


def check_database_file(path: str) -> None:
    """Refuse, before anything is written, a file that is not SQLite or that a newer version
    of quyetdinh wrote (PRAGMA user_version above ours): opening it would change it."""
    if path == ":memory:" or not os.path.exists(path) or os.path.getsize(path) == 0:
        return
    try:
        conn = sqlite3.connect(f"file:{urllib.parse.quote(os.path.abspath(path))}?mode=ro", uri=True)
        try:
            conn.execute("PRAGMA busy_timeout = 60000")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            conn.execute("select count(*) from sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as e:
        if "not a database" in str(e) or "malformed" in str(e):
            raise DatabaseRefused(f"{path} không phải là cơ sở dữ liệu SQLite dùng được ({e})") from None
        raise  # cannot open it (a read-only folder, …): said by the caller in its own words
    if version > SCHEMA_VERSION:
        raise DatabaseRefused(f"{path} do một phiên bản quyetdinh mới hơn tạo (lược đồ {version}, phiên bản này "
                              f"biết đến {SCHEMA_VERSION}): không mở để khỏi làm hỏng; hãy cập nhật quyetdinh")


def open_db(path: str) -> sqlite_utils.Database:
    """Open (and create or upgrade) the database. Several runs may share it: WAL, a busy
    timeout, and writes that take the write lock when they begin. A file that is not SQLite or
    comes from a newer quyetdinh is refused unchanged (DatabaseRefused)."""
    check_database_file(str(path))
    db = sqlite_utils.Database(path)
    db.execute("PRAGMA busy_timeout = 60000")
    if path != ":memory:":
        with open(str(path) + ".lock", "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # two runs must not create the schema at the same time
            try:
                check_database_file(str(path))  # another run may have upgraded it meanwhile
                db.enable_wal()
                ensure_schema(db)
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)
    else:
        ensure_schema(db)
    return db


@contextmanager
def write_transaction(db: sqlite_utils.Database):
    """BEGIN IMMEDIATE: take the write lock first (waiting up to the busy timeout), so a
    transaction never fails half-way because another run wrote in between."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.execute("ROLLBACK")
        raise
    else:
        db.execute("COMMIT")


def meta_value(db: sqlite_utils.Database, key: str) -> str | None:
    row = db.execute("select value from _meta where key = ?", [key]).fetchone() if "_meta" in db.table_names() else None
    return row[0] if row else None


def set_meta_value(db: sqlite_utils.Database, key: str, value: str) -> None:
    with write_transaction(db):
        db.table("_meta").upsert({"key": key, "value": value}, pk="key")
