"""A run says what it did in Vietnamese: nothing to read (which files it reads), nothing changed
(and then does nothing at all), and one progress line every few files when it is not on a terminal."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

# The CLI runs share the session's Prefect API (conftest.prefect_harness) instead of each starting one.
pytestmark = pytest.mark.usefixtures("prefect_harness")

ROSTER = """Khối thi đua các cơ quan nội chính ký kết giao ước thi đua năm {year}
Ngày 12/3/{year}, Khối thi đua các cơ quan nội chính tỉnh Hà Tĩnh tổ chức ký kết giao ước thi đua năm {year}.
Khối gồm 3 đơn vị: Công an tỉnh, Tòa án nhân dân tỉnh, Sở Tư pháp. Công an tỉnh là đơn vị Trưởng khối.
"""


def quyetdinh(*args, env=None):
    return subprocess.run([sys.executable, "-m", "pipeline.cli", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=300)


def snapshot(folder: Path) -> dict:
    return {p: p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def test_nothing_to_read_says_which_files_are_read(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "notes.xlsx").write_text("x")
    out = quyetdinh("run", str(tmp_path / "in"), "--db", str(tmp_path / "d" / "q.db"))
    assert out.returncode == 1
    assert "Không có tệp nào để đọc" in out.stderr and ".pdf" in out.stderr and ".docx" in out.stderr
    assert out.stderr.count("\n") == 1


def test_a_run_over_nothing_new_does_nothing(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for year in (2023, 2024):
        (folder / f"tin-{year}.txt").write_text(ROSTER.format(year=year), encoding="utf-8")
    db = tmp_path / "d" / "q.db"
    first = quyetdinh("run", str(folder), "--db", str(db))
    assert first.returncode == 0, first.stderr
    assert "đã đọc 2/2 tệp" in first.stderr  # not a terminal: progress as lines
    assert "tệp:" in first.stdout and "nạp mới 2" in first.stdout
    before = snapshot(tmp_path / "d")
    again = quyetdinh("run", str(folder), "--db", str(db))
    assert again.returncode == 0 and again.stdout.startswith("Không có gì thay đổi: 2 tệp")
    assert snapshot(tmp_path / "d") == before  # no report rewritten, nothing written to the database
    # A new file is read; the run after it has nothing to do again.
    (folder / "tin-2025.txt").write_text(ROSTER.format(year=2025), encoding="utf-8")
    third = quyetdinh("run", str(folder), "--db", str(db))
    assert "nạp mới 1" in third.stdout and "không đổi 2" in third.stdout
    assert quyetdinh("run", str(folder), "--db", str(db)).stdout.startswith("Không có gì thay đổi: 3 tệp")
    # A correction written by hand makes the next run apply it.
    (tmp_path / "d" / "corrections.yaml").write_text("[]\n", encoding="utf-8")
    assert not quyetdinh("run", str(folder), "--db", str(db)).stdout.startswith("Không có gì thay đổi")


def test_units_add_resolves_stored_records_without_reading_files(tmp_path):
    import sqlite3
    folder = tmp_path / "in"
    folder.mkdir()
    text = ROSTER.format(year=2024).replace("Sở Tư pháp", "Trung tâm Huấn luyện Kỹ năng Pháp lý Hồng Lĩnh")
    (folder / "tin.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "d" / "q.db"
    assert quyetdinh("run", str(folder), "--db", str(db)).returncode == 0
    unknown = quyetdinh("units", "unknown", "--db", str(db))
    assert "Trung tâm Huấn luyện Kỹ năng Pháp lý Hồng Lĩnh" in unknown.stdout
    (folder / "tin.txt").unlink()  # nothing is read again: the stored record is enough
    added = quyetdinh("units", "add", "Trung tâm Huấn luyện Kỹ năng Pháp lý Hồng Lĩnh", "--province", "Hà Tĩnh",
                      "--date", "2024-03-12", "--db", str(db))
    assert added.returncode == 0, added.stderr
    assert "1 tên đơn vị nay có mã" in added.stdout
    assert (tmp_path / "d" / "registry" / "provinces" / "ha-tinh.csv").is_file()
    conn = sqlite3.connect(db)
    ids = dict(conn.execute("select unit_name, unit_id from memberships"))
    conn.close()
    assert ids["Trung tâm Huấn luyện Kỹ năng Pháp lý Hồng Lĩnh"] == "ha-tinh:trung-tam-huan-luyen-ky-nang-phap-ly-hong-linh"
    assert "Trung tâm Huấn luyện" not in quyetdinh("units", "unknown", "--db", str(db)).stdout


def test_schedule_without_a_server_stops_with_one_line(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    out = subprocess.run([sys.executable, "-m", "pipeline.cli", "schedule", str(tmp_path)], capture_output=True,
                         text=True, env=env, timeout=60)
    assert out.returncode == 2 and "cần một Prefect server" in out.stderr and out.stderr.count("\n") == 1
    out = quyetdinh("schedule", str(tmp_path), env={"PREFECT_API_URL": "http://127.0.0.1:9/api"})
    assert out.returncode == 2 and "không kết nối được Prefect server" in out.stderr and out.stderr.count("\n") == 1
