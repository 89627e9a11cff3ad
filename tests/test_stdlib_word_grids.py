"""word_hits against reading every straight line of the grid; hide_words keeps its promise."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tron.stdlib.component import SampleRejected
from tron.stdlib.word_grids import hide_words, word_hits

STEPS = [(0, 1), (1, 1), (1, 0), (1, -1), (0, -1), (-1, -1), (-1, 0), (-1, 1)]


def read(letters, rows, cols, r, c, dr, dc, n):
    out = ""
    for _ in range(n):
        if not (0 <= r < rows and 0 <= c < cols):
            return None
        out += letters[r * cols + c]
        r, c = r + dr, c + dc
    return out


@st.composite
def grids(draw):
    rows, cols = draw(st.integers(1, 5)), draw(st.integers(1, 5))
    letters = draw(st.lists(st.sampled_from("AB"), min_size=rows * cols, max_size=rows * cols))
    word = draw(st.text(alphabet="AB", min_size=1, max_size=3))
    return letters, rows, cols, word


@given(grids())
def test_hits_are_every_straight_reading_of_the_word(g):
    letters, rows, cols, word = g
    expect = sorted(
        [r * cols + c, d]
        for r in range(rows)
        for c in range(cols)
        for d, (dr, dc) in enumerate(STEPS)
        if read(letters, rows, cols, r, c, dr, dc, len(word)) == word
    )
    assert sorted(word_hits(letters, rows, cols, word)) == expect


@given(st.integers(0, 10**6), st.integers(5, 9))
def test_hidden_words_read_exactly_once(seed, size):
    words = ["STAR", "MOON", "SUN", "COMET"]
    try:
        letters = hide_words(
            random.Random(seed), size, size, words, list(range(8)), "ABCDEFGHIJKLMNOPRSTUVWY"
        )
    except SampleRejected:
        return
    assert len(letters) == size * size
    for w in words:
        assert len(word_hits(letters, size, size, w)) == 1


def test_hiding_only_rightwards_keeps_words_in_rows():
    letters = hide_words(random.Random(3), 6, 6, ["CAT", "DOG"], [0], "XYZ")
    for w in ("CAT", "DOG"):
        ((start, d),) = word_hits(letters, 6, 6, w)
        assert d == 0


@pytest.mark.parametrize(
    "call",
    [
        lambda: word_hits(["A"] * 4, 2, 3, "A"),
        lambda: word_hits(["A"] * 4, 2, 2, ""),
        lambda: hide_words(random.Random(0), 20, 20, ["A"], [0], "B"),
        lambda: hide_words(random.Random(0), 3, 3, ["A"], [9], "B"),
    ],
)
def test_bad_grids_are_refused(call):
    with pytest.raises(ValueError):
        call()
