"""corrections.yaml as a file: read it safely, check its shape, write it atomically under a lock.

The file is hand-editable, so it is read as untrusted input: bounded in size, UTF-8 only, no
YAML anchors or aliases (a 1.7 KB file of nested aliases expands to gigabytes), a bounded
nesting depth (100,000 brackets would exhaust the recursion of the YAML composer), known keys
with known types only. Every check runs before anything is written anywhere.
"""
from __future__ import annotations

import fcntl
import os
import tempfile
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path

import yaml

from extractors.limits import _number

KEYS = ("id", "document", "path", "field", "group", "unit", "old", "new", "who", "when", "note")
MAX_DEPTH = 4  # a list of entries, an entry, a list value (deputies): nothing deeper is meaningful


def max_file_mb() -> float:
    return _number("QUYETDINH_MAX_CORRECTIONS_MB", 5)


def max_entries() -> int:
    return int(_number("QUYETDINH_MAX_CORRECTIONS", 20000))


def max_value_chars() -> int:
    return int(_number("QUYETDINH_MAX_CORRECTION_CHARS", 2000))


class FileProblem(ValueError):
    """The file cannot be taken as it is (one line, in Vietnamese)."""


def read_text(p: Path) -> str:
    size = p.stat().st_size
    if size > max_file_mb() * 1024 * 1024:
        raise FileProblem(f"{p}: tệp nặng {size / 1048576:.1f} MB, quá giới hạn {max_file_mb():g} MB "
                          "(QUYETDINH_MAX_CORRECTIONS_MB)")
    data = p.read_bytes()
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or (len(data) > 1 and b"\x00" in data[:200]):
        raise FileProblem(f"{p}: tệp phải được lưu ở dạng UTF-8 (có vẻ là UTF-16)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise FileProblem(f"{p}: tệp phải được lưu ở dạng UTF-8 (byte {e.start} không phải UTF-8)") from None


def parse(p: Path, text: str):
    """YAML without anchors, aliases, tags or deep nesting: the events are checked first (the
    parser is iterative, so this is bounded), then the document is composed."""
    depth = 0
    try:
        for ev in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(ev, yaml.AliasEvent) or getattr(ev, "anchor", None):
                line = ev.start_mark.line + 1 if ev.start_mark else "?"
                raise FileProblem(f"{p}: dòng {line}: không dùng neo/bí danh YAML (&, *) trong tệp hiệu chỉnh")
            if isinstance(ev, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    line = ev.start_mark.line + 1 if ev.start_mark else "?"
                    raise FileProblem(f"{p}: dòng {line}: lồng nhau quá sâu (tối đa {MAX_DEPTH} cấp)")
            elif isinstance(ev, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
        return yaml.safe_load(text)
    except yaml.YAMLError as e:
        raise FileProblem(f"{p}: không phải YAML hợp lệ / not valid YAML ({str(e).splitlines()[0]})") from None


def _is_text(v, limit: int) -> bool:
    return isinstance(v, str) and len(v) <= limit


def check_shape(p: Path, data) -> list[dict]:
    """Known keys, each with its type and a bounded length; raises FileProblem at the first fault."""
    if data is None:
        return []
    if not isinstance(data, list) or not all(isinstance(e, dict) for e in data):
        raise FileProblem(f"{p}: cần một danh sách các hiệu chỉnh / expected a list of corrections")
    if len(data) > max_entries():
        raise FileProblem(f"{p}: {len(data)} hiệu chỉnh, quá giới hạn {max_entries()} (QUYETDINH_MAX_CORRECTIONS)")
    limit = max_value_chars()
    for k, e in enumerate(data, start=1):
        where = f"{p}: mục {k}"
        unknown = [key for key in e if key not in KEYS]
        if unknown:
            raise FileProblem(f"{where}: khóa không biết {str(unknown[0])[:40]!r}; chỉ dùng: {', '.join(KEYS)}")
        for key in ("id", "document", "path", "field", "group", "unit", "who", "note"):
            v = e.get(key)
            if v is not None and not (_is_text(v, limit) or (key in ("id", "document") and isinstance(v, int))):
                raise FileProblem(f"{where}: '{key}' phải là một chuỗi ngắn hơn {limit} ký tự")
        for key in ("old", "new"):
            v = e.get(key)
            if isinstance(v, list):
                if len(v) > 200 or not all(_is_text(x, limit) for x in v):
                    raise FileProblem(f"{where}: '{key}' phải là chuỗi hoặc danh sách chuỗi (mỗi chuỗi < {limit} ký tự)")
            elif v is not None and not (_is_text(v, limit) or isinstance(v, (date, int, float, bool))):
                raise FileProblem(f"{where}: '{key}' phải là chuỗi hoặc danh sách chuỗi (mỗi chuỗi < {limit} ký tự)")
        if e.get("when") is not None and not isinstance(e["when"], (str, date, datetime)):
            raise FileProblem(f"{where}: 'when' phải là một thời điểm (2025-01-17T08:00:00+00:00)")
    return data


def read(path: str | os.PathLike) -> list[dict]:
    p = Path(path)
    if not p.exists():
        return []
    if not p.is_file():
        raise FileProblem(f"{p}: không phải một tệp thường")
    return check_shape(p, parse(p, read_text(p)))


@contextmanager
def locked(path: str | os.PathLike):
    """Hold the corrections file's lock: read, edit and write it as one step."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    with open(str(p) + ".lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def write_atomically(path: str | os.PathLike, text: str) -> None:
    """A unique temporary file beside it, flushed to disk, renamed over it: a reader sees the old
    file or the new one, never half of one, and two writers never share a temporary file."""
    p = Path(path)
    fd, tmp = tempfile.mkstemp(dir=p.parent, prefix=f".{p.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, p)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
