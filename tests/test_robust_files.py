"""File admission: any name, only regular files, hidden files skipped and listed, invisible and
look-alike characters cleaned and reported (issue 18, 4 and 9)."""
import os
import subprocess
import sys
from pathlib import Path


ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT / "samples" / "2025" / "tin-khoi-tham-muu-tong-hop-2025-bacninh.txt"


def roster(rec: dict) -> list:
    return [(g["name"], g["leader"], g["deputies"], [m["name"] for m in g["members"]]) for g in rec["groups"]]


def test_invisible_bidi_and_look_alike_letters_are_cleaned_and_reported(tmp_path):
    from extractors.extract import safe_extract
    text = NEWS.read_text(encoding="utf-8")
    # The deputy with a Cyrillic і and an Ukrainian/Greek Т; a member with a bidi override and zero-width spaces.
    spoofed = (text.replace("Thanh tra tỉnh", "\u0422hanh tra t\u0456\u0309nh")
               .replace("Sở Tư pháp", "Sở\u200b Tư\u202e pháp\u200d"))
    assert spoofed != text
    (tmp_path / "clean.txt").write_text(text, encoding="utf-8")
    (tmp_path / "spoofed.txt").write_text(spoofed, encoding="utf-8")
    clean, _ = safe_extract(str(tmp_path / "clean.txt"))
    rec, stored_text = safe_extract(str(tmp_path / "spoofed.txt"))
    assert roster(rec) == roster(clean) and "Thanh tra tỉnh" in str(roster(rec))
    warning = next(w for w in rec["warnings"] if "ký tự ẩn" in w)
    assert "U+202E" in warning and "U+200B" in warning and "trông giống chữ Latinh" in warning and "і→i" in warning
    assert not any(c in stored_text for c in "\u200b\u202e\u200d\u0456\u0422")


def test_a_cyrillic_word_is_left_as_written():
    from pipeline.units.normalize import clean_input
    assert clean_input("Москва, Sở Nộі vụ") == ("Москва, Sở Nội vụ", {"і→i": 1})


def test_special_files_are_refused_without_opening_them(tmp_path):
    from extractors.extract import safe_extract
    fifo = tmp_path / "x.pdf"
    os.mkfifo(fifo)
    (tmp_path / "link.txt").symlink_to(fifo)
    for path in (fifo, tmp_path / "link.txt"):
        rec, _ = safe_extract(str(path), str(tmp_path))
        assert rec["status"] == "not_regular" and "FIFO" in rec["error"]
        rec, _ = safe_extract(str(path))  # named on the command line
        assert rec["status"] == "not_regular"
    r = subprocess.run([sys.executable, "-m", "pipeline.cli", "extract", str(fifo), str(tmp_path)], cwd=ROOT,
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0 and r.stdout.count("[not_regular") == 3, r.stdout + r.stderr


def test_odd_names_fifos_and_hidden_files_do_not_stop_a_run(prefect_harness, tmp_path):
    from flows.ingest import ingest
    from pipeline.store.db import open_db
    batch = tmp_path / "batch"
    (batch / ".git").mkdir(parents=True)
    text = NEWS.read_bytes()
    (batch / "good.txt").write_bytes(text)
    odd = os.fsencode(str(batch)) + b"/x\xff\xfe.txt"
    with open(odd, "wb") as f:
        f.write(text.replace(b"2025", b"2026"))
    os.mkfifo(batch / "x.pdf")
    (batch / "link.txt").symlink_to(batch / "x.pdf")
    (batch / ".git" / "notes.txt").write_bytes(text.replace(b"2025", b"2027"))
    (batch / ".hidden.txt").write_bytes(text.replace(b"2025", b"2028"))
    summary = ingest(paths=[str(batch)], db_path=str(tmp_path / "q.db"))
    assert summary["status"] == {"ok": 2, "not_regular": 2, "hidden": 2}, summary["status"]
    listed = {Path(p).name: st for p, st, _ in summary["failed"]}
    assert listed == {"x.pdf": "not_regular", "link.txt": "not_regular", "notes.txt": "hidden", ".hidden.txt": "hidden"}
    db = open_db(str(tmp_path / "q.db"))
    rows = {r["path"]: r["status"] for r in db.query("select path, status from documents")}
    assert rows[str(batch) + "/x\\xff\\xfe.txt"] == "ok"
    assert len(rows) == 6
    warnings = db.execute("select warnings from decisions d join documents doc on doc.id = d.id "
                          "where doc.path like '%xff%'").fetchone()[0]
    assert "không phải UTF-8" in warnings
    db.conn.close()


def test_a_file_name_with_a_bidi_override_is_read_and_flagged(tmp_path):
    from extractors.extract import safe_extract
    path = tmp_path / "tin-\u202etxt.2025"
    path = path.with_name(path.name + ".txt")
    path.write_bytes(NEWS.read_bytes())
    rec, _ = safe_extract(str(path))
    assert rec["status"] == "ok" and rec["source"]["path"] == str(path)
    assert any("U+202E" in w and "tên tệp" in w for w in rec["warnings"])
