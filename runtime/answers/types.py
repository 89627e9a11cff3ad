"""First-class answer types: one canonical text form and one strict parser each.

A parser accepts a text only when the WHOLE text is exactly one value of its type, after a light
normalisation (surrounding whitespace, `$...$`, `\\text{...}`, `**...**`, quotes, one trailing
period). Hedges such as "3 or 4", "3-4" or "A, B" are therefore rejected by construction: no
parser searches inside a text for something that looks like an answer.

Equivalent surface forms of one value are accepted (see each type and dsl/REFERENCE.md). Some
depend on what the question asks, passed as `Asked` (tron.answers.forms): a unit ("30%" where a
percentage is asked), the words a count may carry ("2 shapes"), and lettered option texts
("B. 3"). Without it, only forms that are right whatever the question are accepted.

Every parser is total (returns None instead of raising) and runs in time linear in its input;
inputs longer than MAX_ANSWER_CHARS are rejected outright.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Iterable
from fractions import Fraction
from typing import Any, ClassVar

from tron.answers.forms import (
    OPENERS,
    UNITS,
    VULGAR_FRACTIONS,
    Asked,
    compact,
    direction_aliases,
    encloses,
    label_key,
    split_suffix,
    split_top_level,
    stages,
    strip_brackets,
)
from tron.answers.forms import bounded_repr as _r

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
_NOTHING_ASKED = Asked()


class AnswerType(ABC):
    """An answer type: canonical text, strict parser, equality, domain and JSON round trip."""

    kind: ClassVar[str]

    # -- the per-type core ---------------------------------------------------------------
    @abstractmethod
    def canonical(self, value: Any) -> str:
        """Canonical text of a typed value; raises TypeError/ValueError for a non-value."""

    @abstractmethod
    def _parse_core(self, s: str, asked: Asked) -> Any | None:
        """Parse one normalised stage of the text (stripped, non-empty) or return None."""

    @abstractmethod
    def describe(self) -> str:
        """Noun phrase for the expected answer, e.g. "a whole number"."""

    def _params(self) -> dict[str, Any]:
        return {}

    # -- shared behaviour -----------------------------------------------------------------
    def parse(self, text: str, asked: Asked | None = None) -> Any | None:
        """The value when the whole text is exactly one value of this type, else None.
        `asked` (what the question asks) enables the forms that depend on it."""
        if not isinstance(text, str) or len(text) > MAX_ANSWER_CHARS:
            return None
        asked = asked or _NOTHING_ASKED
        # Try the raw text first, then each unwrapped layer: the first stage that parses wins.
        for stage in stages(text):
            if not stage:
                return None
            value = self._parse_core(stage, asked)
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
            raise ValueError(f"{self.kind} value must be JSON text, got {_r(data)}")
        value = self.parse(data)
        if value is None:
            raise ValueError(f"not a {self.kind} value: {_r(data)}")
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
# Space after the sign is allowed ("- 3"): inside an answer wrapper it is not a list bullet.
_INTEGER_RE = re.compile(r"(?P<sign>[+-]?)\s*(?P<digits>[1-9]\d{0,2}(?:,\d{3})+|\d+)", re.ASCII)


def _check_int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"expected an int, got {_r(value)}")
    return value


class _NumericAnswer(AnswerType):
    """Integer and exact number: an optional declared unit, and suffixes the question allows.

    A suffix is accepted only when it cannot change the value: the unit the type declares or
    the question asks ("30%" where a percentage is asked, never "30%" for a plain number,
    where it would mean 0.3), or a word naming what the question counts ("2 shapes").
    """

    def __init__(self, unit: str | None = None) -> None:
        if unit is not None and unit not in UNITS:
            raise ValueError(f"unit must be one of {UNITS} or None, got {_r(unit)}")
        self.unit = unit

    def _params(self) -> dict[str, Any]:
        # Only when declared: descriptors (and instance bytes) without a unit stay unchanged.
        return {} if self.unit is None else {"unit": self.unit}

    @abstractmethod
    def _value(self, s: str) -> Any | None:
        """The value of a bare number text, or None."""

    def _parse_core(self, s: str, asked: Asked) -> Any | None:
        value = self._value(s)
        if value is not None:
            return value
        found = split_suffix(s)
        if found is None:
            return None
        text, kind, suffix = found
        unit = self.unit or asked.unit
        ok = asked.counts(suffix) if kind == "word" else kind == unit
        return self._value(text.rstrip()) if ok else None

    def describe(self) -> str:
        return self._describe() + ("" if self.unit is None else f", in {self.unit}")

    @abstractmethod
    def _describe(self) -> str: ...


class IntegerAnswer(_NumericAnswer):
    """A whole number written in ASCII digits: "42", "-3", "- 3", "+3", "1,234"."""

    kind = "integer"

    def canonical(self, value: Any) -> str:
        text = str(_check_int(value))
        if len(text.lstrip("-")) > MAX_DIGITS:
            raise ValueError(f"integer has more than {MAX_DIGITS} digits")
        return text

    def _value(self, s: str) -> int | None:
        m = _INTEGER_RE.fullmatch(s)
        if m is None:
            return None
        digits = m["digits"].replace(",", "")
        if len(digits) > MAX_DIGITS:
            return None
        return -int(digits) if m["sign"] == "-" else int(digits)

    def _describe(self) -> str:
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
    (?P<sign>[+-]?)\s*
    (?:
        (?P<int>[1-9]\d{0,2}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d*))?   # 12  1,234  12.  12.5
      | \.(?P<frac_only>\d+)                                       # .5
      | (?P<num>\d+)\s*[/\u2044]\s*(?P<den>\d+)                    # 3/4  3⁄4 (fraction slash)
      | \\[dt]?frac\s*                                            # \frac{3}{4}  \frac38
        (?:\{\s*(?P<fsign>[+-]?)\s*(?P<fnum>\d+)\s*\}|(?P<fnum1>\d))
        \s*(?:\{\s*(?P<fden>\d+)\s*\}|(?P<fden1>\d))
      | (?P<vulgar>[\u00bc-\u00be\u2150-\u215e])                     # ⅜ (one fraction character)
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
    raise TypeError(f"expected an int or Fraction, got {_r(value)}")


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


class NumberAnswer(_NumericAnswer):
    """An exact rational number: "3", "-1.50", "- 1/2", ".5", "3/4", "\\frac{3}{4}", "\\frac34",
    "3⁄4" (U+2044 FRACTION SLASH), "⅜" (one vulgar-fraction character).

    Values are Fractions compared exactly (0.5 == 1/2; 0.333 != 1/3). Canonical text is the
    integer when whole, else the exact decimal when it terminates within 12 places, else the
    reduced fraction "p/q". No exponents, percentages or mixed numbers.
    """

    kind = "number"

    def canonical(self, value: Any) -> str:
        text = _number_text(_as_fraction(value))
        if text is None:
            raise ValueError(f"number has more than {MAX_DIGITS} digits: {_r(value)}")
        return text

    def _value(self, s: str) -> Fraction | None:
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
        elif m["vulgar"] is not None:
            if m["vulgar"] not in VULGAR_FRACTIONS:  # the class also spans a few non-fractions
                return None
            q = VULGAR_FRACTIONS[m["vulgar"]]
        else:
            num, den = int(m["fnum"] or m["fnum1"]), int(m["fden"] or m["fden1"])
            if den == 0 or (m["sign"] and m["fsign"]):
                return None  # "-\frac{-1}{2}" is too clever to be an intended answer
            negative = negative or m["fsign"] == "-"
            q = Fraction(num, den)
        q = -q if negative else q
        # Only values whose canonical text is itself parsable: keeps canonical() total on them.
        return q if _number_text(q) is not None else None

    def _describe(self) -> str:
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
# A letter form followed by text: "B. 3", "B) 3", "(B) 3", "B: 3", "Option B - 3".
_CHOICE_WITH_TEXT_RE = re.compile(
    r"(?:(?:option|choice)\s*)?(?:\((?P<p>[A-Z])\)|\[(?P<b>[A-Z])\]|(?P<l>[A-Z])(?:[.):]|\s+-))"
    r"\s*(?P<text>\S.*)",
    re.ASCII | re.IGNORECASE | re.DOTALL,
)
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _letter(m: re.Match[str] | None) -> str | None:
    return None if m is None else (m["p"] or m["b"] or m["l"]).upper()


class ChoiceAnswer(AnswerType):
    """One option letter among the first n: "B", "(B)", "B)", "[B]", "b", "Option B", "B.".

    When the option texts are known (`Asked.options`), the letter followed by exactly its own
    option's text ("B. 3") is accepted too; a letter with any other text is not one answer.
    """

    kind = "choice"

    def __init__(self, n: int) -> None:
        if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= 26:
            raise ValueError(f"a choice needs 1 to 26 options, got {_r(n)}")
        self.n = n

    def _params(self) -> dict[str, Any]:
        return {"n": self.n}

    def canonical(self, value: Any) -> str:
        if not isinstance(value, str) or len(value) != 1 or value not in _LETTERS[: self.n]:
            raise ValueError(f"not an option letter among A..{_LETTERS[self.n - 1]}: {_r(value)}")
        return value

    def _parse_core(self, s: str, asked: Asked) -> str | None:
        letter = _letter(_CHOICE_RE.fullmatch(s))
        if letter is None and asked.options is not None and len(asked.options) == self.n:
            m = _CHOICE_WITH_TEXT_RE.fullmatch(s)
            letter = _letter(m)
            if m is None or letter is None or letter not in _LETTERS[: self.n]:
                return None
            own = label_key(asked.options[_LETTERS.index(letter)])
            if all(label_key(stage) != own for stage in stages(m["text"])):
                return None  # another option's text (a hedge) or no option's text
        return letter if letter is not None and letter in _LETTERS[: self.n] else None

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
            raise TypeError(f"expected a bool, got {_r(value)}")
        return "yes" if value else "no"

    def _parse_core(self, s: str, asked: Asked) -> bool | None:
        if s.endswith("!"):  # "Yes!" is still one yes
            s = s[:-1].rstrip()
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
            raise ValueError(f"yesno value must be a JSON boolean, got {_r(data)}")
        return data


# --- label and colour ---------------------------------------------------------------------

# Characters that would break a wrapper ("\boxed{a}b}") or the answer-tag scan.
_FORBIDDEN_LABEL_CHARS = frozenset("{}\\<>\n\r")


class LabelAnswer(AnswerType):
    """One label from a declared finite set, matched case- and whitespace-insensitively.

    The canonical text is the label exactly as declared. Also accepted: a single-letter label
    in the choice forms ("(B)", "B)", "[B]", "Option B"); when every label is a direction of
    one family, its synonyms ("north east", "northeast", "NE"; "counterclockwise",
    "anti-clockwise", "CCW"); and a label followed by the unit the question asks ("90°").
    """

    kind = "label"
    _field: ClassVar[str] = "labels"

    def __init__(self, labels: Iterable[str]) -> None:
        if isinstance(labels, str):
            raise ValueError(f"{self.kind}s must be a list of text, not one text {_r(labels)}")
        self.labels = list(labels)
        if not self.labels:
            raise ValueError(f"a {self.kind} answer needs at least one {self.kind}")
        self._by_key: dict[str, str] = {}
        for label in self.labels:
            if not isinstance(label, str) or not label.strip():
                raise ValueError(f"{self.kind} must be non-empty text, got {_r(label)}")
            if _FORBIDDEN_LABEL_CHARS & set(label):
                raise ValueError(f"{self.kind} {_r(label)} contains one of {{ }} \\ < > or newline")
            key = self._key(label)
            if key in self._by_key:
                raise ValueError(f"{self.kind}s {_r(self._by_key[key])} and {_r(label)} collide")
            self._by_key[key] = label
        self._aliases = direction_aliases(self.labels)
        for label in self.labels:
            # The canonical text must read back as itself (e.g. no label "'x'" next to "x").
            if self.parse(label) != label:
                raise ValueError(f"{self.kind} {_r(label)} does not read back as itself")

    def _key(self, s: str) -> str:
        return label_key(s)

    def _params(self) -> dict[str, Any]:
        return {self._field: list(self.labels)}

    def canonical(self, value: Any) -> str:
        if not isinstance(value, str) or self._by_key.get(self._key(value)) != value:
            raise ValueError(f"not a declared {self.kind}: {_r(value)}")
        return value

    def _parse_core(self, s: str, asked: Asked) -> str | None:
        found = self._by_key.get(self._key(s))
        if found is None and self._aliases:
            found = self._aliases.get(compact(s) or "")
        if found is None:
            letter = _letter(_CHOICE_RE.fullmatch(s))
            found = None if letter is None else self._by_key.get(self._key(letter))
        if found is None and asked.unit is not None:
            suffixed = split_suffix(s)
            if suffixed is not None and suffixed[1] == asked.unit:
                found = self._by_key.get(self._key(suffixed[0]))
        return found

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
        words = label_key(s).replace("-", " - ").split()
        return " ".join(_COLOUR_SPELLINGS.get(w, w) for w in words)

    def describe(self) -> str:
        return "exactly one colour name from: " + ", ".join(self.labels)


# --- grid cell ----------------------------------------------------------------------------

# Grids larger than this are not visual questions; the cap keeps domain() small.
_MAX_GRID = 1000
_CELL_RE = re.compile(
    r"(?:(?P<r>\d{1,4})(?:\s*,\s*|\s+)(?P<c>\d{1,4})"
    r"|(?:row|r)\s*(?P<r2>\d{1,4})\s*,?\s*(?:col(?:umn)?|c)\s*(?P<c2>\d{1,4})"
    r"|(?:col(?:umn)?|c)\s*(?P<c3>\d{1,4})\s*,?\s*(?:row|r)\s*(?P<r3>\d{1,4}))",
    re.ASCII | re.IGNORECASE,
)


class CellAnswer(AnswerType):
    """A grid cell (row, column), both 1-based; canonical "(2, 3)".

    Accepts "(2,3)", "2, 3", "2 3", "[2, 3]", "row 2, column 3", "column 3, row 2", "R2C3".
    """

    kind = "cell"

    def __init__(self, rows: int, cols: int) -> None:
        for name, v in (("rows", rows), ("cols", cols)):
            if isinstance(v, bool) or not isinstance(v, int) or not 1 <= v <= _MAX_GRID:
                raise ValueError(f"cell {name} must be an int in 1..{_MAX_GRID}, got {_r(v)}")
        self.rows = rows
        self.cols = cols

    def _params(self) -> dict[str, Any]:
        return {"rows": self.rows, "cols": self.cols}

    def _check(self, value: Any) -> tuple[int, int]:
        if not isinstance(value, tuple | list) or len(value) != 2:
            raise TypeError(f"expected a (row, column) pair, got {_r(value)}")
        r, c = (_check_int(v) for v in value)
        if not (1 <= r <= self.rows and 1 <= c <= self.cols):
            raise ValueError(f"cell {_r(value)} outside {self.rows}x{self.cols} grid")
        return r, c

    def canonical(self, value: Any) -> str:
        r, c = self._check(value)
        return f"({r}, {c})"

    def _parse_core(self, s: str, asked: Asked) -> tuple[int, int] | None:
        if s and s[0] in "([" and OPENERS[s[0]] == s[-1] and encloses(s, 0):
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


class _CollectionAnswer(AnswerType):
    """Shared parsing for sequences and sets of a scalar item type."""

    _brackets: ClassVar[tuple[tuple[str, str], ...]] = (("[", "]"), ("(", ")"))

    def __init__(self, item: AnswerType) -> None:
        if not isinstance(item, AnswerType) or isinstance(item, _CollectionAnswer):
            raise ValueError(f"{self.kind} items must be a scalar answer type, got {_r(item)}")
        # A label holding a separator could not be told apart from two items.
        if isinstance(item, LabelAnswer):
            for label in item.labels:
                if "," in label or ";" in label:
                    raise ValueError(f"{self.kind} item {_r(label)} contains a separator (, or ;)")
        self.item = item

    def _params(self) -> dict[str, Any]:
        return {"item": self.item.to_json()}

    def _items(self, value: Any) -> list[Any]:
        if isinstance(value, str | bytes) or not isinstance(value, Iterable):
            raise TypeError(f"expected a collection of items, got {_r(value)}")
        return list(value)

    def _parse_items(self, s: str, asked: Asked) -> list[Any] | None:
        if s in _EMPTY_FORMS:
            return []
        # Brackets belong to the list ("[1, 2]") unless they belong to a single item ("(2, 3)").
        bodies = [b for b in (strip_brackets(s, self._brackets), s) if b is not None]
        # " and " splits only when the plain split fails: a label may hold "and" itself.
        for conjunction in (False, True):
            for body in bodies:
                parts = split_top_level(body, conjunction)
                if parts is None:
                    continue
                values = [self.item.parse(p, asked) for p in parts]
                if all(v is not None for v in values):
                    return values
        return None


class SequenceAnswer(_CollectionAnswer):
    """An ordered list of items; canonical "a, b, c" and "[]" for the empty list.

    Accepts comma- or semicolon-separated items, optionally inside [] or (), and "and" before
    the last item ("1, 2 and 3", "2 and 3").
    """

    kind = "sequence"

    def canonical(self, value: Any) -> str:
        items = self._items(value)
        if not items:
            return "[]"
        return ", ".join(self.item.canonical(v) for v in items)

    def _parse_core(self, s: str, asked: Asked) -> tuple[Any, ...] | None:
        values = self._parse_items(s, asked)
        return None if values is None else tuple(values)

    def describe(self) -> str:
        return f"a comma-separated list in order, each item {self.item.describe()}"

    def value_to_json(self, value: Any) -> Any:
        return [self.item.value_to_json(v) for v in self._items(value)]

    def value_from_json(self, data: Any) -> Any:
        if not isinstance(data, list):
            raise ValueError(f"sequence value must be a JSON list, got {_r(data)}")
        return tuple(self.item.value_from_json(v) for v in data)


class SetAnswer(_CollectionAnswer):
    """An unordered collection without repeats; canonical items sorted, "[]" when empty.

    Order follows the item domain when there is one, else the natural order of values.
    A repeated item makes the text malformed (it is not a set written once). Written like a
    sequence, including "A and B" and "A, B, and C"; also inside {} or \\{\\}.
    """

    kind = "set"
    _brackets = (("[", "]"), ("(", ")"), ("\\{", "\\}"), ("{", "}"))

    def _sorted_unique(self, value: Any) -> list[Any]:
        items = self._items(value)
        texts = [self.item.canonical(v) for v in items]
        if len(set(texts)) != len(texts):
            raise ValueError(f"set value has repeated items: {_r(value)}")
        return sorted(items, key=self.item.sort_key)

    def canonical(self, value: Any) -> str:
        items = self._sorted_unique(value)
        if not items:
            return "[]"
        return ", ".join(self.item.canonical(v) for v in items)

    def _parse_core(self, s: str, asked: Asked) -> frozenset[Any] | None:
        values = self._parse_items(s, asked)
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
            raise ValueError(f"set value must be a JSON list, got {_r(data)}")
        values = [self.item.value_from_json(v) for v in data]
        self._sorted_unique(values)
        return frozenset(values)


# --- descriptors --------------------------------------------------------------------------


def _require(d: dict[str, Any], key: str) -> Any:
    if key not in d:
        raise ValueError(f"answer type {_r(d.get('kind'))} needs field {_r(key)}")
    return d[key]


def answer_type_from_json(d: dict[str, Any], _item: bool = False) -> AnswerType:
    """Rebuild an answer type from its `to_json()` descriptor; ValueError if malformed.

    Collections hold scalar items only, so a descriptor is at most two levels deep and any
    deeper nesting is refused at the second level (never a RecursionError)."""
    if not isinstance(d, dict):
        raise ValueError(f"answer type descriptor must be an object, got {_r(d)}")
    kind = d.get("kind")
    if _item and kind in ("sequence", "set"):
        raise ValueError(f"collection items must be a scalar answer type, got kind {kind!r}")
    if kind == "integer":
        return IntegerAnswer(d.get("unit"))
    if kind == "number":
        return NumberAnswer(d.get("unit"))
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
        return SequenceAnswer(answer_type_from_json(_require(d, "item"), _item=True))
    if kind == "set":
        return SetAnswer(answer_type_from_json(_require(d, "item"), _item=True))
    raise ValueError(f"unknown answer type kind {_r(kind)}")
