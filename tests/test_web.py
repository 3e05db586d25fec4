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
def server(samples_db_path):
    db_path = samples_db_path
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


@pytest.mark.parametrize("typed", ["Bắc Ninh", "Bac Ninh", "tỉnh bắc ninh", "NFD"])
def test_roster_of_bac_ninh_2024(server, page, typed):
    import unicodedata
    typed = unicodedata.normalize("NFD", "Bắc Ninh") if typed == "NFD" else typed
    page.goto(server + "/quyetdinh/roster?" + urllib.parse.urlencode({"year": 2024, "province": typed}))
    rows = list(zip(column(page, "group_name"), column(page, "unit_name"), column(page, "role"), column(page, "province")))
    ktkt = [(u, r) for g, u, r, _ in rows if "kinh tế, kỹ thuật" in g]
    assert set(SEED_UNITS) <= {u for u, _ in ktkt}
    assert ("Quỹ Đầu tư phát triển tỉnh", "Trưởng khối/cụm") in ktkt  # the stored code is its cell's title
    codes = [c.get_attribute("title") for c in page.query_selector_all("td.col-role span")]
    assert {"leader", "deputy", "member"} <= set(codes)
    assert {p for *_, p in rows} == {"Bắc Ninh"}
    assert {"Trưởng khối", "Phó khối", "Thành viên"} <= set(column(page, "vai_tro"))
    page.screenshot(path=str(OUT / "roster.png"), full_page=False)


def test_unit_history_through_the_merger(server, page):
    page.goto(server + "/quyetdinh/unit_history?" + urllib.parse.urlencode({"unit": "Sở Nông nghiệp và Phát triển nông thôn"}))
    years = column(page, "year")
    names = column(page, "unit_name")
    assert "2024" in years and "2026" in years and "Sở Nông nghiệp và Môi trường" in names
    leaders = dict(zip(years, column(page, "group_leader")))
    assert leaders["2024"] == "Quỹ Đầu tư phát triển tỉnh"  # who led its bloc that year
    page.screenshot(path=str(OUT / "unit_history.png"), full_page=False)


def test_search_without_diacritics(server, page):
    page.goto(server + "/quyetdinh/search?" + urllib.parse.urlencode({"q": "quyet dinh thi dua"}))
    assert len(column(page, "name")) > 5
    import unicodedata
    page.goto(server + "/quyetdinh/search?" + urllib.parse.urlencode({"q": unicodedata.normalize("NFD", "Nông nghiệp")}))
    assert "Sở Nông nghiệp và Phát triển nông thôn" in column(page, "name")
    page.goto(server + "/quyetdinh/search?" + urllib.parse.urlencode({"q": "138/QĐ-UBND"}))
    snippets = column(page, "snippet")
    assert any("[138/QĐ-UBND]" in s for s in snippets), snippets  # as stored, with its Đ
    page.goto(server + "/quyetdinh/search?" + urllib.parse.urlencode({"q": '"khoi thi dua" bac nin'}))
    assert any("[Khối thi đua]" in s or "[khối thi đua]" in s for s in column(page, "snippet"))
    page.screenshot(path=str(OUT / "search.png"), full_page=False)


def test_nothing_can_be_written(server):
    req = urllib.request.Request(server + "/quyetdinh/-/query.json?sql=" + urllib.parse.quote("delete from documents"))
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(req)


def test_report_bac_ninh_2025_against_2024_from_datasette(server, page):
    """The yearly report, reached from the roster query's link, read in the browser."""
    page.goto(server + "/quyetdinh/roster")
    page.locator("a[href='/-/quyetdinh/reports']:visible").first.click()  # the link in the query's description
    page.click("a:has-text('so với 2024')")
    assert "compare=2024" in page.url and "year=2025" in page.url
    page.wait_for_function("document.fonts.status === 'loaded'")
    assert page.evaluate("[...document.fonts].filter(f => f.family.replace(/[\"']/g, '') === 'QD Sans' "
                         "&& f.status === 'loaded').length") == 2  # both weights, from the page itself
    assert "QD Sans" in page.evaluate("getComputedStyle(document.body).fontFamily")
    ktkt = page.locator("section.group", has_text="kinh tế, kỹ thuật").first
    current = [t.strip() for t in ktkt.locator("tr.member:not(.ended) span.unit").all_inner_texts()]
    assert len(current) == 12 and "Ban Quản lý dự án xây dựng dân dụng và công nghiệp tỉnh" in current
    assert ktkt.locator("h3").inner_text().endswith("(12 đơn vị)")
    leader = ktkt.locator("tr.leader")
    assert leader.count() == 1 and leader.locator("span.unit").inner_text() == "Sở Xây dựng"
    assert leader.locator(".badge.leader").inner_text() == "Trưởng khối"
    moved = page.locator("tr.change-row[data-change='moved'] td.unit").all_inner_texts()
    assert moved == ["Sở Thông tin và Truyền thông"]
    assert "Sở Thông tin và Truyền thông" in page.locator("#chart-flows path.flow-moved").get_attribute("data-units")
    assert page.locator("#chart-sizes svg rect").count() == 5 and page.locator("#chart-leaders svg").count() == 1
    page.set_viewport_size({"width": 1200, "height": 1000})
    page.locator("header.title").scroll_into_view_if_needed()
    # The README's picture is refreshed only on request: a test run changes no tracked file.
    docs_img = Path(__file__).resolve().parents[1] / "docs" / "img"
    shot = docs_img if os.environ.get("QUYETDINH_UPDATE_DOCS_IMG") else OUT
    page.screenshot(path=str(shot / "report-bac-ninh-2025-vs-2024.png"), full_page=True)


# Datasette's own words a person must not meet on the pages of `serve` (QUYETDINH_LANG is not en).
ENGLISH = ["Powered by", "View and edit SQL", "Advanced export", "This data as", "Suggested facets", "Custom SQL query",
           "Query parameters", "Run SQL", "Next page", "Sort ascending", "Facet by this", "rows where", "Data license",
           "Data source", "Queries took"]


def visible_english(page) -> list[str]:
    text = page.inner_text("body") + " " + " ".join(
        b.get_attribute("value") or "" for b in page.query_selector_all("input[type=submit]:visible"))
    return [w for w in ENGLISH if w in text]


def test_datasette_speaks_vietnamese(server, page):
    page.goto(server + "/")
    assert page.get_attribute("html", "lang") == "vi"
    body = page.inner_text("body")
    assert "Chạy trên" in body and "dòng trong" in body and "trang chủ" in body
    assert not visible_english(page)
    page.screenshot(path=str(OUT / "vi-home.png"), full_page=True)

    page.goto(server + "/quyetdinh")
    body = page.inner_text("body")
    assert "Truy vấn có sẵn" in body and "Các bảng" in body and "Tệp đã đọc" in body
    assert page.get_attribute("input[type=submit]", "value") == "Chạy SQL"
    assert not visible_english(page)

    page.goto(server + "/quyetdinh/documents?" + urllib.parse.urlencode({"format": "pdf", "_sort_desc": "pages"}))
    body = page.inner_text("body")
    assert page.inner_text("h1").startswith("Tệp đã đọc")
    for words in ("dòng với format = \"pdf\" sắp xếp theo pages giảm dần", "Xem và sửa SQL", "Dữ liệu này dạng",
                  "Xuất dữ liệu", "Ý nghĩa các cột", "Gợi ý nhóm theo", "đọc được"):
        assert words in body, words
    assert page.get_attribute("form.filters input[type=submit]", "value") == "Lọc"
    assert "chứa" in page.inner_text("select[name=_filter_op]")
    assert not visible_english(page)
    page.click("th.col-path svg.dropdown-menu-icon")  # the column menu table.js writes
    menu = page.inner_text(".dropdown-menu")
    assert "Sắp xếp tăng dần" in menu and "Kiểu dữ liệu: văn bản" in menu and "Sort" not in menu
    page.screenshot(path=str(OUT / "vi-table.png"), full_page=False)

    page.goto(server + "/quyetdinh/roster?" + urllib.parse.urlencode({"year": 2024, "province": "bac ninh"}))
    body = page.inner_text("body")
    assert "Tham số" in body and "Năm" in body and "Tỉnh" in body and "Truy vấn SQL" in body
    assert page.get_attribute("form.sql input[type=submit]", "value") == "Xem kết quả"
    assert not visible_english(page)
    page.screenshot(path=str(OUT / "vi-roster.png"), full_page=False)


def test_english_datasette_for_developers(samples_db_path, monkeypatch):
    """QUYETDINH_LANG=en serves Datasette's own templates (English), in-process."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    from pipeline.web import serve
    monkeypatch.setenv("QUYETDINH_LANG", "en")

    def page_html():  # in a thread: the browser fixture holds this thread's event loop
        ds = serve.build(str(samples_db_path))
        return asyncio.run(ds.client.get("/quyetdinh/documents")).text
    with ThreadPoolExecutor(1) as pool:
        html = pool.submit(page_html).result()
    assert "Powered by" in html and "This data as" in html and "Dữ liệu này dạng" not in html


def test_vietnamese_templates_match_datasette():
    """Each override is a template of the installed Datasette (0.65.x, the version they were copied from)."""
    import datasette
    from datasette.version import __version__

    from pipeline.web.serve import TEMPLATES
    assert __version__.startswith("0.65."), "the templates in pipeline/web/datasette/templates are 0.65.5's: compare"
    own = Path(datasette.__file__).parent / "templates"
    for t in TEMPLATES.glob("*.html"):
        assert (own / t.name).exists(), t.name
