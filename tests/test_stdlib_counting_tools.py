"""Counting helpers: geometry over point lists, inversions, cube stacks, dice and tallies."""

import random

import pytest

from tron import stdlib as rt
from tron.stdlib.component import SampleRejected


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


@pytest.mark.parametrize("n", [0, 1, 2, 5, 7])
def test_perm_with_inversions_exact(n: int) -> None:
    rng = random.Random(n)
    for k in range(n * (n - 1) // 2 + 1):
        p = rt.perm_with_inversions(rng, n, k)
        assert sorted(p) == list(range(n))
        assert rt.inversions(p) == k


def test_perm_with_inversions_rejects_impossible() -> None:
    with pytest.raises(ValueError):
        rt.perm_with_inversions(random.Random(0), 3, 4)


def test_random_stack_heights_total_and_shape() -> None:
    rng = random.Random(3)
    for total in (0, 5, 17):
        h = rt.random_stack_heights(rng, 3, 4, total, 3)
        assert sum(h) == total and max(h) <= 3
        for r in range(3):
            for c in range(4):
                if r:
                    assert h[(r - 1) * 4 + c] >= h[r * 4 + c]
                if c:
                    assert h[r * 4 + c - 1] >= h[r * 4 + c]
    with pytest.raises(SampleRejected):
        rt.random_stack_heights(rng, 2, 2, 9, 2)


def test_iso_cubes_one_top_per_column_and_inside_canvas() -> None:
    comp = rt.iso_cubes([2, 1, 0, 1], 2, 2, "blue")
    assert sorted(comp.subkeys()) == ["t0_0", "t0_1", "t1_1"]
    assert len(comp.items) == 3 * 4  # three faces per cube, four cubes
    x0, y0, x1, y1 = comp.bbox()
    assert 0 <= x0 < x1 <= 512 and 0 <= y0 < y1 <= 512


def test_die_face_pips() -> None:
    for v in range(1, 7):
        assert len(rt.die_face(v, 100, 100, 60, "white").subkeys()) == v
    with pytest.raises(ValueError):
        rt.die_face(7, 0, 0, 10, "white")


@pytest.mark.parametrize("n", [1, 4, 5, 9, 10, 13])
def test_tally_strokes_and_width(n: int) -> None:
    comp = rt.tally(n, 256, 256, 60, "black")
    assert len(comp.subkeys()) == n
    x0, _, x1, _ = comp.bbox()
    assert x1 - x0 <= rt.tally_width(n, 60) + 1e-6
    assert abs((x0 + x1) / 2 - 256) < 8
