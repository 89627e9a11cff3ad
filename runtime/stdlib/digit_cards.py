"""Digit cards: every number a row of digit cards can spell."""

from __future__ import annotations

from itertools import permutations

from tron.stdlib.registry import stdfn

DOMAIN = "Digit cards"

# 7 cards spell at most 5,040 orders: the cap keeps one call bounded.
MAX_CARDS = 7


@stdfn("list[int] -> list[int]")
def card_numbers(digits: list[int]) -> list[int]:
    """Every different number spelled by laying all the digit cards (0..9, repeats allowed, at
    most 7 cards) in a row, no 0 first (a single 0 card spells 0); ascending."""
    if not 1 <= len(digits) <= MAX_CARDS:
        raise ValueError(f"card_numbers: 1 to {MAX_CARDS} cards, got {len(digits)}")
    if any(type(d) is not int or not 0 <= d <= 9 for d in digits):
        raise ValueError(f"card_numbers: digits 0..9, got {digits}")
    found = {
        int("".join(map(str, order)))
        for order in permutations(digits)
        if order[0] != 0 or len(order) == 1
    }
    return sorted(found)
