"""Multi-series charts stay in their box, key every bar and point, and put values on
gridlines."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.test_stdlib_components import WORDS
from tron import stdlib as rt
from tron.stdlib.component import Component, SampleRejected
from tron.stdlib.plots import value_scale


def inside(comp: Component, left: float, top: float, width: float, height: float) -> None:
    x0, y0, x1, y1 = comp.bbox()
    assert x0 >= left - 0.5 and y0 >= top - 0.5, comp.bbox()
    assert x1 <= left + width + 0.5 and y1 <= top + height + 0.5, comp.bbox()


@given(st.lists(st.integers(-300, 300), min_size=1, max_size=20), st.booleans())
def test_value_scale_covers_values_on_gridlines(values: list[int], show: bool) -> None:
    try:
        lo, hi, step = value_scale(values, show)
    except SampleRejected:
        assert not show
        return
    assert lo <= min(0, *values) and hi >= max(0, *values)
    assert lo % step == 0 and hi % step == 0
    if not show:  # every value lies exactly on a gridline
        assert all(v % step == 0 for v in values) and (hi - lo) // step <= 20


BOXES = st.sampled_from([(0, 0, 512, 512), (0, 0, 256, 256), (256, 40, 256, 300)])


@settings(max_examples=60, deadline=None)
@given(
    st.integers(1, 8),
    st.integers(1, 4),
    st.booleans(),
    st.booleans(),
    st.booleans(),
    BOXES,
    st.data(),
)
def test_bar_groups_inside_and_keyed(
    n: int, ns: int, stacked: bool, horizontal: bool, show: bool, box: tuple, data: st.DataObject
) -> None:
    lo = 0 if stacked else -20
    values = data.draw(st.lists(st.integers(lo, 20).filter(bool), min_size=n * ns, max_size=n * ns))
    cats = [f"C{i}" for i in range(n)]
    series = [f"S{j}" for j in range(ns)] if ns > 1 else [""]
    try:
        comp = rt.bar_groups(cats, series, values, [], stacked, horizontal, show, "T", *box)
    except SampleRejected:
        return
    inside(comp, *box)
    keys = comp.subkeys()
    assert all(f"b{i}_{j}" in keys for i in range(n) for j in range(ns))
    assert all(f"c{i}" in keys for i in range(n))


@settings(max_examples=40, deadline=None)
@given(st.integers(2, 10), st.integers(1, 4), st.booleans(), st.data())
def test_line_series_keys_every_point(n: int, ns: int, area: bool, data: st.DataObject) -> None:
    values = data.draw(st.lists(st.integers(0, 20), min_size=n * ns, max_size=n * ns))
    try:
        comp = rt.line_series(
            [f"M{i}" for i in range(n)], [f"S{j}" for j in range(ns)], values, [], False, area
        )
    except SampleRejected:
        return
    inside(comp, 0, 0, 512, 512)
    keys = comp.subkeys()
    assert all(f"p{j}_{i}" in keys for i in range(n) for j in range(ns))


def test_stacked_rejects_negative_and_line_needs_one_series_for_values() -> None:
    with pytest.raises(ValueError):
        rt.bar_groups(["a"], ["x", "y"], [1, -1], [], True)
    with pytest.raises(ValueError):
        rt.line_series(["a", "b"], ["x", "y"], [1, 2, 3, 4], [], True)


@given(st.floats(-20, 40), st.floats(-3, 3))
def test_fit_line_is_clipped_to_the_plot(a: float, b: float) -> None:
    comp = rt.scatter_fit([1, 5], [2, 8], 10, 20, 1, 2, [a, b])
    inside(comp, 0, 0, 512, 512)


@given(WORDS)
def test_scatter_labels_stay_keyed(word: str) -> None:
    comp = rt.scatter_fit([0, 3], [0, 4], 4, 4, 1, 1, [], [word, word])
    assert {"p0", "p1"} <= set(comp.subkeys())
