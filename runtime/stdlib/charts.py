"""Charts and tables laid out to fill the 512 x 512 canvas: bar, line and pie charts, dot
plots, a line graph through points on gridded axes, and tables.

Every label of the bar, line and pie charts is measured with `text_width` and shrunk (down to
a legible minimum) to fit its slot; when even that fails the chart raises SampleRejected so the
caller redraws. Values are readable exactly: either printed on the chart or lying on labelled
gridlines.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from tron.render.colours import NAMEABLE
from tron.render.scene import Circle, Line, Polyline, Rect, Style, Text, Wedge
from tron.render.textpath import text_width
from tron.stdlib._style import INK, shrink_to_fit
from tron.stdlib.component import CANVAS, Component, SampleRejected
from tron.stdlib.registry import stdfn

DOMAIN = "Charts and tables"

PAD = 14.0  # px kept free at every canvas edge
MIN_FONT = 11.0  # smallest label size we allow (legibility)
MAX_ITEMS = 20
MAX_POINTS = 400  # dots of a dot plot or points of an xy graph
GRID = Style(stroke="#c8c8c8", stroke_width=1.0)
AXIS = Style(stroke="black", stroke_width=2.0)
# Default slice/bar colours: the nameable palette minus black (bars need visible outlines).
DEFAULT_COLOURS = tuple(c for c in NAMEABLE if c != "black")


def _nice_steps() -> list[int]:
    return sorted({m * 10**e for e in range(7) for m in (1, 2, 5, 25) if m * 10**e >= 1})


def fit_size(texts: Sequence[str], size: float, room: float) -> float | None:
    """Largest font size <= `size` (and >= MIN_FONT) at which every text fits in `room` px."""
    fitted = shrink_to_fit(texts, size, room)
    if fitted is None:
        return size
    return fitted if fitted >= MIN_FONT else None


def _title(comp: Component, title: str) -> float:
    """Draw the title centred at the top; return the y below it."""
    if not title:
        return PAD
    size = fit_size([title], 20, CANVAS - 2 * PAD)
    if size is None:
        raise SampleRejected(f"chart title {title!r} is too long")
    comp.add(Text(CANVAS / 2, PAD + size * 0.6, title, size=size, bold=True, style=INK), "title")
    return PAD + size * 1.2 + 8


@dataclass
class _Frame:
    left: float
    right: float
    top: float  # y of the axis maximum
    base: float  # y of zero
    ymax: int
    slot: float  # horizontal space per category

    def y(self, v: float) -> float:
        return self.base - (self.base - self.top) * v / self.ymax

    def x(self, i: int) -> float:
        return self.left + (i + 0.5) * self.slot


def _check_series(labels: list[str], values: list[int], what: str) -> None:
    if not labels or len(labels) > MAX_ITEMS:
        raise ValueError(f"{what}: between 1 and {MAX_ITEMS} categories, got {len(labels)}")
    if len(labels) != len(values):
        raise ValueError(f"{what}: {len(labels)} labels but {len(values)} values")
    if any(v < 0 for v in values):
        raise ValueError(f"{what}: values must be non-negative")


def _frame(
    comp: Component,
    labels: list[str],
    values: list[int],
    title: str,
    show_values: bool,
    sub: str,
    floor_gap: float = 0.0,
) -> _Frame:
    """Title, y axis with gridlines and tick labels, x axis with category labels.

    `floor_gap` drops the x axis that many px below the zero line, leaving room for labels
    under points that sit at zero.
    """
    top = _title(comp, title) + (22 if show_values else 10)
    vmax = max(max(values), 1)
    if show_values:
        step = next(s for s in _nice_steps() if vmax / s <= 6)
        label_every = 1
    else:
        # Gridlines must pass through every value so bars can be read exactly.
        fits = [s for s in _nice_steps() if all(v % s == 0 for v in values) and vmax / s <= 25]
        if not fits:
            raise SampleRejected("chart values cannot all lie on readable gridlines")
        step = fits[-1]
        label_every = math.ceil((vmax / step) / 8)
    ymax = math.ceil(vmax / step) * step
    ticks = list(range(0, ymax + 1, step))
    tick_size = 14.0
    tick_w = max(text_width(str(t), tick_size) for t in ticks)
    left = PAD + tick_w + 10
    right = CANVAS - PAD
    slot = (right - left) / len(labels)
    # Category labels: one row if they fit their slot, else two staggered rows.
    size = fit_size(labels, 15, slot * 0.92)
    rows = 1
    if size is None:
        # Two rows: 1.6 slots leaves a gap even after the end labels are nudged inward.
        size = fit_size(labels, 15, 1.6 * slot)
        rows = 2
        if size is None:
            raise SampleRejected("chart category labels are too long for their slots")
    axis_y = CANVAS - PAD - rows * size * 1.4 - 6
    base = axis_y - floor_gap
    fr = _Frame(left, right, top, base, ymax, slot)
    for k, t in enumerate(ticks):
        y = fr.y(t)
        if t > 0 or floor_gap > 0:
            comp.add(Line(left, y, right, y, style=GRID))
        if k % label_every == 0:
            comp.add(Text(left - 6, y, str(t), size=tick_size, anchor="end", style=INK))
    comp.add(Line(left, top - 6, left, axis_y, style=AXIS))
    comp.add(Line(left, axis_y, right, axis_y, style=AXIS))
    for i, lab in enumerate(labels):
        row = i % rows
        y = axis_y + 6 + size * 0.7 + row * size * 1.4
        half = text_width(lab, size) / 2
        x = min(max(fr.x(i), PAD + half), CANVAS - PAD - half)  # keep end labels on the canvas
        comp.add(Text(x, y, lab, size=size, style=INK), f"{sub}{i}")
    return fr


@stdfn("list[str], list[int], list[str], str, bool -> Component")
def bar_chart(
    labels: list[str],
    values: list[int],
    colours: Sequence[str] = (),
    title: str = "",
    show_values: bool = True,
) -> Component:
    """A vertical bar chart of non-negative integers with axis, gridlines and category labels;
    bar i (with its labels) has subkey "bar<i>".

    With `show_values` each bar's value is printed above it; without, the gridline step divides
    every value so each bar ends exactly on a gridline. `colours` defaults to all blue.
    """
    _check_series(labels, values, "bar_chart")
    if colours and len(colours) != len(values):
        raise ValueError(f"bar_chart: {len(colours)} colours for {len(values)} bars")
    comp = Component()
    fr = _frame(comp, labels, values, title, show_values, "bar")
    width = fr.slot * 0.62
    vsize = fit_size([str(v) for v in values], 15, fr.slot * 0.95) or MIN_FONT
    for i, v in enumerate(values):
        colour = colours[i] if colours else "blue"
        y = fr.y(v)
        if v > 0:
            bar = Rect(
                fr.x(i) - width / 2,
                y,
                width,
                fr.base - y,
                style=Style(fill=colour, stroke="black", stroke_width=1.5),
            )
            comp.add(bar, f"bar{i}")
        if show_values:
            comp.add(Text(fr.x(i), y - 6 - vsize / 2, str(v), size=vsize, style=INK), f"bar{i}")
    return comp


@stdfn("list[str], list[int], bool, str -> Component")
def line_chart(
    labels: list[str], values: list[int], show_values: bool = True, colour: str = "blue"
) -> Component:
    """A line chart of non-negative integers: one marked point per category joined in order;
    point i (with its labels) has subkey "pt<i>".

    Value labels (with `show_values`) sit above a point that is higher than the mean of its
    neighbours, below otherwise, so they stay off the line; the x axis then sits a little
    below the zero gridline to leave room.
    """
    _check_series(labels, values, "line_chart")
    comp = Component()
    fr = _frame(comp, labels, values, "", show_values, "pt", floor_gap=30.0 if show_values else 0.0)
    pts = [(fr.x(i), fr.y(v)) for i, v in enumerate(values)]
    if len(pts) > 1:
        comp.add(Polyline(tuple(pts), style=Style(stroke=colour, stroke_width=2.5)))
    vsize = fit_size([str(v) for v in values], 14, fr.slot * 0.95) or MIN_FONT
    for i, (x, y) in enumerate(pts):
        comp.add(
            Circle(x, y, 5, style=Style(fill=colour, stroke="black", stroke_width=1)), f"pt{i}"
        )
        if show_values:
            nbrs = [values[j] for j in (i - 1, i + 1) if 0 <= j < len(values)]
            above = not nbrs or values[i] >= sum(nbrs) / len(nbrs)
            dy = -(10 + vsize / 2) if above else 10 + vsize / 2
            comp.add(Text(x, y + dy, str(values[i]), size=vsize, style=INK), f"pt{i}")
    return comp


def _percent(v: int, total: int) -> int:
    return (200 * v + total) // (2 * total)  # round half up without floats


@stdfn("list[str], list[int], list[str], str, str -> Component")
def pie_chart(
    labels: list[str],
    values: list[int],
    colours: Sequence[str] = (),
    show: str = "percent",
    title: str = "",
) -> Component:
    """A pie chart of positive integers (slices clockwise from 12 o'clock) with a legend of
    colour swatches; slice i and its legend entry have subkey "s<i>".

    `show` chooses the legend text: "percent" ("Apples 25%", rounded half up), "value"
    ("Apples: 12") or "label". Colours default to the palette order and must be distinct.
    """
    _check_series(labels, values, "pie_chart")
    if any(v <= 0 for v in values):
        raise ValueError("pie_chart: values must be positive")
    cols = list(colours) if colours else list(DEFAULT_COLOURS[: len(values)])
    if len(cols) != len(values):
        raise ValueError(f"pie_chart: {len(cols)} colours for {len(values)} slices")
    if len(set(cols)) != len(cols):
        raise ValueError("pie_chart: slice colours must be distinct (the legend matches by colour)")
    if show not in ("percent", "value", "label"):
        raise ValueError(f"pie_chart: show must be percent, value or label, not {show!r}")
    total = sum(values)
    texts = [
        f"{lab} {_percent(v, total)}%"
        if show == "percent"
        else f"{lab}: {v}"
        if show == "value"
        else lab
        for lab, v in zip(labels, values, strict=True)
    ]
    comp = Component()
    top = _title(comp, title)
    swatch = 16.0
    size: float | None = None
    for r_min in (120.0, 95.0, 75.0):
        legend_room = CANVAS - 2 * PAD - 2 * r_min - 24 - swatch - 8
        size = fit_size(texts, 16, legend_room)
        if size is not None:
            break
    if size is None:
        raise SampleRejected("pie_chart legend labels are too long")
    row_h = max(size * 1.5, swatch + 6)
    legend_w = swatch + 8 + max(text_width(t, size) for t in texts)
    r = min((CANVAS - 2 * PAD - legend_w - 24) / 2, (CANVAS - PAD - top) / 2, 200)
    cx, cy = PAD + r, (top + CANVAS - PAD) / 2
    legend_h = row_h * len(texts)
    if legend_h > CANVAS - PAD - top:
        raise SampleRejected("pie_chart legend is taller than the canvas")
    lx = cx + r + 24
    ly = cy - legend_h / 2 + row_h / 2
    angle = 0.0
    for i, v in enumerate(values):
        sweep = 360.0 * v / total
        end = 360.0 if i == len(values) - 1 else angle + sweep  # close the circle exactly
        wedge = Wedge(
            cx,
            cy,
            r,
            round(angle, 3),
            round(end, 3),
            style=Style(fill=cols[i], stroke="black", stroke_width=1.5),
        )
        comp.add(wedge, f"s{i}")
        angle = end
        y = ly + i * row_h
        sw = Rect(
            lx,
            y - swatch / 2,
            swatch,
            swatch,
            style=Style(fill=cols[i], stroke="black", stroke_width=1),
        )
        comp.add(sw, f"s{i}")
        comp.add(Text(lx + swatch + 8, y, texts[i], size=size, anchor="start", style=INK), f"s{i}")
    return comp


@stdfn("int, int, list[int], real, real, real, real, str -> Component")
def dot_plot(
    lo: int,
    hi: int,
    values: list[int],
    x0: float,
    y0: float,
    width: float,
    dot: float = 9.0,
    colour: str = "blue",
) -> Component:
    """A dot plot: a number line from `lo` to `hi` running `width` px right from (x0, y0), each
    whole number ticked and numbered below, and one dot of radius `dot` per value stacked in a
    column above its number; the dot of values[i] has subkey "d<i>"."""
    if hi <= lo or hi - lo > 40 or width <= 0 or dot <= 0:
        raise ValueError("dot_plot: need lo < hi (at most 40 apart), width > 0 and dot > 0")
    if len(values) > MAX_POINTS or any(not lo <= v <= hi for v in values):
        raise ValueError(f"dot_plot: need at most {MAX_POINTS} values, each in {lo}..{hi}")
    x0, y0, width, dot = float(x0), float(y0), float(width), float(dot)
    step = width / (hi - lo)
    if step < 2 * dot + 2:
        raise ValueError(f"dot_plot: {hi - lo} steps of {step:.1f} px are too narrow for the dots")
    comp = Component()
    pen = Style(stroke="black", stroke_width=2)
    comp.add(Line(x0 - dot, y0, x0 + width + dot, y0, style=pen))
    size = min(16.0, max(11.0, step * 0.6))
    for k in range(hi - lo + 1):
        x = round(x0 + k * step, 2)
        comp.add(Line(x, y0, x, y0 + 7, style=pen))
        comp.add(Text(x, y0 + 10 + size * 0.6, str(lo + k), size=size, style=INK))
    heights: dict[int, int] = {}
    fill = Style(fill=colour, stroke="black", stroke_width=1)
    for i, v in enumerate(values):
        level = heights.get(v, 0)
        heights[v] = level + 1
        cx = round(x0 + (v - lo) * step, 2)
        cy = round(y0 - dot - 3 - level * (2 * dot + 2), 2)
        comp.add(Circle(cx, cy, dot, style=fill), f"d{i}")
    return comp


def _nice_ticks(top: int, step: int) -> list[int]:
    return list(range(0, top + 1, step))


@stdfn(
    "list[int], list[int], int, int, int, int, str, str, real, real, real, real, str -> Component"
)
def xy_graph(
    xs: list[int],
    ys: list[int],
    x_max: int,
    y_max: int,
    x_step: int,
    y_step: int,
    x_title: str,
    y_title: str,
    left: float = 80,
    top: float = 50,
    width: float = 400,
    height: float = 370,
    colour: str = "blue",
) -> Component:
    """A line through the points (xs[i], ys[i]), in order and each marked by a dot with subkey
    "p<i>", on axes from 0 to x_max and 0 to y_max with a numbered gridline every x_step /
    y_step, drawn in the box with top-left corner (left, top); the x title sits under the x
    numbers and the y title above the y axis (starting up to 60 px left of it)."""
    if len(xs) != len(ys) or not 1 <= len(xs) <= MAX_POINTS:
        raise ValueError("xy_graph: need as many xs as ys (1..400 points)")
    if x_max <= 0 or y_max <= 0 or x_step <= 0 or y_step <= 0:
        raise ValueError("xy_graph: axis ends and steps must be positive")
    if x_max // x_step > 40 or y_max // y_step > 40:
        raise ValueError("xy_graph: at most 40 gridlines per axis")
    if any(not 0 <= x <= x_max for x in xs) or any(not 0 <= y <= y_max for y in ys):
        raise ValueError("xy_graph: a point lies outside the axes")
    left, top, width, height = float(left), float(top), float(width), float(height)
    bottom = top + height

    def px(x: float) -> float:
        return round(left + width * x / x_max, 2)

    def py(y: float) -> float:
        return round(bottom - height * y / y_max, 2)

    comp = Component()
    light = Style(stroke="#b8b8b8", stroke_width=1)
    pen = Style(stroke="black", stroke_width=2)
    size = 14.0
    for x in _nice_ticks(x_max, x_step):
        comp.add(Line(px(x), top, px(x), bottom, style=light))
        comp.add(Text(px(x), bottom + 16, str(x), size=size, style=INK))
    for y in _nice_ticks(y_max, y_step):
        comp.add(Line(left, py(y), left + width, py(y), style=light))
        comp.add(Text(left - 8, py(y), str(y), size=size, anchor="end", style=INK))
    comp.add(Line(left, bottom, left + width + 12, bottom, arrow=True, style=pen))
    comp.add(Line(left, bottom, left, top - 14, arrow=True, style=pen))
    comp.add(Text(left + width / 2, bottom + 40, x_title, size=15, style=INK))
    comp.add(Text(max(8.0, left - 60), top - 30, y_title, size=15, anchor="start", style=INK))
    pts = tuple((px(x), py(y)) for x, y in zip(xs, ys, strict=True))
    if len(pts) > 1:
        comp.add(Polyline(pts, style=Style(stroke=colour, stroke_width=3)))
    dot = Style(fill=colour, stroke="black", stroke_width=1)
    for i, (qx, qy) in enumerate(pts):
        comp.add(Circle(qx, qy, 5, style=dot), f"p{i}")
    return comp


@stdfn("list[list[str]], list[str] -> Component")
def table(rows: list[list[str]], header: list[str]) -> Component:
    """A table centred on the canvas with a bold shaded header row; header cell j has subkey
    "h<j>" and body cell (i, j) "c<i>_<j>". Text shrinks to fit; too big a table is rejected."""
    ncol = len(header)
    if ncol == 0 or any(len(r) != ncol for r in rows):
        raise ValueError(f"table: every row needs {ncol} cells (one per header)")
    size = 22.0
    while True:  # shrinks the font at most ~6 times before giving up
        widths = [
            max([text_width(header[j], size, bold=True)] + [text_width(r[j], size) for r in rows])
            + size * 1.2
            for j in range(ncol)
        ]
        row_h = size * 2.0
        if sum(widths) <= CANVAS - 2 * PAD and row_h * (len(rows) + 1) <= CANVAS - 2 * PAD:
            break
        size -= 1.0
        if size < MIN_FONT:
            raise SampleRejected("table does not fit the canvas")
    total_w, total_h = sum(widths), row_h * (len(rows) + 1)
    x0, y0 = (CANVAS - total_w) / 2, (CANVAS - total_h) / 2
    comp = Component()
    comp.add(Rect(x0, y0, total_w, row_h, style=Style(fill="#e4e4e4", stroke=None)))
    lefts = [x0 + sum(widths[:j]) for j in range(ncol)]
    for i, cells in enumerate([header, *rows]):
        cy = y0 + (i + 0.5) * row_h
        for j, s in enumerate(cells):
            sub = f"h{j}" if i == 0 else f"c{i - 1}_{j}"
            comp.add(Text(lefts[j] + widths[j] / 2, cy, s, size=size, bold=i == 0, style=INK), sub)
    line = Style(stroke="black", stroke_width=1.5)
    for i in range(len(rows) + 2):
        comp.add(Line(x0, y0 + i * row_h, x0 + total_w, y0 + i * row_h, style=line))
    for x in [*lefts, x0 + total_w]:
        comp.add(Line(x, y0, x, y0 + total_h, style=line))
    return comp
