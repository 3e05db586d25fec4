"""`serve` always shows the current database: read-only, not immutable, WAL-aware (issue 18, 1 and 7)."""
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str) -> tuple[int, dict | str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            body = r.read().decode()
            return r.status, json.loads(body) if url.split("?")[0].endswith(".json") else body
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def start_serve(db: Path, tmpdir: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "serve", "--db", str(db), "--port", str(port)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
                            env={**os.environ, "TMPDIR": str(tmpdir)})
    base = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            urllib.request.urlopen(base + "/-/versions.json", timeout=1)
            return proc, base
        except OSError:
            if proc.poll() is not None:
                break
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError(proc.stdout.read().decode())


def stop(proc: subprocess.Popen) -> str:
    proc.send_signal(signal.SIGINT)
    try:
        out, _ = proc.communicate(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate()
    return out.decode()


def test_serve_shows_rows_a_run_writes_beside_it(tmp_path, samples_db_path):
    """A run loading more files while the server is up: the next request shows them, no 500."""
    from extractors.extract import safe_extract
    from flows.ingest import discover_files
    from pipeline.store.db import open_db
    from pipeline.store.load import load_record
    files = discover_files([str(ROOT / "samples")])
    db_path = tmp_path / "q.db"
    db = open_db(str(db_path))
    for f in files[:5]:
        load_record(db, *safe_extract(f))
    db.conn.close()
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    proc, base = start_serve(db_path, private_tmp)
    try:
        status, first = get(base + "/q/documents.json?_shape=array&_size=max")
        assert status == 200 and len(first) == 5
        assert get(base + "/q/dates.json")[0] == 200
        # The "run": a writer keeps its connection open, so the new rows sit in the WAL file.
        db = open_db(str(db_path))
        for f in files[5:]:
            load_record(db, *safe_extract(f))
        from pipeline.checks.validate import refresh
        refresh(db)  # as a run ends: validation and the roster state
        assert Path(str(db_path) + "-wal").exists()
        status, docs = get(base + "/q/documents.json?_shape=array&_size=max")
        assert status == 200 and len(docs) == len(files)
        n_members = db.execute("select count(*) from memberships").fetchone()[0]
        n_dates = db.execute("select count(*) from dates").fetchone()[0]
        status, rows = get(base + "/q.json?sql=select+count(*)+as+n+from+memberships&_shape=array")
        assert status == 200 and rows[0]["n"] == n_members
        for table, n in (("dates", n_dates), ("memberships", n_members)):
            status, data = get(base + f"/q/{table}.json?_shape=objects&_size=1")
            assert status == 200, data
            assert data["filtered_table_rows_count"] == n
        status, roster = get(base + "/q/roster.json?year=2024&province=&_shape=array&_size=max")
        assert status == 200 and roster
        expected = db.execute("select count(*) from roster where year = 2024").fetchone()[0]
        assert len(roster) == expected
        db.conn.close()
        # Absurd parameters and Datasette's own database: refused (4xx), never a 500.
        for url in ("/-/quyetdinh/report/q?province=B&year=99999999999999999999999",
                    "/-/quyetdinh/report/q?province=B&year=2024&compare=-99999999999999999999",
                    "/-/quyetdinh/report/_internal?province=B&year=2024",
                    "/-/quyetdinh/region/_internal/abcdef.png?page=1",
                    "/-/quyetdinh/region/_memory/abcdef.png?page=1",
                    "/-/quyetdinh/region/q/abcdef.png?page=99999999999999999999999",
                    "/-/quyetdinh/region/q/..%2F..%2F..%2Fetc%2Fpasswd.png?page=1",
                    "/-/quyetdinh/report/q?province=%27%20or%201%3D1%20--&year=2024"):
            status, _ = get(base + url)
            assert 400 <= status < 500, url
        # Still read-only: a write through the SQL page is refused.
        assert get(base + "/q.json?sql=delete+from+documents")[0] == 400
    finally:
        out = stop(proc)
    assert "Traceback" not in out
    assert not list(private_tmp.iterdir())  # no metadata folder (nor anything else) left in the temporary folder
    con = sqlite3.connect(db_path)
    assert con.execute("select count(*) from documents").fetchone()[0] == len(files)
    con.close()


def test_serve_refuses_a_file_that_is_not_a_database(tmp_path):
    for name, content in (("bytes.db", os.urandom(4096)), ("text.db", "Quyết định\n".encode() * 500)):
        db = tmp_path / name
        db.write_bytes(content)
        r = subprocess.run([sys.executable, "-m", "pipeline.cli", "serve", "--db", str(db), "--port", str(free_port())],
                           cwd=ROOT, capture_output=True, text=True, timeout=60)
        assert r.returncode == 2
        assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr
        assert "không phải là cơ sở dữ liệu SQLite" in r.stderr
        assert db.read_bytes() == content


def test_a_newer_database_is_refused_unchanged(tmp_path, samples_db_path):
    from pipeline.store.db import DatabaseRefused, open_db
    from pipeline.store.schema import SCHEMA_VERSION
    db = tmp_path / "newer.db"
    shutil.copy(samples_db_path, db)
    con = sqlite3.connect(db)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 93}")
    con.commit()
    con.close()
    before = db.read_bytes()
    with pytest.raises(DatabaseRefused, match="mới hơn"):
        open_db(str(db))
    r = subprocess.run([sys.executable, "-m", "pipeline.cli", "validate", "--db", str(db)],
                       cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1 and "mới hơn" in r.stderr
    assert db.read_bytes() == before
    con = sqlite3.connect(db)
    assert con.execute("pragma user_version").fetchone()[0] == SCHEMA_VERSION + 93
    con.close()


def test_serve_on_a_port_in_use_says_so_in_one_line(samples_db_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        r = subprocess.run([sys.executable, "-m", "pipeline.cli", "serve", "--db", str(samples_db_path),
                            "--port", str(port)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1 and f"cổng {port}" in r.stderr
