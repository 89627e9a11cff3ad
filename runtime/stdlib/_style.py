"""Drawing helpers shared by stdlib modules (private: nothing here is spec-visible): the text
ink, colour arguments, face shading and fitting text into the room it has.
"""

from __future__ import annotations

from collections.abc import Sequence

from tron.render.colours import to_hex, to_rgb
from tron.render.scene import Circle, Polygon, Rect, Style
from tron.render.textpath import text_width
from tron.stdlib.component import SampleRejected

INK = Style(fill="black", stroke=None)  # plain black text
DIAGRAM_PAD = 12.0  # px kept free at the canvas edge by diagrams, trees, mazes and pipes
MIN_TEXT = 11.5  # smallest text size `fit_or_reject` accepts


def paint(colour: str) -> str | None:
    """Colour argument -> Style colour ("none" -> None)."""
    return None if colour == "none" else colour


def shade(colour: str, k: float, truncate: bool = False) -> str:
    """`colour` as "#rrggbb" with each channel scaled by k (darker for k < 1), rounded to the
    nearest integer, or rounded down with `truncate` (the isometric cubes were drawn so)."""
    out = []
    for v in to_rgb(colour):
        scaled = int(v * k) if truncate else round(v * k)
        out.append(max(0, min(255, scaled)))
    return to_hex((out[0], out[1], out[2]))


def shrink_to_fit(
    texts: Sequence[str], size: float, room: float, bold: bool = False
) -> float | None:
    """None when every text fits in `room` px at `size`; else the smaller size at which the
    widest one just fits (no lower bound: each caller applies its own)."""
    widest = max((text_width(t, size, bold=bold) for t in texts), default=0.0)
    if widest <= room or widest == 0:
        return None
    return size * room / widest


def fit_or_reject(texts: Sequence[str], size: float, room: float, bold: bool = False) -> float:
    """Largest size <= `size` at which every text fits `room` px; SampleRejected below
    MIN_TEXT."""
    if size < MIN_TEXT:
        raise SampleRejected("no room for legible text")
    fitted = shrink_to_fit(texts, size, room, bold)
    if fitted is None:
        return size
    if fitted < MIN_TEXT:
        raise SampleRejected("text does not fit its box")
    return round(fitted, 2)


# Series markers, one shape per series, so series are told apart without their colours.
MARKERS = ("circle", "square", "triangle", "diamond")


def series_marker(kind: str, x: float, y: float, r: float, style: Style) -> Circle | Rect | Polygon:
    """Series marker `kind` (one of MARKERS) of radius about r centred at (x, y)."""
    if kind == "square":
        return Rect(x - r, y - r, 2 * r, 2 * r, style=style)
    if kind == "triangle":
        return Polygon(
            ((x, y - r * 1.2), (x + r * 1.1, y + r * 0.8), (x - r * 1.1, y + r * 0.8)), style=style
        )
    if kind == "diamond":
        return Polygon(
            ((x, y - r * 1.3), (x + r * 1.1, y), (x, y + r * 1.3), (x - r * 1.1, y)), style=style
        )
    return Circle(x, y, r, style=style)
