"""Counting scenes: drawing pieces the counting specs need that the shape set lacks
(an open curve drawn as one object, so a question about the whole curve keys one thing).
"""

from __future__ import annotations

from tron.render.scene import Polyline, Style
from tron.stdlib._style import paint
from tron.stdlib.component import Component
from tron.stdlib.registry import stdfn

DOMAIN = "Counting scenes"

MAX_CURVE_POINTS = 5000  # far more than any plotted curve needs


@stdfn("list[Point], str, real -> Component")
def open_curve(
    points: list[dict[str, float]], colour: str = "black", width: float = 3
) -> Component:
    """An open polyline through the points in order (at least 2), drawn as one object: a
    plotted curve or a path that a question counts features of."""
    if not 2 <= len(points) <= MAX_CURVE_POINTS:
        raise ValueError(f"open_curve needs 2..{MAX_CURVE_POINTS} points, got {len(points)}")
    pts = tuple((float(p["x"]), float(p["y"])) for p in points)
    comp = Component()
    comp.add(Polyline(pts, style=Style(stroke=paint(colour), stroke_width=width)))
    return comp
