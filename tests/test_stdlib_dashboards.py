"""Panels, treemaps, Sankey diagrams, radar and bubble charts: inside their box, keyed, and
treemap areas in proportion to the values."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.test_stdlib_plots import inside
from tron import stdlib as rt
from tron.render.scene import Rect
from tron.stdlib.component import SampleRejected


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(1, 50), min_size=2, max_size=8))
def test_treemap_areas_are_proportional(values: list[int]) -> None:
    try:
        comp = rt.treemap([f"T{i}" for i in range(len(values))], values)
    except SampleRejected:
        return
    inside(comp, 0, 0, 512, 512)
    tiles = {}
    for item, sub in comp.items:
        if isinstance(item, Rect) and sub and sub not in tiles:
            tiles[sub] = item.w * item.h
    total_area, total = sum(tiles.values()), sum(values)
    for i, v in enumerate(values):
        assert tiles[f"t{i}"] / total_area == pytest.approx(v / total, abs=0.002)


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 4), st.integers(1, 4), st.data())
def test_sankey_keyed(ns: int, nt: int, data: st.DataObject) -> None:
    pairs = [(s, t) for s in range(ns) for t in range(nt)]
    chosen = data.draw(
        st.lists(st.sampled_from(pairs), min_size=max(ns, nt), max_size=8, unique=True)
    )
    src, dst = [p[0] for p in chosen], [p[1] for p in chosen]
    flows = data.draw(st.lists(st.integers(5, 40), min_size=len(chosen), max_size=len(chosen)))
    names_l, names_r = [f"L{i}" for i in range(ns)], [f"R{j}" for j in range(nt)]
    if set(src) != set(range(ns)) or set(dst) != set(range(nt)):
        with pytest.raises(ValueError):
            rt.sankey(names_l, names_r, src, dst, flows)
        return
    try:
        comp = rt.sankey(names_l, names_r, src, dst, flows)
    except SampleRejected:
        return
    inside(comp, 0, 0, 512, 512)
    assert all(f"f{k}" in comp.subkeys() for k in range(len(flows)))


def test_panel_radar_bubble_inside() -> None:
    inside(rt.panel("Sales", 10, 10, 240, 200), 10, 10, 240, 200)
    radar = rt.radar_chart(["a", "b", "c", "d"], ["x", "y"], [1, 2, 3, 4, 4, 3, 2, 1], 4, 1)
    inside(radar, 0, 0, 512, 512)
    assert {"p0_0", "p1_3", "c2", "lg1"} <= set(radar.subkeys())
    bubbles = rt.bubble_chart([1, 5], [2, 8], [10, 40], ["A", "B"], 10, 10, 1, 1)
    inside(bubbles, 0, 0, 512, 512)
    with pytest.raises(ValueError):
        rt.radar_chart(["a", "b", "c"], ["x"], [1, 2, 5], 4, 1)


def test_radar_players_have_their_own_markers_drawn_above_every_outline() -> None:
    from tron.render.scene import Circle, Polygon

    radar = rt.radar_chart(["a", "b", "c", "d"], ["x", "y"], [1, 2, 3, 4, 4, 3, 2, 1], 4, 1)
    kinds = {sub: type(item) for item, sub in radar.items if sub and sub[0] == "p"}
    assert {kinds[f"p0_{i}"] for i in range(4)} == {Circle}
    assert {kinds[f"p1_{i}"] for i in range(4)} == {Rect}
    legend = [type(item) for item, sub in radar.items if sub == "lg0" and not hasattr(item, "text")]
    assert legend == [Circle]  # the first player's marker, not a square swatch
    order = [sub for _, sub in radar.items]
    last_shading = max(
        i
        for i, (item, _) in enumerate(radar.items)
        if isinstance(item, Polygon) and item.style.opacity < 1
    )
    assert all(order.index(f"p0_{i}") > last_shading for i in range(4))
