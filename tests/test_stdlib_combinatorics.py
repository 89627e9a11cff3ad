"""Number splits, sums of parts, inversions, lattice paths and grid rectangles."""

from __future__ import annotations

import itertools
import math
import random
from collections import Counter

import pytest

from tron import stdlib as rt
from tron.stdlib.combinatorics import random_composition, random_sum_of
from tron.stdlib.component import SampleRejected
from tron.stdlib.registry import CATALOGUE


def test_random_composition_sums_and_respects_minimum() -> None:
    for seed in range(50):
        parts = random_composition(random.Random(seed), 30, 4, 3)
        assert len(parts) == 4 and sum(parts) == 30 and min(parts) >= 3


def test_random_composition_rejects_impossible() -> None:
    with pytest.raises(ValueError):
        random_composition(random.Random(0), 5, 3, 2)


def test_random_sum_of_uses_parts_and_total() -> None:
    for seed in range(30):
        xs = random_sum_of(random.Random(seed), 37, 5, [1, 2, 5, 10, 20])
        assert len(xs) == 5 and sum(xs) == 37 and set(xs) <= {1, 2, 5, 10, 20}
    with pytest.raises(SampleRejected):
        random_sum_of(random.Random(0), 7, 2, [5, 10])


def test_reachable_sums_counts_lengths_in_range() -> None:
    assert rt.reachable_sums([1, 5], 2, 2, 20) == [2, 6, 10]
    assert rt.reachable_sums([2, 3], 1, 3, 9) == [2, 3, 4, 5, 6, 7, 8, 9]
    assert 4 not in rt.reachable_sums([1, 5, 10], 2, 3, 30)


def test_random_sum_between_hits_the_total_with_allowed_lengths() -> None:
    rng = random.Random(3)
    lengths: Counter[int] = Counter()
    for _ in range(300):
        xs = rt.random_sum_between(rng, 27, 3, 6, [1, 5, 10, 25])
        assert sum(xs) == 27 and 3 <= len(xs) <= 6
        assert set(xs) <= {1, 5, 10, 25}
        lengths[len(xs)] += 1
    # 27 is 25+1+1, 10+10+5+1+1 or 10+5+5+5+1+1, but no four of these coins make it;
    # each possible length is picked about equally often.
    assert set(lengths) == {3, 5, 6}
    assert min(lengths.values()) > 70


def test_random_sum_between_rejects_impossible_totals() -> None:
    with pytest.raises(SampleRejected):
        rt.random_sum_between(random.Random(0), 4, 2, 2, [1, 5])
    with pytest.raises(ValueError):
        rt.random_sum_between(random.Random(0), 4, 2, 2, [0, 5])


@pytest.mark.parametrize("n", [0, 1, 2, 5, 7])
def test_perm_with_inversions_exact(n: int) -> None:
    rng = random.Random(n)
    for k in range(n * (n - 1) // 2 + 1):
        p = rt.perm_with_inversions(rng, n, k)
        assert sorted(p) == list(range(n))
        assert rt.inversions(p) == k


def test_perm_with_inversions_rejects_impossible() -> None:
    with pytest.raises(ValueError):
        rt.perm_with_inversions(random.Random(0), 3, 4)


def binom(n: int, k: int) -> int:
    return math.comb(n, k)


def test_monotone_paths_open_lattice_is_binomial() -> None:
    for rows, cols in [(1, 1), (1, 5), (2, 2), (3, 4), (5, 6)]:
        assert rt.monotone_paths(rows, cols, []) == binom(rows + cols - 2, rows - 1)


def test_monotone_paths_with_blocks() -> None:
    # 3x3 points, centre blocked: only the two routes along the border remain.
    assert rt.monotone_paths(3, 3, [4]) == 2
    # Blocking a point removes exactly the paths through it.
    through = binom(2, 1) * binom(2, 1)  # to (1, 1) and from (1, 1) on a 3x3 lattice
    assert rt.monotone_paths(3, 3, []) - through == 2
    # A blocked end point leaves no path; a wall of blocks as well.
    assert rt.monotone_paths(3, 3, [0]) == 0
    assert rt.monotone_paths(3, 3, [8]) == 0
    assert rt.monotone_paths(3, 3, [2, 4, 6]) == 0
    with pytest.raises(ValueError):
        rt.monotone_paths(3, 3, [9])
    with pytest.raises(ValueError):
        rt.monotone_paths(0, 3, [])


def brute_paths(rows: int, cols: int, blocked: set[int]) -> int:
    total = 0
    steps = rows - 1 + cols - 1
    for downs in itertools.combinations(range(steps), rows - 1):
        r = c = 0
        ok = 0 not in blocked
        for s in range(steps):
            if s in downs:
                r += 1
            else:
                c += 1
            ok = ok and (r * cols + c) not in blocked
        total += ok
    return total


def test_monotone_paths_matches_brute_force() -> None:
    for blocked in [set(), {1}, {5, 7}, {3, 10}, {2, 6, 9}]:
        assert rt.monotone_paths(3, 4, sorted(blocked)) == brute_paths(3, 4, blocked)


def full_edges(rows: int, cols: int) -> tuple[list[int], list[int]]:
    return [1] * ((rows + 1) * cols), [1] * (rows * (cols + 1))


def test_grid_rectangles_full_grid_is_product_of_pairs() -> None:
    for rows, cols in [(1, 1), (1, 3), (2, 2), (3, 4)]:
        h, v = full_edges(rows, cols)
        assert rt.grid_rectangles(rows, cols, h, v) == binom(rows + 1, 2) * binom(cols + 1, 2)


def test_grid_rectangles_missing_edges() -> None:
    # 1x2 cells with the middle vertical edge removed: only the outer rectangle remains.
    h, v = full_edges(1, 2)
    v[1] = 0
    assert rt.grid_rectangles(1, 2, h, v) == 1
    # 2x2 cells without the top half of the middle vertical line: the two top cells merge.
    h, v = full_edges(2, 2)
    v[1] = 0  # edge from point (0, 1) to (1, 1)
    # Lost: top-left, top-right and the left/right 2x1 columns -> 9 - 4 = 5.
    assert rt.grid_rectangles(2, 2, h, v) == 5
    # A dangling edge adds nothing: remove one outer edge and the big ones go.
    h, v = full_edges(1, 1)
    h[0] = 0
    assert rt.grid_rectangles(1, 1, h, v) == 0
    with pytest.raises(ValueError):
        rt.grid_rectangles(1, 1, [1, 1], [1])
    with pytest.raises(ValueError):
        rt.grid_rectangles(1, 1, [1, 2], [1, 1])


def test_registered() -> None:
    for name in ("random_composition", "grown_region", "dial_clock", "measure_scale"):
        assert name in CATALOGUE
    assert CATALOGUE["grown_region"].random
