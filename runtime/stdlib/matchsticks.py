"""Matchstick digits: numbers laid out in matchsticks like a seven-segment display, and every
row of digits one moved matchstick away.

Segments: 0 top, 1 top right, 2 bottom right, 3 bottom, 4 bottom left, 5 top left, 6 middle.
"""

from __future__ import annotations

from collections.abc import Sequence

from tron.render.scene import Circle, Line, Style
from tron.stdlib.component import Component
from tron.stdlib.registry import stdfn

DOMAIN = "Matchsticks"

DIGIT_SEGMENTS = (
    frozenset({0, 1, 2, 3, 4, 5}),
    frozenset({1, 2}),
    frozenset({0, 1, 6, 4, 3}),
    frozenset({0, 1, 6, 2, 3}),
    frozenset({5, 6, 1, 2}),
    frozenset({0, 5, 6, 2, 3}),
    frozenset({0, 5, 6, 4, 3, 2}),
    frozenset({0, 1, 2}),
    frozenset({0, 1, 2, 3, 4, 5, 6}),
    frozenset({0, 1, 2, 3, 5, 6}),
)
_DIGIT_OF = {segs: d for d, segs in enumerate(DIGIT_SEGMENTS)}
# Each segment as (x0, y0, x1, y1) in a digit box 1 wide and 2 high (y down).
_ENDS = (
    (0, 0, 1, 0),
    (1, 0, 1, 1),
    (1, 1, 1, 2),
    (0, 2, 1, 2),
    (0, 1, 0, 2),
    (0, 0, 0, 1),
    (0, 1, 1, 1),
)
# Signs in the same box units, 0.8 wide.
_SIGNS: dict[str, list[tuple[float, float, float, float]]] = {
    "+": [(0, 1, 0.8, 1), (0.4, 0.6, 0.4, 1.4)],
    "-": [(0, 1, 0.8, 1)],
    "=": [(0, 0.8, 0.8, 0.8), (0, 1.2, 0.8, 1.2)],
}
_WOOD = Style(stroke="#d9a441", stroke_width=5)
_HEAD = Style(fill="#c0392b", stroke=None)


def _check_digits(digits: Sequence[int]) -> None:
    if not 1 <= len(digits) <= 12 or any(d not in range(10) for d in digits):
        raise ValueError("matchsticks: 1 to 12 digits, each 0..9")


@stdfn("list[int] -> int")
def stick_count(digits: list[int]) -> int:
    """How many matchsticks the digits take."""
    _check_digits(digits)
    return sum(len(DIGIT_SEGMENTS[d]) for d in digits)


@stdfn("list[int] -> list[list[int]]")
def stick_moves(digits: list[int]) -> list[list[int]]:
    """Every different row of digits made by moving exactly one matchstick of `digits` to another
    place, in the same digit or another one, so that every digit is still a digit; sorted."""
    _check_digits(digits)
    out: set[tuple[int, ...]] = set()
    for i, d in enumerate(digits):
        for s in DIGIT_SEGMENTS[d]:
            taken = DIGIT_SEGMENTS[d] - {s}
            left = _DIGIT_OF.get(taken)  # digit i without the stick (needed if it goes elsewhere)
            for j, e in enumerate(digits):
                base = taken if j == i else DIGIT_SEGMENTS[e]
                if j != i and left is None:
                    continue
                for t in set(range(7)) - base - ({s} if j == i else set()):
                    placed = _DIGIT_OF.get(base | {t})
                    if placed is None:
                        continue
                    row = list(digits)
                    if j != i:
                        assert left is not None
                        row[i] = left
                    row[j] = placed
                    out.add(tuple(row))
    return [list(r) for r in sorted(out)]


@stdfn("list[str], real, real, real -> Component")
def stick_row(tokens: list[str], x: float, y: float, height: float) -> Component:
    """Digits ("0".."9") and signs ("+", "-", "=") in matchsticks, left to right from (x, y)
    (top left) with digits `height` px tall; token i has subkey "t<i>"."""
    if not 1 <= len(tokens) <= 16 or not 20 <= height <= 200:
        raise ValueError("stick_row: 1 to 16 tokens, 20 to 200 px high")
    unit = height / 2
    comp = Component()
    at = x
    for i, tok in enumerate(tokens):
        if tok.isdigit() and len(tok) == 1:
            segs: list[tuple[float, float, float, float]] = [
                _ENDS[s] for s in sorted(DIGIT_SEGMENTS[int(tok)])
            ]
            width = unit
        elif tok in _SIGNS:
            segs, width = _SIGNS[tok], unit * 0.8
        else:
            raise ValueError(f"stick_row: token {tok!r} is not a digit or + - =")
        for x0, y0, x1, y1 in segs:
            # A stick stops short of its neighbours so that each reads on its own.
            gx, gy = (x1 - x0) * 0.08, (y1 - y0) * 0.08
            ax, ay = at + (x0 + gx) * unit, y + (y0 + gy) * unit
            bx, by = at + (x1 - gx) * unit, y + (y1 - gy) * unit
            comp.add(Line(ax, ay, bx, by, style=_WOOD), f"t{i}")
            comp.add(Circle(bx, by, 3.5, style=_HEAD), f"t{i}")
        at += width + unit * 0.45
    return comp
