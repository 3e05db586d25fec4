"""PDF via pdfplumber: text lines and tables per page, in reading order.

Two-column parts of the official layout (header, "Số …" beside "địa danh, ngày …",
"Nơi nhận" beside the signature) print on the same baseline; a wide horizontal gap splits
such a line into its columns so each keeps its own text.
"""
from __future__ import annotations

import re

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect

from extractors import limits
from extractors.document import Document
from extractors.readers import ReaderError
from extractors.readers.encodings import detect_legacy, to_unicode
from extractors.readers.ocr import RESOLUTION, ocr_page, tesseract_ready
from extractors.readers.ocr_image import render_page
from extractors.readers.pages import PagePlan

COLUMN_GAP_EM = 3.0  # a gap wider than this many font sizes separates two columns


def split_columns(chars: list[dict]) -> list[tuple[float, float, str]]:
    """Split one text line (its chars, left to right) where a wide gap separates columns;
    each part comes with its left and right x."""
    parts: list[list[dict]] = [[]]
    prev = None
    for ch in chars:
        if ch["text"] == " ":
            continue  # gaps are measured between visible characters
        if prev is not None:
            gap = ch["x0"] - prev["x1"]
            size = max(prev.get("size", 10), 1)
            # A row number with a wide gap after it is a cell of a table without borders (the text
            # so far is looked at only at such a gap: joining it at every char made lines quadratic).
            if gap > COLUMN_GAP_EM * size or (gap > 1.5 * size and re.fullmatch(
                    r"\d{1,3}\.?", "".join(c["text"] for c in parts[-1]).strip())):
                parts.append([])
            elif gap > 0.15 * size:
                parts[-1].append({"text": " ", "x0": prev["x1"], "x1": ch["x0"]})
        parts[-1].append(ch)
        prev = ch
    return [(p[0]["x0"], p[-1]["x1"], " ".join("".join(c["text"] for c in p).split())) for p in parts if p]


ROW_START = re.compile(r"^(?:\d{1,3}|[IVX]{1,5})\.?$")
HEADER_START = re.compile(r"^(?:STT|TT|Số\s*TT)$", re.IGNORECASE)


def _is_row(segs) -> bool:
    return len(segs) >= 2 and bool(ROW_START.match(segs[0][2]) or HEADER_START.match(segs[0][2]))


def borderless_tables(lines: list[tuple[float, list]]) -> list[tuple[float, str, object]]:
    """Rebuild tables drawn without ruling lines from their columns' x positions.

    A run of lines whose first cell is a row number (or an "STT" header) is a table; a
    single line whose x matches a later column continues the cell above (a wrapped name);
    another single line between rows is a title row spanning the table.
    """
    items: list[tuple[float, str, object]] = []
    i = 0
    while i < len(lines):
        top, segs = lines[i]
        if not _is_row(segs):
            items.extend((top, "text", t) for _, _, t in segs)
            i += 1
            continue
        # Column k spans up to the middle of the gap before column k+1 (headers may be centred).
        edges = [(x0, x1) for x0, x1, _ in segs]
        rows: list[list[str | None]] = []
        start = top

        def column(x0: float, x1: float) -> int:
            if x0 > edges[-1][1]:
                edges.append((x0, x1))  # a column the first row left empty (e.g. "Ghi chú")
                return len(edges) - 1
            centre = (x0 + x1) / 2
            bounds = [(edges[k][1] + edges[k + 1][0]) / 2 for k in range(len(edges) - 1)]
            return sum(1 for b in bounds if centre > b)

        starts: dict[int, float] = {}  # left x of each cell of the last row: wrapped lines align with it
        while i < len(lines):
            t, segs = lines[i]
            if _is_row(segs):
                row: list[str | None] = [""] * len(edges)
                starts = {}
                for x0, x1, text in segs:
                    j = column(x0, x1)
                    row += [""] * (len(edges) - len(row))
                    row[j] = (row[j] + " " + text).strip() if row[j] else text
                    starts.setdefault(j, x0)
                rows.append(row)
            elif len(segs) == 1 and rows and any(k > 0 and abs(x - segs[0][0]) <= 3 for k, x in starts.items()):
                j = next(k for k, x in starts.items() if k > 0 and abs(x - segs[0][0]) <= 3)
                rows[-1][j] = (rows[-1][j] + "\n" + segs[0][2]).strip() if rows[-1][j] else segs[0][2]
            elif len(segs) == 1 and i + 1 < len(lines) and _is_row(lines[i + 1][1]):
                rows.append([segs[0][2]])
                starts = {}
            else:
                break
            i += 1
        cols = edges
        width = max(len(cols), 1)
        rows = [r + ([None] if len(r) == 1 else [""]) * (width - len(r)) for r in rows]
        if len(rows) >= 2:
            items.append((start, "table", rows))
        else:
            items.extend((start, "text", c) for row in rows for c in row if c)
    return items


def _outside(bboxes):
    def keep(obj):
        if obj.get("object_type") != "char":
            return True
        cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in bboxes)
    return keep


def read_page(page, number: int, doc: Document) -> bool:
    """Add one page's blocks; return False when the page has no text layer."""
    tables = page.find_tables()
    bboxes = [t.bbox for t in tables]
    body = page.filter(_outside(bboxes)) if bboxes else page
    lines = []
    for ln in body.extract_text_lines(return_chars=True, strip=True):
        segs = [s for s in split_columns(sorted(ln["chars"], key=lambda c: c["x0"])) if s[2]]
        if segs:
            lines.append((ln["top"], segs))
    items = borderless_tables(lines)
    for t in tables:
        items.append((t.bbox[1], "table", t.extract()))
    items.sort(key=lambda it: it[0])
    line_no = 0
    for _, kind, payload in items:
        line_no += 1
        if kind == "text":
            doc.add_paragraph(payload, page=number, line=line_no)
        else:
            doc.add_table(payload, page=number, line=line_no)
    return bool(items) or bool(page.chars)


def text_layer(page) -> tuple[str, str | None]:
    """How usable a page's text layer is: ('ok'|'none'|'broken', legacy encoding or None)."""
    chars = page.chars
    if not chars:
        return "none", None
    bad = sum(1 for c in chars if c["text"].startswith("(cid:") or c["text"] == "\ufffd")
    if bad > 0.1 * len(chars):
        return "broken", None
    text = "".join(c["text"] for c in chars)
    if sum(1 for c in text if c.isalnum()) < 0.3 * len(text.strip() or "x"):
        return "broken", None
    return "ok", detect_legacy(text)


def convert_legacy(page, encoding: str) -> None:
    """Turn a legacy-font page into Unicode in place, before lines are built.

    TCVN3 maps one character to one letter, so each char is converted and the .VnTimeH-style
    upper-case fonts are honoured; VNI letters span two characters and are converted per line."""
    if encoding == "tcvn3":
        for c in page.chars:
            upper = bool(re.search(r"(?i)vn\w*h(?:[-,].*)?$", c.get("fontname", "")))
            c["text"] = to_unicode(c["text"], "tcvn3", upper=upper)


def read_pdf(path: str, doc: Document) -> None:
    try:
        pdf = pdfplumber.open(path)
    except Exception as e:  # pdfplumber wraps pdfminer's errors: look at what is inside
        inner = [e, *(e.args if isinstance(getattr(e, "args", None), tuple) else ()), e.__context__]
        if any(isinstance(x, PDFPasswordIncorrect) for x in inner):
            raise ReaderError("encrypted", "the PDF is encrypted and needs a password")
        cause = next((x for x in inner if isinstance(x, BaseException) and str(x)), e)
        raise ReaderError("unreadable", f"not a valid PDF ({type(cause).__name__}: {str(cause).splitlines()[0] if str(cause) else 'cannot parse'})")
    with pdf:
        doc.pages = len(pdf.pages)
        if doc.pages > limits.max_pages():
            raise ReaderError("unreadable", f"the PDF has {doc.pages} pages (limit {limits.max_pages()})")
        from extractors.readers.signatures import read_signatures
        doc.signatures = read_signatures(path)
        doc.signing_times = sorted(s["signing_time"] for s in doc.signatures if s["signing_time"])
        unread: list[int] = []
        state = {"pdfium": None, "problem": None}  # pdfium: opened for the first page that needs OCR
        plan = PagePlan(doc.pages)

        def ocr(number: int, page) -> None:
            mpx = limits.page_megapixels(page.width, page.height, RESOLUTION)
            if mpx > limits.max_page_megapixels():  # checked before the page is rendered
                raise ReaderError("too_large", f"page {number} is {page.width:.0f} × {page.height:.0f} pt, "
                                  f"{mpx:.0f} megapixels at {RESOLUTION} dpi (limit {limits.max_page_megapixels():.0f}, "
                                  "QUYETDINH_MAX_PAGE_MEGAPIXELS)")
            state["problem"] = state["problem"] or tesseract_ready()
            if state["problem"]:
                unread.append(number)
                return
            if state["pdfium"] is None:
                import pypdfium2
                state["pdfium"] = pypdfium2.PdfDocument(path)
            conf = ocr_page(render_page(state["pdfium"], number - 1, RESOLUTION), number, doc)
            doc.ocr = True
            if conf is not None:  # None: a back page with only a seal, nothing to read
                doc.ocr_confidence[number] = round(conf, 1)

        try:
            for number, page in enumerate(pdf.pages, start=1):
                quality, legacy = text_layer(page)
                first = len(doc.blocks)
                if quality == "ok":
                    if legacy:
                        convert_legacy(page, legacy)
                    read_page(page, number, doc)
                    if legacy == "vni":
                        for b in doc.blocks[first:]:
                            b.text = to_unicode(b.text, "vni")
                            if b.rows:
                                b.rows = [[to_unicode(c, "vni") if c else c for c in r] for r in b.rows]
                    if legacy:
                        doc.legacy_encoding = legacy
                elif tesseract_ready() is not None or plan.wanted(number):
                    ocr(number, page)
                # else: not about cụm/khối so far, and not the signature page: recorded, not read
                plan.seen(number, _text(doc.blocks[first:]))
                page.flush_cache()
            while plan.more():  # the signature was not on the last page: read back until it is found
                number = plan.take_back()
                first = len(doc.blocks)
                ocr(number, pdf.pages[number - 1])
                plan.seen(number, _text(doc.blocks[first:]))
                doc.blocks.sort(key=lambda b: b.page or 0)  # pages in order again (stable within a page)
        finally:
            if state["pdfium"] is not None:
                state["pdfium"].close()
        doc.ocr_skipped_pages = list(plan.skipped)
        if plan.warning():
            doc.warnings_reader.append(plan.warning())
        ocr_problem = state["problem"]
    if unread:
        pages = ", ".join(map(str, unread))
        hint = f"; OCR needed ({ocr_problem})"
        if len(unread) == doc.pages:
            doc.status, doc.error = "needs_ocr", f"no usable text layer on any page ({doc.pages}){hint}"
        else:
            doc.status, doc.error = "partial", f"no usable text layer on page(s) {pages}{hint}"


def _text(blocks) -> str:
    """The text of some blocks, table cells included (for the page plan's cues)."""
    return "\n".join([b.text for b in blocks] + [c for b in blocks for r in (b.rows or []) for c in r if c])
