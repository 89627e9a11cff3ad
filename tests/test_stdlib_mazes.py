"""Mazes and pipe grids."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from tron import stdlib as rt


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


def test_pipes() -> None:
    # 1 x 3: right-open, left-right, left-open: all joined; turning the middle breaks it.
    assert rt.pipes_reach(1, 3, [2, 10, 8], 0) == [0, 1, 2]
    assert rt.pipes_reach(1, 3, [2, 5, 8], 0) == [0]
    rng = random.Random(2)
    for want in (True, False):
        for _ in range(10):
            tiles = rt.random_pipes(rng, 4, 5, 0, 19, want)
            assert (19 in rt.pipes_reach(4, 5, tiles, 0)) == want
    comp = rt.pipe_grid(1, 3, [2, 10, 8], 0, 2)
    assert {"c0", "c2", "src", "dst"} <= set(comp.subkeys())
