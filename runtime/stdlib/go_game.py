"""Go positions: a stone's group, its liberties and the stones a move captures.

A board is a row-major list of n x n points: 0 empty, 1 black, 2 white.
"""

from __future__ import annotations

from tron.stdlib.registry import stdfn

DOMAIN = "Go"


def _near(n: int, i: int) -> list[int]:
    r, c = divmod(i, n)
    out = []
    if r > 0:
        out.append(i - n)
    if r < n - 1:
        out.append(i + n)
    if c > 0:
        out.append(i - 1)
    if c < n - 1:
        out.append(i + 1)
    return out


def _check(n: int, board: list[int]) -> None:
    if not 2 <= n <= 19 or len(board) != n * n or any(v not in (0, 1, 2) for v in board):
        raise ValueError("go: an n x n board (n 2..19) of 0 empty, 1 black, 2 white")


def _group(n: int, board: list[int], i: int) -> set[int]:
    seen = {i}
    todo = [i]
    while todo:
        s = todo.pop()
        for t in _near(n, s):
            if t not in seen and board[t] == board[i]:
                seen.add(t)
                todo.append(t)
    return seen


def _libs(n: int, board: list[int], group: set[int]) -> set[int]:
    return {t for s in group for t in _near(n, s) if board[t] == 0}


@stdfn("int, list[int], int -> list[int]")
def go_group(n: int, board: list[int], i: int) -> list[int]:
    """Points (ascending) of the group of stone i: the stones of its colour joined to it
    through horizontal or vertical neighbours; empty when point i holds no stone."""
    _check(n, board)
    return sorted(_group(n, board, i)) if board[i] else []


@stdfn("int, list[int], int -> int")
def go_liberties(n: int, board: list[int], i: int) -> int:
    """Number of liberties of the group of stone i: distinct empty points next to any of
    its stones (0 when point i is empty)."""
    _check(n, board)
    return len(_libs(n, board, _group(n, board, i))) if board[i] else 0


@stdfn("int, list[int], int, int -> int")
def go_captures(n: int, board: list[int], move: int, colour: int) -> int:
    """Number of opposing stones removed when `colour` (1 black, 2 white) plays on the empty
    point `move`: every neighbouring enemy group left without a liberty."""
    _check(n, board)
    if board[move] != 0 or colour not in (1, 2):
        raise ValueError("go_captures: play a colour 1 or 2 on an empty point")
    after = list(board)
    after[move] = colour
    dead: set[int] = set()
    for t in _near(n, move):
        if after[t] == 3 - colour and t not in dead:
            g = _group(n, after, t)
            if not _libs(n, after, g):
                dead |= g
    return len(dead)
