"""Lists: counting, aggregating, comparing and reshaping lists (the list vocabulary of specs).

Python names carry a trailing underscore where they would shadow a builtin; the registry strips
it, so the spec-visible name is the builtin's (`sum_` is `sum`).
"""

from __future__ import annotations

import math
from typing import Any

from tron.stdlib.registry import stdfn

DOMAIN = "Lists"


@stdfn("list[T] -> int", name="len")
def len_(xs: list[Any]) -> int:
    """Number of items in a list."""
    return len(xs)


@stdfn("list[T] -> int")
def count(xs: list[Any]) -> int:
    """Number of items in a list (same as `len`; reads better after a filter)."""
    return len(xs)


@stdfn("list[T], T -> int")
def count_of(xs: list[Any], x: Any) -> int:
    """Number of items equal to `x`."""
    return sum(1 for v in xs if v == x)


@stdfn("list[int] -> int", name="sum")
def sum_(xs: list[int]) -> int:
    """Sum of a list of integers (0 for an empty list)."""
    return int(sum(xs))


@stdfn("list[real] -> real")
def fsum(xs: list[float]) -> float:
    """Sum of a list of real numbers, computed exactly rounded (`math.fsum`)."""
    return math.fsum(xs)


@stdfn("list[real] -> real")
def mean(xs: list[float]) -> float:
    """Arithmetic mean of a non-empty list of numbers."""
    _nonempty(xs, "mean")
    return math.fsum(xs) / len(xs)


@stdfn("list[T] -> T", name="min")
def min_(xs: list[Any]) -> Any:
    """Smallest item of a non-empty list."""
    _nonempty(xs, "min")
    return min(xs)


@stdfn("list[T] -> T", name="max")
def max_(xs: list[Any]) -> Any:
    """Largest item of a non-empty list."""
    _nonempty(xs, "max")
    return max(xs)


@stdfn("T, T -> T")
def min2(a: Any, b: Any) -> Any:
    """The smaller of two values."""
    return min(a, b)


@stdfn("T, T -> T")
def max2(a: Any, b: Any) -> Any:
    """The larger of two values."""
    return max(a, b)


@stdfn("list[T], list[real] -> T")
def argmax(xs: list[Any], keys: list[float]) -> Any:
    """Item of `xs` whose key in `keys` is largest; the first such item on a tie.

    Pair with `unique_max` or `margin` in a `require` when the answer must be unambiguous.
    """
    _paired(xs, keys, "argmax")
    best = max(keys)
    return xs[keys.index(best)]


@stdfn("list[T], list[real] -> T")
def argmin(xs: list[Any], keys: list[float]) -> Any:
    """Item of `xs` whose key in `keys` is smallest; the first such item on a tie."""
    _paired(xs, keys, "argmin")
    best = min(keys)
    return xs[keys.index(best)]


@stdfn("list[real] -> bool")
def unique_max(xs: list[float]) -> bool:
    """True when the largest value occurs exactly once."""
    _nonempty(xs, "unique_max")
    return xs.count(max(xs)) == 1


@stdfn("list[real] -> bool")
def unique_min(xs: list[float]) -> bool:
    """True when the smallest value occurs exactly once."""
    _nonempty(xs, "unique_min")
    return xs.count(min(xs)) == 1


@stdfn("list[real] -> real")
def margin(xs: list[float]) -> float:
    """Gap between the largest and second-largest values (0 on a tie; needs 2+ values)."""
    if len(xs) < 2:
        raise ValueError("margin needs at least 2 values")
    top = sorted(xs, reverse=True)
    return top[0] - top[1]


@stdfn("list[real] -> real")
def margin_low(xs: list[float]) -> float:
    """Gap between the second-smallest and smallest values (0 on a tie; needs 2+ values)."""
    if len(xs) < 2:
        raise ValueError("margin_low needs at least 2 values")
    low = sorted(xs)
    return low[1] - low[0]


@stdfn("list[real] -> real")
def min_gap(xs: list[float]) -> float:
    """Smallest difference between any two values (0 if any repeat; needs 2+ values)."""
    if len(xs) < 2:
        raise ValueError("min_gap needs at least 2 values")
    s = sorted(xs)
    return min(b - a for a, b in zip(s, s[1:], strict=False))


@stdfn("list[T] -> list[T]", name="sorted")
def sorted_(xs: list[Any]) -> list[Any]:
    """The items in ascending order (numbers, strings, or records by their fields in order)."""
    return sorted(xs, key=_order_key)


@stdfn("list[T] -> list[T]", name="reversed")
def reversed_(xs: list[Any]) -> list[Any]:
    """The items in reverse order."""
    return list(reversed(xs))


@stdfn("list[T] -> list[T]")
def unique(xs: list[Any]) -> list[Any]:
    """The items without repeats, each kept at its first occurrence."""
    out: list[Any] = []
    for x in xs:
        if x not in out:
            out.append(x)
    return out


@stdfn("list[T], list[T] -> list[T]")
def union(a: list[Any], b: list[Any]) -> list[Any]:
    """Items in either list, sorted, without repeats."""
    return sorted_(unique(a + b))


@stdfn("list[T], list[T] -> list[T]")
def intersection(a: list[Any], b: list[Any]) -> list[Any]:
    """Items in both lists, sorted, without repeats."""
    return sorted_(unique([x for x in a if x in b]))


@stdfn("list[T], list[T] -> list[T]")
def difference(a: list[Any], b: list[Any]) -> list[Any]:
    """Items of the first list that are not in the second, sorted, without repeats."""
    return sorted_(unique([x for x in a if x not in b]))


@stdfn("list[T], list[T] -> list[T]")
def concat(a: list[Any], b: list[Any]) -> list[Any]:
    """The items of `a` followed by the items of `b`."""
    return list(a) + list(b)


@stdfn("list[T], T -> bool")
def contains(xs: list[Any], x: Any) -> bool:
    """True when `x` is one of the items."""
    return x in xs


@stdfn("list[T], T -> int")
def index(xs: list[Any], x: Any) -> int:
    """Position (from 0) of the first item equal to `x`; an error if absent."""
    if x not in xs:
        raise ValueError(f"index: {x!r} is not in the list")
    return xs.index(x)


@stdfn("int, int -> list[int]", name="range")
def range_(lo: int, hi: int) -> list[int]:
    """The integers lo, lo+1, ..., hi-1 (hi excluded, as in Python)."""
    if hi - lo > 1_000_000:
        raise ValueError(f"range({lo}, {hi}) is too long")
    return list(range(lo, hi))


@stdfn("T, int -> list[T]")
def repeat(x: Any, n: int) -> list[Any]:
    """A list of `n` copies of `x`."""
    if not 0 <= n <= 1_000_000:
        raise ValueError(f"repeat: count {n} out of range 0..1000000")
    return [x] * n


@stdfn("list[T], int -> list[T]")
def take(xs: list[Any], n: int) -> list[Any]:
    """The first `n` items (all of them if the list is shorter)."""
    if n < 0:
        raise ValueError(f"take: negative count {n}")
    return list(xs[:n])


@stdfn("list[T], int -> list[T]")
def drop(xs: list[Any], n: int) -> list[Any]:
    """The items after the first `n` (empty if the list is shorter)."""
    if n < 0:
        raise ValueError(f"drop: negative count {n}")
    return list(xs[n:])


@stdfn("list[T], int -> T")
def at(xs: list[Any], i: int) -> Any:
    """The item at position `i`, counting from 0; an error when out of range."""
    if not 0 <= i < len(xs):
        raise ValueError(f"at: index {i} out of range for a list of {len(xs)}")
    return xs[i]


@stdfn("list[T] -> T")
def first(xs: list[Any]) -> Any:
    """The first item of a non-empty list."""
    _nonempty(xs, "first")
    return xs[0]


@stdfn("list[T] -> T")
def last(xs: list[Any]) -> Any:
    """The last item of a non-empty list."""
    _nonempty(xs, "last")
    return xs[-1]


@stdfn("list[bool] -> bool", name="all")
def all_(xs: list[bool]) -> bool:
    """True when every item is true (true for an empty list)."""
    return all(xs)


@stdfn("list[bool] -> bool", name="any")
def any_(xs: list[bool]) -> bool:
    """True when at least one item is true."""
    return any(xs)


def _order_key(x: Any) -> Any:
    # Records are dicts with fields in declared order; compare them field by field.
    return tuple(x.values()) if isinstance(x, dict) else x


def _nonempty(xs: list[Any], fn: str) -> None:
    if not xs:
        raise ValueError(f"{fn} of an empty list")


def _paired(xs: list[Any], keys: list[Any], fn: str) -> None:
    _nonempty(xs, fn)
    if len(xs) != len(keys):
        raise ValueError(f"{fn}: {len(xs)} items but {len(keys)} keys")
