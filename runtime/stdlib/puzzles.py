"""Puzzles and games: dice, dominoes, tally marks, Tower of Hanoi distances, lights-out
presses and nonogram runs.

Grid cells are indexed row-major as in `grids`; binary cell states are ints 0 and 1.
"""

from __future__ import annotations

from tron.render.scene import Circle, Line, Rect, Style
from tron.stdlib.component import Component
from tron.stdlib.grids import _bits, _check
from tron.stdlib.registry import stdfn

DOMAIN = "Puzzles and games"

# Pip positions for 1..6 on a 3x3 layout (offsets -1, 0, 1 in x and y); 0 is blank (dominoes).
_PIPS: dict[int, tuple[tuple[int, int], ...]] = {
    0: (),
    1: ((0, 0),),
    2: ((-1, -1), (1, 1)),
    3: ((-1, -1), (0, 0), (1, 1)),
    4: ((-1, -1), (1, -1), (-1, 1), (1, 1)),
    5: ((-1, -1), (1, -1), (0, 0), (-1, 1), (1, 1)),
    6: ((-1, -1), (1, -1), (-1, 0), (1, 0), (-1, 1), (1, 1)),
}


@stdfn("int, real, real, real, str -> Component")
def die_face(value: int, x: float, y: float, size: float, fill: str = "white") -> Component:
    """A die of side `size` centred at (x, y) showing `value` (1..6) as black pips; pip i has
    subkey "p<i>"."""
    if value == 0 or value not in _PIPS:
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


@stdfn("int, int, real, real, real, bool -> Component")
def domino(a: int, b: int, x: float, y: float, size: float, vertical: bool = True) -> Component:
    """A domino tile centred at (x, y) made of two square halves of side `size` showing `a`
    and `b` pips (0..6; 0 is blank), `a` on top (or on the left when not `vertical`); the
    halves have subkeys "h0" and "h1"."""
    for v in (a, b):
        if v not in _PIPS:
            raise ValueError(f"domino: {v} pips (use 0..6)")
    if size <= 0:
        raise ValueError(f"domino: size must be positive, got {size}")
    comp = Component()
    w, h = (size, 2 * size) if vertical else (2 * size, size)
    x0, y0 = x - w / 2, y - h / 2
    comp.add(
        Rect(
            x0, y0, w, h, rx=size * 0.14, style=Style(fill="white", stroke="black", stroke_width=2)
        )
    )
    pip = Style(fill="black", stroke=None)
    step, r = size * 0.27, size * 0.085
    for k, value in enumerate((a, b)):
        cx = x if vertical else x0 + size * (k + 0.5)
        cy = y0 + size * (k + 0.5) if vertical else y
        # An inner square (same colour as the tile) carries the half's subkey even when blank.
        inset = size * 0.08
        comp.add(
            Rect(
                cx - size / 2 + inset,
                cy - size / 2 + inset,
                size - 2 * inset,
                size - 2 * inset,
                style=Style(fill="white", stroke=None),
            ),
            f"h{k}",
        )
        for dx, dy in _PIPS[value]:
            comp.add(Circle(cx + dx * step, cy + dy * step, r, style=pip), f"h{k}")
    # The dividing bar between the halves.
    if vertical:
        comp.add(Line(x0 + size * 0.1, y, x0 + w - size * 0.1, y, style=Style(stroke_width=2)))
    else:
        comp.add(Line(x, y0 + size * 0.1, x, y0 + h - size * 0.1, style=Style(stroke_width=2)))
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


@stdfn("list[int], int -> int")
def hanoi_moves(pegs: list[int], target: int) -> int:
    """Fewest Tower of Hanoi moves that gather every disc on peg `target` (0..2); pegs[i] is
    the peg of disc i, disc 0 the smallest (each peg's discs are stacked largest at bottom)."""
    if target not in (0, 1, 2) or any(p not in (0, 1, 2) for p in pegs):
        raise ValueError("hanoi_moves: pegs are numbered 0, 1, 2")
    if len(pegs) > 30:
        raise ValueError("hanoi_moves: at most 30 discs")
    moves = 0
    want = target
    for k in range(len(pegs) - 1, -1, -1):
        if pegs[k] != want:
            moves += 1 << k
            want = 3 - pegs[k] - want
    return moves


@stdfn("list[int], int -> list[int]")
def run_lengths(xs: list[int], value: int) -> list[int]:
    """Lengths of the maximal runs of consecutive items equal to `value`, left to right
    (a nonogram clue when `value` marks a filled cell)."""
    out: list[int] = []
    run = 0
    for v in xs:
        if v == value:
            run += 1
        elif run:
            out.append(run)
            run = 0
    if run:
        out.append(run)
    return out


@stdfn("int, int, list[int], int -> list[int]")
def press_cell(rows: int, cols: int, cells: list[int], i: int) -> list[int]:
    """Lights-out press: cell i and its up-to-4 edge neighbours flip between 0 and 1."""
    _check(rows, cols, len(cells))
    _bits(cells, "press_cell")
    if not 0 <= i < rows * cols:
        raise ValueError(f"cell {i} outside a {rows}x{cols} grid")
    r, c = divmod(i, cols)
    out = list(cells)
    for nr, nc in ((r, c), (r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1)):
        if 0 <= nr < rows and 0 <= nc < cols:
            out[nr * cols + nc] ^= 1
    return out
