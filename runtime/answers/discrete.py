"""Answers from a finite set: choice letters, yes/no, labels and colour names."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, ClassVar

from tron.answers.base import AnswerType
from tron.answers.forms import (
    Asked,
    compact,
    direction_aliases,
    label_key,
    split_suffix,
    stages,
)
from tron.answers.forms import bounded_repr as _r

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
