"""Folding a cube net with its printed side out: which way each square ends up facing, and
the cross product of two face directions (to tell left from right on the folded cube).

A direction is one of six codes: 0 +x, 1 -x, 2 +y, 3 -y, 4 +z, 5 -z, in a right-handed
frame, so "right = top x front" holds for a viewer looking at the front face.
"""

from __future__ import annotations

from tron.stdlib.cubes import _fold
from tron.stdlib.polyominoes import CellRec, _pairs
from tron.stdlib.registry import stdfn

DOMAIN = "Folding"

_DIRS = ((1, 0, 0), (-1, 0, 0), (0, 1, 0), (0, -1, 0), (0, 0, 1), (0, 0, -1))


@stdfn("list[Cell] -> list[int]")
def cube_net_normals(cells: list[CellRec]) -> list[int]:
    """For each square of a cube net (in the given order), the direction code (0..5) of the
    outward normal of the cube face it becomes when folded printed side out; an error if the
    cells are not a cube net."""
    pairs = _pairs(cells)
    normals = _fold(pairs)
    if normals is None or len(set(normals.values())) != 6:
        raise ValueError("cube_net_normals: the cells are not a cube net")
    return [_DIRS.index(normals[p]) for p in pairs]


@stdfn("int, int -> int")
def normal_cross(a: int, b: int) -> int:
    """Direction code of the cross product a x b of two face directions, or -1 when they are
    parallel (the same or opposite faces)."""
    if not (0 <= a < 6 and 0 <= b < 6):
        raise ValueError("normal_cross: direction codes are 0..5")
    u, v = _DIRS[a], _DIRS[b]
    w = (u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0])
    return _DIRS.index(w) if w != (0, 0, 0) else -1
