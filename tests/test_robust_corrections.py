"""corrections.yaml as untrusted input, written under a lock, applied in one transaction (issue 18, 2, 3, 6)."""
import multiprocessing
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.corrections.entries import CorrectionError, load_corrections

ROOT = Path(__file__).resolve().parent.parent
DOC = "a" * 64


def entry(**kw) -> str:
    base = {"document": f'"{DOC}"', "field": "subject", "new": "Về việc X"}
    base.update(kw)
    return "- " + "\n  ".join(f"{k}: {v}" for k, v in base.items()) + "\n"


BAD_FILES = {
    "aliases": ((entry(note="&a [x, x, x, x, x, x, x, x, x]") + entry(note="&b [*a, *a, *a, *a, *a, *a, *a, *a]")
                 + entry(note="&c [*b, *b, *b, *b, *b, *b, *b, *b]")).encode(), "bí danh"),
    "alias_in_note": ((entry(note="&n ok") + entry(note="*n")).encode(), "bí danh"),
    "deep": (b"[" * 100_000 + b"]" * 100_000, "lồng nhau quá sâu"),
    "utf16": (entry().encode("utf-16"), "UTF-8"),
    "latin1": (entry(new="Về việc").encode("utf-8").replace("ề".encode(), b"\xe8"), "UTF-8"),
    "list_of_lists": (entry(new="[[1, 2], [3]]").encode(), "danh sách chuỗi"),
    "unit_mapping": (entry(unit="{a: 1}").encode(), "'unit' phải là một chuỗi"),
    "unknown_key": (entry(colour="red").encode(), "khóa không biết"),
    "huge_value": (entry(new="x" * 30_000).encode(), "chuỗi"),
    "not_a_list": (b"document: x\n", "danh sách"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_a_bad_corrections_file_is_refused_in_one_line(tmp_path, name):
    content, words = BAD_FILES[name]
    path = tmp_path / "corrections.yaml"
    path.write_bytes(content)
    t = time.monotonic()
    with pytest.raises(CorrectionError) as err:
        load_corrections(path)
    assert time.monotonic() - t < 5
    assert words in str(err.value) and "\n" not in str(err.value)


def test_size_and_count_limits_are_settings(tmp_path, monkeypatch):
    path = tmp_path / "corrections.yaml"
    path.write_text("".join(entry(new=f"Về việc {k}") for k in range(50)), encoding="utf-8")
    assert len(load_corrections(path)) == 50
    monkeypatch.setenv("QUYETDINH_MAX_CORRECTIONS", "10")
    with pytest.raises(CorrectionError, match="QUYETDINH_MAX_CORRECTIONS"):
        load_corrections(path)
    monkeypatch.setenv("QUYETDINH_MAX_CORRECTIONS_MB", "0.001")
    with pytest.raises(CorrectionError, match="QUYETDINH_MAX_CORRECTIONS_MB"):
        load_corrections(path)


def test_cli_refuses_a_bad_file_before_any_work(tmp_path, samples_db_path, prefect_harness):
    """`run` and `correct` stop on a bad file in one line, and nothing is written."""
    import shutil
    db = tmp_path / "q.db"
    shutil.copy(samples_db_path, db)
    before = db.read_bytes()
    for name in ("utf16", "deep", "unit_mapping", "aliases"):
        (tmp_path / "corrections.yaml").write_bytes(BAD_FILES[name][0])
        for cmd in (["run", str(ROOT / "samples" / "tin-2024-hungyen.txt")],
                    ["correct", "tin-2024-hungyen.txt", "subject", "X"]):
            r = subprocess.run([sys.executable, "-m", "pipeline.cli", *cmd, "--db", str(db)], cwd=ROOT,
                               capture_output=True, text=True, timeout=120)
            assert r.returncode == 2, (name, cmd, r.stderr)
            assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr, r.stderr
    assert db.read_bytes() == before


def small_db(tmp_path, samples_db_path) -> tuple[Path, dict]:
    import shutil
    db_path = tmp_path / "q.db"
    shutil.copy(samples_db_path, db_path)
    con = sqlite3.connect(db_path)
    doc_id, path = con.execute("select d.id, doc.path from decisions d join documents doc on doc.id = d.id "
                               "where d.number is not null order by doc.path limit 1").fetchone()
    con.close()
    return db_path, {"id": doc_id, "path": path, "status": "ok"}


def _correct(db_path: str, doc: dict, cpath: str, field: str, value: str) -> str:
    from pipeline.cli_edit import correct_document
    from pipeline.store.db import open_db
    db = open_db(db_path)
    try:
        entry, result = correct_document(db, doc, cpath, field, value)
        return result["status"]
    finally:
        db.conn.close()


def test_two_concurrent_corrections_are_both_kept_100_times(tmp_path, samples_db_path):
    db_path, doc = small_db(tmp_path, samples_db_path)
    cpath = str(tmp_path / "corrections.yaml")
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(2) as pool:
        for r in range(1, 101):
            jobs = [(str(db_path), doc, cpath, "number", f"{r}/QĐ-UBND"),
                    (str(db_path), doc, cpath, "subject", f"Về việc lần {r}")]
            assert pool.starmap(_correct, jobs) == ["applied", "applied"]
            entries = load_corrections(cpath)
            assert {e["field"]: e["new"] for e in entries} == {"number": f"{r}/QĐ-UBND", "subject": f"Về việc lần {r}"}
            con = sqlite3.connect(db_path)
            assert con.execute("select number, subject from decisions where id = ?", [doc["id"]]).fetchone() == (
                f"{r}/QĐ-UBND", f"Về việc lần {r}")
            assert con.execute("select count(*) from corrections where status = 'applied'").fetchone()[0] == 2
            con.close()
    assert not [p for p in Path(cpath).parent.iterdir() if p.name.endswith(".tmp")]


def test_two_concurrent_correct_commands(tmp_path, samples_db_path):
    db_path, doc = small_db(tmp_path, samples_db_path)
    for r in range(1, 3):
        procs = [subprocess.Popen([sys.executable, "-m", "pipeline.cli", "correct", doc["id"][:16], field, value,
                                   "--db", str(db_path)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  text=True)
                 for field, value in (("number", f"{r}/QĐ-UBND"), ("issuer", f"UBND lần {r}"))]
        for p in procs:
            out, err = p.communicate(timeout=120)
            assert p.returncode == 0 and "đã áp dụng" in out, err
        entries = load_corrections(tmp_path / "corrections.yaml")
        assert {e["field"]: e["new"] for e in entries} == {"number": f"{r}/QĐ-UBND", "issuer": f"UBND lần {r}"}


def test_a_failure_while_applying_changes_nothing(tmp_path, samples_db_path, monkeypatch):
    """The decision rows and the corrections table are written in one transaction."""
    from pipeline.corrections import apply
    from pipeline.corrections import entries as corrections
    from pipeline.corrections.sync import sync_corrections
    from pipeline.store.db import open_db
    db_path, doc = small_db(tmp_path, samples_db_path)
    db = open_db(str(db_path))
    before = db.execute("select number, subject from decisions where id = ?", [doc["id"]]).fetchone()
    good = corrections.new_entry({"groups": []}, doc["id"], doc["path"], "subject", "Về việc mới")
    real = apply.apply_corrections
    calls = []

    def boom(record, entries, corrections_file=None):
        calls.append(1)
        if len(calls) > 1:  # the rows are already rewritten when this fails
            raise MemoryError()
        return real(record, entries, corrections_file)
    monkeypatch.setattr(apply, "apply_corrections", boom)
    with pytest.raises(MemoryError):
        sync_corrections(db, [good], "corrections.yaml")
    assert db.execute("select number, subject from decisions where id = ?", [doc["id"]]).fetchone() == before
    assert db.execute("select count(*) from corrections").fetchone()[0] == 0
    db.conn.close()
