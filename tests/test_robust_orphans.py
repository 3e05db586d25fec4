"""Nothing outlives a killed command (issue 18, 6): the Prefect API server, the extraction worker
and its Tesseract, Chromium, and their temporary folders end with the process that made them."""
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent


def descendants_when(proc: subprocess.Popen, ready, timeout: float = 90) -> list[psutil.Process]:
    """Wait until the command's process tree satisfies `ready`; return the tree."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            tree = psutil.Process(proc.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            tree = []
        if ready(tree):
            return tree
        if proc.poll() is not None:
            break
        time.sleep(0.05)
    proc.kill()
    raise AssertionError(f"not reached: {proc.communicate()[1][-2000:]}")


def cmdline(p: psutil.Process) -> str:
    try:
        return " ".join(p.cmdline())
    except psutil.Error:
        return ""


def all_gone(procs: list[psutil.Process], timeout: float = 10) -> list[psutil.Process]:
    _, alive = psutil.wait_procs(procs, timeout=timeout)
    return [p for p in alive if p.status() != psutil.STATUS_ZOMBIE]


def our_temp(prefix: str, pid: int | None = None) -> list[Path]:
    return [p for p in Path(tempfile.gettempdir()).glob(prefix + "*") if pid is None or f"-{pid}-" in p.name]


def test_a_killed_run_leaves_no_server_worker_or_temp_folder(tmp_path):
    batch = tmp_path / "batch"
    shutil.copytree(ROOT / "samples" / "2024", batch)
    env = {**{k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}, "TMPDIR": str(tmp_path / "tmp")}
    (tmp_path / "tmp").mkdir()  # no shared API: this run starts (and must take down) its own temporary server
    proc = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "run", str(batch), "--db", str(tmp_path / "q.db"), "-q"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    tree = descendants_when(proc, lambda t: any("uvicorn" in cmdline(p) for p in t)
                            and any("extractors.worker" in cmdline(p) for p in t))
    assert list((tmp_path / "tmp").glob("quyetdinh-worker-*"))
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert not all_gone(tree), [cmdline(p) for p in tree]
    for _ in range(100):
        if not list((tmp_path / "tmp").glob("quyetdinh-worker-*")):
            break
        time.sleep(0.1)
    assert not list((tmp_path / "tmp").glob("quyetdinh-worker-*"))


def test_a_killed_report_leaves_no_chromium_or_profile(tmp_path, samples_db_path):
    env = {**os.environ, "TMPDIR": str(tmp_path / "tmp")}
    (tmp_path / "tmp").mkdir()
    proc = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "report", "--province", "Bắc Ninh", "--year", "2024",
                             "--db", str(samples_db_path), "--out", str(tmp_path / "out")],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    tree = descendants_when(proc, lambda t: any("chrom" in cmdline(p).lower() for p in t))
    tree = [p for p in tree if "chrom" in cmdline(p).lower()]
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert not all_gone(tree)
    for _ in range(100):
        if not list((tmp_path / "tmp").glob("quyetdinh-chromium-*")):
            break
        time.sleep(0.1)
    assert not list((tmp_path / "tmp").glob("quyetdinh-chromium-*"))
