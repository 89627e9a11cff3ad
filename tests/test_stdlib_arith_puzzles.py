"""can_make_target against an independent brute force over expression trees; sign_fillings against
Python's own order of operations."""

import itertools
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from tron.stdlib.arith_puzzles import can_make_target, sign_fillings, sign_row_value


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


PY = {"+": "+", "-": "-", "×": "*", "÷": "/"}


def _python_value(nums, signs, precedence=True):
    # The same row as Python source over Fractions: Python's precedence is the usual one; left
    # to right, every step in brackets.
    text = f"F({nums[0]})"
    for s, v in zip(signs, nums[1:], strict=True):
        text = f"{text} {PY[s]} F({v})" if precedence else f"({text} {PY[s]} F({v}))"
    try:
        return eval(text, {"F": Fraction})  # noqa: S307 - digits and signs built here only
    except ZeroDivisionError:
        return None


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.integers(0, 9), min_size=2, max_size=5),
    st.integers(-20, 60),
    st.lists(st.sampled_from(["+", "-", "×", "÷"]), min_size=1, max_size=4, unique=True),
    st.booleans(),
)
def test_sign_fillings_match_python_arithmetic(nums, target, signs, precedence):
    want = [
        list(c)
        for c in itertools.product(signs, repeat=len(nums) - 1)
        if _python_value(nums, c, precedence) == target
    ]
    assert sign_fillings(nums, target, signs, precedence) == want
    for combo in want:
        assert sign_row_value(nums, combo, precedence) == target


def test_sign_fillings_known_rows():
    assert sign_fillings([3, 4, 2], 11, ["+", "-", "×", "÷"]) == [["+", "×"]]  # 3 + 4 × 2
    assert sign_row_value([3, 4, 2], ["+", "×"], False) == 14  # (3 + 4) × 2
    # 8 ÷ 0 is no value; 0 ÷ 2 is
    assert sign_fillings([8, 0, 2], 8, ["÷", "+", "-"]) == [["+", "÷"], ["-", "÷"]]
