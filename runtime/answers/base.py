"""The base of every answer type, and the caps that keep each parse cheap."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, ClassVar

from tron.answers.forms import (
    Asked,
    stages,
)
from tron.answers.forms import bounded_repr as _r

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

    def gate_key(self, value: Any) -> str:
        """The value as the balance and blind-guess gates count it: its canonical text, or,
        for a type that accepts a range of values, the window a guess would cover."""
        return self.canonical(value)

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
