"""Plain-text and HTML news items."""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from extractors.document import Document
from extractors.readers import ReaderError

SKIP_TAGS = {"script", "style", "nav", "header", "footer", "aside", "noscript", "iframe",
             "form", "button", "svg", "menu", "select", "template"}
BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section",
              "article", "table", "ul", "ol", "blockquote", "time", "figcaption", "td", "th"}


def decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if data.count(b"\x00") > len(data) // 10:
        raise ReaderError("unreadable", "binary content, not text")
    from extractors.readers.encodings import detect_legacy
    latin = data.decode("latin-1")
    if detect_legacy(latin):
        return latin  # a TCVN3/VNI text: its bytes are the legacy font's codes (converted later)
    try:
        return data.decode("cp1258")  # Windows Vietnamese, the usual non-UTF-8 web encoding
    except UnicodeDecodeError as e:
        raise ReaderError("unreadable", f"text is neither UTF-8 nor Windows-1258 ({e.reason})")


class _TextExtractor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.title: list[str] = []
        self.in_title = False
        self.h1: list[str] = []
        self.in_h1 = False
        self.row: list[str] | None = None  # cells of the table row being read
        self.cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag in SKIP_TAGS:
            self.skip += 1
        elif self.skip:
            return
        elif tag == "tr":
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []
        elif self.cell is not None:
            self.cell.append(" ")  # a paragraph or line break inside a cell
        elif tag == "li":
            self.parts.append("\n- ")  # a list item reads like a dash item of a text
        elif tag == "title":
            self.in_title = True
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")
            if tag == "h1" and not self.h1:
                self.in_h1 = True

    def handle_endtag(self, tag):
        if tag in SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
        elif self.skip:
            return
        elif tag in ("td", "th") and self.cell is not None and self.row is not None:
            self.row.append(" ".join("".join(self.cell).replace("|", "/").split()))
            self.cell = None
        elif tag == "tr" and self.row is not None:
            if any(self.row):  # a table row becomes a "| a | b |" line, read as a table
                self.parts.append("\n| " + " | ".join(self.row) + " |\n")
            self.row, self.cell = None, None
        elif self.cell is not None:
            self.cell.append(" ")
        elif tag == "title":
            self.in_title = False
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")
            if tag == "h1":
                self.in_h1 = False

    def handle_startendtag(self, tag, attrs):
        if tag == "br":
            (self.cell if self.cell is not None else self.parts).append(" " if self.cell is not None else "\n")

    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)
        elif not self.skip and self.cell is not None:
            self.cell.append(data)
        elif not self.skip:
            self.parts.append(data)
            if self.in_h1:
                self.h1.append(data)


def html_to_text(source: str) -> tuple[str, str | None]:
    parser = _TextExtractor()
    parser.feed(source)
    parser.close()
    text = "".join(parser.parts)
    lines = [" ".join(l.split()) for l in text.split("\n")]
    # A portal's lists of other articles close the article: what follows is not part of it.
    end = next((i for i, l in enumerate(lines) if RELATED.match(l)), None)
    lines = lines[:end] if end is not None and end > 3 else lines
    # The article's own headline (<h1>) beats <title>, which usually carries the site name.
    title = " ".join("".join(parser.h1).split()) or None
    if title is None:
        full = " ".join("".join(parser.title).split())
        # "Headline | Site - name" or "Headline - Site": the site's name follows the separator.
        title = (re.split(r"\s+\|\s+", full)[0] if " | " in full
                 else re.split(r"\s+[-–]\s+(?=[^-–]*$)", full)[0]) or None
    return "\n".join(l for l in lines if l), title


RELATED = re.compile(r"^(?:Tin|Bài viết|Bài|Các tin)\s+(?:cùng chuyên mục|liên quan|khác|mới|mới nhất|đọc nhiều|đã đưa)\b.{0,20}$",
                     re.IGNORECASE)
PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
COLUMN_GAP = re.compile(r"\s{4,}")


def add_rows(doc: Document, rows: list[list[str]], line: int) -> None:
    """A table typed as text (pipes or tabs), its rows padded to one width."""
    width = max(len(r) for r in rows)
    doc.add_table([r + [""] * (width - len(r)) for r in rows], page=None, line=line)


def read_text(path: str, doc: Document) -> None:
    with open(path, "rb") as f:
        raw = f.read()
    if not raw.strip():
        raise ReaderError("empty", "the file is empty")
    text = decode(raw)
    if doc.format == "html" or text.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
        text, doc.title = html_to_text(html.unescape(text) if "&lt;" not in text else text)
    from extractors.readers.encodings import detect_legacy, to_unicode
    legacy = detect_legacy(text)
    if legacy:  # a text saved from a .VnTime/VNI document
        text = to_unicode(text, legacy)
        doc.legacy_encoding = legacy
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        # A table copied as text: consecutive "| a | b |" lines (a Markdown-style rule row skipped).
        tabbed = len([c for c in lines[i].split("\t") if c.strip()]) >= 3
        if tabbed and i + 1 < len(lines) and lines[i + 1].count("\t") >= 2:
            # A table pasted as tab-separated text (three columns or more: "key<TAB>value" lines
            # of a portal's metadata block stay text).
            start, rows = i, []
            while i < len(lines) and lines[i].count("\t") >= 1:
                rows.append([c.strip() for c in lines[i].split("\t")])
                i += 1
            add_rows(doc, rows, start + 1)
            continue
        if PIPE_ROW.match(lines[i]):
            start, rows = i, []
            while i < len(lines) and PIPE_ROW.match(lines[i]):
                cells = [c.strip() for c in lines[i].strip().strip("|").split("|")]
                if not all(re.fullmatch(r":?-{2,}:?", c) for c in cells if c):
                    rows.append(cells)
                i += 1
            if len(rows) >= 2:
                add_rows(doc, rows, start + 1)
            else:
                for k, line in enumerate(lines[start:i]):
                    doc.add_paragraph(line, page=None, line=start + k + 1)
            continue
        # Text laid out in columns (pdftotext -layout, a header beside the national motto, the
        # signature beside "Nơi nhận"): each column's piece of the line is read on its own.
        for part in COLUMN_GAP.split(lines[i].strip()) if COLUMN_GAP.search(lines[i].strip()) else [lines[i]]:
            doc.add_paragraph(part, page=None, line=i + 1)
        i += 1
