"""Small server-side SVG charts for the report: group sizes, leaders over the years, unit flows.

Written by hand rather than with matplotlib: the charts are three simple shapes, the output is
plain text that diffs and tests like HTML (a test can find a unit's name in it), the labels are
real text in the page's embedded font (selectable, searchable, no tofu in the PDF), and the
package stays free of a 40 MB plotting stack.
"""
from __future__ import annotations

import hashlib
from html import escape

from pipeline.web.report.fonts import FAMILY, text_width, wrap

FONT = f"font-family=\"'{FAMILY}', 'DejaVu Sans', sans-serif\""
COLORS = {"stayed": "#c3ccd8", "moved": "#e07b24", "succeeded": "#7d5bbe", "added": "#2f9e6a", "gone": "#d0433f"}
LABELS = {"stayed": "ở lại / stayed", "moved": "chuyển khối / moved", "succeeded": "sáp nhập, đổi tên / merged or renamed",
          "added": "mới / new", "gone": "không còn / removed or dissolved"}
PALETTE = ["#1f6fb2", "#2f9e6a", "#c2571a", "#7d5bbe", "#b8860b", "#2a9d8f", "#c23b6e", "#5b7083", "#8c564b", "#3a7d44"]


def _svg(width: float, height: float, body: list[str], label: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" '
            f'height="{height:.0f}" role="img" aria-label="{escape(label)}" {FONT}>' + "".join(body) + "</svg>")


def _text(x: float, y: float, lines: list[str], size: float, anchor: str = "start", bold: bool = False,
          fill: str = "#1d2733", cls: str = "") -> str:
    weight = ' font-weight="700"' if bold else ""
    klass = f' class="{cls}"' if cls else ""
    spans = "".join(f'<tspan x="{x:.1f}" dy="{0 if i == 0 else size * 1.2:.1f}">{escape(t)}</tspan>'
                    for i, t in enumerate(lines))
    return f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" fill="{fill}"{weight}{klass}>{spans}</text>'


def unit_color(key: str) -> str:
    return PALETTE[int(hashlib.sha1(key.encode()).hexdigest(), 16) % len(PALETTE)]


def bar_chart(rows: list[dict], width: int = 880) -> str:
    """Horizontal bars: rows of {label, value, kind}; the value is printed at the bar's end."""
    label_w, row_h, size = 380, 40, 12
    top = 8
    scale = (width - label_w - 70) / max([r["value"] for r in rows] + [1])
    body = []
    for i, r in enumerate(rows):
        y = top + i * row_h
        lines = wrap(r["label"], label_w - 16, size, max_lines=2)
        body.append(_text(label_w - 12, y + row_h / 2 - (len(lines) - 1) * size * 0.6 + size * 0.35, lines, size, "end"))
        w = max(r["value"] * scale, 1)
        color = "#2a9d8f" if r.get("kind") == "cụm" else "#1f6fb2"
        body.append(f'<rect x="{label_w}" y="{y + 8}" width="{w:.1f}" height="{row_h - 16}" rx="3" fill="{color}">'
                    f'<title>{escape(r["label"])}: {r["value"]}</title></rect>')
        body.append(_text(label_w + w + 8, y + row_h / 2 + 4, [str(r["value"])], 13, bold=True))
    return _svg(width, top * 2 + row_h * len(rows), body, "Số đơn vị mỗi cụm, khối / units per group")


def leader_timeline(groups: list[str], years: list[int], cells: dict[tuple[int, int], dict], current: int,
                    width_label: int = 300, col: int = 150) -> str:
    """One row per group, one column per year; each cell names the leader, coloured by unit so
    a rotation (or a unit leading again) shows at a glance."""
    size, head = 11, 30
    heights = []
    for gi in range(len(groups)):
        need = max([len(wrap(c["leader"], col - 16, size, max_lines=3)) for (g, _), c in cells.items()
                    if g == gi and c.get("leader")] + [1])
        heights.append(max(need * size * 1.2 + 18, len(wrap(groups[gi], width_label - 12, size, max_lines=3)) * size * 1.2 + 12))
    width = width_label + col * len(years) + 4
    body = []
    for j, year in enumerate(years):
        x = width_label + j * col
        if year == current:
            body.append(f'<rect x="{x}" y="0" width="{col}" height="{head + sum(heights) + 4:.0f}" fill="#fff4d6"/>')
        body.append(_text(x + col / 2, 20, [str(year)], 13, "middle", bold=True))
    y = head
    for gi, name in enumerate(groups):
        h = heights[gi]
        lines = wrap(name, width_label - 12, size, max_lines=3)
        body.append(_text(4, y + h / 2 - (len(lines) - 1) * size * 0.6 + 4, lines, size))
        for j, year in enumerate(years):
            c = cells.get((gi, year))
            x = width_label + j * col
            if not c:
                body.append(_text(x + col / 2, y + h / 2 + 4, ["—"], size, "middle", fill="#8a96a3"))
                continue
            if not c.get("leader"):
                body.append(_text(x + col / 2, y + h / 2 + 4, ["(không nêu)"], size, "middle", fill="#8a96a3"))
                continue
            color = unit_color(c.get("key") or c["leader"])
            body.append(f'<rect x="{x + 4}" y="{y + 3}" width="{col - 8}" height="{h - 6:.1f}" rx="4" fill="{color}" '
                        f'fill-opacity="0.16" stroke="{color}"><title>{escape(c["leader"])} — {year}</title></rect>')
            ll = wrap(c["leader"], col - 16, size, max_lines=3)
            body.append(_text(x + col / 2, y + h / 2 - (len(ll) - 1) * size * 0.6 + 4, ll, size, "middle",
                              cls="timeline-leader"))
        body.append(f'<line x1="0" x2="{width}" y1="{y + h:.1f}" y2="{y + h:.1f}" stroke="#dde3ea"/>')
        y += h
    return _svg(width, y + 4, body, "Trưởng khối, cụm qua các năm / leaders over the years")


def sankey(flows: list[dict], left: list[str], right: list[str], year_a: int, year_b: int, width: int = 1000) -> str:
    """Units flowing from year A's groups (left) to year B's (right). `flows` rows:
    {from_group, to_group, change, unit}; a unit new in B comes from a node "mới", one that is
    gone goes to a node "không còn". Band width = number of units."""
    NEW, GONE = f"Đơn vị mới năm {year_b} / new", f"Không còn năm {year_b} / gone"
    links: dict[tuple[str, str, str], list[str]] = {}
    for f in flows:
        cat = "gone" if f["change"] in ("removed", "dissolved") else f["change"]
        a = f["from_group"] or NEW
        b = f["to_group"] or GONE
        links.setdefault((a, b, cat), []).append(f["unit"] if cat != "succeeded" else f"{f['unit']} → {f.get('unit_b')}")
    left = left + ([NEW] if any(k[0] == NEW for k in links) else [])
    right = right + ([GONE] if any(k[1] == GONE for k in links) else [])
    unit, gap, node_w, label_w, size = 9, 18, 14, 300, 11
    total = lambda side, name: sum(len(v) for k, v in links.items() if k[side] == name)
    def layout(names, side):
        pos, y = {}, 34
        for n in names:
            h = max(total(side, n), 1) * unit
            lines = wrap(f"{n} ({total(side, n)})", label_w - 26, size, bold=True, max_lines=3)
            h_label = len(lines) * size * 1.2 + 4
            pos[n] = [y, h, lines]
            y += max(h, h_label) + gap
        return pos, y
    lp, lh = layout(left, 0)
    rp, rh = layout(right, 1)
    height = max(lh, rh) + 10
    xl, xr = label_w, width - label_w - node_w
    order = {n: i for i, n in enumerate(right)}
    lorder = {n: i for i, n in enumerate(left)}
    body = [_text(xl + node_w / 2, 18, [str(year_a)], 14, "middle", bold=True),
            _text(xr + node_w / 2, 18, [str(year_b)], 14, "middle", bold=True)]
    out_off = {n: 0.0 for n in left}
    in_off = {n: 0.0 for n in right}
    # Stay bands first (under), then the changes on top; each end stacked in the other side's order.
    keys = sorted(links, key=lambda k: (k[2] != "stayed", lorder[k[0]], order[k[1]]))
    stacked_out = sorted(links, key=lambda k: (lorder[k[0]], order[k[1]]))
    stacked_in = sorted(links, key=lambda k: (order[k[1]], lorder[k[0]]))
    y_out, y_in = {}, {}
    for k in stacked_out:
        y_out[k] = lp[k[0]][0] + out_off[k[0]]
        out_off[k[0]] += len(links[k]) * unit
    for k in stacked_in:
        y_in[k] = rp[k[1]][0] + in_off[k[1]]
        in_off[k[1]] += len(links[k]) * unit
    labels = []
    for k in keys:
        a, b, cat = k
        h = len(links[k]) * unit
        x0, x1 = xl + node_w, xr
        y0, y1 = y_out[k], y_in[k]
        xm = (x0 + x1) / 2
        path = (f"M{x0},{y0:.1f} C{xm:.1f},{y0:.1f} {xm:.1f},{y1:.1f} {x1},{y1:.1f} L{x1},{y1 + h:.1f} "
                f"C{xm:.1f},{y1 + h:.1f} {xm:.1f},{y0 + h:.1f} {x0},{y0 + h:.1f} Z")
        opacity = 0.55 if cat == "stayed" else 0.8
        body.append(f'<path d="{path}" fill="{COLORS[cat]}" fill-opacity="{opacity}" class="flow flow-{cat}" '
                    f'data-units="{escape("; ".join(links[k]))}"><title>{escape(a)} → {escape(b)}: '
                    f'{escape("; ".join(links[k]))}</title></path>')
        if cat != "stayed" and len(links[k]) <= 3:
            labels.append((xm, (y0 + y1) / 2 + h / 2, links[k], cat))
    for names, pos, x, anchor, tx in ((left, lp, xl, "end", xl - 8), (right, rp, xr, "start", xr + node_w + 8)):
        for n in names:
            y, h, lines = pos[n]
            fill = COLORS["added"] if n == NEW else COLORS["gone"] if n == GONE else "#34495e"
            body.append(f'<rect x="{x}" y="{y:.1f}" width="{node_w}" height="{h:.1f}" fill="{fill}"/>')
            body.append(_text(tx, y + size, lines, size, anchor, bold=n not in (NEW, GONE)))
    for xm, ym, units, cat in labels:
        text = units if len(units) <= 2 else units[:2] + [f"+{len(units) - 2}"]
        w = max(text_width(t, 10) for t in text) + 8
        body.append(f'<rect x="{xm - w / 2:.1f}" y="{ym - 11:.1f}" width="{w:.1f}" height="{len(text) * 12 + 4}" rx="3" '
                    f'fill="white" fill-opacity="0.9" stroke="{COLORS[cat]}"/>')
        body.append(_text(xm, ym, text, 10, "middle", fill=COLORS[cat], cls=f"flow-label flow-label-{cat}"))
    return _svg(width, height, body, f"Đơn vị chuyển giữa các cụm, khối {year_a} → {year_b} / units between groups")


def legend() -> str:
    items = "".join(f'<span class="key"><i style="background:{COLORS[k]}"></i>{escape(v)}</span>' for k, v in LABELS.items())
    return f'<div class="legend">{items}</div>'
