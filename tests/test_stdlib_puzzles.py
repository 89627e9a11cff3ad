"""Dice, dominoes, tallies, lights-out, nonogram runs and Tower of Hanoi."""

from __future__ import annotations

import itertools

import pytest

from tron import stdlib as rt
from tron.render.scene import Circle


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


def test_press_cell() -> None:
    assert rt.press_cell(3, 3, [0] * 9, 4) == [0, 1, 0, 1, 1, 1, 0, 1, 0]
    assert rt.press_cell(3, 3, [0] * 9, 0) == [1, 1, 0, 1, 0, 0, 0, 0, 0]
    once = rt.press_cell(3, 3, [1, 0, 1, 0, 1, 0, 1, 0, 1], 5)
    assert rt.press_cell(3, 3, once, 5) == [1, 0, 1, 0, 1, 0, 1, 0, 1]


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
