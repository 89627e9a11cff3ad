"""can_make_target against an independent brute force over expression trees."""

import itertools
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from tron.stdlib.arith_puzzles import can_make_target


def _brute(vals):
    # Repeatedly replace two values by one result of combining them, in every order.
    if len(vals) == 1:
        return {vals[0]}
    out = set()
    for i, j in itertools.permutations(range(len(vals)), 2):
        rest = [v for k, v in enumerate(vals) if k not in (i, j)]
        a, b = vals[i], vals[j]
        for r in [a + b, a - b, a * b] + ([a / b] if b else []):
            out |= _brute(rest + [r])
    return out


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(1, 13), min_size=1, max_size=4), st.integers(-5, 30))
def test_matches_brute_force(nums, target):
    want = Fraction(target) in _brute([Fraction(v) for v in nums])
    assert can_make_target(nums, target) == want


def test_known_hands():
    assert can_make_target([3, 3, 8, 8], 24)  # 8 / (3 - 8 / 3)
    assert not can_make_target([1, 1, 1, 1], 24)
    assert can_make_target([4, 7, 8, 8], 24)
