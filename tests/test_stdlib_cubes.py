"""Isometric cube stacks, stack heights and cube nets."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.test_stdlib_polyominoes import cells, free_polyominoes
from tron import stdlib as rt
from tron.render.scene import Polygon
from tron.stdlib.component import SampleRejected


def test_random_stack_heights_total_and_shape() -> None:
    rng = random.Random(3)
    for total in (0, 5, 17):
        h = rt.random_stack_heights(rng, 3, 4, total, 3)
        assert sum(h) == total and max(h) <= 3
        for r in range(3):
            for c in range(4):
                if r:
                    assert h[(r - 1) * 4 + c] >= h[r * 4 + c]
                if c:
                    assert h[r * 4 + c - 1] >= h[r * 4 + c]
    with pytest.raises(SampleRejected):
        rt.random_stack_heights(rng, 2, 2, 9, 2)


def test_iso_cubes_one_top_per_column_and_inside_canvas() -> None:
    comp = rt.iso_cubes([2, 1, 0, 1], 2, 2, "blue")
    assert sorted(comp.subkeys()) == ["t0_0", "t0_1", "t1_1"]
    assert len(comp.items) == 3 * 4  # three faces per cube, four cubes
    x0, y0, x1, y1 = comp.bbox()
    assert 0 <= x0 < x1 <= 512 and 0 <= y0 < y1 <= 512


def test_iso_stacks_faces_and_fit() -> None:
    comp = rt.iso_stacks([2, 0, 1, 3], 2, 2, 256, 256, 300, "blue")
    polys = [item for item, _ in comp.items if isinstance(item, Polygon)]
    assert len(polys) == 3 * 6  # three faces per cube
    assert set(comp.subkeys()) == {"s0_0", "s1_0", "s1_1"}
    assert sum(sub is not None for _, sub in comp.items) == 3  # one top face per stack
    x0, y0, x1, y1 = comp.bbox()
    assert x0 >= 100 and x1 <= 412 and y0 >= 100 and y1 <= 412


def test_cube_nets_are_the_eleven() -> None:
    hexes = free_polyominoes(6)
    assert len(hexes) == 35
    assert sum(rt.is_cube_net(cells(*h)) for h in hexes) == 11
    cross = cells((0, 1), (1, 0), (1, 1), (1, 2), (2, 1), (3, 1))
    assert rt.is_cube_net(cross)
    assert not rt.is_cube_net(cells((0, 0), (0, 1), (0, 2), (0, 3), (0, 4), (0, 5)))
    assert not rt.is_cube_net(cells((0, 0), (0, 1), (1, 0), (1, 1), (2, 0), (2, 1)))
    assert not rt.is_cube_net(cross[:5])


def test_cube_net_opposite() -> None:
    # The cross: centre (1,1) is opposite the far end (3,1); left arm opposite right arm.
    cross = cells((0, 1), (1, 0), (1, 1), (1, 2), (2, 1), (3, 1))
    assert rt.cube_net_opposite(cross, 2) == 5
    assert rt.cube_net_opposite(cross, 1) == 3
    assert rt.cube_net_opposite(cross, 0) == 4
    strip = cells((0, 0), (0, 1), (0, 2), (0, 3), (1, 0), (1, 3))
    assert not rt.is_cube_net(strip)
    for j in range(6):
        assert rt.cube_net_opposite(cross, rt.cube_net_opposite(cross, j)) == j


# A die as a map from outward normals (x east, y north, z up) to values: the brute force that
# die_rolls' face tables must agree with.
NORMALS = ((0, 0, 1), (0, -1, 0), (1, 0, 0), (0, 0, -1), (0, 1, 0), (-1, 0, 0))  # its face order
TURNS = {  # the rotation of each roll, applied to every normal
    0: lambda x, y, z: (x, z, -y),  # north: up goes north
    1: lambda x, y, z: (z, y, -x),  # east: up goes east
    2: lambda x, y, z: (x, -z, y),  # south
    3: lambda x, y, z: (-z, y, x),  # west
}
CORNERS = [
    (t, f, r)
    for t in range(1, 7)
    for f in range(1, 7)
    for r in range(1, 7)
    if len({t, f, r, 7 - t, 7 - f, 7 - r}) == 6
]


@given(st.sampled_from(CORNERS), st.lists(st.integers(0, 3), max_size=12))
def test_die_rolls_match_turning_the_normals(corner, moves) -> None:
    t, f, r = corner
    die = dict(zip(NORMALS, (t, f, r, 7 - t, 7 - f, 7 - r), strict=True))
    for m in moves:
        die = {TURNS[m](*n): v for n, v in die.items()}
    assert rt.die_rolls(t, f, r, moves) == [die[n] for n in NORMALS]


def test_die_rolls_rejects_impossible_corners() -> None:
    with pytest.raises(ValueError, match="corner"):
        rt.die_rolls(1, 6, 2, [])
    with pytest.raises(ValueError, match="move"):
        rt.die_rolls(1, 2, 3, [4])
