"""Shapes, regular polygons, dashed lines and groups."""

from __future__ import annotations

import math

import pytest

from tron import stdlib as rt
from tron.render.scene import Line, Polygon


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


def test_regular_polygon_corners_on_circle() -> None:
    comp = rt.regular_polygon(7, 100, 100, 30, 0, "blue")
    ((item, _),) = comp.items
    assert isinstance(item, Polygon)
    assert len(item.points) == 7
    assert item.points[0] == pytest.approx((100, 70))
    for x, y in item.points:
        assert math.hypot(x - 100, y - 100) == pytest.approx(30, abs=0.02)
    turned = rt.regular_polygon(4, 0, 0, 10, 45, "none").items[0][0]
    assert isinstance(turned, Polygon)
    assert turned.points[0] == pytest.approx((7.07, -7.07), abs=0.01)
    assert turned.style.fill is None
    with pytest.raises(ValueError):
        rt.regular_polygon(2, 0, 0, 10, 0, "red")
    with pytest.raises(ValueError):
        rt.regular_polygon(5, 0, 0, 0, 0, "red")


def test_dashed_line() -> None:
    ((item, _),) = rt.dashed_line(0, 0, 10, 10, "red", 2).items
    assert isinstance(item, Line) and item.style.dash == (8.0, 6.0)
