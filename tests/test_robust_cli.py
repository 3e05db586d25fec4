"""Every error at the CLI is one line in Vietnamese; --debug prints the traceback (issue 18, 7)."""
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-m", "pipeline.cli"]


def can_mount() -> bool:
    if not shutil.which("unshare"):
        return False
    r = subprocess.run(["unshare", "-m", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"], capture_output=True)
    return r.returncode == 0


needs_mount = pytest.mark.skipif(not can_mount(), reason="needs unshare -m and mount (a private mount namespace)")


def one_error_line(r: subprocess.CompletedProcess, words: str) -> None:
    assert r.returncode == 2, r.stdout + r.stderr
    lines = [l for l in r.stderr.splitlines() if l.strip()]
    assert len(lines) == 1 and "Traceback" not in r.stderr, r.stderr
    assert lines[0].startswith("quyetdinh: lỗi:") and words in lines[0], lines[0]


def in_namespace(setup: str, cmd: list[str], after: str = "") -> subprocess.CompletedProcess:
    """Run the CLI in a private mount namespace prepared by `setup` (mounts vanish with it)."""
    quoted = " ".join("'" + c.replace("'", "'\\''") + "'" for c in cmd)
    script = f"set -e; {setup}; set +e; {quoted}; rc=$?; {after} exit $rc"
    return subprocess.run(["unshare", "-m", "sh", "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=240)


@needs_mount
def test_a_database_on_a_read_only_filesystem(tmp_path, samples_db_path):
    d = tmp_path / "ro"
    d.mkdir()
    shutil.copy(samples_db_path, d / "q.db")
    before = (d / "q.db").read_bytes()
    setup = f"mount --bind {d} {d} && mount -o remount,ro,bind {d}"
    for cmd in (["validate", "--db", str(d / "q.db")],
                ["run", str(ROOT / "samples" / "2025" / "tin-khoi-tham-muu-tong-hop-2025-bacninh.txt"),
                 "--db", str(d / "q.db")]):
        one_error_line(in_namespace(setup, CLI + cmd), "chỉ đọc")
    assert (d / "q.db").read_bytes() == before


@needs_mount
def test_disk_full_during_a_run_keeps_what_was_loaded(tmp_path, prefect_harness):
    d = tmp_path / "full"
    d.mkdir()
    out = tmp_path / "after.db"
    r = in_namespace(f"mount -t tmpfs -o size=1200k tmpfs {d}", CLI + ["run", str(ROOT / "samples" / "2024"),
                                                                      "--db", str(d / "q.db"), "-q"],
                     after=f"{sys.executable} -c \"import sqlite3; s=sqlite3.connect('{d}/q.db'); "
                           f"d=sqlite3.connect('{out}'); s.backup(d)\";")
    one_error_line(r, "hết chỗ trên đĩa")
    con = sqlite3.connect(out)
    assert con.execute("pragma integrity_check").fetchone()[0] == "ok"
    loaded = con.execute("select count(*) from documents").fetchone()[0]
    # Each document is whole or absent: no membership without its decision.
    assert con.execute("select count(*) from memberships m left join decisions d on d.id = m.decision_id "
                       "where d.id is null").fetchone()[0] == 0
    con.close()
    assert loaded >= 1  # what was loaded before the disk filled up is still there


@pytest.mark.parametrize("content", [os.urandom(8192), "Quyết định số 1\n".encode() * 400])
def test_a_database_that_is_not_sqlite(tmp_path, content):
    db = tmp_path / "q.db"
    db.write_bytes(content)
    for cmd in (["validate"], ["review"], ["diff", "--year", "2024", "--year", "2025"],
                ["correct", "abcdef12", "number", "1/QĐ-UBND"], ["units", "unknown"],
                ["report", "--province", "B", "--year", "2024", "--out", str(tmp_path / "o"), "--no-pdf"],
                ["run", str(ROOT / "samples" / "2025" / "tin-khoi-tham-muu-tong-hop-2025-bacninh.txt")]):
        r = subprocess.run(CLI + cmd + ["--db", str(db)], cwd=ROOT, capture_output=True, text=True, timeout=120)
        one_error_line(r, "không phải là cơ sở dữ liệu SQLite")
    assert db.read_bytes() == content


def test_debug_prints_the_traceback(tmp_path):
    db = tmp_path / "q.db"
    db.write_bytes(os.urandom(4096))
    r = subprocess.run(CLI + ["validate", "--db", str(db), "--debug"], cwd=ROOT, capture_output=True, text=True,
                       timeout=60)
    assert r.returncode == 2 and "Traceback" in r.stderr and "quyetdinh: lỗi:" in r.stderr


def test_command_line_mistakes_are_one_line(tmp_path, capsys):
    from pipeline.cli import main
    for argv in (["report", "--province", "B", "--year", "99999999999999999999999", "--out", str(tmp_path)],
                 ["diff", "--year", "2024", "--year", "năm"], ["frobnicate"], ["run"]):
        with pytest.raises(SystemExit) as e:
            main(argv)
        assert e.value.code == 2
        err = capsys.readouterr().err
        assert len(err.strip().splitlines()) == 1 and err.startswith("quyetdinh: lỗi:"), err
