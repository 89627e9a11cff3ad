"""Shape names in a question that the picture lets a reader take two ways.

A diamond is a square turned 45 degrees, so "the square" over a scene that also holds a diamond
has two readings (a square turned part way reads as either; "the diamond" beside an upright
square does not, since an upright square is no diamond). "Circle" beside a nearly round ellipse
is the same slip. It is measured on the drawn objects (keyed items: decorations and text are not
shapes the question names), so it holds whatever the spec's state calls its shapes. A question
naming both words distinguishes them itself and is not reported, and so is a colour named with
the shape ("the red square" beside a blue diamond) or a question that says squares are the
four-sided shapes. Squares under MARK_SIDE px are marks (a right angle's), not shapes.
"""

from __future__ import annotations

import math
import re

from tron.render.colours import COLOURS
from tron.render.scene import Ellipse, Polygon, Scene

# "square" as a shape: not a unit ("square centimetres") or a root; the word before it may be
# a colour that picks out one object
_UNITS = (
    r"units?|root|numbers?|cm|mm|m|km|metres?|meters?|centimet\w*|millimet\w*|kilomet\w*"
    r"|inch\w*|feet|foot|yards?|miles?"
)
SQUARE = re.compile(r"(?:\b([a-z]+)\s+)?\bsquares?\b(?!\s+(?:" + _UNITS + r")\b)", re.IGNORECASE)
DIAMOND = re.compile(r"\bdiamonds?\b", re.IGNORECASE)
CIRCLE = re.compile(r"\bcircles?\b", re.IGNORECASE)
FOUR_SIDED = re.compile(r"\bfour[- ]sided\b|\b(?:4|four) sides\b", re.IGNORECASE)
TURN_TOLERANCE = 5.0  # degrees: a square this close to upright reads "square", to 45 "diamond"
SIDE_TOLERANCE = 0.03  # sides and diagonals equal to this share: the polygon is a square
MARK_SIDE = 16.0  # px: a smaller square is a mark, such as a right-angle box
ROUND_RATIO = 1.2  # an ellipse whose axes differ by less reads as a circle


def square_turn(points: tuple[tuple[float, float], ...]) -> float | None:
    """How far a square polygon is turned from upright (0 to 45 degrees), None if it is not
    a square of at least MARK_SIDE px."""
    if len(points) != 4:
        return None
    sides = [math.dist(points[i], points[(i + 1) % 4]) for i in range(4)]
    diagonals = math.dist(points[0], points[2]), math.dist(points[1], points[3])
    if min(sides) < MARK_SIDE or max(sides) > min(sides) * (1 + SIDE_TOLERANCE):
        return None
    if max(diagonals) > min(diagonals) * (1 + SIDE_TOLERANCE):
        return None
    (x0, y0), (x1, y1) = points[0], points[1]
    turn = math.degrees(math.atan2(y1 - y0, x1 - x0)) % 90
    return min(turn, 90 - turn)


def turned_squares(scene: Scene) -> list[str]:
    """The fill colours of keyed squares turned far enough to be read as diamonds."""
    out = []
    for item, key in scene.items:
        if key is not None and isinstance(item, Polygon):
            turn = square_turn(item.points)
            if turn is not None and turn > TURN_TOLERANCE:
                out.append(item.style.fill or "")
    return out


def round_ellipses(scene: Scene) -> int:
    return sum(
        1
        for item, key in scene.items
        if key is not None
        and isinstance(item, Ellipse)
        and item.rx != item.ry
        and max(item.rx, item.ry) < ROUND_RATIO * min(item.rx, item.ry)
    )


def confusable_problems(question: str, scene: Scene) -> list[tuple[str, str]]:
    """(the word named, what is drawn that it could also mean) for each two-way reading."""
    out = []
    if not DIAMOND.search(question) and not FOUR_SIDED.search(question):
        fills = turned_squares(scene)
        for m in SQUARE.finditer(question):
            before = (m.group(1) or "").lower()
            hits = [f for f in fills if f == before] if before in COLOURS else fills
            if hits:
                out.append(("square", "a diamond (a square turned 45 degrees or part way)"))
                break
    if CIRCLE.search(question) and round_ellipses(scene):
        out.append(("circle", "an ellipse within 20% of round"))
    return out
