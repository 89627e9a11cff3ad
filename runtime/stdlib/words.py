"""Words: text forms of values, joining and casing strings, number words, ordinals, plurals
and letter names.

`str_` is spec-visible as `str` (the registry strips the trailing underscore).
"""

from __future__ import annotations

import math
from typing import Any

from tron.stdlib.registry import stdfn

DOMAIN = "Words"


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


@stdfn("str -> list[str]")
def chars(s: str) -> list[str]:
    """The characters of the string, in order: chars("abc") is ["a", "b", "c"]."""
    return list(s)


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
