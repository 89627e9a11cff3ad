"""Donut, waterfall, histogram, dual-axis and box-plot charts stay in their box and key their
parts; the waterfall's bars follow the running total."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.test_stdlib_plots import inside
from tron import stdlib as rt
from tron.render.scene import Rect
from tron.stdlib.component import SampleRejected


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.integers(1, 60), min_size=2, max_size=8),
    st.sampled_from(["percent", "value", "label"]),
)
def test_donut_inside_and_keyed(values: list[int], show: str) -> None:
    labels = [f"Item{i}" for i in range(len(values))]
    comp = rt.donut_chart(labels, values, [], show, "Total")
    inside(comp, 0, 0, 512, 512)
    assert [f"s{i}" for i in range(len(values))] == [k for k in comp.subkeys() if k.startswith("s")]


@settings(max_examples=40, deadline=None)
@given(
    st.integers(1, 20),
    st.lists(st.integers(-8, 8).filter(bool), min_size=1, max_size=8),
    st.booleans(),
)
def test_waterfall_bars_follow_the_running_total(start: int, deltas: list[int], show: bool) -> None:
    levels = [start]
    for d in deltas:
        levels.append(levels[-1] + d)
    steps = [f"S{i}" for i in range(len(deltas) + 1)]
    if min(levels) < 0:
        with pytest.raises(ValueError):
            rt.waterfall_chart(steps, start, deltas, "End", show)
        return
    try:
        comp = rt.waterfall_chart(steps, start, deltas, "End", show)
    except SampleRejected:
        return
    inside(comp, 0, 0, 512, 512)
    bars = {sub: item for item, sub in comp.items if isinstance(item, Rect) and sub}
    heights = [bars[f"b{i}"].h for i in range(len(deltas) + 2)]
    # Each change bar is |delta| units tall on the same scale as the start bar.
    unit = heights[0] / start
    for i, d in enumerate(deltas):
        assert heights[i + 1] == pytest.approx(abs(d) * unit, abs=0.05)
    assert heights[-1] == pytest.approx(levels[-1] * unit, abs=0.05)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(0, 20), min_size=2, max_size=10), st.booleans())
def test_histogram_inside(counts: list[int], show: bool) -> None:
    edges = [10 * i for i in range(len(counts) + 1)]
    try:
        comp = rt.histogram_chart(edges, counts, show, "Heights", "cm")
    except SampleRejected:
        return
    inside(comp, 0, 0, 512, 512)
    assert all(f"b{i}" in comp.subkeys() for i, c in enumerate(counts) if c > 0)


def test_dual_axis_needs_values_on_its_steps() -> None:
    comp = rt.dual_axis_chart(["a", "b", "c"], [10, 20, 30], [2, 4, 6], "Sales", "Price", 10, 2, 4)
    inside(comp, 0, 0, 512, 512)
    assert {"b0", "p2", "lt", "rt"} <= set(comp.subkeys())
    with pytest.raises(ValueError):
        rt.dual_axis_chart(["a", "b"], [15, 20], [2, 4], "S", "P", 10, 2, 4)


@settings(max_examples=30, deadline=None)
@given(
    st.lists(st.lists(st.integers(0, 20), min_size=5, max_size=5), min_size=1, max_size=6),
    st.booleans(),
)
def test_box_plots_inside(groups: list[list[int]], horizontal: bool) -> None:
    stats = [v for g in groups for v in sorted(g)]
    comp = rt.box_plots([f"G{i}" for i in range(len(groups))], stats, 0, 20, 2, [], horizontal)
    inside(comp, 0, 0, 512, 512)
    assert all(f"bx{i}" in comp.subkeys() for i in range(len(groups)))
    with pytest.raises(ValueError):
        rt.box_plots(["g"], [5, 4, 3, 2, 1], 0, 20, 2)
