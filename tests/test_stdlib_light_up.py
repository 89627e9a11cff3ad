"""Akari lighting against an independent brute force over pairs of cells in sight."""

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from tron.stdlib.light_up import akari_clashes, akari_touching, akari_unlit


@st.composite
def boards(draw):
    rows = draw(st.integers(1, 6))
    cols = draw(st.integers(1, 6))
    kinds = draw(st.lists(st.sampled_from("..#b"), min_size=rows * cols, max_size=rows * cols))
    blacks = [i for i, k in enumerate(kinds) if k == "#"]
    bulbs = [i for i, k in enumerate(kinds) if k == "b"]
    return rows, cols, blacks, bulbs


def _between_clear(rows, cols, blacks, a, b):
    # True when cells a and b share a row or column with no black cell strictly between them.
    (ra, ca), (rb, cb) = divmod(a, cols), divmod(b, cols)
    if ra == rb:
        return all(ra * cols + c not in blacks for c in range(min(ca, cb) + 1, max(ca, cb)))
    if ca == cb:
        return all(r * cols + ca not in blacks for r in range(min(ra, rb) + 1, max(ra, rb)))
    return False


@settings(max_examples=200, deadline=None)
@given(boards())
def test_unlit_matches_pairwise_sight(board):
    rows, cols, blacks, bulbs = board
    want = [
        i
        for i in range(rows * cols)
        if i not in blacks
        and not any(b == i or _between_clear(rows, cols, blacks, i, b) for b in bulbs)
    ]
    assert akari_unlit(rows, cols, blacks, bulbs) == want


@settings(max_examples=200, deadline=None)
@given(boards())
def test_clashes_match_pairwise_sight(board):
    rows, cols, blacks, bulbs = board
    want = sorted(
        {a for a, b in itertools.permutations(bulbs, 2) if _between_clear(rows, cols, blacks, a, b)}
    )
    assert akari_clashes(rows, cols, blacks, bulbs) == want


@settings(max_examples=100, deadline=None)
@given(boards(), st.data())
def test_touching_counts_edge_neighbours(board, data):
    rows, cols, blacks, bulbs = board
    i = data.draw(st.integers(0, rows * cols - 1))
    r, c = divmod(i, cols)
    want = sum(1 for b in bulbs if abs(b // cols - r) + abs(b % cols - c) == 1)
    assert akari_touching(rows, cols, blacks, bulbs, i) == want


def test_known_board():
    assert akari_unlit(1, 3, [1], [0]) == [2]
