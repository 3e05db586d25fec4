"""Issue 20: OCR only the pages that are needed (recorded, never guessed at), extraction in
chunks with a per-file cache and per-file failure, a pool of extraction processes."""
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT / "samples" / "2025" / "tin-khoi-tham-muu-tong-hop-2025-bacninh.txt"


def font() -> Path:
    found = sorted(ROOT.glob("pipeline/**/DejaVuSans.ttf")) + sorted(Path("/usr/share/fonts").rglob("DejaVuSans.ttf"))
    if not found:
        pytest.skip("no DejaVuSans.ttf to draw a scan with")
    return found[0]


def scan(path: Path, pages: list[list[str]]) -> Path:
    """An image-only PDF, one list of lines per page (A4 at 150 dpi: quick to draw and to read)."""
    from PIL import Image, ImageDraw, ImageFont
    images = []
    for lines in pages:
        image = Image.new("L", (1240, 1754), 255)
        draw = ImageDraw.Draw(image)
        f = ImageFont.truetype(str(font()), 30)
        for i, line in enumerate(lines):
            draw.text((120, 150 + 50 * i), line, font=f, fill=0)
        images.append(image)
    images[0].save(path, "PDF", resolution=150.0, save_all=True, append_images=images[1:])
    return path


def test_the_page_plan_reads_first_page_roster_documents_and_the_signature(monkeypatch):
    from extractors.readers.pages import PagePlan, may_hold_roster, page_list
    monkeypatch.delenv("QUYETDINH_OCR_ALL_PAGES", raising=False)
    assert may_hold_roster("Về việc tổ chức các Cụm, Khối thi đua năm 2025")
    assert may_hold_roster("Khôi thi dua các cơ quan")  # OCR's tone errors
    assert may_hold_roster("Sở Y tế (Trưởng khối)") and not may_hold_roster("Về việc phê duyệt kế hoạch thi đua")
    plan = PagePlan(5)
    plan.seen(1, "QUYẾT ĐỊNH\nVề việc phê duyệt kế hoạch")
    assert [n for n in range(2, 6) if plan.wanted(n)] == [5] and plan.skipped == [2, 3, 4]
    plan.seen(5, "Phụ lục: bảng kê")  # the last page holds no signature: read back until it is found
    assert plan.more() and plan.take_back() == 4
    plan.seen(4, "Nơi nhận:\nKT. CHỦ TỊCH")
    assert not plan.more() and plan.skipped == [2, 3]
    assert "trang 2–3" in plan.warning() and page_list([2, 3, 5]) == "trang 2–3, 5"
    roster = PagePlan(4)
    roster.seen(1, "Về việc thành lập các Khối thi đua")
    assert all(roster.wanted(n) for n in (2, 3, 4)) and roster.warning() is None
    blank_first = PagePlan(3)
    blank_first.seen(1, "")  # a cover with only a seal: the next page is the first with text
    assert blank_first.wanted(2)
    monkeypatch.setenv("QUYETDINH_OCR_ALL_PAGES", "1")
    every = PagePlan(3)
    every.seen(1, "Về việc bổ nhiệm")
    assert every.wanted(2)


def test_a_scan_not_about_blocs_skips_its_middle_page_and_records_it(tmp_path, monkeypatch):
    from extractors.readers.ocr import tesseract_ready
    if tesseract_ready() is not None:
        pytest.skip("Tesseract with Vietnamese is needed")
    from extractors.extract import safe_extract
    monkeypatch.delenv("QUYETDINH_OCR_ALL_PAGES", raising=False)
    path = scan(tmp_path / "qd.pdf", [["QUYẾT ĐỊNH", "Về việc phê duyệt kế hoạch năm 2025"],
                                      ["Điều 2. Sở Tài chính có trách nhiệm thực hiện"],
                                      ["Nơi nhận:", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]])
    rec, text = safe_extract(str(path))
    assert rec["source"]["ocr_skipped_pages"] == [2]
    assert any("không OCR 1 trang quét (trang 2)" in w for w in rec["warnings"])
    assert "Nơi nhận" in text and "Tài chính" not in text and not rec["groups"]
    pages = {p for p in rec["source"].get("ocr_confidence", {})}
    assert {int(p) for p in pages} == {1, 3}  # every fact comes from a page that was read


def test_chunks_keep_a_cache_per_file_and_a_bad_file_fails_alone(tmp_path, monkeypatch):
    from flows import chunks
    monkeypatch.setenv("PREFECT_TASKS_DISABLE_CACHING", "false")
    monkeypatch.setenv("QUYETDINH_MAX_SECONDS_PER_FILE", "0")  # in this process: no worker to start
    monkeypatch.setenv("QUYETDINH_CACHE", str(tmp_path / "cache"))
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 broken")
    items = [(str(NEWS), None), (str(broken), None)]
    first = chunks.extract_items(items)
    recs = [chunks.read_spool(s, p, r)[0] for s, (p, r) in zip(first, items)]
    assert [r["status"] for r in recs] == ["ok", "unreadable"] and recs[0]["groups"]

    def no_extraction(*a, **k):
        raise AssertionError("a file with the same bytes was extracted again")
    monkeypatch.setattr("extractors.worker.extract_many", no_extraction)
    assert chunks.extract_items(items) == first  # the same bytes: the same spool file, nothing read
    assert chunks.chunks(list(range(5)), 2) == [[0, 1], [2, 3], [4]]


def test_two_workers_extract_in_order_and_leave_no_process(tmp_path):
    import psutil

    from extractors import worker
    texts = sorted((ROOT / "samples").rglob("*.txt"))[:3]
    assert len(texts) == 3
    try:
        out = list(worker.extract_many([(str(t), None) for t in texts], workers=2))
        assert [r["source"]["path"] for r, _ in out] == [str(t) for t in texts]
        assert len(worker._idle) == 2  # two processes, each used for files
    finally:
        worker.shutdown()
    assert not [c for c in psutil.Process(os.getpid()).children(recursive=True)
                if c.status() != psutil.STATUS_ZOMBIE and "extractors.worker" in " ".join(c.cmdline())]


def test_the_flow_goes_chunk_by_chunk(prefect_harness, samples_dir, tmp_path):
    from flows import progress
    from flows.ingest import ingest
    seen = []
    progress.on_progress = lambda done, total, status: seen.append((done, total, status))
    try:
        summary = ingest(paths=[str(samples_dir / "2025")], db_path=str(tmp_path / "q.db"), chunk=3, workers=1)
    finally:
        progress.on_progress = None
    assert summary["files"] == 4 and summary["loaded"] == 4
    assert seen == [(3, 4, "chunk"), (4, 4, "chunk")]
