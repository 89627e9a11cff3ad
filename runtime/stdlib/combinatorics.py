"""Counting and answer-first construction: number splits and sums of parts drawn uniformly,
permutations with a given number of inversions, monotone lattice paths and rectangles formed
by grid segments.

Lattice points are indexed row-major: point (r, c) of a lattice with `cols` points per row is
index r*cols + c.
"""

from __future__ import annotations

import random

from tron.stdlib.component import SampleRejected
from tron.stdlib.registry import stdfn

DOMAIN = "Counting and number splits"

MAX_PARTS = 200
MAX_TOTAL = 100_000


@stdfn("int, int, int -> list[int]", random=True)
def random_composition(rng: random.Random, total: int, k: int, lo: int = 1) -> list[int]:
    """`k` integers, each at least `lo`, that add up to `total`, drawn uniformly among all such
    ordered lists (stars and bars); an error when k * lo > total."""
    if not 1 <= k <= MAX_PARTS:
        raise ValueError(f"random_composition: k must be in 1..{MAX_PARTS}, got {k}")
    spare = total - k * lo
    if spare < 0:
        raise ValueError(f"random_composition: {k} parts of at least {lo} exceed {total}")
    cuts = sorted(rng.sample(range(spare + k - 1), k - 1))
    out, prev = [], -1
    for c in [*cuts, spare + k - 1]:
        out.append(c - prev - 1 + lo)
        prev = c
    return out


@stdfn("int, int, list[int] -> list[int]", random=True)
def random_sum_of(rng: random.Random, total: int, k: int, parts: list[int]) -> list[int]:
    """`k` values taken (with repeats) from `parts` that add up to `total`, uniform over all
    such ordered lists; rejects the draw when no such list exists."""
    if not 1 <= k <= MAX_PARTS or not 0 <= total <= MAX_TOTAL:
        raise ValueError(f"random_sum_of: need 1 <= k <= {MAX_PARTS}, 0 <= total <= {MAX_TOTAL}")
    vals = sorted(set(parts))
    if not vals or vals[0] <= 0:
        raise ValueError("random_sum_of: parts must be positive integers")
    ways = count_sums(vals, k, total)
    if ways[k][total] == 0:
        raise SampleRejected(f"{total} is not a sum of {k} values from {vals}")
    return draw_sum(rng, ways, vals, k, total)


def count_sums(vals: list[int], k_hi: int, top: int) -> list[list[int]]:
    """ways[j][t]: number of ordered lists of j values from `vals` adding up to t."""
    ways = [[0] * (top + 1) for _ in range(k_hi + 1)]
    ways[0][0] = 1
    for j in range(1, k_hi + 1):
        row, prev = ways[j], ways[j - 1]
        for t in range(top + 1):
            row[t] = sum(prev[t - v] for v in vals if v <= t)
    return ways


def draw_sum(
    rng: random.Random, ways: list[list[int]], vals: list[int], k: int, total: int
) -> list[int]:
    """A uniform ordered list of k values from `vals` adding up to `total` (ways from
    count_sums; the caller checked that one exists)."""
    out, left = [], total
    for j in range(k, 0, -1):
        weights = [ways[j - 1][left - v] if v <= left else 0 for v in vals]
        pick = rng.randrange(sum(weights))
        for v, w in zip(vals, weights, strict=True):
            if pick < w:
                out.append(v)
                left -= v
                break
            pick -= w
    return out


MAX_SUM = 100_000
MAX_COUNT = 60


def _check_sum_args(parts: list[int], k_lo: int, k_hi: int, top: int, name: str) -> list[int]:
    vals = sorted(set(int(p) for p in parts))
    if not vals or vals[0] <= 0:
        raise ValueError(f"{name}: parts must be positive integers")
    if not 0 <= k_lo <= k_hi <= MAX_COUNT or not 0 <= top <= MAX_SUM:
        raise ValueError(f"{name}: need 0 <= k_lo <= k_hi <= {MAX_COUNT}, 0 <= total <= {MAX_SUM}")
    return vals


@stdfn("list[int], int, int, int -> list[int]")
def reachable_sums(parts: list[int], k_lo: int, k_hi: int, hi: int) -> list[int]:
    """Every total from 0 to `hi` that some list of k_lo..k_hi values taken (with repeats) from
    `parts` adds up to, ascending (e.g. the amounts a few coins can make)."""
    vals = _check_sum_args(parts, k_lo, k_hi, hi, "reachable_sums")
    ways = count_sums(vals, k_hi, hi)
    return [t for t in range(hi + 1) if any(ways[j][t] for j in range(k_lo, k_hi + 1))]


@stdfn("int, int, int, list[int] -> list[int]", random=True)
def random_sum_between(
    rng: random.Random, total: int, k_lo: int, k_hi: int, parts: list[int]
) -> list[int]:
    """Between k_lo and k_hi values taken (with repeats) from `parts` that add up to `total`:
    the length is uniform over the lengths that can make `total`, then the list is uniform
    over the ordered lists of that length; rejects the draw when no length can."""
    vals = _check_sum_args(parts, k_lo, k_hi, total, "random_sum_between")
    ways = count_sums(vals, k_hi, total)
    lengths = [j for j in range(k_lo, k_hi + 1) if ways[j][total]]
    if not lengths:
        raise SampleRejected(f"{total} is not a sum of {k_lo}..{k_hi} values from {vals}")
    k = lengths[rng.randrange(len(lengths))]
    return draw_sum(rng, ways, vals, k, total)


@stdfn("int, int -> list[int]", random=True)
def perm_with_inversions(rng: random.Random, n: int, k: int) -> list[int]:
    """A random ordering of 0..n-1 with exactly `k` inversions (pairs out of order);
    0 <= k <= n*(n-1)/2."""
    if n < 0 or not 0 <= k <= n * (n - 1) // 2:
        raise ValueError(f"perm_with_inversions: no ordering of {n} items has {k} inversions")
    # Lehmer code: digit i (0 <= d_i <= i) counts the earlier items larger than item i.
    digits = [0] * n
    left = k
    for i in range(n - 1, 0, -1):
        room_after = i * (i - 1) // 2  # most the digits 0..i-1 can still hold
        lo, hi = max(0, left - room_after), min(i, left)
        digits[i] = rng.randint(lo, hi)
        left -= digits[i]
    order: list[int] = []
    for i in range(n):
        # insert value i so that digits[i] earlier-placed (smaller) ... built from the right
        order.insert(len(order) - digits[i], i)
    return order


@stdfn("list[int] -> int")
def inversions(xs: list[int]) -> int:
    """Number of pairs i < j with xs[i] > xs[j]."""
    return sum(1 for i in range(len(xs)) for j in range(i + 1, len(xs)) if xs[i] > xs[j])


MAX_POINTS = 10_000


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
