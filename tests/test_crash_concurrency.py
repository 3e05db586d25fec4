"""Kill the loader at random points; run two loaders at once: the database stays whole."""
import pickle
import random
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from pipeline.store.db import open_db

LOADER = textwrap.dedent("""
    import pickle, sys, time
    sys.path.insert(0, {root!r})
    from pipeline.store.db import open_db
    from pipeline.store.load import load_record
    records = pickle.load(open(sys.argv[1], "rb"))
    db = open_db(sys.argv[2])
    for rec, text in records:
        load_record(db, rec, text)
        time.sleep(float(sys.argv[3]))
""")


@pytest.fixture(scope="module")
def records(samples_dir, tmp_path_factory):
    from extractors.extract import safe_extract
    from flows.ingest import discover_files
    recs = [safe_extract(p) for p in discover_files([str(samples_dir)])]
    path = tmp_path_factory.mktemp("crash") / "records.pkl"
    path.write_bytes(pickle.dumps(recs))
    return path, recs


def loader(tmp_path, records_file, db, pause="0.02"):
    from pathlib import Path
    script = tmp_path / "loader.py"
    script.write_text(LOADER.format(root=str(Path(__file__).resolve().parent.parent)))
    return subprocess.Popen([sys.executable, str(script), str(records_file), str(db), pause],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def consistent(db) -> None:
    assert db.execute("pragma integrity_check").fetchone()[0] == "ok"
    # Every document that has a decision has all of its rows: members match its groups' counts.
    for d in db.query("select id from decisions"):
        groups = list(db.query("select id, member_count from groups where decision_id = ?", [d["id"]]))
        members = db.execute("select count(*) from memberships where decision_id = ?", [d["id"]]).fetchone()[0]
        assert members == sum(g["member_count"] for g in groups)
    orphans = db.execute("select count(*) from memberships where group_id not in (select id from groups)").fetchone()[0]
    assert orphans == 0
    assert db.execute("select count(*) from decisions where document_id not in (select id from documents)").fetchone()[0] == 0


def test_kill_while_loading_then_resume(records, tmp_path):
    records_file, recs = records
    db_path = tmp_path / "kill.db"
    rng = random.Random(7)
    for _ in range(4):
        proc = loader(tmp_path, records_file, db_path)
        time.sleep(rng.uniform(0.6, 2.5))  # after the imports, somewhere in the loading
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        consistent(open_db(str(db_path)))
    proc = loader(tmp_path, records_file, db_path, pause="0")
    assert proc.wait(120) == 0, proc.stderr.read().decode()
    db = open_db(str(db_path))
    consistent(db)
    assert db.table("documents").count == len({r["source"]["sha256"] for r, _ in recs})
    dup = db.execute("select count(*) - count(distinct id) from memberships").fetchone()[0]
    assert dup == 0


def test_two_runs_at_the_same_time(records, tmp_path):
    records_file, recs = records
    half = len(recs) // 2
    a, b = tmp_path / "a.pkl", tmp_path / "b.pkl"
    a.write_bytes(pickle.dumps(recs[:half]))
    b.write_bytes(pickle.dumps(recs[half:]))
    db_path = tmp_path / "both.db"
    open_db(str(db_path)).conn.close()
    procs = [loader(tmp_path, a, db_path, "0.01"), loader(tmp_path, b, db_path, "0.01")]
    for p in procs:
        assert p.wait(180) == 0, p.stderr.read().decode()
    db = open_db(str(db_path))
    consistent(db)
    assert db.table("documents").count == len({r["source"]["sha256"] for r, _ in recs})
