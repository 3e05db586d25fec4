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


def read(path: str | Path) -> Document:
    path = str(path)
    fmt = detect_format(path) or Path(path).suffix.lower().lstrip(".") or "unknown"
    try:
        digest = sha256_of(path)
    except OSError as e:
        return Document(path=path, sha256="", format=fmt, status="unreadable",
                        error=f"cannot open file: {e.strerror or e}")
    doc = Document(path=path, sha256=digest, format=fmt)
    try:
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
    except ReaderError as e:
        doc.status, doc.error = e.status, str(e)
        return doc
    except Exception as e:  # a library choking on a malformed file: record, do not crash
        doc.status, doc.error = "unreadable", f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else 'cannot parse'}"
        return doc
    if doc.status == "ok" and not doc.blocks:
        doc.status = "empty"
        doc.error = (f"OCR found no text on any of the {doc.pages} page(s)" if doc.ocr
                     else "the file contains no text")
    return doc
