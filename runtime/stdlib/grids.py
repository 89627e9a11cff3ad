"""Square-cell grids: drawing coloured/labelled grids and rows of tiles, random fills,
neighbours, regions, flood fills and steps, grown regions and their perimeters, and runs of
cells in a line.

Cells are indexed row-major: cell (r, c) of a grid with `cols` columns is index r*cols + c.
"""

from __future__ import annotations

import random
from collections import deque
from collections.abc import Sequence

from tron.render.scene import Line, Rect, Style, Text
from tron.stdlib._style import shrink_to_fit
from tron.stdlib.component import CANVAS, Component, SampleRejected
from tron.stdlib.registry import stdfn

DOMAIN = "Grids"

MAX_CELLS = 10_000

CellRec = dict[str, int]


def _check(rows: int, cols: int, n: int | None = None) -> None:
    """A rows x cols grid of at most MAX_CELLS cells (and, given `n`, with `n` cells)."""
    if rows <= 0 or cols <= 0 or rows * cols > MAX_CELLS:
        raise ValueError(f"grid size {rows}x{cols} out of range (1..{MAX_CELLS} cells)")
    if n is not None and n != rows * cols:
        raise ValueError(f"{n} cells for a {rows}x{cols} grid")


def _bits(cells: list[int], what: str) -> None:
    if any(v not in (0, 1) for v in cells):
        raise ValueError(f"{what}: cell states must be 0 or 1")


def _auto_cell(rows: int, cols: int, x0: float, y0: float, cell: float) -> float:
    """The given cell size, or the largest that keeps the grid inside the canvas (symmetric
    margins x0, y0)."""
    if cell > 0:
        return cell
    return min((CANVAS - 2 * x0) / cols, (CANVAS - 2 * y0) / rows)


def _fit(s: str, size: float, room: float) -> float:
    """Font size <= `size` (but at least 6) at which `s` fits in `room` px."""
    fitted = shrink_to_fit([s], size, room)
    return size if fitted is None else max(6.0, fitted)


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


def _neighbours8(rows: int, cols: int, i: int) -> list[int]:
    r, c = divmod(i, cols)
    return [
        (r + dr) * cols + c + dc
        for dr in (-1, 0, 1)
        for dc in (-1, 0, 1)
        if (dr or dc) and 0 <= r + dr < rows and 0 <= c + dc < cols
    ]


@stdfn("int, int, int -> list[int]")
def neighbours8(rows: int, cols: int, i: int) -> list[int]:
    """Row-major indices of the up-to-8 cells touching cell i by an edge or a corner,
    ascending."""
    _check(rows, cols, rows * cols)
    if not 0 <= i < rows * cols:
        raise ValueError(f"cell {i} outside a {rows}x{cols} grid")
    return _neighbours8(rows, cols, i)


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


@stdfn("int, int, int, int -> list[int]", random=True)
def grown_region(rng: random.Random, n: int, rows: int, cols: int, perimeter: int = 0) -> list[int]:
    """Row-major indices (ascending) of `n` edge-connected cells of a rows x cols grid, grown
    from a random cell by adding random neighbouring cells; with `perimeter` > 0, regrown
    (a bounded number of times) until the region's perimeter in cell sides is exactly that."""
    if not 1 <= n <= rows * cols or rows * cols > 10_000:
        raise ValueError(f"grown_region: cannot place {n} cells in {rows}x{cols}")
    for _ in range(1 if perimeter <= 0 else 500):
        cells = _grow(rng, n, rows, cols)
        if perimeter <= 0 or cells_perimeter(rows, cols, cells) == perimeter:
            return cells
    raise SampleRejected(f"grown_region: no {n}-cell region with perimeter {perimeter} found")


def _grow(rng: random.Random, n: int, rows: int, cols: int) -> list[int]:
    start = rng.randrange(rows * cols)
    cells = {start}
    frontier: list[int] = []

    def grow(i: int) -> None:
        r, c = divmod(i, cols)
        for dr, dc in ((-1, 0), (1, 0), (0, -1), (0, 1)):
            rr, cc = r + dr, c + dc
            if 0 <= rr < rows and 0 <= cc < cols:
                frontier.append(rr * cols + cc)

    grow(start)
    while len(cells) < n:
        options = sorted({f for f in frontier if f not in cells})
        if not options:
            raise SampleRejected("grown_region: no room to grow")
        pick = rng.choice(options)
        cells.add(pick)
        grow(pick)
    return sorted(cells)


@stdfn("int, int, list[int] -> int")
def cells_perimeter(rows: int, cols: int, cells: list[int]) -> int:
    """Perimeter, in cell sides, of the region made of the given row-major cells (each cell
    side that borders a cell outside the region or the grid edge counts once)."""
    inside = set(cells)
    if any(not 0 <= i < rows * cols for i in inside):
        raise ValueError("cells_perimeter: cell index outside the grid")
    total = 0
    for i in inside:
        r, c = divmod(i, cols)
        for dr, dc in ((-1, 0), (1, 0), (0, -1), (0, 1)):
            rr, cc = r + dr, c + dc
            if not (0 <= rr < rows and 0 <= cc < cols) or rr * cols + cc not in inside:
                total += 1
    return total


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


@stdfn("list[str], str, list[list[int]], str -> list[int]")
def line_completions(
    cells: list[str], who: str, lines: list[list[int]], empty: str = ""
) -> list[int]:
    """The cells (sorted, each once) that would complete a line for `who`: the one `empty`
    cell of a line (from `lines_of`) whose every other cell holds `who`."""
    out = set()
    for line in lines:
        free = [j for j in line if cells[j] == empty]
        if len(free) == 1 and all(cells[j] == who for j in line if j != free[0]):
            out.add(free[0])
    return sorted(out)


@stdfn("list[str], list[list[int]], str -> bool")
def full_line(cells: list[str], lines: list[list[int]], empty: str = "") -> bool:
    """True when some line's cells all hold one same mark other than `empty` (a won board)."""
    return any(
        cells[line[0]] != empty and all(cells[j] == cells[line[0]] for j in line) for line in lines
    )
