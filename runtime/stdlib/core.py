"""Pure functions over numbers, strings and lists: the arithmetic and list vocabulary of specs.

Python names carry a trailing underscore where they would shadow a builtin; the registry strips
it, so the spec-visible name is the builtin's (`sum_` is `sum`).
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from tron.stdlib.registry import stdfn

# ---------------------------------------------------------------- counting and aggregation


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


# ---------------------------------------------------------------- list manipulation


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


# ---------------------------------------------------------------- arithmetic


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


@stdfn("real, real -> Point")
def point(x: float, y: float) -> dict[str, float]:
    """A Point record with fields x and y."""
    return {"x": x, "y": y}


@stdfn("Point, Point -> real")
def distance(p: dict[str, float], q: dict[str, float]) -> float:
    """Euclidean distance between two points."""
    return math.hypot(p["x"] - q["x"], p["y"] - q["y"])


# ---------------------------------------------------------------- text


@stdfn("any -> str", name="str")
def str_(x: Any) -> str:
    """Text form of a value: integral reals without ".0", booleans as yes/no, lists comma-joined.

    Points print as "(x, y)" and grid cells as "(row, col)".
    """
    if isinstance(x, bool):
        return "yes" if x else "no"
    if isinstance(x, float):
        if math.isfinite(x) and x == math.floor(x) and abs(x) < 1e15:
            return str(int(x))
        return f"{x:.10g}"
    if isinstance(x, list):
        return ", ".join(str_(v) for v in x)
    if isinstance(x, dict):
        if set(x) == {"x", "y"}:
            return f"({str_(x['x'])}, {str_(x['y'])})"
        if set(x) == {"row", "col"}:
            return f"({x['row']}, {x['col']})"
        return "{" + ", ".join(f"{k}: {str_(v)}" for k, v in x.items()) + "}"
    return str(x)


@stdfn("list[str], str -> str")
def join(parts: list[str], sep: str) -> str:
    """The strings joined with `sep` between them."""
    return sep.join(parts)


@stdfn("str -> str")
def upper(s: str) -> str:
    """The string in upper case."""
    return s.upper()


@stdfn("str -> str")
def lower(s: str) -> str:
    """The string in lower case."""
    return s.lower()


@stdfn("str -> str")
def capitalize(s: str) -> str:
    """The string with its first letter in upper case (the rest unchanged)."""
    return s[:1].upper() + s[1:]


_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _words_below_1000(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    parts = []
    if hundreds:
        parts.append(_ONES[hundreds] + " hundred")
    if rest or not hundreds:
        if rest < 20:
            parts.append(_ONES[rest])
        else:
            tens, ones = divmod(rest, 10)
            parts.append(_TENS[tens] + ("-" + _ONES[ones] if ones else ""))
    return " and ".join(parts)


@stdfn("int -> str")
def number_word(n: int) -> str:
    """English words for an integer of magnitude below a million (42 -> "forty-two")."""
    if abs(n) >= 1_000_000:
        raise ValueError(f"number_word: {n} is out of range (|n| < 1000000)")
    if n < 0:
        return "minus " + number_word(-n)
    thousands, rest = divmod(n, 1000)
    if not thousands:
        return _words_below_1000(rest)
    text = _words_below_1000(thousands) + " thousand"
    if rest:
        text += (" and " if rest < 100 else " ") + _words_below_1000(rest)
    return text


@stdfn("int -> str")
def ordinal(n: int) -> str:
    """Integer with its English ordinal suffix (1 -> "1st", 12 -> "12th", 23 -> "23rd")."""
    if n % 100 in (11, 12, 13):
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


_IRREGULAR = {
    "person": "people",
    "child": "children",
    "mouse": "mice",
    "man": "men",
    "woman": "women",
    "foot": "feet",
    "tooth": "teeth",
    "goose": "geese",
    "leaf": "leaves",
    "knife": "knives",
    "wolf": "wolves",
    "sheep": "sheep",
    "fish": "fish",
    "deer": "deer",
}


@stdfn("str, int -> str")
def plural(word: str, n: int) -> str:
    """The noun in the form that agrees with count `n` ("box", 2 -> "boxes"; "box", 1 -> "box")."""
    if n == 1 or not word:
        return word
    lower_word = word.lower()
    if lower_word in _IRREGULAR:
        return _IRREGULAR[lower_word]
    if lower_word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if lower_word.endswith("y") and lower_word[-2:-1] not in tuple("aeiou"):
        return word[:-1] + "ies"
    return word + "s"


@stdfn("int -> str")
def letter(i: int) -> str:
    """Spreadsheet-style letter name for an index: 0 -> "A", 25 -> "Z", 26 -> "AA"."""
    if i < 0:
        raise ValueError(f"letter: negative index {i}")
    out = ""
    i += 1
    while i > 0:  # at most a few iterations: each divides by 26
        i, r = divmod(i - 1, 26)
        out = chr(ord("A") + r) + out
    return out


# ---------------------------------------------------------------- helpers


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
