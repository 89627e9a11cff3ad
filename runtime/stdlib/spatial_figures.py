"""Spatial figures: polyominoes (random, rotated, mirrored, drawn), cube nets, isometric cube
stacks and dashed lines.

A polyomino is a list of Cell records {row, col}; functions that return one give it normalised
(smallest row and column 0) and sorted row-major, so two lists are equal exactly when the
cell sets are equal. Rotations are clockwise on screen (rows grow downwards).
"""

from __future__ import annotations

import math
import random
from collections import deque

from tron.colours import to_hex, to_rgb
from tron.scene import Line, Polygon, Rect, Style
from tron.stdlib.component import Component
from tron.stdlib.registry import stdfn

CellRec = dict[str, int]
Vec = tuple[int, int, int]

MAX_POLY = 400  # cells a polyomino may have

# Shades of the three visible faces of an isometric cube: top, left (front), right (side).
_FACE_SHADE = (1.0, 0.78, 0.6)


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


def _fold(pairs: list[tuple[int, int]]) -> dict[tuple[int, int], Vec] | None:
    """Fold six connected cells onto a cube: the outward normal of the face each cell lands
    on, or None when the cells are not six distinct connected cells."""
    have = set(pairs)
    if len(have) != 6 or len(pairs) != 6:
        return None
    # Each reached cell: (normal, east, south) as 3-D unit vectors of the face it lands on.
    start = pairs[0]
    state: dict[tuple[int, int], tuple[Vec, Vec, Vec]] = {start: ((0, 0, -1), (1, 0, 0), (0, 1, 0))}
    queue = deque([start])

    def neg(v: Vec) -> Vec:
        return (-v[0], -v[1], -v[2])

    while queue:
        r, c = queue.popleft()
        n, e, s = state[(r, c)]
        steps = {
            (r, c + 1): (e, neg(n), s),
            (r, c - 1): (neg(e), n, s),
            (r + 1, c): (s, e, neg(n)),
            (r - 1, c): (neg(s), e, n),
        }
        for cell, orient in steps.items():
            if cell in have and cell not in state:
                state[cell] = orient
                queue.append(cell)
    if len(state) != 6:
        return None
    return {cell: orient[0] for cell, orient in state.items()}


@stdfn("list[Cell] -> bool")
def is_cube_net(cells: list[CellRec]) -> bool:
    """True when the six cells, folded along their shared edges, cover every face of a cube
    exactly once (a cell set that is not six connected cells is never a net)."""
    normals = _fold(_pairs(cells))
    return normals is not None and len(set(normals.values())) == 6


@stdfn("list[Cell], int -> int")
def cube_net_opposite(cells: list[CellRec], i: int) -> int:
    """Position in `cells` of the cell that lands opposite cells[i] when the cube net is
    folded; an error if the cells are not a cube net."""
    pairs = _pairs(cells)
    normals = _fold(pairs)
    if normals is None or len(set(normals.values())) != 6:
        raise ValueError("cube_net_opposite: the cells are not a cube net")
    if not 0 <= i < 6:
        raise ValueError(f"cube_net_opposite: no cell {i}")
    x, y, z = normals[pairs[i]]
    return next(j for j, p in enumerate(pairs) if normals[p] == (-x, -y, -z))


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
    style = Style(fill=None if fill == "none" else fill, stroke=stroke, stroke_width=1.5)
    for r, c in sorted(set(pairs)):
        comp.add(Rect(x0 + (c - c0) * cell, y0 + (r - r0) * cell, cell, cell, style=style))
    return comp


def _shade(colour: str, k: float) -> str:
    """`colour` as "#rrggbb" with each channel scaled by k (darker for k < 1)."""
    red, green, blue = to_rgb(colour)
    return to_hex((_chan(red * k), _chan(green * k), _chan(blue * k)))


def _chan(v: float) -> int:
    return max(0, min(255, round(v)))


@stdfn("list[int], int, int, real, real, real, str -> Component")
def iso_stacks(
    heights: list[int], rows: int, cols: int, cx: float, cy: float, size: float, colour: str
) -> Component:
    """Stacks of unit cubes in isometric view: heights[r*cols + c] cubes on base cell (r, c)
    (row 0 at the back, column 0 on the left), fitted in a `size` px box centred at (cx, cy);
    the top face of stack (r, c) has subkey "s<r>_<c>"."""
    if rows <= 0 or cols <= 0 or rows * cols > 400:
        raise ValueError(f"iso_stacks: base {rows}x{cols} out of range")
    if len(heights) != rows * cols or any(h < 0 or h > 40 for h in heights):
        raise ValueError("iso_stacks: need rows*cols heights in 0..40")
    top = max(max(heights), 1)
    k = math.cos(math.radians(30))
    # Extents in cube-edge units: u (x) spans -rows*k..cols*k; v (y) spans -top..(rows+cols)/2.
    w_units = (rows + cols) * k
    h_units = top + (rows + cols) / 2
    a = size / max(w_units, h_units)
    ox = cx - (cols - rows) * k * a / 2
    oy = cy - ((rows + cols) / 2 - top) * a / 2

    def proj(r: float, c: float, z: float) -> tuple[float, float]:
        return (round(ox + (c - r) * k * a, 2), round(oy + ((c + r) / 2 - z) * a, 2))

    fills = [_shade(colour, s) for s in _FACE_SHADE]
    cubes = [
        (r + c + z, r, c, z)
        for r in range(rows)
        for c in range(cols)
        for z in range(heights[r * cols + c])
    ]
    comp = Component()
    for _, r, c, z in sorted(cubes):
        faces = (
            [
                proj(r, c, z + 1),
                proj(r, c + 1, z + 1),
                proj(r + 1, c + 1, z + 1),
                proj(r + 1, c, z + 1),
            ],
            [
                proj(r + 1, c, z),
                proj(r + 1, c + 1, z),
                proj(r + 1, c + 1, z + 1),
                proj(r + 1, c, z + 1),
            ],
            [
                proj(r, c + 1, z),
                proj(r + 1, c + 1, z),
                proj(r + 1, c + 1, z + 1),
                proj(r, c + 1, z + 1),
            ],
        )
        top = z + 1 == heights[r * cols + c]
        for j, (pts, fill) in enumerate(zip(faces, fills, strict=True)):
            style = Style(fill=fill, stroke="black", stroke_width=1.5)
            comp.add(Polygon(tuple(pts), style=style), f"s{r}_{c}" if top and j == 0 else None)
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
