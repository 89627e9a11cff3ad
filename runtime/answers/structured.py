"""Answers with structure: grid cells, ordered sequences and unordered sets."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, ClassVar

from tron.answers.base import AnswerType
from tron.answers.discrete import LabelAnswer
from tron.answers.forms import (
    OPENERS,
    Asked,
    encloses,
    split_top_level,
    strip_brackets,
)
from tron.answers.forms import bounded_repr as _r
from tron.answers.numeric import _check_int

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
