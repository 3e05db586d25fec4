"""The yearly report: its data, its SVG charts, its embedded font and its PDF."""
import base64
import io
import re
import shutil

import pytest
import sqlite_utils

from pipeline.web.report import ReportError, build_html, report_name, write_report
from pipeline.web.report.data import report_data
from pipeline.web.report.fonts import BASE, font_face_css, has_glyphs, text_width, wrap
from pipeline.web.report.svg import bar_chart, leader_timeline, sankey

KTKT = "Khối các Sở, ban, ngành tham mưu và quản lý nhà nước về kinh tế, kỹ thuật"


@pytest.fixture(scope="module")
def db(samples_db_path):
    return sqlite_utils.Database(samples_db_path)


def test_font_draws_every_vietnamese_letter_and_wraps_by_its_metrics():
    assert has_glyphs("".join(BASE)) == set()
    assert has_glyphs("Ủy ban nhân dân tỉnh Bắc Ninh – ỹ ự Đ") == set()
    assert text_width("Sở Xây dựng", 12, bold=True) > text_width("Sở Xây dựng", 12) > text_width("Sở", 12) > 0
    lines = wrap(KTKT, 200, 12)
    assert all(text_width(l, 12) <= 200 for l in lines) and " ".join(lines).replace(" …", "") in KTKT
    assert wrap(KTKT, 80, 12, max_lines=2)[-1].endswith("…")


def test_embedded_subset_covers_the_page_text():
    from fontTools.ttLib import TTFont
    text = "Danh sách các Cụm, Khối thi đua — Quỹ Đầu tư phát triển tỉnh ₫"
    css = font_face_css(text)
    assert css.count("@font-face") == 2 and "font-weight: 700" in css
    data = base64.b64decode(re.search(r"base64,([^)]+)\)", css).group(1))
    cmap = TTFont(io.BytesIO(data)).getBestCmap()
    assert {c for c in text if not c.isspace()} <= {chr(k) for k in cmap}
    assert len(data) < 120_000  # a subset, not the whole 750 kB font


def test_charts_are_plain_svg_with_real_text():
    bars = bar_chart([{"label": KTKT, "value": 12, "kind": "khối"}, {"label": "Cụm 1", "value": 5, "kind": "cụm"}])
    assert bars.startswith("<svg") and ">12<" in bars and "kinh tế, kỹ thuật" in bars and bars.count("<rect") == 2
    tl = leader_timeline(["Khối A"], [2024, 2025], {(0, 2024): {"leader": "Sở Y tế", "key": "so-y-te"}}, 2025)
    assert "Sở Y tế" in tl and "—" in tl  # no roster of 2025 for that group: a dash, not a guess
    flows = [{"from_group": "Khối A", "to_group": "Khối B", "change": "moved", "unit": "Sở X"},
             {"from_group": "Khối A", "to_group": "Khối A", "change": "stayed", "unit": "Sở Y"},
             {"from_group": "Cụm huyện", "to_group": None, "change": "dissolved", "unit": "Huyện Z"},
             {"from_group": None, "to_group": "Khối B", "change": "added", "unit": "Sở Mới"},
             {"from_group": "Khối A", "to_group": "Khối B", "change": "succeeded", "unit": "Sở P", "unit_b": "Sở Q"}]
    s = sankey(flows, ["Khối A", "Cụm huyện"], ["Khối A", "Khối B"], 2024, 2025)
    for cls in ("flow-moved", "flow-stayed", "flow-gone", "flow-added", "flow-succeeded"):
        assert cls in s
    assert "Không còn năm 2025" in s and "Đơn vị mới năm 2025" in s and "Sở P → Sở Q" in s


def test_report_data_2025_against_2024(db):
    data = report_data(db, "bac ninh", 2025, compare=2024)  # the province as a user types it
    assert data["province"] == "Bắc Ninh"
    ktkt = next(g for g in data["groups"] if g["name"] == KTKT)
    assert ktkt["count"] == 12 and ktkt["leader"] == "Sở Xây dựng"
    assert ktkt["decision"]["number"] == "52/QĐ-UBND"
    changes = {(f["change"], f["unit"]) for f in data["flows"] if f["change"] != "stayed"}
    assert changes == {("moved", "Sở Thông tin và Truyền thông"), ("removed", "Cục Dự trữ Nhà nước khu vực Hà Bắc"),
                       ("added", "Ban Quản lý dự án xây dựng dân dụng và công nghiệp tỉnh")}
    assert data["timeline"]["years"] == [2024, 2025, 2026]


def test_amendments_show_in_the_2024_report(db):
    data = report_data(db, "Bắc Ninh", 2024)
    ktkt = next(g for g in data["groups"] if g["name"] == KTKT)
    khcn = next(m for m in ktkt["members"] if m["name"] == "Sở Khoa học và Công nghệ")
    assert khcn["current"] and khcn["notes"][0]["number"] == "615/QĐ-UBND" and khcn["notes"][0]["date"] == "2024-06-12"
    assert ktkt["amendments"] == [{"date": "2024-06-12", "number": "615/QĐ-UBND"}]
    vhxh = next(g for g in data["groups"] if "văn hóa - xã hội" in g["name"])
    gone = next(m for m in vhxh["members"] if m["name"] == "Sở Khoa học và Công nghệ")
    assert not gone["current"] and gone["ended"] == "2024-06-11"
    tmth = next(g for g in data["groups"] if "tổng hợp" in g["name"])
    assert tmth["leader"] == "Sở Nội vụ"  # replaced by QĐ 615


def test_2026_against_2025_shows_the_reorganisation(db):
    data = report_data(db, "Bắc Ninh", 2026, compare=2025)
    by = {}
    for f in data["flows"]:
        by.setdefault(f["change"], set()).add(f["unit"])
    assert {"Huyện Gia Bình", "Thành phố Bắc Ninh"} <= by["dissolved"]
    assert "Sở Tài nguyên và Môi trường" in by["succeeded"]
    html = build_html(db, "Bắc Ninh", 2026, 2025)
    assert "không còn (giải thể, sắp xếp 2025)" in html and "Sở Nông nghiệp và Môi trường" in html


def test_html_is_self_contained(db):
    html = build_html(db, "Bắc Ninh", 2025, 2024)
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", html)  # nothing fetched from the network
    assert "<script" not in html and "@font-face" in html and html.count("<svg") == 3
    assert "DANH SÁCH" not in html and "Danh sách các Cụm, Khối thi đua năm 2025" in html  # upper case is CSS
    with pytest.raises(ReportError, match="no roster of Bắc Ninh for 2019"):
        build_html(db, "Bắc Ninh", 2019)
    assert report_name("Bắc Ninh", 2025, 2024) == "bac-ninh-2025-vs-2024"


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Chromium prints the PDF")
def test_pdf_has_the_text_in_the_embedded_font(samples_db_path, tmp_path):
    import pdfplumber
    paths = write_report(str(samples_db_path), "Bắc Ninh", 2025, tmp_path, compare=2024)
    with pdfplumber.open(paths["pdf"]) as pdf:
        text = "\n".join(p.extract_text() or "" for p in pdf.pages)
        fonts = {c["fontname"].split("+")[-1] for p in pdf.pages for c in p.chars}
    assert "DANH SÁCH CÁC CỤM, KHỐI THI ĐUA NĂM 2025" in text
    assert "Ban Quản lý dự án xây dựng dân dụng và công nghiệp tỉnh" in text and "Trưởng khối" in text
    assert fonts == {"QDSans", "QDSans-Bold"}  # only the page's embedded subset: nothing left to a system font
