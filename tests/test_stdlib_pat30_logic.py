"""Akari lighting and operator fill-ins against independent brute forces."""

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from tron.stdlib.pat30_logic import akari_clashes, akari_touching, akari_unlit, ops_fills, ops_value


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


def _python_value(nums, ops, precedence):
    if precedence:
        text = "".join(
            str(n) + (("*" if o == "×" else o) if k < len(ops) else "")
            for k, (n, o) in enumerate(itertools.zip_longest(nums, ops, fillvalue=""))
        )
        return eval(text)  # noqa: S307 - digits and + - * only, built here
    acc = nums[0]
    for o, b in zip(ops, nums[1:], strict=True):
        acc = eval(f"({acc}){'*' if o == '×' else o}({b})")  # noqa: S307
    return acc


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 12), min_size=2, max_size=5), st.data(), st.booleans())
def test_value_matches_python(nums, data, precedence):
    ops = data.draw(
        st.lists(st.sampled_from(["+", "-", "×"]), min_size=len(nums) - 1, max_size=len(nums) - 1)
    )
    assert ops_value(nums, ops, precedence) == _python_value(nums, ops, precedence)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(1, 9), min_size=2, max_size=4), st.integers(-20, 60), st.booleans())
def test_fills_are_exactly_the_matching_rows(nums, target, precedence):
    want = [
        list(ops)
        for ops in itertools.product(["+", "-", "×"], repeat=len(nums) - 1)
        if _python_value(nums, list(ops), precedence) == target
    ]
    assert ops_fills(nums, target, precedence) == want


def test_known_rows():
    assert ops_value([3, 4, 2], ["+", "×"], True) == 11
    assert ops_value([3, 4, 2], ["+", "×"], False) == 14
    assert akari_unlit(1, 3, [1], [0]) == [2]
