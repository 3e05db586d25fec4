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

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def prefect_harness():
    from prefect.testing.utilities import prefect_test_harness
    with prefect_test_harness(server_startup_timeout=60):
        yield
