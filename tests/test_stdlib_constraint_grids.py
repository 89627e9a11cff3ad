"""constraint_grids counters against brute force over every filling of tiny boards."""

import itertools
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from tron.stdlib.constraint_grids import (
    hitori_count,
    hitori_make,
    hitori_solution,
    kakuro_blanks,
    kakuro_clues,
    kakuro_count,
    kakuro_fill,
    kakuro_mask,
    nonogram_blanks,
    nonogram_count,
    starbattle_broken,
    starbattle_count,
    starbattle_regions,
    starbattle_solution,
    tents_count,
    tents_make,
)


def _adj(cols, a, b, diag):
    (ra, ca), (rb, cb) = divmod(a, cols), divmod(b, cols)
    d = (abs(ra - rb), abs(ca - cb))
    return d in ((0, 1), (1, 0)) or (diag and d == (1, 1))


def _conn(rows, cols, cells):
    cells = set(cells)
    if not cells:
        return True
    seen, todo = set(), [min(cells)]
    while todo:
        i = todo.pop()
        if i in seen:
            continue
        seen.add(i)
        todo += [j for j in cells if j not in seen and _adj(cols, i, j, False)]
    return seen == cells


def _runs(line):
    return [len(list(g)) for k, g in itertools.groupby(line) if k == 1]


# ---------------------------------------------------------------- kakuro


def _kakuro_ok(rows, cols, g, clues):
    for i in range(rows * cols):
        if g[i] >= 0:
            continue
        r, c = divmod(i, cols)
        for d, (dr, dc) in enumerate(((0, 1), (1, 0))):
            run, rr, cc = [], r + dr, c + dc
            while rr < rows and cc < cols and g[rr * cols + cc] >= 0:
                run.append(g[rr * cols + cc])
                rr, cc = rr + dr, cc + dc
            if run and (len(set(run)) < len(run) or sum(run) != clues[2 * i + d]):
                return False
    return True


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10**6), st.sampled_from([(3, 3), (3, 4), (4, 3)]), st.integers(0, 4))
def test_kakuro_count_matches_brute_force(seed, shape, holes):
    rng = random.Random(seed)
    rows, cols = shape
    sol = kakuro_fill(rng, rows, cols, kakuro_mask(rng, rows, cols, 0))
    clues = kakuro_clues(rows, cols, sol)
    whites = [i for i in range(rows * cols) if sol[i] > 0]
    empty = rng.sample(whites, min(holes, len(whites)))
    puz = [0 if i in empty else v for i, v in enumerate(sol)]
    want = 0
    for vals in itertools.product(range(1, 10), repeat=len(empty)):
        g = list(puz)
        for i, v in zip(empty, vals, strict=True):
            g[i] = v
        want += _kakuro_ok(rows, cols, g, clues)
    assert kakuro_count(rows, cols, puz, clues, 10**6) == want
    assert kakuro_count(rows, cols, puz, clues, 1) == min(want, 1)
    # A wrong digit on a full board is never a solution.
    if whites:
        bad = list(sol)
        bad[whites[0]] = bad[whites[0]] % 9 + 1
        assert kakuro_count(rows, cols, bad, clues, 2) == 0


@settings(max_examples=15, deadline=None)
@given(st.integers(0, 10**6))
def test_kakuro_blanks_unique(seed):
    rng = random.Random(seed)
    sol = kakuro_fill(rng, 4, 4, kakuro_mask(rng, 4, 4, 0))
    clues = kakuro_clues(4, 4, sol)
    puz = kakuro_blanks(rng, 4, 4, sol, clues, 3, 5)
    assert puz[5] == 0 and puz.count(0) == 3
    assert kakuro_count(4, 4, puz, clues, 2) == 1


# ---------------------------------------------------------------- star battle


def _star_brute(n, regions):
    out = []
    for cols in itertools.permutations(range(n)):
        stars = [r * n + c for r, c in enumerate(cols)]
        if len({regions[i] for i in stars}) < n:
            continue
        if any(abs(cols[r] - cols[r + 1]) <= 1 for r in range(n - 1)):
            continue
        out.append(list(cols))
    return out


@settings(max_examples=60, deadline=None)
@given(
    st.integers(4, 6).flatmap(
        lambda n: st.tuples(
            st.just(n), st.lists(st.integers(0, n - 1), min_size=n * n, max_size=n * n)
        )
    )
)
def test_starbattle_count_matches_brute_force(case):
    n, regions = case
    regions = regions[: n * n - n] + list(range(n))  # every region used
    sols = _star_brute(n, regions)
    assert starbattle_count(n, regions, 10**6) == len(sols)
    assert starbattle_solution(n, regions) == (sols[0] if sols else [])


@settings(max_examples=10, deadline=None)
@given(st.integers(0, 10**6), st.integers(5, 6))
def test_starbattle_regions_unique_and_broken(seed, n):
    regions = starbattle_regions(random.Random(seed), n)
    assert len(_star_brute(n, regions)) == 1
    sol = starbattle_solution(n, regions)
    stars = [r * n + c for r, c in enumerate(sol)]
    assert starbattle_broken(n, regions, stars) == [0, 0, 0, 0]
    moved = [stars[0] + (1 if sol[0] < n - 1 else -1)] + stars[1:]
    assert (
        starbattle_broken(n, regions, moved)[0] == 0
        and sum(starbattle_broken(n, regions, moved)) >= 1
    )


# ---------------------------------------------------------------- tents


def _tents_brute(rows, cols, trees, rc, cc):
    free = [i for i in range(rows * cols) if i not in trees]
    n = 0
    for k in range(len(trees) + 1):
        for tents in itertools.combinations(free, k):
            if len(tents) != len(trees):
                continue
            if [sum(1 for t in tents if t // cols == r) for r in range(rows)] != rc:
                continue
            if [sum(1 for t in tents if t % cols == c) for c in range(cols)] != cc:
                continue
            if any(_adj(cols, a, b, True) for a, b in itertools.combinations(tents, 2)):
                continue
            if any(
                all(_adj(cols, t, p[j], False) for j, t in enumerate(trees))
                for p in itertools.permutations(tents)
            ):
                n += 1
    return n


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from([(3, 3), (3, 4), (4, 4)]).flatmap(
        lambda s: st.tuples(
            st.just(s),
            st.lists(st.integers(0, s[0] * s[1] - 1), max_size=4, unique=True),
            st.lists(st.integers(0, 2), min_size=s[0], max_size=s[0]),
            st.lists(st.integers(0, 2), min_size=s[1], max_size=s[1]),
        )
    )
)
def test_tents_count_matches_brute_force(case):
    (rows, cols), trees, rc, cc = case
    assert tents_count(rows, cols, trees, rc, cc, 10**6) == _tents_brute(rows, cols, trees, rc, cc)


@settings(max_examples=10, deadline=None)
@given(st.integers(0, 10**6))
def test_tents_make_unique(seed):
    b = tents_make(random.Random(seed), 4, 4, 3)
    trees = [i for i in range(16) if b[i] == 1]
    tents = [i for i in range(16) if b[i] == 2]
    rc = [sum(1 for t in tents if t // 4 == r) for r in range(4)]
    cc = [sum(1 for t in tents if t % 4 == c) for c in range(4)]
    assert len(trees) == len(tents) == 3
    assert _tents_brute(4, 4, trees, rc, cc) == 1


# ---------------------------------------------------------------- hitori


def _hitori_brute(n, d):
    sols = []
    rep = [
        sum(1 for c in range(n) if d[(i // n) * n + c] == d[i]) > 1
        or sum(1 for r in range(n) if d[r * n + i % n] == d[i]) > 1
        for i in range(n * n)
    ]
    for bits in itertools.product((0, 1), repeat=n * n):
        if any(b and not rep[i] for i, b in enumerate(bits)):
            continue
        shaded = [i for i in range(n * n) if bits[i]]
        if any(_adj(n, a, b, False) for a, b in itertools.combinations(shaded, 2)):
            continue
        white = [i for i in range(n * n) if not bits[i]]
        lines = [[d[r * n + c] for c in range(n) if not bits[r * n + c]] for r in range(n)]
        lines += [[d[r * n + c] for r in range(n) if not bits[r * n + c]] for c in range(n)]
        if any(len(set(v)) < len(v) for v in lines) or not _conn(n, n, white):
            continue
        sols.append(list(bits))
    return sols


@settings(max_examples=40, deadline=None)
@given(
    st.integers(2, 4).flatmap(
        lambda n: st.tuples(st.just(n), st.lists(st.integers(1, n), min_size=n * n, max_size=n * n))
    )
)
def test_hitori_count_matches_brute_force(case):
    n, digits = case
    sols = _hitori_brute(n, digits)
    assert hitori_count(n, digits, 10**6) == len(sols)
    assert hitori_solution(n, digits) == (sols[0] if sols else [])


@settings(max_examples=10, deadline=None)
@given(st.integers(0, 10**6), st.integers(2, 3))
def test_hitori_make_unique(seed, k):
    d = hitori_make(random.Random(seed), 4, k)
    sols = _hitori_brute(4, d)
    assert len(sols) == 1 and sum(sols[0]) == k


# ---------------------------------------------------------------- nonogram


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from([(2, 3), (3, 3), (3, 4), (4, 3)]).flatmap(
        lambda s: st.tuples(
            st.just(s),
            st.lists(st.integers(0, 1), min_size=s[0] * s[1], max_size=s[0] * s[1]),
            st.lists(st.integers(-1, 1), min_size=s[0] * s[1], max_size=s[0] * s[1]),
        )
    )
)
def test_nonogram_count_matches_brute_force(case):
    (rows, cols), sol, known = case
    want_r = [_runs(sol[r * cols : r * cols + cols]) for r in range(rows)]
    want_c = [_runs(sol[c::cols]) for c in range(cols)]
    n = 0
    for g in itertools.product((0, 1), repeat=rows * cols):
        if any(k >= 0 and k != v for k, v in zip(known, g, strict=True)):
            continue
        if [_runs(g[r * cols : r * cols + cols]) for r in range(rows)] != want_r:
            continue
        if [_runs(g[c::cols]) for c in range(cols)] != want_c:
            continue
        n += 1
    assert nonogram_count(rows, cols, sol, known, 10**6) == n


@settings(max_examples=15, deadline=None)
@given(st.integers(0, 10**6))
def test_nonogram_blanks_unique(seed):
    rng = random.Random(seed)
    sol = [rng.randint(0, 1) for _ in range(16)]
    puz = nonogram_blanks(rng, 4, 4, sol, 6, 0)
    assert puz[0] == -1 and puz.count(-1) == 6
    assert nonogram_count(4, 4, sol, puz, 2) == 1
