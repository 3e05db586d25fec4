"""The Document: what every reader produces and every finder consumes.

Readers know nothing about decisions; finders know nothing about files.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.units.normalize import clean_input, nfc, printable_path


@dataclass
class Block:
    kind: str  # paragraph | table | page_break
    text: str = ""
    rows: list[list[str | None]] | None = None  # table cells; None = covered by a merged cell
    page: int | None = None  # 1-based page (PDF); None where the format has none
    line: int | None = None  # line on the page (PDF), paragraph index (DOCX) or line (TXT/HTML)
    confidence: float | None = None  # OCR: mean word confidence (0–100)
    words: list[tuple[str, float]] | None = None  # OCR: words with their confidences
    second_pass: dict | None = None  # OCR: a digits-only re-reading of a hand-written field
    bbox: tuple[float, float, float, float] | None = None  # OCR: the line's box on the page, in PDF points
    cell_confidences: list[list[float | None]] | None = None  # OCR'd table: lowest word confidence per cell
    cell_boxes: list[list[tuple | None]] | None = None  # OCR'd table: each cell's box, in PDF points


@dataclass
class Line:
    """One line of text with provenance, the unit most finders work on."""

    text: str
    page: int | None
    line: int | None
    in_table: bool = False
    confidence: float | None = None
    words: list[tuple[str, float]] | None = None
    second_pass: dict | None = None
    bbox: tuple[float, float, float, float] | None = None

    @property
    def provenance(self) -> dict:
        # OCR lines also say how sure Tesseract was and where on the page image they are,
        # so a reviewer can be shown the region instead of the guess.
        if self.confidence is None:
            return {"page": self.page, "line": self.line}
        return {"page": self.page, "line": self.line, "confidence": round(self.confidence, 1),
                "bbox": list(self.bbox) if self.bbox else None}


@dataclass
class Document:
    path: str
    sha256: str
    format: str
    pages: int | None = None
    ocr: bool = False
    ocr_confidence: dict[int, float] = field(default_factory=dict)  # page → mean word confidence
    blocks: list[Block] = field(default_factory=list)
    status: str = "ok"
    error: str | None = None
    title: str | None = None  # HTML <title>, when there is one
    warnings_reader: list[str] = field(default_factory=list)  # e.g. a wrong file extension
    signing_times: list[str] = field(default_factory=list)  # ISO times of digital signatures (ký số)
    signatures: list[dict] = field(default_factory=list)  # pyHanko's reading of each signature
    stamps: list[dict] = field(default_factory=list)  # OCR: e-signature stamps and seals seen on the pages
    legacy_encoding: str | None = None  # "tcvn3" | "vni" when text was converted from a legacy font
    cleaned: dict[str, int] = field(default_factory=dict)  # invisible/bidi characters removed, look-alikes folded
    ocr_skipped_pages: list[int] = field(default_factory=list)  # scanned pages not read (readers/pages.py)

    def _clean(self, text: str) -> str:
        text, found = clean_input(text)
        for k, n in found.items():
            self.cleaned[k] = self.cleaned.get(k, 0) + n
        return text

    def add_paragraph(self, text: str, page: int | None, line: int | None,
                      confidence: float | None = None, words: list | None = None,
                      second_pass: dict | None = None, bbox: tuple | None = None) -> None:
        text = self._clean(text)
        if text.strip():
            self.blocks.append(Block("paragraph", text=text, page=page, line=line, confidence=confidence,
                                     words=[(nfc(w), c) for w, c in words] if words else None,
                                     second_pass=second_pass, bbox=bbox))

    def add_table(self, rows: list[list[str | None]], page: int | None, line: int | None,
                  confidences: list[list[float | None]] | None = None, boxes: list[list[tuple | None]] | None = None) -> None:
        rows = [[self._clean(c) if c is not None else None for c in row] for row in rows]
        if any(c for row in rows for c in row):
            self.blocks.append(Block("table", rows=rows, page=page, line=line, cell_confidences=confidences,
                                     cell_boxes=boxes))

    def lines(self, include_tables: bool = True) -> list[Line]:
        """All text lines in reading order; table cells are read row by row."""
        out: list[Line] = []
        for b in self.blocks:
            if b.kind == "paragraph":
                for i, part in enumerate(b.text.split("\n")):
                    if part.strip():
                        line = b.line + i if (b.line is not None and b.page is not None) else b.line
                        out.append(Line(part.strip(), b.page, line, confidence=b.confidence, words=b.words,
                                        second_pass=b.second_pass, bbox=b.bbox))
            elif b.kind == "table" and include_tables:
                for r, row in enumerate(b.rows or []):
                    for c, cell in enumerate(row):
                        conf = b.cell_confidences[r][c] if b.cell_confidences else None
                        box = b.cell_boxes[r][c] if b.cell_boxes else None
                        for part in (cell or "").split("\n"):
                            if part.strip():
                                out.append(Line(part.strip(), b.page, (b.line or 0) + r, True, confidence=conf, bbox=box))
        return out

    @property
    def text(self) -> str:
        return "\n".join(l.text for l in self.lines())

    def source(self) -> dict:
        src = {"path": printable_path(self.path), "sha256": self.sha256, "format": self.format,
               "pages": self.pages, "ocr": self.ocr}
        if self.ocr_confidence:
            src["ocr_confidence"] = self.ocr_confidence
        if self.legacy_encoding:
            src["legacy_encoding"] = self.legacy_encoding
        if self.signing_times:
            src["signing_times"] = self.signing_times
        if self.ocr_skipped_pages:
            src["ocr_skipped_pages"] = self.ocr_skipped_pages
        return src


def sha256_of(path: str | Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
