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


# ---- planted problems (samples/problems/) -----------------------------------------------
ROSTER_DOCS = ("quyet_dinh", "cong_van")
DOC_EXT = {".pdf", ".docx", ".txt", ".html"}


def _gkey(name):
    """Group name key: case-folded, without 'thi đua', whitespace squashed."""
    return squash(re.sub(r"(?i)\bthi đua\b", " ", name)).casefold()


def derive_problems(folder):
    """Re-derive the validator rules of the brief from the truth files of one folder (one
    province), so EXPECTED_VALIDATION.json can be compared with what the documents say."""
    docs = []
    for tp in sorted(folder.glob("*.truth.json")):
        stem = tp.name[: -len(".truth.json")]
        doc = next(p for p in folder.iterdir() if p.suffix in DOC_EXT and p.stem == stem)
        docs.append((doc.name, json.loads(tp.read_text(encoding="utf-8"))))
    out = []

    def add(rule, sev, file, group=None, unit=None):
        out.append({"rule": rule, "severity": sev, "file": file, "group": group, "unit": unit})

    where = {}  # (year, kind, unit) -> first group name
    leaders = {}  # (group key, year) -> (leader, file, group name)
    for file, t in docs:
        roster = t["doc_type"] in ROSTER_DOCS
        for g in t["groups"]:
            ms = g["members"]
            if roster and not ms:
                add("group_has_members", "error", file, g["name"])
            for m in {m for m in ms if ms.count(m) > 1}:
                add("no_duplicate_member", "error", file, g["name"], m)
            lm = g.get("leader_matches_member", g["leader"])
            if g["leader"] is None:
                add("one_leader", "warning", file, g["name"])
            elif ms and lm not in ms:
                add("leader_is_member", "error", file, g["name"], g["leader"])
            for d, dm in zip(g["deputies"], g.get("deputies_match_members", g["deputies"])):
                if ms and dm not in ms:
                    add("deputy_is_member", "error", file, g["name"], d)
            if g["stated_member_count"] is not None and g["stated_member_count"] != len(ms) \
                    and g.get("members_complete", True):
                add("stated_count_matches", "warning", file, g["name"])
            if roster and t["year"] is not None:
                for m in ms:
                    first = where.setdefault((t["year"], g["kind"], m), g["name"])
                    if _gkey(first) != _gkey(g["name"]):
                        add("one_group_per_year", "error", file, g["name"], m)
                leaders[(_gkey(g["name"]), t["year"])] = (lm, file, g["name"], set(ms))
        if roster and t["year"] is not None and int(t["issued_date"][:4]) > t["year"]:
            add("decision_after_period", "warning", file)
    seen_numbers = {}  # the later-issued document is the duplicate
    for file, t in sorted(docs, key=lambda d: (d[1]["issued_date"] or "", d[0])):
        if t["doc_type"] in ROSTER_DOCS and t["number"]:
            k = (t["issuer"], t["number"], t["issued_date"][:4])
            if k in seen_numbers:
                add("duplicate_number", "error", file)
            seen_numbers.setdefault(k, file)
    for (gk, year), (leader, file, name, _) in sorted(leaders.items()):
        prev = leaders.get((gk, year - 1))
        if prev and prev[0] == leader:
            add("leader_again", "warning", file, name, leader)
    for file, t in docs:
        if t["doc_type"] in ROSTER_DOCS:
            continue
        for g in t["groups"]:
            dec = leaders.get((_gkey(g["name"]), t["year"]))
            if not dec:
                continue
            for m in sorted(dec[3] - set(g["members"])):
                add("news_contradicts_decision", "warning", file, g["name"], m)
            for m in sorted(set(g["members"]) - dec[3]):
                add("news_contradicts_decision", "warning", file, g["name"], m)
            lm = g.get("leader_matches_member", g["leader"])
            if lm != dec[0]:
                add("news_contradicts_decision", "warning", file, g["name"], g["leader"])
    return out


def registry_problems(folder):
    """Every member/leader/deputy of the planted samples resolves in the national registry and
    is valid on its document's date (unit_valid_on_date must not fire by accident)."""
    reg = HERE.parent / "pipeline" / "units" / "data" / "national.csv"
    if not reg.exists():
        return []
    import csv
    units = {}
    for row in csv.DictReader(reg.open(encoding="utf-8")):
        for n in [row["name"]] + [a for a in (row["aliases"] or "").split("|") if a]:
            units[n] = (row["valid_from"] or "0000", row["valid_to"] or "9999")
    out = []
    for tp in sorted(folder.glob("*.truth.json")):
        t = json.loads(tp.read_text(encoding="utf-8"))
        for g in t["groups"]:
            for u in g["members"] + [g["leader"]] + g["deputies"]:
                if u is None:
                    continue
                if u not in units:
                    out.append(f"{tp.name}: {u!r} not in the national registry")
                elif not units[u][0] <= t["issued_date"] <= units[u][1]:
                    out.append(f"{tp.name}: {u!r} not valid on {t['issued_date']}")
    return out


def check_planted():
    folder = HERE / "problems"
    path = folder / "EXPECTED_VALIDATION.json"
    if not path.exists():
        return 0
    expected = json.loads(path.read_text(encoding="utf-8"))
    problems = registry_problems(folder)
    for e in expected:
        if set(e) != {"rule", "severity", "file", "group", "unit"}:
            problems.append(f"bad keys {sorted(e)}")
        if not (folder / e["file"]).exists():
            problems.append(f"no file {e['file']}")
    key = lambda e: json.dumps(e, ensure_ascii=False, sort_keys=True)  # noqa: E731
    derived = {key(e) for e in derive_problems(folder)}
    listed = {key(e) for e in expected}
    problems += [f"planted but not derived from the truth files: {e}" for e in sorted(listed - derived)]
    problems += [f"derived but not listed (accidental problem?): {e}" for e in sorted(derived - listed)]
    print(f"{'ok  ' if not problems else 'FAIL'} problems/EXPECTED_VALIDATION.json: "
          f"{len(expected)} planted problems, re-derived from the truth files")
    for p in problems:
        print("     -", p)
    return bool(problems)


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
    failures += check_planted()
    print(f"{len(truths)} samples, {failures} with problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main("-v" in sys.argv))
