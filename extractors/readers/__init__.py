"""Readers: `read(path) -> Document` for every supported format.

A reader never raises for bad content: it returns a Document whose `status` and one-line
`error` say what went wrong, so one bad file never stops a batch.
"""
from __future__ import annotations

from pathlib import Path

from extractors.document import Document, sha256_of

SUPPORTED = {".pdf": "pdf", ".docx": "docx", ".doc": "doc", ".txt": "txt", ".html": "html", ".htm": "html"}


class ReaderError(Exception):
    """Content that a reader cannot turn into text; `status` goes into the record."""

    def __init__(self, status: str, message: str):
        super().__init__(message)
        self.status = status


def detect_format(path: str | Path) -> str | None:
    return SUPPORTED.get(Path(path).suffix.lower())


def sniff_format(path: str) -> str | None:
    """The format the bytes say, whatever the extension: %PDF, a zip with word/, an OLE2 .doc."""
    with open(path, "rb") as f:
        head = f.read(1024)
    if head.lstrip()[:5] == b"%PDF-" or head[:1024].find(b"%PDF-") != -1:
        return "pdf"
    if head[:4] == b"PK\x03\x04":
        import zipfile
        try:
            with zipfile.ZipFile(path) as z:
                return "docx" if any(n.startswith("word/") for n in z.namelist()) else "zip"
        except zipfile.BadZipFile:
            return "zip"
    if head[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return "doc"
    if head.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html")):
        return "html"
    return None


class _Timeout(Exception):
    pass


def _with_time_limit(seconds: float, fn):
    """Run fn() with a wall-clock limit where a signal can be used (the main thread)."""
    import signal
    import threading
    if threading.current_thread() is not threading.main_thread() or seconds <= 0:
        return fn()

    def alarm(signum, frame):
        raise _Timeout()
    old = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return fn()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def include_hidden() -> bool:
    import os
    return os.environ.get("QUYETDINH_INCLUDE_HIDDEN", "") not in ("", "0")


def is_hidden(path: str | Path, root: str | Path | None) -> bool:
    """A file or folder whose name starts with '.' under the input folder (.git/, .~lock…)."""
    if root is None:
        return False  # named on the command line: the person asked for it
    try:
        parts = Path(path).relative_to(root).parts
    except ValueError:
        parts = Path(path).parts
    return any(p.startswith(".") and p not in (".", "..") for p in parts)


def admission(path: str, root: str | Path | None = None) -> tuple[str, str] | None:
    """Why this path must not be opened (status, one-line message), or None.

    Only regular files are read: opening a FIFO blocks until someone writes to it, a device may
    never end. os.stat follows links, so a link to a FIFO is refused too, without opening it."""
    import os
    import stat
    if is_hidden(path, root) and not include_hidden():
        return "hidden", "tệp hoặc thư mục ẩn (tên bắt đầu bằng '.'): bỏ qua (QUYETDINH_INCLUDE_HIDDEN=1 để đọc)"
    try:
        mode = os.stat(path).st_mode
    except OSError as e:
        return "unreadable", f"cannot open file: {e.strerror or e}"
    if not stat.S_ISREG(mode):
        kind = ("FIFO" if stat.S_ISFIFO(mode) else "socket" if stat.S_ISSOCK(mode) else
                "thiết bị" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "thư mục" if stat.S_ISDIR(mode) else "khác")
        return "not_regular", f"không phải tệp thường ({kind}): không mở"
    return None


def name_warning(path: str) -> str | None:
    """A file name a person may misread: bytes that are not UTF-8, or invisible/bidi controls
    (U+202E shows "gpj.exe" as "exe.jpg"). The name is kept as it is: it is how the file is found."""
    from pipeline.units.normalize import clean_input, printable_path
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return f"tên tệp có byte không phải UTF-8: giữ nguyên, viết là {printable_path(Path(path).name)}"
    hidden = [k for k in clean_input(Path(path).name)[1] if k.startswith("U+")]
    if hidden:
        return f"tên tệp có ký tự ẩn hoặc ký tự điều khiển hướng chữ ({', '.join(sorted(hidden))})"
    return None


def cleaned_warning(cleaned: dict[str, int]) -> str | None:
    if not cleaned:
        return None
    invisible = {k: n for k, n in cleaned.items() if k.startswith("U+")}
    folded = {k: n for k, n in cleaned.items() if not k.startswith("U+")}
    parts = []
    if invisible:
        parts.append(f"đã bỏ {sum(invisible.values())} ký tự ẩn hoặc điều khiển hướng chữ ("
                     + ", ".join(f"{k} ×{n}" for k, n in sorted(invisible.items())) + ")")
    if folded:
        parts.append(f"đã đổi {sum(folded.values())} chữ Kirin/Hy Lạp trông giống chữ Latinh thành chữ Latinh ("
                     + ", ".join(f"{k} ×{n}" for k, n in sorted(folded.items())) + ")")
    return "; ".join(parts)


def read(path: str | Path, root: str | Path | None = None) -> Document:
    """Read one file. `root`, when given, is the input folder: a link that leads out of it is
    refused rather than followed; hidden files in it are skipped."""
    from extractors import limits
    path = str(path)
    fmt = detect_format(path) or Path(path).suffix.lower().lstrip(".") or "unknown"
    refused = admission(path, root)
    if refused:
        return Document(path=path, sha256="", format=fmt, status=refused[0], error=refused[1])
    doc_warnings = [w for w in [name_warning(path)] if w]
    if root is not None and Path(path).is_symlink():
        target = Path(path).resolve()
        if not target.is_relative_to(Path(root).resolve()):
            return Document(path=path, sha256="", format=fmt, status="unsupported",
                            error=f"link to {target} leads outside the input folder: not followed")
    try:
        size = Path(path).stat().st_size
        if size > limits.max_file_mb() * 1024 * 1024:
            return Document(path=path, sha256=sha256_of(path), format=fmt, status="unreadable",
                            error=f"the file is {size / 1048576:.0f} MB (limit {limits.max_file_mb():.0f} MB)")
        digest = sha256_of(path)
    except OSError as e:
        return Document(path=path, sha256="", format=fmt, status="unreadable",
                        error=f"cannot open file: {e.strerror or e}")
    doc = Document(path=path, sha256=digest, format=fmt, warnings_reader=doc_warnings)
    if size == 0:
        doc.status, doc.error = "empty", "the file is empty (0 bytes)"
        return doc
    sniffed = sniff_format(path)
    if sniffed and sniffed != fmt and not (sniffed == "html" and fmt == "txt"):
        if sniffed == "zip":
            doc.status, doc.error = "unsupported", "a zip archive that is not a Word document"
            return doc
        doc.warnings_reader.append(f"tên tệp ghi .{fmt} nhưng nội dung là {sniffed}: đọc như {sniffed}")
        fmt = doc.format = sniffed
    try:
        _with_time_limit(limits.max_seconds(), lambda: _dispatch(path, fmt, doc))
    except ReaderError as e:
        doc.status, doc.error = e.status, str(e)
        return doc
    except _Timeout:
        doc.blocks.clear()
        doc.status, doc.error = "unreadable", f"reading took more than {limits.max_seconds():.0f} s (limit)"
        return doc
    except MemoryError:
        doc.blocks.clear()
        doc.status, doc.error = "unreadable", "the file needs more memory than is available"
        return doc
    except Exception as e:  # a library choking on a malformed file: record, do not crash
        doc.status, doc.error = "unreadable", f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else 'cannot parse'}"
        return doc
    try:
        if sha256_of(path) != digest:
            doc.blocks.clear()
            doc.status, doc.error = "unreadable", "the file changed while it was being read: read it again"
            return doc
    except OSError as e:
        doc.status, doc.error = "unreadable", f"the file went away while it was being read ({e.strerror or e})"
        return doc
    if cleaned_warning(doc.cleaned):
        doc.warnings_reader.append(cleaned_warning(doc.cleaned))
    if doc.status == "ok" and not doc.blocks:
        doc.status = "empty"
        doc.error = (f"OCR found no text on any of the {doc.pages} page(s)" if doc.ocr
                     else "the file contains no text")
    return doc


def _dispatch(path: str, fmt: str, doc: Document) -> None:
    if fmt == "pdf":
        from extractors.readers.pdf import read_pdf
        read_pdf(path, doc)
    elif fmt == "docx":
        from extractors.readers.docx import read_docx
        read_docx(path, doc)
    elif fmt == "doc":
        from extractors.readers.doc import read_doc
        read_doc(path, doc)
    elif fmt in ("txt", "html"):
        from extractors.readers.text import read_text
        read_text(path, doc)
    else:
        raise ReaderError("unsupported", f"unsupported file type '{Path(path).suffix or fmt}'")
