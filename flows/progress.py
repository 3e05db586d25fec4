"""A progress hook the CLI sets to draw its bar; kept apart from the tasks so that nothing
unpicklable travels with them to worker processes."""
from __future__ import annotations

from typing import Callable

on_progress: Callable[[int, int, str], None] | None = None


def report(done: int, total: int, status: str) -> None:
    if on_progress:
        on_progress(done, total, status)
