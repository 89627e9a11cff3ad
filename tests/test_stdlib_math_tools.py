"""Tests for tron.stdlib.math_tools: number splits, trig helpers, sectors, clocks, scales and
grown regions."""

from __future__ import annotations

import random

import pytest

from tron.scene import Arc, Line, Wedge
from tron.stdlib.component import SampleRejected
from tron.stdlib.math_tools import (
    angle_arc,
    cells_perimeter,
    cos_deg,
    dial_clock,
    grown_region,
    measure_scale,
    polar_point,
    random_composition,
    random_sum_of,
    sector,
    sin_deg,
)
from tron.stdlib.registry import CATALOGUE


def test_random_composition_sums_and_respects_minimum() -> None:
    for seed in range(50):
        parts = random_composition(random.Random(seed), 30, 4, 3)
        assert len(parts) == 4 and sum(parts) == 30 and min(parts) >= 3


def test_random_composition_rejects_impossible() -> None:
    with pytest.raises(ValueError):
        random_composition(random.Random(0), 5, 3, 2)


def test_random_sum_of_uses_parts_and_total() -> None:
    for seed in range(30):
        xs = random_sum_of(random.Random(seed), 37, 5, [1, 2, 5, 10, 20])
        assert len(xs) == 5 and sum(xs) == 37 and set(xs) <= {1, 2, 5, 10, 20}
    with pytest.raises(SampleRejected):
        random_sum_of(random.Random(0), 7, 2, [5, 10])


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


def test_dial_clock_hands_point_the_right_way() -> None:
    comp = dial_clock(3, 0, 200, 200, 100)
    subs = {s for _, s in comp.items}
    assert {"face", "hour", "minute"} <= subs
    minute = next(i for i, s in comp.items if s == "minute")
    hour = next(i for i, s in comp.items if s == "hour")
    assert isinstance(minute, Line) and isinstance(hour, Line)
    assert minute.x2 == pytest.approx(200) and minute.y2 < 200  # minute hand at 12
    assert hour.y2 == pytest.approx(200) and hour.x2 > 200  # hour hand at 3
    with pytest.raises(ValueError):
        dial_clock(3, 60, 200, 200, 100)


def test_measure_scale_tick_count() -> None:
    comp = measure_scale(10, 100, 400, False, 0, 4, 2, 1)
    lines = [i for i, _ in comp.items if isinstance(i, Line)]
    assert len(lines) == 1 + 4 * 2 + 1  # spine + ticks
    texts = [i for i, _ in comp.items if not isinstance(i, Line)]
    assert [t.text for t in texts] == ["0", "1", "2", "3", "4"]


def test_grown_region_connected_and_perimeter() -> None:
    for seed in range(20):
        cells = grown_region(random.Random(seed), 7, 5, 5, 0)
        assert len(cells) == 7 and cells == sorted(set(cells))
        assert cells_perimeter(5, 5, cells) <= 2 * 7 + 2
        fixed = grown_region(random.Random(seed), 6, 5, 5, 14)
        assert cells_perimeter(5, 5, fixed) == 14


def test_cells_perimeter_known_shapes() -> None:
    assert cells_perimeter(3, 3, [4]) == 4
    assert cells_perimeter(3, 3, [0, 1, 3, 4]) == 8  # 2x2 square
    assert cells_perimeter(3, 3, [0, 1, 2]) == 8  # 1x3 bar


def test_registered() -> None:
    for name in ("random_composition", "grown_region", "dial_clock", "measure_scale"):
        assert name in CATALOGUE
    assert CATALOGUE["grown_region"].random
