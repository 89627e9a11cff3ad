"""Grid puzzle solvers against brute force: every count equals the number of complete grids
(enumerated directly) that extend the givens and keep every rule."""

import itertools
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from tron.stdlib.grid_puzzles import (
    _visible,
    binairo_blanks,
    binairo_count,
    binairo_fill,
    cage_goals,
    latin_blanks,
    latin_count,
    latin_fill,
    random_cages,
    skyscraper_views,
)


def _latins(n):
    rows = list(itertools.permutations(range(1, n + 1)))
    out = []

    def rec(acc):
        if len(acc) == n:
            out.append([v for r in acc for v in r])
            return
        for r in rows:
            if all(r[c] != a[c] for a in acc for c in range(n)):
                rec(acc + [r])

    rec([])
    return out


LATIN4 = _latins(4)
LATIN3 = _latins(3)


def _sudoku_ok(g, n, br, bc):
    for b in range(n):
        r0, c0 = (b // (n // bc)) * br, (b % (n // bc)) * bc
        vals = [g[(r0 + i) * n + c0 + j] for i in range(br) for j in range(bc)]
        if len(set(vals)) != n:
            return False
    return True


def test_latin_square_counts():
    assert len(LATIN4) == 576 and len(LATIN3) == 12
    assert latin_count(4, [0] * 16, limit=10_000) == 576
    assert latin_count(4, [0] * 16, 2, 2, limit=10_000) == 288


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10_000), st.integers(0, 16), st.booleans())
def test_latin_and_sudoku_count_matches_brute_force(seed, keep, boxes):
    rng = random.Random(seed)
    sol = rng.choice(LATIN4)
    cells = [sol[i] if i in rng.sample(range(16), keep) else 0 for i in range(16)]
    if rng.random() < 0.3:  # a given that may clash
        cells[rng.randrange(16)] = rng.randint(1, 4)
    br = 2 if boxes else 0
    brute = sum(
        1
        for g in LATIN4
        if all(c == 0 or c == v for c, v in zip(cells, g, strict=True))
        and (not boxes or _sudoku_ok(g, 4, 2, 2))
    )
    assert latin_count(4, cells, br, br, limit=1000) == brute


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10_000))
def test_futoshiki_skyscraper_kenken_match_brute_force(seed):
    rng = random.Random(seed)
    sol = rng.choice(LATIN4)
    cells = [v if rng.random() < 0.2 else 0 for v in sol]
    less = []
    for _ in range(rng.randint(0, 5)):
        a = rng.randrange(16)
        b = a + 1 if a % 4 < 3 else a - 1
        less.append({"a": a, "b": b, "w": 0} if sol[a] < sol[b] else {"a": b, "b": a, "w": 0})
    views = [k if rng.random() < 0.4 else 0 for k in skyscraper_views(4, rng.choice(LATIN4))]
    cages = random_cages(rng, 4, 4, 3)
    m = max(cages) + 1
    ops = ["+" if rng.random() < 0.5 else "×" for _ in range(m)]
    goals = cage_goals(rng.choice(LATIN4), cages, ops)

    def fits(g, use_v, use_c):
        if any(c and c != v for c, v in zip(cells, g, strict=True)):
            return False
        if any(g[e["a"]] >= g[e["b"]] for e in less):
            return False
        if use_v and any(k and k != s for k, s in zip(views, skyscraper_views(4, g), strict=True)):
            return False
        return not use_c or cage_goals(g, cages, ops) == goals

    assert latin_count(4, cells, less=less, limit=1000) == sum(fits(g, 0, 0) for g in LATIN4)
    assert latin_count(4, cells, less=less, views=views, limit=1000) == sum(
        fits(g, 1, 0) for g in LATIN4
    )
    assert latin_count(4, cells, less=less, cages=cages, goals=goals, ops=ops, limit=1000) == sum(
        fits(g, 0, 1) for g in LATIN4
    )


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 10_000), st.sampled_from([(4, 2, 2), (6, 2, 3), (9, 3, 3), (5, 0, 0)]))
def test_fill_and_blanks_keep_one_solution(seed, shape):
    n, br, bc = shape
    rng = random.Random(seed)
    sol = latin_fill(rng, n, br, bc)
    assert latin_count(n, sol, br, bc) == 1
    for r in range(n):
        assert sorted(sol[r * n : r * n + n]) == list(range(1, n + 1))
        assert sorted(sol[r::n]) == list(range(1, n + 1))
    k = n * n // 2
    try:
        puz = latin_blanks(rng, n, sol, k, 0, br, bc)
    except Exception:
        return
    assert puz.count(0) == k and puz[0] == 0
    assert all(p in (0, s) for p, s in zip(puz, sol, strict=True))
    assert latin_count(n, puz, br, bc) == 1


def test_visible():
    assert _visible([1, 2, 3, 4]) == 4 and _visible([4, 3, 2, 1]) == 1
    assert _visible([2, 1, 4, 3]) == 2


def _binairo_brute(n, cells):
    total = 0
    for bits in itertools.product((0, 1), repeat=n * n):
        g = list(bits)
        if any(c >= 0 and c != v for c, v in zip(cells, g, strict=True)):
            continue
        lines = [g[r * n : r * n + n] for r in range(n)] + [g[c::n] for c in range(n)]
        if any(ln.count(1) != n // 2 for ln in lines):
            continue
        if any(ln[k] == ln[k + 1] == ln[k + 2] for ln in lines for k in range(n - 2)):
            continue
        rows, cols = lines[:n], lines[n:]
        if len({tuple(r) for r in rows}) < n or len({tuple(c) for c in cols}) < n:
            continue
        total += 1
    return total


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10_000))
def test_binairo_count_matches_brute_force(seed):
    rng = random.Random(seed)
    sol = binairo_fill(rng, 4)
    cells = [v if rng.random() < 0.3 else -1 for v in sol]
    if rng.random() < 0.3:
        cells[rng.randrange(16)] = rng.randint(0, 1)
    assert binairo_count(4, cells, 1000) == _binairo_brute(4, cells)
    puz = binairo_blanks(rng, 4, sol, 6)
    assert puz.count(-1) == 6 and binairo_count(4, puz) == 1
