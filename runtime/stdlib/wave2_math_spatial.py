"""Measurement figures for maths and spatial scenes: a dot plot, a graph of a line through
points on numbered gridded axes, a polygon with its side lengths written beside its edges, and
answer-first sums of a varying number of parts (coins that make an amount).
"""

from __future__ import annotations

import math
import random

from tron.scene import Circle, Line, Polygon, Polyline, Style, Text
from tron.stdlib.component import Component, SampleRejected
from tron.stdlib.math_tools import count_sums, draw_sum
from tron.stdlib.registry import stdfn
from tron.textpath import text_width

INK = Style(fill="black", stroke=None)
MAX_ITEMS = 400  # dots, points or polygon corners a figure may have


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
    if len(values) > MAX_ITEMS or any(not lo <= v <= hi for v in values):
        raise ValueError(f"dot_plot: need at most {MAX_ITEMS} values, each in {lo}..{hi}")
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
    if len(xs) != len(ys) or not 1 <= len(xs) <= MAX_ITEMS:
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


@stdfn("list[Point], list[str], str, real -> Component")
def dimensioned_polygon(
    points: list[dict[str, float]], labels: list[str], fill: str, size: float = 16
) -> Component:
    """A closed polygon (subkey "shape") with labels[i] written just outside the middle of
    edge i, the edge from points[i] to points[i+1] (the last edge wraps to points[0]); an empty
    label writes nothing, label i has subkey "e<i>"."""
    n = len(points)
    if not 3 <= n <= MAX_ITEMS or len(labels) != n:
        raise ValueError("dimensioned_polygon: need 3..400 points and one label per edge")
    pts = [(float(p["x"]), float(p["y"])) for p in points]
    twice_area = sum(
        pts[i][0] * pts[(i + 1) % n][1] - pts[(i + 1) % n][0] * pts[i][1] for i in range(n)
    )
    if twice_area == 0:
        raise ValueError("dimensioned_polygon: the polygon has no area")
    # On screen (y down) a positive shoelace sum means the points run clockwise, so the
    # outward normal of edge (dx, dy) is (dy, -dx); otherwise it is the opposite.
    sign = 1.0 if twice_area > 0 else -1.0
    comp = Component()
    comp.add(
        Polygon(tuple((round(x, 2), round(y, 2)) for x, y in pts), style=Style(fill=fill)),
        "shape",
    )
    size = float(size)
    for i, label in enumerate(labels):
        if not label:
            continue
        (x1, y1), (x2, y2) = pts[i], pts[(i + 1) % n]
        length = math.hypot(x2 - x1, y2 - y1)
        if length == 0:
            raise ValueError(f"dimensioned_polygon: edge {i} has no length")
        nx, ny = sign * (y2 - y1) / length, sign * -(x2 - x1) / length
        half_w = text_width(label, size) / 2
        off = 6 + abs(nx) * half_w + abs(ny) * size * 0.6
        cx, cy = (x1 + x2) / 2 + nx * off, (y1 + y2) / 2 + ny * off
        comp.add(Text(round(cx, 2), round(cy, 2), label, size=size, style=INK), f"e{i}")
    return comp


MAX_SUM = 100_000
MAX_COUNT = 60


def _check_sum_args(parts: list[int], k_lo: int, k_hi: int, top: int, name: str) -> list[int]:
    vals = sorted(set(int(p) for p in parts))
    if not vals or vals[0] <= 0:
        raise ValueError(f"{name}: parts must be positive integers")
    if not 0 <= k_lo <= k_hi <= MAX_COUNT or not 0 <= top <= MAX_SUM:
        raise ValueError(f"{name}: need 0 <= k_lo <= k_hi <= {MAX_COUNT}, 0 <= total <= {MAX_SUM}")
    return vals


@stdfn("list[int], int, int, int -> list[int]")
def reachable_sums(parts: list[int], k_lo: int, k_hi: int, hi: int) -> list[int]:
    """Every total from 0 to `hi` that some list of k_lo..k_hi values taken (with repeats) from
    `parts` adds up to, ascending (e.g. the amounts a few coins can make)."""
    vals = _check_sum_args(parts, k_lo, k_hi, hi, "reachable_sums")
    ways = count_sums(vals, k_hi, hi)
    return [t for t in range(hi + 1) if any(ways[j][t] for j in range(k_lo, k_hi + 1))]


@stdfn("int, int, int, list[int] -> list[int]", random=True)
def random_sum_between(
    rng: random.Random, total: int, k_lo: int, k_hi: int, parts: list[int]
) -> list[int]:
    """Between k_lo and k_hi values taken (with repeats) from `parts` that add up to `total`:
    the length is uniform over the lengths that can make `total`, then the list is uniform
    over the ordered lists of that length; rejects the draw when no length can."""
    vals = _check_sum_args(parts, k_lo, k_hi, total, "random_sum_between")
    ways = count_sums(vals, k_hi, total)
    lengths = [j for j in range(k_lo, k_hi + 1) if ways[j][total]]
    if not lengths:
        raise SampleRejected(f"{total} is not a sum of {k_lo}..{k_hi} values from {vals}")
    k = lengths[rng.randrange(len(lengths))]
    return draw_sum(rng, ways, vals, k, total)
