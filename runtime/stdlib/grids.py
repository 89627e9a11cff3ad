"""Square-cell grids: drawing coloured/labelled grids, random fills, regions, runs and mazes.

Cells are indexed row-major: cell (r, c) of a grid with `cols` columns is index r*cols + c.
"""

from __future__ import annotations

import random
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass

from tron.scene import Line, Rect, Style, Text
from tron.stdlib.component import CANVAS, Component
from tron.stdlib.registry import stdfn
from tron.textpath import text_width

MAX_CELLS = 10_000

CellRec = dict[str, int]


def _check(rows: int, cols: int) -> None:
    if rows <= 0 or cols <= 0 or rows * cols > MAX_CELLS:
        raise ValueError(f"grid size {rows}x{cols} out of range (1..{MAX_CELLS} cells)")


def _auto_cell(rows: int, cols: int, x0: float, y0: float, cell: float) -> float:
    """The given cell size, or the largest that keeps the grid inside the canvas (symmetric
    margins x0, y0)."""
    if cell > 0:
        return cell
    return min((CANVAS - 2 * x0) / cols, (CANVAS - 2 * y0) / rows)


def _fit(s: str, size: float, room: float) -> float:
    """Font size <= `size` at which `s` fits in `room` px."""
    w = text_width(s, size)
    return size if w <= room or w == 0 else max(6.0, size * room / w)


@stdfn("int, int -> Cell")
def grid_cell(row: int, col: int) -> CellRec:
    """A Cell record with fields row and col (counted from 0)."""
    return {"row": row, "col": col}


@stdfn("int, int, list[str], real, real, real, bool, list[str] -> Component")
def grid(
    rows: int,
    cols: int,
    fills: list[str],
    x0: float = 56,
    y0: float = 56,
    cell: float = 0,
    labels: bool = False,
    texts: Sequence[str] = (),
) -> Component:
    """A rows x cols grid of square cells with top-left corner (x0, y0); cell (r, c) is filled
    with fills[r*cols + c] and has subkey "c<r>_<c>".

    `cell` is the side in px (0: as large as fits the 512 canvas with the same margins).
    `labels` numbers rows and columns from 1 outside the grid; `texts` (optional, one per
    cell, "" for none) writes centred text in the cells.
    """
    _check(rows, cols)
    if len(fills) != rows * cols:
        raise ValueError(f"grid: {len(fills)} fills for {rows}x{cols} = {rows * cols} cells")
    if texts and len(texts) != rows * cols:
        raise ValueError(f"grid: {len(texts)} texts for {rows * cols} cells")
    side = _auto_cell(rows, cols, x0, y0, cell)
    if side <= 0:
        raise ValueError("grid: no room for the cells")
    comp = Component()
    for r in range(rows):
        for c in range(cols):
            colour = fills[r * cols + c]
            rect = Rect(
                x0 + c * side, y0 + r * side, side, side, style=Style(fill=colour, stroke=None)
            )
            comp.add(rect, f"c{r}_{c}")
    # Gridlines on top of the fills so every cell boundary stays visible.
    thin = Style(stroke="black", stroke_width=1.5 if side >= 20 else 1.0)
    for r in range(rows + 1):
        comp.add(Line(x0, y0 + r * side, x0 + cols * side, y0 + r * side, style=thin))
    for c in range(cols + 1):
        comp.add(Line(x0 + c * side, y0, x0 + c * side, y0 + rows * side, style=thin))
    ink = Style(fill="black", stroke=None)
    for i, s in enumerate(texts):
        if s:
            r, c = divmod(i, cols)
            size = _fit(s, side * 0.55, side * 0.8)
            comp.add(
                Text(x0 + (c + 0.5) * side, y0 + (r + 0.5) * side, s, size=size, style=ink),
                f"c{r}_{c}",
            )
    if labels:
        size = min(16.0, side * 0.6)
        for r in range(rows):
            comp.add(
                Text(x0 - 6, y0 + (r + 0.5) * side, str(r + 1), size=size, anchor="end", style=ink)
            )
        for c in range(cols):
            comp.add(Text(x0 + (c + 0.5) * side, y0 - size * 0.9, str(c + 1), size=size, style=ink))
    return comp


@stdfn("int, int, list[str], real -> list[str]", random=True)
def random_fills(
    rng: random.Random, rows: int, cols: int, colours: list[str], density: float
) -> list[str]:
    """Row-major cell colours: each cell is filled with probability `density` by a uniformly
    chosen colour from `colours`, else "white"."""
    _check(rows, cols)
    if not colours:
        raise ValueError("random_fills: no colours")
    if not 0.0 <= density <= 1.0:
        raise ValueError(f"random_fills: density {density} outside 0..1")
    return [
        colours[rng.randrange(len(colours))] if rng.random() < density else "white"
        for _ in range(rows * cols)
    ]


def _regions(rows: int, cols: int, fills: list[str], colour: str) -> list[int]:
    """Sizes of the 4-connected regions of cells with the given colour (row-major discovery)."""
    _check(rows, cols)
    if len(fills) != rows * cols:
        raise ValueError(f"{len(fills)} fills for {rows}x{cols} = {rows * cols} cells")
    seen = [False] * (rows * cols)
    sizes = []
    for start in range(rows * cols):
        if seen[start] or fills[start] != colour:
            continue
        seen[start] = True
        queue = deque([start])
        size = 0
        while queue:
            i = queue.popleft()
            size += 1
            r, c = divmod(i, cols)
            for nr, nc in ((r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1)):
                j = nr * cols + nc
                if 0 <= nr < rows and 0 <= nc < cols and not seen[j] and fills[j] == colour:
                    seen[j] = True
                    queue.append(j)
        sizes.append(size)
    return sizes


@stdfn("int, int, list[str], str -> int")
def count_regions(rows: int, cols: int, fills: list[str], colour: str) -> int:
    """Number of 4-connected regions (sharing an edge, not just a corner) of cells of `colour`."""
    return len(_regions(rows, cols, fills, colour))


@stdfn("int, int, list[str], str -> int")
def largest_region(rows: int, cols: int, fills: list[str], colour: str) -> int:
    """Cell count of the largest 4-connected region of `colour` (0 if there is none)."""
    return max(_regions(rows, cols, fills, colour), default=0)


@stdfn("int, int, int -> list[list[int]]")
def lines_of(rows: int, cols: int, k: int) -> list[list[int]]:
    """Every straight run of `k` consecutive cells (rows, columns, both diagonals) as lists of
    row-major cell indices; used e.g. for k-in-a-row win checks."""
    _check(rows, cols)
    if k <= 0:
        raise ValueError(f"lines_of: run length {k} must be positive")
    out = []
    for dr, dc in ((0, 1), (1, 0), (1, 1), (1, -1)):
        for r in range(rows):
            for c in range(cols):
                er, ec = r + dr * (k - 1), c + dc * (k - 1)
                if 0 <= er < rows and 0 <= ec < cols:
                    out.append([(r + dr * i) * cols + c + dc * i for i in range(k)])
    return out


@stdfn("int, int, int, int -> list[int]")
def cell_neighbours(rows: int, cols: int, row: int, col: int) -> list[int]:
    """Row-major indices of the up-to-4 cells sharing an edge with (row, col), ascending."""
    _check(rows, cols)
    if not (0 <= row < rows and 0 <= col < cols):
        raise ValueError(f"cell ({row}, {col}) outside a {rows}x{cols} grid")
    out = [
        nr * cols + nc
        for nr, nc in ((row - 1, col), (row, col - 1), (row, col + 1), (row + 1, col))
        if 0 <= nr < rows and 0 <= nc < cols
    ]
    return out


# ---------------------------------------------------------------- mazes


@dataclass(frozen=True)
class Maze:
    """A perfect maze: `open` holds the passages as sorted (cell index, cell index) pairs."""

    rows: int
    cols: int
    open: frozenset[tuple[int, int]]

    def passages(self, i: int) -> list[int]:
        """Cells reachable from cell i in one step, ascending."""
        r, c = divmod(i, self.cols)
        out = []
        for nr, nc in ((r - 1, c), (r, c - 1), (r, c + 1), (r + 1, c)):
            if 0 <= nr < self.rows and 0 <= nc < self.cols:
                j = nr * self.cols + nc
                if (min(i, j), max(i, j)) in self.open:
                    out.append(j)
        return out


@stdfn("int, int -> Maze", random=True)
def maze(rng: random.Random, rows: int, cols: int) -> Maze:
    """A random perfect maze (exactly one path between any two cells) on a rows x cols grid,
    carved by depth-first search with an explicit stack."""
    if not (1 <= rows <= 60 and 1 <= cols <= 60):
        raise ValueError(f"maze size {rows}x{cols} out of range 1..60")
    n = rows * cols
    seen = [False] * n
    start = rng.randrange(n)
    seen[start] = True
    stack = [start]
    opened: set[tuple[int, int]] = set()
    while stack:
        i = stack[-1]
        r, c = divmod(i, cols)
        options = [
            nr * cols + nc
            for nr, nc in ((r - 1, c), (r, c - 1), (r, c + 1), (r + 1, c))
            if 0 <= nr < rows and 0 <= nc < cols and not seen[nr * cols + nc]
        ]
        if not options:
            stack.pop()
            continue
        j = options[rng.randrange(len(options))]
        seen[j] = True
        opened.add((min(i, j), max(i, j)))
        stack.append(j)
    return Maze(rows, cols, frozenset(opened))


def _cell_index(m: Maze, cell: CellRec) -> int:
    r, c = cell["row"], cell["col"]
    if not (0 <= r < m.rows and 0 <= c < m.cols):
        raise ValueError(f"cell ({r}, {c}) outside a {m.rows}x{m.cols} maze")
    return r * m.cols + c


@stdfn("Maze, Cell, Cell -> int")
def maze_path_length(m: Maze, a: CellRec, b: CellRec) -> int:
    """Number of steps on the path between two cells of the maze (0 when they are the same)."""
    src, dst = _cell_index(m, a), _cell_index(m, b)
    dist = [-1] * (m.rows * m.cols)
    dist[src] = 0
    queue = deque([src])
    while queue:
        i = queue.popleft()
        for j in m.passages(i):
            if dist[j] < 0:
                dist[j] = dist[i] + 1
                queue.append(j)
    return dist[dst]


@stdfn("Maze, Cell -> list[Cell]")
def maze_dead_ends(m: Maze, exclude: CellRec) -> list[CellRec]:
    """Cells other than `exclude` with exactly one open side, row-major."""
    skip = _cell_index(m, exclude)
    return [
        grid_cell(*divmod(i, m.cols))
        for i in range(m.rows * m.cols)
        if i != skip and len(m.passages(i)) == 1
    ]


@stdfn("Maze, Cell, Cell -> Component")
def draw_maze(m: Maze, start: CellRec, goal: CellRec) -> Component:
    """The maze drawn as walls on a grid filling the canvas, the start cell marked green ("S")
    and the goal red ("G"); subkeys "start" and "goal"."""
    side = min((CANVAS - 48) / m.cols, (CANVAS - 48) / m.rows)
    x0 = (CANVAS - side * m.cols) / 2
    y0 = (CANVAS - side * m.rows) / 2
    comp = Component()
    for name, cell, colour in (("start", start, "green"), ("goal", goal, "red")):
        r, c = divmod(_cell_index(m, cell), m.cols)
        inset = side * 0.18
        box = Rect(
            x0 + c * side + inset,
            y0 + r * side + inset,
            side - 2 * inset,
            side - 2 * inset,
            rx=side * 0.1,
            style=Style(fill=colour, stroke=None),
        )
        comp.add(box, name)
        if side >= 24:  # below this the letter would be illegible; the colour still marks it
            label = Text(
                x0 + (c + 0.5) * side,
                y0 + (r + 0.5) * side,
                "S" if name == "start" else "G",
                size=side * 0.4,
                bold=True,
                style=Style(fill="white", stroke=None),
            )
            comp.add(label, name)
    wall = Style(stroke="black", stroke_width=max(2.0, min(4.0, side / 10)))
    # Outer border, then the wall on the right/bottom side of every cell that is closed.
    w, h = side * m.cols, side * m.rows
    for x1, y1, x2, y2 in ((0, 0, w, 0), (0, h, w, h), (0, 0, 0, h), (w, 0, w, h)):
        comp.add(Line(x0 + x1, y0 + y1, x0 + x2, y0 + y2, style=wall))
    for i in range(m.rows * m.cols):
        r, c = divmod(i, m.cols)
        if c + 1 < m.cols and (i, i + 1) not in m.open:
            x = x0 + (c + 1) * side
            comp.add(Line(x, y0 + r * side, x, y0 + (r + 1) * side, style=wall))
        if r + 1 < m.rows and (i, i + m.cols) not in m.open:
            y = y0 + (r + 1) * side
            comp.add(Line(x0 + c * side, y, x0 + (c + 1) * side, y, style=wall))
    return comp
