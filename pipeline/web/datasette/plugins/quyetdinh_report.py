"""The yearly roster reports, served by Datasette from the same database (read-only)."""
import asyncio
import sqlite3
import urllib.parse

from datasette import hookimpl
from datasette.utils.asgi import Response
from markupsafe import escape


def _open(datasette, name):
    import sqlite_utils
    db = datasette.get_database(name)
    if not db.path:
        return None
    # Read-only but not immutable: a run may still hold recent rows in the WAL file.
    conn = sqlite3.connect(f"file:{urllib.parse.quote(db.path)}?mode=ro", uri=True, check_same_thread=False)
    return sqlite_utils.Database(conn)


def _databases(datasette):
    return [name for name, db in datasette.databases.items() if not name.startswith("_") and db.path]


async def reports_index(request, datasette):
    from pipeline.web.report import available
    parts = []
    for name in _databases(datasette):
        db = _open(datasette, name)
        rows = await asyncio.to_thread(available, db)
        db.conn.close()
        items = []
        for r in rows:
            before = [x["year"] for x in rows if x["province"] == r["province"] and x["year"] < r["year"]]
            q = {"province": r["province"], "year": r["year"]}
            link = f"/-/quyetdinh/report/{urllib.parse.quote(name)}?{urllib.parse.urlencode(q)}"
            cmp = ""
            if before:
                cq = urllib.parse.urlencode({**q, "compare": max(before)})
                cmp = (f' · <a href="/-/quyetdinh/report/{urllib.parse.quote(name)}?{escape(cq)}">'
                       f"so với {max(before)} / vs {max(before)}</a>")
            items.append(f'<li><a href="{escape(link)}">{escape(r["province"])} {r["year"]}</a> '
                         f'— {r["groups"]} cụm, khối; {r["units"]} đơn vị{cmp}</li>')
        parts.append(f"<h2>{escape(name)}</h2><ul>{''.join(items) or '<li>no roster yet</li>'}</ul>")
    html = ("<!DOCTYPE html><html lang='vi'><head><meta charset='utf-8'><title>Báo cáo / Reports</title>"
            "<style>body{font-family:'DejaVu Sans',sans-serif;max-width:900px;margin:30px auto;line-height:1.6}</style>"
            "</head><body><h1>Danh sách Cụm, Khối thi đua theo năm / Yearly roster reports</h1>"
            + "".join(parts) + "<p><a href='/'>← Datasette</a></p></body></html>")
    return Response.html(html)


async def report(request, datasette):
    from pipeline.web.report import ReportError, build_html
    name = request.url_vars["database"]
    if name not in _databases(datasette):
        return Response.text("no such database", status=404)
    try:
        year = int(request.args.get("year", ""))
        compare = int(request.args["compare"]) if request.args.get("compare") else None
        if not all(1900 <= y <= 2200 for y in (year, compare) if y is not None):
            raise ValueError(year)
    except ValueError:
        return Response.text("year and compare must be years, e.g. ?province=Bắc Ninh&year=2025&compare=2024", status=400)
    db = _open(datasette, name)
    try:
        html = await asyncio.to_thread(build_html, db, request.args.get("province", ""), year, compare, name)
    except ReportError as e:
        return Response.text(str(e), status=404)
    finally:
        db.conn.close()
    return Response.html(html)


@hookimpl
def register_routes():
    return [(r"^/-/quyetdinh/reports$", reports_index),
            (r"^/-/quyetdinh/report/(?P<database>[^/]+)$", report)]


@hookimpl
def menu_links(datasette, actor):
    return [{"href": "/-/quyetdinh/reports", "label": "Báo cáo theo năm / Reports"}]
