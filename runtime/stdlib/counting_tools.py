"""Counting helpers: plane geometry over point lists (segment crossings, point-in-polygon,
gaps), permutations with a given number of inversions, and countable components (isometric
cube stacks, dice faces, tally marks).

Points are Point records ({x, y}); a polygon is its list of vertices in order.
"""

from __future__ import annotations

import math
import random

from tron.colours import to_rgb
from tron.scene import Circle, Line, Polygon, Rect, Style
from tron.stdlib.component import CANVAS, Component, SampleRejected
from tron.stdlib.registry import stdfn

PointRec = dict[str, float]

_EPS = 1e-9
_FAR = 1.0e6  # "no gap": returned by gap functions when fewer than two items exist

# ---------------------------------------------------------------- geometry over point lists


def _xy(p: PointRec) -> tuple[float, float]:
    return float(p["x"]), float(p["y"])


def _cross(ax: float, ay: float, bx: float, by: float) -> float:
    return ax * by - ay * bx


def _crossing(
    p: tuple[float, float], p2: tuple[float, float], q: tuple[float, float], q2: tuple[float, float]
) -> tuple[float, float] | None:
    """The point where segments p-p2 and q-q2 cross strictly inside both, else None."""
    rx, ry = p2[0] - p[0], p2[1] - p[1]
    sx, sy = q2[0] - q[0], q2[1] - q[1]
    den = _cross(rx, ry, sx, sy)
    if abs(den) < _EPS:
        return None
    qpx, qpy = q[0] - p[0], q[1] - p[1]
    t = _cross(qpx, qpy, sx, sy) / den
    u = _cross(qpx, qpy, rx, ry) / den
    if _EPS < t < 1 - _EPS and _EPS < u < 1 - _EPS:
        return p[0] + t * rx, p[1] + t * ry
    return None


@stdfn("list[Point], list[Point] -> list[Point]")
def segment_crossings(starts: list[PointRec], ends: list[PointRec]) -> list[PointRec]:
    """Points where two of the segments starts[i]-ends[i] cross (strictly inside both), one per
    crossing pair, in pair order (0,1), (0,2), ..., (1,2), ...; touching ends do not count."""
    if len(starts) != len(ends):
        raise ValueError(f"segment_crossings: {len(starts)} starts but {len(ends)} ends")
    segs = [(_xy(a), _xy(b)) for a, b in zip(starts, ends, strict=True)]
    out = []
    for i in range(len(segs)):
        for j in range(i + 1, len(segs)):
            hit = _crossing(segs[i][0], segs[i][1], segs[j][0], segs[j][1])
            if hit is not None:
                out.append({"x": hit[0], "y": hit[1]})
    return out


@stdfn("list[Point] -> real")
def min_point_gap(pts: list[PointRec]) -> float:
    """Smallest distance between two of the points (1000000 when there are fewer than two)."""
    best = _FAR
    xy = [_xy(p) for p in pts]
    for i in range(len(xy)):
        for j in range(i + 1, len(xy)):
            best = min(best, math.hypot(xy[i][0] - xy[j][0], xy[i][1] - xy[j][1]))
    return best


def _seg_dist(p: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    n2 = dx * dx + dy * dy
    t = 0.0 if n2 == 0 else max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / n2))
    return math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)


@stdfn("Point, list[Point], list[Point] -> real")
def segments_distance(p: PointRec, starts: list[PointRec], ends: list[PointRec]) -> float:
    """Distance from p to the nearest of the segments starts[i]-ends[i] (1000000 if none)."""
    if len(starts) != len(ends):
        raise ValueError(f"segments_distance: {len(starts)} starts but {len(ends)} ends")
    q = _xy(p)
    return min(
        (_seg_dist(q, _xy(a), _xy(b)) for a, b in zip(starts, ends, strict=True)), default=_FAR
    )


@stdfn("Point, list[Point] -> bool")
def inside_polygon(p: PointRec, poly: list[PointRec]) -> bool:
    """True when p lies inside the closed polygon with these vertices (even-odd rule)."""
    if len(poly) < 3:
        raise ValueError(f"inside_polygon: a polygon needs 3+ vertices, got {len(poly)}")
    x, y = _xy(p)
    inside = False
    vs = [_xy(v) for v in poly]
    for i, (ax, ay) in enumerate(vs):
        bx, by = vs[i - 1]
        if (ay > y) != (by > y) and x < ax + (y - ay) * (bx - ax) / (by - ay):
            inside = not inside
    return inside


@stdfn("Point, list[Point] -> real")
def polygon_edge_distance(p: PointRec, poly: list[PointRec]) -> float:
    """Distance from p to the nearest point of the polygon's outline."""
    if len(poly) < 2:
        raise ValueError("polygon_edge_distance: need at least 2 vertices")
    q = _xy(p)
    vs = [_xy(v) for v in poly]
    return min(_seg_dist(q, vs[i - 1], vs[i]) for i in range(len(vs)))


@stdfn("list[Point] -> real")
def min_turn_degrees(poly: list[PointRec]) -> float:
    """Smallest change of direction (degrees, 0..180) at any vertex of the closed polygon; a
    small value means some vertex is nearly straight (hard to see as a corner)."""
    vs = [_xy(v) for v in poly]
    if len(vs) < 3:
        raise ValueError("min_turn_degrees: a polygon needs 3+ vertices")
    best = 180.0
    for i in range(len(vs)):
        a, b, c = vs[i - 1], vs[i], vs[(i + 1) % len(vs)]
        h1 = math.atan2(b[1] - a[1], b[0] - a[0])
        h2 = math.atan2(c[1] - b[1], c[0] - b[0])
        turn = abs(math.degrees((h2 - h1 + math.pi) % (2 * math.pi) - math.pi))
        best = min(best, turn)
    return best


# ---------------------------------------------------------------- permutations


@stdfn("int, int -> list[int]", random=True)
def perm_with_inversions(rng: random.Random, n: int, k: int) -> list[int]:
    """A random ordering of 0..n-1 with exactly `k` inversions (pairs out of order);
    0 <= k <= n*(n-1)/2."""
    if n < 0 or not 0 <= k <= n * (n - 1) // 2:
        raise ValueError(f"perm_with_inversions: no ordering of {n} items has {k} inversions")
    # Lehmer code: digit i (0 <= d_i <= i) counts the earlier items larger than item i.
    digits = [0] * n
    left = k
    for i in range(n - 1, 0, -1):
        room_after = i * (i - 1) // 2  # most the digits 0..i-1 can still hold
        lo, hi = max(0, left - room_after), min(i, left)
        digits[i] = rng.randint(lo, hi)
        left -= digits[i]
    order: list[int] = []
    for i in range(n):
        # insert value i so that digits[i] earlier-placed (smaller) ... built from the right
        order.insert(len(order) - digits[i], i)
    return order


@stdfn("list[int] -> int")
def inversions(xs: list[int]) -> int:
    """Number of pairs i < j with xs[i] > xs[j]."""
    return sum(1 for i in range(len(xs)) for j in range(i + 1, len(xs)) if xs[i] > xs[j])


# ---------------------------------------------------------------- cube stacks


@stdfn("int, int, int, int -> list[int]", random=True)
def random_stack_heights(
    rng: random.Random, rows: int, cols: int, total: int, max_h: int
) -> list[int]:
    """Row-major column heights on a rows x cols floor with exactly `total` cubes, at most
    `max_h` high, never taller in front: h(r, c) >= h(r+1, c) and h(r, c) >= h(r, c+1), so
    `iso_cubes` shows every column's top."""
    if rows <= 0 or cols <= 0 or rows * cols > 400:
        raise ValueError(f"random_stack_heights: bad floor {rows}x{cols}")
    if not 0 <= total <= rows * cols * max_h:
        raise SampleRejected(f"random_stack_heights: {total} cubes do not fit")
    h = [0] * (rows * cols)
    for _ in range(total):
        ok = [
            i
            for i in range(rows * cols)
            if h[i] < max_h
            and (i // cols == 0 or h[i - cols] > h[i])
            and (i % cols == 0 or h[i - 1] > h[i])
        ]
        h[rng.choice(ok)] += 1
    return h


_SHADES = {"top": 0.0, "left": 0.25, "right": 0.45}


def _shade(colour: str, amount: float) -> str:
    """`colour` darkened by `amount` (0 = unchanged, 1 = black), as "#rrggbb"."""
    r, g, b = to_rgb(colour)
    k = 1 - amount
    return f"#{int(r * k):02x}{int(g * k):02x}{int(b * k):02x}"


@stdfn("list[int], int, int, str -> Component")
def iso_cubes(heights: list[int], rows: int, cols: int, colour: str = "#7fb3e6") -> Component:
    """Unit cubes stacked on a rows x cols floor (row-major heights) in isometric view, row 0
    at the back-left, centred and sized to fill the canvas; each non-empty column's top face
    has subkey "t<r>_<c>"."""
    if len(heights) != rows * cols or any(h < 0 for h in heights):
        raise ValueError(f"iso_cubes: need {rows * cols} non-negative heights")
    top = max(heights, default=0)
    cx, sy = math.cos(math.radians(30)), 0.5
    # Extents in units of the cube edge, before scaling.
    w_units = (rows + cols) * cx
    h_units = (rows + cols) * sy + top
    room = CANVAS - 60
    s = min(room / max(w_units, 1e-9), room / max(h_units, 1e-9), 90.0)
    ox = CANVAS / 2 - (cols - rows) * cx * s / 2
    oy = CANVAS / 2 - ((rows + cols) * sy * s - top * s) / 2

    def proj(x: float, y: float, z: float) -> tuple[float, float]:
        return (round(ox + (x - y) * cx * s, 2), round(oy + (x + y) * sy * s - z * s, 2))

    fills = {k: _shade(colour, v) for k, v in _SHADES.items()}
    cubes = sorted(
        (r + c + z, r, c, z)
        for r in range(rows)
        for c in range(cols)
        for z in range(heights[r * cols + c])
    )
    comp = Component()
    width = max(1.0, min(2.0, s / 20))
    for _, r, c, z in cubes:
        x, y = float(c), float(r)
        faces = {
            "top": [
                proj(x, y, z + 1),
                proj(x + 1, y, z + 1),
                proj(x + 1, y + 1, z + 1),
                proj(x, y + 1, z + 1),
            ],
            "left": [
                proj(x, y + 1, z),
                proj(x + 1, y + 1, z),
                proj(x + 1, y + 1, z + 1),
                proj(x, y + 1, z + 1),
            ],
            "right": [
                proj(x + 1, y, z),
                proj(x + 1, y + 1, z),
                proj(x + 1, y + 1, z + 1),
                proj(x + 1, y, z + 1),
            ],
        }
        for name, pts in faces.items():
            sub = f"t{r}_{c}" if name == "top" and z == heights[r * cols + c] - 1 else None
            style = Style(fill=fills[name], stroke="black", stroke_width=width)
            comp.add(Polygon(tuple(pts), style=style), sub)
    return comp


# ---------------------------------------------------------------- dice and tallies

_PIPS = {
    1: [(0, 0)],
    2: [(-1, -1), (1, 1)],
    3: [(-1, -1), (0, 0), (1, 1)],
    4: [(-1, -1), (1, -1), (-1, 1), (1, 1)],
    5: [(-1, -1), (1, -1), (0, 0), (-1, 1), (1, 1)],
    6: [(-1, -1), (1, -1), (-1, 0), (1, 0), (-1, 1), (1, 1)],
}


@stdfn("int, real, real, real, str -> Component")
def die_face(value: int, x: float, y: float, size: float, fill: str = "white") -> Component:
    """A die of side `size` centred at (x, y) showing `value` (1..6) as black pips; pip i has
    subkey "p<i>"."""
    if value not in _PIPS:
        raise ValueError(f"die_face: value {value} is not 1..6")
    comp = Component()
    half = size / 2
    comp.add(
        Rect(
            x - half,
            y - half,
            size,
            size,
            rx=size * 0.15,
            style=Style(fill=fill, stroke="black", stroke_width=2),
        )
    )
    step, r = size * 0.27, size * 0.09
    pip = Style(fill="black", stroke=None)
    for i, (dx, dy) in enumerate(_PIPS[value]):
        comp.add(Circle(x + dx * step, y + dy * step, r, style=pip), f"p{i}")
    return comp


def _tally_layout(n: int, height: float) -> tuple[float, float, float]:
    """(stroke gap, gap between groups, span from the first to the last upright stroke)."""
    gap, group_gap = height * 0.2, height * 0.45
    groups, rest = divmod(n, 5)
    span = (
        groups * (3 * gap + group_gap) + (rest - 1) * gap
        if rest
        else groups * (3 * gap + group_gap) - group_gap
    )
    return gap, group_gap, max(0.0, span)


@stdfn("int, real -> real")
def tally_width(n: int, height: float) -> float:
    """Width in px of `tally(n, x, y, height)`, to lay several tallies out."""
    if n < 0:
        raise ValueError("tally_width: negative count")
    gap, _, span = _tally_layout(n, height)
    return span + 0.6 * gap + height * 0.06


@stdfn("int, real, real, real, str -> Component")
def tally(n: int, x: float, y: float, height: float, colour: str = "black") -> Component:
    """Tally marks for `n`, centred at (x, y): groups of four upright strokes crossed by a fifth
    diagonal one, then the leftover upright strokes; stroke i has subkey "s<i>"."""
    if n < 0:
        raise ValueError("tally: negative count")
    gap, group_gap, span = _tally_layout(n, height)
    left = x - span / 2
    top, bottom = y - height / 2, y + height / 2
    style = Style(stroke=colour, stroke_width=max(2.0, height * 0.06))
    comp = Component()
    cur = left
    k = 0
    groups, rest = divmod(n, 5)
    for _ in range(groups):
        for j in range(4):
            comp.add(Line(cur + j * gap, top, cur + j * gap, bottom, style=style), f"s{k}")
            k += 1
        ext = gap * 0.3
        comp.add(
            Line(
                cur - ext,
                bottom - height * 0.15,
                cur + 3 * gap + ext,
                top + height * 0.15,
                style=style,
            ),
            f"s{k}",
        )
        k += 1
        cur += 3 * gap + group_gap
    for j in range(rest):
        comp.add(Line(cur + j * gap, top, cur + j * gap, bottom, style=style), f"s{k}")
        k += 1
    return comp
