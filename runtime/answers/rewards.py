"""Rewards: exact binary verification and the published TRON format-aware scheme.

A response scores only when its final answer is extracted, parses as exactly one value of the
answer type, equals the gold value, and is not hedged. Hedging means several candidates of the
winning wrapper kind that do not all parse to the same value ("\\boxed{3} ... \\boxed{4}");
textual hedges inside one candidate ("3 or 4", "A, B", "3-4") already fail the strict parser.

Two schemes (the `reward` of an instance): "binary" gives 1.0 correct / 0.0 otherwise; "tron"
(the published scheme) gives +1 correct, -0.5 for one well-formed wrong value, -1 for anything
malformed (nothing extracted, unparsable, hedged, wrapper missing, or a response that is not
text). `Asked` (what the question asks) enables the answer forms that depend on it.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from tron.answers.extract import WRAPPER_KINDS, Extraction, extract, extract_with
from tron.answers.forms import Asked, bounded_repr
from tron.answers.types import AnswerType

__all__ = [
    "WRAPPERS",
    "Outcome",
    "judge",
    "tron_reward",
    "verify",
    "wrap",
    "wrapper_instruction",
]

WRAPPERS = WRAPPER_KINDS

_INSTRUCTIONS = {
    "boxed": "Put your final answer in \\boxed{}.",
    "answer_tag": "Put your final answer inside <answer></answer> tags.",
    "final_line": "End your response with a line 'Final answer: X', where X is your answer.",
}

# The published scheme: commit to a well-formed answer in the required wrapper.
_TRON_REWARD_CORRECT = 1.0
_TRON_REWARD_WRONG = -0.5
_TRON_REWARD_MALFORMED = -1.0


class Outcome(Enum):
    CORRECT = "correct"
    WRONG = "wrong"  # one well-formed value, not the gold one
    MALFORMED = "malformed"  # nothing extracted, unparsable, or hedged


def judge(
    answer_type: AnswerType, gold: Any, extraction: Extraction, asked: Asked | None = None
) -> Outcome:
    """Classify an extraction against the gold value (which must be a valid value)."""
    if extraction.text is None:
        return Outcome.MALFORMED
    # Parse each distinct candidate once: repeating the same box is common and harmless.
    values: dict[str, Any] = {}
    for text in set(extraction.candidates):
        value = answer_type.parse(text, asked)
        if value is None:
            return Outcome.MALFORMED
        values[answer_type.canonical(value)] = value
        if len(values) > 1:
            return Outcome.MALFORMED
    (value,) = values.values()
    return Outcome.CORRECT if answer_type.equal(value, gold) else Outcome.WRONG


def _check_inputs(answer_type: AnswerType, gold: Any, response: object) -> None:
    # Outside the safety net on purpose: a bad gold value or a non-text response is the
    # caller's bug and must be loud, never a silent reward of 0.
    if not isinstance(response, str):
        raise TypeError(f"response must be str, got {type(response).__name__}")
    answer_type.canonical(gold)


def verify(answer_type: AnswerType, gold: Any, response: str, asked: Asked | None = None) -> float:
    """1.0 iff the final answer is extracted, parses, equals gold and is not hedged; else 0.0."""
    _check_inputs(answer_type, gold, response)
    try:
        outcome = judge(answer_type, gold, extract(response), asked)
    except (RecursionError, ValueError):  # last resort: the parsers are total by construction
        return 0.0
    return 1.0 if outcome is Outcome.CORRECT else 0.0


def tron_reward(
    answer_type: AnswerType,
    gold: Any,
    response: str,
    required_wrapper: str | None,
    asked: Asked | None = None,
) -> float:
    """+1 correct in the required wrapper, -0.5 wrong, -1 malformed/hedged or wrapper missing.
    `required_wrapper=None` (no wrapper was named) accepts any kind, tried as `extract` does."""
    if required_wrapper is not None and required_wrapper not in WRAPPERS:
        raise ValueError(
            f"unknown wrapper {bounded_repr(required_wrapper)}; expected one of {WRAPPERS}"
        )
    _check_inputs(answer_type, gold, response)
    if required_wrapper is None:
        extraction = extract(response)
    else:
        extraction = extract_with(response, required_wrapper)
    try:
        outcome = judge(answer_type, gold, extraction, asked)
    except (RecursionError, ValueError):
        return _TRON_REWARD_MALFORMED
    if outcome is Outcome.CORRECT:
        return _TRON_REWARD_CORRECT
    if outcome is Outcome.WRONG:
        return _TRON_REWARD_WRONG
    return _TRON_REWARD_MALFORMED


def wrapper_instruction(wrapper: str | None) -> str:
    """The sentence telling the model how to mark its final answer (None: the boxed default)."""
    if wrapper is None:
        return _INSTRUCTIONS["boxed"]
    if wrapper not in _INSTRUCTIONS:
        raise ValueError(f"unknown wrapper {wrapper!r}; expected one of {WRAPPERS}")
    return _INSTRUCTIONS[wrapper]


def wrap(text: str, wrapper: str) -> str:
    """Write an answer text in a wrapper, the way a compliant model would."""
    if wrapper == "boxed":
        return f"\\boxed{{{text}}}"
    if wrapper == "answer_tag":
        return f"<answer>{text}</answer>"
    if wrapper == "final_line":
        return f"Final answer: {text}"
    raise ValueError(f"unknown wrapper {wrapper!r}; expected one of {WRAPPERS}")
