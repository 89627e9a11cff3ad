"""Plane-geometry helpers shared by stdlib modules (private: nothing here is spec-visible).

Points are (x, y) tuples in canvas px; angles in degrees. Each helper keeps the arithmetic of
the modules it came from, so results are unchanged to the last bit.
"""

from __future__ import annotations

import math

P = tuple[float, float]
Box = tuple[float, float, float, float]  # x0, y0, x1, y1


def cross(ax: float, ay: float, bx: float, by: float) -> float:
    """The 2-D cross product a x b (positive when b turns counter-clockwise from a, y up)."""
    return ax * by - ay * bx


def orient(a: P, b: P, c: P) -> float:
    """Cross product of b - a and c - a: the side of line ab that c lies on (0: on the line)."""
    return cross(b[0] - a[0], b[1] - a[1], c[0] - a[0], c[1] - a[1])


def segments_cross(a: P, b: P, c: P, d: P) -> bool:
    """True when segments ab and cd cross at a point interior to both."""
    return orient(c, d, a) * orient(c, d, b) < 0 and orient(a, b, c) * orient(a, b, d) < 0


def seg_dist(p: P, a: P, b: P) -> float:
    """Distance from p to the nearest point of segment ab."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    den = dx * dx + dy * dy
    t = 0.0 if den == 0 else max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / den))
    return math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)


def box_hits_seg(box: Box, a: P, b: P, pad: float) -> bool:
    """True when segment ab touches the box grown by `pad` on every side."""
    x0, y0, x1, y1 = box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad
    if any(x0 <= p[0] <= x1 and y0 <= p[1] <= y1 for p in (a, b)):
        return True
    cs = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    return any(segments_cross(a, b, cs[i], cs[(i + 1) % 4]) for i in range(4))


def box_point_gap(box: Box, c: P) -> float:
    """Distance from point c to the box (0 inside it)."""
    dx = max(box[0] - c[0], 0.0, c[0] - box[2])
    dy = max(box[1] - c[1], 0.0, c[1] - box[3])
    return math.hypot(dx, dy)


def boxes_overlap(a: Box, b: Box, pad: float) -> bool:
    """True when the boxes come closer than `pad` px."""
    return not (
        a[2] + pad <= b[0] or b[2] + pad <= a[0] or a[3] + pad <= b[1] or b[3] + pad <= a[1]
    )


def angle_at(o: P, a: P, b: P) -> float:
    """The angle aob in degrees, 0..180."""
    d = abs(
        math.degrees(math.atan2(a[1] - o[1], a[0] - o[0]) - math.atan2(b[1] - o[1], b[0] - o[0]))
    )
    d %= 360
    return min(d, 360 - d)


def polar_cw(cx: float, cy: float, r: float, deg: float) -> P:
    """Point at distance r from (cx, cy), `deg` degrees clockwise from 12 o'clock, rounded to
    0.01 px."""
    a = math.radians(deg)
    return (round(cx + r * math.sin(a), 2), round(cy - r * math.cos(a), 2))
