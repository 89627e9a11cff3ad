"""Multi-series charts drawn in a box: grouped, stacked, horizontal and diverging bars, single
and multi-line charts, stacked area charts, scatter plots with a fitted line, and box plots.

Every chart takes its box (left, top, width, height) so a spec can set two charts, or a chart
and a table, side by side. Values are integers and readable exactly: printed on the chart, or
every value a question needs lies on a numbered gridline (the gridline step divides them all;
a draw where no legible step does is rejected). Labels are measured and shrunk down to a
legible minimum; when even that fails the draw is rejected so the caller redraws.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from tron.render.scene import Circle, Line, Polygon, Polyline, Rect, Style, Text
from tron.render.textpath import text_width
from tron.stdlib._style import INK, MARKERS, series_marker
from tron.stdlib.component import Component, SampleRejected
from tron.stdlib.registry import stdfn

DOMAIN = "Multi-series charts"

PAD = 8.0  # px kept free inside the box edge
MIN_FONT = 11.0
GRID = Style(stroke="#c8c8c8", stroke_width=1.0)
AXIS = Style(stroke="black", stroke_width=2.0)
NICE = sorted({m * 10**e for e in range(6) for m in (1, 2, 5, 25)})
SERIES_COLOURS = ("blue", "orange", "green", "purple", "red", "brown", "pink", "gray")
MAX_CATS = 16


def fit(texts: Sequence[str], size: float, room: float, bold: bool = False) -> float:
    """Largest size <= `size` at which every text fits `room` px; SampleRejected below the
    legible minimum."""
    widest = max((text_width(t, size, bold=bold) for t in texts), default=0.0)
    if widest <= room:
        return size
    scaled = size * room / widest
    if scaled < MIN_FONT:
        raise SampleRejected("chart labels do not fit their room")
    return round(scaled, 2)


def check_box(left: float, top: float, width: float, height: float) -> None:
    if width < 80 or height < 80 or left < 0 or top < 0:
        raise ValueError("chart box: need width and height >= 80 and a non-negative corner")


def value_scale(
    values: Sequence[int], show_values: bool, max_lines: int = 20
) -> tuple[int, int, int]:
    """(lo, hi, step) of a value axis that includes 0 and every value. With printed values the
    step only keeps about 6 gridlines; without, it divides every value so each lies on one."""
    vmin, vmax = min(0, *values), max(0, *values)
    if vmax == vmin:
        vmax = vmin + 1
    span = vmax - vmin
    if show_values:
        step = next(s for s in NICE if span / s <= 6)
    else:
        fits = [s for s in NICE if all(v % s == 0 for v in values) and span / s <= max_lines]
        if not fits:
            raise SampleRejected("values cannot all lie on readable gridlines")
        step = fits[-1]
    return math.floor(vmin / step) * step, math.ceil(vmax / step) * step, step


@dataclass
class Axes:
    """Pixel mapping of a value axis (a0 at `lo`, a1 at `hi`) and a category axis (c0..c1)."""

    a0: float
    a1: float
    lo: int
    hi: int
    c0: float
    c1: float
    n: int
    horizontal: bool

    def at(self, v: float) -> float:
        return round(self.a0 + (self.a1 - self.a0) * (v - self.lo) / (self.hi - self.lo), 2)

    @property
    def slot(self) -> float:
        return (self.c1 - self.c0) / self.n

    def mid(self, i: int) -> float:
        return round(self.c0 + (i + 0.5) * self.slot, 2)


def title_and_legend(
    comp: Component,
    title: str,
    names: Sequence[str],
    colours: Sequence[str],
    left: float,
    top: float,
    width: float,
    markers: bool = False,
) -> float:
    """Title (bold, centred) and a one-row legend of swatches under it; returns the y below.
    Legend entry j has subkey "lg<j>"; no legend for a single unnamed series. With `markers`,
    each entry is series j's marker shape (MARKERS) instead of a square swatch."""
    y = top + PAD
    if title:
        size = fit([title], 17, width - 2 * PAD, bold=True)
        comp.add(Text(left + width / 2, y + size * 0.6, title, size=size, bold=True, style=INK))
        y += size * 1.2 + 4
    if len(names) > 1 or (names and names[0]):
        size = 13.0
        while True:
            widths = [18 + text_width(s, size) + 14 for s in names]
            if sum(widths) <= width - 2 * PAD or size <= MIN_FONT:
                break
            size -= 0.5
        if sum(widths) > width - 2 * PAD:
            raise SampleRejected("legend does not fit in one row")
        x = left + (width - sum(widths)) / 2
        cy = y + 9
        for j, s in enumerate(names):
            sw = Style(fill=colours[j], stroke="black", stroke_width=1)
            if markers:
                comp.add(series_marker(MARKERS[j % 4], x + 6, cy, 5.5, sw), f"lg{j}")
            else:
                comp.add(Rect(x, cy - 6, 12, 12, style=sw), f"lg{j}")
            comp.add(Text(x + 18, cy, s, size=size, anchor="start", style=INK), f"lg{j}")
            x += widths[j]
        y += 22
    return y


def frame(
    comp: Component,
    cats: Sequence[str],
    scale: tuple[int, int, int],
    horizontal: bool,
    left: float,
    y_top: float,
    right: float,
    bottom: float,
    head: float = 0.0,
    cat_sub: str = "c",
) -> Axes:
    """Gridlines, numbered ticks and category labels in the region; `head` px are kept free
    beyond the value axis maximum (for printed values). Category label i has subkey
    f"{cat_sub}{i}" if cat_sub else None."""
    lo, hi, step = scale
    ticks = list(range(lo, hi + 1, step))
    # Number every gridline, or every 2nd, 5th or 10th, so numbered values stay round.
    every = next(e for e in (1, 2, 5, 10, 20, 50) if len(ticks) / e <= 9)
    tsize = 12.0
    n = len(cats)
    if horizontal:
        room = (right - left) * 0.32
        size = fit(cats, 14, room)
        labw = max(text_width(c, size) for c in cats)
        c0, c1 = y_top + 4, bottom - PAD - tsize * 1.8
        a0, a1 = left + PAD + labw + 10, right - PAD - head - text_width(str(hi), tsize) / 2
        lab_x = a0 - 8
        a0 += head if lo < 0 else 0.0  # room for printed values left of negative bars
        ax = Axes(a0, a1, lo, hi, c0, c1, n, True)
        for t in ticks:
            x = ax.at(t)
            comp.add(Line(x, c0, x, c1, style=AXIS if t == 0 else GRID))
            if (t // step) % every == 0:
                comp.add(Text(x, c1 + 4 + tsize * 0.7, str(t), size=tsize, style=INK))
        comp.add(Line(a0, c1, a1, c1, style=AXIS))
        for i, c in enumerate(cats):
            comp.add(
                Text(lab_x, ax.mid(i), c, size=size, anchor="end", style=INK),
                f"{cat_sub}{i}" if cat_sub else None,
            )
        return ax
    tick_w = max(text_width(str(t), tsize) for t in ticks)
    c0, c1 = left + PAD + tick_w + 8, right - PAD
    slot = (c1 - c0) / n
    rows = 1
    try:
        size = fit(cats, 14, slot * 0.92)
    except SampleRejected:
        size, rows = fit(cats, 14, 1.6 * slot), 2
    a0 = bottom - PAD - rows * size * 1.4 - 4
    axis_y = a0
    a0 -= head if lo < 0 else 0.0  # room for printed values under negative bars
    a1 = y_top + 6 + head
    ax = Axes(a0, a1, lo, hi, c0, c1, n, False)
    for t in ticks:
        y = ax.at(t)
        comp.add(Line(c0, y, c1, y, style=AXIS if t == 0 and lo < 0 else GRID))
        if (t // step) % every == 0:
            comp.add(Text(c0 - 5, y, str(t), size=tsize, anchor="end", style=INK))
    comp.add(Line(c0, a1 - 4, c0, axis_y, style=AXIS))
    comp.add(Line(c0, axis_y, c1, axis_y, style=AXIS))
    for i, c in enumerate(cats):
        half = text_width(c, size) / 2
        x = min(max(ax.mid(i), left + 2 + half), right - 2 - half)
        y = axis_y + 5 + size * 0.7 + (i % rows) * size * 1.4
        comp.add(Text(x, y, c, size=size, style=INK), f"{cat_sub}{i}" if cat_sub else None)
    return ax


def xy_grid(
    comp: Component,
    area: tuple[float, float, float, float],
    maxima: tuple[int, int],
    steps: tuple[int, int],
    tsize: float,
    x_title: str,
    y_title: str,
    title_y: float,
) -> tuple[Callable[[float], float], Callable[[float], float]]:
    """Numbered grid, axes and titles of an x-y plot over `area`; returns its (px, py) maps."""
    (x0, y0, x1, y1), (x_max, y_max), (x_step, y_step) = area, maxima, steps

    def px(x: float) -> float:
        return round(x0 + (x1 - x0) * x / x_max, 2)

    def py(y: float) -> float:
        return round(y1 - (y1 - y0) * y / y_max, 2)

    for x in range(0, x_max + 1, x_step):
        comp.add(Line(px(x), y0, px(x), y1, style=GRID))
        comp.add(Text(px(x), y1 + 4 + tsize * 0.7, str(x), size=tsize, style=INK))
    for y in range(0, y_max + 1, y_step):
        comp.add(Line(x0, py(y), x1, py(y), style=GRID))
        comp.add(Text(x0 - 5, py(y), str(y), size=tsize, anchor="end", style=INK))
    comp.add(Line(x0, y1, x1, y1, style=AXIS))
    comp.add(Line(x0, y1, x0, y0 - 4, style=AXIS))
    if x_title:
        comp.add(Text((x0 + x1) / 2, y1 + tsize * 1.6 + 14, x_title, size=13, style=INK))
    if y_title:
        comp.add(Text(x0 + 8, title_y + 7, y_title, size=13, anchor="start", style=INK))
    return px, py


def _colours(colours: Sequence[str], count: int, what: str) -> list[str]:
    cols = list(colours) if colours else list(SERIES_COLOURS[:count])
    if len(cols) != count:
        raise ValueError(f"{what}: {len(cols)} colours for {count} series")
    return cols


def _rect(ax: Axes, c_lo: float, c_hi: float, v_lo: float, v_hi: float, style: Style) -> Rect:
    p, q = sorted((ax.at(v_lo), ax.at(v_hi)))
    if ax.horizontal:
        return Rect(p, c_lo, q - p, c_hi - c_lo, style=style)
    return Rect(c_lo, p, c_hi - c_lo, q - p, style=style)


@stdfn(
    "list[str], list[str], list[int], list[str], bool, bool, bool, str, real, real, real, real"
    " -> Component"
)
def bar_groups(
    cats: list[str],
    series: list[str],
    values: list[int],
    colours: Sequence[str] = (),
    stacked: bool = False,
    horizontal: bool = False,
    show_values: bool = False,
    title: str = "",
    left: float = 0,
    top: float = 0,
    width: float = 512,
    height: float = 512,
) -> Component:
    """Bars for several series per category (values[i * len(series) + j] is category i, series
    j), side by side or `stacked`, vertical or `horizontal`, in the box with top-left corner
    (left, top); values may be negative unless stacked. Bar (i, j) has subkey "b<i>_<j>",
    category label i "c<i>", legend entry j "lg<j>".

    `colours` gives one colour per series, or one per bar (a diverging chart colours gains and
    losses); a single series named "" gets no legend."""
    n, ns = len(cats), len(series)
    if not 1 <= n <= MAX_CATS or ns < 1 or len(values) != n * ns:
        raise ValueError(f"bar_groups: need 1..{MAX_CATS} categories and one value per bar")
    if stacked and any(v < 0 for v in values):
        raise ValueError("bar_groups: stacked values must be non-negative")
    check_box(left, top, width, height)
    per_bar = len(colours) == n * ns and ns > 1 or (len(colours) == n and ns == 1 and n > 1)
    cols = list(colours) if per_bar else _colours(colours, ns, "bar_groups")
    comp = Component()
    y = title_and_legend(comp, title, series, cols[:ns], left, top, width)
    if stacked:
        tops = [sum(values[i * ns : i * ns + j + 1]) for i in range(n) for j in range(ns)]
        scale = value_scale(tops, show_values)
    else:
        scale = value_scale(values, show_values)
    head = (30.0 if horizontal else 18.0) if show_values and not stacked else 0.0
    ax = frame(comp, cats, scale, horizontal, left, y, left + width, top + height, head)
    band = ax.slot * (0.62 if stacked or ns == 1 else 0.84)
    each = band if stacked else band / ns
    vsize = min(13.0, max(MIN_FONT, each * 0.8 if not horizontal else 13.0))
    for i in range(n):
        base = 0
        for j in range(ns):
            v = values[i * ns + j]
            col = cols[i * ns + j] if per_bar else cols[j]
            style = Style(fill=col, stroke="black", stroke_width=1.2)
            c_lo = ax.mid(i) - band / 2 + (0 if stacked else j * each)
            v_lo, v_hi = (base, base + v) if stacked else (0, v)
            if v != 0:
                comp.add(_rect(ax, c_lo, c_lo + each, v_lo, v_hi, style), f"b{i}_{j}")
            if show_values:
                _bar_value(comp, ax, v, v_lo, v_hi, c_lo + each / 2, vsize, stacked, f"b{i}_{j}")
            base += v if stacked else 0
    return comp


def _bar_value(
    comp: Component,
    ax: Axes,
    v: int,
    v_lo: int,
    v_hi: int,
    c: float,
    size: float,
    inside: bool,
    sub: str,
) -> None:
    s = str(v)
    if inside:  # a stacked segment's value sits in its middle; it needs room for the text
        room = abs(ax.at(v_hi) - ax.at(v_lo))
        need = text_width(s, size) + 4 if ax.horizontal else size + 3
        if room < need:
            raise SampleRejected("a stacked segment is too small for its value")
        mid = (ax.at(v_hi) + ax.at(v_lo)) / 2
        x, y = (mid, c) if ax.horizontal else (c, mid)
        comp.add(Text(x, y, s, size=size, style=Style(fill="white", stroke=None), bold=True), sub)
        return
    end = ax.at(v_hi)
    sign = 1 if v >= 0 else -1
    if ax.horizontal:
        w = text_width(s, size)
        x = end + sign * (4 + w / 2)
        comp.add(Text(x, c, s, size=size, style=INK), sub)
    else:
        comp.add(Text(c, end - sign * (4 + size * 0.6), s, size=size, style=INK), sub)


@stdfn(
    "list[str], list[str], list[int], list[str], bool, bool, str, real, real, real, real -> Component"
)
def line_series(
    cats: list[str],
    series: list[str],
    values: list[int],
    colours: Sequence[str] = (),
    show_values: bool = False,
    area: bool = False,
    title: str = "",
    left: float = 0,
    top: float = 0,
    width: float = 512,
    height: float = 512,
) -> Component:
    """One line per series over the categories (values[j * len(cats) + i] is series j at
    category i), each with its own marker shape, in the box with top-left corner (left, top);
    with `area` they are stacked filled bands (series 0 at the bottom). Point (j, i) has subkey
    "p<j>_<i>", band j "a<j>", legend entry j "lg<j>".

    Printed values need a single series; otherwise every value (every band top, for areas)
    lies on a gridline."""
    n, ns = len(cats), len(series)
    if not 2 <= n <= MAX_CATS or not 1 <= ns <= 6 or len(values) != n * ns:
        raise ValueError(f"line_series: need 2..{MAX_CATS} categories, 1..6 series, one value each")
    if show_values and ns > 1:
        raise ValueError("line_series: printed values need a single series")
    if area and any(v < 0 for v in values):
        raise ValueError("line_series: area values must be non-negative")
    check_box(left, top, width, height)
    cols = _colours(colours, ns, "line_series")
    comp = Component()
    y = title_and_legend(comp, title, series, cols, left, top, width)
    rows = [values[j * n : (j + 1) * n] for j in range(ns)]
    if area:
        rows = [[sum(rows[k][i] for k in range(j + 1)) for i in range(n)] for j in range(ns)]
    scale = value_scale([v for r in rows for v in r], show_values)
    ax = frame(
        comp, cats, scale, False, left, y, left + width, top + height, 18.0 if show_values else 0.0
    )
    if area:
        for j in reversed(range(ns)):  # top band first, lower bands painted over it
            pts = [(ax.mid(i), ax.at(rows[j][i])) for i in range(n)]
            floor = [(ax.mid(i), ax.at(0)) for i in reversed(range(n))]
            comp.add(
                Polygon(
                    tuple(pts + floor), style=Style(fill=cols[j], stroke="black", stroke_width=1.2)
                ),
                f"a{j}",
            )
    for j in range(ns):
        pts = [(ax.mid(i), ax.at(rows[j][i])) for i in range(n)]
        if not area:
            comp.add(Polyline(tuple(pts), style=Style(stroke=cols[j], stroke_width=2.5)))
        dot = Style(fill=cols[j], stroke="black", stroke_width=1)
        for i, (px, py) in enumerate(pts):
            # Series meeting at one point get their markers side by side, so each stays seen.
            same = [k for k in range(ns) if rows[k][i] == rows[j][i]]
            nudge = 0.0 if area else (same.index(j) - (len(same) - 1) / 2) * 10
            comp.add(series_marker(MARKERS[j % 4], px + nudge, py, 4.5, dot), f"p{j}_{i}")
            if show_values:
                vals = rows[j]
                nbrs = [vals[k] for k in (i - 1, i + 1) if 0 <= k < n]
                above = vals[i] >= sum(nbrs) / len(nbrs)
                dy = -13.0 if above else 13.0
                comp.add(Text(px, py + dy, str(vals[i]), size=12, style=INK), f"p{j}_{i}")
    return comp


@stdfn(
    "list[int], list[int], int, int, int, int, list[real], list[str], str, str, str, real, real, real, real"
    " -> Component"
)
def scatter_fit(
    xs: list[int],
    ys: list[int],
    x_max: int,
    y_max: int,
    x_step: int,
    y_step: int,
    fit_line: Sequence[float] = (),
    labels: Sequence[str] = (),
    x_title: str = "",
    y_title: str = "",
    colour: str = "blue",
    left: float = 0,
    top: float = 0,
    width: float = 512,
    height: float = 512,
) -> Component:
    """A scatter plot of the points (xs[i], ys[i]) (subkey "p<i>", with labels[i] beside it if
    given) on gridded axes from 0 to x_max / y_max numbered every x_step / y_step, and, when
    `fit_line` is [a, b], the line y = a + b x drawn dashed red across the plot (subkey
    "fit"), in the box with top-left corner (left, top)."""
    if len(xs) != len(ys) or not 1 <= len(xs) <= 200 or (labels and len(labels) != len(xs)):
        raise ValueError("scatter_fit: need as many xs as ys (1..200), and labels for all or none")
    if min(x_max, y_max, x_step, y_step) <= 0 or x_max // x_step > 25 or y_max // y_step > 25:
        raise ValueError("scatter_fit: positive axis ends and steps, at most 25 gridlines")
    if any(not 0 <= x <= x_max for x in xs) or any(not 0 <= y <= y_max for y in ys):
        raise ValueError("scatter_fit: a point lies outside the axes")
    check_box(left, top, width, height)
    comp = Component()
    tsize = 12.0
    y0 = top + PAD + (18 if y_title else 4)
    tick_w = text_width(str(y_max), tsize)
    x0 = left + PAD + tick_w + 8
    x1 = left + width - PAD - 8
    y1 = top + height - PAD - tsize * 1.6 - (20 if x_title else 0)

    px, py = xy_grid(
        comp, (x0, y0, x1, y1), (x_max, y_max), (x_step, y_step), tsize, x_title, y_title, top + PAD
    )
    if fit_line:
        a, b = float(fit_line[0]), float(fit_line[1])
        ends = _clip_line(a, b, x_max, y_max)
        if ends:
            (ax_, ay), (bx, by) = ends
            dash = Style(stroke="red", stroke_width=2.5, dash=(9.0, 5.0))
            comp.add(Line(px(ax_), py(ay), px(bx), py(by), style=dash), "fit")
    dot = Style(fill=colour, stroke="black", stroke_width=1)
    for i, (x, y) in enumerate(zip(xs, ys, strict=True)):
        comp.add(Circle(px(x), py(y), 5, style=dot), f"p{i}")
        if labels:  # label up-right of the dot, or up-left near the right edge
            right = px(x) + 8 + text_width(labels[i], 12, bold=True) <= left + width - 2
            lx = px(x) + 8 if right else px(x) - 8
            anchor: Literal["start", "end"] = "start" if right else "end"
            comp.add(
                Text(lx, py(y) - 9, labels[i], size=12, anchor=anchor, bold=True, style=INK),
                f"p{i}",
            )
    return comp


def _clip_line(a: float, b: float, x_max: int, y_max: int) -> list[tuple[float, float]]:
    """End points of y = a + b x inside the box [0, x_max] x [0, y_max] (empty if it misses)."""
    cand = [(0.0, a), (float(x_max), a + b * x_max)]
    if b != 0:
        cand += [((0 - a) / b, 0.0), ((y_max - a) / b, float(y_max))]
    inside = sorted(
        {(x, y) for x, y in cand if -1e-9 <= x <= x_max + 1e-9 and -1e-9 <= y <= y_max + 1e-9}
    )
    return [inside[0], inside[-1]] if len(inside) >= 2 else []
