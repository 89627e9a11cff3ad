"""Cellular automata, lights-out, grid reachability, runs, Tower of Hanoi and tile rows."""

import itertools

import pytest

from tron import stdlib as rt


def test_rule_step_rule90_and_wrap() -> None:
    # Rule 90: new cell = left XOR right.
    assert rt.rule_step([0, 0, 1, 0, 0], 90, False) == [0, 1, 0, 1, 0]
    assert rt.rule_step([1, 0, 0, 0, 0], 90, False) == [0, 1, 0, 0, 0]
    assert rt.rule_step([1, 0, 0, 0, 0], 90, True) == [0, 1, 0, 0, 1]
    # Rule 30 on a single black cell.
    assert rt.rule_step([0, 0, 1, 0, 0], 30, False) == [0, 1, 1, 1, 0]
    with pytest.raises(ValueError):
        rt.rule_step([0, 1], 256, False)
    with pytest.raises(ValueError):
        rt.rule_step([0, 2], 30, False)


def test_rule_table_matches_step() -> None:
    assert rt.rule_table(30) == [0, 0, 0, 1, 1, 1, 1, 0]
    for rule in (30, 90, 110, 184):
        table = rt.rule_table(rule)
        for k, (a, b, c) in enumerate(itertools.product((1, 0), repeat=3)):
            assert rt.rule_step([a, b, c], rule, True)[1] == table[k]


def test_life_step_blinker_and_block() -> None:
    blinker = [0, 0, 0, 1, 1, 1, 0, 0, 0]
    assert rt.life_step(3, 3, blinker) == [0, 1, 0, 0, 1, 0, 0, 1, 0]
    block = [1, 1, 0, 1, 1, 0, 0, 0, 0]
    assert rt.life_step(3, 3, block) == block
    with pytest.raises(ValueError):
        rt.life_step(3, 3, [0] * 8)


def test_neighbours8() -> None:
    assert rt.neighbours8(3, 3, 4) == [0, 1, 2, 3, 5, 6, 7, 8]
    assert rt.neighbours8(3, 3, 0) == [1, 3, 4]
    with pytest.raises(ValueError):
        rt.neighbours8(3, 3, 9)


def test_press_cell() -> None:
    assert rt.press_cell(3, 3, [0] * 9, 4) == [0, 1, 0, 1, 1, 1, 0, 1, 0]
    assert rt.press_cell(3, 3, [0] * 9, 0) == [1, 1, 0, 1, 0, 0, 0, 0, 0]
    once = rt.press_cell(3, 3, [1, 0, 1, 0, 1, 0, 1, 0, 1], 5)
    assert rt.press_cell(3, 3, once, 5) == [1, 0, 1, 0, 1, 0, 1, 0, 1]


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


def test_run_lengths() -> None:
    assert rt.run_lengths([1, 1, 0, 1, 0, 0, 1, 1, 1], 1) == [2, 1, 3]
    assert rt.run_lengths([0, 0], 1) == []
    assert rt.run_lengths([1, 1, 1], 1) == [3]


def _hanoi_bfs(n: int, start: tuple[int, ...], target: int) -> int:
    goal = tuple([target] * n)
    seen = {start: 0}
    frontier = [start]
    while frontier:
        nxt = []
        for s in frontier:
            if s == goal:
                return seen[s]
            tops = {}
            for disc in range(n - 1, -1, -1):
                tops[s[disc]] = disc
            for a, da in tops.items():
                for b in range(3):
                    if b != a and (b not in tops or tops[b] > da):
                        t = list(s)
                        t[da] = b
                        tt = tuple(t)
                        if tt not in seen:
                            seen[tt] = seen[s] + 1
                            nxt.append(tt)
        frontier = nxt
    raise AssertionError("unreachable")


def test_hanoi_moves_matches_search() -> None:
    for n in (1, 2, 3, 4):
        for start in itertools.product(range(3), repeat=n):
            for target in range(3):
                assert rt.hanoi_moves(list(start), target) == _hanoi_bfs(n, start, target)
    assert rt.hanoi_moves([0, 0, 0], 2) == 7
    with pytest.raises(ValueError):
        rt.hanoi_moves([3], 0)


def test_tile_row() -> None:
    comp = rt.tile_row(["(", ")", ""], 10, 100, 40, ["white", "white", "red"])
    assert comp.subkeys() == ["t0", "t1", "t2"]
    x0, y0, x1, y1 = comp.bbox()
    assert x0 >= 10 and x1 <= 130 and y0 >= 80 and y1 <= 120
    with pytest.raises(ValueError):
        rt.tile_row(["a"], 0, 0, 10, [])
