"""The Document: what every reader produces and every finder consumes.

Readers know nothing about decisions; finders know nothing about files.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.normalize import nfc


@dataclass
class Block:
    kind: str  # paragraph | table | page_break
    text: str = ""
    rows: list[list[str | None]] | None = None  # table cells; None = covered by a merged cell
    page: int | None = None  # 1-based page (PDF); None where the format has none
    line: int | None = None  # line on the page (PDF), paragraph index (DOCX) or line (TXT/HTML)


@dataclass
class Line:
    """One line of text with provenance, the unit most finders work on."""

    text: str
    page: int | None
    line: int | None
    in_table: bool = False

    @property
    def provenance(self) -> dict:
        return {"page": self.page, "line": self.line}


@dataclass
class Document:
    path: str
    sha256: str
    format: str
    pages: int | None = None
    ocr: bool = False
    blocks: list[Block] = field(default_factory=list)
    status: str = "ok"
    error: str | None = None
    title: str | None = None  # HTML <title>, when there is one

    def add_paragraph(self, text: str, page: int | None, line: int | None) -> None:
        text = nfc(text)
        if text.strip():
            self.blocks.append(Block("paragraph", text=text, page=page, line=line))

    def add_table(self, rows: list[list[str | None]], page: int | None, line: int | None) -> None:
        rows = [[nfc(c) if c is not None else None for c in row] for row in rows]
        if any(c for row in rows for c in row):
            self.blocks.append(Block("table", rows=rows, page=page, line=line))

    def lines(self, include_tables: bool = True) -> list[Line]:
        """All text lines in reading order; table cells are read row by row."""
        out: list[Line] = []
        for b in self.blocks:
            if b.kind == "paragraph":
                for i, part in enumerate(b.text.split("\n")):
                    if part.strip():
                        line = b.line + i if (b.line is not None and b.page is not None) else b.line
                        out.append(Line(part.strip(), b.page, line))
            elif b.kind == "table" and include_tables:
                for r, row in enumerate(b.rows or []):
                    for cell in row:
                        for part in (cell or "").split("\n"):
                            if part.strip():
                                out.append(Line(part.strip(), b.page, (b.line or 0) + r, True))
        return out

    @property
    def text(self) -> str:
        return "\n".join(l.text for l in self.lines())

    def source(self) -> dict:
        return {"path": self.path, "sha256": self.sha256, "format": self.format,
                "pages": self.pages, "ocr": self.ocr}


def sha256_of(path: str | Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
