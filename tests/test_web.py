"""End to end in a real browser: `quyetdinh serve` over the samples' database, Debian's Chromium."""
import os
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
OUT = Path(__file__).parent / "output" / "web"
SEED_UNITS = ["Sở Công thương", "Sở Nông nghiệp và Phát triển nông thôn", "Sở Giao thông vận tải",
              "Sở Thông tin và Truyền thông", "Sở Tài nguyên và Môi trường", "Cục Dự trữ Nhà nước khu vực Hà Bắc",
              "Ban quản lý các Khu công nghiệp", "Liên minh hợp tác xã tỉnh", "Quỹ Phát triển đất", "Sở Xây dựng",
              "Quỹ Đầu tư phát triển tỉnh", "Ban Quản lý khu vực phát triển Đô thị Bắc Ninh"]

pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Debian's chromium is needed (make system-deps)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(samples_dir, tmp_path_factory):
    from extractors.extract import safe_extract
    from flows.ingest import discover_files
    from pipeline.store import load_record, open_db
    from pipeline.validate import refresh
    db_path = tmp_path_factory.mktemp("web") / "quyetdinh.db"
    db = open_db(str(db_path))
    for path in discover_files([str(samples_dir)]):
        load_record(db, *safe_extract(path))
    refresh(db)
    db.conn.close()
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "serve", "--db", str(db_path), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/-/versions.json", timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    else:
        proc.kill()
        raise RuntimeError(proc.stdout.read().decode())
    yield base
    proc.terminate()
    proc.wait(10)


@pytest.fixture(scope="module")
def page():
    from playwright.sync_api import sync_playwright
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"])
        pg = browser.new_page(viewport={"width": 1400, "height": 1000})
        yield pg
        browser.close()


def column(page, name: str) -> list[str]:
    return [c.inner_text().strip() for c in page.query_selector_all(f"td.col-{name}")]


def test_home_page(server, page):
    page.goto(server + "/")
    assert "Cụm, Khối thi đua" in page.content()
    page.goto(server + "/quyetdinh")
    for query in ("roster", "unit_history", "leader_rotation", "year_diff", "validation_issues", "needs_review"):
        assert page.query_selector(f"a[href$='/quyetdinh/{query}']"), query
    page.screenshot(path=str(OUT / "home.png"), full_page=True)


def test_roster_of_bac_ninh_2024(server, page):
    page.goto(server + "/quyetdinh/roster?" + urllib.parse.urlencode({"year": 2024, "province": "Bắc Ninh"}))
    rows = list(zip(column(page, "group_name"), column(page, "unit_name"), column(page, "role")))
    ktkt = [(u, r) for g, u, r in rows if "kinh tế, kỹ thuật" in g]
    assert set(SEED_UNITS) <= {u for u, _ in ktkt}
    assert ("Quỹ Đầu tư phát triển tỉnh", "leader") in ktkt
    page.screenshot(path=str(OUT / "roster.png"), full_page=False)


def test_unit_history_through_the_merger(server, page):
    page.goto(server + "/quyetdinh/unit_history?" + urllib.parse.urlencode({"unit": "Sở Nông nghiệp và Phát triển nông thôn"}))
    years = column(page, "year")
    names = column(page, "unit_name")
    assert "2024" in years and "2026" in years and "Sở Nông nghiệp và Môi trường" in names
    page.screenshot(path=str(OUT / "unit_history.png"), full_page=False)


def test_search_without_diacritics(server, page):
    page.goto(server + "/quyetdinh/search?" + urllib.parse.urlencode({"q": "quyet dinh thi dua"}))
    assert len(column(page, "name")) > 5
    import unicodedata
    page.goto(server + "/quyetdinh/search?" + urllib.parse.urlencode({"q": unicodedata.normalize("NFD", "Nông nghiệp")}))
    assert "Sở Nông nghiệp và Phát triển nông thôn" in column(page, "name")
    page.screenshot(path=str(OUT / "search.png"), full_page=False)


def test_nothing_can_be_written(server):
    req = urllib.request.Request(server + "/quyetdinh/-/query.json?sql=" + urllib.parse.quote("delete from documents"))
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(req)
