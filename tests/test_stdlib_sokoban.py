"""Sokoban: the 0-1 search against a plain Dijkstra over the same moves."""

from __future__ import annotations

import heapq

from hypothesis import given, settings
from hypothesis import strategies as st

from tron import stdlib as rt


def _slow(rows: int, cols: int, walls: list[int], p: int, b: int, g: int, pushes: bool) -> int:
    wall = set(walls)
    best = {(p, b): 0}
    heap = [(0, p, b)]
    while heap:
        d, p, b = heapq.heappop(heap)
        if d > best[(p, b)]:
            continue
        if b == g:
            return d
        for dr, dc in ((-1, 0), (1, 0), (0, -1), (0, 1)):
            r, c = divmod(p, cols)
            r, c = r + dr, c + dc
            if not (0 <= r < rows and 0 <= c < cols) or r * cols + c in wall:
                continue
            q = r * cols + c
            if q == b:
                r2, c2 = r + dr, c + dc
                if not (0 <= r2 < rows and 0 <= c2 < cols) or r2 * cols + c2 in wall:
                    continue
                s, cost = (q, r2 * cols + c2), d + 1
            else:
                s, cost = (q, b), d + (0 if pushes else 1)
            if cost < best.get(s, 10**9):
                best[s] = cost
                heapq.heappush(heap, (cost, *s))
    return -1


@settings(max_examples=200, deadline=None)
@given(st.integers(2, 5), st.integers(2, 5), st.booleans(), st.data())
def test_matches_dijkstra(rows: int, cols: int, pushes: bool, data: st.DataObject) -> None:
    cells = list(range(rows * cols))
    p, b, g = data.draw(st.lists(st.sampled_from(cells), min_size=3, max_size=3))
    if p == b:
        return
    walls = [
        c for c in data.draw(st.lists(st.sampled_from(cells), max_size=6)) if c not in (p, b, g)
    ]
    assert rt.sokoban_cost(rows, cols, walls, p, b, g, pushes) == _slow(
        rows, cols, walls, p, b, g, pushes
    )


def test_straight_push() -> None:
    # player, box, two free cells, goal at the end of a corridor
    assert rt.sokoban_cost(2, 5, [5, 6, 7, 8, 9], 0, 1, 4, True) == 3
    assert rt.sokoban_cost(2, 5, [5, 6, 7, 8, 9], 0, 1, 4, False) == 3
    # a box in a corner never moves
    assert rt.sokoban_cost(3, 3, [], 4, 0, 8, True) == -1
