"""Integer and exact-number answers: ASCII digits, fractions, units where asked."""

from __future__ import annotations

import re
from abc import abstractmethod
from fractions import Fraction
from typing import Any

from tron.answers.base import MAX_DIGITS, AnswerType
from tron.answers.forms import (
    UNITS,
    VULGAR_FRACTIONS,
    Asked,
    split_suffix,
)
from tron.answers.forms import bounded_repr as _r

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


# --- estimate -----------------------------------------------------------------------------


class EstimateAnswer(NumberAnswer):
    """A number asked "about": any value within the declared tolerance of the gold counts.

    The gold value is still exact (what the picture shows); only the comparison is widened, by
    an absolute tolerance that the answer instruction states, so the model knows the rule.
    Read like `number`; its canonical text is the exact number's. Answers that differ from
    each other are still a hedge, even when both fall inside the tolerance.
    """

    kind = "estimate"

    def __init__(self, tolerance: Any) -> None:
        super().__init__()
        tol = _as_fraction(tolerance)
        if tol <= 0 or _number_text(tol) is None:
            raise ValueError(
                f"an estimate's tolerance must be a positive number, got {_r(tolerance)}"
            )
        self.tolerance = tol

    def _params(self) -> dict[str, Any]:
        return {"tolerance": _number_text(self.tolerance)}

    def equal(self, a: Any, b: Any) -> bool:
        return abs(_as_fraction(a) - _as_fraction(b)) <= self.tolerance

    def gate_key(self, value: Any) -> str:
        # Answers within one window of width 2 x tolerance are one guess to a blind guesser.
        return str((_as_fraction(value) + self.tolerance) // (2 * self.tolerance))

    def _describe(self) -> str:
        return f"a number (an estimate: within {_number_text(self.tolerance)} of the true value counts)"
