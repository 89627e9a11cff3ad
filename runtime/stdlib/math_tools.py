"""Building blocks for arithmetic and measurement scenes: answer-first number splits, polar
points, pie sectors and angle arcs, a positionable clock, measuring scales (rulers, number
lines, thermometers) and polyominoes on a grid.
"""

from __future__ import annotations

import math
import random

from tron.scene import Arc, Circle, Line, Style, Text, Wedge
from tron.stdlib.component import Component, SampleRejected
from tron.stdlib.registry import stdfn

INK = Style(fill="black", stroke=None)
MAX_PARTS = 200
MAX_TOTAL = 100_000


def _point(x: float, y: float) -> dict[str, float]:
    return {"x": round(float(x), 3), "y": round(float(y), 3)}


@stdfn("int, int, int -> list[int]", random=True)
def random_composition(rng: random.Random, total: int, k: int, lo: int = 1) -> list[int]:
    """`k` integers, each at least `lo`, that add up to `total`, drawn uniformly among all such
    ordered lists (stars and bars); an error when k * lo > total."""
    if not 1 <= k <= MAX_PARTS:
        raise ValueError(f"random_composition: k must be in 1..{MAX_PARTS}, got {k}")
    spare = total - k * lo
    if spare < 0:
        raise ValueError(f"random_composition: {k} parts of at least {lo} exceed {total}")
    cuts = sorted(rng.sample(range(spare + k - 1), k - 1))
    out, prev = [], -1
    for c in [*cuts, spare + k - 1]:
        out.append(c - prev - 1 + lo)
        prev = c
    return out


@stdfn("int, int, list[int] -> list[int]", random=True)
def random_sum_of(rng: random.Random, total: int, k: int, parts: list[int]) -> list[int]:
    """`k` values taken (with repeats) from `parts` that add up to `total`, uniform over all
    such ordered lists; rejects the draw when no such list exists."""
    if not 1 <= k <= MAX_PARTS or not 0 <= total <= MAX_TOTAL:
        raise ValueError(f"random_sum_of: need 1 <= k <= {MAX_PARTS}, 0 <= total <= {MAX_TOTAL}")
    vals = sorted(set(parts))
    if not vals or vals[0] <= 0:
        raise ValueError("random_sum_of: parts must be positive integers")
    ways = count_sums(vals, k, total)
    if ways[k][total] == 0:
        raise SampleRejected(f"{total} is not a sum of {k} values from {vals}")
    return draw_sum(rng, ways, vals, k, total)


def count_sums(vals: list[int], k_hi: int, top: int) -> list[list[int]]:
    """ways[j][t]: number of ordered lists of j values from `vals` adding up to t."""
    ways = [[0] * (top + 1) for _ in range(k_hi + 1)]
    ways[0][0] = 1
    for j in range(1, k_hi + 1):
        row, prev = ways[j], ways[j - 1]
        for t in range(top + 1):
            row[t] = sum(prev[t - v] for v in vals if v <= t)
    return ways


def draw_sum(
    rng: random.Random, ways: list[list[int]], vals: list[int], k: int, total: int
) -> list[int]:
    """A uniform ordered list of k values from `vals` adding up to `total` (ways from
    count_sums; the caller checked that one exists)."""
    out, left = [], total
    for j in range(k, 0, -1):
        weights = [ways[j - 1][left - v] if v <= left else 0 for v in vals]
        pick = rng.randrange(sum(weights))
        for v, w in zip(vals, weights, strict=True):
            if pick < w:
                out.append(v)
                left -= v
                break
            pick -= w
    return out


@stdfn("real, real, real, real -> Point")
def polar_point(cx: float, cy: float, r: float, deg: float) -> dict[str, float]:
    """The canvas point at distance `r` from (cx, cy) in direction `deg` degrees, measured
    counter-clockwise from east as in a maths diagram (the canvas y axis points down)."""
    a = math.radians(float(deg))
    return _point(float(cx) + float(r) * math.cos(a), float(cy) - float(r) * math.sin(a))


def _clockwise_from_north(deg: float) -> float:
    """Maths angle (counter-clockwise from east) -> scene angle (clockwise from 12 o'clock)."""
    return (90.0 - deg) % 360.0


@stdfn("real, real, real, real, real, str, str -> Component")
def sector(
    cx: float,
    cy: float,
    r: float,
    start_deg: float,
    end_deg: float,
    fill: str,
    stroke: str = "black",
) -> Component:
    """A pie sector of the circle at (cx, cy) with radius `r` from `start_deg` to `end_deg`,
    both measured clockwise from 12 o'clock (a sweep of 360 or more is the whole disc)."""
    if r <= 0 or end_deg <= start_deg:
        raise ValueError("sector: need r > 0 and end_deg > start_deg")
    comp = Component()
    style = Style(
        fill=None if fill == "none" else fill, stroke=None if stroke == "none" else stroke
    )
    comp.add(Wedge(float(cx), float(cy), float(r), float(start_deg), float(end_deg), style=style))
    return comp


@stdfn("real, real, real, real, real, str, real -> Component")
def angle_arc(
    cx: float,
    cy: float,
    r: float,
    from_deg: float,
    to_deg: float,
    colour: str = "black",
    width: float = 2,
) -> Component:
    """An open arc marking the angle at vertex (cx, cy) that turns counter-clockwise from
    direction `from_deg` to `to_deg` (maths degrees, counter-clockwise from east)."""
    sweep = (float(to_deg) - float(from_deg)) % 360.0
    if r <= 0 or sweep == 0:
        raise ValueError("angle_arc: need r > 0 and two different directions")
    start = _clockwise_from_north(float(to_deg))
    comp = Component()
    comp.add(
        Arc(
            float(cx),
            float(cy),
            float(r),
            round(start, 3),
            round(start + sweep, 3),
            style=Style(stroke=colour, stroke_width=float(width)),
        )
    )
    return comp


def _polar_cw(cx: float, cy: float, r: float, deg: float) -> tuple[float, float]:
    a = math.radians(deg)
    return (round(cx + r * math.sin(a), 2), round(cy - r * math.cos(a), 2))


@stdfn("int, int, real, real, real -> Component")
def dial_clock(hour: int, minute: int, cx: float, cy: float, r: float) -> Component:
    """An analogue clock of radius `r` centred at (cx, cy) showing hour:minute (hour 0..23 on a
    12-hour dial) with numerals and minute ticks; hands have subkeys "hour" and "minute"."""
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise ValueError(f"dial_clock: bad time {hour}:{minute:02d}")
    if r < 60:
        raise ValueError(f"dial_clock: radius {r} is too small to read")
    cx, cy, r = float(cx), float(cy), float(r)
    comp = Component()
    rim = max(2.0, r / 40)
    comp.add(Circle(cx, cy, r, style=Style(fill="white", stroke="black", stroke_width=rim)), "face")
    for k in range(60):
        major = k % 5 == 0
        x1, y1 = _polar_cw(cx, cy, r * (0.9 if major else 0.95), 6 * k)
        x2, y2 = _polar_cw(cx, cy, r * 0.99, 6 * k)
        width = max(1.0, r / (60 if major else 150))
        comp.add(Line(x1, y1, x2, y2, style=Style(stroke="black", stroke_width=width)), "face")
    size = max(11.0, r * 0.15)
    for k in range(1, 13):
        x, y = _polar_cw(cx, cy, r * 0.76, 30 * k)
        comp.add(Text(x, y, str(k), size=size, style=INK), "face")
    hx, hy = _polar_cw(cx, cy, r * 0.48, 30 * (hour % 12) + minute / 2)
    mx, my = _polar_cw(cx, cy, r * 0.84, 6 * minute)
    comp.add(Line(cx, cy, hx, hy, style=Style(stroke="black", stroke_width=r * 0.055)), "hour")
    comp.add(Line(cx, cy, mx, my, style=Style(stroke="#1f4fbf", stroke_width=r * 0.025)), "minute")
    comp.add(Circle(cx, cy, r * 0.04, style=Style(fill="black", stroke=None)))
    return comp


@stdfn("real, real, real, bool, int, int, int, int, real -> Component")
def measure_scale(
    x0: float,
    y0: float,
    length: float,
    vertical: bool,
    lo: int,
    hi: int,
    parts: int,
    label_step: int,
    size: float = 14,
) -> Component:
    """A measuring scale from value `lo` at (x0, y0) to `hi` one `length` px further right (or
    up, if `vertical`): every unit split into `parts` minor ticks, whole numbers that are
    multiples of `label_step` numbered (below a horizontal scale, left of a vertical one)."""
    if hi <= lo or parts < 1 or label_step < 1 or length <= 0:
        raise ValueError("measure_scale: need hi > lo, parts >= 1, label_step >= 1, length > 0")
    n = (hi - lo) * parts
    if n > 400:
        raise ValueError(f"measure_scale: {n} ticks are too many")
    x0, y0, length = float(x0), float(y0), float(length)
    step = length / n
    if step < 3:
        raise SampleRejected("measure_scale: ticks closer than 3 px")
    comp = Component()
    pen = Style(stroke="black", stroke_width=2)
    if vertical:
        comp.add(Line(x0, y0, x0, y0 - length, style=pen))
    else:
        comp.add(Line(x0, y0, x0 + length, y0, style=pen))
    for i in range(n + 1):
        whole = i % parts == 0
        value = lo + i // parts
        labelled = whole and value % label_step == 0
        half = 11.0 if labelled else (8.0 if whole else 5.0)
        thin = Style(stroke="black", stroke_width=2 if whole else 1.2)
        if vertical:
            y = y0 - i * step
            comp.add(Line(x0 - half, y, x0 + half, y, style=thin))
            if labelled:
                comp.add(Text(x0 - 16, y, str(value), size=size, anchor="end", style=INK))
        else:
            x = x0 + i * step
            comp.add(Line(x, y0 - half, x, y0 + half, style=thin))
            if labelled:
                comp.add(Text(x, y0 + 14 + size * 0.6, str(value), size=size, style=INK))
    return comp


@stdfn("int, int, int, int -> list[int]", random=True)
def grown_region(rng: random.Random, n: int, rows: int, cols: int, perimeter: int = 0) -> list[int]:
    """Row-major indices (ascending) of `n` edge-connected cells of a rows x cols grid, grown
    from a random cell by adding random neighbouring cells; with `perimeter` > 0, regrown
    (a bounded number of times) until the region's perimeter in cell sides is exactly that."""
    if not 1 <= n <= rows * cols or rows * cols > 10_000:
        raise ValueError(f"grown_region: cannot place {n} cells in {rows}x{cols}")
    for _ in range(1 if perimeter <= 0 else 500):
        cells = _grow(rng, n, rows, cols)
        if perimeter <= 0 or cells_perimeter(rows, cols, cells) == perimeter:
            return cells
    raise SampleRejected(f"grown_region: no {n}-cell region with perimeter {perimeter} found")


def _grow(rng: random.Random, n: int, rows: int, cols: int) -> list[int]:
    start = rng.randrange(rows * cols)
    cells = {start}
    frontier: list[int] = []

    def grow(i: int) -> None:
        r, c = divmod(i, cols)
        for dr, dc in ((-1, 0), (1, 0), (0, -1), (0, 1)):
            rr, cc = r + dr, c + dc
            if 0 <= rr < rows and 0 <= cc < cols:
                frontier.append(rr * cols + cc)

    grow(start)
    while len(cells) < n:
        options = sorted({f for f in frontier if f not in cells})
        if not options:
            raise SampleRejected("grown_region: no room to grow")
        pick = rng.choice(options)
        cells.add(pick)
        grow(pick)
    return sorted(cells)


@stdfn("int, int, list[int] -> int")
def cells_perimeter(rows: int, cols: int, cells: list[int]) -> int:
    """Perimeter, in cell sides, of the region made of the given row-major cells (each cell
    side that borders a cell outside the region or the grid edge counts once)."""
    inside = set(cells)
    if any(not 0 <= i < rows * cols for i in inside):
        raise ValueError("cells_perimeter: cell index outside the grid")
    total = 0
    for i in inside:
        r, c = divmod(i, cols)
        for dr, dc in ((-1, 0), (1, 0), (0, -1), (0, 1)):
            rr, cc = r + dr, c + dc
            if not (0 <= rr < rows and 0 <= cc < cols) or rr * cols + cc not in inside:
                total += 1
    return total


@stdfn("real -> real")
def sin_deg(deg: float) -> float:
    """Sine of an angle given in degrees (exact 0, 1 and -1 at multiples of 90)."""
    d = float(deg) % 360.0
    exact = {0.0: 0.0, 90.0: 1.0, 180.0: 0.0, 270.0: -1.0}
    return exact.get(d, math.sin(math.radians(d)))


@stdfn("real -> real")
def cos_deg(deg: float) -> float:
    """Cosine of an angle given in degrees (exact 0, 1 and -1 at multiples of 90)."""
    return sin_deg(float(deg) + 90.0)
