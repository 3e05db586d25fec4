"""Children and temporary folders end with the process that made them, however it ends.

A process killed with SIGKILL runs no `finally`, no atexit: its Prefect API server, Chromium,
an extraction worker and its Tesseract go on running, and their temporary folders stay. So a
small guardian process is started once, in its own session, reading a pipe from this process:
we tell it which processes to kill and which folders to remove should we disappear. When the
pipe closes — this process ended, in any way — it does so and exits. What ended normally is
taken off its list first.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading

_GUARD = r"""
import json, os, shutil, signal, sys
kill, rm = {}, {}
for line in sys.stdin:
    try:
        op, arg = json.loads(line)
    except ValueError:
        continue
    if op == "kill":
        kill[arg[0]] = arg[1]
    elif op == "unkill":
        kill.pop(arg, None)
    elif op == "rm":
        rm[arg] = 1
    elif op == "unrm":
        rm.pop(arg, None)
for pid, group in kill.items():
    try:
        os.killpg(pid, signal.SIGKILL) if group else os.kill(pid, signal.SIGKILL)
    except OSError:
        pass
for path in rm:
    shutil.rmtree(path, ignore_errors=True)
"""

_lock = threading.Lock()
_guard: subprocess.Popen | None = None
_owner: int | None = None


def _send(op: str, arg) -> None:
    global _guard, _owner
    with _lock:
        if _guard is None or _owner != os.getpid() or _guard.poll() is not None:
            # Its own session: a Ctrl+C or a kill of our process group does not reach it first.
            _guard = subprocess.Popen([sys.executable, "-S", "-c", _GUARD], stdin=subprocess.PIPE,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                      start_new_session=True, close_fds=True)
            _owner = os.getpid()
            os.set_inheritable(_guard.stdin.fileno(), False)
        try:
            _guard.stdin.write((json.dumps([op, arg]) + "\n").encode())
            _guard.stdin.flush()
        except OSError:
            pass


def kill_with_me(pid: int, group: bool = False) -> None:
    """Kill this process (its whole process group with `group`) if we end before it does."""
    _send("kill", [pid, group])


def forget_process(pid: int) -> None:
    _send("unkill", pid)


def remove_with_me(path: str | os.PathLike) -> None:
    """Remove this folder if we end without removing it ourselves."""
    _send("rm", os.fspath(path))


def forget_folder(path: str | os.PathLike) -> None:
    _send("unrm", os.fspath(path))


def stop() -> None:
    """Close the guardian's pipe (after our own clean-up it has nothing left to do)."""
    global _guard
    with _lock:
        if _guard is not None and _owner == os.getpid():
            try:
                _guard.stdin.close()
                _guard.wait(5)
            except (OSError, subprocess.TimeoutExpired):
                pass
            _guard = None
