"""Arithmetic puzzles: whether numbers can be combined into a target (the 24 game).

Values are combined exactly (fractions), so 8 / (3 - 8 / 3) = 24 counts.
"""

from __future__ import annotations

from fractions import Fraction
from functools import lru_cache

from tron.stdlib.registry import stdfn

DOMAIN = "Arithmetic puzzles"


@lru_cache(maxsize=4096)
def _values(nums: tuple[Fraction, ...]) -> frozenset[Fraction]:
    """Every value that the numbers (a sorted multiset) make, each used exactly once, with
    + - × ÷ and any brackets: split into two non-empty parts and combine their values."""
    if len(nums) == 1:
        return frozenset(nums)
    out: set[Fraction] = set()
    n = len(nums)
    for mask in range(1, (1 << n) - 1):
        if mask & 1 == 0:
            continue  # each split once: the first number always on the left
        left = tuple(sorted(nums[i] for i in range(n) if mask >> i & 1))
        right = tuple(sorted(nums[i] for i in range(n) if not mask >> i & 1))
        for a in _values(left):
            for b in _values(right):
                out.update((a + b, a - b, b - a, a * b))
                if b:
                    out.add(a / b)
                if a:
                    out.add(b / a)
    return frozenset(out)


@stdfn("list[int], int -> bool")
def can_make_target(nums: list[int], target: int) -> bool:
    """True when the numbers, each used exactly once, can be combined with +, -, × and ÷
    (any brackets, exact fractions in between) to give exactly `target`."""
    if not 1 <= len(nums) <= 5:
        raise ValueError("can_make_target: 1 to 5 numbers")
    return Fraction(target) in _values(tuple(sorted(Fraction(v) for v in nums)))
