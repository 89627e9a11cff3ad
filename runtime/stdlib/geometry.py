"""Geometry: points, polar points, pie sectors and angle arcs, segment crossings, distances
to segments and polygon outlines, point-in-polygon, corner sharpness, and polygons with
their side lengths written beside the edges.

Points are Point records ({x, y}); a polygon is its list of vertices in order.
"""

from __future__ import annotations

import math

from tron.render.scene import Arc, Polygon, Style, Text, Wedge
from tron.render.textpath import text_width
from tron.stdlib._geom import cross, seg_dist
from tron.stdlib._style import INK, paint
from tron.stdlib.component import Component
from tron.stdlib.registry import stdfn

DOMAIN = "Geometry"

PointRec = dict[str, float]
_EPS = 1e-9
_FAR = 1.0e6  # "no gap": returned by gap functions when fewer than two items exist
MAX_ITEMS = 400  # dots, points or polygon corners a figure may have


@stdfn("real, real -> Point")
def point(x: float, y: float) -> dict[str, float]:
    """A Point record with fields x and y."""
    return {"x": x, "y": y}


@stdfn("Point, Point -> real")
def distance(p: dict[str, float], q: dict[str, float]) -> float:
    """Euclidean distance between two points."""
    return math.hypot(p["x"] - q["x"], p["y"] - q["y"])


def _point(x: float, y: float) -> dict[str, float]:
    return {"x": round(float(x), 3), "y": round(float(y), 3)}


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
    style = Style(fill=paint(fill), stroke=paint(stroke))
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


def _xy(p: PointRec) -> tuple[float, float]:
    return float(p["x"]), float(p["y"])


def _crossing(
    p: tuple[float, float], p2: tuple[float, float], q: tuple[float, float], q2: tuple[float, float]
) -> tuple[float, float] | None:
    """The point where segments p-p2 and q-q2 cross strictly inside both, else None."""
    rx, ry = p2[0] - p[0], p2[1] - p[1]
    sx, sy = q2[0] - q[0], q2[1] - q[1]
    den = cross(rx, ry, sx, sy)
    if abs(den) < _EPS:
        return None
    qpx, qpy = q[0] - p[0], q[1] - p[1]
    t = cross(qpx, qpy, sx, sy) / den
    u = cross(qpx, qpy, rx, ry) / den
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


@stdfn("Point, list[Point], list[Point] -> real")
def segments_distance(p: PointRec, starts: list[PointRec], ends: list[PointRec]) -> float:
    """Distance from p to the nearest of the segments starts[i]-ends[i] (1000000 if none)."""
    if len(starts) != len(ends):
        raise ValueError(f"segments_distance: {len(starts)} starts but {len(ends)} ends")
    q = _xy(p)
    return min(
        (seg_dist(q, _xy(a), _xy(b)) for a, b in zip(starts, ends, strict=True)), default=_FAR
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
    return min(seg_dist(q, vs[i - 1], vs[i]) for i in range(len(vs)))


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


@stdfn("real, real, real -> bool")
def dominant_axis(dx: float, dy: float, ratio: float) -> bool:
    """True when one of the offsets dx, dy is at least `ratio` times the other in size, so
    "left/right" (|dx| larger) or "above/below" (|dy| larger) reads one way only."""
    ax, ay = abs(float(dx)), abs(float(dy))
    return max(ax, ay) >= float(ratio) * min(ax, ay) and max(ax, ay) > 0


@stdfn("Point, real, list[Point], real -> bool")
def disc_inside_polygon(c: PointRec, r: float, poly: list[PointRec], clearance: float) -> bool:
    """True when the disc of radius `r` at c lies inside the closed polygon with at least
    `clearance` px to spare (pass the stroke width, so outlines do not touch)."""
    return inside_polygon(c, poly) and polygon_edge_distance(c, poly) >= float(r) + float(clearance)
