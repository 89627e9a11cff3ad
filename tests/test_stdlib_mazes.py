"""Mazes and pipe grids."""

from __future__ import annotations

import random
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from tron import stdlib as rt
from tron.stdlib.mazes import Maze


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


HEADINGS = [(-1, 0), (0, 1), (1, 0), (0, -1)]  # up, right, down, left: clockwise on the page


@given(st.integers(0, 2**31), st.integers(2, 9), st.integers(2, 9), st.data())
def test_maze_turns_add_up_to_the_change_of_heading(seed, rows, cols, data) -> None:
    m = rt.maze(random.Random(seed), rows, cols)
    a, b = (divmod(data.draw(st.integers(0, rows * cols - 1)), cols) for _ in range(2))
    turns = rt.maze_turns(m, rt.grid_cell(*a), rt.grid_cell(*b))
    assert set(turns) <= {"L", "R"}
    steps = rt.maze_path_length(m, rt.grid_cell(*a), rt.grid_cell(*b))
    assert len(turns) <= max(steps - 1, 0)
    if steps < 2:
        return
    # Walk the same path by brute force (each step to the neighbour nearer b) and compare the
    # net quarter turns with the turns reported.
    cells, here = [a], a
    while here != b:
        here = next(
            (here[0] + dr, here[1] + dc)
            for dr, dc in HEADINGS
            if 0 <= here[0] + dr < rows
            and 0 <= here[1] + dc < cols
            and rt.maze_path_length(
                m, rt.grid_cell(*here), rt.grid_cell(here[0] + dr, here[1] + dc)
            )
            == 1
            and rt.maze_path_length(m, rt.grid_cell(here[0] + dr, here[1] + dc), rt.grid_cell(*b))
            == rt.maze_path_length(m, rt.grid_cell(*here), rt.grid_cell(*b)) - 1
        )
        cells.append(here)
    heads = [HEADINGS.index((q[0] - p[0], q[1] - p[1])) for p, q in pairwise(cells)]
    changes = [(h1 - h0) % 4 for h0, h1 in pairwise(heads)]
    assert 2 not in changes  # a perfect maze's path never doubles back
    assert turns == ["R" if c == 1 else "L" for c in changes if c != 0]


def test_maze_turns_on_an_l_shaped_corridor() -> None:
    m = Maze(2, 2, frozenset({(0, 1), (1, 3)}))  # (0,0) -> (0,1) -> (1,1): right, then down
    assert rt.maze_turns(m, rt.grid_cell(0, 0), rt.grid_cell(1, 1)) == ["R"]
    assert rt.maze_turns(m, rt.grid_cell(1, 1), rt.grid_cell(0, 0)) == ["L"]
