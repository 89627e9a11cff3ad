"""Lattice paths, grid rectangles, regular polygons, dominoes and binary digits."""

import itertools
import math

import pytest

from tron import stdlib as rt
from tron.scene import Circle, Polygon


def binom(n: int, k: int) -> int:
    return math.comb(n, k)


def test_monotone_paths_open_lattice_is_binomial() -> None:
    for rows, cols in [(1, 1), (1, 5), (2, 2), (3, 4), (5, 6)]:
        assert rt.monotone_paths(rows, cols, []) == binom(rows + cols - 2, rows - 1)


def test_monotone_paths_with_blocks() -> None:
    # 3x3 points, centre blocked: only the two routes along the border remain.
    assert rt.monotone_paths(3, 3, [4]) == 2
    # Blocking a point removes exactly the paths through it.
    through = binom(2, 1) * binom(2, 1)  # to (1, 1) and from (1, 1) on a 3x3 lattice
    assert rt.monotone_paths(3, 3, []) - through == 2
    # A blocked end point leaves no path; a wall of blocks as well.
    assert rt.monotone_paths(3, 3, [0]) == 0
    assert rt.monotone_paths(3, 3, [8]) == 0
    assert rt.monotone_paths(3, 3, [2, 4, 6]) == 0
    with pytest.raises(ValueError):
        rt.monotone_paths(3, 3, [9])
    with pytest.raises(ValueError):
        rt.monotone_paths(0, 3, [])


def brute_paths(rows: int, cols: int, blocked: set[int]) -> int:
    total = 0
    steps = rows - 1 + cols - 1
    for downs in itertools.combinations(range(steps), rows - 1):
        r = c = 0
        ok = 0 not in blocked
        for s in range(steps):
            if s in downs:
                r += 1
            else:
                c += 1
            ok = ok and (r * cols + c) not in blocked
        total += ok
    return total


def test_monotone_paths_matches_brute_force() -> None:
    for blocked in [set(), {1}, {5, 7}, {3, 10}, {2, 6, 9}]:
        assert rt.monotone_paths(3, 4, sorted(blocked)) == brute_paths(3, 4, blocked)


def full_edges(rows: int, cols: int) -> tuple[list[int], list[int]]:
    return [1] * ((rows + 1) * cols), [1] * (rows * (cols + 1))


def test_grid_rectangles_full_grid_is_product_of_pairs() -> None:
    for rows, cols in [(1, 1), (1, 3), (2, 2), (3, 4)]:
        h, v = full_edges(rows, cols)
        assert rt.grid_rectangles(rows, cols, h, v) == binom(rows + 1, 2) * binom(cols + 1, 2)


def test_grid_rectangles_missing_edges() -> None:
    # 1x2 cells with the middle vertical edge removed: only the outer rectangle remains.
    h, v = full_edges(1, 2)
    v[1] = 0
    assert rt.grid_rectangles(1, 2, h, v) == 1
    # 2x2 cells without the top half of the middle vertical line: the two top cells merge.
    h, v = full_edges(2, 2)
    v[1] = 0  # edge from point (0, 1) to (1, 1)
    # Lost: top-left, top-right and the left/right 2x1 columns -> 9 - 4 = 5.
    assert rt.grid_rectangles(2, 2, h, v) == 5
    # A dangling edge adds nothing: remove one outer edge and the big ones go.
    h, v = full_edges(1, 1)
    h[0] = 0
    assert rt.grid_rectangles(1, 1, h, v) == 0
    with pytest.raises(ValueError):
        rt.grid_rectangles(1, 1, [1, 1], [1])
    with pytest.raises(ValueError):
        rt.grid_rectangles(1, 1, [1, 2], [1, 1])


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


def test_domino_pips_and_halves() -> None:
    comp = rt.domino(3, 0, 100, 100, 40, True)
    pips = [(item, sub) for item, sub in comp.items if isinstance(item, Circle)]
    assert len(pips) == 3
    assert all(sub == "h0" for _, sub in pips)
    assert all(item.cy < 100 for item, _ in pips)  # the top half
    assert comp.subkeys() == ["h0", "h1"]
    x0, y0, x1, y1 = comp.bbox()
    assert (x1 - x0, y1 - y0) == pytest.approx((40, 80), abs=3)
    flat = rt.domino(6, 5, 100, 100, 40, False)
    right = [item for item, sub in flat.items if isinstance(item, Circle) and sub == "h1"]
    assert len(right) == 5 and all(item.cx > 100 for item in right)
    with pytest.raises(ValueError):
        rt.domino(7, 0, 0, 0, 10, True)


def test_bits_round_trip() -> None:
    assert rt.bits_of(5, 4) == [0, 1, 0, 1]
    assert rt.bits_of(0, 3) == [0, 0, 0]
    assert rt.from_bits([1, 1, 0]) == 6
    assert rt.from_bits([]) == 0
    for n in range(32):
        assert rt.from_bits(rt.bits_of(n, 5)) == n
    with pytest.raises(ValueError):
        rt.bits_of(8, 3)
    with pytest.raises(ValueError):
        rt.from_bits([2])
