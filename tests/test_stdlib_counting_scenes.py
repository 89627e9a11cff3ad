"""Counting scenes: the open curve component."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tron import stdlib as rt
from tron.render.scene import Polyline

coords = st.floats(min_value=0, max_value=512, allow_nan=False)


@given(st.lists(st.tuples(coords, coords), min_size=2, max_size=60))
def test_open_curve_keeps_every_point_in_order(pts: list[tuple[float, float]]) -> None:
    comp = rt.open_curve([{"x": x, "y": y} for x, y in pts], "blue", 3)
    items = [item for item, _ in comp.items]
    assert len(items) == 1 and isinstance(items[0], Polyline)
    assert items[0].points == tuple(pts)
    assert items[0].style.fill is None


def test_open_curve_needs_two_points() -> None:
    with pytest.raises(ValueError):
        rt.open_curve([{"x": 1.0, "y": 2.0}], "blue", 3)
