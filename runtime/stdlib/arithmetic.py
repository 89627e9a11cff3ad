"""Arithmetic: integer and real arithmetic, rounding, degree trigonometry and binary digits.

Python names carry a trailing underscore where they would shadow a builtin (`abs_` is `abs`).
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from tron.stdlib.registry import stdfn

DOMAIN = "Arithmetic"


@stdfn("int -> int", name="abs")
def abs_(x: int) -> int:
    """Absolute value of an integer."""
    return abs(x)


@stdfn("real -> real")
def fabs(x: float) -> float:
    """Absolute value of a real number."""
    return abs(x)


@stdfn("real -> int", name="round")
def round_(x: float) -> int:
    """Nearest integer, halves rounded up (2.5 -> 3, -2.5 -> -2), not Python's banker's rounding."""
    return math.floor(x + 0.5)


@stdfn("real, int -> real")
def round_to(x: float, digits: int) -> float:
    """`x` rounded to `digits` decimal places, halves away from zero (2.345 -> 2.35)."""
    if not 0 <= digits <= 12:
        raise ValueError(f"round_to: digits {digits} out of range 0..12")
    q = Decimal(repr(x)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    return float(q)


@stdfn("real -> int")
def floor(x: float) -> int:
    """Largest integer not above `x`."""
    return math.floor(x)


@stdfn("real -> int")
def ceil(x: float) -> int:
    """Smallest integer not below `x`."""
    return math.ceil(x)


@stdfn("real -> real")
def sqrt(x: float) -> float:
    """Square root of a non-negative number."""
    if x < 0:
        raise ValueError(f"sqrt of negative number {x}")
    return math.sqrt(x)


@stdfn("int, int -> int")
def gcd(a: int, b: int) -> int:
    """Greatest common divisor (non-negative; gcd(0, 0) = 0)."""
    return math.gcd(a, b)


@stdfn("int, int -> int")
def lcm(a: int, b: int) -> int:
    """Least common multiple (non-negative; 0 if either is 0)."""
    return math.lcm(a, b)


@stdfn("int, int -> int")
def mod(a: int, b: int) -> int:
    """Remainder of a divided by b, with the sign of b (mod(-1, 3) = 2)."""
    if b == 0:
        raise ValueError("mod by zero")
    return a % b


@stdfn("int, int -> int")
def div(a: int, b: int) -> int:
    """Integer division rounded down (div(7, 2) = 3, div(-7, 2) = -4)."""
    if b == 0:
        raise ValueError("division by zero")
    return a // b


@stdfn("T, T, T -> T")
def clamp(x: Any, lo: Any, hi: Any) -> Any:
    """`x` limited to the range lo..hi."""
    if lo > hi:
        raise ValueError(f"clamp: lo {lo} > hi {hi}")
    return min(max(x, lo), hi)


@stdfn("real -> real")
def sin_deg(deg: float) -> float:
    """Sine of an angle given in degrees (exact 0, 1 and -1 at multiples of 90)."""
    d = float(deg) % 360.0
    exact = {0.0: 0.0, 90.0: 1.0, 180.0: 0.0, 270.0: -1.0}
    return exact.get(d, math.sin(math.radians(d)))


@stdfn("real -> real")
def cos_deg(deg: float) -> float:
    """Cosine of an angle given in degrees (exact 0, 1 and -1 at multiples of 90)."""
    return sin_deg(float(deg) + 90.0)


@stdfn("int, int -> list[int]")
def bits_of(n: int, width: int) -> list[int]:
    """The `width` binary digits of n (0 <= n < 2**width), most significant first."""
    if width <= 0 or width > 62:
        raise ValueError(f"bits_of: width {width} out of range 1..62")
    if not 0 <= n < 2**width:
        raise ValueError(f"bits_of: {n} does not fit in {width} bits")
    return [(n >> k) & 1 for k in range(width - 1, -1, -1)]


@stdfn("list[int] -> int")
def from_bits(bits: list[int]) -> int:
    """The number whose binary digits (most significant first) are `bits` (0 for none)."""
    if any(v not in (0, 1) for v in bits):
        raise ValueError("from_bits: digits must be 0 or 1")
    out = 0
    for v in bits:
        out = 2 * out + v
    return out
