import os
import tempfile
from pathlib import Path

import pytest

# Prefect settings must be in place before prefect is imported anywhere.
_home = tempfile.mkdtemp(prefix="quyetdinh-prefect-")
os.environ["PREFECT_HOME"] = _home
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ["PREFECT_LOGGING_LEVEL"] = "WARNING"
os.environ["PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW"] = "ignore"
os.environ["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"] = "60"
os.environ["PREFECT_TASKS_DISABLE_CACHING"] = "true"
os.environ["QUYETDINH_CACHE"] = tempfile.mkdtemp(prefix="quyetdinh-cache-")
# One extraction process per run: the test batches are a few files, and a second process loading
# the models only competes with the rest of the suite for the two cores. The tests of parallel
# extraction ask for their workers explicitly.
os.environ.setdefault("QUYETDINH_WORKERS", "1")


def _remove_temporary_homes() -> None:
    import shutil
    for path in (_home, os.environ["QUYETDINH_CACHE"]):
        shutil.rmtree(path, ignore_errors=True)


import atexit  # noqa: E402

atexit.register(_remove_temporary_homes)  # the suite leaves no folder behind in the temporary folder

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


@pytest.fixture(autouse=True)
def _user_registry_stays_with_its_test():
    """A CLI call in this process points QUYETDINH_REGISTRY beside its database; the next test
    (and the commands it starts) must not inherit it."""
    before = os.environ.get("QUYETDINH_REGISTRY")
    yield
    if os.environ.get("QUYETDINH_REGISTRY") != before:
        from pipeline.units import registry as units
        if before is None:
            os.environ.pop("QUYETDINH_REGISTRY", None)
        else:
            os.environ["QUYETDINH_REGISTRY"] = before
        units._SET_BESIDE.clear()
        units.load_registry.cache_clear()
        from extractors import extractor_version
        extractor_version.cache_clear()


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def prefect_harness():
    """One Prefect API for the session: flows run in this process use it, and so do the CLI's
    `run` subprocesses of the tests that ask for it (PREFECT_API_URL), instead of each starting a
    temporary server of its own (~9 s each). The temporary server has its own tests, which clear it."""
    from prefect.settings import PREFECT_API_URL
    from prefect.testing.utilities import prefect_test_harness
    with prefect_test_harness(server_startup_timeout=60):
        os.environ["PREFECT_API_URL"] = PREFECT_API_URL.value()
        try:
            yield
        finally:
            os.environ.pop("PREFECT_API_URL", None)


@pytest.fixture(scope="session")
def samples_db_path(tmp_path_factory) -> Path:
    """All of samples/ extracted and loaded once (no Prefect), validated: a read-only fixture."""
    from extractors.extract import safe_extract
    from flows.ingest import discover_files
    from pipeline.store.db import open_db
    from pipeline.store.load import load_record
    from pipeline.checks.validate import refresh
    path = tmp_path_factory.mktemp("samples-db") / "quyetdinh.db"
    db = open_db(str(path))
    for file in discover_files([str(SAMPLES)]):
        load_record(db, *safe_extract(file))
    refresh(db)
    db.conn.close()
    return path
