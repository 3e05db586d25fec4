"""Extraction of one file in a worker process that can be killed: the wall-time limit covers
the WHOLE extraction (reading, OCR, every finder), not only reading.

A signal can interrupt Python code but not a C library (regex, pdfminer, an ONNX model) nor
work that is merely slow; a process can always be killed. The worker lives across files (its
models load once), in its own process group with its own temporary folder: when a file goes
over the limit the group is killed — Tesseract and all — the folder removed, and the next
file gets a fresh worker. The record says `timeout`, the batch goes on.
"""
from __future__ import annotations

import atexit
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from extractors import lifeline, limits

_worker: dict | None = None
ROOT = Path(__file__).resolve().parent.parent
STARTUP_SECONDS = 120  # imports, the NER model and the unit registry


def _watch_parent(parent: int, tmpdir: str) -> None:
    """The parent died without killing us (its guardian will, too): do not outlive it."""
    while True:
        time.sleep(0.5)
        if os.getppid() != parent:
            shutil.rmtree(tmpdir, ignore_errors=True)
            os.killpg(0, signal.SIGKILL)


def _serve(conn, tmpdir: str, parent: int, memory_mb: float) -> None:
    os.environ["TMPDIR"] = tempfile.tempdir = tmpdir  # tess_* images and the like go there
    import warnings
    warnings.simplefilter("ignore")  # libraries' deprecation notes: not the user's business, not on the terminal
    if memory_mb > 0:
        import resource
        limit = int(memory_mb * 1024 * 1024)
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    threading.Thread(target=_watch_parent, args=(parent, tmpdir), daemon=True).start()
    from extractors.extract import safe_extract
    from extractors.persons import _ner
    from pipeline.units.registry import load_registry
    _ner()  # the models and the registry load once per worker, outside any file's time limit
    load_registry()
    conn.send_bytes(b'["ready", null]')
    while True:
        try:
            path, root = conn.recv()
        except (EOFError, OSError):
            return
        try:
            result = ("ok", safe_extract(path, root))
        except MemoryError:
            result = ("too_large", f"the file needs more than {memory_mb:.0f} MB of memory (limit "
                                   "QUYETDINH_MAX_MEMORY_MB)")
        except BaseException as e:  # noqa: BLE001 — anything at all becomes the record's status
            result = ("unreadable", f"extraction failed: {type(e).__name__}: {str(e)[:200]}")
        # As JSON, like the spool: a record holds plain data only (a library's str subclass that
        # keeps its file open would not pickle); ASCII keeps a name's undecodable bytes as they are.
        conn.send_bytes(json.dumps(result, ensure_ascii=True, default=str).encode("ascii"))


def _start() -> dict:
    # A plain child process (not multiprocessing's): it may be started from a daemonic process
    # too (a Dask or process-pool worker), in a session of its own (killing it kills what it started).
    from multiprocessing.connection import Connection
    mine, theirs = socket.socketpair()
    tmpdir = tempfile.mkdtemp(prefix=f"quyetdinh-worker-{os.getpid()}-")
    lifeline.remove_with_me(tmpdir)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
           "OMP_THREAD_LIMIT": os.environ.get("OMP_THREAD_LIMIT", "1")}  # one thread per Tesseract: the pool fills the cores
    proc = subprocess.Popen([sys.executable, "-m", "extractors.worker", str(theirs.fileno()), tmpdir, str(os.getpid()),
                             str(limits.max_memory_mb())], pass_fds=[theirs.fileno()], start_new_session=True,
                            stdin=subprocess.DEVNULL, env=env)
    theirs.close()
    lifeline.kill_with_me(proc.pid, group=True)
    w = {"proc": proc, "conn": Connection(mine.detach()), "tmpdir": tmpdir, "pid": os.getpid()}
    try:
        if not w["conn"].poll(STARTUP_SECONDS) or json.loads(w["conn"].recv_bytes())[0] != "ready":
            raise OSError("the extraction worker did not start")
    except (EOFError, OSError):
        _stop(w)
        raise OSError(f"the extraction worker did not start within {STARTUP_SECONDS} s") from None
    return w


def _stop(w: dict) -> None:
    """Kill the worker's whole group (the worker and anything it started) and remove its folder."""
    try:
        os.killpg(w["proc"].pid, signal.SIGKILL)
    except OSError:
        pass
    try:
        w["proc"].wait(5)
    except subprocess.TimeoutExpired:
        pass
    w["conn"].close()
    shutil.rmtree(w["tmpdir"], ignore_errors=True)
    lifeline.forget_process(w["proc"].pid)
    lifeline.forget_folder(w["tmpdir"])


# The pool: idle workers of this process, and how many files may be extracted at once. Each worker
# is one process running Tesseract single-threaded, so the pool's size is the cores it keeps busy.
_cond = threading.Condition()
_idle: list[dict] = []
_owner = os.getpid()
_size = 1
_busy = 0


def _mine() -> None:
    """After a fork, the parent's workers are not this process's to use (nor to kill)."""
    global _owner, _idle, _busy, _worker
    if _owner != os.getpid():
        _owner, _idle, _busy, _worker = os.getpid(), [], 0, None


def set_size(n: int) -> None:
    """At most `n` files extracted at once by this process (QUYETDINH_WORKERS, --workers)."""
    global _size
    with _cond:
        _mine()
        _size = max(1, int(n))
        _cond.notify_all()


def shutdown() -> None:
    global _worker
    with _cond:
        if _owner == os.getpid():
            for w in _idle:
                _stop(w)
        _idle.clear()
        _worker = None


atexit.register(shutdown)


def _failed(path: str, status: str, message: str) -> tuple[dict, None]:
    """The record of a file whose extraction was stopped: its status, a one-line message."""
    from extractors.document import Document, sha256_of
    from extractors.extract import extract
    from extractors.readers import admission, detect_format
    try:
        digest = "" if admission(path) else sha256_of(path)
    except OSError:
        digest = ""
    doc = Document(path=path, sha256=digest, format=detect_format(path) or "unknown", status=status, error=message)
    return extract(doc), None


def _acquire() -> dict | None:
    """An idle worker of this process (None: start one), waiting while the pool is full."""
    global _busy
    with _cond:
        _mine()
        while _busy >= _size:
            _cond.wait()
        _busy += 1
        while _idle:
            w = _idle.pop()
            if w["proc"].poll() is None:
                return w
            _stop(w)
        return None


def _release(w: dict | None) -> None:
    global _busy, _worker
    with _cond:
        if _owner == os.getpid():
            _busy = max(0, _busy - 1)
            if w is not None:
                _idle.append(w)
            _worker = w
            _cond.notify()
        elif w is not None:
            _stop(w)


def extract_limited(path: str, root: str | None = None) -> tuple[dict, str | None]:
    """safe_extract(path, root) within QUYETDINH_MAX_SECONDS_PER_FILE of wall time (0: no worker,
    no limit), in one of the pool's workers. Never raises for the file's sake; thread-safe."""
    seconds = limits.max_seconds()
    if seconds <= 0:
        from extractors.extract import safe_extract
        return safe_extract(path, root)
    w = _acquire()
    try:
        if w is None:
            try:
                w = _start()
            except OSError as e:
                return _failed(path, "unreadable", str(e))
        result, w = _ask(w, path, root, seconds)
        return result
    finally:
        _release(w)


def _ask(w: dict, path: str, root: str | None, seconds: float) -> tuple[tuple[dict, str | None], dict | None]:
    """(the file's record and text, the worker if it is still fit for the next file)."""
    try:
        w["conn"].send((path, root))
        if w["conn"].poll(seconds):
            kind, payload = json.loads(w["conn"].recv_bytes())
            if kind == "ok":
                return (payload[0], payload[1]), w
            return _failed(path, kind, payload), w
    except (EOFError, OSError):  # the worker died: killed for its memory, or crashed
        _stop(w)
        code = w["proc"].returncode
        why = f" (signal {-code})" if code and code < 0 else ""
        return _failed(path, "too_large" if code == -signal.SIGKILL else "unreadable",
                       f"the extraction process died{why}: the file needs more than the machine gives it"), None
    _stop(w)
    return _failed(path, "timeout", f"extraction took more than {seconds:g} s (limit QUYETDINH_MAX_SECONDS_PER_FILE): "
                                    "stopped"), None


def extract_many(items: list[tuple[str, str | None]], workers: int = 1):
    """(record, text) of each (path, root), in order, `workers` files at a time (one process each);
    the next files start while earlier results are being used."""
    if workers <= 1 or len(items) <= 1:
        for path, root in items:
            yield extract_limited(path, root)
        return
    from concurrent.futures import ThreadPoolExecutor
    set_size(max(_size, workers))
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="quyetdinh-extract") as pool:
        futures = [pool.submit(extract_limited, path, root) for path, root in items]
        for f in futures:
            yield f.result()


if __name__ == "__main__":  # the worker: python -m extractors.worker FD TMPDIR PARENT_PID MEMORY_MB
    from multiprocessing.connection import Connection
    _serve(Connection(int(sys.argv[1])), sys.argv[2], int(sys.argv[3]), float(sys.argv[4]))
