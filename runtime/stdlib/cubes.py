"""3-D cube figures: stacks of unit cubes in isometric view (two component forms, one
drawing), random stack heights that show every column, and cube nets folded into cubes.
"""

from __future__ import annotations

import math
import random
from collections import deque
from collections.abc import Callable, Sequence

from tron.render.scene import Polygon, Style
from tron.stdlib._style import shade
from tron.stdlib.component import CANVAS, Component, SampleRejected
from tron.stdlib.polyominoes import CellRec, _pairs
from tron.stdlib.registry import stdfn

DOMAIN = "3-D cubes"


@stdfn("int, int, int, int -> list[int]", random=True)
def random_stack_heights(
    rng: random.Random, rows: int, cols: int, total: int, max_h: int
) -> list[int]:
    """Row-major column heights on a rows x cols floor with exactly `total` cubes, at most
    `max_h` high, never taller in front: h(r, c) >= h(r+1, c) and h(r, c) >= h(r, c+1), so
    `iso_cubes` shows every column's top."""
    if rows <= 0 or cols <= 0 or rows * cols > 400:
        raise ValueError(f"random_stack_heights: bad floor {rows}x{cols}")
    if not 0 <= total <= rows * cols * max_h:
        raise SampleRejected(f"random_stack_heights: {total} cubes do not fit")
    h = [0] * (rows * cols)
    for _ in range(total):
        ok = [
            i
            for i in range(rows * cols)
            if h[i] < max_h
            and (i // cols == 0 or h[i - cols] > h[i])
            and (i % cols == 0 or h[i - 1] > h[i])
        ]
        h[rng.choice(ok)] += 1
    return h


_SHADES = {"top": 0.0, "left": 0.25, "right": 0.45}  # iso_cubes: how much each face darkens
# iso_stacks: channel scale of the three visible faces: top, left (front), right (side).
_FACE_SHADE = (1.0, 0.78, 0.6)
Proj = Callable[[int, int, int], tuple[float, float]]


def _cube_stacks(
    heights: Sequence[int],
    rows: int,
    cols: int,
    proj: Proj,
    fills: Sequence[str],
    width: float,
    top_key: str,
) -> Component:
    """Unit cubes on a rows x cols floor, heights[r*cols + c] on cell (r, c), drawn back to
    front: each cube's top, left (front) and right faces filled with `fills` in that order.
    `proj(r, c, z)` maps a cube corner to the canvas; the top face of a non-empty stack gets
    the subkey top_key + "<r>_<c>"."""
    cubes = sorted(
        (r + c + z, r, c, z)
        for r in range(rows)
        for c in range(cols)
        for z in range(heights[r * cols + c])
    )
    comp = Component()
    for _, r, c, z in cubes:
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
            style = Style(fill=fill, stroke="black", stroke_width=width)
            sub = f"{top_key}{r}_{c}" if top and j == 0 else None
            comp.add(Polygon(tuple(pts), style=style), sub)
    return comp


@stdfn("list[int], int, int, str -> Component")
def iso_cubes(heights: list[int], rows: int, cols: int, colour: str = "#7fb3e6") -> Component:
    """Unit cubes stacked on a rows x cols floor (row-major heights) in isometric view, row 0
    at the back-left, centred and sized to fill the canvas; each non-empty column's top face
    has subkey "t<r>_<c>"."""
    if len(heights) != rows * cols or any(h < 0 for h in heights):
        raise ValueError(f"iso_cubes: need {rows * cols} non-negative heights")
    top = max(heights, default=0)
    cx, sy = math.cos(math.radians(30)), 0.5
    # Extents in units of the cube edge, before scaling.
    w_units = (rows + cols) * cx
    h_units = (rows + cols) * sy + top
    room = CANVAS - 60
    s = min(room / max(w_units, 1e-9), room / max(h_units, 1e-9), 90.0)
    ox = CANVAS / 2 - (cols - rows) * cx * s / 2
    oy = CANVAS / 2 - ((rows + cols) * sy * s - top * s) / 2

    def proj(r: int, c: int, z: int) -> tuple[float, float]:
        return (round(ox + (c - r) * cx * s, 2), round(oy + (c + r) * sy * s - z * s, 2))

    fills = [shade(colour, 1 - v, truncate=True) for v in _SHADES.values()]
    width = max(1.0, min(2.0, s / 20))
    return _cube_stacks(heights, rows, cols, proj, fills, width, "t")


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

    def proj(r: int, c: int, z: int) -> tuple[float, float]:
        return (round(ox + (c - r) * k * a, 2), round(oy + ((c + r) / 2 - z) * a, 2))

    fills = [shade(colour, s) for s in _FACE_SHADE]
    return _cube_stacks(heights, rows, cols, proj, fills, 1.5, "s")


Vec = tuple[int, int, int]


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


# die_rolls: where each face goes when the die tips over one edge. Faces are listed as
# (top, front, right, bottom, back, left); front faces the viewer (south), right faces east.
# Rolling east tips the top onto the east side: the new right face is the old top, and so on.
_ROLL = {
    0: (1, 3, 2, 4, 0, 5),  # north, away from the viewer: the front comes up on top
    1: (5, 1, 0, 2, 4, 3),  # east: the left face comes up
    2: (4, 0, 2, 1, 3, 5),  # south, towards the viewer: the back comes up
    3: (2, 1, 3, 5, 4, 0),  # west: the right face comes up
}


@stdfn("int, int, int, list[int] -> list[int]")
def die_rolls(top: int, front: int, right: int, moves: Sequence[int]) -> list[int]:
    """The faces (top, front, right, bottom, back, left) of a standard die (opposite faces add
    up to 7) that starts with `top`, `front` and `right` showing and is tipped over one edge
    per move: 0 north (away from the viewer), 1 east, 2 south, 3 west."""
    faces = [top, front, right, 7 - top, 7 - front, 7 - right]
    if sorted(faces) != [1, 2, 3, 4, 5, 6]:
        raise ValueError(
            f"die_rolls: {top}, {front}, {right} are not three faces meeting at a corner"
        )
    for m in moves:
        if m not in _ROLL:
            raise ValueError(f"die_rolls: move {m} is not 0..3")
        faces = [faces[i] for i in _ROLL[m]]
    return faces
