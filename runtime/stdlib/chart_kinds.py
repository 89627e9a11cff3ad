"""More chart kinds drawn in a box: donut charts, waterfall charts, true histograms over numeric
bin edges, dual-axis (bars + line) charts and box plots.

As in `plots`, every value a question reads is printed or lies on a numbered gridline (or
ring), and labels shrink to a legible minimum or the draw is rejected.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from tron.render.scene import Circle, Line, Polygon, Polyline, Rect, Style, Text
from tron.render.textpath import text_width
from tron.stdlib._style import INK
from tron.stdlib.component import Component, SampleRejected
from tron.stdlib.plots import (
    AXIS,
    GRID,
    PAD,
    SERIES_COLOURS,
    _rect,
    check_box,
    fit,
    frame,
    title_and_legend,
    value_scale,
)
from tron.stdlib.registry import stdfn

DOMAIN = "More chart kinds"


def _ring_points(
    cx: float, cy: float, r0: float, r1: float, a0: float, a1: float
) -> tuple[tuple[float, float], ...]:
    """Outline of the ring sector between radii r0 < r1 from a0 to a1 (degrees clockwise
    from 12 o'clock)."""
    steps = max(2, math.ceil((a1 - a0) / 3))
    outer = [a0 + (a1 - a0) * k / steps for k in range(steps + 1)]

    def at(r: float, a: float) -> tuple[float, float]:
        t = math.radians(a)
        return (round(cx + r * math.sin(t), 2), round(cy - r * math.cos(t), 2))

    return tuple([at(r1, a) for a in outer] + [at(r0, a) for a in reversed(outer)])


@stdfn("list[str], list[int], list[str], str, str, real, real, real, real -> Component")
def donut_chart(
    labels: list[str],
    values: list[int],
    colours: Sequence[str] = (),
    show: str = "percent",
    centre: str = "",
    left: float = 0,
    top: float = 0,
    width: float = 512,
    height: float = 512,
) -> Component:
    """A donut (ring) chart of positive integers, slices clockwise from 12 o'clock, with a
    legend of swatches on the right (`show`: "percent" as "Rent 25%", rounded half up; "value"
    as "Rent: 12"; or "label") and `centre` text in the hole; slice i and its legend entry
    have subkey "s<i>", the centre text "centre"."""
    n = len(labels)
    if not 2 <= n <= 10 or len(values) != n or any(v <= 0 for v in values):
        raise ValueError("donut_chart: need 2..10 labels and a positive value for each")
    if show not in ("percent", "value", "label"):
        raise ValueError("donut_chart: show must be percent, value or label")
    check_box(left, top, width, height)
    cols = list(colours) if colours else list(SERIES_COLOURS[:n])
    if len(cols) != n or len(set(cols)) != n:
        raise ValueError("donut_chart: one distinct colour per slice")
    total = sum(values)
    texts = [
        f"{s} {(200 * v + total) // (2 * total)}%"
        if show == "percent"
        else f"{s}: {v}"
        if show == "value"
        else s
        for s, v in zip(labels, values, strict=True)
    ]
    comp = Component()
    size = fit(texts, 14, width * 0.42)
    legend_w = 22 + max(text_width(t, size) for t in texts)
    r = min((width - legend_w - 3 * PAD) / 2, (height - 2 * PAD) / 2)
    if r < 50:
        raise SampleRejected("donut_chart: no room for the ring")
    cx, cy = left + PAD + r, top + height / 2
    angle = 0.0
    for i, v in enumerate(values):
        end = 360.0 if i == n - 1 else angle + 360.0 * v / total
        pts = _ring_points(cx, cy, r * 0.55, r, angle, end)
        comp.add(Polygon(pts, style=Style(fill=cols[i], stroke="black", stroke_width=1.2)), f"s{i}")
        angle = end
    if centre:
        csize = fit([centre], 16, r * 0.95, bold=True)
        comp.add(Text(cx, cy, centre, size=csize, bold=True, style=INK), "centre")
    row = max(size * 1.6, 20)
    lx, ly = cx + r + 2 * PAD, cy - row * n / 2 + row / 2
    for i in range(n):
        y = ly + i * row
        comp.add(
            Rect(lx, y - 7, 14, 14, style=Style(fill=cols[i], stroke="black", stroke_width=1)),
            f"s{i}",
        )
        comp.add(Text(lx + 20, y, texts[i], size=size, anchor="start", style=INK), f"s{i}")
    return comp


@stdfn("list[str], int, list[int], str, bool, str, real, real, real, real -> Component")
def waterfall_chart(
    steps: list[str],
    start: int,
    deltas: list[int],
    end_label: str = "",
    show_values: bool = False,
    title: str = "",
    left: float = 0,
    top: float = 0,
    width: float = 512,
    height: float = 512,
) -> Component:
    """A waterfall chart: a first bar `start` high (category steps[0]), then one floating bar
    per change in `deltas` (categories steps[1..]; rises green, falls red) joined by dotted
    connectors, and with `end_label` a final total bar. Bar i has subkey "b<i>" (the total bar
    is last), category label i "c<i>".

    Running totals stay >= 0 and each lies on a numbered gridline unless `show_values` prints
    the changes ("+5", "-3")."""
    if len(steps) != len(deltas) + 1 or not 2 <= len(steps) <= 12 or start <= 0:
        raise ValueError("waterfall_chart: one step name for the start and for each change")
    if any(d == 0 for d in deltas):
        raise ValueError("waterfall_chart: changes must be non-zero")
    check_box(left, top, width, height)
    levels = [start]
    for d in deltas:
        levels.append(levels[-1] + d)
    if min(levels) < 0:
        raise ValueError("waterfall_chart: running totals must stay non-negative")
    cats = [*steps, end_label] if end_label else list(steps)
    comp = Component()
    y = title_and_legend(comp, title, [], [], left, top, width)
    scale = value_scale(levels, show_values)
    ax = frame(
        comp, cats, scale, False, left, y, left + width, top + height, 16 if show_values else 0
    )
    w = ax.slot * 0.6
    bars: list[tuple[int, int, str, str]] = [(0, start, "blue", str(start))]
    for k, d in enumerate(deltas):
        lo, hi = sorted((levels[k], levels[k + 1]))
        bars.append((lo, hi, "green" if d > 0 else "red", f"{d:+d}"))
    if end_label:
        bars.append((0, levels[-1], "blue", str(levels[-1])))
    for i, (lo, hi, col, txt) in enumerate(bars):
        x = ax.mid(i) - w / 2
        comp.add(
            Rect(
                x,
                ax.at(hi),
                w,
                ax.at(lo) - ax.at(hi),
                style=Style(fill=col, stroke="black", stroke_width=1.2),
            ),
            f"b{i}",
        )
        if show_values:
            comp.add(Text(ax.mid(i), ax.at(hi) - 4 - 7, txt, size=12, style=INK), f"b{i}")
        if i + 1 < len(bars):
            lvl = levels[min(i, len(levels) - 1)]
            dot = Style(stroke="black", stroke_width=1, dash=(3.0, 3.0))
            comp.add(Line(x + w, ax.at(lvl), ax.mid(i + 1) - w / 2, ax.at(lvl), style=dot))
    return comp


@stdfn("list[int], list[int], bool, str, str, real, real, real, real -> Component")
def histogram_chart(
    edges: list[int],
    counts: list[int],
    show_values: bool = False,
    title: str = "",
    x_title: str = "",
    left: float = 0,
    top: float = 0,
    width: float = 512,
    height: float = 512,
) -> Component:
    """A histogram: touching bars over a numeric x axis, bar i spanning edges[i] to
    edges[i + 1] (equal widths) and counts[i] high, each edge numbered under the axis; counts
    are printed or lie on gridlines. Bar i has subkey "b<i>"."""
    nb = len(counts)
    if (
        not 2 <= nb <= 14
        or len(edges) != nb + 1
        or any(b <= a for a, b in zip(edges, edges[1:], strict=False))
    ):
        raise ValueError(
            "histogram_chart: need 2..14 counts and increasing edges, one more than counts"
        )
    if any(c < 0 for c in counts):
        raise ValueError("histogram_chart: counts must be non-negative")
    check_box(left, top, width, height)
    comp = Component()
    y = title_and_legend(comp, title, [], [], left, top, width)
    bottom = top + height - (20 if x_title else 0)
    # Frame with blank category labels, then the edge numbers at the bar boundaries.
    ax = frame(
        comp,
        [" "] * nb,
        value_scale(counts, show_values),
        False,
        left,
        y,
        left + width,
        bottom,
        16 if show_values else 0,
        cat_sub="",
    )
    esize = fit([str(e) for e in edges], 12, ax.slot * 0.95)
    for k, e in enumerate(edges):
        x = round(ax.c0 + k * ax.slot, 2)
        comp.add(Line(x, ax.a0, x, ax.a0 + 5, style=AXIS))
        half = text_width(str(e), esize) / 2
        tx = min(max(x, left + 2 + half), left + width - 2 - half)  # keep end numbers in the box
        comp.add(Text(tx, ax.a0 + 6 + esize * 0.7, str(e), size=esize, style=INK))
    for i, c in enumerate(counts):
        x = ax.c0 + i * ax.slot
        if c > 0:
            comp.add(
                Rect(
                    x,
                    ax.at(c),
                    ax.slot,
                    ax.at(0) - ax.at(c),
                    style=Style(fill="#6fa8dc", stroke="black", stroke_width=1.2),
                ),
                f"b{i}",
            )
        if show_values:
            comp.add(Text(ax.mid(i), ax.at(c) - 11, str(c), size=12, style=INK), f"b{i}")
    if x_title:
        comp.add(Text(left + width / 2, top + height - PAD - 6, x_title, size=13, style=INK))
    return comp


@stdfn(
    "list[str], list[int], list[int], str, str, int, int, int, real, real, real, real -> Component"
)
def dual_axis_chart(
    cats: list[str],
    bars: list[int],
    line: list[int],
    bar_name: str,
    line_name: str,
    bar_step: int,
    line_step: int,
    divisions: int,
    left: float = 0,
    top: float = 0,
    width: float = 512,
    height: float = 512,
) -> Component:
    """Bars read on the left axis (0 to divisions * bar_step, numbered every bar_step) and a
    line read on the right axis (0 to divisions * line_step), sharing the gridlines; every bar
    is a multiple of bar_step and every line point of line_step. A legend names both series.
    Bar i has subkey "b<i>", line point i "p<i>", category label i "c<i>", the axis titles
    "lt" and "rt"."""
    n = len(cats)
    if not 2 <= n <= 12 or len(bars) != n or len(line) != n or not 2 <= divisions <= 12:
        raise ValueError(
            "dual_axis_chart: 2..12 categories, one bar and one point each, 2..12 divisions"
        )
    if bar_step <= 0 or line_step <= 0:
        raise ValueError("dual_axis_chart: steps must be positive")
    if any(b % bar_step or not 0 <= b <= divisions * bar_step for b in bars):
        raise ValueError("dual_axis_chart: bars must be multiples of bar_step on the axis")
    if any(v % line_step or not 0 <= v <= divisions * line_step for v in line):
        raise ValueError("dual_axis_chart: line points must be multiples of line_step on the axis")
    check_box(left, top, width, height)
    comp = Component()
    y = title_and_legend(comp, "", [bar_name, line_name], ["#8fb8e8", "red"], left, top, width)
    y += 16  # room for the axis titles
    tsize = 12.0
    lw = max(text_width(str(k * bar_step), tsize) for k in range(divisions + 1))
    rw = max(text_width(str(k * line_step), tsize) for k in range(divisions + 1))
    c0, c1 = left + PAD + lw + 8, left + width - PAD - rw - 8
    slot = (c1 - c0) / n
    size = fit(cats, 13, slot * 0.92)
    a0 = top + height - PAD - size * 1.4 - 4
    a1 = y + 6

    def vy(k: float) -> float:
        return round(a0 + (a1 - a0) * k / divisions, 2)

    for k in range(divisions + 1):
        comp.add(Line(c0, vy(k), c1, vy(k), style=GRID))
        comp.add(Text(c0 - 5, vy(k), str(k * bar_step), size=tsize, anchor="end", style=INK))
        comp.add(
            Text(
                c1 + 5,
                vy(k),
                str(k * line_step),
                size=tsize,
                anchor="start",
                style=Style(fill="red", stroke=None),
            )
        )
    comp.add(Line(c0, a1 - 4, c0, a0, style=AXIS))
    comp.add(Line(c1, a1 - 4, c1, a0, style=Style(stroke="red", stroke_width=2)))
    comp.add(Line(c0, a0, c1, a0, style=AXIS))
    comp.add(Text(c0 - 4, a1 - 14, bar_name, size=12, anchor="start", style=INK), "lt")
    comp.add(
        Text(
            c1 + 4, a1 - 14, line_name, size=12, anchor="end", style=Style(fill="red", stroke=None)
        ),
        "rt",
    )
    pts = []
    for i in range(n):
        x = c0 + (i + 0.5) * slot
        comp.add(Text(x, a0 + 5 + size * 0.7, cats[i], size=size, style=INK), f"c{i}")
        h = vy(bars[i] / bar_step)
        if bars[i] > 0:
            comp.add(
                Rect(
                    x - slot * 0.3,
                    h,
                    slot * 0.6,
                    a0 - h,
                    style=Style(fill="#8fb8e8", stroke="black", stroke_width=1.2),
                ),
                f"b{i}",
            )
        pts.append((round(x, 2), vy(line[i] / line_step)))
    comp.add(Polyline(tuple(pts), style=Style(stroke="red", stroke_width=2.5)))
    for i, (x, yy) in enumerate(pts):
        comp.add(Circle(x, yy, 5, style=Style(fill="red", stroke="black", stroke_width=1)), f"p{i}")
    return comp


@stdfn(
    "list[str], list[int], int, int, int, list[str], bool, str, real, real, real, real -> Component"
)
def box_plots(
    names: list[str],
    stats: list[int],
    lo: int,
    hi: int,
    step: int,
    colours: Sequence[str] = (),
    horizontal: bool = False,
    title: str = "",
    left: float = 0,
    top: float = 0,
    width: float = 512,
    height: float = 512,
) -> Component:
    """Box-and-whisker plots, one per name: stats[5 * i .. 5 * i + 4] are group i's minimum,
    lower quartile, median, upper quartile and maximum, each on a gridline of the axis from
    `lo` to `hi` numbered every `step`. Box i (whiskers, box and median bar) has subkey
    "bx<i>", its name "c<i>"."""
    n = len(names)
    if not 1 <= n <= 10 or len(stats) != 5 * n:
        raise ValueError("box_plots: need 1..10 groups and five numbers per group")
    if step <= 0 or hi <= lo or (hi - lo) % step or (hi - lo) // step > 25:
        raise ValueError("box_plots: lo < hi, a step that divides hi - lo, at most 25 gridlines")
    for i in range(n):
        s = stats[5 * i : 5 * i + 5]
        if s != sorted(s) or s[0] < lo or s[4] > hi:
            raise ValueError(
                f"box_plots: group {i} needs min <= q1 <= median <= q3 <= max in range"
            )
    check_box(left, top, width, height)
    cols = list(colours) if colours else ["#9ec5f0"] * n
    comp = Component()
    y = title_and_legend(comp, title, [], [], left, top, width)
    ax = frame(comp, names, (lo, hi, step), horizontal, left, y, left + width, top + height)
    half = min(ax.slot * 0.3, 40)
    pen = Style(stroke="black", stroke_width=2)
    for i in range(n):
        mn, q1, md, q3, mx = stats[5 * i : 5 * i + 5]
        c = ax.mid(i)
        sub = f"bx{i}"

        def seg(v1: float, v2: float, c1: float, c2: float, sub: str = sub) -> None:
            if ax.horizontal:
                comp.add(Line(ax.at(v1), c1, ax.at(v2), c2, style=pen), sub)
            else:
                comp.add(Line(c1, ax.at(v1), c2, ax.at(v2), style=pen), sub)

        seg(mn, q1, c, c)
        seg(q3, mx, c, c)
        seg(mn, mn, c - half / 2, c + half / 2)
        seg(mx, mx, c - half / 2, c + half / 2)
        comp.add(
            _rect(
                ax, c - half, c + half, q1, q3, Style(fill=cols[i], stroke="black", stroke_width=2)
            ),
            sub,
        )
        if ax.horizontal:
            comp.add(
                Line(
                    ax.at(md),
                    c - half,
                    ax.at(md),
                    c + half,
                    style=Style(stroke="black", stroke_width=3.5),
                ),
                sub,
            )
        else:
            comp.add(
                Line(
                    c - half,
                    ax.at(md),
                    c + half,
                    ax.at(md),
                    style=Style(stroke="black", stroke_width=3.5),
                ),
                sub,
            )
    return comp
