"""Charts stay on the canvas and validate their input; dot plots and xy graphs."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.test_stdlib_components import WORDS, inside_canvas
from tron import stdlib as rt
from tron.render.scene import Circle, Polyline, Text
from tron.stdlib.component import SampleRejected


@given(st.lists(st.tuples(WORDS, st.integers(0, 1000)), min_size=1, max_size=12), st.booleans())
def test_bar_chart_inside(data: list[tuple[str, int]], show: bool) -> None:
    labels, values = [d[0] for d in data], [d[1] for d in data]
    try:
        comp = rt.bar_chart(labels, values, [], "Title here", show)
    except SampleRejected:
        return
    inside_canvas(comp)
    assert all(f"bar{i}" in comp.subkeys() for i, v in enumerate(values) if v > 0)


@given(st.lists(st.tuples(WORDS, st.integers(0, 60)), min_size=1, max_size=12))
def test_line_chart_inside(data: list[tuple[str, int]]) -> None:
    try:
        comp = rt.line_chart([d[0] for d in data], [d[1] for d in data])
    except SampleRejected:
        return
    inside_canvas(comp)


@given(
    st.lists(st.tuples(WORDS, st.integers(1, 100)), min_size=1, max_size=9),
    st.sampled_from(["percent", "value", "label"]),
)
def test_pie_chart_inside(data: list[tuple[str, int]], show: str) -> None:
    try:
        comp = rt.pie_chart([d[0] for d in data], [d[1] for d in data], [], show, "Pie")
    except SampleRejected:
        return
    inside_canvas(comp)
    assert [f"s{i}" for i in range(len(data))] == [k for k in comp.subkeys() if k != "title"]


@given(st.lists(st.lists(WORDS, min_size=3, max_size=3), max_size=8))
def test_table_inside(rows: list[list[str]]) -> None:
    try:
        comp = rt.table(rows, ["Name", "Count", "Colour"])
    except SampleRejected:
        return
    inside_canvas(comp)


def test_chart_validation() -> None:
    with pytest.raises(ValueError):
        rt.bar_chart(["a"], [1, 2])
    with pytest.raises(ValueError):
        rt.pie_chart(["a", "b"], [1, 2], ["red", "red"])
    with pytest.raises(ValueError):
        rt.clock(24, 0)


def test_dot_plot_stacks_one_dot_per_value() -> None:
    comp = rt.dot_plot(0, 5, [2, 2, 5, 0, 2], 50, 400, 400, 8, "blue")
    dots = {sub: item for item, sub in comp.items if isinstance(item, Circle)}
    assert sorted(dots) == ["d0", "d1", "d2", "d3", "d4"]
    # Same value: same x, stacked upwards in order of appearance.
    assert dots["d0"].cx == dots["d1"].cx == dots["d4"].cx == 50 + 2 * 80
    assert dots["d0"].cy > dots["d1"].cy > dots["d4"].cy
    assert dots["d2"].cx == 450 and dots["d3"].cx == 50
    numbers = sorted(int(it.text) for it, _ in comp.items if isinstance(it, Text))
    assert numbers == [0, 1, 2, 3, 4, 5]


def test_dot_plot_rejects_values_off_the_line_and_cramped_dots() -> None:
    with pytest.raises(ValueError):
        rt.dot_plot(0, 5, [6], 50, 400, 400)
    with pytest.raises(ValueError):
        rt.dot_plot(0, 40, [1], 50, 400, 100, 9)


def test_xy_graph_places_points_on_the_axes() -> None:
    comp = rt.xy_graph([0, 2, 4], [0, 60, 60], 5, 80, 1, 20, "t", "d", 100, 50, 400, 320)
    pts = {sub: it for it, sub in comp.items if isinstance(it, Circle)}
    assert (pts["p0"].cx, pts["p0"].cy) == (100, 370)  # origin at bottom-left of the box
    assert (pts["p1"].cx, pts["p1"].cy) == (260, 130)
    assert pts["p2"].cy == pts["p1"].cy
    line = [it for it, _ in comp.items if isinstance(it, Polyline)]
    assert len(line) == 1 and len(line[0].points) == 3
    labels = {it.text for it, _ in comp.items if isinstance(it, Text)}
    assert {"0", "5", "20", "80", "t", "d"} <= labels


def test_xy_graph_rejects_points_outside() -> None:
    with pytest.raises(ValueError):
        rt.xy_graph([0, 6], [0, 10], 5, 80, 1, 20, "t", "d")
