#!/usr/bin/env python3
"""Sanity checks for the samples (not part of the project's test-suite).

    .venv/bin/python samples/check_samples.py [-v]

For every `*.truth.json` under samples/: the JSON is valid and NFC, the document beside it
opens (pdfplumber / python-docx / plain text / HTML), its text is NFC, and every string the
truth says is "as written" (number, subject, members, leader, deputies, signer name) occurs in
the document text (whitespace-normalised, because PDF lines wrap).
Prints one line per sample; -v also prints the extracted text.
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
SUFFIXES = (".pdf", ".docx", ".txt", ".html")


def squash(s):
    return re.sub(r"\s+", " ", s).strip()


def pdf_text(path):
    import pdfplumber
    chunks, info = [], {}
    with pdfplumber.open(path) as pdf:
        info["pages"] = len(pdf.pages)
        info["a4"] = all(abs(p.width - 595.28) < 1 and abs(p.height - 841.89) < 1
                         for p in pdf.pages)
        for page in pdf.pages:
            chunks.append(page.extract_text() or "")
            for table in page.extract_tables():
                for row in table:
                    chunks.extend(c for c in row if c)
    return "\n".join(chunks), info


def docx_text(path):
    import docx
    d = docx.Document(path)
    chunks = [p.text for p in d.paragraphs]
    body = d.element.body
    info = {
        "tables": len(d.tables),
        "gridSpan": len(body.xpath(".//w:gridSpan")),
        "vMerge": len(body.xpath(".//w:vMerge")),
        "header_cols": len(d.tables[0].columns) if d.tables else 0,
    }
    for t in d.tables:
        for row in t.rows:
            seen = set()
            for cell in row.cells:
                if id(cell._tc) in seen:
                    continue
                seen.add(id(cell._tc))
                chunks.append(cell.text)
    return "\n".join(chunks), info


class _Visible(HTMLParser):
    SKIP = {"script", "style"}

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.out = []

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.depth += 1

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.depth -= 1

    def handle_data(self, data):
        if not self.depth:
            self.out.append(data)


def html_text(path):
    p = _Visible()
    p.feed(Path(path).read_text(encoding="utf-8"))
    return "\n".join(p.out), {}


def read(path):
    ext = path.suffix
    if ext == ".pdf":
        return pdf_text(path)
    if ext == ".docx":
        return docx_text(path)
    if ext == ".html":
        return html_text(path)
    return path.read_text(encoding="utf-8"), {}


def strings_to_find(truth):
    out = []
    for key in ("number", "subject"):
        if truth.get(key):
            out.append((key, truth[key]))
    if truth.get("signer"):
        out.append(("signer.name", truth["signer"]["name"]))
        out.append(("signer.authority", truth["signer"]["authority"]))
    for g in truth["groups"]:
        for m in g["members"]:
            out.append(("member", m))
        if g["leader"]:
            out.append(("leader", g["leader"]))
        for d in g["deputies"]:
            out.append(("deputy", d))
    for r in truth.get("references", []):
        if r.get("number"):
            out.append(("reference", r["number"]))
    return out


def main(verbose=False):
    failures = 0
    truths = sorted(HERE.rglob("*.truth.json"))
    for tp in truths:
        raw = tp.read_text(encoding="utf-8")
        truth = json.loads(raw)
        stem = tp.name[: -len(".truth.json")]
        docs = [tp.with_name(stem + s) for s in SUFFIXES if tp.with_name(stem + s).exists()]
        problems = []
        if not unicodedata.is_normalized("NFC", raw):
            problems.append("truth not NFC")
        if len(docs) != 1:
            problems.append(f"expected one document for {stem}, found {docs}")
            print(f"FAIL {tp.relative_to(HERE)}: {problems}")
            failures += 1
            continue
        doc = docs[0]
        text, info = read(doc)
        if not unicodedata.is_normalized("NFC", text):
            problems.append("document text not NFC")
        flat = squash(text)
        for what, s in strings_to_find(truth):
            if squash(s) not in flat:
                problems.append(f"{what} not found verbatim: {s!r}")
        n_groups = len(truth["groups"])
        n_members = sum(len(g["members"]) for g in truth["groups"])
        status = "ok  " if not problems else "FAIL"
        failures += bool(problems)
        print(f"{status} {doc.relative_to(HERE)}: {truth['doc_type']}, {n_groups} groups, "
              f"{n_members} members, {info}")
        for p in problems:
            print("     -", p)
        if verbose:
            print(text)
            print("-" * 78)
    print(f"{len(truths)} samples, {failures} with problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main("-v" in sys.argv))
