"""Limits on what one file can make the program do (issue 18, 5 and 6): every case ends within its
limit with a status and a one-line message, and leaves no process or temporary file behind."""
import os
import time
from pathlib import Path

import psutil
import pytest

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT / "samples" / "2025" / "tin-khoi-tham-muu-tong-hop-2025-bacninh.txt"
FONT = ROOT / "pipeline" / "web" / "report" / "fonts" / "DejaVuSans.ttf"


def scan_pdf(path: Path, lines: list[str], size=(2480, 3508), resolution=300.0, pages: int = 1) -> Path:
    """An image-only PDF (a 'scan') with these lines of text drawn on each page."""
    from PIL import Image, ImageDraw, ImageFont
    images = []
    for _ in range(pages):
        image = Image.new("L", size, 255)
        draw = ImageDraw.Draw(image)
        font = ImageFont.truetype(str(FONT), 44)
        for i, line in enumerate(lines):
            draw.text((200, 200 + 70 * i), line, font=font, fill=0)
        images.append(image)
    images[0].save(path, "PDF", resolution=resolution, save_all=True, append_images=images[1:])
    return path


def group_processes(pgid: int) -> list[psutil.Process]:
    """Live processes of this group (a killed one may stay a zombie until init reaps it)."""
    out = []
    for p in psutil.process_iter(["pid"]):
        try:
            if os.getpgid(p.pid) == pgid and p.status() != psutil.STATUS_ZOMBIE:
                out.append(p)
        except (OSError, psutil.Error):
            pass
    return out


@pytest.fixture
def worker_env(monkeypatch):
    from extractors import worker
    yield monkeypatch
    worker.shutdown()


def test_the_time_limit_covers_the_whole_extraction_and_kills_tesseract(tmp_path, worker_env):
    from extractors import worker
    lines = NEWS.read_text(encoding="utf-8").splitlines()[:30]
    # Eight full pages to OCR: many seconds on any machine, whatever its load.
    pdf = scan_pdf(tmp_path / "scan.pdf", [l[:70] for l in lines if l.strip()] * 4, pages=8)
    worker_env.setenv("QUYETDINH_MAX_SECONDS_PER_FILE", "60")
    rec, _ = worker.extract_limited(str(NEWS))  # the worker is up, warm
    assert rec["status"] == "ok"
    worker_env.setenv("QUYETDINH_MAX_SECONDS_PER_FILE", "1.5")  # OCR of eight full pages takes far longer
    w = worker._worker
    t = time.monotonic()
    rec, text = worker.extract_limited(str(pdf))
    assert time.monotonic() - t < 10
    assert rec["status"] == "timeout", (rec["status"], rec["error"], rec["source"], time.monotonic() - t)
    assert "QUYETDINH_MAX_SECONDS_PER_FILE" in rec["error"] and "\n" not in rec["error"]
    assert text is None and rec["source"]["sha256"]
    assert not group_processes(w["proc"].pid)  # the worker and its tesseract are gone
    assert not Path(w["tmpdir"]).exists()
    worker_env.setenv("QUYETDINH_MAX_SECONDS_PER_FILE", "60")
    rec, _ = worker.extract_limited(str(NEWS))  # the next file gets a fresh worker
    assert rec["status"] == "ok" and rec["groups"]


def test_a_huge_page_is_refused_before_it_is_rendered(tmp_path, worker_env):
    from extractors import worker
    worker_env.setenv("QUYETDINH_MAX_SECONDS_PER_FILE", "60")
    # 500 × 500 px at 7.2 dpi: a 5000 × 5000 pt page, 434 megapixels at 300 dpi.
    pdf = scan_pdf(tmp_path / "huge.pdf", ["Quyết định"], size=(500, 500), resolution=7.2)
    assert pdf.stat().st_size < 50_000
    t = time.monotonic()
    rec, _ = worker.extract_limited(str(pdf))
    assert time.monotonic() - t < 30
    assert rec["status"] == "too_large" and "QUYETDINH_MAX_PAGE_MEGAPIXELS" in rec["error"]


@pytest.mark.parametrize("kb", [10, 50])
def test_a_long_single_line_is_quick(tmp_path, kb):
    from extractors.extract import safe_extract
    one = NEWS.read_text(encoding="utf-8").replace("\n", " ")
    path = tmp_path / "one.txt"
    path.write_text((one * (kb * 1024 // len(one) + 1))[: kb * 1024], encoding="utf-8")
    safe_extract(str(NEWS))  # models loaded
    t = time.monotonic()
    rec, _ = safe_extract(str(path))
    assert rec["status"] == "ok" and time.monotonic() - t < 10


def test_text_and_list_limits_are_settings(tmp_path, monkeypatch):
    from extractors.extract import safe_extract
    path = tmp_path / "long.txt"
    path.write_text("Khối thi đua gồm: " + "; ".join(f"Đơn vị số {k}" for k in range(30_000)), encoding="utf-8")
    rec, text = safe_extract(str(path))
    assert rec["status"] == "too_large" and "QUYETDINH_MAX_LINE_CHARS" in rec["error"] and text is None
    monkeypatch.setenv("QUYETDINH_MAX_LIST", "5")
    rec, _ = safe_extract(str(NEWS))
    assert rec["status"] == "too_large" and "QUYETDINH_MAX_LIST" in rec["error"]
    monkeypatch.setenv("QUYETDINH_MAX_LINES", "3")
    rec, _ = safe_extract(str(NEWS))
    assert rec["status"] == "too_large" and "QUYETDINH_MAX_LINES" in rec["error"]


def test_the_person_cue_is_a_whole_word():
    from extractors.persons import PERSON_CUE
    assert not PERSON_CUE.search("Sở Công Thương, Cộng hòa, không")
    assert PERSON_CUE.search("Ông Nguyễn Văn Hải") and PERSON_CUE.search("đồng chí Lê Thị Mai")


def test_a_huge_group_ends_within_the_time_limit(tmp_path, worker_env):
    """3,000 units listed under one group: read in time, or stopped at the limit; never longer."""
    from extractors import worker
    worker_env.setenv("QUYETDINH_MAX_SECONDS_PER_FILE", "6")
    path = tmp_path / "big-group.txt"
    path.write_text("QUYẾT ĐỊNH\nVề việc tổ chức các Khối thi đua năm 2025\nKhối thi đua các cơ quan tổng hợp gồm:\n"
                    + "\n".join(f"{k}. Ban Quản lý dự án số {k}" for k in range(1, 3001)), encoding="utf-8")
    worker.extract_limited(str(NEWS))  # the worker is up (its start is not the file's time)
    t = time.monotonic()
    rec, _ = worker.extract_limited(str(path))
    assert time.monotonic() - t < 6 + 5
    assert rec["status"] in ("ok", "timeout"), rec["error"]
    if rec["status"] == "timeout":
        assert "QUYETDINH_MAX_SECONDS_PER_FILE" in rec["error"]


def test_a_two_megabyte_line_is_refused_at_once(tmp_path):
    from extractors.extract import safe_extract
    path = tmp_path / "one-line.txt"
    one = NEWS.read_text(encoding="utf-8").replace("\n", " ")
    path.write_text((one * (2_000_000 // len(one) + 1))[:2_000_000], encoding="utf-8")
    t = time.monotonic()
    rec, _ = safe_extract(str(path))
    assert time.monotonic() - t < 10 and rec["status"] == "too_large"
