"""DOCX via python-docx, body content in document order."""
from __future__ import annotations

import re
import zipfile

from docx import Document as open_docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from extractors import limits
from extractors.document import Document
from extractors.readers import ReaderError
from extractors.readers.encodings import detect_legacy, to_unicode


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
                text = cell.text
                enc = detect_legacy(text)
                out.append(to_unicode(text, enc) if enc else text)
        rows.append(out)
        above = tcs
    return rows


LEGACY_FONT = re.compile(r"^\.?Vn|^VNI", re.IGNORECASE)


def is_numbered(p: Paragraph) -> bool:
    """A paragraph in a Word list (numbering on the paragraph, not typed)."""
    ppr = p._p.pPr
    if ppr is not None and ppr.numPr is not None and ppr.numPr.numId is not None:
        return ppr.numPr.numId.val != 0
    style = p.style
    while style is not None:  # numbering set on the style ("List Number", "List Bullet")
        spp = style.element.pPr
        if spp is not None and spp.numPr is not None:
            return True
        if style.name and style.name.startswith(("List Number", "List Bullet")):
            return True
        style = style.base_style
    return False


def paragraph_text(p: Paragraph) -> str:
    """Paragraph text, converted run by run when it is set in a legacy Vietnamese font."""
    runs = list(p.runs)
    fonts = [r.font.name or (p.style.font.name if p.style is not None else None) for r in runs]
    if not any(f and LEGACY_FONT.match(f) for f in fonts):
        text = p.text
        enc = detect_legacy(text)
        return to_unicode(text, enc) if enc else text
    out = []
    for run, font in zip(runs, fonts):
        if font and LEGACY_FONT.match(font):
            enc = "vni" if font.upper().startswith("VNI") else "tcvn3"
            out.append(to_unicode(run.text, enc, upper=bool(re.search(r"H$", font))))
        else:
            out.append(run.text)
    return "".join(out)


def read_docx(path: str, doc: Document) -> None:
    if not zipfile.is_zipfile(path):
        raise ReaderError("unreadable", "not a DOCX file (not a zip archive)")
    with zipfile.ZipFile(path) as z:
        inflated = sum(i.file_size for i in z.infolist())
        if inflated > limits.max_inflated_mb() * 1048576:
            raise ReaderError("unreadable", f"the DOCX inflates to {inflated / 1048576:.0f} MB "
                                            f"(limit {limits.max_inflated_mb():.0f} MB): not opened")
        if "word/document.xml" not in z.namelist():
            raise ReaderError("unsupported", "a zip archive without word/document.xml: not a Word document")
    try:
        d = open_docx(path)
    except KeyError as e:
        raise ReaderError("unreadable", f"zip archive is not a Word document ({e})")
    index = 0
    for item in d.iter_inner_content():
        index += 1
        if isinstance(item, Paragraph):
            text = paragraph_text(item)
            # Word's automatic numbering is not in the text: mark the item as a list item.
            if is_numbered(item) and text.strip() and not re.match(r"^\s*(?:\d{1,3}[.)]|[a-zđ]\)|[-–•+*])", text):
                text = "- " + text.strip()
            doc.add_paragraph(text, page=None, line=index)
        elif isinstance(item, Table):
            doc.add_table(table_rows(item), page=None, line=index)
