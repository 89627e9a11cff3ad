"""The direction and ranking relations of `layout`: the margin an answer rests on, measured on
the picture rather than trusted from the state.

- `layout "a" straight_from "b" by 2`: each object keyed `a` lies off each object keyed `b`
  mainly along one axis, the larger of |dx| and |dy| between their centres at least twice the
  other, so "left of / above" has one answer.
- `layout "disc" nearest_to "star" by 12` (or `by 10%`): the `disc` object nearest the star is
  nearer than every other by at least 12 px (10 % of its own distance); `farthest_from` alike.
- `layout "slice" largest by 15%`: the largest painted area beats the runner-up by 15 % of the
  runner-up's; `smallest`, `longest` and `shortest` alike (a length is the summed length of an
  object's lines, or the longer side of its box when it has none).

An object is one loop item `a.N` (its component parts `a.N/part` belong to it) or the single
object `a`. Centres are those of painted boxes (a circle's own centre); text is left out
of every measure, so a label does not move the thing it names.
"""

from __future__ import annotations

import math

from tron.quality.layout import keyed
from tron.render.scene import (
    Circle,
    Ellipse,
    Item,
    Line,
    Point,
    Polygon,
    Polyline,
    Rect,
    Scene,
    Text,
    Wedge,
    item_bbox,
    union_bbox,
)

RANKS = {"largest": "area", "smallest": "area", "longest": "length", "shortest": "length"}
TOWARDS = ("nearest_to", "farthest_from")


def objects(scene: Scene, name: str) -> dict[str, list[Item]]:
    """The objects keyed `name` (tron.quality.layout.keyed), each with its painted items
    (text left out), in draw order."""
    out: dict[str, list[Item]] = {}
    for key, item in keyed(scene, name):
        if not isinstance(item, Text):
            out.setdefault(key.split("/")[0], []).append(item)
    return out


def centre(items: list[Item]) -> Point:
    """A circle's or ellipse's centre, else the centre of the painted box (where the stdlib
    places a shape: a triangle's or star's box, not its mean vertex, is centred on its point)."""
    if len(items) == 1 and isinstance(items[0], Circle | Ellipse):
        return items[0].cx, items[0].cy
    x0, y0, x1, y1 = union_bbox(items)
    return (x0 + x1) / 2, (y0 + y1) / 2


def shoelace(pts: tuple[Point, ...]) -> float:
    n = len(pts)
    return (
        abs(
            sum(pts[i][0] * pts[(i + 1) % n][1] - pts[(i + 1) % n][0] * pts[i][1] for i in range(n))
        )
        / 2
    )


def item_area(it: Item) -> float:
    if isinstance(it, Circle):
        return math.pi * it.r * it.r
    if isinstance(it, Ellipse):
        return math.pi * it.rx * it.ry
    if isinstance(it, Rect):
        return it.w * it.h
    if isinstance(it, Polygon):
        return shoelace(it.points)
    if isinstance(it, Wedge):
        return math.radians(abs(it.end_deg - it.start_deg)) * it.r * it.r / 2
    x0, y0, x1, y1 = item_bbox(it)
    return (x1 - x0) * (y1 - y0)


def length(items: list[Item]) -> float:
    total = 0.0
    for it in items:
        if isinstance(it, Line):
            total += math.hypot(it.x2 - it.x1, it.y2 - it.y1)
        elif isinstance(it, Polyline):
            total += sum(math.dist(a, b) for a, b in zip(it.points, it.points[1:], strict=False))
    if total == 0.0:
        x0, y0, x1, y1 = union_bbox(items)
        total = max(x1 - x0, y1 - y0)
    return total


def short_lead(small: float, big: float, margin: int, unit: str) -> str | None:
    """The winner's lead over the runner-up, as text, when it is under the margin."""
    if unit == "%":
        lead = math.inf if small == 0 else 100 * (big - small) / small
        return None if lead >= margin else f"{lead:.1f}%"
    return None if big - small >= margin else f"{big - small:.1f} px"


def relation_breaks(
    scene: Scene, subject: str, relation: str, other: str, margin: int, unit: str
) -> list[tuple[str, str, str]]:
    """(object key, what was measured, the measure) for each place the declared margin fails."""
    subjects = objects(scene, subject)
    if relation == "straight_from":
        out = []
        for sk, s_items in subjects.items():
            sx, sy = centre(s_items)
            for ok, o_items in objects(scene, other).items():
                ox, oy = centre(o_items)
                dx, dy = abs(sx - ox), abs(sy - oy)
                ratio = math.inf if min(dx, dy) == 0 else max(dx, dy) / min(dx, dy)
                if ratio < margin:
                    out.append(
                        (
                            sk,
                            f"lies {dx:.0f} px across and {dy:.0f} px down from {ok}",
                            f"{ratio:.2f} : 1",
                        )
                    )
        return out
    if relation in TOWARDS:
        refs = objects(scene, other)
        if len(refs) != 1:
            return [(other, "is not one object to measure from", f"{len(refs)} objects")]
        ref = centre(next(iter(refs.values())))
        values = {
            k: math.dist(centre(v), ref)
            for k, v in subjects.items()
            if k != other and not k.startswith(other + ".")
        }
        measure = "distance"
    else:
        what = RANKS[relation]
        values = {
            k: sum(item_area(it) for it in v) if what == "area" else length(v)
            for k, v in subjects.items()
        }
        measure = what
    if len(values) < 2:
        return []
    ranked = sorted(
        values, key=values.__getitem__, reverse=relation in ("farthest_from", "largest", "longest")
    )
    win, second = ranked[0], ranked[1]
    small, big = sorted((values[win], values[second]))
    lead = short_lead(small, big, margin, unit)
    if lead is None:
        return []
    return [
        (
            win,
            f"leads {second} by {lead} ({measure} {values[win]:.1f} against {values[second]:.1f})",
            lead,
        )
    ]
