"""Light-up (akari) boards.

A grid of white and black cells with bulbs on some white cells; a bulb lights its own
cell and every white cell it sees along its row and column, up to the first black cell or the
edge.
"""

from __future__ import annotations

from functools import lru_cache

from tron.stdlib.registry import stdfn

DOMAIN = "Light-up boards"

_STEPS = ((0, 1), (0, -1), (1, 0), (-1, 0))


def _check_board(rows: int, cols: int, blacks: list[int], bulbs: list[int]) -> None:
    if rows < 1 or cols < 1 or rows * cols > 400:
        raise ValueError("akari: 1 to 400 cells")
    for i in list(blacks) + list(bulbs):
        if not 0 <= i < rows * cols:
            raise ValueError(f"akari: cell {i} is off the {rows} x {cols} board")
    if set(blacks) & set(bulbs):
        raise ValueError("akari: a bulb stands on a black cell")


def _seen(rows: int, cols: int, black: set[int], i: int) -> tuple[int, ...]:
    """The white cells a bulb on cell i sees (i itself excluded), in a fixed order."""
    return _sight(rows, cols, frozenset(black))[i]


@lru_cache(maxsize=64)
def _sight(rows: int, cols: int, black: frozenset[int]) -> tuple[tuple[int, ...], ...]:
    # Every cell's lines of sight on one board, worked out once: specs test many bulb sets on
    # the same board.
    table = []
    for i in range(rows * cols):
        r0, c0 = divmod(i, cols)
        out: list[int] = []
        for dr, dc in _STEPS:
            r, c = r0 + dr, c0 + dc
            while 0 <= r < rows and 0 <= c < cols and r * cols + c not in black:
                out.append(r * cols + c)
                r, c = r + dr, c + dc
        table.append(tuple(out))
    return tuple(table)


@stdfn("int, int, list[int], list[int] -> list[int]")
def akari_unlit(rows: int, cols: int, blacks: list[int], bulbs: list[int]) -> list[int]:
    """The white cells (ascending, row-major) that no bulb lights: a bulb lights its own cell and every white cell
    it sees along its row and column, up to the first black cell or the edge."""
    _check_board(rows, cols, blacks, bulbs)
    black = set(blacks)
    lit = set(bulbs)
    for b in sorted(set(bulbs)):
        lit.update(_seen(rows, cols, black, b))
    return [i for i in range(rows * cols) if i not in black and i not in lit]


@stdfn("int, int, list[int], list[int] -> list[int]")
def akari_clashes(rows: int, cols: int, blacks: list[int], bulbs: list[int]) -> list[int]:
    """The bulbs (ascending) that see another bulb along their row or column with no black cell between."""
    _check_board(rows, cols, blacks, bulbs)
    black = set(blacks)
    on = set(bulbs)
    return [b for b in sorted(on) if any(j in on for j in _seen(rows, cols, black, b))]


@stdfn("int, int, list[int], list[int], int -> int")
def akari_touching(rows: int, cols: int, blacks: list[int], bulbs: list[int], i: int) -> int:
    """How many bulbs stand on the up-to-4 cells that share an edge with cell i (a numbered black cell's count)."""
    _check_board(rows, cols, blacks, bulbs)
    r0, c0 = divmod(i, cols)
    on = set(bulbs)
    n = 0
    for dr, dc in _STEPS:
        r, c = r0 + dr, c0 + dc
        if 0 <= r < rows and 0 <= c < cols and r * cols + c in on:
            n += 1
    return n
