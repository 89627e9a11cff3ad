"""Painted-block counts against a cube-by-cube count; floor plans, doors and routes against their promises."""

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from tron.stdlib.component import SampleRejected
from tron.stdlib.floor_plans import floor_plan, painted_block_counts, plan_doors, plan_route


@settings(max_examples=300, deadline=None)
@given(
    st.integers(1, 5),
    st.integers(1, 5),
    st.integers(1, 5),
    st.lists(st.integers(0, 1), min_size=6, max_size=6),
)
def test_painted_counts_match_brute_force(a, b, c, painted):
    top, bottom, front, back, left, right = painted
    want = [0] * 7
    for x in range(a):
        for y in range(b):
            for z in range(c):
                k = (
                    (left and x == 0)
                    + (right and x == a - 1)
                    + (front and y == 0)
                    + (back and y == b - 1)
                    + (bottom and z == 0)
                    + (top and z == c - 1)
                )
                want[k] += 1
    assert painted_block_counts(a, b, c, painted) == want


def _cells(room):
    x, y, w, h = room
    return {(x + i, y + j) for i in range(w) for j in range(h)}


def _touching(p, q):
    # Unit cells of p and q that share an edge, as wall pieces: brute force over the cells.
    return [
        (a, b) for a in _cells(p) for b in _cells(q) if abs(a[0] - b[0]) + abs(a[1] - b[1]) == 1
    ]


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10_000), st.integers(2, 9), st.integers(0, 3))
def test_plan_tiles_and_doors_join(seed, n, extra):
    rng = random.Random(seed)
    try:
        rooms = floor_plan(rng, n, 10, 8, 2)
        doors = plan_doors(rng, rooms, extra, 2)
    except SampleRejected:
        return
    assert len(rooms) == n
    cover = [c for r in rooms for c in _cells(r)]
    assert sorted(cover) == sorted({(x, y) for x in range(10) for y in range(8)})
    assert all(r[2] >= 2 and r[3] >= 2 for r in rooms)
    seen = {0}
    for _ in range(n):
        for d in doors:
            if d[0] in seen or d[1] in seen:
                seen |= {d[0], d[1]}
    assert seen == set(range(n))
    for a, b, x2, y2, vert in doors:
        pieces = _touching(rooms[a], rooms[b])
        assert len(pieces) >= 2
        # The door's centre is the middle of the shared wall pieces.
        mids = [(p[0] + q[0] + 1, p[1] + q[1] + 1) for p, q in pieces]
        xs = sorted(m[0] for m in mids)
        ys = sorted(m[1] for m in mids)
        assert (x2, y2) == (
            (xs[0] + xs[-1]) // 2 if not vert else xs[0],
            (ys[0] + ys[-1]) // 2 if vert else ys[0],
        )


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10_000), st.integers(1, 6), st.integers(0, 2))
def test_route_follows_doors(seed, steps, back):
    rng = random.Random(seed)
    try:
        rooms = floor_plan(rng, 8, 10, 8, 2)
        doors = plan_doors(rng, rooms, 3, 2)
        path = plan_route(rng, rooms, doors, steps, max(1, steps + 1 - back))
    except SampleRejected:
        return
    assert len(path) == steps + 1
    pairs = [sorted(path[i : i + 2]) for i in range(steps)]
    used = [next(k for k, d in enumerate(doors) if sorted(d[:2]) == p) for p in pairs]
    assert len(set(used)) == steps
    assert len(set(path)) == max(1, steps + 1 - back)
    assert path[-1] != path[0]
    for i in range(1, steps):
        # A room is never left through the wall it was entered by.
        came, went = doors[used[i - 1]], doors[used[i]]
        x, y, w, h = rooms[path[i]]

        def side(d):
            return ("v", d[2]) if d[4] else ("h", d[3])

        assert side(came) != side(went)
