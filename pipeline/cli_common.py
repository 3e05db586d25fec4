"""What every command of the CLI shares: the default database, usage errors said in one line,
and Prefect kept local, quiet and offline."""
from __future__ import annotations

import os

DEFAULT_DB = "data/quyetdinh.db"


class UsageError(Exception):
    pass


def check_paths(paths: list[str]) -> None:
    for p in paths:
        if not os.path.exists(p):
            raise UsageError(f"không có tệp hay thư mục: {p}")


def prefect_env(debug: bool = False) -> None:
    # Local, quiet, offline: a temporary Prefect API in this process, no telemetry. A failed task
    # is said once, in one line, by main(); Prefect's own report of it (a traceback) is for --debug.
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ["PREFECT_LOGGING_LEVEL"] = "WARNING" if debug else "CRITICAL"
    os.environ["PREFECT_LOGGING_TO_API_ENABLED"] = "false"  # the temporary API goes with the run
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "60")
    # The temporary server stops with the process and its event recorder may be cut off
    # mid-flush (results are already saved): keep that shutdown noise off the terminal.
    os.environ.setdefault("PREFECT_SERVER_LOGGING_LEVEL", "CRITICAL")


def need_db(path: str) -> None:
    if not os.path.exists(path):
        raise UsageError(f"không có cơ sở dữ liệu ở {path}: hãy chạy 'quyetdinh run PATH' trước")
