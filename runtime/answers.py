"""First-class answer types: one canonical text form and one strict parser each.

A parser accepts a text only when the WHOLE text is exactly one value of its type, after a light
normalisation (surrounding whitespace, `$...$`, `\\text{...}`, `**...**`, quotes, one trailing
period). Hedges such as "3 or 4", "3-4" or "A, B" are therefore rejected by construction: no
parser searches inside a text for something that looks like an answer.

Every parser is total (returns None instead of raising) and runs in time linear in its input;
inputs longer than MAX_ANSWER_CHARS are rejected outright.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Iterable
from fractions import Fraction
from typing import Any, ClassVar

__all__ = [
    "MAX_ANSWER_CHARS",
    "MAX_DIGITS",
    "AnswerType",
    "CellAnswer",
    "ChoiceAnswer",
    "ColourAnswer",
    "IntegerAnswer",
    "LabelAnswer",
    "NumberAnswer",
    "SequenceAnswer",
    "SetAnswer",
    "YesNoAnswer",
    "answer_type_from_json",
]

# An answer longer than this is not an answer; rejecting early keeps every parse cheap.
MAX_ANSWER_CHARS = 65_536
# Digits allowed in one number, so int()/Fraction() work stays small (and far below
# Python's int-string conversion limit).
MAX_DIGITS = 100
# Normalisation peels at most this many layers ("$**3**$." is three).
_MAX_UNWRAP = 8

# LaTeX commands whose single argument is the whole answer when they span the whole text.
_LATEX_WRAPPERS = (
    "\\text",
    "\\textbf",
    "\\textrm",
    "\\texttt",
    "\\textit",
    "\\mathrm",
    "\\mathbf",
    "\\mathit",
    "\\mbox",
    "\\boxed",
    "\\fbox",
)
# Symmetric/asymmetric delimiters that may surround a whole answer.
_DELIMITER_PAIRS = (
    ("$$", "$$"),
    ("$", "$"),
    ("\\(", "\\)"),
    ("\\[", "\\]"),
    ("**", "**"),
    ("`", "`"),
    ('"', '"'),
    ("'", "'"),
    ("\u201c", "\u201d"),
)
_OPENERS = {"(": ")", "[": "]", "{": "}"}
_CLOSERS = {")", "]", "}"}


def _matching_close(s: str, start: int) -> int:
    """Index of the bracket closing the one at s[start], or -1. Backslash escapes one char."""
    depth = 0
    i = start
    n = len(s)
    while i < n:
        ch = s[i]
        if ch == "\\":
            i += 2
            continue
        if ch in _OPENERS:
            depth += 1
        elif ch in _CLOSERS:
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


def _encloses(s: str, start: int) -> bool:
    """True when the bracket at s[start] is closed by the last character of s."""
    return _matching_close(s, start) == len(s) - 1


def _unwrap_once(s: str) -> str | None:
    """Peel one layer of decoration from an already stripped text, or None if there is none."""
    if len(s) >= 2 and s.endswith(".") and not s.endswith(".."):
        return s[:-1].rstrip()
    for left, right in _DELIMITER_PAIRS:
        if len(s) >= len(left) + len(right) and s.startswith(left) and s.endswith(right):
            return s[len(left) : len(s) - len(right)].strip()
    if s.startswith("\\") and s.endswith("}"):
        brace = s.find("{")
        if brace > 0 and s[:brace].rstrip() in _LATEX_WRAPPERS and _encloses(s, brace):
            return s[brace + 1 : -1].strip()
    return None


def _stages(text: str) -> list[str]:
    """The text and each successively unwrapped form of it (at most _MAX_UNWRAP + 1)."""
    s = text.replace("\u2212", "-").strip()  # U+2212 MINUS SIGN is a plain minus to a reader
    out = [s]
    for _ in range(_MAX_UNWRAP):
        nxt = _unwrap_once(s)
        if nxt is None or nxt == s:
            break
        s = nxt
        out.append(s)
    return out


def _label_key(s: str) -> str:
    """Case- and whitespace-insensitive comparison key."""
    return " ".join(s.split()).casefold()


class AnswerType(ABC):
    """An answer type: canonical text, strict parser, equality, domain and JSON round trip."""

    kind: ClassVar[str]

    # -- the per-type core ---------------------------------------------------------------
    @abstractmethod
    def canonical(self, value: Any) -> str:
        """Canonical text of a typed value; raises TypeError/ValueError for a non-value."""

    @abstractmethod
    def _parse_core(self, s: str) -> Any | None:
        """Parse one normalised stage of the text (stripped, non-empty) or return None."""

    @abstractmethod
    def describe(self) -> str:
        """Noun phrase for the expected answer, e.g. "a whole number"."""

    def _params(self) -> dict[str, Any]:
        return {}

    # -- shared behaviour -----------------------------------------------------------------
    def parse(self, text: str) -> Any | None:
        """The value when the whole text is exactly one value of this type, else None."""
        if not isinstance(text, str) or len(text) > MAX_ANSWER_CHARS:
            return None
        # Try the raw text first, then each unwrapped layer: the first stage that parses wins.
        for stage in _stages(text):
            if not stage:
                return None
            value = self._parse_core(stage)
            if value is not None:
                return value
        return None

    def equal(self, a: Any, b: Any) -> bool:
        # One canonical text per value, so comparing canonical texts is exact equality.
        return self.canonical(a) == self.canonical(b)

    def domain(self) -> list[Any] | None:
        """The finite domain of values, when the type has a small one."""
        return None

    def sort_key(self, value: Any) -> Any:
        """Key ordering values for canonical set text; domain order when there is a domain."""
        text = self.canonical(value)  # validates the value
        dom = self.domain()
        return dom.index(value) if dom is not None else text

    def instruction(self) -> str:
        return f"Answer with {self.describe()}."

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, **self._params()}

    def value_to_json(self, value: Any) -> Any:
        return self.canonical(value)

    def value_from_json(self, data: Any) -> Any:
        if not isinstance(data, str):
            raise ValueError(f"{self.kind} value must be JSON text, got {data!r}")
        value = self.parse(data)
        if value is None:
            raise ValueError(f"not a {self.kind} value: {data!r}")
        return value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, AnswerType) and self.to_json() == other.to_json()

    def __hash__(self) -> int:
        return hash(repr(self.to_json()))

    def __repr__(self) -> str:
        params = ", ".join(f"{k}={v!r}" for k, v in self._params().items())
        return f"{type(self).__name__}({params})"


# --- integer ------------------------------------------------------------------------------

# ASCII digits only (re.ASCII): int() would happily read "٣" and other Unicode digits.
# Thousands separators must be properly grouped and the first group may not start with 0.
_INTEGER_RE = re.compile(r"[+-]?(?:[1-9]\d{0,2}(?:,\d{3})+|\d+)", re.ASCII)


def _check_int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"expected an int, got {value!r}")
    return value


class IntegerAnswer(AnswerType):
    """A whole number written in ASCII digits: "42", "-3", "+3", "1,234"."""

    kind = "integer"

    def canonical(self, value: Any) -> str:
        text = str(_check_int(value))
        if len(text.lstrip("-")) > MAX_DIGITS:
            raise ValueError(f"integer has more than {MAX_DIGITS} digits")
        return text

    def _parse_core(self, s: str) -> int | None:
        if _INTEGER_RE.fullmatch(s) is None:
            return None
        digits = s.lstrip("+-").replace(",", "")
        if len(digits) > MAX_DIGITS:
            return None
        return int(s.replace(",", ""))

    def describe(self) -> str:
        return "a whole number written in digits"

    def sort_key(self, value: Any) -> Any:
        return _check_int(value)

    def value_to_json(self, value: Any) -> Any:
        self.canonical(value)
        return value

    def value_from_json(self, data: Any) -> Any:
        value = _check_int(data)
        self.canonical(value)
        return value


# --- exact number -------------------------------------------------------------------------

_NUMBER_RE = re.compile(
    r"""
    (?P<sign>[+-]?)
    (?:
        (?P<int>[1-9]\d{0,2}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d*))?   # 12  1,234  12.  12.5
      | \.(?P<frac_only>\d+)                                       # .5
      | (?P<num>\d+)\s*/\s*(?P<den>\d+)                            # 3/4
      | \\[dt]?frac\s*\{\s*(?P<fsign>[+-]?)\s*(?P<fnum>\d+)\s*\}   # \frac{3}{4}
        \s*\{\s*(?P<fden>\d+)\s*\}
    )
    """,
    re.ASCII | re.VERBOSE,
)
# A terminating decimal longer than this after the point is written as a fraction instead.
_MAX_DECIMAL_PLACES = 12


def _as_fraction(value: Any) -> Fraction:
    # Floats are refused: a float is already an approximation, and the gold must be exact.
    if isinstance(value, Fraction):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return Fraction(value)
    raise TypeError(f"expected an int or Fraction, got {value!r}")


def _decimal_places(q: Fraction) -> int | None:
    """Places needed to write q exactly as a decimal, or None if it does not terminate."""
    d = q.denominator
    twos = fives = 0
    while d % 2 == 0:
        d //= 2
        twos += 1
    while d % 5 == 0:
        d //= 5
        fives += 1
    return max(twos, fives) if d == 1 else None


def _number_text(q: Fraction) -> str | None:
    """Canonical text of q, or None when it would exceed MAX_DIGITS digits."""
    if q.numerator.bit_length() + q.denominator.bit_length() > 4 * MAX_DIGITS:
        return None  # cheap early exit, far beyond the digit cap, before any str()
    places = _decimal_places(q)
    if q.denominator == 1:
        text = str(q.numerator)
    elif places is not None and places <= _MAX_DECIMAL_PLACES:
        scaled = str(abs(q.numerator) * 10**places // q.denominator).rjust(places + 1, "0")
        sign = "-" if q < 0 else ""
        text = f"{sign}{scaled[:-places]}.{scaled[-places:]}"
    else:
        text = f"{q.numerator}/{q.denominator}"
    return text if sum(ch.isdigit() for ch in text) <= MAX_DIGITS else None


class NumberAnswer(AnswerType):
    """An exact rational number: "3", "-1.50", ".5", "3/4", "\\frac{3}{4}".

    Values are Fractions compared exactly (0.5 == 1/2; 0.333 != 1/3). Canonical text is the
    integer when whole, else the exact decimal when it terminates within 12 places, else the
    reduced fraction "p/q". No exponents, percentages or mixed numbers.
    """

    kind = "number"

    def canonical(self, value: Any) -> str:
        text = _number_text(_as_fraction(value))
        if text is None:
            raise ValueError(f"number has more than {MAX_DIGITS} digits: {value!r}")
        return text

    def _parse_core(self, s: str) -> Fraction | None:
        if len(s) > 2 * MAX_DIGITS:
            return None
        m = _NUMBER_RE.fullmatch(s)
        if m is None or sum(ch.isdigit() for ch in s) > MAX_DIGITS:
            return None
        negative = m["sign"] == "-"
        if m["int"] is not None:
            whole = int(m["int"].replace(",", ""))
            frac = m["frac"] or ""
            q = Fraction(whole) + (Fraction(int(frac), 10 ** len(frac)) if frac else 0)
        elif m["frac_only"] is not None:
            q = Fraction(int(m["frac_only"]), 10 ** len(m["frac_only"]))
        elif m["num"] is not None:
            if int(m["den"]) == 0:
                return None
            q = Fraction(int(m["num"]), int(m["den"]))
        else:
            if int(m["fden"]) == 0 or (m["sign"] and m["fsign"]):
                return None  # "-\frac{-1}{2}" is too clever to be an intended answer
            negative = negative or m["fsign"] == "-"
            q = Fraction(int(m["fnum"]), int(m["fden"]))
        q = -q if negative else q
        # Only values whose canonical text is itself parsable: keeps canonical() total on them.
        return q if _number_text(q) is not None else None

    def describe(self) -> str:
        return "an exact number: an integer, a decimal, or a fraction such as 3/4"

    def sort_key(self, value: Any) -> Any:
        return _as_fraction(value)

    def value_from_json(self, data: Any) -> Any:
        if isinstance(data, int) and not isinstance(data, bool):
            return Fraction(data)
        return super().value_from_json(data)


# --- choice letter ------------------------------------------------------------------------

_CHOICE_RE = re.compile(
    r"(?:(?:option|choice)\s*)?(?:\((?P<p>[A-Z])\)|\[(?P<b>[A-Z])\]|(?P<l>[A-Z])\)?)",
    re.ASCII | re.IGNORECASE,
)
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


class ChoiceAnswer(AnswerType):
    """One option letter among the first n: "B", "(B)", "B)", "b", "Option B", "B."."""

    kind = "choice"

    def __init__(self, n: int) -> None:
        if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= 26:
            raise ValueError(f"a choice needs 1 to 26 options, got {n!r}")
        self.n = n

    def _params(self) -> dict[str, Any]:
        return {"n": self.n}

    def canonical(self, value: Any) -> str:
        if not isinstance(value, str) or len(value) != 1 or value not in _LETTERS[: self.n]:
            raise ValueError(f"not an option letter among A..{_LETTERS[self.n - 1]}: {value!r}")
        return value

    def _parse_core(self, s: str) -> str | None:
        m = _CHOICE_RE.fullmatch(s)
        if m is None:
            return None
        letter = (m["p"] or m["b"] or m["l"]).upper()
        return letter if letter in _LETTERS[: self.n] else None

    def domain(self) -> list[Any]:
        return list(_LETTERS[: self.n])

    def describe(self) -> str:
        if self.n == 1:
            return "the letter A"
        return f"the letter of the correct option, one of A to {_LETTERS[self.n - 1]}"


# --- yes / no -----------------------------------------------------------------------------

_YES = {"yes", "true"}
_NO = {"no", "false"}


class YesNoAnswer(AnswerType):
    """A boolean written yes/no or true/false (any case); canonical "yes" / "no"."""

    kind = "yesno"

    def canonical(self, value: Any) -> str:
        if not isinstance(value, bool):
            raise TypeError(f"expected a bool, got {value!r}")
        return "yes" if value else "no"

    def _parse_core(self, s: str) -> bool | None:
        word = s.lower() if s.isascii() else ""  # ASCII only: "ſ".upper() == "S"
        if word in _YES:
            return True
        if word in _NO:
            return False
        return None

    def domain(self) -> list[Any]:
        return [True, False]

    def describe(self) -> str:
        return "yes or no"

    def value_to_json(self, value: Any) -> Any:
        self.canonical(value)
        return value

    def value_from_json(self, data: Any) -> Any:
        if not isinstance(data, bool):
            raise ValueError(f"yesno value must be a JSON boolean, got {data!r}")
        return data


# --- label and colour ---------------------------------------------------------------------

# Characters that would break a wrapper ("\boxed{a}b}") or the answer-tag scan.
_FORBIDDEN_LABEL_CHARS = frozenset("{}\\<>\n\r")


class LabelAnswer(AnswerType):
    """One label from a declared finite set, matched case- and whitespace-insensitively.

    The canonical text is the label exactly as declared.
    """

    kind = "label"
    _field: ClassVar[str] = "labels"

    def __init__(self, labels: Iterable[str]) -> None:
        if isinstance(labels, str):
            raise ValueError(f"{self.kind}s must be a list of text, not one text {labels!r}")
        self.labels = list(labels)
        if not self.labels:
            raise ValueError(f"a {self.kind} answer needs at least one {self.kind}")
        self._by_key: dict[str, str] = {}
        for label in self.labels:
            if not isinstance(label, str) or not label.strip():
                raise ValueError(f"{self.kind} must be non-empty text, got {label!r}")
            if _FORBIDDEN_LABEL_CHARS & set(label):
                raise ValueError(f"{self.kind} {label!r} contains one of {{ }} \\ < > or newline")
            key = self._key(label)
            if key in self._by_key:
                raise ValueError(f"{self.kind}s {self._by_key[key]!r} and {label!r} collide")
            self._by_key[key] = label
        for label in self.labels:
            # The canonical text must read back as itself (e.g. no label "'x'" next to "x").
            if self.parse(label) != label:
                raise ValueError(f"{self.kind} {label!r} does not read back as itself")

    def _key(self, s: str) -> str:
        return _label_key(s)

    def _params(self) -> dict[str, Any]:
        return {self._field: list(self.labels)}

    def canonical(self, value: Any) -> str:
        if not isinstance(value, str) or self._by_key.get(self._key(value)) != value:
            raise ValueError(f"not a declared {self.kind}: {value!r}")
        return value

    def _parse_core(self, s: str) -> str | None:
        return self._by_key.get(self._key(s))

    def domain(self) -> list[Any]:
        return list(self.labels)

    def describe(self) -> str:
        return "exactly one of: " + ", ".join(self.labels)


# British/US spellings a reader treats as the same colour word.
_COLOUR_SPELLINGS = {"grey": "gray", "greyish": "grayish"}


class ColourAnswer(LabelAnswer):
    """A colour name from a declared palette; "grey" and "gray" are the same word."""

    kind = "colour"
    _field = "colours"

    def __init__(self, colours: Iterable[str]) -> None:
        super().__init__(colours)

    @property
    def colours(self) -> list[str]:
        return self.labels

    def _key(self, s: str) -> str:
        words = _label_key(s).replace("-", " - ").split()
        return " ".join(_COLOUR_SPELLINGS.get(w, w) for w in words)

    def describe(self) -> str:
        return "exactly one colour name from: " + ", ".join(self.labels)


# --- grid cell ----------------------------------------------------------------------------

# Grids larger than this are not visual questions; the cap keeps domain() small.
_MAX_GRID = 1000
_CELL_RE = re.compile(
    r"(?:(?P<r>\d{1,4})\s*,\s*(?P<c>\d{1,4})"
    r"|row\s*(?P<r2>\d{1,4})\s*,?\s*col(?:umn)?\s*(?P<c2>\d{1,4})"
    r"|col(?:umn)?\s*(?P<c3>\d{1,4})\s*,?\s*row\s*(?P<r3>\d{1,4}))",
    re.ASCII | re.IGNORECASE,
)


class CellAnswer(AnswerType):
    """A grid cell (row, column), both 1-based; canonical "(2, 3)".

    Accepts "(2,3)", "2, 3", "[2, 3]", "row 2, column 3" and "column 3, row 2".
    """

    kind = "cell"

    def __init__(self, rows: int, cols: int) -> None:
        for name, v in (("rows", rows), ("cols", cols)):
            if isinstance(v, bool) or not isinstance(v, int) or not 1 <= v <= _MAX_GRID:
                raise ValueError(f"cell {name} must be an int in 1..{_MAX_GRID}, got {v!r}")
        self.rows = rows
        self.cols = cols

    def _params(self) -> dict[str, Any]:
        return {"rows": self.rows, "cols": self.cols}

    def _check(self, value: Any) -> tuple[int, int]:
        if not isinstance(value, tuple | list) or len(value) != 2:
            raise TypeError(f"expected a (row, column) pair, got {value!r}")
        r, c = (_check_int(v) for v in value)
        if not (1 <= r <= self.rows and 1 <= c <= self.cols):
            raise ValueError(f"cell {value!r} outside {self.rows}x{self.cols} grid")
        return r, c

    def canonical(self, value: Any) -> str:
        r, c = self._check(value)
        return f"({r}, {c})"

    def _parse_core(self, s: str) -> tuple[int, int] | None:
        if s and s[0] in "([" and _OPENERS[s[0]] == s[-1] and _encloses(s, 0):
            s = s[1:-1].strip()
        m = _CELL_RE.fullmatch(s)
        if m is None:
            return None
        r = int(m["r"] or m["r2"] or m["r3"])
        c = int(m["c"] or m["c2"] or m["c3"])
        if 1 <= r <= self.rows and 1 <= c <= self.cols:
            return r, c
        return None

    def domain(self) -> list[Any]:
        return [(r, c) for r in range(1, self.rows + 1) for c in range(1, self.cols + 1)]

    def sort_key(self, value: Any) -> Any:
        return self._check(value)

    def describe(self) -> str:
        return (
            f"a grid cell as (row, column), counting from 1 "
            f"(rows 1-{self.rows}, columns 1-{self.cols})"
        )

    def value_to_json(self, value: Any) -> Any:
        return list(self._check(value))

    def value_from_json(self, data: Any) -> Any:
        return self._check(data)


# --- sequence and set ---------------------------------------------------------------------

_EMPTY_FORMS = frozenset({"[]", "()", "{}", "\\{\\}", "\u2205", "\\emptyset", "\\varnothing"})


def _top_level_positions(s: str) -> tuple[list[int], list[int]] | None:
    """Positions of top-level commas and semicolons, or None if brackets do not balance."""
    commas: list[int] = []
    semis: list[int] = []
    depth = 0
    i = 0
    n = len(s)
    while i < n:
        ch = s[i]
        if ch == "\\":
            i += 2
            continue
        if ch in _OPENERS:
            depth += 1
        elif ch in _CLOSERS:
            depth -= 1
            if depth < 0:
                return None
        elif depth == 0 and ch == ",":
            commas.append(i)
        elif depth == 0 and ch == ";":
            semis.append(i)
        i += 1
    return (commas, semis) if depth == 0 else None


def _split_top_level(s: str) -> list[str] | None:
    """Split at top-level semicolons if there are any, else at top-level commas.

    Semicolons win so that items holding commas can be listed: "1, 2; 3, 4" is two cells.
    Empty items ("1,,2", "1, 2,") make the text malformed.
    """
    found = _top_level_positions(s)
    if found is None:
        return None
    commas, semis = found
    cuts = semis or commas
    bounds = [-1, *cuts, len(s)]
    parts = [s[a + 1 : b].strip() for a, b in zip(bounds, bounds[1:], strict=False)]
    return None if any(not p for p in parts) else parts


def _strip_brackets(s: str, pairs: tuple[tuple[str, str], ...]) -> str | None:
    """The inside of s when one bracket pair from `pairs` encloses all of it, else None."""
    for left, right in pairs:
        fits = s.startswith(left) and s.endswith(right) and len(s) >= len(left) + len(right)
        # "(1, 2), (3, 4)" starts and ends with brackets that are not one pair.
        if fits and (left.startswith("\\") or _encloses(s, 0)):
            inner = s[len(left) : len(s) - len(right)].strip()
            return inner or None
    return None


class _CollectionAnswer(AnswerType):
    """Shared parsing for sequences and sets of a scalar item type."""

    _brackets: ClassVar[tuple[tuple[str, str], ...]] = (("[", "]"), ("(", ")"))

    def __init__(self, item: AnswerType) -> None:
        if not isinstance(item, AnswerType) or isinstance(item, _CollectionAnswer):
            raise ValueError(f"{self.kind} items must be a scalar answer type, got {item!r}")
        # A label holding a separator could not be told apart from two items.
        if isinstance(item, LabelAnswer):
            for label in item.labels:
                if "," in label or ";" in label:
                    raise ValueError(f"{self.kind} item {label!r} contains a separator (, or ;)")
        self.item = item

    def _params(self) -> dict[str, Any]:
        return {"item": self.item.to_json()}

    def _items(self, value: Any) -> list[Any]:
        if isinstance(value, str | bytes) or not isinstance(value, Iterable):
            raise TypeError(f"expected a collection of items, got {value!r}")
        return list(value)

    def _parse_items(self, s: str) -> list[Any] | None:
        if s in _EMPTY_FORMS:
            return []
        # Brackets belong to the list ("[1, 2]") unless they belong to a single item ("(2, 3)").
        bodies = [b for b in (_strip_brackets(s, self._brackets), s) if b is not None]
        for body in bodies:
            parts = _split_top_level(body)
            if parts is None:
                continue
            values = [self.item.parse(p) for p in parts]
            if all(v is not None for v in values):
                return values
        return None


class SequenceAnswer(_CollectionAnswer):
    """An ordered list of items; canonical "a, b, c" and "[]" for the empty list.

    Accepts comma- or semicolon-separated items, optionally inside [] or ().
    """

    kind = "sequence"

    def canonical(self, value: Any) -> str:
        items = self._items(value)
        if not items:
            return "[]"
        return ", ".join(self.item.canonical(v) for v in items)

    def _parse_core(self, s: str) -> tuple[Any, ...] | None:
        values = self._parse_items(s)
        return None if values is None else tuple(values)

    def describe(self) -> str:
        return f"a comma-separated list in order, each item {self.item.describe()}"

    def value_to_json(self, value: Any) -> Any:
        return [self.item.value_to_json(v) for v in self._items(value)]

    def value_from_json(self, data: Any) -> Any:
        if not isinstance(data, list):
            raise ValueError(f"sequence value must be a JSON list, got {data!r}")
        return tuple(self.item.value_from_json(v) for v in data)


class SetAnswer(_CollectionAnswer):
    """An unordered collection without repeats; canonical items sorted, "[]" when empty.

    Order follows the item domain when there is one, else the natural order of values.
    A repeated item makes the text malformed (it is not a set written once).
    """

    kind = "set"
    _brackets = (("[", "]"), ("(", ")"), ("\\{", "\\}"), ("{", "}"))

    def _sorted_unique(self, value: Any) -> list[Any]:
        items = self._items(value)
        texts = [self.item.canonical(v) for v in items]
        if len(set(texts)) != len(texts):
            raise ValueError(f"set value has repeated items: {value!r}")
        return sorted(items, key=self.item.sort_key)

    def canonical(self, value: Any) -> str:
        items = self._sorted_unique(value)
        if not items:
            return "[]"
        return ", ".join(self.item.canonical(v) for v in items)

    def _parse_core(self, s: str) -> frozenset[Any] | None:
        values = self._parse_items(s)
        if values is None:
            return None
        result = frozenset(values)
        return result if len(result) == len(values) else None

    def describe(self) -> str:
        return (
            f"a comma-separated list in any order without repeats (or [] if there are none), "
            f"each item {self.item.describe()}"
        )

    def value_to_json(self, value: Any) -> Any:
        return [self.item.value_to_json(v) for v in self._sorted_unique(value)]

    def value_from_json(self, data: Any) -> Any:
        if not isinstance(data, list):
            raise ValueError(f"set value must be a JSON list, got {data!r}")
        values = [self.item.value_from_json(v) for v in data]
        self._sorted_unique(values)
        return frozenset(values)


# --- descriptors --------------------------------------------------------------------------


def _require(d: dict[str, Any], key: str) -> Any:
    if key not in d:
        raise ValueError(f"answer type {d.get('kind')!r} needs field {key!r}")
    return d[key]


def answer_type_from_json(d: dict[str, Any]) -> AnswerType:
    """Rebuild an answer type from its `to_json()` descriptor; ValueError if malformed."""
    if not isinstance(d, dict):
        raise ValueError(f"answer type descriptor must be an object, got {d!r}")
    kind = d.get("kind")
    if kind == "integer":
        return IntegerAnswer()
    if kind == "number":
        return NumberAnswer()
    if kind == "yesno":
        return YesNoAnswer()
    if kind == "choice":
        return ChoiceAnswer(_require(d, "n"))
    if kind == "label":
        return LabelAnswer(_require(d, "labels"))
    if kind == "colour":
        return ColourAnswer(_require(d, "colours"))
    if kind == "cell":
        return CellAnswer(_require(d, "rows"), _require(d, "cols"))
    if kind == "sequence":
        return SequenceAnswer(answer_type_from_json(_require(d, "item")))
    if kind == "set":
        return SetAnswer(answer_type_from_json(_require(d, "item")))
    raise ValueError(f"unknown answer type kind {kind!r}")
