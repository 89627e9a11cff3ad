"""Sokoban with one box: the fewest pushes (or steps) that bring the box onto the goal.

The warehouse is a rows x cols grid; `walls` lists the row-major wall cells. The player walks
to edge neighbours and pushes the box by walking into it when the cell beyond is free.
"""

from __future__ import annotations

from collections import deque
from functools import lru_cache

from tron.stdlib.registry import stdfn

DOMAIN = "Sokoban"

_DIRS = [(-1, 0), (1, 0), (0, -1), (0, 1)]


@stdfn("int, int, list[int], int, int, int, bool -> int")
def sokoban_cost(
    rows: int, cols: int, walls: list[int], player: int, box: int, goal: int, pushes: bool
) -> int:
    """Fewest pushes (when `pushes`; walking is free) or fewest steps in all (every walk and
    push counts one) until the single box stands on `goal`; -1 when it never can."""
    if rows * cols > 400 or rows < 2 or cols < 2:
        raise ValueError("sokoban_cost: 2..400 cells")
    wall = frozenset(walls)
    if {player, box, goal} & wall or player == box:
        raise ValueError("sokoban_cost: player, box and goal on distinct free cells")
    return _box_costs(rows, cols, wall, player, box, pushes).get(goal, -1)


@lru_cache(maxsize=32)
def _box_costs(
    rows: int, cols: int, wall: frozenset[int], player: int, box: int, pushes: bool
) -> dict[int, int]:
    """The fewest pushes (or steps) that bring the box to each cell it can reach: one search
    from the start, shared by the several goals a spec tries on one warehouse."""
    start = (player, box)
    dist = {start: 0}
    best: dict[int, int] = {}
    todo: deque[tuple[int, int]] = deque([start])
    while todo:
        p, b = todo.popleft()
        d = dist[(p, b)]
        if b not in best or d < best[b]:
            best[b] = d
        pr, pc = divmod(p, cols)
        for dr, dc in _DIRS:
            r, c = pr + dr, pc + dc
            if not (0 <= r < rows and 0 <= c < cols) or r * cols + c in wall:
                continue
            q = r * cols + c
            if q == b:
                br, bc = r + dr, c + dc
                nb = br * cols + bc
                if not (0 <= br < rows and 0 <= bc < cols) or nb in wall:
                    continue
                state, cost = (q, nb), d + 1
            else:
                state, cost = (q, b), d + (0 if pushes else 1)
            if state not in dist or cost < dist[state]:
                dist[state] = cost
                # 0-1 search: a free walk keeps the cost, so it goes to the front
                if cost == d:
                    todo.appendleft(state)
                else:
                    todo.append(state)
    return best
