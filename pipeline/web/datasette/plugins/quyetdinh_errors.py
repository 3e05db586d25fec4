"""Errors in Datasette: the page or JSON Datasette would give, and ONE line on the terminal.

Datasette's own handler prints a full traceback with local variables for every refused
request (a bad SQL query is a 400): the terminal of `quyetdinh serve` gets one line per error.
"""
import sys

import datasette.handle_exception as default_handler
from datasette import hookimpl
from datasette.utils.asgi import Base400, Response
from datasette.views.base import DatasetteError
from datasette.plugins import pm
from markupsafe import Markup

# This handler replaces Datasette's (which prints the traceback even for a 400): both would run.
if pm.is_registered(default_handler):
    pm.unregister(default_handler)


def _status_message(exception) -> tuple[int, str, dict, str | None]:
    if isinstance(exception, Base400):
        return exception.status, exception.args[0] if exception.args else "", {}, None
    if isinstance(exception, DatasetteError):
        msg = Markup(exception.message) if exception.message_is_html else exception.message
        return exception.status, msg, dict(exception.error_dict or {}), exception.title
    return 500, str(exception), {}, None


@hookimpl
def handle_exception(datasette, request, exception):
    async def inner():
        status, message, info, title = _status_message(exception)
        first = (str(message).splitlines() or [""])[0][:300]
        print(f"quyetdinh serve: {status} {request.path}: {type(exception).__name__}: {first}", file=sys.stderr,
              flush=True)
        info.update({"ok": False, "error": message, "status": status, "title": title})
        if request.path.split("?")[0].endswith(".json"):
            return Response.json(info, status=status)
        template = datasette.jinja_env.select_template([f"{status}.html", "error.html"])
        html = await template.render_async(dict(info, urls=datasette.urls, app_css_hash=datasette.app_css_hash(),
                                                menu_links=lambda: []))
        return Response.html(html, status=status)
    return inner
