"""Shapes and text: named shapes, regular polygons, text and boxed labels, lines, dashed
lines, arrows, rectangles, circles, polygons and groups.

Colours are palette names or "#rrggbb"; "none" paints nothing (an outline-only shape).
"""

from __future__ import annotations

from tron.render.scene import Circle, Line, Polygon, Rect, Style, Text
from tron.render.textpath import text_width
from tron.stdlib._geom import polar_cw
from tron.stdlib._style import INK, paint
from tron.stdlib.component import Component
from tron.stdlib.registry import stdfn

DOMAIN = "Shapes and text"

# Kinds chosen to stay distinguishable at small sizes and under a sketchy theme.
SHAPE_KINDS = ("circle", "square", "triangle", "diamond", "pentagon", "hexagon", "star", "cross")


def regular(n: int, x: float, y: float, r: float, rot: float = 0.0) -> list[tuple[float, float]]:
    """Vertices of a regular n-gon of circumradius r, first vertex at 12 o'clock + rot degrees."""
    return [polar_cw(x, y, r, rot + 360 * i / n) for i in range(n)]


def shape_points(kind: str, x: float, y: float, size: float) -> list[tuple[float, float]]:
    """Outline of a polygonal shape kind (every kind except circle), circumradius `size`."""
    if kind == "square":
        return regular(4, x, y, size, 45)
    if kind == "triangle":
        # Shift down so the triangle's visual centre (its bbox centre) sits at (x, y).
        return regular(3, x, y + size / 4, size)
    if kind == "diamond":
        return regular(4, x, y, size)
    if kind == "pentagon":
        return regular(5, x, y + size * 0.095, size)
    if kind == "hexagon":
        return regular(6, x, y, size, 30)
    if kind == "star":
        outer = regular(5, x, y + size * 0.095, size)
        inner = regular(5, x, y + size * 0.095, size * 0.45, 36)
        return [p for pair in zip(outer, inner, strict=True) for p in pair]
    if kind == "cross":
        a, b = size * 0.3, size * 0.9  # half arm width, half span
        pts = [(a, b), (a, a), (b, a), (b, -a), (a, -a), (a, -b)]
        pts += [(-a, -b), (-a, -a), (-b, -a), (-b, a), (-a, a), (-a, b)]
        return [(round(x + px, 2), round(y + py, 2)) for px, py in pts]
    raise ValueError(f"unknown shape kind {kind!r}: use one of {', '.join(SHAPE_KINDS)}")


@stdfn(" -> list[str]")
def shape_kinds() -> list[str]:
    """The shape kinds `shape` draws, in a fixed order."""
    return list(SHAPE_KINDS)


@stdfn("str, real, real, real, str, str -> Component")
def shape(
    kind: str, x: float, y: float, size: float, fill: str, stroke: str = "black"
) -> Component:
    """A named shape (see `shape_kinds`) centred at (x, y) with circumradius `size`."""
    if size <= 0:
        raise ValueError(f"shape: size must be positive, got {size}")
    style = Style(fill=paint(fill), stroke=paint(stroke))
    comp = Component()
    if kind == "circle":
        comp.add(Circle(x, y, size, style=style))
    else:
        comp.add(Polygon(tuple(shape_points(kind, x, y, size)), style=style))
    return comp


@stdfn("int, real, real, real, real, str, str -> Component")
def regular_polygon(
    sides: int,
    x: float,
    y: float,
    size: float,
    turn: float,
    fill: str,
    stroke: str = "black",
) -> Component:
    """A regular polygon with `sides` corners (3..12) centred at (x, y) with circumradius
    `size`, its first corner at 12 o'clock turned `turn` degrees clockwise."""
    if not 3 <= sides <= 12:
        raise ValueError(f"regular_polygon: {sides} sides (use 3..12)")
    if size <= 0:
        raise ValueError(f"regular_polygon: size must be positive, got {size}")
    comp = Component()
    style = Style(fill=paint(fill), stroke=paint(stroke))
    comp.add(Polygon(tuple(regular(sides, x, y, size, turn)), style=style))
    return comp


@stdfn("str, real, real, real, str -> Component")
def text(s: str, x: float, y: float, size: float = 18, colour: str = "black") -> Component:
    """Text centred at (x, y) (y is the vertical centre of the letters)."""
    comp = Component()
    comp.add(Text(x, y, s, size=size, style=Style(fill=colour, stroke=None)))
    return comp


@stdfn("str, real, real, real, bool, bool, str -> Component")
def reflected_text(
    s: str,
    x: float,
    y: float,
    size: float = 18,
    mirror: bool = True,
    flip: bool = False,
    colour: str = "black",
) -> Component:
    """Text centred at (x, y) as a mirror shows it: reversed left-right (`mirror`, an upright
    mirror beside it), upside down (`flip`, a mirror below it, as in water), or both (a half
    turn); it covers the same box as the upright text."""
    comp = Component()
    comp.add(
        Text(x, y, s, size=size, style=Style(fill=colour, stroke=None), mirror=mirror, flip=flip)
    )
    return comp


@stdfn("str, real, real, real -> Component")
def label(s: str, x: float, y: float, size: float = 16) -> Component:
    """Text centred at (x, y) on a white rounded box with a thin outline (stays legible over
    other drawing)."""
    half_w = text_width(s, size) / 2 + size * 0.4
    half_h = size * 0.75
    comp = Component()
    box = Rect(
        x - half_w,
        y - half_h,
        2 * half_w,
        2 * half_h,
        rx=4,
        style=Style(fill="white", stroke="black", stroke_width=1),
    )
    comp.add(box)
    comp.add(Text(x, y, s, size=size, style=INK))
    return comp


@stdfn("real, real, real, real, str -> Component")
def arrow(x1: float, y1: float, x2: float, y2: float, colour: str = "black") -> Component:
    """A straight arrow from (x1, y1) with its head at (x2, y2)."""
    comp = Component()
    comp.add(Line(x1, y1, x2, y2, arrow=True, style=Style(stroke=colour)))
    return comp


@stdfn("real, real, real, real, str, real -> Component")
def line(
    x1: float, y1: float, x2: float, y2: float, colour: str = "black", width: float = 2
) -> Component:
    """A straight line segment from (x1, y1) to (x2, y2)."""
    comp = Component()
    comp.add(Line(x1, y1, x2, y2, style=Style(stroke=colour, stroke_width=width)))
    return comp


@stdfn("real, real, real, real, str, real -> Component")
def dashed_line(
    x1: float, y1: float, x2: float, y2: float, colour: str = "black", width: float = 2
) -> Component:
    """A dashed straight line from (x1, y1) to (x2, y2) (dashes about 4 widths long)."""
    comp = Component()
    dash = (4 * width, 3 * width)
    comp.add(Line(x1, y1, x2, y2, style=Style(stroke=colour, stroke_width=width, dash=dash)))
    return comp


@stdfn("real, real, real, real, str, str -> Component")
def rect(x: float, y: float, w: float, h: float, fill: str, stroke: str = "black") -> Component:
    """An axis-aligned rectangle with top-left corner (x, y), width w and height h."""
    comp = Component()
    comp.add(Rect(x, y, w, h, style=Style(fill=paint(fill), stroke=paint(stroke))))
    return comp


@stdfn("real, real, real, str, str -> Component")
def circle(cx: float, cy: float, r: float, fill: str, stroke: str = "black") -> Component:
    """A circle with centre (cx, cy) and radius r."""
    comp = Component()
    comp.add(Circle(cx, cy, r, style=Style(fill=paint(fill), stroke=paint(stroke))))
    return comp


@stdfn("list[Point], str, str -> Component")
def polygon(points: list[dict[str, float]], fill: str, stroke: str = "black") -> Component:
    """A closed polygon through the given points (at least 3)."""
    if len(points) < 3:
        raise ValueError(f"polygon needs at least 3 points, got {len(points)}")
    pts = tuple((p["x"], p["y"]) for p in points)
    comp = Component()
    comp.add(Polygon(pts, style=Style(fill=paint(fill), stroke=paint(stroke))))
    return comp


@stdfn("list[Component] -> Component")
def group(parts: list[Component]) -> Component:
    """Several components drawn as one, in order; part i's items get the subkey "i"."""
    comp = Component()
    for i, part in enumerate(parts):
        comp.extend(part, prefix=str(i))
    return comp
