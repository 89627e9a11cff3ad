"""Arithmetic puzzles: whether numbers can be combined into a target (the 24 game), and which
signs fill the gaps of a row of numbers to make a target (the usual order of operations).

Values are combined exactly (fractions), so 8 / (3 - 8 / 3) = 24 counts.
"""

from __future__ import annotations

from fractions import Fraction
from functools import lru_cache
from itertools import product

from tron.stdlib.component import SampleRejected
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


SIGNS = ("+", "-", "×", "÷")


def _apply(a: Fraction, sign: str, v: Fraction | int) -> Fraction | None:
    """One step `a sign v` exactly; None on a division by 0."""
    if sign == "÷":
        return None if v == 0 else a / v
    return a + v if sign == "+" else a - v if sign == "-" else a * v


def _row_value(nums: list[int], signs: tuple[str, ...], precedence: bool = True) -> Fraction | None:
    """The row's value with × and ÷ before + and - (or, without `precedence`, every sign in
    turn from left to right); None on a division by 0."""
    # Terms joined by + and -; with precedence, × and ÷ fold into the term they follow.
    terms: list[Fraction | None] = [Fraction(nums[0])]
    ops: list[str] = []
    for sign, v in zip(signs, nums[1:], strict=True):
        if sign in "×÷" or not precedence:
            terms[-1] = _apply(terms[-1], sign, v) if terms[-1] is not None else None
        else:
            terms.append(Fraction(v))
            ops.append(sign)
    total = terms[0]
    for sign, t in zip(ops, terms[1:], strict=True):
        if total is None or t is None:
            return None
        total = _apply(total, sign, t)
    return total


@stdfn("list[int], list[str], bool -> real")
def sign_row_value(nums: list[int], signs: list[str], precedence: bool = True) -> Fraction:
    """The exact value of the numbers with `signs` (from + - × ÷) between them, × and ÷ before
    + and - (without `precedence`, strictly left to right); a division by zero rejects the
    draw."""
    if len(signs) != len(nums) - 1 or any(s not in SIGNS for s in signs):
        raise ValueError("sign_row_value: one sign from + - × ÷ per gap between the numbers")
    value = _row_value(nums, tuple(signs), precedence)
    if value is None:
        raise SampleRejected("sign_row_value: a division by zero")
    return value


@stdfn("list[int], int, list[str], bool -> list[list[str]]")
def sign_fillings(
    nums: list[int], target: int, signs: list[str], precedence: bool = True
) -> list[list[str]]:
    """Every way to put one of `signs` (from + - × ÷) in each gap between the numbers so that
    the row equals `target`, × and ÷ first, then + and - from left to right (without
    `precedence`, every sign in turn from left to right); in the order of `signs`, the first
    gap varying slowest."""
    if not 2 <= len(nums) <= 7:
        raise ValueError("sign_fillings: 2 to 7 numbers")
    if not signs or any(s not in SIGNS for s in signs):
        raise ValueError(f"sign_fillings: signs must come from {' '.join(SIGNS)}")
    return [
        list(combo)
        for combo in product(signs, repeat=len(nums) - 1)
        if _row_value(nums, combo, precedence) == target
    ]
