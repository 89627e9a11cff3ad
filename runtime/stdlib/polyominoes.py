"""Polyominoes: random and free polyominoes, rotations and mirror images, chirality, and
drawing one as square cells.

A polyomino is a list of Cell records {row, col}; functions that return one give it normalised
(smallest row and column 0) and sorted row-major, so two lists are equal exactly when the
cell sets are equal. Rotations are clockwise on screen (rows grow downwards).
"""

from __future__ import annotations

import random

from tron.render.scene import Rect, Style
from tron.stdlib._style import paint
from tron.stdlib.component import Component
from tron.stdlib.registry import stdfn

DOMAIN = "Polyominoes"

CellRec = dict[str, int]
MAX_POLY = 400  # cells a polyomino may have


def _pairs(cells: list[CellRec]) -> list[tuple[int, int]]:
    if len(cells) > MAX_POLY:
        raise ValueError(f"polyomino of {len(cells)} cells is too big (max {MAX_POLY})")
    return [(int(c["row"]), int(c["col"])) for c in cells]


def _normal(pairs: list[tuple[int, int]]) -> list[CellRec]:
    """Shift to smallest row/col 0, drop repeats, sort row-major, as Cell records."""
    if not pairs:
        return []
    r0 = min(r for r, _ in pairs)
    c0 = min(c for _, c in pairs)
    return [{"row": r, "col": c} for r, c in sorted({(r - r0, c - c0) for r, c in pairs})]


@stdfn("int -> list[Cell]", random=True)
def random_polyomino(rng: random.Random, n: int) -> list[CellRec]:
    """A random connected set of `n` cells (grown one edge-neighbour at a time), normalised."""
    if not 1 <= n <= MAX_POLY:
        raise ValueError(f"random_polyomino: size {n} out of range 1..{MAX_POLY}")
    cells = [(0, 0)]
    have = {(0, 0)}
    while len(cells) < n:
        frontier = sorted(
            {
                (r + dr, c + dc)
                for r, c in cells
                for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1))
                if (r + dr, c + dc) not in have
            }
        )
        pick = frontier[rng.randrange(len(frontier))]
        cells.append(pick)
        have.add(pick)
    return _normal(cells)


@stdfn("list[Cell] -> list[Cell]")
def normalise_cells(cells: list[CellRec]) -> list[CellRec]:
    """The cells shifted so the smallest row and column are 0, without repeats, row-major."""
    return _normal(_pairs(cells))


@stdfn("list[Cell], int, bool -> list[Cell]")
def cells_transform(cells: list[CellRec], turns: int, mirror: bool) -> list[CellRec]:
    """The polyomino mirrored left-right (if `mirror`), then turned `turns` quarter turns
    clockwise, normalised."""
    pairs = _pairs(cells)
    if mirror:
        pairs = [(r, -c) for r, c in pairs]
    for _ in range(turns % 4):
        pairs = [(c, -r) for r, c in pairs]
    return _normal(pairs)


def _free_key(pairs: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """The smallest normalised cell tuple over the eight rotations and reflections."""
    cells = [{"row": r, "col": c} for r, c in pairs]
    return min(
        tuple((d["row"], d["col"]) for d in cells_transform(cells, k, m))
        for k in range(4)
        for m in (False, True)
    )


_FREE_CACHE: dict[int, list[tuple[tuple[int, int], ...]]] = {}


@stdfn("int -> list[list[Cell]]")
def free_polyominoes(n: int) -> list[list[CellRec]]:
    """Every free polyomino of `n` cells (one per shape up to rotation and reflection), each
    normalised, in a fixed order (n up to 8: 1, 1, 2, 5, 12, 35, 108, 369 shapes)."""
    if not 1 <= n <= 8:
        raise ValueError(f"free_polyominoes: size {n} out of range 1..8")
    if n not in _FREE_CACHE:
        shapes: set[tuple[tuple[int, int], ...]] = {((0, 0),)}
        for _ in range(n - 1):
            grown = set()
            for shape in shapes:
                have = set(shape)
                for r, c in shape:
                    for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
                        if (r + dr, c + dc) not in have:
                            grown.add(_free_key([*shape, (r + dr, c + dc)]))
            shapes = grown
        _FREE_CACHE[n] = sorted(shapes)
    return [[{"row": r, "col": c} for r, c in shape] for shape in _FREE_CACHE[n]]


@stdfn("list[Cell], list[Cell] -> bool")
def is_rotation_of(a: list[CellRec], b: list[CellRec]) -> bool:
    """True when polyomino `b` is polyomino `a` turned by some multiple of 90 degrees (no flip)."""
    target = _normal(_pairs(b))
    return any(cells_transform(a, k, False) == target for k in range(4))


@stdfn("list[Cell] -> bool")
def is_chiral(cells: list[CellRec]) -> bool:
    """True when the polyomino's mirror image is not a rotation of it."""
    return not is_rotation_of(cells, cells_transform(cells, 0, True))


@stdfn("list[Cell], real, real, real, str, str -> Component")
def cells_figure(
    cells: list[CellRec], cx: float, cy: float, cell: float, fill: str, stroke: str = "black"
) -> Component:
    """The polyomino drawn as outlined square cells of side `cell`, its bounding box centred
    at (cx, cy)."""
    pairs = _pairs(cells)
    if cell <= 0:
        raise ValueError(f"cells_figure: cell size must be positive, got {cell}")
    comp = Component()
    if not pairs:
        return comp
    r0, r1 = min(r for r, _ in pairs), max(r for r, _ in pairs)
    c0, c1 = min(c for _, c in pairs), max(c for _, c in pairs)
    x0 = cx - (c1 - c0 + 1) * cell / 2
    y0 = cy - (r1 - r0 + 1) * cell / 2
    style = Style(fill=paint(fill), stroke=stroke, stroke_width=1.5)
    for r, c in sorted(set(pairs)):
        comp.add(Rect(x0 + (c - c0) * cell, y0 + (r - r0) * cell, cell, cell, style=style))
    return comp
