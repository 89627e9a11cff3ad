"""Cellular automata: elementary (one-row) rules and Conway's Game of Life.

Binary cell states are ints 0 (off/dead/white) and 1 (on/alive/black); Life grids are
row-major as in `grids`.
"""

from __future__ import annotations

from tron.stdlib.grids import _bits, _check, _neighbours8
from tron.stdlib.registry import stdfn

DOMAIN = "Cellular automata"


@stdfn("list[int], int, bool -> list[int]")
def rule_step(cells: list[int], rule: int, wrap: bool = False) -> list[int]:
    """One step of the elementary cellular automaton `rule` (0..255, Wolfram numbering) on a
    row of 0/1 cells; beyond the ends is 0 unless `wrap` joins them into a ring."""
    if not 0 <= rule <= 255:
        raise ValueError(f"rule_step: rule {rule} outside 0..255")
    _bits(cells, "rule_step")
    n = len(cells)
    out = []
    for i in range(n):
        if wrap:
            left, right = cells[(i - 1) % n], cells[(i + 1) % n]
        else:
            left = cells[i - 1] if i > 0 else 0
            right = cells[i + 1] if i + 1 < n else 0
        out.append((rule >> (4 * left + 2 * cells[i] + right)) & 1)
    return out


@stdfn("int -> list[int]")
def rule_table(rule: int) -> list[int]:
    """The outputs of elementary rule `rule` for the neighbourhoods 111, 110, ..., 000 in that
    (conventional) order."""
    if not 0 <= rule <= 255:
        raise ValueError(f"rule_table: rule {rule} outside 0..255")
    return [(rule >> k) & 1 for k in range(7, -1, -1)]


@stdfn("int, int, list[int] -> list[int]")
def life_step(rows: int, cols: int, cells: list[int]) -> list[int]:
    """One generation of Conway's Game of Life (B3/S23) on a bounded grid of 0/1 cells
    (outside the grid counts as dead)."""
    _check(rows, cols, len(cells))
    _bits(cells, "life_step")
    out = []
    for i, alive in enumerate(cells):
        k = sum(cells[j] for j in _neighbours8(rows, cols, i))
        out.append(1 if k == 3 or (alive and k == 2) else 0)
    return out
