"""Latin-square grid puzzles (sudoku, futoshiki, skyscrapers, KenKen) and binairo: random
solved grids, exact solution counters that prove a puzzle unique (or unsolvable), clue
removal that keeps the solution unique, and boards drawn with their clues.

Grids are row-major lists of n*n ints; 0 is an empty cell, 1..n a digit (binairo: 0/1 digits
with -1 for empty). Counters stop at `limit`, so "is it unique" is `count(..., 2) == 1`.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from tron.stdlib.component import SampleRejected
from tron.stdlib.registry import stdfn

DOMAIN = "Grid puzzles"

EdgeRec = dict[str, int]
MAX_N = 9
OPS = ("+", "-", "×", "÷")


def _cage_ok(op: str, vals: list[int], goal: int, full: bool) -> bool:
    """Can the cage's values (all of them when `full`) still meet its goal?"""
    if op == "+":
        s = sum(vals)
        return s == goal if full else s < goal
    if op == "×":
        p = 1
        for v in vals:
            p *= v
        return p == goal if full else goal % p == 0
    if not full:
        return True
    if len(vals) != 2:
        return False
    a, b = max(vals), min(vals)
    return a - b == goal if op == "-" else a == goal * b


def cage_value(vals: list[int], op: str) -> int:
    """The clue of a cage holding `vals` under `op`."""
    if op == "+":
        return sum(vals)
    if op == "×":
        p = 1
        for v in vals:
            p *= v
        return p
    if len(vals) != 2:
        raise ValueError(f"cage op {op} needs exactly two cells")
    a, b = max(vals), min(vals)
    if op == "-":
        return a - b
    if a % b:
        raise ValueError("÷ cage does not divide exactly")
    return a // b


def _visible(line: list[int]) -> int:
    top, k = 0, 0
    for v in line:
        if v > top:
            top, k = v, k + 1
    return k


def _lines(n: int) -> list[list[int]]:
    """The 4n sight lines of skyscraper clues, in clue order: top (columns, looking down),
    right (rows, looking left), bottom (columns, looking up), left (rows, looking right)."""
    out = [[r * n + c for r in range(n)] for c in range(n)]
    out += [[r * n + c for c in reversed(range(n))] for r in range(n)]
    out += [[r * n + c for r in reversed(range(n))] for c in range(n)]
    out += [[r * n + c for c in range(n)] for r in range(n)]
    return out


class _Latin:
    """Backtracking search (fewest candidates first, bitmasks for rows/columns/boxes) over an
    n x n Latin square with optional boxes, < pairs, sight-line clues and cages."""

    def __init__(
        self,
        n: int,
        cells: Sequence[int],
        box_rows: int,
        box_cols: int,
        less: Sequence[EdgeRec],
        views: Sequence[int],
        cages: Sequence[int],
        goals: Sequence[int],
        ops: Sequence[str],
    ) -> None:
        if not 2 <= n <= MAX_N or len(cells) != n * n:
            raise ValueError(f"latin grid: {len(cells)} cells for n = {n} (n in 2..{MAX_N})")
        if box_rows and box_rows * box_cols != n:
            raise ValueError(f"boxes of {box_rows}x{box_cols} do not tile a {n}x{n} grid")
        if any(not 0 <= v <= n for v in cells):
            raise ValueError("latin grid values must be 0..n")
        self.n, self.g = n, list(cells)
        self.full = (1 << (n + 1)) - 2
        self.box = [
            (i // n // box_rows) * (n // box_cols) + (i % n) // box_cols if box_rows else 0
            for i in range(n * n)
        ]
        self.use_box = bool(box_rows)
        self.less = [(e["a"], e["b"]) for e in less]
        if any(not (0 <= a < n * n and 0 <= b < n * n) for a, b in self.less):
            raise ValueError("inequality signs must join cells of the grid")
        self.lines = []
        if views:
            if len(views) != 4 * n:
                raise ValueError(f"skyscrapers: {len(views)} clues, need {4 * n}")
            self.lines = [(ln, k) for ln, k in zip(_lines(n), views, strict=True) if k]
        # What touches each cell, so a placement checks only its own pairs and lines.
        self.less_at: list[list[tuple[int, int]]] = [[] for _ in range(n * n)]
        for a, b in self.less:
            self.less_at[a].append((a, b))
            self.less_at[b].append((a, b))
        self.lines_at: list[list[tuple[list[int], int]]] = [[] for _ in range(n * n)]
        for ln, k in self.lines:
            for j in set(ln):
                self.lines_at[j].append((ln, k))
        self.cage_cells: list[list[int]] = []
        self.cage_of = list(cages)
        if cages:
            m = max(cages) + 1
            if len(cages) != n * n or len(goals) != m or len(ops) != m:
                raise ValueError("cages: one id per cell and one goal and op per cage")
            self.cage_cells = [[i for i in range(n * n) if cages[i] == k] for k in range(m)]
            self.goals, self.ops = list(goals), list(ops)
        self.rows = [0] * n
        self.cols = [0] * n
        self.boxes = [0] * n
        for i, v in enumerate(self.g):
            if v:
                b = 1 << v
                r, c = divmod(i, n)
                if (
                    self.rows[r] | self.cols[c] | (self.boxes[self.box[i]] if self.use_box else 0)
                ) & b:
                    self.bad = True
                    return
                self._set(i, v, True)
        self.bad = not all(self._local(i) for i in range(n * n) if self.g[i])

    def _set(self, i: int, v: int, on: bool) -> None:
        r, c = divmod(i, self.n)
        b = 1 << v
        if on:
            self.rows[r] |= b
            self.cols[c] |= b
            if self.use_box:
                self.boxes[self.box[i]] |= b
        else:
            self.rows[r] &= ~b
            self.cols[c] &= ~b
            if self.use_box:
                self.boxes[self.box[i]] &= ~b
        self.g[i] = v if on else 0

    def _local(self, i: int) -> bool:
        """Constraints touching cell i that its current value could break."""
        g = self.g
        for a, b in self.less_at[i]:
            if g[a] and g[b] and not g[a] < g[b]:
                return False
        for ln, k in self.lines_at[i]:
            if not self._line_ok([g[j] for j in ln], k):
                return False
        if self.cage_cells:
            k = self.cage_of[i]
            vals = [g[j] for j in self.cage_cells[k] if g[j]]
            if not _cage_ok(self.ops[k], vals, self.goals[k], len(vals) == len(self.cage_cells[k])):
                return False
        return True

    def _line_ok(self, vals: list[int], k: int) -> bool:
        """Can a line still show k towers? The filled run from the viewer's end sees some
        towers already; once the tallest (n) stands in it, nothing behind it adds to them,
        and the tallest at position p allows at most p + 1."""
        run = 0
        while run < len(vals) and vals[run]:
            run += 1
        seen = _visible(vals[:run])
        if seen > k:
            return False
        if self.n in vals:
            p = vals.index(self.n)
            if k > p + 1 or (p < run and seen != k):
                return False
        return True

    def cands(self, i: int) -> int:
        r, c = divmod(i, self.n)
        used = self.rows[r] | self.cols[c] | (self.boxes[self.box[i]] if self.use_box else 0)
        return self.full & ~used

    def search(self, limit: int, rng: random.Random | None = None) -> int:
        if self.bad:
            return 0
        best, best_m, best_k = -1, 0, 99
        for i, v in enumerate(self.g):
            if not v:
                m = self.cands(i)
                k = m.bit_count()
                if k < best_k:
                    best, best_m, best_k = i, m, k
                    if k <= 1:
                        break
        if best < 0:
            return 1
        vals = [v for v in range(1, self.n + 1) if best_m >> v & 1]
        if rng is not None:
            rng.shuffle(vals)
        found = 0
        for v in vals:
            self._set(best, v, True)
            if self._local(best):
                found += self.search(limit - found, rng)
            if found >= limit:
                return found  # leave the grid filled: the first solution when limit is 1
            self._set(best, v, False)
        return found


@stdfn(
    "int, list[int], int, int, list[Edge], list[int], list[int], list[int], list[str], int -> int"
)
def latin_count(
    n: int,
    cells: list[int],
    box_rows: int = 0,
    box_cols: int = 0,
    less: Sequence[EdgeRec] = (),
    views: Sequence[int] = (),
    cages: Sequence[int] = (),
    goals: Sequence[int] = (),
    ops: Sequence[str] = (),
    limit: int = 2,
) -> int:
    """Ways (up to `limit`) to fill the 0 cells of row-major n x n `cells` with 1..n once per
    row and column, plus every rule given: boxes of
    box_rows x box_cols (sudoku), cell a < cell b for each edge of `less` (futoshiki), the
    4n skyscraper clues `views` (top, right, bottom, left; 0 = no clue), and cages (cage id
    per cell, with goals[k] reached by ops[k] in "+", "-", "×", "÷": KenKen)."""
    return _Latin(n, cells, box_rows, box_cols, less, views, cages, goals, ops).search(limit)


@stdfn("int, int, int -> list[int]", random=True)
def latin_fill(rng: random.Random, n: int, box_rows: int = 0, box_cols: int = 0) -> list[int]:
    """A random completely filled n x n Latin square (row-major), also a valid sudoku
    solution when boxes of box_rows x box_cols are given."""
    s = _Latin(n, [0] * (n * n), box_rows, box_cols, (), (), (), (), ())
    s.search(1, rng)
    return list(s.g)


@stdfn(
    "int, list[int], int, int, int, int, list[Edge], list[int], list[int], list[int], list[str] -> list[int]",
    random=True,
)
def latin_blanks(
    rng: random.Random,
    n: int,
    solution: list[int],
    blanks: int,
    first: int = -1,
    box_rows: int = 0,
    box_cols: int = 0,
    less: Sequence[EdgeRec] = (),
    views: Sequence[int] = (),
    cages: Sequence[int] = (),
    goals: Sequence[int] = (),
    ops: Sequence[str] = (),
) -> list[int]:
    """The solved grid with exactly `blanks` cells emptied (0) so that, under the same rules
    as `latin_count`, it still has exactly one solution; cell `first` (if >= 0) is emptied
    first. Cells are tried in random order; the draw is rejected if no such set is found."""
    if len(solution) != n * n or not 0 <= blanks <= n * n:
        raise ValueError("latin_blanks: bad grid or blank count")
    order = [i for i in range(n * n) if i != first]
    for _ in range(4):
        rng.shuffle(order)
        g = list(solution)
        empty = 0
        for i in ([first] if first >= 0 else []) + order:
            if empty == blanks:
                break
            keep = g[i]
            g[i] = 0
            if _Latin(n, g, box_rows, box_cols, less, views, cages, goals, ops).search(2) == 1:
                empty += 1
            else:
                g[i] = keep
                if i == first:
                    raise SampleRejected("latin_blanks: the first cell cannot be emptied")
        if empty == blanks:
            return g
    raise SampleRejected(f"latin_blanks: could not empty {blanks} cells keeping one solution")


@stdfn("int, list[int] -> list[int]")
def skyscraper_views(n: int, cells: list[int]) -> list[int]:
    """The 4n skyscraper clues of a filled n x n grid: how many towers are seen along each
    line (a taller tower hides every lower one behind it), top clues (columns, left to
    right), then right (rows, top to bottom), bottom (columns), left (rows)."""
    if len(cells) != n * n:
        raise ValueError("skyscraper_views: need n*n cells")
    return [_visible([cells[j] for j in ln]) for ln in _lines(n)]


@stdfn("int, int, int -> list[int]", random=True)
def random_cages(rng: random.Random, rows: int, cols: int, max_size: int) -> list[int]:
    """Cage id of each cell (row-major) of a grid cut into edge-connected cages of 1 to
    `max_size` cells (mostly 2 and 3, rarely 1); ids count from 0 in order of each cage's first cell."""
    cage = [-1] * (rows * cols)
    k = 0
    for i in range(rows * cols):
        if cage[i] >= 0:
            continue
        # One-cell cages give their number away, so they are rare (1 in 8, or boxed in).
        sizes = [s for s in (2, 2, 2, 3, 3, 4) if s <= max_size] or [1]
        size = 1 if rng.random() < 0.125 else rng.choice(sizes)
        cage[i], members = k, [i]
        while len(members) < size:
            nb = [
                j
                for m in members
                for j in (m + 1 if m % cols < cols - 1 else -1, m + cols)
                if 0 <= j < rows * cols and cage[j] < 0
            ]
            if not nb:
                break
            j = rng.choice(nb)
            cage[j] = k
            members.append(j)
        k += 1
    return cage


@stdfn("list[int], list[int], list[str] -> list[int]")
def cage_goals(cells: list[int], cages: list[int], ops: list[str]) -> list[int]:
    """The clue of each cage of a filled grid: its values combined by ops[k] ("+" sum,
    "×" product, "-" difference and "÷" quotient of a two-cell cage, larger over smaller)."""
    m = max(cages) + 1
    return [
        cage_value([cells[i] for i in range(len(cells)) if cages[i] == k], ops[k]) for k in range(m)
    ]


def _binairo_ok(n: int, g: list[int], i: int) -> bool:
    """Rules touching cell i: no three equal in a row/column, at most n/2 of each digit per
    line, and (once a line is full) no two equal full rows or columns."""
    r, c = divmod(i, n)
    row, col, half = g[r * n : r * n + n], g[c::n], n // 2
    for vals in (row, col):
        if vals.count(0) > half or vals.count(1) > half:
            return False
        for k in range(n - 2):
            if vals[k] >= 0 and vals[k] == vals[k + 1] == vals[k + 2]:
                return False
    if -1 not in row:
        for rr in range(n):
            if rr != r and g[rr * n : rr * n + n] == row:
                return False
    if -1 not in col:
        for cc in range(n):
            if cc != c and g[cc::n] == col:
                return False
    return True


def _binairo_search(n: int, g: list[int], limit: int, rng: random.Random | None) -> int:
    try:
        i = g.index(-1)
    except ValueError:
        return 1
    found = 0
    digits = [0, 1]
    if rng is not None:
        rng.shuffle(digits)
    for d in digits:
        g[i] = d
        if _binairo_ok(n, g, i):
            found += _binairo_search(n, g, limit - found, rng)
            if found >= limit:
                return found
        g[i] = -1
    return found


@stdfn("int, list[int], int -> int")
def binairo_count(n: int, cells: list[int], limit: int = 2) -> int:
    """Number of ways (up to `limit`) to fill the -1 cells of an n x n binairo (0/1 digits;
    n even, at most 8): no three equal digits in a line, each row and column half 0s and
    half 1s, and no two rows or two columns the same."""
    if n % 2 or not 2 <= n <= 8 or len(cells) != n * n:
        raise ValueError("binairo: n must be even, 2..8, with n*n cells")
    g = list(cells)
    if any(g[i] >= 0 and not _binairo_ok(n, g, i) for i in range(n * n)):
        return 0
    return _binairo_search(n, g, limit, None)


@stdfn("int -> list[int]", random=True)
def binairo_fill(rng: random.Random, n: int) -> list[int]:
    """A random completely filled valid n x n binairo grid of 0s and 1s (row-major)."""
    if n % 2 or not 2 <= n <= 8:
        raise ValueError("binairo: n must be even, 2..8")
    g = [-1] * (n * n)
    if _binairo_search(n, g, 1, rng) != 1:
        raise SampleRejected("binairo_fill: no grid")
    return g


@stdfn("int, list[int], int, int -> list[int]", random=True)
def binairo_blanks(
    rng: random.Random, n: int, solution: list[int], blanks: int, first: int = -1
) -> list[int]:
    """The solved binairo with exactly `blanks` cells emptied (-1) keeping one solution,
    cell `first` (if >= 0) emptied first; the draw is rejected if that cannot be done."""
    order = [i for i in range(n * n) if i != first]
    for _ in range(4):
        rng.shuffle(order)
        g = list(solution)
        empty = 0
        for i in ([first] if first >= 0 else []) + order:
            if empty == blanks:
                break
            keep, g[i] = g[i], -1
            if binairo_count(n, g, 2) == 1:
                empty += 1
            else:
                g[i] = keep
                if i == first:
                    raise SampleRejected("binairo_blanks: the first cell cannot be emptied")
        if empty == blanks:
            return g
    raise SampleRejected(f"binairo_blanks: could not empty {blanks} cells")
