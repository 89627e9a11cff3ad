"""Function plots: window mapping, axes, curves cut at the window edge, keyed dots."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tron.stdlib.function_plots import (
    plot_axes,
    plot_curve,
    plot_dots,
    plot_point,
    plot_samples,
    plot_window,
)

WIN = plot_window(-5, 5, -4, 4, 40, 40, 400, 320)


@given(st.integers(-5, 5), st.integers(-4, 4))
def test_point_maps_corners_and_is_affine(x: int, y: int) -> None:
    p = plot_point(WIN, x, y)
    assert p["x"] == pytest.approx(40 + (x + 5) * 40)
    assert p["y"] == pytest.approx(40 + (4 - y) * 40)


def test_window_rejects_empty_ranges() -> None:
    with pytest.raises(ValueError):
        plot_window(1, 1, 0, 2, 0, 0, 10, 10)


def test_axes_through_origin_are_keyed() -> None:
    comp = plot_axes(WIN, 1, 2)
    assert {"xaxis", "yaxis"} <= set(comp.subkeys())
    x0, y0, x1, y1 = comp.bbox()
    assert x0 >= 0 and y0 >= 0 and x1 <= 512 and y1 <= 512


@given(st.floats(-3, 3), st.floats(-3, 3))
def test_curve_pieces_stay_in_window(a: float, c: float) -> None:
    xs = plot_samples(-5, 5, 101)
    comp = plot_curve(WIN, xs, [a * x * x + c for x in xs])
    for item, sub in comp.items:
        assert sub == "curve"
        assert all(40 - 1e-6 <= py <= 360 + 1e-6 for _, py in item.points)


def test_curve_cut_where_it_leaves() -> None:
    xs = plot_samples(-5, 5, 11)
    comp = plot_curve(WIN, xs, [0, 0, 0, 9, 9, 0, 0, 0, 9, 0, 0])
    assert len(comp.items) == 3  # three in-window runs of 2+ points


def test_dots_keyed_per_point() -> None:
    comp = plot_dots(WIN, [0, 1], [0, 2], ["A", ""])
    assert comp.subkeys() == ["p0", "p1"]


@given(st.integers(2, 200))
def test_samples_endpoints(n: int) -> None:
    xs = plot_samples(-2, 3, n)
    assert len(xs) == n and xs[0] == -2 and xs[-1] == 3
    assert all(a < b for a, b in zip(xs, xs[1:], strict=False))
