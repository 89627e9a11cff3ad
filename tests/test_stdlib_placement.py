"""Random placement keeps discs apart and inside the canvas."""

import math
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tron import stdlib as rt
from tron.stdlib.component import SampleRejected


@given(st.integers(0, 2**31), st.integers(1, 25), st.floats(8, 40), st.floats(0, 12))
def test_scatter_separated_and_inside(seed: int, n: int, radius: float, margin: float) -> None:
    try:
        pts = rt.scatter(random.Random(seed), n, radius, margin)
    except SampleRejected:
        return
    assert len(pts) == n
    for p in pts:
        assert radius <= p["x"] <= 512 - radius and radius <= p["y"] <= 512 - radius
    for i in range(n):
        for j in range(i):
            d = math.hypot(pts[i]["x"] - pts[j]["x"], pts[i]["y"] - pts[j]["y"])
            assert d >= 2 * radius


def test_scatter_sizes_keeps_order() -> None:
    radii = [10.0, 40.0, 20.0]
    pts = rt.scatter_sizes(random.Random(1), radii)
    for i in range(3):
        for j in range(i):
            d = math.hypot(pts[i]["x"] - pts[j]["x"], pts[i]["y"] - pts[j]["y"])
            assert d >= radii[i] + radii[j] + 8


def test_scatter_impossible_is_rejected_quickly() -> None:
    with pytest.raises(SampleRejected):
        rt.scatter(random.Random(0), 200, 40)
    with pytest.raises(ValueError):
        rt.scatter(random.Random(0), 1, 300)


def test_grid_and_ring_points() -> None:
    pts = rt.grid_points(2, 3, 0, 0, 300, 200)
    assert pts[0] == {"x": 50.0, "y": 50.0} and pts[5] == {"x": 250.0, "y": 150.0}
    ring = rt.ring_points(4, 100, 100, 50)
    assert ring[0] == {"x": 100.0, "y": 50.0} and ring[1] == {"x": 150.0, "y": 100.0}
