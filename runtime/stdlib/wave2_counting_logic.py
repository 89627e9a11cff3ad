"""Counting and puzzle helpers: monotone lattice paths, rectangles formed by grid segments,
regular polygons of any side count, domino tiles and binary digits.

Lattice points and grid cells are indexed row-major as in `grids`: point (r, c) of a lattice
with `cols` points per row is index r*cols + c.
"""

from __future__ import annotations

import math

from tron.scene import Circle, Line, Polygon, Rect, Style
from tron.stdlib.component import Component
from tron.stdlib.registry import stdfn

MAX_POINTS = 10_000

# Pip positions for 1..6 on a 3x3 layout (offsets -1, 0, 1 in x and y); 0 is blank.
_PIP_LAYOUT: dict[int, tuple[tuple[int, int], ...]] = {
    0: (),
    1: ((0, 0),),
    2: ((-1, -1), (1, 1)),
    3: ((-1, -1), (0, 0), (1, 1)),
    4: ((-1, -1), (1, -1), (-1, 1), (1, 1)),
    5: ((-1, -1), (1, -1), (0, 0), (-1, 1), (1, 1)),
    6: ((-1, -1), (1, -1), (-1, 0), (1, 0), (-1, 1), (1, 1)),
}


@stdfn("int, int, list[int] -> int")
def monotone_paths(rows: int, cols: int, blocked: list[int]) -> int:
    """Number of paths from the first point (top-left) to the last point (bottom-right) of a
    rows x cols lattice of points that step only right or down and never visit a blocked
    point (row-major indices); 0 when an end point is blocked."""
    if rows <= 0 or cols <= 0 or rows * cols > MAX_POINTS:
        raise ValueError(f"monotone_paths: lattice size {rows}x{cols} out of range")
    closed = set(blocked)
    if any(not 0 <= b < rows * cols for b in closed):
        raise ValueError("monotone_paths: blocked point outside the lattice")
    ways = [0] * (rows * cols)
    for r in range(rows):
        for c in range(cols):
            i = r * cols + c
            if i in closed:
                continue
            if i == 0:
                ways[i] = 1
                continue
            up = ways[i - cols] if r > 0 else 0
            left = ways[i - 1] if c > 0 else 0
            ways[i] = up + left
    return ways[-1]


@stdfn("int, int, list[int], list[int] -> int")
def grid_rectangles(rows: int, cols: int, h_edges: list[int], v_edges: list[int]) -> int:
    """Number of axis-aligned rectangles (squares included) whose whole outline lies on drawn
    unit edges of a rows x cols cell grid: h_edges[r*cols + c] = 1 when the edge from point
    (r, c) to (r, c+1) is drawn (r = 0..rows), v_edges[r*(cols+1) + c] = 1 when the edge from
    point (r, c) to (r+1, c) is drawn (c = 0..cols)."""
    if rows <= 0 or cols <= 0 or (rows + 1) * (cols + 1) > MAX_POINTS:
        raise ValueError(f"grid_rectangles: grid size {rows}x{cols} out of range")
    if len(h_edges) != (rows + 1) * cols or len(v_edges) != rows * (cols + 1):
        raise ValueError(
            f"grid_rectangles: need {(rows + 1) * cols} horizontal and "
            f"{rows * (cols + 1)} vertical edges, got {len(h_edges)} and {len(v_edges)}"
        )
    if any(v not in (0, 1) for v in h_edges) or any(v not in (0, 1) for v in v_edges):
        raise ValueError("grid_rectangles: edge flags must be 0 or 1")
    # Prefix sums along each line: a run c0..c1 is fully drawn when its sum equals its length.
    hp = [[0] * (cols + 1) for _ in range(rows + 1)]
    for r in range(rows + 1):
        for c in range(cols):
            hp[r][c + 1] = hp[r][c] + h_edges[r * cols + c]
    vp = [[0] * (rows + 1) for _ in range(cols + 1)]
    for c in range(cols + 1):
        for r in range(rows):
            vp[c][r + 1] = vp[c][r] + v_edges[r * (cols + 1) + c]
    total = 0
    for r0 in range(rows):
        for r1 in range(r0 + 1, rows + 1):
            for c0 in range(cols):
                if vp[c0][r1] - vp[c0][r0] != r1 - r0:
                    continue
                for c1 in range(c0 + 1, cols + 1):
                    if (
                        hp[r0][c1] - hp[r0][c0] == c1 - c0
                        and hp[r1][c1] - hp[r1][c0] == c1 - c0
                        and vp[c1][r1] - vp[c1][r0] == r1 - r0
                    ):
                        total += 1
    return total


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
    pts = []
    for i in range(sides):
        a = math.radians(turn + 360 * i / sides)
        pts.append((round(x + size * math.sin(a), 2), round(y - size * math.cos(a), 2)))
    comp = Component()
    style = Style(
        fill=None if fill == "none" else fill, stroke=None if stroke == "none" else stroke
    )
    comp.add(Polygon(tuple(pts), style=style))
    return comp


@stdfn("int, int, real, real, real, bool -> Component")
def domino(a: int, b: int, x: float, y: float, size: float, vertical: bool = True) -> Component:
    """A domino tile centred at (x, y) made of two square halves of side `size` showing `a`
    and `b` pips (0..6; 0 is blank), `a` on top (or on the left when not `vertical`); the
    halves have subkeys "h0" and "h1"."""
    for v in (a, b):
        if v not in _PIP_LAYOUT:
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
        for dx, dy in _PIP_LAYOUT[value]:
            comp.add(Circle(cx + dx * step, cy + dy * step, r, style=pip), f"h{k}")
    # The dividing bar between the halves.
    if vertical:
        comp.add(Line(x0 + size * 0.1, y, x0 + w - size * 0.1, y, style=Style(stroke_width=2)))
    else:
        comp.add(Line(x, y0 + size * 0.1, x, y0 + h - size * 0.1, style=Style(stroke_width=2)))
    return comp


@stdfn("int, int -> list[int]")
def bits_of(n: int, width: int) -> list[int]:
    """The `width` binary digits of n (0 <= n < 2**width), most significant first."""
    if width <= 0 or width > 62:
        raise ValueError(f"bits_of: width {width} out of range 1..62")
    if not 0 <= n < 2**width:
        raise ValueError(f"bits_of: {n} does not fit in {width} bits")
    return [(n >> k) & 1 for k in range(width - 1, -1, -1)]


@stdfn("list[int] -> int")
def from_bits(bits: list[int]) -> int:
    """The number whose binary digits (most significant first) are `bits` (0 for none)."""
    if any(v not in (0, 1) for v in bits):
        raise ValueError("from_bits: digits must be 0 or 1")
    out = 0
    for v in bits:
        out = 2 * out + v
    return out
