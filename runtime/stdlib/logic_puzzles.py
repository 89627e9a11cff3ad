"""Puzzle mechanics for pattern and logic scenes: cellular automata, grid reachability, runs
(nonogram clues), Tower of Hanoi distances and lights-out presses.

Grid cells are indexed row-major as in `grids`: cell (r, c) of a grid with `cols` columns is
index r*cols + c. Binary cell states are ints 0 (off/dead/white) and 1 (on/alive/black).
"""

from __future__ import annotations

from collections import deque

from tron.scene import Rect, Style, Text
from tron.stdlib.component import Component
from tron.stdlib.registry import stdfn

MAX_CELLS = 10_000


def _check(rows: int, cols: int, n: int) -> None:
    if rows <= 0 or cols <= 0 or rows * cols > MAX_CELLS:
        raise ValueError(f"grid size {rows}x{cols} out of range (1..{MAX_CELLS} cells)")
    if n != rows * cols:
        raise ValueError(f"{n} cells for a {rows}x{cols} grid")


def _bits(cells: list[int], what: str) -> None:
    if any(v not in (0, 1) for v in cells):
        raise ValueError(f"{what}: cell states must be 0 or 1")


@stdfn("list[int], int, bool -> list[int]")
def rule_step(cells: list[int], rule: int, wrap: bool = False) -> list[int]:
    """One step of the elementary cellular automaton `rule` (0..255, Wolfram numbering) on a
    row of 0/1 cells; beyond the ends is 0 unless `wrap` joins them into a ring."""
    if not 0 <= rule <= 255:
        raise ValueError(f"rule_step: rule {rule} outside 0..255")
    _bits(cells, "rule_step")
    n = len(cells)
    out = []
    for i in range(n):
        if wrap:
            left, right = cells[(i - 1) % n], cells[(i + 1) % n]
        else:
            left = cells[i - 1] if i > 0 else 0
            right = cells[i + 1] if i + 1 < n else 0
        out.append((rule >> (4 * left + 2 * cells[i] + right)) & 1)
    return out


@stdfn("int -> list[int]")
def rule_table(rule: int) -> list[int]:
    """The outputs of elementary rule `rule` for the neighbourhoods 111, 110, ..., 000 in that
    (conventional) order."""
    if not 0 <= rule <= 255:
        raise ValueError(f"rule_table: rule {rule} outside 0..255")
    return [(rule >> k) & 1 for k in range(7, -1, -1)]


def _neighbours8(rows: int, cols: int, i: int) -> list[int]:
    r, c = divmod(i, cols)
    return [
        (r + dr) * cols + c + dc
        for dr in (-1, 0, 1)
        for dc in (-1, 0, 1)
        if (dr or dc) and 0 <= r + dr < rows and 0 <= c + dc < cols
    ]


@stdfn("int, int, list[int] -> list[int]")
def life_step(rows: int, cols: int, cells: list[int]) -> list[int]:
    """One generation of Conway's Game of Life (B3/S23) on a bounded grid of 0/1 cells
    (outside the grid counts as dead)."""
    _check(rows, cols, len(cells))
    _bits(cells, "life_step")
    out = []
    for i, alive in enumerate(cells):
        k = sum(cells[j] for j in _neighbours8(rows, cols, i))
        out.append(1 if k == 3 or (alive and k == 2) else 0)
    return out


@stdfn("int, int, int -> list[int]")
def neighbours8(rows: int, cols: int, i: int) -> list[int]:
    """Row-major indices of the up-to-8 cells touching cell i by an edge or a corner,
    ascending."""
    _check(rows, cols, rows * cols)
    if not 0 <= i < rows * cols:
        raise ValueError(f"cell {i} outside a {rows}x{cols} grid")
    return _neighbours8(rows, cols, i)


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


def _bfs(rows: int, cols: int, fills: list[str], a: int) -> list[int]:
    _check(rows, cols, len(fills))
    if not 0 <= a < rows * cols:
        raise ValueError(f"cell {a} outside a {rows}x{cols} grid")
    dist = [-1] * (rows * cols)
    dist[a] = 0
    queue = deque([a])
    while queue:
        i = queue.popleft()
        r, c = divmod(i, cols)
        for nr, nc in ((r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1)):
            j = nr * cols + nc
            if 0 <= nr < rows and 0 <= nc < cols and dist[j] < 0 and fills[j] == fills[a]:
                dist[j] = dist[i] + 1
                queue.append(j)
    return dist


@stdfn("int, int, list[str], int -> list[int]")
def flood_cells(rows: int, cols: int, fills: list[str], start: int) -> list[int]:
    """Cells joined to cell `start` through edge-sharing cells of the same fill, ascending
    (start included)."""
    return [i for i, d in enumerate(_bfs(rows, cols, fills, start)) if d >= 0]


@stdfn("int, int, list[str], int, int -> int")
def grid_steps(rows: int, cols: int, fills: list[str], a: int, b: int) -> int:
    """Fewest edge steps from cell a to cell b moving only through cells with a's fill;
    -1 when b cannot be reached."""
    if not 0 <= b < rows * cols:
        raise ValueError(f"cell {b} outside a {rows}x{cols} grid")
    return _bfs(rows, cols, fills, a)[b]


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


@stdfn("list[str], real, real, real, list[str] -> Component")
def tile_row(texts: list[str], x0: float, y: float, size: float, fills: list[str]) -> Component:
    """A row of square tiles of side `size`, the first with its left edge at x0 and all
    centred vertically on y; tile i shows texts[i] (may be "") on fills[i] and has subkey
    "t<i>"."""
    if len(fills) != len(texts):
        raise ValueError(f"tile_row: {len(fills)} fills for {len(texts)} tiles")
    if size <= 0:
        raise ValueError("tile_row: tile size must be positive")
    comp = Component()
    gap = size * 0.12
    for i, (s, fill) in enumerate(zip(texts, fills, strict=True)):
        x = x0 + i * size
        box = Rect(
            x + gap / 2,
            y - size / 2 + gap / 2,
            size - gap,
            size - gap,
            rx=size * 0.12,
            style=Style(fill=fill, stroke="black", stroke_width=1.5),
        )
        comp.add(box, f"t{i}")
        if s:
            label = Text(
                x + size / 2,
                y,
                s,
                size=size * 0.55,
                bold=True,
                style=Style(fill="black", stroke=None),
            )
            comp.add(label, f"t{i}")
    return comp
