"""A corpus of bad inputs the tests build: each gets a clear status and a one-line error, the
batch goes on, and nothing is half-loaded."""
import io
import os
import zipfile

import pytest
from reportlab.pdfgen import canvas

from extractors.extract import safe_extract
from extractors.readers.encodings import unicode_to_tcvn3
from pipeline.store.db import open_db
from pipeline.store.load import counts, load_record

VI = "Quyết định về việc tổ chức các Cụm, Khối thi đua của tỉnh năm 2024"


def pdf_bytes(pages=1, text=VI, encrypt=None) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, encrypt=encrypt)
    for i in range(pages):
        c.drawString(72, 700, f"{i + 1}")
        c.showPage()
    c.save()
    return buf.getvalue()


def cp1258(text: str) -> bytes:
    """Windows-1258: letters with their shape (â, ơ, đ…) precomposed, tone marks combining."""
    import unicodedata
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for ch in text:
        d = unicodedata.normalize("NFD", ch)
        out.append(unicodedata.normalize("NFC", "".join(c for c in d if c not in tones)) + "".join(c for c in d if c in tones))
    return "".join(out).encode("cp1258")


def build_corpus(root, samples_dir) -> dict[str, tuple[set[str], str | None]]:
    """file name → (accepted statuses, a word the error must contain)."""
    sample_pdf = (samples_dir / "2024" / "qd-138-2024-bacninh.pdf").read_bytes()
    sample_docx = (samples_dir / "2025" / "qd-52-2025-bacninh.docx").read_bytes()
    cases = {}

    def add(name, data, statuses, word=None):
        (root / name).write_bytes(data)
        cases[name] = (statuses, word)

    add("zero.pdf", b"", {"empty"}, "empty")
    add("zero.docx", b"", {"empty"}, "empty")
    add("zero.txt", b"", {"empty"}, "empty")
    add("truncated.pdf", sample_pdf[: len(sample_pdf) // 3], {"unreadable", "partial", "ok", "needs_ocr", "empty"})
    corrupt = bytearray(sample_pdf)
    corrupt[2000:6000] = os.urandom(4000)
    add("corrupted.pdf", bytes(corrupt), {"unreadable", "partial", "ok", "empty", "needs_ocr"})
    add("encrypted.pdf", pdf_bytes(encrypt="secret"), {"encrypted"}, "password")
    from reportlab.lib.pdfencrypt import StandardEncryption
    add("owner-password-only.pdf", pdf_bytes(encrypt=StandardEncryption("", ownerPassword="owner", canModify=0)),
        {"ok", "empty", "needs_ocr"})  # opens without a prompt: only editing is restricted
    add("many-pages.pdf", pdf_bytes(pages=2000), {"unreadable"}, "limit")
    add("not-a-zip.docx", b"This is plain text pretending to be a Word file.", {"unreadable"}, "zip")
    z = io.BytesIO()
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("hello.txt", "not a document")
    add("zip-not-docx.docx", z.getvalue(), {"unsupported"}, "Word")
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document>" + " " * (300 * 1024 * 1024) + "</w:document>")
    add("zip-bomb.docx", bomb.getvalue(), {"unreadable"}, "inflates")
    ext = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(sample_docx)) as src, zipfile.ZipFile(ext, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/'
                                    b'officeDocument/2006/relationships/image" Target="http://example.invalid/x.png" '
                                    b'TargetMode="External"/></Relationships>')
            dst.writestr(item, data)
    add("external-rels.docx", ext.getvalue(), {"ok"})
    add("pdf-named.docx", sample_pdf, {"ok"})
    add("docx-named.pdf", sample_docx, {"ok"})
    add("image-named.pdf", b"\x89PNG\r\n\x1a\n" + os.urandom(500), {"unreadable"})
    add("scripts.html", ("<html><head><script>alert('x')</script></head><body><iframe src='http://x'></iframe>"
                         f"<nav>menu</nav><p>{VI}</p></body></html>").encode(), {"ok"})
    add("cp1258.txt", cp1258("Quyết định tổ chức các Khối thi đua"), {"ok"})
    add("tcvn3.txt", unicode_to_tcvn3("quyết định về việc tổ chức các cụm, khối thi đua năm 2024").encode("latin-1"), {"ok"})
    add("binary.txt", os.urandom(2000) + b"\x00" * 500, {"unreadable"})
    add("english.txt", b"Minutes of the annual meeting of the board. The chair opened the meeting at ten.", {"ok"})
    add("not-a-decision.txt", "Hôm nay trời đẹp, chúng tôi đi chơi công viên và ăn kem.".encode(), {"ok"})
    add("tên có dấu 'quotes' và khoảng trắng.txt", VI.encode(), {"ok"})
    add("weird..name..txt", (VI + " (bản sao)").encode(), {"ok"})
    add("unknown.xyz", b"hello", {"unsupported"})
    outside = root.parent / "outside-secret.txt"
    outside.write_text(VI, encoding="utf-8")
    (root / "link-outside.txt").symlink_to(outside)
    cases["link-outside.txt"] = ({"unsupported"}, "outside")
    return cases


@pytest.fixture(scope="module")
def corpus(samples_dir, tmp_path_factory):
    root = tmp_path_factory.mktemp("bad") / "input"
    root.mkdir()
    return root, build_corpus(root, samples_dir)


def test_every_bad_input_gets_a_status_and_one_line_error(corpus):
    root, cases = corpus
    assert len(cases) >= 20
    for name, (statuses, word) in cases.items():
        rec, _ = safe_extract(str(root / name), str(root))
        assert rec["status"] in statuses, (name, rec["status"], rec["error"])
        if rec["status"] != "ok":
            assert rec["error"] and "\n" not in rec["error"], name
            if word:
                assert word.lower() in rec["error"].lower(), (name, rec["error"])


def test_specific_outcomes(corpus):
    root, _ = corpus
    rec, _ = safe_extract(str(root / "pdf-named.docx"), str(root))
    assert rec["source"]["format"] == "pdf" and rec["number"] == "138/QĐ-UBND"
    assert any("nội dung là pdf" in w for w in rec["warnings"])
    rec, text = safe_extract(str(root / "scripts.html"), str(root))
    assert "alert" not in text and "menu" not in text
    rec, text = safe_extract(str(root / "tcvn3.txt"), str(root))
    assert "quyết định" in text
    rec, _ = safe_extract(str(root / "english.txt"), str(root))
    assert rec["groups"] == [] and any("tiếng Việt" in w for w in rec["warnings"])
    rec, _ = safe_extract(str(root / "not-a-decision.txt"), str(root))
    assert rec["doc_type"] == "khac" and rec["groups"] == []


def test_limits_are_settings(corpus, monkeypatch):
    root, _ = corpus
    monkeypatch.setenv("QUYETDINH_MAX_PAGES", "3000")
    rec, _ = safe_extract(str(root / "many-pages.pdf"), str(root))
    assert rec["status"] == "ok"
    monkeypatch.setenv("QUYETDINH_MAX_FILE_MB", "0.0001")
    rec, _ = safe_extract(str(root / "scripts.html"), str(root))
    assert rec["status"] == "unreadable" and "limit" in rec["error"]


def test_the_batch_goes_on_and_every_file_is_recorded(corpus, tmp_path):
    root, cases = corpus
    from flows.ingest import discover_with_roots
    db = open_db(str(tmp_path / "bad.db"))
    for path, r in discover_with_roots([str(root)]):
        load_record(db, *safe_extract(path, r))
    statuses = {row["path"].rsplit("/", 1)[-1]: row["status"] for row in db.query("select path, status from documents")}
    expected = {n for n in cases if n.endswith((".pdf", ".docx", ".txt", ".html")) and not n.startswith("zero")}
    assert expected <= set(statuses)
    assert counts(db)["documents"] >= 18


def test_a_file_that_changes_while_it_is_read(samples_dir, tmp_path, monkeypatch):
    import extractors.readers as readers
    path = tmp_path / "changing.txt"
    path.write_bytes((samples_dir / "2025" / "tin-khoi-tham-muu-tong-hop-2025-bacninh.txt").read_bytes())
    real = readers._dispatch

    def dispatch_while_another_program_appends(p, fmt, doc):
        real(p, fmt, doc)
        with open(p, "ab") as f:  # the writer adds a line while our reader is still at work
            f.write("\nDòng mới".encode())
    monkeypatch.setattr(readers, "_dispatch", dispatch_while_another_program_appends)
    doc = readers.read(path)
    assert doc.status == "unreadable" and "changed while it was being read" in doc.error and not doc.blocks
