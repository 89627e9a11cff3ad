"""card_numbers against a count of every number with the same digits."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tron.stdlib.digit_cards import card_numbers

cards = st.lists(st.integers(0, 9), min_size=1, max_size=5)


def spelled_by(n: int, digits: list[int]) -> bool:
    return Counter(str(n)) == Counter(map(str, digits))


@given(cards)
def test_the_numbers_are_exactly_those_whose_digits_are_the_cards(digits):
    found = card_numbers(digits)
    lo, hi = 10 ** (len(digits) - 1) if len(digits) > 1 else 0, 10 ** len(digits)
    assert found == [n for n in range(lo, hi) if spelled_by(n, digits)]


@pytest.mark.parametrize("bad", [[], [1] * 8, [10], [-1], [1, 2.0]])
def test_bad_cards_are_refused(bad):
    with pytest.raises(ValueError):
        card_numbers(bad)
