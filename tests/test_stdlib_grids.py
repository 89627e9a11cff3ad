"""Grid drawing, regions, neighbours, flood fills, grown regions, runs and tile rows."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tron import stdlib as rt
from tron.stdlib import grids
from tron.stdlib.grids import cells_perimeter, grown_region


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


def test_grid_component() -> None:
    comp = rt.grid(3, 4, ["white"] * 12, labels=True, texts=["1"] * 12)
    assert "c2_3" in comp.subkeys()
    x0, y0, x1, y1 = comp.bbox()
    assert x0 >= 0 and y0 >= 0 and x1 <= 512 and y1 <= 512
    with pytest.raises(ValueError):
        rt.grid(2, 2, ["white"] * 3)


def test_neighbours8() -> None:
    assert rt.neighbours8(3, 3, 4) == [0, 1, 2, 3, 5, 6, 7, 8]
    assert rt.neighbours8(3, 3, 0) == [1, 3, 4]
    with pytest.raises(ValueError):
        rt.neighbours8(3, 3, 9)


def test_flood_and_steps() -> None:
    w, k = "white", "black"
    fills = [
        w, w, k,
        k, w, k,
        w, w, w,
    ]  # fmt: skip
    assert rt.flood_cells(3, 3, fills, 0) == [0, 1, 4, 6, 7, 8]
    assert rt.grid_steps(3, 3, fills, 0, 8) == 4
    assert rt.grid_steps(3, 3, fills, 0, 0) == 0
    assert rt.grid_steps(3, 3, fills, 0, 2) == -1
    assert rt.flood_cells(3, 3, fills, 2) == [2, 5]


def test_tile_row() -> None:
    comp = rt.tile_row(["(", ")", ""], 10, 100, 40, ["white", "white", "red"])
    assert comp.subkeys() == ["t0", "t1", "t2"]
    x0, y0, x1, y1 = comp.bbox()
    assert x0 >= 10 and x1 <= 130 and y0 >= 80 and y1 <= 120
    with pytest.raises(ValueError):
        rt.tile_row(["a"], 0, 0, 10, [])


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


@settings(max_examples=200, deadline=None)
@given(st.integers(3, 6), st.integers(3, 6), st.data())
def test_line_completions_are_the_moves_that_win_at_once(rows, cols, data):
    """Placing `who` on each empty cell in turn: it wins exactly on the completions."""
    k = data.draw(st.integers(2, min(rows, cols)))
    cells = data.draw(
        st.lists(st.sampled_from(["", "X", "O"]), min_size=rows * cols, max_size=rows * cols)
    )
    lines = grids.lines_of(rows, cols, k)
    before = grids.full_line(cells, lines, "")
    brute = []
    for i, v in enumerate(cells):
        if v == "":
            after = cells[:i] + ["X"] + cells[i + 1 :]
            if any(all(after[j] == "X" for j in line) and i in line for line in lines):
                brute.append(i)
    assert grids.line_completions(cells, "X", lines, "") == brute
    won = any(len({cells[j] for j in line}) == 1 and cells[line[0]] != "" for line in lines)
    assert before == won
