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

from fractions import Fraction
from typing import Any

from tron.answers.base import MAX_ANSWER_CHARS, MAX_DIGITS, AnswerType
from tron.answers.discrete import ChoiceAnswer, ColourAnswer, LabelAnswer, YesNoAnswer
from tron.answers.forms import bounded_repr as _r
from tron.answers.numeric import EstimateAnswer, IntegerAnswer, NumberAnswer
from tron.answers.structured import CellAnswer, SequenceAnswer, SetAnswer

__all__ = [
    "MAX_ANSWER_CHARS",
    "MAX_DIGITS",
    "AnswerType",
    "CellAnswer",
    "ChoiceAnswer",
    "ColourAnswer",
    "EstimateAnswer",
    "IntegerAnswer",
    "LabelAnswer",
    "NumberAnswer",
    "SequenceAnswer",
    "SetAnswer",
    "YesNoAnswer",
    "answer_type_from_json",
]


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
    if kind == "estimate":
        return EstimateAnswer(Fraction(str(_require(d, "tolerance"))))
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
