"""Grid regions, runs and mazes."""

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tron import stdlib as rt


def test_count_regions_known_grid() -> None:
    w, r, b = "white", "red", "blue"
    fills = [
        r, r, w, b,
        w, r, w, r,
        r, w, w, r,
        r, b, r, r,
    ]  # fmt: skip
    # Red regions: {0,1,5}, {7,11,14,15}, {8,12} (diagonal contact does not join).
    assert rt.count_regions(4, 4, fills, r) == 3
    assert rt.count_regions(4, 4, fills, b) == 2
    assert rt.count_regions(4, 4, fills, "green") == 0
    assert rt.largest_region(4, 4, fills, r) == 4
    assert rt.largest_region(4, 4, fills, w) == 4  # {2, 6, 10, 9}
    with pytest.raises(ValueError):
        rt.count_regions(3, 3, fills, r)


def test_lines_of() -> None:
    lines = rt.lines_of(3, 3, 3)
    assert len(lines) == 8
    assert [0, 4, 8] in lines and [2, 4, 6] in lines and [0, 3, 6] in lines
    assert len(rt.lines_of(4, 5, 4)) == 4 * 2 + 5 * 1 + 2 * 2
    assert rt.lines_of(2, 2, 3) == []


def test_cell_neighbours() -> None:
    assert rt.cell_neighbours(3, 3, 1, 1) == [1, 3, 5, 7]
    assert rt.cell_neighbours(3, 3, 0, 0) == [1, 3]


def test_random_fills() -> None:
    fills = rt.random_fills(random.Random(0), 5, 6, ["red", "blue"], 0.4)
    assert len(fills) == 30 and set(fills) <= {"red", "blue", "white"}
    assert rt.random_fills(random.Random(0), 2, 2, ["red"], 1.0) == ["red"] * 4
    assert rt.random_fills(random.Random(0), 2, 2, ["red"], 0.0) == ["white"] * 4


@given(st.integers(0, 2**31), st.integers(1, 14), st.integers(1, 14))
def test_maze_is_perfect(seed: int, rows: int, cols: int) -> None:
    m = rt.maze(random.Random(seed), rows, cols)
    n = rows * cols
    assert len(m.open) == n - 1  # a spanning tree has cells - 1 passages
    for a, b in m.open:
        assert b - a == 1 and a // cols == b // cols or b - a == cols
    corner = rt.grid_cell(0, 0)
    dists = [rt.maze_path_length(m, corner, rt.grid_cell(*divmod(i, cols))) for i in range(n)]
    assert all(d >= 0 for d in dists)  # every cell reachable, so the tree is connected
    assert rt.maze_path_length(m, corner, corner) == 0
    x0, y0, x1, y1 = rt.draw_maze(m, corner, rt.grid_cell(rows - 1, cols - 1)).bbox()
    assert x0 >= 0 and y0 >= 0 and x1 <= 512 and y1 <= 512


def test_maze_path_on_a_corridor() -> None:
    m = rt.maze(random.Random(0), 1, 7)
    assert rt.maze_path_length(m, rt.grid_cell(0, 0), rt.grid_cell(0, 6)) == 6
    ends = rt.maze_dead_ends(m, rt.grid_cell(0, 0))
    assert ends == [rt.grid_cell(0, 6)]


def test_grid_component() -> None:
    comp = rt.grid(3, 4, ["white"] * 12, labels=True, texts=["1"] * 12)
    assert "c2_3" in comp.subkeys()
    x0, y0, x1, y1 = comp.bbox()
    assert x0 >= 0 and y0 >= 0 and x1 <= 512 and y1 <= 512
    with pytest.raises(ValueError):
        rt.grid(2, 2, ["white"] * 3)
