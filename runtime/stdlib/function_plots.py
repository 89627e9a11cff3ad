"""Function plots: a plotting window (data ranges mapped onto a pixel box), numbered axes with
an optional grid, curves given as sampled points, and keyed, labelled dots.

A window is the list [x_lo, x_hi, y_lo, y_hi, left, top, width, height] made by `plot_window`:
data x runs from x_lo at pixel `left` to x_hi at `left + width`, data y from y_lo at the bottom
(`top + height`) to y_hi at `top`. Every other function takes the window first, so one spec
draws axes, curves and points in the same coordinates. A spec samples a curve itself
(`[a * x * x + c for x in xs]` over fine `xs`), so any function it can compute can be drawn.
"""

from __future__ import annotations

from collections.abc import Sequence

from tron.render.scene import Circle, Line, Polyline, Style, Text
from tron.stdlib._style import INK
from tron.stdlib.component import Component
from tron.stdlib.registry import stdfn

DOMAIN = "Function plots"

Window = Sequence[float]
MAX_SAMPLES = 2000  # points one curve may have


def _check(win: Window) -> tuple[float, float, float, float, float, float, float, float]:
    if len(win) != 8:
        raise ValueError(f"plot window: need 8 numbers, got {len(win)}")
    x_lo, x_hi, y_lo, y_hi, left, top, width, height = (float(v) for v in win)
    if x_hi <= x_lo or y_hi <= y_lo or width <= 0 or height <= 0:
        raise ValueError("plot window: need x_hi > x_lo, y_hi > y_lo and a positive box")
    return x_lo, x_hi, y_lo, y_hi, left, top, width, height


def _px(win: Window, x: float, y: float) -> tuple[float, float]:
    x_lo, x_hi, y_lo, y_hi, left, top, width, height = _check(win)
    px = left + (float(x) - x_lo) * width / (x_hi - x_lo)
    py = top + (y_hi - float(y)) * height / (y_hi - y_lo)
    return round(px, 3), round(py, 3)


@stdfn("real, real, real, real, real, real, real, real -> list[real]")
def plot_window(
    x_lo: float,
    x_hi: float,
    y_lo: float,
    y_hi: float,
    left: float,
    top: float,
    width: float,
    height: float,
) -> list[float]:
    """A plotting window: data x from x_lo to x_hi and y from y_lo to y_hi shown in the pixel
    box with top-left corner (left, top) and size width x height; pass it to the other plot
    functions (it is the list of these eight numbers)."""
    win = [float(v) for v in (x_lo, x_hi, y_lo, y_hi, left, top, width, height)]
    _check(win)
    return win


@stdfn("list[real], real, real -> Point")
def plot_point(win: Window, x: float, y: float) -> dict[str, float]:
    """The canvas point where data point (x, y) of the window is drawn."""
    px, py = _px(win, x, y)
    return {"x": px, "y": py}


@stdfn("list[real], int, int, bool, str, str -> Component")
def plot_axes(
    win: Window,
    x_step: int,
    y_step: int,
    grid: bool = True,
    x_name: str = "x",
    y_name: str = "y",
) -> Component:
    """Axes through the origin (or along the window's edge when 0 is outside a range) with a
    tick and a number every x_step / y_step units, light gridlines when `grid` (on every whole
    unit if a range spans at most 40, else on the numbered values),
    arrowheads and the axis names; the axes have subkeys "xaxis" and "yaxis"."""
    x_lo, x_hi, y_lo, y_hi, left, top, width, height = _check(win)
    if x_step < 1 or y_step < 1:
        raise ValueError("plot_axes: steps must be at least 1")
    if (x_hi - x_lo) / x_step > 40 or (y_hi - y_lo) / y_step > 40:
        raise ValueError("plot_axes: more than 40 ticks on an axis")
    ax_y = min(max(0.0, y_lo), y_hi)  # where the x axis runs
    ax_x = min(max(0.0, x_lo), x_hi)
    comp = Component()
    thin = Style(stroke="#c8c8c8", stroke_width=1)
    xs = [v for v in range(int(-(-x_lo // x_step)) * x_step, int(x_hi) + 1, x_step) if v >= x_lo]
    ys = [v for v in range(int(-(-y_lo // y_step)) * y_step, int(y_hi) + 1, y_step) if v >= y_lo]
    if grid:  # a line on every whole unit when there are at most 40, else on the numbered ones
        gx = [v for v in range(int(-(-x_lo // 1)), int(x_hi) + 1)] if x_hi - x_lo <= 40 else xs
        gy = [v for v in range(int(-(-y_lo // 1)), int(y_hi) + 1)] if y_hi - y_lo <= 40 else ys
        for v in gx:
            px, _ = _px(win, v, 0)
            comp.add(Line(px, top, px, top + height, style=thin))
        for v in gy:
            _, py = _px(win, 0, v)
            comp.add(Line(left, py, left + width, py, style=thin))
    pen = Style(stroke="black", stroke_width=2)
    _, oy = _px(win, 0, ax_y)
    ox, _ = _px(win, ax_x, 0)
    comp.add(Line(left - 6, oy, left + width + 14, oy, arrow=True, style=pen), "xaxis")
    comp.add(Line(ox, top + height + 6, ox, top - 14, arrow=True, style=pen), "yaxis")
    size = 13.0
    for v in xs:
        px, _ = _px(win, v, 0)
        comp.add(Line(px, oy - 4, px, oy + 4, style=pen), "xaxis")
        if v != ax_x or ax_x != 0:
            comp.add(Text(px, oy + 14, str(v), size=size, style=INK), "xaxis")
    for v in ys:
        _, py = _px(win, 0, v)
        comp.add(Line(ox - 4, py, ox + 4, py, style=pen), "yaxis")
        if v != ax_y or ax_y != 0:
            comp.add(Text(ox - 7, py, str(v), size=size, anchor="end", style=INK), "yaxis")
    if ax_x == 0 and ax_y == 0 and x_lo < 0 < x_hi and y_lo < 0 < y_hi:
        comp.add(Text(ox - 7, oy + 13, "0", size=size, anchor="end", style=INK))
    comp.add(Text(left + width + 14, oy - 14, x_name, size=15, style=INK))
    comp.add(Text(ox + 14, top - 14, y_name, size=15, anchor="start", style=INK))
    return comp


@stdfn("list[real], list[real], list[real], str, real -> Component")
def plot_curve(
    win: Window, xs: Sequence[float], ys: Sequence[float], colour: str = "blue", width: float = 3
) -> Component:
    """A curve through the data points (xs[i], ys[i]) in order, cut where it leaves the
    window's y range (each piece inside the window is one polyline, subkey "curve")."""
    if len(xs) != len(ys):
        raise ValueError(f"plot_curve: {len(xs)} xs but {len(ys)} ys")
    if len(xs) > MAX_SAMPLES:
        raise ValueError(f"plot_curve: more than {MAX_SAMPLES} points")
    _, _, y_lo, y_hi, *_ = _check(win)
    comp = Component()
    style = Style(stroke=colour, stroke_width=float(width))
    piece: list[tuple[float, float]] = []
    for x, y in zip(xs, ys, strict=True):
        if y_lo <= float(y) <= y_hi:
            piece.append(_px(win, x, y))
            continue
        if len(piece) >= 2:
            comp.add(Polyline(tuple(piece), style=style), "curve")
        piece = []
    if len(piece) >= 2:
        comp.add(Polyline(tuple(piece), style=style), "curve")
    return comp


@stdfn("list[real], list[real], list[real], list[str], str, real -> Component")
def plot_dots(
    win: Window,
    xs: Sequence[float],
    ys: Sequence[float],
    labels: Sequence[str] = (),
    colour: str = "red",
    r: float = 6,
) -> Component:
    """A dot at each data point (xs[i], ys[i]) with labels[i] (if given and not "") written
    above and to the right of it; dot i and its label have subkey "p<i>"."""
    if len(xs) != len(ys) or (labels and len(labels) != len(xs)):
        raise ValueError("plot_dots: xs, ys (and labels) need the same length")
    comp = Component()
    for i, (x, y) in enumerate(zip(xs, ys, strict=True)):
        px, py = _px(win, x, y)
        comp.add(Circle(px, py, float(r), style=Style(fill=colour, stroke="black")), f"p{i}")
        if labels and labels[i]:
            comp.add(
                Text(px + r + 3, py - r - 9, labels[i], size=17, anchor="start", style=INK),
                f"p{i}",
            )
    return comp


@stdfn("real, real, int -> list[real]")
def plot_samples(lo: float, hi: float, n: int) -> list[float]:
    """`n` evenly spaced x values from lo to hi, both included (n >= 2), to sample a curve."""
    if n < 2 or n > MAX_SAMPLES or hi <= lo:
        raise ValueError("plot_samples: need 2 <= n <= 2000 and hi > lo")
    return [round(float(lo) + (float(hi) - float(lo)) * i / (n - 1), 6) for i in range(n)]
