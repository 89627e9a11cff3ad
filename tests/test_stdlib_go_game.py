"""Go: groups, liberties and captures on small boards."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tron import stdlib as rt


def _adj(n: int, a: int, b: int) -> bool:
    return abs(a // n - b // n) + abs(a % n - b % n) == 1


@settings(max_examples=200, deadline=None)
@given(st.integers(2, 6), st.data())
def test_group_is_closed_and_liberties_border_it(n: int, data: st.DataObject) -> None:
    board = data.draw(st.lists(st.integers(0, 2), min_size=n * n, max_size=n * n))
    i = data.draw(st.integers(0, n * n - 1))
    g = rt.go_group(n, board, i)
    if board[i] == 0:
        assert g == [] and rt.go_liberties(n, board, i) == 0
        return
    assert i in g and all(board[s] == board[i] for s in g)
    # no same-colour stone outside the group touches it
    assert not any(
        board[t] == board[i] and t not in g and any(_adj(n, t, s) for s in g) for t in range(n * n)
    )
    libs = {t for t in range(n * n) if board[t] == 0 and any(_adj(n, t, s) for s in g)}
    assert rt.go_liberties(n, board, i) == len(libs)


@settings(max_examples=200, deadline=None)
@given(st.integers(2, 6), st.data())
def test_captures_are_enemy_groups_left_without_liberties(n: int, data: st.DataObject) -> None:
    board = data.draw(st.lists(st.integers(0, 2), min_size=n * n, max_size=n * n))
    empties = [i for i in range(n * n) if board[i] == 0]
    if not empties:
        return
    move = data.draw(st.sampled_from(empties))
    colour = data.draw(st.integers(1, 2))
    after = list(board)
    after[move] = colour
    dead = set()
    for t in range(n * n):
        if after[t] == 3 - colour and rt.go_liberties(n, after, t) == 0:
            g = rt.go_group(n, after, t)
            if any(_adj(n, move, s) for s in g):
                dead |= set(g)
    assert rt.go_captures(n, board, move, colour) == len(dead)


def test_corner_capture() -> None:
    # white stone in the corner, black on one side; black plays the other side
    board = [2, 1, 0, 0, 0, 0, 0, 0, 0]
    assert rt.go_liberties(3, board, 0) == 1
    assert rt.go_captures(3, board, 3, 1) == 1
