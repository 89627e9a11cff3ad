"""Matchstick digits: moves of one stick against a brute force over stick positions."""

from hypothesis import given
from hypothesis import strategies as st

from tron.render.scene import Line
from tron.stdlib.matchsticks import DIGIT_SEGMENTS, stick_count, stick_moves, stick_row

DECODE = {segs: d for d, segs in enumerate(DIGIT_SEGMENTS)}


def brute_moves(digits):
    # The row as one set of (digit, segment) sticks: take any stick away, put it on any free place.
    sticks = {(i, s) for i, d in enumerate(digits) for s in DIGIT_SEGMENTS[d]}
    places = {(i, s) for i in range(len(digits)) for s in range(7)}
    rows = set()
    for gone in sticks:
        for new in places - sticks:
            after = (sticks - {gone}) | {new}
            decoded = [
                DECODE.get(frozenset(s for j, s in after if j == i)) for i in range(len(digits))
            ]
            if None not in decoded:
                rows.add(tuple(decoded))
    return sorted(list(r) for r in rows)


@given(st.lists(st.integers(0, 9), min_size=1, max_size=4))
def test_stick_moves_match_the_brute_force(digits):
    moves = stick_moves(digits)
    assert moves == brute_moves(digits)
    assert all(stick_count(m) == stick_count(digits) for m in moves)  # a move keeps every stick
    assert digits not in moves


def test_known_moves_and_counts():
    assert stick_moves([0]) == [[6], [9]]
    assert [3, 7] in stick_moves([9, 1]) and stick_moves([3]) == [
        [2],
        [5],
    ]  # 9 gives its stick to 1
    assert stick_count([8, 1]) == 9


def test_stick_row_draws_one_stick_per_segment():
    row = stick_row(["1", "+", "7", "=", "8"], 20, 20, 80)
    lines = [item for item, _ in row.items if isinstance(item, Line)]
    assert len(lines) == 2 + 2 + 3 + 2 + 7
    x0, y0, x1, y1 = row.bbox()
    assert x0 >= 20 - 4 and y0 >= 20 - 4 and y1 <= 20 + 80 + 4
