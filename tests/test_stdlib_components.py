"""Components stay on the canvas, carry their subkeys and draw into a scene."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tron import stdlib as rt
from tron.scene import Scene
from tron.stdlib.component import Component, SampleRejected, draw

WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJ", min_size=1, max_size=12)
COLOURS = ["red", "orange", "yellow", "green", "blue", "purple", "pink", "brown", "gray"]


def _inside(comp: Component) -> None:
    x0, y0, x1, y1 = comp.bbox()
    assert x0 >= 0 and y0 >= 0 and x1 <= 512 and y1 <= 512, comp.bbox()


@given(st.lists(st.tuples(WORDS, st.integers(0, 1000)), min_size=1, max_size=12), st.booleans())
def test_bar_chart_inside(data: list[tuple[str, int]], show: bool) -> None:
    labels, values = [d[0] for d in data], [d[1] for d in data]
    try:
        comp = rt.bar_chart(labels, values, [], "Title here", show)
    except SampleRejected:
        return
    _inside(comp)
    assert all(f"bar{i}" in comp.subkeys() for i, v in enumerate(values) if v > 0)


@given(st.lists(st.tuples(WORDS, st.integers(0, 60)), min_size=1, max_size=12))
def test_line_chart_inside(data: list[tuple[str, int]]) -> None:
    try:
        comp = rt.line_chart([d[0] for d in data], [d[1] for d in data])
    except SampleRejected:
        return
    _inside(comp)


@given(
    st.lists(st.tuples(WORDS, st.integers(1, 100)), min_size=1, max_size=9),
    st.sampled_from(["percent", "value", "label"]),
)
def test_pie_chart_inside(data: list[tuple[str, int]], show: str) -> None:
    try:
        comp = rt.pie_chart([d[0] for d in data], [d[1] for d in data], [], show, "Pie")
    except SampleRejected:
        return
    _inside(comp)
    assert [f"s{i}" for i in range(len(data))] == [k for k in comp.subkeys() if k != "title"]


@given(st.integers(0, 23), st.integers(0, 59))
def test_clock_inside(h: int, m: int) -> None:
    comp = rt.clock(h, m)
    _inside(comp)
    assert {"hour", "minute", "face"} <= set(comp.subkeys())


@given(
    st.integers(-50, 50),
    st.integers(1, 100),
    st.lists(st.tuples(st.floats(0, 1), WORDS), max_size=6),
)
def test_number_line_inside(lo: int, span: int, marks: list[tuple[float, str]]) -> None:
    hi = lo + span
    pos = [lo + f * span for f, _ in marks]
    try:
        comp = rt.number_line(lo, hi, pos, [w for _, w in marks])
    except SampleRejected:
        return
    _inside(comp)


@given(st.lists(st.lists(WORDS, min_size=3, max_size=3), max_size=8))
def test_table_inside(rows: list[list[str]]) -> None:
    try:
        comp = rt.table(rows, ["Name", "Count", "Colour"])
    except SampleRejected:
        return
    _inside(comp)


def test_shapes_and_group() -> None:
    parts = [rt.shape(k, 100, 100, 30, "red") for k in rt.shape_kinds()]
    for p in parts:
        x0, y0, x1, y1 = p.bbox()
        assert x0 >= 69 and x1 <= 131 and y0 >= 69 and y1 <= 131
    g = rt.group([parts[0], rt.text("hi", 50, 50), rt.arrow(0, 0, 10, 10)])
    assert g.subkeys() == ["0", "1", "2"]
    with pytest.raises(ValueError):
        rt.shape("blob", 0, 0, 10, "red")
    assert rt.polygon([rt.point(0, 0), rt.point(10, 0), rt.point(0, 10)], "none").items


def test_draw_into_scene() -> None:
    scene = Scene()
    comp = rt.bar_chart(["a", "b"], [3, 5])
    draw(scene, "chart", comp)
    keys = scene.keys()
    assert "chart/bar0" in keys and "chart/bar1" in keys and "chart" in keys
    assert len(scene.items) == len(comp.items)


def test_chart_validation() -> None:
    with pytest.raises(ValueError):
        rt.bar_chart(["a"], [1, 2])
    with pytest.raises(ValueError):
        rt.pie_chart(["a", "b"], [1, 2], ["red", "red"])
    with pytest.raises(ValueError):
        rt.clock(24, 0)
