"""Diagrams: Venn diagrams, timelines, Gantt charts, gear trains and bipartite diagrams
(two columns of boxes joined by lines).
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence

from tron.render.scene import Arc, Circle, Line, Polygon, Rect, Style, Text
from tron.render.textpath import text_width
from tron.stdlib._geom import P
from tron.stdlib._style import DIAGRAM_PAD as PAD
from tron.stdlib._style import INK, fit_or_reject
from tron.stdlib.component import CANVAS, Component, SampleRejected
from tron.stdlib.registry import stdfn
from tron.stdlib.trees import _check_parents

DOMAIN = "Diagrams"

_VENN_COLOURS = ("red", "blue", "green")


def _venn_circles(k: int) -> list[tuple[float, float, float]]:
    if k == 2:
        return [(190.0, 270.0, 135.0), (322.0, 270.0, 135.0)]
    if k == 3:
        return [(196.0, 198.0, 115.0), (316.0, 198.0, 115.0), (256.0, 302.0, 115.0)]
    raise ValueError("venn_diagram: 2 or 3 sets")


def _venn_mask(circles: list[tuple[float, float, float]], p: P, clear: float) -> int | None:
    """Bitmask of the circles containing p, or None when p is within `clear` px of a rim."""
    m = 0
    for j, (cx, cy, r) in enumerate(circles):
        d = math.dist(p, (cx, cy))
        if abs(d - r) < clear:
            return None
        if d < r:
            m |= 1 << j
    return m


@stdfn("list[str], list[str], list[int] -> Component", random=True)
def venn_diagram(
    rng: random.Random, names: list[str], items: list[str], masks: list[int]
) -> Component:
    """A Venn diagram of 2 or 3 labelled circles inside a box (the universe) with each item's
    text placed in the region given by its bitmask (bit j set: inside circle j; 0: outside all
    circles). Item i has subkey "i<i>", circle j "s<j>"."""
    k = len(names)
    circles = _venn_circles(k)
    if len(items) != len(masks) or any(not 0 <= m < (1 << k) for m in masks):
        raise ValueError("venn_diagram: one mask in 0..2^k-1 per item")
    size = 17.0
    half_w = max((text_width(s, size) for s in items), default=0.0) / 2 + 3
    half_h = size * 0.6
    clear = max(half_w, half_h) + 3
    box = (PAD, 50.0, CANVAS - PAD, CANVAS - PAD if k == 2 else 470.0)
    placed: list[P] = []
    for m in masks:
        for _ in range(400):
            p = (
                rng.uniform(box[0] + half_w + 4, box[2] - half_w - 4),
                rng.uniform(box[1] + half_h + 4, box[3] - half_h - 4),
            )
            if _venn_mask(circles, p, clear) != m:
                continue
            if all(
                abs(p[0] - q[0]) > 2 * half_w + 4 or abs(p[1] - q[1]) > 2 * half_h + 6
                for q in placed
            ):
                placed.append((round(p[0], 1), round(p[1], 1)))
                break
        else:
            raise SampleRejected("venn_diagram: region too crowded for its items")
    comp = Component()
    comp.add(
        Rect(
            box[0],
            box[1],
            box[2] - box[0],
            box[3] - box[1],
            style=Style(fill=None, stroke="black", stroke_width=2),
        )
    )
    for j, (cx, cy, r) in enumerate(circles):
        colour = _VENN_COLOURS[j]
        comp.add(Circle(cx, cy, r, style=Style(fill=colour, stroke=None, opacity=0.12)), f"s{j}")
        comp.add(Circle(cx, cy, r, style=Style(fill=None, stroke=colour, stroke_width=3)), f"s{j}")
    # Set names next to their circles, in the circle's colour.
    spots = (
        [(130.0, 30.0), (382.0, 30.0)] if k == 2 else [(150.0, 30.0), (362.0, 30.0), (256.0, 492.0)]
    )
    for j, name in enumerate(names):
        nsize = fit_or_reject([name], 20.0, 200.0, bold=True)
        ink = Style(fill=_VENN_COLOURS[j], stroke=None)
        comp.add(Text(spots[j][0], spots[j][1], name, size=nsize, bold=True, style=ink), f"s{j}")
    for i, (x, y) in enumerate(placed):
        comp.add(Text(x, y, items[i], size=size, style=INK), f"i{i}")
    return comp


@stdfn("list[int], list[str] -> Component")
def timeline(years: list[int], labels: list[str]) -> Component:
    """A vertical timeline (earliest at the top, spaced in proportion to time) with a dot per
    event, its year on the left and its label on the right; event i has subkey "ev<i>".
    Rejected when two events would sit closer than 26 px."""
    if len(years) != len(labels) or len(years) < 2:
        raise ValueError("timeline: need two or more events, one label each")
    lo, hi = min(years), max(years)
    if hi == lo:
        raise ValueError("timeline: events need different years")
    top, bottom, ax = 40.0, CANVAS - 40.0, 130.0

    def at(v: int) -> float:
        return round(top + (bottom - top) * (v - lo) / (hi - lo), 2)

    ys = sorted(at(v) for v in years)
    if any(b - a < 26 for a, b in zip(ys, ys[1:], strict=False)):
        raise SampleRejected("timeline: two events too close together")
    size = fit_or_reject(labels, 17.0, CANVAS - ax - 30 - PAD)
    comp = Component()
    comp.add(
        Line(ax, top - 22, ax, bottom + 22, arrow=True, style=Style(stroke="black", stroke_width=3))
    )
    for i, (v, s) in enumerate(zip(years, labels, strict=True)):
        y = at(v)
        comp.add(
            Circle(ax, y, 6, style=Style(fill="red", stroke="black", stroke_width=1.5)), f"ev{i}"
        )
        comp.add(Line(ax - 14, y, ax - 6, y, style=Style(stroke="black", stroke_width=2)), f"ev{i}")
        comp.add(Text(ax - 20, y, str(v), size=17, anchor="end", bold=True, style=INK), f"ev{i}")
        comp.add(Text(ax + 20, y, s, size=size, anchor="start", style=INK), f"ev{i}")
    return comp


@stdfn("list[str], list[int], list[int], int -> Component")
def gantt_chart(tasks: list[str], starts: list[int], ends: list[int], horizon: int) -> Component:
    """A Gantt chart: one row per task on a grid of day columns numbered 1..horizon, with a bar
    over the columns starts[i]+1 .. ends[i]; task i (bar and name) has subkey "t<i>"."""
    n = len(tasks)
    if not (len(starts) == len(ends) == n) or n == 0:
        raise ValueError("gantt_chart: one start and end per task")
    if any(not 0 <= s < e <= horizon for s, e in zip(starts, ends, strict=True)):
        raise ValueError("gantt_chart: need 0 <= start < end <= horizon")
    lsize = fit_or_reject(tasks, 16.0, 120.0)
    left = PAD + max(text_width(t, lsize) for t in tasks) + 12
    right = CANVAS - PAD
    top = 70.0
    row_h = min(44.0, (CANVAS - PAD - top) / n)
    day_w = (right - left) / horizon
    if day_w < 14:
        raise SampleRejected("gantt_chart: too many days")
    comp = Component()
    comp.add(Text((left + right) / 2, 24, "Day", size=16, bold=True, style=INK))
    grid = Style(stroke="#bbbbbb", stroke_width=1)
    dsize = fit_or_reject([str(horizon)], 14.0, day_w - 2)
    for d in range(horizon + 1):
        x = left + d * day_w
        comp.add(Line(x, top - 6, x, top + n * row_h, style=grid))
        if d < horizon:
            comp.add(Text(x + day_w / 2, top - 16, str(d + 1), size=dsize, style=INK))
    for i in range(n):
        y = top + i * row_h
        comp.add(
            Text(left - 8, y + row_h / 2, tasks[i], size=lsize, anchor="end", style=INK), f"t{i}"
        )
        bx = left + starts[i] * day_w
        comp.add(
            Rect(
                bx,
                y + row_h * 0.2,
                (ends[i] - starts[i]) * day_w,
                row_h * 0.6,
                rx=3,
                style=Style(fill="#5b8bd0", stroke="black", stroke_width=1.5),
            ),
            f"t{i}",
        )
    return comp


def _gear_outline(cx: float, cy: float, r: float, teeth: int, phase: float) -> list[P]:
    """Outline of a spur gear with pitch radius r: `teeth` trapezoid teeth."""
    depth = min(7.0, r * 0.25)
    out: list[P] = []
    for k in range(teeth):
        base = 2 * math.pi * k / teeth + phase
        step = 2 * math.pi / teeth
        for frac, rad in ((0.0, r - depth / 2), (0.2, r + depth / 2), (0.5, r + depth / 2)):
            a = base + frac * step
            out.append((round(cx + rad * math.cos(a), 2), round(cy + rad * math.sin(a), 2)))
        a = base + 0.7 * step
        out.append(
            (
                round(cx + (r - depth / 2) * math.cos(a), 2),
                round(cy + (r - depth / 2) * math.sin(a), 2),
            )
        )
    return out


def _gear_layout(
    rng: random.Random, parents: Sequence[int], radii: Sequence[float]
) -> list[P] | None:
    """Centres where every gear touches its parent's pitch circle and clears all others."""
    n = len(parents)
    pos: list[P] = [(0.0, 0.0)] * n
    lo = [radii[i] + 10 + PAD for i in range(n)]
    pos[0] = (
        rng.uniform(lo[0], CANVAS - lo[0]) if n == 1 else rng.uniform(lo[0], CANVAS / 2),
        rng.uniform(lo[0], CANVAS - lo[0]),
    )
    for i in range(1, n):
        p = parents[i]
        dist = radii[i] + radii[p]
        for _ in range(60):
            a = (
                rng.uniform(-math.pi * 0.6, math.pi * 0.6)
                if rng.random() < 0.7
                else rng.uniform(0, 2 * math.pi)
            )
            c = (pos[p][0] + dist * math.cos(a), pos[p][1] + dist * math.sin(a))
            if not (lo[i] <= c[0] <= CANVAS - lo[i] and lo[i] <= c[1] <= CANVAS - lo[i]):
                continue
            if all(math.dist(c, pos[j]) >= radii[i] + radii[j] + 22 for j in range(i) if j != p):
                pos[i] = (round(c[0], 2), round(c[1], 2))
                break
        else:
            return None
    return pos


@stdfn("list[int], list[int], list[str], bool -> Component", random=True)
def gear_train(
    rng: random.Random, parents: list[int], teeth: list[int], labels: list[str], clockwise: bool
) -> Component:
    """Meshing spur gears: gear i (with `teeth[i]` teeth, size in proportion) touches gear
    parents[i] and no other; gear 0 is the driver, marked by a curved arrow turning clockwise
    or anticlockwise. Gear i has subkey "g<i>" (with its centred label); the arrow is "drive".
    """
    _check_parents(parents)
    n = len(parents)
    if len(teeth) != n or len(labels) != n:
        raise ValueError("gear_train: need one teeth count and label per gear")
    if any(t < 6 for t in teeth):
        raise ValueError("gear_train: a gear needs at least 6 teeth")
    scale = min(3.2, 150.0 / max(teeth)) * (1.0 if n <= 4 else 0.85 if n <= 6 else 0.7)
    radii = [t * scale for t in teeth]
    if min(radii) < 15:
        raise SampleRejected("gear_train: gears too small to draw")
    for _ in range(60):
        pos = _gear_layout(rng, parents, radii)
        if pos is not None:
            break
    else:
        raise SampleRejected("gear_train: no layout keeps non-meshing gears apart")
    # Centre the train and enlarge it to fill the canvas (meshing is kept under scaling).
    reach = [radii[i] + 8 for i in range(n)]
    x0 = min(p[0] - reach[i] for i, p in enumerate(pos))
    x1 = max(p[0] + reach[i] for i, p in enumerate(pos))
    y0 = min(p[1] - reach[i] for i, p in enumerate(pos))
    y1 = max(p[1] + reach[i] for i, p in enumerate(pos))
    k = min((CANVAS - 2 * PAD) / (x1 - x0), (CANVAS - 2 * PAD) / (y1 - y0), 2.2)
    ox, oy = CANVAS / 2 - k * (x0 + x1) / 2, CANVAS / 2 - k * (y0 + y1) / 2
    pos = [(round(ox + k * p[0], 2), round(oy + k * p[1], 2)) for p in pos]
    radii = [r * k for r in radii]
    shades = ["#d9d9d9", "#bcd3ee", "#f3d9a4", "#cfe8c4", "#f0c4c4", "#ddd0ee"]
    comp = Component()
    for i, (x, y) in enumerate(pos):
        phase = rng.uniform(0, 2 * math.pi)
        style = Style(fill=shades[i % len(shades)], stroke="black", stroke_width=1.5)
        comp.add(
            Polygon(tuple(_gear_outline(x, y, radii[i], teeth[i], phase)), style=style), f"g{i}"
        )
        hub = max(12.0, radii[i] * 0.42)
        comp.add(
            Circle(x, y, hub, style=Style(fill="white", stroke="black", stroke_width=1.5)), f"g{i}"
        )
        size = fit_or_reject([labels[i]], min(18.0, hub * 1.1), hub * 1.7, bold=True)
        comp.add(Text(x, y, labels[i], size=size, bold=True, style=INK), f"g{i}")
    # Driver arrow: an arc just inside the hub ring, head showing the turning sense.
    x, y = pos[0]
    ra = radii[0] * 0.72
    start, end = (300.0, 60.0) if clockwise else (60.0, 300.0)
    arc_style = Style(stroke="red", stroke_width=3)
    if clockwise:
        comp.add(Arc(x, y, ra, start, end + 360 if end < start else end, style=arc_style), "drive")
        head_deg = end
        tangent = 90.0
    else:
        comp.add(Arc(x, y, ra, 300.0, 420.0, style=arc_style), "drive")
        head_deg = 300.0
        tangent = -90.0
    hx = x + ra * math.sin(math.radians(head_deg))
    hy = y - ra * math.cos(math.radians(head_deg))
    t = math.radians(head_deg + tangent)
    tx, ty = math.sin(t), -math.cos(t)
    nx, ny = -ty, tx
    tip = (hx + 7 * tx, hy + 7 * ty)
    head = (
        (hx - 5 * tx + 6 * nx, hy - 5 * ty + 6 * ny),
        tip,
        (hx - 5 * tx - 6 * nx, hy - 5 * ty - 6 * ny),
    )
    comp.add(
        Polygon(
            tuple((round(a, 2), round(b, 2)) for a, b in head), style=Style(fill="red", stroke=None)
        ),
        "drive",
    )
    return comp


@stdfn("list[str], list[str], list[Edge] -> Component")
def bipartite_diagram(left: list[str], right: list[str], links: list[dict[str, int]]) -> Component:
    """Two columns of labelled boxes (left and right) joined by lines for the edges (a: left
    index, b: right index); left box i has subkey "l<i>", right box j "r<j>", edge k "e<k>"."""
    nl, nr = len(left), len(right)
    size = fit_or_reject(left + right, 17.0, 130.0)
    wl = max(text_width(s, size) for s in left) + 20
    wr = max(text_width(s, size) for s in right) + 20
    xl, xr = PAD + wl / 2 + 10, CANVAS - PAD - wr / 2 - 10

    def ys(m: int) -> list[float]:
        step = (CANVAS - 2 * PAD) / m
        return [PAD + (i + 0.5) * step for i in range(m)]

    yl, yr = ys(nl), ys(nr)
    bh = min(34.0, (CANVAS - 2 * PAD) / max(nl, nr) * 0.7)
    comp = Component()
    for k, e in enumerate(links):
        comp.add(
            Line(
                xl + wl / 2,
                yl[e["a"]],
                xr - wr / 2,
                yr[e["b"]],
                style=Style(stroke="#333333", stroke_width=2),
            ),
            f"e{k}",
        )
    for i, s in enumerate(left):
        comp.add(
            Rect(xl - wl / 2, yl[i] - bh / 2, wl, bh, rx=5, style=Style(fill="#dbe8f7")), f"l{i}"
        )
        comp.add(Text(xl, yl[i], s, size=size, style=INK), f"l{i}")
    for j, s in enumerate(right):
        comp.add(
            Rect(xr - wr / 2, yr[j] - bh / 2, wr, bh, rx=5, style=Style(fill="#f7e3cf")), f"r{j}"
        )
        comp.add(Text(xr, yr[j], s, size=size, style=INK), f"r{j}")
    return comp
