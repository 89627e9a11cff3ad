"""Run-time support for compiled spec modules (the only runtime module they import besides the
stdlib): bounded rejection sampling, scene building, question formatting, options, and the
size-checked operators and loops of tron.limits."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from tron import limits
from tron.answers import types as answers
from tron.limits import MAX_INT_BITS, ResourceLimit, check_value
from tron.limits import each as each
from tron.limits import spend as spend
from tron.render.scene import Scene
from tron.stdlib import component
from tron.stdlib.words import number_word, ordinal

MAX_TRIES = 200  # rejection-sampling cap per sample; exhausting it is an error, never a hang


class SamplingError(RuntimeError):
    """Rejection sampling exhausted its cap; names the requirement that rejected most, and
    `line` is its spec line (None when unknown)."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


@dataclass
class Tries:
    """Counts attempts and rejections; iterating yields at most MAX_TRIES attempts."""

    requirements: tuple[tuple[int, str], ...]
    spec_path: str
    count: int = 0
    rejected: Counter[str] = field(default_factory=Counter)
    lines: dict[str, int] = field(default_factory=dict)  # rejection reason -> its spec line

    def __iter__(self) -> Iterator[int]:
        for i in range(MAX_TRIES):
            self.count = i + 1
            limits.spend(1)  # an attempt is a step; also where a slow sample meets its clock
            yield i
        worst, n = self.rejected.most_common(1)[0] if self.rejected else ("?", 0)
        raise SamplingError(
            f"sampling failed {MAX_TRIES} times; most rejections ({n}) by {worst}",
            self.lines.get(worst),
        )

    def reject(self, index: int) -> None:
        line, text = self.requirements[index]
        reason = f"requirement on line {line}: {text}"
        self.rejected[reason] += 1
        self.lines[reason] = line

    def reject_reason(self, reason: str | BaseException) -> None:
        """Count a rejection; an exception caught in a generated module is charged to the
        spec line that raised it (the module's LINEMAP, read from the catching frame)."""
        if isinstance(reason, BaseException):
            tb = reason.__traceback__
            line = tb.tb_frame.f_globals.get("LINEMAP", {}).get(tb.tb_lineno) if tb else None
            reason = f"line {line}: {reason}" if line else str(reason)
            if line:
                self.lines[reason] = line
        self.rejected[reason] += 1


@dataclass
class Constants:
    """A module's `const` table, computed once at import; a failure is kept (with its
    traceback, so it names the const's spec line) and raised by every sample."""

    error: BaseException | None = None


def constants(fill: Any) -> Constants:
    """Run a module's const initialiser under one sample's budget (steps and time)."""
    try:
        with limits.sample_budget():
            fill()
    except Exception as exc:
        return Constants(exc)
    return Constants()


def ready(table: Constants) -> None:
    if table.error is not None:
        raise table.error


@dataclass
class Generated:
    """What one run of a compiled spec produced, before theming and rendering."""

    state: dict[str, Any]
    scene: Scene
    question: str
    answer: Any
    answer_type: answers.AnswerType
    options: tuple[list[str], int] | None  # option texts and the correct one's index
    complexity: float
    checks: list[tuple[tuple[int, str], bool]]
    tries: int
    layouts_off: list[int] = field(default_factory=list)  # LAYOUT rows whose `if` is false


def new_scene(width: int, height: int, background: str) -> Scene:
    return Scene(width, height, background)


def draw(scene: Scene, key: str | None, comp: component.Component) -> None:
    if key is None:  # decoration: drawn, but not an object the question depends on
        for item, _ in comp.items:
            scene.add(item, key=None)
    else:
        component.draw(scene, key, comp)


def div(a: Any, b: Any) -> Any:
    """Exact division: ints and Fractions give a Fraction; floats stay floats."""
    if isinstance(a, float) or isinstance(b, float):
        return a / b
    q = Fraction(a) / Fraction(b)
    return q.numerator if q.denominator == 1 else check_value(q)


_NUMBERS = frozenset((int, float, Fraction, bool))


def mul(a: Any, b: Any) -> Any:
    """`a * b`: repeated squaring doubles an integer's size each time, so the product is
    checked against MAX_INT_BITS (a sequence operand, reachable through `any`, is refused)."""
    if type(a) not in _NUMBERS or type(b) not in _NUMBERS:
        raise TypeError(f"'*' needs numbers, got {type(a).__name__} and {type(b).__name__}")
    r = a * b
    if type(r) is int:
        if r.bit_length() > MAX_INT_BITS:
            raise ResourceLimit(
                f"integer of {r.bit_length()} bits exceeds the limit of {MAX_INT_BITS} bits"
            )
        return r
    return check_value(r)


def add(a: Any, b: Any) -> Any:
    """`a + b`: joining a list or text to itself doubles it, so lengths are checked."""
    r = a + b
    t = type(r)
    if t is list or t is str or t is Fraction:
        check_value(r)
    return r


def mod(a: Any, b: Any) -> Any:
    """`a % b` on numbers only: on a text `%` would be printf formatting (any width)."""
    if type(a) is str:
        raise TypeError("'%' needs numbers, got str")
    return a % b


class AnswerDomainError(ValueError):
    """The answer is not one of the labels its answer type lists (a spec mistake)."""


def check_answer(atype: answers.AnswerType, value: Any) -> None:
    """A number answer must have canonical text (at most answers.MAX_DIGITS digits), and a
    label, colour, or item of a sequence or set must be one its domain lists (a domain may be
    computed per instance); checked here so the error names the answer's spec line."""
    if isinstance(atype, answers.IntegerAnswer | answers.NumberAnswer) and type(value) is not bool:
        try:
            atype.canonical(value)
        except ValueError as exc:
            raise ResourceLimit(f"answer {exc}") from None
        return
    item = getattr(atype, "item", None)
    if isinstance(atype, answers.SequenceAnswer | answers.SetAnswer) and isinstance(
        item, answers.LabelAnswer
    ):
        for v in value if isinstance(value, list | tuple) else [value]:
            in_domain(item, v, "an item of the answer")
    elif isinstance(atype, answers.LabelAnswer):
        in_domain(atype, value, "the answer")


def in_domain(atype: answers.LabelAnswer, value: Any, what: str) -> None:
    if value not in atype.labels:
        shown = text(atype.labels)
        shown = shown if len(shown) <= 200 else shown[:200] + ", ..."
        raise AnswerDomainError(
            f"{what} {text(value)[:80]!r} is not in its {atype.kind} list ({shown})"
        )


def text(value: Any) -> str:
    """How a value reads inside a question."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".")
    if isinstance(value, Fraction):
        return f"{value.numerator}/{value.denominator}"
    if isinstance(value, list):
        parts, size = [], 0
        for v in value:  # built piece by piece: a list of long texts must fail before joining
            parts.append(text(v))
            size += len(parts[-1]) + 2
            if size > limits.MAX_LIST:
                raise ResourceLimit(f"text of a list exceeds the limit of {limits.MAX_LIST}")
        return ", ".join(parts)
    return str(value)


def fmt(value: Any, how: str | None, arg: str | None) -> str:
    if how is None:
        return text(value)
    if how == "word":
        return number_word(value)
    if how == "ordinal":
        return ordinal(value)
    if how == "plural":
        assert arg is not None
        return arg if value == 1 else plural(arg)
    if how == "upper":
        return text(value).upper()
    if how == "lower":
        return text(value).lower()
    if how == "title":
        return text(value).title()
    raise ValueError(f"unknown format {how!r}")


def plural(noun: str) -> str:
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def answer_type(kind: str, *args: Any) -> answers.AnswerType:
    if kind == "integer":
        return answers.IntegerAnswer()
    if kind == "number":
        return answers.NumberAnswer()
    if kind == "estimate":
        return answers.EstimateAnswer(args[0])
    if kind == "yesno":
        return answers.YesNoAnswer()
    if kind == "choice":
        return answers.ChoiceAnswer(2)  # the real option count is set by the runtime
    if kind == "label":
        return answers.LabelAnswer(args[0])
    if kind == "colour":
        from tron.render.colours import COLOURS

        return answers.ColourAnswer(args[0] if args else [c for c in COLOURS if c != "white"])
    if kind == "cell":
        return answers.CellAnswer(args[0], args[1])
    if kind == "sequence":
        return answers.SequenceAnswer(args[0])
    if kind == "set":
        return answers.SetAnswer(args[0])
    raise ValueError(f"unknown answer kind {kind!r}")


def options(
    rng: random.Random, correct: Any, distractors: list[Any]
) -> tuple[list[str], int] | None:
    """Shuffle the correct option among the distractors; None when any two read the same
    (then the question would have more or fewer than one correct option)."""
    texts = [text(correct)] + [text(d) for d in distractors]
    if len(set(texts)) != len(texts) or len(texts) < 2 or len(texts) > 8:
        return None
    order = list(range(len(texts)))
    rng.shuffle(order)
    return [texts[i] for i in order], order.index(0)
