"""Dot plots, graphs on gridded axes, dimensioned polygons and coin-style sums."""

import random
from collections import Counter

import pytest

from tron import stdlib as rt
from tron.scene import Circle, Polygon, Polyline, Text
from tron.stdlib.component import SampleRejected


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


def test_dimensioned_polygon_puts_labels_outside_each_edge() -> None:
    square = [rt.point(100, 100), rt.point(300, 100), rt.point(300, 300), rt.point(100, 300)]
    for pts in (square, list(reversed(square))):
        comp = rt.dimensioned_polygon(pts, ["a", "b", "c", ""], "white", 16)
        texts = {sub: it for it, sub in comp.items if isinstance(it, Text)}
        assert sorted(texts) == ["e0", "e1", "e2"]
        for t in texts.values():
            inside = 100 < t.x < 300 and 100 < t.y < 300
            assert not inside
        assert any(isinstance(it, Polygon) and sub == "shape" for it, sub in comp.items)
    comp = rt.dimensioned_polygon(square, ["top", "right", "bottom", "left"], "white", 16)
    texts = {it.text: it for it, _ in comp.items if isinstance(it, Text)}
    assert texts["top"].y < 100 and texts["bottom"].y > 300
    assert texts["left"].x < 100 and texts["right"].x > 300


def test_reachable_sums_counts_lengths_in_range() -> None:
    assert rt.reachable_sums([1, 5], 2, 2, 20) == [2, 6, 10]
    assert rt.reachable_sums([2, 3], 1, 3, 9) == [2, 3, 4, 5, 6, 7, 8, 9]
    assert 4 not in rt.reachable_sums([1, 5, 10], 2, 3, 30)


def test_random_sum_between_hits_the_total_with_allowed_lengths() -> None:
    rng = random.Random(3)
    lengths: Counter[int] = Counter()
    for _ in range(300):
        xs = rt.random_sum_between(rng, 27, 3, 6, [1, 5, 10, 25])
        assert sum(xs) == 27 and 3 <= len(xs) <= 6
        assert set(xs) <= {1, 5, 10, 25}
        lengths[len(xs)] += 1
    # 27 is 25+1+1, 10+10+5+1+1 or 10+5+5+5+1+1, but no four of these coins make it;
    # each possible length is picked about equally often.
    assert set(lengths) == {3, 5, 6}
    assert min(lengths.values()) > 70


def test_random_sum_between_rejects_impossible_totals() -> None:
    with pytest.raises(SampleRejected):
        rt.random_sum_between(random.Random(0), 4, 2, 2, [1, 5])
    with pytest.raises(ValueError):
        rt.random_sum_between(random.Random(0), 4, 2, 2, [0, 5])
