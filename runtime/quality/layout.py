"""The `layout` rule: placements a spec declares, measured on each drawn picture.

`layout "marble" inside "jar" by 2` holds when every item keyed `marble` (`marble.N` of a
loop, `marble/part` of a component) lies inside the fill of some item keyed `jar`, at least
2 px inside the inner edge of its stroke.
`layout "dot" clears "ring" by 6` holds when every item keyed `dot` keeps at least 6 px from
the painted outline of every item keyed `ring`: a counted point is never on the boundary it is
counted against. Subjects are measured by their painted extent: a circle as a disc of its
radius plus half its stroke, anything else by its bounding box. Containers are circles,
ellipses (as 64-gons), rectangles and polygons; any other container item is reported.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from tron.render.scene import Circle, Ellipse, Item, Point, Polygon, Rect, Scene, item_bbox


@dataclass(frozen=True)
class Outline:
    """A container's painted boundary: a circle (centre, radius) or a closed polygon."""

    pad: float  # half the stroke width: the paint reaches this far either side
    centre: Point | None = None
    radius: float = 0.0
    points: tuple[Point, ...] = ()


@dataclass(frozen=True)
class Extent:
    """A subject's painted extent: a disc, or the corners of its bounding box."""

    centre: Point | None = None
    radius: float = 0.0
    corners: tuple[Point, ...] = ()


def pad_of(item: Item) -> float:
    return item.style.stroke_width / 2 if item.style.stroke is not None else 0.0


def outline(item: Item) -> Outline | None:
    pad = pad_of(item)
    if isinstance(item, Circle):
        return Outline(pad, (item.cx, item.cy), item.r)
    if isinstance(item, Rect):
        x, y, w, h = item.x, item.y, item.w, item.h
        return Outline(pad, points=((x, y), (x + w, y), (x + w, y + h), (x, y + h)))
    if isinstance(item, Ellipse):
        angles = [2 * math.pi * k / 64 for k in range(64)]
        ring = tuple(
            (item.cx + item.rx * math.cos(a), item.cy + item.ry * math.sin(a)) for a in angles
        )
        return Outline(pad, points=ring)
    if isinstance(item, Polygon) and len(item.points) >= 3:
        return Outline(pad, points=tuple(item.points))
    return None


def extent(item: Item) -> Extent:
    if isinstance(item, Circle):
        return Extent((item.cx, item.cy), item.r + pad_of(item))
    x0, y0, x1, y1 = item_bbox(item)
    return Extent(corners=((x0, y0), (x1, y0), (x1, y1), (x0, y1)))


def seg_dist(p: Point, a: Point, b: Point) -> float:
    ax, ay = b[0] - a[0], b[1] - a[1]
    n = ax * ax + ay * ay
    t = 0.0 if n == 0 else max(0.0, min(1.0, ((p[0] - a[0]) * ax + (p[1] - a[1]) * ay) / n))
    return math.hypot(p[0] - a[0] - t * ax, p[1] - a[1] - t * ay)


def edges(pts: tuple[Point, ...]) -> list[tuple[Point, Point]]:
    return [(pts[i], pts[(i + 1) % len(pts)]) for i in range(len(pts))]


def boundary_dist(p: Point, o: Outline) -> float:
    """Distance from p to the outline's centre line."""
    if o.centre is not None:
        return abs(math.dist(p, o.centre) - o.radius)
    return min(seg_dist(p, a, b) for a, b in edges(o.points))


def encloses(o: Outline, p: Point) -> bool:
    if o.centre is not None:
        return math.dist(p, o.centre) < o.radius
    inside = False
    for (x1, y1), (x2, y2) in edges(o.points):
        if (y1 > p[1]) != (y2 > p[1]) and p[0] < x1 + (p[1] - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def crosses(a: Point, b: Point, c: Point, d: Point) -> bool:
    def side(p: Point, q: Point, r: Point) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    return side(a, b, c) * side(a, b, d) < 0 and side(c, d, a) * side(c, d, b) < 0


def box_gap(e: Extent, o: Outline) -> float:
    """Distance from a box subject to the outline's centre line (0 when they meet)."""
    if o.centre is not None:
        (x0, y0), (x1, y1) = e.corners[0], e.corners[2]
        cx, cy = o.centre
        near = math.hypot(max(x0 - cx, 0, cx - x1), max(y0 - cy, 0, cy - y1))
        far = max(math.dist(c, o.centre) for c in e.corners)
        return 0.0 if near <= o.radius <= far else min(abs(near - o.radius), abs(far - o.radius))
    box = edges(e.corners)
    if any(crosses(a, b, c, d) for a, b in box for c, d in edges(o.points)):
        return 0.0
    gaps = [boundary_dist(c, o) for c in e.corners]
    gaps += [seg_dist(p, a, b) for p in o.points for a, b in box]
    return min(gaps)


def inside_slack(e: Extent, o: Outline) -> float:
    """How far the subject stays inside the container's inner stroke edge (< 0: it pokes out)."""
    if e.centre is not None:
        d = boundary_dist(e.centre, o)
        return (d if encloses(o, e.centre) else -d) - e.radius - o.pad
    return min(
        (boundary_dist(c, o) if encloses(o, c) else -boundary_dist(c, o)) - o.pad for c in e.corners
    )


def clear_gap(e: Extent, o: Outline) -> float:
    """Space between the subject's paint and the outline's paint."""
    if e.centre is not None:
        return boundary_dist(e.centre, o) - e.radius - o.pad
    return box_gap(e, o) - o.pad


def keyed(scene: Scene, name: str) -> list[tuple[str, Item]]:
    return [
        (key, item)
        for item, key in scene.items
        if key is not None and (key == name or key.startswith((name + ".", name + "/")))
    ]


def layout_breaks(
    scene: Scene, subject: str, relation: str, container: str, margin: int
) -> list[tuple[str, str, float]]:
    """(subject key, container key or '', measured px) for each subject breaking the rule;
    a container that is not a closed shape is reported with measured = nan."""
    holders = [(k, outline(it), it) for k, it in keyed(scene, container)]
    bad: list[tuple[str, str, float]] = [(k, "", math.nan) for k, o, _ in holders if o is None]
    shapes = [(k, o) for k, o, _ in holders if o is not None]
    if bad or not shapes:
        return bad
    out: list[tuple[str, str, float]] = []
    for key, item in keyed(scene, subject):
        e = extent(item)
        if relation == "inside":
            best = max(((inside_slack(e, o), k) for k, o in shapes))
            if best[0] < margin:
                out.append((key, best[1], best[0]))
        else:
            worst = min(((clear_gap(e, o), k) for k, o in shapes))
            if worst[0] < margin:
                out.append((key, worst[1], worst[0]))
    return out
