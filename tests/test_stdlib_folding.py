"""Folding cube nets: face directions and the left/right rule on the folded cube."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from tron import stdlib as rt

CROSS = [(0, 1), (1, 0), (1, 1), (1, 2), (1, 3), (2, 1)]


def cells(pairs: list[tuple[int, int]]) -> list[dict[str, int]]:
    return [{"row": r, "col": c} for r, c in pairs]


def test_cross_net_looked_at_from_the_front() -> None:
    net = cells(CROSS)
    n = rt.cube_net_normals(net)
    assert sorted(n) == list(range(6))
    top, front = n[0], n[2]
    # with the centre square facing you and the square above it on top, the square to the
    # right of the centre is on the right, the one to its left on the left
    assert n.index(rt.normal_cross(top, front)) == 3
    assert n.index(rt.normal_cross(front, top)) == 1
    assert rt.normal_cross(top, n[5]) == -1  # opposite faces are parallel


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10**6), st.integers(0, 3), st.booleans())
def test_every_net_folds_to_six_faces_with_opposites_matching(
    seed: int, turns: int, mirror: bool
) -> None:
    nets = [p for p in rt.free_polyominoes(6) if rt.is_cube_net(p)]
    net = rt.cells_transform(random.Random(seed).choice(nets), turns, mirror)
    n = rt.cube_net_normals(net)
    assert sorted(n) == list(range(6))
    for i in range(6):
        j = rt.cube_net_opposite(net, i)
        assert n[j] == n[i] ^ 1  # codes pair up +d / -d


@given(st.integers(0, 5), st.integers(0, 5))
def test_cross_is_antisymmetric_and_perpendicular(a: int, b: int) -> None:
    c = rt.normal_cross(a, b)
    d = rt.normal_cross(b, a)
    if a // 2 == b // 2:
        assert c == -1 and d == -1
    else:
        assert c // 2 not in (a // 2, b // 2) and d == c ^ 1
