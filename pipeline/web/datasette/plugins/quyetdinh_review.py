"""The review queue in Datasette: show the page region a fact came from, next to the fact."""
import io
import json
import urllib.parse

from datasette import hookimpl
from datasette.utils.asgi import Response
from markupsafe import Markup, escape


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    # Only rows that say which document, page and region (the review queue, memberships).
    if column != "bbox" or not value:
        return None
    keys = row.keys() if hasattr(row, "keys") else []
    doc = row["document_id"] if "document_id" in keys else (row["decision_id"] if "decision_id" in keys else None)
    page = row["page"] if "page" in keys else None
    if not doc or not page:
        return None
    q = urllib.parse.urlencode({"page": page, "bbox": value})
    src = escape(f"/-/quyetdinh/region/{urllib.parse.quote(database)}/{urllib.parse.quote(doc)}.png?{q}")
    return Markup(f'<a href="{src}"><img src="{src}" alt="page {page} region" style="max-width:420px"></a>')


def parse_region(page: str, bbox: str | None) -> tuple[int, list[float] | None]:
    """page ≥ 1 and an optional box [x0, top, x1, bottom] with x0 < x1 and top < bottom."""
    n = int(page)
    if n > 100000:
        raise ValueError("no such page")
    box = json.loads(bbox) if bbox else None
    if n < 1 or (box is not None and not (isinstance(box, list) and len(box) == 4
                                          and all(isinstance(v, (int, float)) for v in box)
                                          and box[0] < box[2] and box[1] < box[3])):
        raise ValueError("bad page or box")
    return n, box


async def region(request, datasette):
    from pipeline.checks.review import page_region
    name = request.url_vars["database"]
    # Only the project's databases: Datasette's own (_internal, _memory) have no documents.
    db = datasette.databases.get(name)
    if db is None or name.startswith("_") or not db.path:
        return Response.text("no such database", status=404)
    try:
        page, bbox = parse_region(request.args.get("page", "0"), request.args.get("bbox"))
    except ValueError:
        return Response.text("bad page or bbox: page=N&bbox=[x0,top,x1,bottom]", status=400)
    rows = await db.execute("select coalesce(abs_path, path) as path from documents where id = ?", [request.url_vars["doc"]])
    if not rows.rows:
        return Response.text("no such document", status=404)
    image = page_region(rows.rows[0]["path"], page, bbox)
    if image is None:
        return Response.text("the file is not here any more, or it has no such page", status=404)
    buf = io.BytesIO()
    image.save(buf, "PNG")
    return Response(buf.getvalue(), content_type="image/png", headers={"cache-control": "max-age=3600"})


@hookimpl
def register_routes():
    return [(r"^/-/quyetdinh/region/(?P<database>[^/]+)/(?P<doc>[0-9a-zA-Z-]+)\.png$", region)]
