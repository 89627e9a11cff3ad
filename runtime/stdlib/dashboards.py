"""Pieces for dashboards and area-style charts: titled panels (for small multiples and
dashboards of several charts), treemaps, Sankey diagrams, radar
charts and bubble charts.

Each takes its box (left, top, width, height) so a spec can tile several on one canvas.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from tron.render.scene import Circle, Line, Polygon, Polyline, Rect, Style, Text
from tron.render.textpath import text_width
from tron.stdlib._style import INK, MARKERS, series_marker
from tron.stdlib.component import Component, SampleRejected
from tron.stdlib.plots import (
    MIN_FONT,
    PAD,
    SERIES_COLOURS,
    check_box,
    fit,
    title_and_legend,
    xy_grid,
)
from tron.stdlib.registry import stdfn

DOMAIN = "Dashboards, treemaps, Sankey, radar and bubble charts"


@stdfn("str, real, real, real, real -> Component")
def panel(title: str, left: float, top: float, width: float, height: float) -> Component:
    """A light rounded frame with `title` in bold at its top left, for one chart of a
    dashboard or of small multiples; the title has subkey "title". Place the chart in the box
    from (left + 4, top + 24), (width - 8) x (height - 28)."""
    check_box(left, top, width, height)
    comp = Component()
    comp.add(
        Rect(
            left + 1,
            top + 1,
            width - 2,
            height - 2,
            rx=6,
            style=Style(fill="#fbfbfb", stroke="#8a8a8a", stroke_width=1.5),
        )
    )
    if title:
        size = fit([title], 14, width - 16, bold=True)
        comp.add(
            Text(left + 8, top + 13, title, size=size, anchor="start", bold=True, style=INK),
            "title",
        )
    return comp


def _slice(
    items: list[int],
    sizes: Sequence[int],
    x: float,
    y: float,
    w: float,
    h: float,
    out: dict[int, tuple[float, float, float, float]],
) -> None:
    """Squarified-ish treemap by recursive halving: split the items (largest first) into two
    groups of nearly equal total and cut the longer side in that ratio."""
    if len(items) == 1:
        out[items[0]] = (x, y, w, h)
        return
    total = sum(sizes[i] for i in items)
    acc, k = 0, 0
    while k < len(items) - 1 and acc + sizes[items[k]] <= total / 2:
        acc += sizes[items[k]]
        k += 1
    k = max(k, 1)
    acc = sum(sizes[i] for i in items[:k])
    a, b = items[:k], items[k:]
    f = acc / total
    if w >= h:
        _slice(a, sizes, x, y, w * f, h, out)
        _slice(b, sizes, x + w * f, y, w * (1 - f), h, out)
    else:
        _slice(a, sizes, x, y, w, h * f, out)
        _slice(b, sizes, x, y + h * f, w, h * (1 - f), out)


@stdfn("list[str], list[int], list[str], bool, real, real, real, real -> Component")
def treemap(
    labels: list[str],
    values: list[int],
    colours: Sequence[str] = (),
    show_values: bool = True,
    left: float = 0,
    top: float = 0,
    width: float = 512,
    height: float = 512,
) -> Component:
    """A treemap: the box cut into one rectangle per item with area in proportion to its
    positive value, largest first, each showing its label (and value when `show_values`).
    Item i has subkey "t<i>". A draw whose rectangles are too small for their text is
    rejected."""
    n = len(labels)
    if not 2 <= n <= 12 or len(values) != n or any(v <= 0 for v in values):
        raise ValueError("treemap: 2..12 labels with a positive value each")
    check_box(left, top, width, height)
    cols = list(colours) if colours else [SERIES_COLOURS[i % len(SERIES_COLOURS)] for i in range(n)]
    order = sorted(range(n), key=lambda i: (-values[i], i))
    rects: dict[int, tuple[float, float, float, float]] = {}
    _slice(order, values, left + 2, top + 2, width - 4, height - 4, rects)
    comp = Component()
    for i in range(n):
        x, y, w, h = rects[i]
        comp.add(
            Rect(
                round(x, 2),
                round(y, 2),
                round(w, 2),
                round(h, 2),
                style=Style(fill=cols[i], stroke="white", stroke_width=3),
            ),
            f"t{i}",
        )
        lines = [labels[i], str(values[i])] if show_values else [labels[i]]
        size = min(15.0, h / (1.5 * len(lines) + 0.4))
        if size < MIN_FONT:
            raise SampleRejected("treemap: a rectangle is too small for its text")
        widest = max(text_width(s, size, bold=True) for s in lines)
        if widest > w - 6:
            size = size * (w - 6) / widest
            if size < MIN_FONT:
                raise SampleRejected("treemap: a rectangle is too narrow for its text")
        for k, s in enumerate(lines):
            ty = y + h / 2 + (k - (len(lines) - 1) / 2) * size * 1.3
            comp.add(
                Rect(
                    x + w / 2 - text_width(s, size, bold=True) / 2 - 3,
                    ty - size * 0.65,
                    text_width(s, size, bold=True) + 6,
                    size * 1.3,
                    rx=3,
                    style=Style(fill="white", stroke=None, opacity=0.85),
                ),
                f"t{i}",
            )
            comp.add(
                Text(
                    round(x + w / 2, 2), round(ty, 2), s, size=round(size, 2), bold=True, style=INK
                ),
                f"t{i}",
            )
    return comp


@stdfn("list[str], list[str], list[int], list[int], list[int], real, real, real, real -> Component")
def sankey(
    sources: list[str],
    targets: list[str],
    src: list[int],
    dst: list[int],
    flows: list[int],
    left: float = 0,
    top: float = 0,
    width: float = 512,
    height: float = 512,
) -> Component:
    """A two-column Sankey diagram: source nodes on the left, target nodes on the right, each a
    bar as tall as its total flow, and one band per flow k from sources[src[k]] to
    targets[dst[k]] as thick as flows[k], its amount printed on the band. Source i has
    subkey "l<i>", target j "r<j>", band k "f<k>"."""
    ns, nt, m = len(sources), len(targets), len(flows)
    if not 1 <= ns <= 6 or not 1 <= nt <= 6 or not 1 <= m <= 16 or len(src) != m or len(dst) != m:
        raise ValueError("sankey: 1..6 sources and targets, 1..16 flows with an end each")
    if (
        any(f <= 0 for f in flows)
        or any(not 0 <= s < ns for s in src)
        or any(not 0 <= d < nt for d in dst)
    ):
        raise ValueError("sankey: positive flows between existing nodes")
    check_box(left, top, width, height)
    out_tot = [sum(f for f, s in zip(flows, src, strict=True) if s == i) for i in range(ns)]
    in_tot = [sum(f for f, d in zip(flows, dst, strict=True) if d == j) for j in range(nt)]
    if min(out_tot) == 0 or min(in_tot) == 0:
        raise ValueError("sankey: every node needs a flow")
    total = sum(flows)
    gap = 14.0
    avail = height - 2 * PAD - gap * (max(ns, nt) - 1)
    scale = avail / total
    lsize = fit(sources + targets, 14, width * 0.22)
    labw = max(text_width(s, lsize) for s in sources + targets)
    xl, xr = left + PAD + labw + 8, left + width - PAD - labw - 8 - 14
    comp = Component()

    def column(names: list[str], tots: list[int]) -> list[float]:
        used = sum(tots) * scale + gap * (len(names) - 1)
        y, tops = top + (height - used) / 2, []
        for t in tots:
            tops.append(y)
            y += t * scale + gap
        return tops

    ltop, rtop = column(sources, out_tot), column(targets, in_tot)
    lcur, rcur = list(ltop), list(rtop)
    order = sorted(range(m), key=lambda k: (src[k], dst[k]))
    for k in order:
        h = flows[k] * scale
        if h < 13:  # room for the band's printed amount
            raise SampleRejected("sankey: a band is too thin")
        y1, y2 = lcur[src[k]], rcur[dst[k]]
        lcur[src[k]] += h
        rcur[dst[k]] += h
        pts = []
        steps = 16
        for s in range(steps + 1):  # smoothstep curve from left to right
            t = s / steps
            e = t * t * (3 - 2 * t)
            pts.append((round(xl + 14 + (xr - xl - 14) * t, 2), round(y1 + (y2 - y1) * e, 2)))
        band = pts + [(x, y + h) for x, y in reversed(pts)]
        col = SERIES_COLOURS[src[k] % len(SERIES_COLOURS)]
        comp.add(
            Polygon(
                tuple(band), style=Style(fill=col, stroke="white", stroke_width=1, opacity=0.55)
            ),
            f"f{k}",
        )
    for k in order:  # amounts on top of every band, at the band's middle
        mid = pts_mid(xl + 14, xr, ltop, rtop, k, src, dst, flows, scale)
        comp.add(Text(mid[0], mid[1], str(flows[k]), size=12, bold=True, style=INK), f"f{k}")
    for i, name in enumerate(sources):
        comp.add(
            Rect(xl, ltop[i], 14, out_tot[i] * scale, style=Style(fill="#444444", stroke=None)),
            f"l{i}",
        )
        comp.add(
            Text(
                xl - 6, ltop[i] + out_tot[i] * scale / 2, name, size=lsize, anchor="end", style=INK
            ),
            f"l{i}",
        )
    for j, name in enumerate(targets):
        comp.add(
            Rect(xr, rtop[j], 14, in_tot[j] * scale, style=Style(fill="#444444", stroke=None)),
            f"r{j}",
        )
        comp.add(
            Text(
                xr + 20,
                rtop[j] + in_tot[j] * scale / 2,
                name,
                size=lsize,
                anchor="start",
                style=INK,
            ),
            f"r{j}",
        )
    return comp


def pts_mid(
    x1: float,
    x2: float,
    ltop: list[float],
    rtop: list[float],
    k: int,
    src: list[int],
    dst: list[int],
    flows: list[int],
    scale: float,
) -> tuple[float, float]:
    """Centre of band k just right of its source bar, where the bands of one source are
    still stacked apart (further along, bands cross and their labels would collide)."""
    order = sorted(range(len(flows)), key=lambda q: (src[q], dst[q]))
    yl = ltop[src[k]] + sum(flows[q] for q in order[: order.index(k)] if src[q] == src[k]) * scale
    yr = rtop[dst[k]] + sum(flows[q] for q in order[: order.index(k)] if dst[q] == dst[k]) * scale
    t = 0.06
    e = t * t * (3 - 2 * t)
    h = flows[k] * scale
    return (round(x1 + (x2 - x1) * t, 2), round(yl + (yr - yl) * e + h / 2, 2))


@stdfn("list[str], list[str], list[int], int, int, list[str], real, real, real, real -> Component")
def radar_chart(
    spokes: list[str],
    series: list[str],
    values: list[int],
    vmax: int,
    step: int,
    colours: Sequence[str] = (),
    left: float = 0,
    top: float = 0,
    width: float = 512,
    height: float = 512,
) -> Component:
    """A radar (spider) chart: one spoke per name, clockwise from 12 o'clock, rings every
    `step` up to `vmax` numbered along the first spoke, and one closed outline per series
    (values[j * len(spokes) + i] is series j on spoke i, each a multiple of `step`). Point
    (j, i) has subkey "p<j>_<i>", spoke name i "c<i>", legend entry j "lg<j>"."""
    n, ns = len(spokes), len(series)
    if not 3 <= n <= 10 or not 1 <= ns <= 4 or len(values) != n * ns:
        raise ValueError("radar_chart: 3..10 spokes, 1..4 series, one value each")
    if (
        step <= 0
        or vmax % step
        or vmax // step > 10
        or any(v % step or not 0 <= v <= vmax for v in values)
    ):
        raise ValueError(
            "radar_chart: values must be multiples of step in 0..vmax (at most 10 rings)"
        )
    check_box(left, top, width, height)
    cols = list(colours) if colours else list(SERIES_COLOURS[:ns])
    comp = Component()
    y = title_and_legend(comp, "", series, cols, left, top, width, markers=True)
    size = fit(spokes, 13, width * 0.22)
    labw = max(text_width(s, size) for s in spokes)
    r = min((width - 2 * PAD - 2 * labw - 16) / 2, (top + height - y - 2 * PAD - 2 * size - 10) / 2)
    if r < 60:
        raise SampleRejected("radar_chart: no room")
    cx, cy = left + width / 2, (y + top + height) / 2

    def at(v: float, i: int) -> tuple[float, float]:
        t = 2 * math.pi * i / n
        rr = r * v / vmax
        return (round(cx + rr * math.sin(t), 2), round(cy - rr * math.cos(t), 2))

    for k in range(1, vmax // step + 1):
        ring = tuple(at(k * step, i) for i in range(n))
        comp.add(Polygon(ring, style=Style(fill=None, stroke="#b0b0b0", stroke_width=1)))
    for i in range(n):
        comp.add(Line(cx, cy, *at(vmax, i), style=Style(stroke="#b0b0b0", stroke_width=1)))
        lx, ly = at(vmax * 1.0, i)
        t = 2 * math.pi * i / n
        anchor = "middle" if abs(math.sin(t)) < 0.2 else ("start" if math.sin(t) > 0 else "end")
        ox = 8 * math.sin(t)
        oy = -(8 + size * 0.6) * math.cos(t)
        comp.add(Text(lx + ox, ly + oy, spokes[i], size=size, anchor=anchor, style=INK), f"c{i}")
    for k in range(1, vmax // step + 1):
        x, yy = at(k * step, 0)
        comp.add(
            Text(
                x + 4,
                yy + 1,
                str(k * step),
                size=11,
                anchor="start",
                style=Style(fill="#555555", stroke=None),
            )
        )
    outlines = [tuple(at(values[j * n + i], i) for i in range(n)) for j in range(ns)]
    for j, pts in enumerate(outlines):
        comp.add(
            Polygon(pts, style=Style(fill=cols[j], stroke=cols[j], stroke_width=2.5, opacity=0.35))
        )
        comp.add(Polyline((*pts, pts[0]), style=Style(stroke=cols[j], stroke_width=2.5)))
    # Markers after every outline, so no player's shading covers another's points.
    for j, pts in enumerate(outlines):
        for i, (x, yy) in enumerate(pts):
            # Players meeting at one point get markers side by side across the spoke.
            same = [k for k in range(ns) if values[k * n + i] == values[j * n + i]]
            off = (same.index(j) - (len(same) - 1) / 2) * 10
            t = 2 * math.pi * i / n
            mx, my = x + off * math.cos(t), yy + off * math.sin(t)
            # Each series its own marker shape, as in line_series: told apart without colour.
            dot = Style(fill=cols[j], stroke="black", stroke_width=1)
            comp.add(series_marker(MARKERS[j % 4], mx, my, 4.5, dot), f"p{j}_{i}")
    return comp


@stdfn(
    "list[int], list[int], list[int], list[str], int, int, int, int, str, str, real, real, real, real"
    " -> Component"
)
def bubble_chart(
    xs: list[int],
    ys: list[int],
    sizes: list[int],
    labels: list[str],
    x_max: int,
    y_max: int,
    x_step: int,
    y_step: int,
    x_title: str = "",
    y_title: str = "",
    left: float = 0,
    top: float = 0,
    width: float = 512,
    height: float = 512,
) -> Component:
    """A bubble chart: bubble i centred at (xs[i], ys[i]) on gridded axes (0 to x_max /
    y_max, numbered every x_step / y_step) with its area in proportion to sizes[i] (> 0),
    its size printed inside and labels[i] above it. Bubble i has subkey "p<i>"."""
    n = len(xs)
    if (
        not 1 <= n <= 10
        or len(ys) != n
        or len(sizes) != n
        or len(labels) != n
        or any(s <= 0 for s in sizes)
    ):
        raise ValueError(
            "bubble_chart: 1..10 bubbles with a position, positive size and label each"
        )
    if min(x_max, y_max, x_step, y_step) <= 0 or x_max // x_step > 20 or y_max // y_step > 20:
        raise ValueError("bubble_chart: positive axes and steps, at most 20 gridlines")
    check_box(left, top, width, height)
    comp = Component()
    tsize = 12.0
    y0 = top + PAD + 22
    x0 = left + PAD + text_width(str(y_max), tsize) + 8
    x1 = left + width - PAD - 6
    y1 = top + height - PAD - tsize * 1.6 - (20 if x_title else 0)

    px, py = xy_grid(
        comp, (x0, y0, x1, y1), (x_max, y_max), (x_step, y_step), tsize, x_title, y_title, top + PAD
    )
    rmax = min(x1 - x0, y1 - y0) / 9
    big = max(sizes)
    order = sorted(range(n), key=lambda i: -sizes[i])  # big bubbles first, small ones on top
    for i in order:
        rr = max(9.0, rmax * math.sqrt(sizes[i] / big))
        col = SERIES_COLOURS[i % len(SERIES_COLOURS)]
        comp.add(
            Circle(
                px(xs[i]),
                py(ys[i]),
                rr,
                style=Style(fill=col, stroke="black", stroke_width=1.2, opacity=0.75),
            ),
            f"p{i}",
        )
        comp.add(
            Text(
                px(xs[i]),
                py(ys[i]),
                str(sizes[i]),
                size=max(MIN_FONT, min(13, rr * 0.8)),
                bold=True,
                style=INK,
            ),
            f"p{i}",
        )
        comp.add(
            Text(px(xs[i]), py(ys[i]) - rr - 8, labels[i], size=12, bold=True, style=INK), f"p{i}"
        )
    return comp
