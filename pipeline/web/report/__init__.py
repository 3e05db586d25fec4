"""The yearly roster as people circulate it: a self-contained HTML page (and its PDF) with the
groups, their leaders and deputies, the deciding documents and amendments, the year's validation
findings, and charts (group sizes, leaders over the years, units moving between groups)."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import sqlite_utils

from pipeline.units.normalize import fold_diacritics
from pipeline.web.report.data import ROLE_NAMES, ReportError, available, match_province, report_data
from pipeline.web.report.fonts import FAMILY, font_face_css
from pipeline.web.report.svg import bar_chart, leader_timeline, legend, sankey

__all__ = ["ReportError", "available", "build_html", "report_name", "reports_for_all", "write_report", "render_pdf"]
DOC_NAMES = {"quyet_dinh": "Quyết định", "cong_van": "Công văn", "ke_hoach": "Kế hoạch", "thong_bao": "Thông báo"}
CHANGE_LABELS = {"moved": "chuyển khối, cụm", "added": "mới", "removed": "không còn trong danh sách",
                 "dissolved": "không còn (giải thể, sắp xếp 2025)", "succeeded": "sáp nhập, đổi tên"}
CHANGE_ORDER = ["moved", "succeeded", "added", "removed", "dissolved"]


def _vndate(iso: str | None) -> str:
    return date.fromisoformat(iso[:10]).strftime("%d/%m/%Y") if iso else ""


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def _next_day(iso: str | None) -> str | None:
    return (date.fromisoformat(iso) + timedelta(days=1)).isoformat() if iso else None


def _signer_line(d: dict) -> str:
    title = d.get("signer_title") or ""
    return " ".join(p for p in (title, d.get("signer_name")) if p)


def _issuer_line(decisions: list[dict], province: str) -> str:
    issuer = next((d["issuer"] for d in decisions if d.get("issuer")), None) or f"UBND tỉnh {province}"
    return re.sub(r"^UBND\b", "Ủy ban nhân dân", issuer).upper()


# Viet Nam keeps UTC+7 all year (no daylight saving): the reader's clock, without a tz database.
VIETNAM = timezone(timedelta(hours=7))


def report_name(province: str, year: int, compare: int | None = None) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", fold_diacritics(province).lower()).strip("-")
    return f"{slug}-{year}" + (f"-vs-{compare}" if compare is not None else "")


def build_html(db: sqlite_utils.Database, province: str, year: int, compare: int | None = None,
               db_name: str = "quyetdinh.db") -> str:
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    from extractors import EXTRACTOR_VERSION
    data = report_data(db, province, year, compare)
    province = data["province"]
    for d in data["decisions"] + data["amendments"] + [g["decision"] for g in data["groups"] if g["decision"]]:
        d["doc_name"] = DOC_NAMES.get(d.get("doc_type"), "Văn bản")
        d["signer_line"] = _signer_line(d)
    for g in data["groups"]:
        k = 0
        for m in g["members"]:
            if m["current"]:
                k += 1
                m["stt"] = k
            src = Path(m["source_path"]).name if m.get("source_path") else ""
            m["source"] = " ".join(p for p in (src, f"tr.{m['page']}" if m.get("page") else "",
                                               f"d.{m['line']}" if m.get("line") else "") if p)
    groups = data["groups"]
    sizes = bar_chart([{"label": g["name"], "value": g["count"], "kind": g["kind"]} for g in groups])
    tl = data["timeline"]
    leaders = leader_timeline([g["name"] for g in groups], tl["years"], tl["cells"], year)
    flows_svg, changes = None, []
    if data["flows"] is not None:
        flows_svg = sankey(data["flows"], data["groups_before"], [g["name"] for g in groups], compare, year)
        changes = sorted([dict(f, label=CHANGE_LABELS[f["change"]]) for f in data["flows"] if f["change"] != "stayed"],
                         key=lambda c: (CHANGE_ORDER.index(c["change"]), c["to_group"] or c["from_group"] or "", c["unit"]))
    env = Environment(loader=FileSystemLoader(str(Path(__file__).parent)), autoescape=select_autoescape(["html"]))
    env.filters.update(vndate=_vndate, roman=_roman, next_day=_next_day)
    template = env.get_template("report.html")
    context = dict(data, title=f"Danh sách các Cụm, Khối thi đua năm {year} — {province}", family=FAMILY,
                   issuer_line=_issuer_line(data["decisions"], province),
                   unit_total=sum(g["count"] for g in groups), chart_sizes=sizes, chart_leaders=leaders,
                   chart_flows=flows_svg, legend=legend(), changes=changes, version=EXTRACTOR_VERSION,
                   db_name=db_name, generated=datetime.now(VIETNAM).strftime("%H:%M ngày %d/%m/%Y (giờ Việt Nam)"),
                   # "phân công (thành viên)": an amendment that makes a leader an ordinary member again
                   role_word=lambda kind, role: ROLE_NAMES.get((kind, role), "thành viên" if role == "member" else role))
    # Render once for the text, then embed only the glyphs that text needs.
    draft = template.render(context, font_css="")
    return template.render(context, font_css=font_face_css(re.sub(r"<[^>]+>", " ", draft)))


def find_chromium() -> str | None:
    for name in (os.environ.get("QUYETDINH_CHROMIUM"), "chromium", "chromium-browser", "google-chrome", "chrome"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


def render_pdf(html_path: Path, pdf_path: Path, timeout: int = 120) -> None:
    """Print the page to PDF with headless Chromium: the same engine that shows the HTML, so
    the PDF looks like the page (inline SVG, the embedded font)."""
    chrome = find_chromium()
    if chrome is None:
        raise ReportError("no Chromium to print the PDF (apt-get install chromium, or set QUYETDINH_CHROMIUM)")
    from extractors import lifeline
    # Chromium in a session of its own, its profile in a folder of ours: both end with this
    # process, even when it is killed (the guardian does it then).
    profile = tempfile.mkdtemp(prefix="quyetdinh-chromium-")
    lifeline.remove_with_me(profile)
    try:
        cmd = [chrome, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
               "--no-pdf-header-footer", "--print-to-pdf-no-header", f"--user-data-dir={profile}",
               f"--print-to-pdf={pdf_path}", Path(html_path).resolve().as_uri()]
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                start_new_session=True)
        lifeline.kill_with_me(proc.pid, group=True)
        try:
            _, stderr = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            raise ReportError(f"Chromium did not print {html_path} within {timeout} s") from None
        finally:
            try:
                os.killpg(proc.pid, 9)  # its helper processes too
            except OSError:
                pass
            proc.wait()
            lifeline.forget_process(proc.pid)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
        lifeline.forget_folder(profile)
    if not pdf_path.exists() or pdf_path.stat().st_size == 0:
        last = (stderr.strip().splitlines() or ["no output"])[-1]
        raise ReportError(f"Chromium could not print {html_path}: {last}")


def reports_for_all(db_path: str, out_dir: str | Path) -> list[dict]:
    """An HTML report for every province and year with a roster, compared with the province's
    previous roster year when there is one (what a run publishes next to the database)."""
    db = sqlite_utils.Database(db_path)
    try:
        pairs = available(db)
    finally:
        db.conn.close()
    out = []
    for a in pairs:
        before = [b["year"] for b in pairs if b["province"] == a["province"] and b["year"] < a["year"]]
        compare = max(before) if before else None
        paths = write_report(db_path, a["province"], a["year"], out_dir, compare=compare, pdf=False)
        out.append({**a, "compare": compare, "html": paths["html"]})
    return out


def write_report(db_path: str, province: str, year: int, out_dir: str | Path, compare: int | None = None,
                 pdf: bool = True) -> dict:
    """Write NAME.html (and NAME.pdf) into out_dir; return their paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    db = sqlite_utils.Database(db_path)
    try:
        province = match_province(db, province)
        html = build_html(db, province, year, compare, Path(db_path).name)
    finally:
        db.conn.close()
    name = report_name(province, year, compare)
    html_path = out / f"{name}.html"
    tmp = html_path.with_suffix(".html.tmp")
    tmp.write_text(html, encoding="utf-8")
    os.replace(tmp, html_path)
    result = {"html": str(html_path), "pdf": None}
    if pdf:
        pdf_path = out / f"{name}.pdf"
        render_pdf(html_path, pdf_path)
        result["pdf"] = str(pdf_path)
    return result
