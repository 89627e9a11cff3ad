"""Chess pieces on a small square board: the squares a piece attacks and the fewest knight
moves between two squares.

Squares are row-major indices of an n x n board (row 0 at the top); `occupied` lists the
squares holding some piece, which a sliding piece cannot pass.
"""

from __future__ import annotations

from collections import deque

from tron.stdlib.registry import stdfn

DOMAIN = "Chess"

_KNIGHT = [(1, 2), (2, 1), (-1, 2), (-2, 1), (1, -2), (2, -1), (-1, -2), (-2, -1)]
_KING = [(dr, dc) for dr in (-1, 0, 1) for dc in (-1, 0, 1) if dr or dc]
_ROOK = [(0, 1), (1, 0), (0, -1), (-1, 0)]
_BISHOP = [(1, 1), (1, -1), (-1, 1), (-1, -1)]
_SLIDES = {"rook": _ROOK, "bishop": _BISHOP, "queen": _ROOK + _BISHOP}
_STEPS = {"knight": _KNIGHT, "king": _KING}


def _board(n: int, *squares: int) -> None:
    if not 2 <= n <= 12:
        raise ValueError(f"chess board size {n} outside 2..12")
    for s in squares:
        if not 0 <= s < n * n:
            raise ValueError(f"square {s} is off the {n}x{n} board")


@stdfn("int, str, int, list[int] -> list[int]")
def piece_attacks(n: int, kind: str, at: int, occupied: list[int]) -> list[int]:
    """Squares (ascending) that a "king", "queen", "rook", "bishop" or "knight" on square `at`
    of an n x n board attacks: a sliding piece runs along its lines until the first occupied
    square, which it attacks and does not pass."""
    _board(n, at, *occupied)
    taken = set(occupied) - {at}
    r0, c0 = divmod(at, n)
    out: set[int] = set()
    if kind in _STEPS:
        for dr, dc in _STEPS[kind]:
            r, c = r0 + dr, c0 + dc
            if 0 <= r < n and 0 <= c < n:
                out.add(r * n + c)
    elif kind in _SLIDES:
        for dr, dc in _SLIDES[kind]:
            r, c = r0 + dr, c0 + dc
            while 0 <= r < n and 0 <= c < n:
                out.add(r * n + c)
                if r * n + c in taken:
                    break
                r, c = r + dr, c + dc
    else:
        raise ValueError(f"piece_attacks: unknown piece {kind!r}")
    return sorted(out)


@stdfn("int, int, int, list[int] -> int")
def knight_distance(n: int, start: int, goal: int, blocked: list[int]) -> int:
    """Fewest knight moves from square `start` to square `goal` of an n x n board, never
    landing on a `blocked` square (a knight jumps over pieces); -1 when it cannot get there."""
    _board(n, start, goal, *blocked)
    bad = set(blocked) - {start}
    if goal in bad:
        return -1
    dist = {start: 0}
    todo = deque([start])
    while todo:
        s = todo.popleft()
        if s == goal:
            return dist[s]
        r0, c0 = divmod(s, n)
        for dr, dc in _KNIGHT:
            r, c = r0 + dr, c0 + dc
            t = r * n + c
            if 0 <= r < n and 0 <= c < n and t not in bad and t not in dist:
                dist[t] = dist[s] + 1
                todo.append(t)
    return -1
