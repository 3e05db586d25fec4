"""DOCX via python-docx, body content in document order."""
from __future__ import annotations

import zipfile

from docx import Document as open_docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from extractors.document import Document
from extractors.readers import ReaderError


def table_rows(table: Table) -> list[list[str | None]]:
    """Rows of cell texts; a cell covered by a merge (either direction) is None.

    python-docx repeats a merged cell once per grid column (same `_tc`), and a vertically
    merged cell in every row it covers: count each merged cell once, where it starts.
    """
    rows: list[list[str | None]] = []
    above: list = []
    for row in table.rows:
        tcs = [c._tc for c in row.cells]
        out: list[str | None] = []
        for j, (cell, tc) in enumerate(zip(row.cells, tcs)):
            if j > 0 and tc is tcs[j - 1]:
                out.append(None)
            elif j < len(above) and tc is above[j]:
                out.append(None)
            elif tc.vMerge == "continue":
                out.append(None)
            else:
                out.append(cell.text)
        rows.append(out)
        above = tcs
    return rows


def read_docx(path: str, doc: Document) -> None:
    if not zipfile.is_zipfile(path):
        raise ReaderError("unreadable", "not a DOCX file (not a zip archive)")
    try:
        d = open_docx(path)
    except KeyError as e:
        raise ReaderError("unreadable", f"zip archive is not a Word document ({e})")
    index = 0
    for item in d.iter_inner_content():
        index += 1
        if isinstance(item, Paragraph):
            doc.add_paragraph(item.text, page=None, line=index)
        elif isinstance(item, Table):
            doc.add_table(table_rows(item), page=None, line=index)
