import shutil

from pipeline.store import counts, open_db


def test_flow_loads_samples_and_survives_a_bad_file(prefect_harness, samples_dir, tmp_path):
    from flows.ingest import ingest
    batch = tmp_path / "batch"
    shutil.copytree(samples_dir / "2024", batch / "2024")
    (batch / "broken.pdf").write_bytes(b"%PDF-1.4 broken")
    db_path = str(tmp_path / "q.db")

    summary = ingest(paths=[str(batch)], db_path=db_path)
    assert summary["files"] == 7 and summary["status"]["unreadable"] == 1
    assert summary["groups"] >= 10 and summary["members"] > 100
    db = open_db(db_path)
    first = counts(db)
    assert first["documents"] == 7 and first["memberships"] == summary["members"]
    assert db.execute("select status, error from documents where path like '%broken.pdf'").fetchone()[0] == "unreadable"

    again = ingest(paths=[str(batch)], db_path=db_path)
    assert again["loaded"] == 0 and counts(db) == first


def test_dask_local_cluster_extracts_and_one_writer_loads(prefect_harness, samples_dir, tmp_path):
    from flows.ingest import run
    db_path = str(tmp_path / "dask.db")
    summary = run([str(samples_dir / "2025")], db_path, workers=2, local_cluster=True)
    assert summary["files"] == 4 and summary["status"] == {"ok": 4} and summary["loaded"] == 4
    assert counts(open_db(db_path))["documents"] == 4
