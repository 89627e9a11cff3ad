"""Geometry over point lists, polar points, sectors, angle arcs and dimensioned polygons."""

from __future__ import annotations

import pytest

from tron import stdlib as rt
from tron.render.scene import Arc, Polygon, Text, Wedge
from tron.stdlib.arithmetic import cos_deg, sin_deg
from tron.stdlib.geometry import angle_arc, polar_point, sector


def pt(x: float, y: float) -> dict[str, float]:
    return {"x": x, "y": y}


def test_segment_crossings_counts_proper_crossings_only() -> None:
    starts = [pt(0, 0), pt(0, 10), pt(20, 0), pt(10, 10)]
    ends = [pt(10, 10), pt(10, 0), pt(30, 0), pt(20, 20)]
    hits = rt.segment_crossings(starts, ends)
    # Only the X of segments 0 and 1 crosses; segment 3 merely touches segment 0's end.
    assert hits == [{"x": 5.0, "y": 5.0}]


def test_segment_crossings_parallel_and_mismatch() -> None:
    assert rt.segment_crossings([pt(0, 0), pt(0, 5)], [pt(10, 0), pt(10, 5)]) == []
    with pytest.raises(ValueError):
        rt.segment_crossings([pt(0, 0)], [])


def test_min_point_gap() -> None:
    assert rt.min_point_gap([pt(0, 0), pt(3, 4), pt(10, 10)]) == pytest.approx(5.0)
    assert rt.min_point_gap([pt(1, 1)]) == 1.0e6


def test_segments_distance() -> None:
    d = rt.segments_distance(pt(5, 3), [pt(0, 0), pt(100, 100)], [pt(10, 0), pt(100, 200)])
    assert d == pytest.approx(3.0)


def test_inside_polygon_non_convex() -> None:
    # A "U" shape: the notch at the top middle is outside.
    u = [pt(0, 0), pt(10, 0), pt(10, 30), pt(20, 30), pt(20, 0), pt(30, 0), pt(30, 40), pt(0, 40)]
    assert rt.inside_polygon(pt(5, 5), u)
    assert not rt.inside_polygon(pt(15, 5), u)
    assert rt.inside_polygon(pt(15, 35), u)
    assert not rt.inside_polygon(pt(50, 5), u)
    assert rt.polygon_edge_distance(pt(15, 5), u) == pytest.approx(5.0)


def test_min_turn_degrees() -> None:
    square = [pt(0, 0), pt(10, 0), pt(10, 10), pt(0, 10)]
    assert rt.min_turn_degrees(square) == pytest.approx(90.0)
    flat = [pt(0, 0), pt(5, 0.1), pt(10, 0), pt(5, 10)]
    assert rt.min_turn_degrees(flat) < 5


def test_trig_and_polar_point() -> None:
    assert sin_deg(90) == 1.0 and cos_deg(90) == 0.0 and sin_deg(180) == 0.0
    assert abs(sin_deg(30) - 0.5) < 1e-12
    p = polar_point(100, 100, 10, 90)  # straight up on the canvas
    assert p == {"x": 100.0, "y": 90.0}
    q = polar_point(0, 0, 2, 0)
    assert q == {"x": 2.0, "y": 0.0}


def test_sector_and_angle_arc_items() -> None:
    ((w, _),) = sector(50, 50, 20, 0, 90, "red").items
    assert isinstance(w, Wedge) and w.end_deg - w.start_deg == 90
    ((a, _),) = angle_arc(0, 0, 10, 0, 60).items
    assert isinstance(a, Arc) and a.start_deg == 30 and a.end_deg == 90
    with pytest.raises(ValueError):
        sector(0, 0, 10, 90, 10, "red")


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
