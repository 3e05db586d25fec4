import docx
from reportlab.pdfgen import canvas

from extractors.readers import read
from extractors.readers.text import html_to_text


def test_docx_merged_cells_counted_once(tmp_path):
    d = docx.Document()
    d.add_paragraph("QUYẾT ĐỊNH")
    t = d.add_table(rows=3, cols=3)
    t.cell(0, 0).merge(t.cell(0, 2)).text = "I. KHỐI A"
    t.cell(1, 0).text, t.cell(1, 1).text = "G", "Sở Nội vụ"
    t.cell(2, 1).text = "Sở Tư pháp"
    t.cell(1, 0).merge(t.cell(2, 0))
    path = tmp_path / "m.docx"
    d.save(path)
    doc = read(path)
    assert doc.status == "ok" and doc.format == "docx"
    assert [b.kind for b in doc.blocks] == ["paragraph", "table"]
    rows = doc.blocks[1].rows
    assert rows[0] == ["I. KHỐI A", None, None]
    assert rows[1][0] == "G" and rows[2][0] is None and rows[2][1] == "Sở Tư pháp"


def test_pdf_sample_reads_columns_and_tables(samples_dir):
    doc = read(samples_dir / "2024" / "qd-138-2024-bacninh.pdf")
    assert doc.status == "ok" and doc.pages >= 3
    texts = [l.text for l in doc.lines()]
    assert "Số: 138/QĐ-UBND" in texts  # split from the place-date column printed beside it
    assert any(b.kind == "table" for b in doc.blocks)
    assert all(l.page for l in doc.lines())


def blank_scan(path):
    c = canvas.Canvas(str(path))
    c.rect(100, 100, 300, 300, fill=1)
    c.showPage()
    c.save()
    return path


def test_pdf_without_text_layer_and_without_tesseract_needs_ocr(tmp_path, monkeypatch):
    from extractors.readers import ocr
    monkeypatch.setenv("PATH", str(tmp_path))  # a machine where Tesseract is not installed
    ocr.tesseract_ready.cache_clear()
    try:
        doc = read(blank_scan(tmp_path / "scan.pdf"))
    finally:
        ocr.tesseract_ready.cache_clear()
    assert doc.status == "needs_ocr" and "Tesseract is not installed" in doc.error


def test_blank_scanned_page_is_empty_not_a_failure(tmp_path):
    doc = read(blank_scan(tmp_path / "scan.pdf"))
    assert doc.status == "empty" and doc.ocr and "OCR found no text" in doc.error


def test_bad_files_get_a_status_not_an_exception(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "fake.pdf").write_bytes(b"not a pdf at all")
    (tmp_path / "fake.docx").write_bytes(b"plain text")
    (tmp_path / "x.xyz").write_text("hello")
    assert read(tmp_path / "empty.txt").status == "empty"
    assert read(tmp_path / "fake.pdf").status == "unreadable"
    assert read(tmp_path / "fake.docx").status == "unreadable"
    assert read(tmp_path / "x.xyz").status == "unsupported"
    assert read(tmp_path / "missing.pdf").status == "unreadable"


def test_html_drops_scripts_and_navigation():
    text, title = html_to_text("<html><head><title>Tin - Cổng TTĐT</title><script>var x=1</script></head>"
                               "<body><nav>Trang chủ | Tin tức</nav><h1>Khối thi đua ký giao ước</h1>"
                               "<p>Sáng 20/2, tại …</p><footer>Bản quyền</footer></body></html>")
    assert "var x" not in text and "Trang chủ" not in text and "Bản quyền" not in text
    assert title == "Khối thi đua ký giao ước" and "Sáng 20/2" in text


def test_text_is_nfc(tmp_path):
    import unicodedata
    path = tmp_path / "nfd.txt"
    path.write_text(unicodedata.normalize("NFD", "Quyết định Hoà Bình"), encoding="utf-8")
    assert read(path).blocks[0].text == "Quyết định Hoà Bình"


def test_pdf_table_without_borders_is_rebuilt(samples_dir):
    doc = read(samples_dir / "other" / "qd-2024-phutho-cum-noborder.pdf")
    rows = [r for b in doc.blocks if b.kind == "table" for r in b.rows]
    assert ["CỤM THI ĐUA SỐ 1 (06 đơn vị)", None, None] in rows
    assert ["1", "UBND thành phố Việt Trì", "Cụm trưởng"] in rows
    assert ["1", "Ủy ban nhân dân huyện Thanh\nThủy", ""] in rows  # a wrapped name stays in its cell


def test_pdf_in_a_legacy_font_is_converted(tmp_path):
    from extractors.readers.encodings import unicode_to_tcvn3
    path = tmp_path / "tcvn3.pdf"
    c = canvas.Canvas(str(path))
    c.setFont("Helvetica", 12)  # Latin-1 glyphs stand in for a .VnTime font's codes
    for i, line in enumerate(["Céng hßa x· héi chñ nghÜa ViÖt Nam", unicode_to_tcvn3("quyết định về việc tổ chức các cụm, khối thi đua")]):
        c.drawString(72, 700 - 20 * i, line)
    c.showPage()
    c.save()
    doc = read(path)
    assert [b.text for b in doc.blocks] == ["Cộng hòa xã hội chủ nghĩa Việt Nam",
                                            "quyết định về việc tổ chức các cụm, khối thi đua"]
    assert doc.legacy_encoding == "tcvn3"


class FakePage:
    def __init__(self, texts):
        self.chars = [{"text": t} for t in texts]


def test_broken_text_layer_is_detected():
    from extractors.readers.pdf import text_layer
    assert text_layer(FakePage(["(cid:12)"] * 30 + list("abc")))[0] == "broken"
    assert text_layer(FakePage(list("Quyết định số 138"))) == ("ok", None)
    assert text_layer(FakePage([]))[0] == "none"


def test_legacy_doc_is_converted_with_libreoffice(samples_dir, tmp_path):
    import shutil
    import subprocess
    import pytest
    soffice = shutil.which("soffice")
    if not soffice:
        pytest.skip("LibreOffice is not installed")
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "doc",
                    "--outdir", str(tmp_path), str(samples_dir / "2025" / "qd-52-2025-bacninh.docx")],
                   capture_output=True, timeout=120, check=True)
    doc = read(tmp_path / "qd-52-2025-bacninh.doc")
    assert doc.status == "ok" and doc.format == "doc"
    assert any("Số: 52/QĐ-UBND" in l.text for l in doc.lines())
