"""Grid constraint puzzles (kakuro, star battle, tents, hitori, nonograms with givens): random
makers (bounded tries, then the draw is rejected), exact solution counters that stop at `limit`
(unique is `count(..., 2) == 1`) and removers that empty givens while the solution stays unique.

Boards are row-major lists. Kakuro: -1 clue cell, 0 empty white cell, 1..9 a digit. Tents: 0
grass, 1 tree, 2 tent. Shading: 1 shaded, 0 not (-1 unknown in a partly filled nonogram)."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

from tron.stdlib.component import SampleRejected
from tron.stdlib.registry import stdfn

DOMAIN = "Constraint grid puzzles"

_EDGE = ((0, 1), (0, -1), (1, 0), (-1, 0))
_KING = tuple((dr, dc) for dr in (-1, 0, 1) for dc in (-1, 0, 1) if dr or dc)
_Runs = list[tuple[int, list[int]]]
_Of = dict[int, list[int]]


def _size(rows: int, cols: int, cap: int = 100) -> None:
    if rows < 1 or cols < 1 or rows * cols > cap:
        raise ValueError(f"board of {rows} x {cols} cells: 1 to {cap} cells")


def _nbrs(rows: int, cols: int, i: int, steps: Sequence[tuple[int, int]]) -> list[int]:
    r, c = divmod(i, cols)
    return [(r + dr) * cols + c + dc for dr, dc in steps if 0 <= r + dr < rows and 0 <= c + dc < cols]  # fmt: skip


def _connected(rows: int, cols: int, cells: set[int]) -> bool:
    seen, todo = set(), [min(cells)] if cells else []
    while todo:
        i = todo.pop()
        seen.add(i)
        todo += [j for j in _nbrs(rows, cols, i, _EDGE) if j in cells and j not in seen]
    return len(seen) == len(cells)


def _runs(rows: int, cols: int, white: Sequence[bool]) -> list[tuple[int, int, list[int]]]:
    """(clue cell, 0 across / 1 down, the run's cells) for every run of white cells."""
    out = []
    for i, d in ((i, d) for i in range(rows * cols) if not white[i] for d in (0, 1)):
        run, j = [], i
        while (j % cols < cols - 1 if d == 0 else j + cols < rows * cols) and white[
            j + (1, cols)[d]
        ]:
            j += (1, cols)[d]
            run.append(j)
        out += [(i, d, run)] if run else []
    return out


def _kakuro_check(rows: int, cols: int, cells: Sequence[int]) -> None:
    _size(rows, cols)
    edge = [cells[c] for c in range(cols)] + [cells[r * cols] for r in range(rows)]
    if len(cells) != rows * cols or any(not -1 <= v <= 9 for v in cells) or set(edge) != {-1}:
        raise ValueError("kakuro: one value -1..9 per cell, -1 (clue) all along the top and left")


@stdfn("int, int, int -> list[int]", random=True)
def kakuro_mask(rng: random.Random, rows: int, cols: int, nblack: int) -> list[int]:
    """A random kakuro layout of rows x cols cells (the top row and left column included, all
    clue cells): -1 for a clue cell, 0 for a white cell; `nblack` inner cells are clue cells,
    every white run is 2 to 9 long and the white cells are connected."""
    _size(rows, cols)
    inner = [r * cols + c for r in range(1, rows) for c in range(1, cols)]
    for _ in range(300):
        blacks = set(rng.sample(inner, nblack)) if nblack else set()
        white = [i in inner and i not in blacks for i in range(rows * cols)]
        runs = _runs(rows, cols, white)
        if all(2 <= len(run) <= 9 for _, _, run in runs) and _connected(
            rows, cols, {i for i in range(rows * cols) if white[i]}
        ):
            return [0 if w else -1 for w in white]
    raise SampleRejected("kakuro_mask: no layout with runs of 2 to 9 cells")


def _kakuro_search(g: list[int], order: list[int], k: int, runs: _Runs, of: _Of, limit: int,
                   rng: random.Random | None) -> int:  # fmt: skip
    if k == len(order):
        return 1
    i = order[k]
    digits = list(range(1, 10))
    if rng is not None:
        rng.shuffle(digits)
    found = 0
    for v in digits:
        g[i] = v
        if all(_run_ok(g, runs[j], i) for j in of[i]):
            found += _kakuro_search(g, order, k + 1, runs, of, limit - found, rng)
            if found >= limit:
                return found
        g[i] = 0
    return found


def _run_ok(g: list[int], run: tuple[int, list[int]], i: int) -> bool:
    goal, cells = run
    vals = [g[j] for j in cells if g[j] > 0]
    if vals.count(g[i]) > 1:
        return False
    free, rest = len(cells) - len(vals), goal - sum(vals)
    return goal <= 0 or free * (free + 1) // 2 <= rest <= sum(range(10 - free, 10))


def _kakuro_runs(rows: int, cols: int, cells: Sequence[int], clues: Sequence[int]) -> tuple[_Runs, _Of]:  # fmt: skip
    runs = [(clues[2 * i + d] if clues else 0, run) for i, d, run in _runs(rows, cols, [v >= 0 for v in cells])]  # fmt: skip
    of: dict[int, list[int]] = {i: [] for i in range(rows * cols) if cells[i] >= 0}
    for j, (_, run) in enumerate(runs):
        for i in run:
            of[i].append(j)
    return runs, of


@stdfn("int, int, list[int] -> list[int]", random=True)
def kakuro_fill(rng: random.Random, rows: int, cols: int, mask: list[int]) -> list[int]:
    """A random solved kakuro on the layout `mask` (-1 clue cell, 0 white): each white cell
    gets a digit 1..9 with no digit twice in a run; clue cells stay -1."""
    _kakuro_check(rows, cols, mask)
    g = [-1 if v < 0 else 0 for v in mask]
    runs, of = _kakuro_runs(rows, cols, g, [])
    order = [i for i in range(rows * cols) if g[i] == 0]
    if _kakuro_search(g, order, 0, runs, of, 1, rng) != 1:
        raise SampleRejected("kakuro_fill: no filling")
    return g


@stdfn("int, int, list[int] -> list[int]")
def kakuro_clues(rows: int, cols: int, solution: list[int]) -> list[int]:
    """The clues of a solved kakuro, two per cell: item 2i is the sum of the across run to the
    right of clue cell i, item 2i+1 the sum of the down run below it (0 when there is none)."""
    _kakuro_check(rows, cols, solution)
    out = [0] * (2 * rows * cols)
    for i, d, run in _runs(rows, cols, [v >= 0 for v in solution]):
        out[2 * i + d] = sum(solution[j] for j in run)
    return out


@stdfn("int, int, list[int], list[int], int -> int")
def kakuro_count(rows: int, cols: int, cells: list[int], clues: list[int], limit: int = 2) -> int:
    """Ways (up to `limit`) to fill the 0 cells of a kakuro (-1 clue cell, 1..9 a given digit)
    so that every run of white cells holds distinct digits adding up to its clue (`clues` as
    `kakuro_clues` gives them). A full board counts 1 exactly when it is correct."""
    _kakuro_check(rows, cols, cells)
    if len(clues) != 2 * rows * cols:
        raise ValueError("kakuro_count: two clues per cell")
    g = list(cells)
    runs, of = _kakuro_runs(rows, cols, g, clues)
    for goal, run in runs:
        vals = [g[j] for j in run if g[j] > 0]
        if (
            len(set(vals)) < len(vals)
            or sum(vals) > goal
            or (len(vals) == len(run) != 0 and sum(vals) != goal)
        ):
            return 0
    order = [i for i in range(rows * cols) if g[i] == 0]
    return _kakuro_search(g, order, 0, runs, of, limit, None)


@stdfn("int, int, list[int], list[int], int, int -> list[int]", random=True)
def kakuro_blanks(rng: random.Random, rows: int, cols: int, solution: list[int], clues: list[int],
                  blanks: int, first: int = -1) -> list[int]:  # fmt: skip
    """The solved kakuro with exactly `blanks` white cells emptied (0) while it keeps exactly
    one solution, cell `first` (if >= 0) emptied first; the draw is rejected if that fails."""
    white = [i for i in range(rows * cols) if solution[i] > 0]
    if not 0 <= blanks <= len(white):
        raise ValueError("kakuro_blanks: bad blank count")
    return _blanks(rng, solution, white, blanks, first, 0, lambda g: kakuro_count(rows, cols, g, clues))  # fmt: skip


def _blanks(rng: random.Random, solution: Sequence[int], cells: list[int], blanks: int, first: int,
            empty_value: int, count: Callable[[list[int]], int]) -> list[int]:  # fmt: skip
    order = [i for i in cells if i != first]
    for _ in range(4):
        rng.shuffle(order)
        g, empty = list(solution), 0
        for i in ([first] if first >= 0 else []) + order:
            if empty == blanks:
                break
            keep, g[i] = g[i], empty_value
            if count(g) == 1:
                empty += 1
            else:
                g[i] = keep
                if i == first:
                    raise SampleRejected("the first cell cannot be emptied")
        if empty == blanks:
            return g
    raise SampleRejected(f"could not empty {blanks} cells keeping one solution")


def _star_search(n: int, regions: Sequence[int], r: int, cols: list[int], limit: int, out: list[int]) -> int:  # fmt: skip
    if r == n:
        out.extend([] if out else cols)
        return 1
    found = 0
    used_r = {regions[k * n + cols[k]] for k in range(r)}
    for c in range(n):
        if c in cols[:r] or (r and abs(cols[r - 1] - c) <= 1) or regions[r * n + c] in used_r:
            continue
        cols[r] = c
        found += _star_search(n, regions, r + 1, cols, limit - found, out)
        if found >= limit:
            return found
    cols[r] = -1
    return found


def _star_regions_check(n: int, regions: Sequence[int]) -> None:
    if not 2 <= n <= 10 or len(regions) != n * n or sorted(set(regions)) != list(range(n)):
        raise ValueError("star battle: n 2..10 and n*n region ids 0..n-1, each used")


@stdfn("int, list[int], int -> int")
def starbattle_count(n: int, regions: list[int], limit: int = 2) -> int:
    """Ways (up to `limit`) to place one star in every row, column and region (region id per
    cell, 0..n-1) of an n x n grid with no two stars touching, diagonally included."""
    _star_regions_check(n, regions)
    return _star_search(n, regions, 0, [-1] * n, limit, [])


@stdfn("int, list[int] -> list[int]")
def starbattle_solution(n: int, regions: list[int]) -> list[int]:
    """The star's column (0-based) in each row of the first solution of the star battle, or
    an empty list when it has none."""
    _star_regions_check(n, regions)
    out: list[int] = []
    _star_search(n, regions, 0, [-1] * n, 1, out)
    return out


@stdfn("int -> list[int]", random=True)
def starbattle_regions(rng: random.Random, n: int) -> list[int]:
    """Random regions (id per cell, 0..n-1, each connected) of an n x n star battle that has
    exactly one solution: stars are placed first, then regions grown around them."""
    if not 4 <= n <= 9:
        raise ValueError("starbattle_regions: n 4..9")
    for _ in range(40):
        perm, ok = list(range(n)), False
        for _ in range(200):
            rng.shuffle(perm)
            if ok := all(abs(perm[r] - perm[r + 1]) > 1 for r in range(n - 1)):
                break
        for _ in range(30 if ok else 0):
            reg = [-1] * (n * n)
            for r in range(n):
                reg[r * n + perm[r]] = r
            for _ in range(n * n - n):  # grow a random region by one free neighbouring cell
                edge = [(i, reg[j]) for i in range(n * n) if reg[i] < 0 for j in _nbrs(n, n, i, _EDGE)
                        if reg[j] >= 0]  # fmt: skip
                i, k = rng.choice(edge)
                reg[i] = k
            if _star_search(n, reg, 0, [-1] * n, 2, []) == 1:
                return reg
    raise SampleRejected("starbattle_regions: no regions with one solution")


@stdfn("int, list[int], list[int] -> list[int]")
def starbattle_broken(n: int, regions: list[int], stars: list[int]) -> list[int]:
    """Which of the four star battle rules the stars (cell indices) break, as four 0/1 flags:
    one star in every row, one in every column, one in every region, no two stars touching
    (diagonally included)."""
    _star_regions_check(n, regions)
    on = set(stars)
    keys = (lambda i: i // n, lambda i: i % n, lambda i: regions[i])
    flags = [int(any(sum(1 for i in on if key(i) == k) != 1 for k in range(n))) for key in keys]
    return flags + [int(any(j in on for i in on for j in _nbrs(n, n, i, _KING)))]


def _tents_match(rows: int, cols: int, trees: list[int], tents: list[int]) -> bool:
    """A perfect matching of trees to edge-adjacent tents (Kuhn's algorithm)."""
    owner: dict[int, int] = {}
    tent_set = set(tents)

    def grab(t: int, seen: set[int]) -> bool:
        for j in _nbrs(rows, cols, t, _EDGE):
            if j in tent_set and j not in seen:
                seen.add(j)
                if j not in owner or grab(owner[j], seen):
                    owner[j] = t
                    return True
        return False

    return len(trees) == len(tents) and all(grab(t, set()) for t in trees)


@stdfn("int, int, list[int], list[int], list[int], int -> int")
def tents_count(rows: int, cols: int, trees: list[int], row_tents: list[int], col_tents: list[int],
                limit: int = 2) -> int:  # fmt: skip
    """Ways (up to `limit`) to put tents on non-tree cells so that row r holds row_tents[r]
    tents and column c col_tents[c], no two tents touch (diagonally included), and trees and
    tents pair off one to one with each tent edge-adjacent to its own tree."""
    _size(rows, cols)
    if len(row_tents) != rows or len(col_tents) != cols:
        raise ValueError("tents_count: one count per row and per column")
    tree = set(trees)
    cand = sorted({j for t in tree for j in _nbrs(rows, cols, t, _EDGE) if j not in tree})
    left_r = [sum(1 for i in cand if i // cols == r) for r in range(rows)]
    left_c = [sum(1 for i in cand if i % cols == c) for c in range(cols)]
    need_r, need_c = list(row_tents), list(col_tents)
    if any(a > b for a, b in zip(need_r + need_c, left_r + left_c, strict=True)):
        return 0
    on: set[int] = set()

    def go(k: int, limit: int) -> int:
        if k == len(cand):
            return int(
                not any(need_r + need_c) and _tents_match(rows, cols, sorted(tree), sorted(on))
            )
        i = cand[k]
        r, c = divmod(i, cols)
        left_r[r], left_c[c], found = left_r[r] - 1, left_c[c] - 1, 0
        if need_r[r] > 0 and need_c[c] > 0 and not any(j in on for j in _nbrs(rows, cols, i, _KING)):  # fmt: skip
            on.add(i)
            need_r[r], need_c[c] = need_r[r] - 1, need_c[c] - 1
            found += go(k + 1, limit)
            need_r[r], need_c[c] = need_r[r] + 1, need_c[c] + 1
            on.discard(i)
        if found < limit and need_r[r] <= left_r[r] and need_c[c] <= left_c[c]:
            found += go(k + 1, limit - found)
        left_r[r], left_c[c] = left_r[r] + 1, left_c[c] + 1
        return found

    return go(0, limit)


@stdfn("int, int, int -> list[int]", random=True)
def tents_make(rng: random.Random, rows: int, cols: int, ntents: int) -> list[int]:
    """A random tents board (0 grass, 1 tree, 2 tent) with `ntents` tents, none touching,
    each paired with its own edge-adjacent tree, whose row and column tent counts leave
    exactly one solution."""
    _size(rows, cols)
    cells = list(range(rows * cols))
    for _ in range(200):
        rng.shuffle(cells)
        tents: list[int] = []
        for i in cells:
            if len(tents) < ntents and not any(j in tents for j in _nbrs(rows, cols, i, _KING)):
                tents.append(i)
        trees: list[int] = []
        for t in tents if len(tents) == ntents else []:
            spots = [j for j in _nbrs(rows, cols, t, _EDGE) if j not in tents and j not in trees]
            if not spots:
                break
            trees.append(rng.choice(spots))
        if len(trees) < ntents:
            continue
        rc = [sum(1 for t in tents if t // cols == r) for r in range(rows)]
        cc = [sum(1 for t in tents if t % cols == c) for c in range(cols)]
        if tents_count(rows, cols, trees, rc, cc, 2) == 1:
            return [2 if i in tents else (1 if i in trees else 0) for i in range(rows * cols)]
    raise SampleRejected("tents_make: no board with one solution")


def _hitori_check(n: int, digits: Sequence[int]) -> None:
    if not 2 <= n <= 9 or len(digits) != n * n:
        raise ValueError("hitori: n 2..9 and n*n digits")


def _hitori_search(n: int, digits: Sequence[int], limit: int, out: list[int]) -> int:
    cand = [digits[i // n * n : i // n * n + n].count(digits[i]) > 1 or digits[i % n :: n].count(digits[i]) > 1
            for i in range(n * n)]  # fmt: skip
    shade = [0] * (n * n)

    def go(i: int, limit: int) -> int:
        if i == n * n:
            ok = _connected(n, n, {j for j in range(n * n) if not shade[j]})
            out.extend(shade if ok and not out else [])
            return int(ok)
        r, c = divmod(i, n)
        found = 0
        # Unshaded: its digit must not repeat among the unshaded cells before it in its lines.
        d = digits[i]
        if not any(digits[j] == d and not shade[j] for j in list(range(r * n, i)) + list(range(c, i, n))):  # fmt: skip
            found += go(i + 1, limit)
        if found < limit and cand[i] and not (c and shade[i - 1]) and not (r and shade[i - n]):
            shade[i] = 1
            found += go(i + 1, limit - found)
            shade[i] = 0
        return found

    return go(0, limit)


@stdfn("int, list[int], int -> int")
def hitori_count(n: int, digits: list[int], limit: int = 2) -> int:
    """Ways (up to `limit`) to shade cells of an n x n hitori so that no digit repeats among the
    unshaded cells of a row or column, no two shaded cells share an edge, the unshaded cells
    are connected, and only cells whose digit repeats in their row or column are shaded."""
    _hitori_check(n, digits)
    return _hitori_search(n, digits, limit, [])


@stdfn("int, list[int] -> list[int]")
def hitori_solution(n: int, digits: list[int]) -> list[int]:
    """The shading (1 shaded, 0 not, per cell) of the first hitori solution, or an empty list
    when there is none."""
    _hitori_check(n, digits)
    out: list[int] = []
    _hitori_search(n, digits, 1, out)
    return out


@stdfn("int, int -> list[int]", random=True)
def hitori_make(rng: random.Random, n: int, nshade: int) -> list[int]:
    """A random n x n hitori grid (digits 1..n) whose unique solution shades exactly `nshade`
    cells: a Latin square with `nshade` scattered cells overwritten by a digit already in
    their row or column."""
    _hitori_check(n, [0] * (n * n))
    for _ in range(120):
        perm, rows_o, cols_o = list(range(1, n + 1)), list(range(n)), list(range(n))
        for xs in (perm, rows_o, cols_o):
            rng.shuffle(xs)
        g = [perm[(rows_o[i // n] + cols_o[i % n]) % n] for i in range(n * n)]
        rng.shuffle(order := list(range(n * n)))
        shaded: set[int] = set()
        for i in order:
            if len(shaded) < nshade and not any(j in shaded for j in _nbrs(n, n, i, _EDGE)) and _connected(
                    n, n, {j for j in range(n * n) if j not in shaded and j != i}):  # fmt: skip
                shaded.add(i)
        if len(shaded) < nshade:
            continue
        for i in sorted(shaded):
            r, c = divmod(i, n)
            pool = [g[r * n + k] for k in range(n) if r * n + k not in shaded] + [
                g[k * n + c] for k in range(n) if k * n + c not in shaded]  # fmt: skip
            g[i] = rng.choice([v for v in pool if v != g[i]])
        if hitori_count(n, g, 2) == 1:
            return g
    raise SampleRejected("hitori_make: no grid with one solution")


def _runs_of(line: Sequence[int]) -> list[int]:
    return [len(run) for run in "".join(map(str, line)).split("0") if run]


def _placements(n: int, clue: list[int], fixed: Sequence[int]) -> list[tuple[int, ...]]:
    """Every 0/1 line of length n with runs `clue` that agrees with the fixed cells (-1 free)."""
    out: list[tuple[int, ...]] = []

    def go(pos: int, k: int, line: list[int]) -> None:
        if k == len(clue):
            full = line + [0] * (n - len(line))
            out.extend([tuple(full)] if all(f < 0 or f == v for f, v in zip(fixed, full, strict=True)) else [])  # fmt: skip
            return
        rest = sum(clue[k + 1 :]) + len(clue) - k - 1
        for start in range(pos, n - rest - clue[k] + 1):
            seg = line + [0] * (start - len(line)) + [1] * clue[k] + ([0] if start + clue[k] < n else [])  # fmt: skip
            if all(fixed[j] < 0 or fixed[j] == seg[j] for j in range(len(seg))):
                go(len(seg), k + 1, seg)

    go(0, 0, [])
    return out


@stdfn("int, int, list[int], list[int], int -> int")
def nonogram_count(rows: int, cols: int, solution: list[int], cells: list[int], limit: int = 2) -> int:  # fmt: skip
    """Ways (up to `limit`) to shade a rows x cols grid so that its row and column runs equal
    those of `solution` (0/1 per cell) and it agrees with the known cells of `cells` (-1
    unknown, 0 white, 1 black)."""
    _size(rows, cols, 144)
    if len(solution) != rows * cols or len(cells) != rows * cols:
        raise ValueError("nonogram_count: one value per cell")
    row = [slice(r * cols, r * cols + cols) for r in range(rows)]
    rlines = [_placements(cols, _runs_of(solution[s]), cells[s]) for s in row]
    clines = [_placements(rows, _runs_of(solution[c::cols]), cells[c::cols]) for c in range(cols)]
    prefixes = [[{p[:k] for p in clines[c]} for k in range(rows + 1)] for c in range(cols)]
    cur: list[tuple[int, ...]] = []

    def go(r: int, limit: int) -> int:
        if r == rows:
            return 1
        found = 0
        for p in rlines[r]:
            if all(tuple(q[c] for q in cur) + (p[c],) in prefixes[c][r + 1] for c in range(cols)):
                cur.append(p)
                found += go(r + 1, limit - found)
                cur.pop()
                if found >= limit:
                    return found
        return found

    return go(0, limit)


@stdfn("int, int, list[int], int, int -> list[int]", random=True)
def nonogram_blanks(rng: random.Random, rows: int, cols: int, solution: list[int], blanks: int,
                    first: int = -1) -> list[int]:  # fmt: skip
    """The solved nonogram (0/1 per cell) with exactly `blanks` cells made unknown (-1) while
    the clues and the known cells still allow one solution, cell `first` (if >= 0) first;
    the draw is rejected if that fails."""
    if not 0 <= blanks <= rows * cols:
        raise ValueError("nonogram_blanks: bad blank count")
    count = lambda g: nonogram_count(rows, cols, solution, g, 2)  # noqa: E731
    return _blanks(rng, solution, list(range(rows * cols)), blanks, first, -1, count)
