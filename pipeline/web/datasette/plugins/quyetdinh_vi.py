"""Datasette in Vietnamese: the words Datasette makes in Python (filter names, crumbs, the
description of a filtered table), for the Vietnamese templates in pipeline/web/datasette/templates/.

Those templates are Datasette 0.65.5's own with the visible words translated; `serve` uses them
unless QUYETDINH_LANG=en. The words its JavaScript writes are translated by _quyetdinh_vi.js there.
"""
from datasette import hookimpl
from markupsafe import Markup, escape

from pipeline.store.views import VIEWS
from pipeline.units.messages import REVIEW_KIND_WORDS, ROLE_WORDS, SEVERITY_WORDS, STATUS_WORDS, lang
from pipeline.web.schema_docs import QUERY_PARAMS, TABLE_DOCS

# Datasette's words → Vietnamese (filter operators, facet types, crumbs, show/hide SQL).
WORDS = {
    "home": "trang chủ", "hide": "ẩn", "show": "hiện",
    "contains": "chứa", "ends with": "kết thúc bằng", "starts with": "bắt đầu bằng", "like": "like (mẫu SQL)",
    "not like": "not like (khác mẫu SQL)", "glob": "glob (mẫu)", "in": "là một trong", "not in": "không là một trong",
    "array contains": "mảng chứa", "array does not contain": "mảng không chứa", "date": "vào ngày",
    "is null": "không có giá trị (null)", "is not null": "có giá trị (not null)", "is blank": "để trống",
    "is not blank": "không để trống", "array": "mảng", "column": "cột",
}
# How the filter of a table page reads (Datasette's human_template, in Vietnamese).
CLAUSES = {
    "exact": "{c} = {v}", "not": "{c} ≠ {v}", "contains": "{c} chứa {v}", "endswith": "{c} kết thúc bằng {v}",
    "startswith": "{c} bắt đầu bằng {v}", "gt": "{c} > {v}", "gte": "{c} ≥ {v}", "lt": "{c} < {v}", "lte": "{c} ≤ {v}",
    "like": "{c} like {v}", "notlike": "{c} not like {v}", "glob": "{c} glob {v}", "in": "{c} là một trong {v}",
    "notin": "{c} không là một trong {v}", "arraycontains": "{c} chứa {v}", "arraynotcontains": "{c} không chứa {v}",
    "date": "{c} vào ngày {v}", "isnull": "{c} không có giá trị", "notnull": "{c} có giá trị",
    "isblank": "{c} để trống", "notblank": "{c} không để trống",
}


def vi_word(text):
    return WORDS.get(str(text), text) if text is not None else text


def vi_number(text: str) -> str:
    """1,234 → 1.234 (Vietnamese groups thousands with a dot)."""
    return str(text).replace(",", ".")


def vi_title(name: str) -> str:
    """The Vietnamese name of a table or view ('' when the project does not know it)."""
    if name in TABLE_DOCS:
        return TABLE_DOCS[name][0]
    if name in VIEWS:
        return VIEWS[name][0]
    return ""


def vi_param(name: str) -> str:
    return QUERY_PARAMS.get(name, name)


def vi_description(filters, search, sort, sort_desc, english: str = "") -> str:
    """'where year = 2024 and … sorted by x descending', as a Vietnamese sentence."""
    bits = []
    if search:
        bits.append(f'có "{search}"')
    known = True
    for column, lookup, value in filters.selections():
        template = CLAUSES.get(lookup)
        if template is None:
            known = False
            continue
        v = value if str(value).lstrip("-").isdigit() else f'"{value}"'
        bits.append(template.format(c=column, v=v))
    text = ("với " + ", ".join(bits[:-1]) + (" và " if len(bits) > 1 else "") + bits[-1]) if bits else ""
    if sort or sort_desc:
        text += f" sắp xếp theo {sort or sort_desc}{' giảm dần' if sort_desc else ''}"
    if not known and english:  # a filter this page does not know how to say: keep Datasette's words too
        text += f" ({english})"
    return text.strip()


# Stored codes a person reads in Vietnamese (the code stays in JSON, CSV and the URL: hover shows it).
CODED = {"role": ROLE_WORDS, "severity": SEVERITY_WORDS, "status": STATUS_WORDS, "kind": REVIEW_KIND_WORDS}


def vi_value(label, column: str):
    words = CODED.get(column, {})
    return words[label][0] if isinstance(label, str) and label in words else label


@hookimpl
def render_cell(value, column):
    if lang() != "vi" or column not in CODED or not isinstance(value, str) or value not in CODED[column]:
        return None
    return Markup(f'<span title="{escape(value)}">{escape(CODED[column][value][0])}</span>')


@hookimpl
def prepare_jinja2_environment(env, datasette):
    env.filters["vi_value"] = vi_value
    env.filters["vi"] = vi_word
    env.filters["vi_number"] = vi_number
    env.filters["vi_param"] = vi_param
    env.globals["vi_title"] = vi_title
    env.globals["vi_description"] = vi_description
