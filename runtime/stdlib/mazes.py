"""Mazes and pipe grids: random perfect mazes, path lengths, turns and dead ends, and grids of pipe
tiles with the cells a source reaches.

Cells are indexed row-major as in `grids`; a maze's cells are also given as Cell records.
"""

from __future__ import annotations

import random
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from tron.render.scene import Circle, Line, Rect, Style, Text
from tron.stdlib._style import DIAGRAM_PAD as PAD
from tron.stdlib.component import CANVAS, Component, SampleRejected
from tron.stdlib.grids import CellRec, grid_cell
from tron.stdlib.registry import stdfn

DOMAIN = "Mazes and pipes"


@dataclass(frozen=True)
class Maze:
    """A perfect maze: `open` holds the passages as sorted (cell index, cell index) pairs."""

    rows: int
    cols: int
    open: frozenset[tuple[int, int]]

    def passages(self, i: int) -> list[int]:
        """Cells reachable from cell i in one step, ascending."""
        return list(self._neighbours()[i])

    def _neighbours(self) -> list[tuple[int, ...]]:
        # Every cell's open neighbours, built once per maze (searches ask for them often).
        table: list[tuple[int, ...]] | None = self.__dict__.get("_neighbour_table")
        if table is None:
            table = []
            for i in range(self.rows * self.cols):
                r, c = divmod(i, self.cols)
                out = []
                for nr, nc in ((r - 1, c), (r, c - 1), (r, c + 1), (r + 1, c)):
                    if 0 <= nr < self.rows and 0 <= nc < self.cols:
                        j = nr * self.cols + nc
                        if (min(i, j), max(i, j)) in self.open:
                            out.append(j)
                table.append(tuple(out))
            self.__dict__["_neighbour_table"] = table
        return table


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
    return _distances(m, src)[dst]


@stdfn("Maze, Cell, Cell -> list[str]")
def maze_turns(m: Maze, a: CellRec, b: CellRec) -> list[str]:
    """The turns a walker makes on the path from cell a to cell b, in order, as "L" (left) or
    "R" (right) seen from the walker (rows run down the picture); going straight on is no turn."""
    src, dst = _cell_index(m, a), _cell_index(m, b)
    # Walked back from b towards a: the one path of a perfect maze, found with the distances
    # from a, which specs share when they ask about many b for one a.
    from_src = _distances(m, src)
    near = m._neighbours()
    path = [dst]
    while path[-1] != src:  # the one neighbour a step nearer the start
        path.append(next(j for j in near[path[-1]] if from_src[j] == from_src[path[-1]] - 1))
    path.reverse()
    steps = [divmod(j, m.cols) for j in path]
    heads = [(r1 - r0, c1 - c0) for (r0, c0), (r1, c1) in pairwise(steps)]
    turns = []
    for (dr, dc), new in pairwise(heads):
        if new == (dc, -dr):  # a quarter turn clockwise on the page
            turns.append("R")
        elif new == (-dc, dr):
            turns.append("L")
    return turns


def _distances(m: Maze, src: int) -> list[int]:
    """Steps from cell src to every cell, by breadth-first search, kept on the maze: specs ask
    for the distance from one cell to each other cell in turn (a search per cell before)."""
    cache: dict[int, list[int]] = m.__dict__.setdefault("_distances", {})
    if src not in cache:
        if len(cache) >= 64:  # bounded: a maze has at most 3600 cells
            cache.clear()
        dist = [-1] * (m.rows * m.cols)
        dist[src] = 0
        queue = deque([src])
        near = m._neighbours()
        while queue:
            i = queue.popleft()
            for j in near[i]:
                if dist[j] < 0:
                    dist[j] = dist[i] + 1
                    queue.append(j)
        cache[src] = dist
    return cache[src]


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


_DIRS = ((-1, 0, 1, 4), (0, 1, 2, 8), (1, 0, 4, 1), (0, -1, 8, 2))  # dr, dc, bit, opposite bit


def _pipe_adj(rows: int, cols: int, tiles: Sequence[int], i: int) -> list[int]:
    r, c = divmod(i, cols)
    out = []
    for dr, dc, bit, opp in _DIRS:
        nr, nc = r + dr, c + dc
        if 0 <= nr < rows and 0 <= nc < cols and tiles[i] & bit and tiles[nr * cols + nc] & opp:
            out.append(nr * cols + nc)
    return out


@stdfn("int, int, list[int], int -> list[int]")
def pipes_reach(rows: int, cols: int, tiles: list[int], start: int) -> list[int]:
    """Cells joined to cell `start` through pipe ends that meet (tile bits: 1 up, 2 right,
    4 down, 8 left; a link needs both cells open towards each other), ascending, with start."""
    if len(tiles) != rows * cols:
        raise ValueError("pipes_reach: one tile per cell")
    seen = {start}
    queue = deque([start])
    while queue:
        u = queue.popleft()
        for v in _pipe_adj(rows, cols, tiles, u):
            if v not in seen:
                seen.add(v)
                queue.append(v)
    return sorted(seen)


def _rot(m: int) -> int:
    return ((m << 1) | (m >> 3)) & 15


@stdfn("int, int, int, int, bool -> list[int]", random=True)
def random_pipes(
    rng: random.Random, rows: int, cols: int, src: int, dst: int, connected: bool
) -> list[int]:
    """Row-major pipe tiles (bits 1 up, 2 right, 4 down, 8 left) with a winding route from
    cell `src` to cell `dst` that is intact when `connected`, else broken by one turned tile
    (so that no route joins them); other cells get random pipe pieces."""
    n = rows * cols
    if not (0 <= src < n and 0 <= dst < n) or src == dst:
        raise ValueError("random_pipes: src and dst must be two different cells")
    pieces = [5, 10, 3, 6, 12, 9, 7, 11, 13, 14, 1, 2, 4, 8]
    for _ in range(100):
        # Random depth-first walk from src until dst: a winding simple path.
        prev = {src: -1}
        stack = [src]
        while stack and stack[-1] != dst:
            u = stack[-1]
            r, c = divmod(u, cols)
            opts = [
                (r + dr) * cols + c + dc
                for dr, dc, _, _ in _DIRS
                if 0 <= r + dr < rows
                and 0 <= c + dc < cols
                and (r + dr) * cols + c + dc not in prev
            ]
            if not opts:
                stack.pop()
                continue
            v = opts[rng.randrange(len(opts))]
            prev[v] = u
            stack.append(v)
        if not stack:
            continue
        tiles = [pieces[rng.randrange(len(pieces))] for _ in range(n)]
        on_path = set(stack)
        for i in on_path:
            tiles[i] = 0
        for a, b in zip(stack, stack[1:], strict=False):
            for dr, dc, bit, opp in _DIRS:
                if b == a + dr * cols + dc and abs((b % cols) - (a % cols)) == abs(dc):
                    tiles[a] |= bit
                    tiles[b] |= opp
        for i in on_path:
            if rng.random() < 0.25:
                tiles[i] |= 1 << rng.randrange(4)
        if not connected:
            inner = stack[1:-1]
            if not inner:
                continue
            k = inner[rng.randrange(len(inner))]
            tiles[k] = _rot(tiles[k]) if rng.random() < 0.5 else _rot(_rot(_rot(tiles[k])))
        if (dst in pipes_reach(rows, cols, tiles, src)) == connected:
            return tiles
    raise SampleRejected("random_pipes: could not build the asked connectivity")


@stdfn("int, int, list[int], int, int -> Component")
def pipe_grid(rows: int, cols: int, tiles: list[int], src: int, dst: int) -> Component:
    """A grid of pipe tiles (bits 1 up, 2 right, 4 down, 8 left) filling the canvas; the
    source cell carries a green tap disc "S" and the target a gold disc "T". Cell i has
    subkey "c<i>"; the markers are "src" and "dst"."""
    if len(tiles) != rows * cols:
        raise ValueError("pipe_grid: one tile per cell")
    side = min((CANVAS - 2 * PAD) / cols, (CANVAS - 2 * PAD) / rows)
    x0 = (CANVAS - side * cols) / 2
    y0 = (CANVAS - side * rows) / 2
    pw = side * 0.26
    comp = Component()
    cell_style = Style(fill="#f4f1ea", stroke="#9a9a9a", stroke_width=1)
    pipe = Style(fill="#4a6f9a", stroke=None)
    for i, m in enumerate(tiles):
        r, c = divmod(i, cols)
        x, y = x0 + c * side, y0 + r * side
        comp.add(Rect(x, y, side, side, style=cell_style), f"c{i}")
        cx, cy = x + side / 2, y + side / 2
        for dr, dc, bit, _ in _DIRS:
            if m & bit:
                ex, ey = cx + dc * side / 2, cy + dr * side / 2
                bx = min(cx, ex) - (pw / 2 if dc == 0 else 0)
                by = min(cy, ey) - (pw / 2 if dr == 0 else 0)
                w = pw if dc == 0 else side / 2
                h = pw if dr == 0 else side / 2
                comp.add(
                    Rect(round(bx, 2), round(by, 2), round(w, 2), round(h, 2), style=pipe), f"c{i}"
                )
        if m:
            comp.add(Rect(cx - pw / 2, cy - pw / 2, pw, pw, style=pipe), f"c{i}")
    for cell, sub, fill, s in ((src, "src", "green", "S"), (dst, "dst", "#e0a800", "T")):
        r, c = divmod(cell, cols)
        cx, cy = x0 + (c + 0.5) * side, y0 + (r + 0.5) * side
        comp.add(
            Circle(cx, cy, side * 0.24, style=Style(fill=fill, stroke="black", stroke_width=2)), sub
        )
        comp.add(
            Text(
                cx,
                cy,
                s,
                size=max(11.0, side * 0.24),
                bold=True,
                style=Style(fill="white" if s == "S" else "black", stroke=None),
            ),
            sub,
        )
    return comp
