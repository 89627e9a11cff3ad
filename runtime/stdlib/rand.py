"""Random draws. Each takes the instance's own generator `rng` first (the spec never passes it).

Only `random.Random` methods whose output is fixed for a given seed are used, so the same seed
gives the same draws in any process.
"""

from __future__ import annotations

import math
import random
from typing import Any

from tron.render.colours import NAMEABLE
from tron.stdlib.registry import stdfn

DOMAIN = "Random draws"


@stdfn("int, int -> int", random=True)
def randint(rng: random.Random, lo: int, hi: int) -> int:
    """A uniform integer from lo to hi, both included."""
    if lo > hi:
        raise ValueError(f"randint: lo {lo} > hi {hi}")
    return rng.randint(lo, hi)


@stdfn("real, real -> real", random=True)
def uniform(rng: random.Random, lo: float, hi: float) -> float:
    """A uniform real number from lo to hi, rounded to 2 decimals (kept tidy in SVG and state)."""
    if lo > hi:
        raise ValueError(f"uniform: lo {lo} > hi {hi}")
    # Rounding may step just outside the range; clamp back in.
    return min(max(round(rng.uniform(lo, hi), 2), lo), hi)


@stdfn("list[T] -> T", random=True)
def choice(rng: random.Random, xs: list[Any]) -> Any:
    """One item chosen uniformly at random."""
    if not xs:
        raise ValueError("choice from an empty list")
    return xs[rng.randrange(len(xs))]


@stdfn("list[T], list[real] -> T", random=True)
def weighted_choice(rng: random.Random, xs: list[Any], weights: list[float]) -> Any:
    """One item chosen with probability proportional to its weight (weights >= 0, not all 0)."""
    if not xs:
        raise ValueError("weighted_choice from an empty list")
    if len(xs) != len(weights):
        raise ValueError(f"weighted_choice: {len(xs)} items but {len(weights)} weights")
    if any(w < 0 or not math.isfinite(w) for w in weights):
        raise ValueError("weighted_choice: weights must be finite and non-negative")
    total = math.fsum(weights)
    if total <= 0:
        raise ValueError("weighted_choice: weights sum to 0")
    r = rng.random() * total
    acc = 0.0
    for x, w in zip(xs, weights, strict=True):
        acc += w
        if r < acc:
            return x
    # Floating-point slack: fall back to the last item with positive weight.
    return next(x for x, w in zip(reversed(xs), reversed(weights), strict=True) if w > 0)


@stdfn("list[T], int -> list[T]", random=True)
def sample(rng: random.Random, xs: list[Any], k: int) -> list[Any]:
    """`k` items drawn without replacement, in random order (positions never repeat)."""
    if not 0 <= k <= len(xs):
        raise ValueError(f"sample: cannot draw {k} items from a list of {len(xs)}")
    return rng.sample(list(xs), k)


@stdfn("list[T] -> list[T]", random=True)
def shuffle(rng: random.Random, xs: list[Any]) -> list[Any]:
    """A new list with the same items in random order."""
    out = list(xs)
    rng.shuffle(out)
    return out


@stdfn("int -> list[int]", random=True)
def permutation(rng: random.Random, n: int) -> list[int]:
    """The integers 0..n-1 in random order."""
    if not 0 <= n <= 1_000_000:
        raise ValueError(f"permutation: size {n} out of range 0..1000000")
    out = list(range(n))
    rng.shuffle(out)
    return out


@stdfn("real -> bool", random=True)
def coin(rng: random.Random, p: float) -> bool:
    """True with probability `p` (0 <= p <= 1)."""
    if not 0.0 <= p <= 1.0:
        raise ValueError(f"coin: probability {p} outside 0..1")
    return rng.random() < p


@stdfn(" -> list[str]")
def colours() -> list[str]:
    """The nameable palette colours in a fixed order (white excluded: it is the background)."""
    return list(NAMEABLE)
