"""Verification and rewards: gold always scores, others never do, hedges score 0, any text is safe."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import pytest
from answer_strategies import (  # shared strategies, beside this file
    answer_types,
    finite_types,
    typed_values,
    values_of,
)
from hypothesis import assume, given
from hypothesis import strategies as st

from tron.answers.rewards import WRAPPERS, tron_reward, verify, wrap, wrapper_instruction
from tron.answers.types import (
    AnswerType,
    CellAnswer,
    ChoiceAnswer,
    ColourAnswer,
    IntegerAnswer,
    LabelAnswer,
    NumberAnswer,
    SequenceAnswer,
    SetAnswer,
    YesNoAnswer,
)

MB = 1 << 20
INTEGER = IntegerAnswer()
NUMBER = NumberAnswer()
CHOICE4 = ChoiceAnswer(4)
YESNO = YesNoAnswer()
COLOURS = ColourAnswer(["red", "gray", "dark grey"])
CELL = CellAnswer(5, 5)
INT_SEQ = SequenceAnswer(INTEGER)
COLOUR_SET = SetAnswer(COLOURS)

# (type, gold, response, expected verify score)
VERIFY_CASES: list[tuple[AnswerType, Any, str, float]] = [
    (INTEGER, 3, "The count is \\boxed{3}.", 1.0),
    (INTEGER, 3, "\\boxed{3}", 1.0),
    (INTEGER, 3, "\\boxed{$3$}", 1.0),
    (INTEGER, 3, "\\boxed{\\boxed{3}}", 1.0),
    (INTEGER, 3, "<answer>3</answer>", 1.0),
    (INTEGER, 3, "Final answer: 3", 1.0),
    (INTEGER, 3, "**Answer:** 3.", 1.0),
    (INTEGER, 3, "\\boxed{3} and again \\boxed{3}", 1.0),  # repeating one value is fine
    (INTEGER, 3, "\\boxed{3} ... \\boxed{ 3. }", 1.0),
    (INTEGER, 3, "\\boxed{4}", 0.0),
    (INTEGER, 3, "3", 0.0),  # no wrapper at all
    (INTEGER, 3, "The answer is 3.", 0.0),
    (INTEGER, 3, "\\boxed{3", 0.0),
    (INTEGER, 3, "\\boxed{three}", 0.0),
    (INTEGER, 3, "\\boxed{\u0663}", 0.0),
    (INTEGER, 1234, "\\boxed{1,234}", 1.0),
    (NUMBER, Fraction(1, 2), "\\boxed{0.5}", 1.0),
    (NUMBER, Fraction(1, 2), "\\boxed{\\frac{1}{2}}", 1.0),
    (NUMBER, Fraction(1, 2), "\\boxed{2/4}", 1.0),
    (NUMBER, Fraction(1, 3), "\\boxed{0.333}", 0.0),
    (NUMBER, Fraction(1, 3), "\\boxed{0.3333333333333333}", 0.0),
    (CHOICE4, "B", "\\boxed{B}", 1.0),
    (CHOICE4, "B", "\\boxed{(b)}", 1.0),
    (CHOICE4, "B", "<answer>Option B</answer>", 1.0),
    (CHOICE4, "B", "\\boxed{C}", 0.0),
    (YESNO, True, "\\boxed{Yes}", 1.0),
    (YESNO, True, "\\boxed{no}", 0.0),
    (COLOURS, "gray", "\\boxed{grey}", 1.0),
    (COLOURS, "dark grey", "Final answer: Dark Gray", 1.0),
    (CELL, (2, 3), "\\boxed{row 2, column 3}", 1.0),
    (CELL, (2, 3), "\\boxed{(3, 2)}", 0.0),
    (INT_SEQ, (1, 2, 3), "\\boxed{[1, 2, 3]}", 1.0),
    (INT_SEQ, (1, 2, 3), "\\boxed{3, 2, 1}", 0.0),
    (COLOUR_SET, frozenset({"red", "gray"}), "\\boxed{grey, red}", 1.0),
    (COLOUR_SET, frozenset({"red", "gray"}), "\\boxed{red}", 0.0),
    (COLOUR_SET, frozenset({"red", "gray"}), "\\boxed{red, gray, red}", 0.0),
]

# Hedged responses: each mentions the gold value, and each must score 0.
HEDGED: list[tuple[AnswerType, Any, str]] = [
    (INTEGER, 3, "\\boxed{3} ... or maybe \\boxed{4}"),
    (INTEGER, 3, "\\boxed{4} ... no wait \\boxed{3}"),
    (INTEGER, 3, "\\boxed{3 or 4}"),
    (INTEGER, 3, "\\boxed{3-4}"),
    (INTEGER, 3, "\\boxed{between 3 and 4}"),
    (INTEGER, 3, "\\boxed{3, 4}"),
    (INTEGER, 3, "\\boxed{3}\\boxed{x}"),  # an unparsable candidate is not a commitment
    (INTEGER, 3, "<answer>3</answer><answer>4</answer>"),
    (INTEGER, 3, "Answer: 3\nAnswer: 4\nAnswer: 3"),
    (INTEGER, 3, "Final answer: 3 or 4"),
    (CHOICE4, "A", "\\boxed{A, B}"),
    (CHOICE4, "A", "\\boxed{A or B}"),
    (CHOICE4, "A", "\\boxed{A, B, C}"),
    (CHOICE4, "A", "\\boxed{A}\\boxed{B}"),
    (YESNO, True, "\\boxed{yes or no}"),
    (CELL, (2, 3), "\\boxed{(2, 3) or (3, 2)}"),
    (COLOUR_SET, frozenset({"red"}), "\\boxed{red} \\boxed{red, gray}"),
]


@pytest.mark.parametrize(("answer_type", "gold", "response", "score"), VERIFY_CASES)
def test_verify(answer_type: AnswerType, gold: Any, response: str, score: float) -> None:
    assert verify(answer_type, gold, response) == score


@pytest.mark.parametrize(("answer_type", "gold", "response"), HEDGED)
def test_hedges_score_zero(answer_type: AnswerType, gold: Any, response: str) -> None:
    assert verify(answer_type, gold, response) == 0.0


@pytest.mark.parametrize(
    ("response", "wrapper", "reward"),
    [
        ("\\boxed{3}", "boxed", 1.0),
        ("\\boxed{4}", "boxed", -0.5),
        ("\\boxed{three}", "boxed", -1.0),
        ("\\boxed{3 or 4}", "boxed", -1.0),
        ("\\boxed{3}\\boxed{4}", "boxed", -1.0),
        ("3", "boxed", -1.0),
        ("<answer>3</answer>", "boxed", -1.0),  # right value, wrong wrapper
        ("<answer>3</answer>", "answer_tag", 1.0),
        ("<answer>5</answer>", "answer_tag", -0.5),
        ("\\boxed{3}", "answer_tag", -1.0),
        ("Final answer: 3", "final_line", 1.0),
        ("Final answer: 2", "final_line", -0.5),
        ("\\boxed{3}", "final_line", -1.0),
        ("\\boxed{4}\nFinal answer: 3", "final_line", 1.0),  # only the required kind counts
    ],
)
def test_tron_reward(response: str, wrapper: str, reward: float) -> None:
    assert tron_reward(INTEGER, 3, response, wrapper) == reward


def test_tron_reward_rejects_unknown_wrapper() -> None:
    with pytest.raises(ValueError):
        tron_reward(INTEGER, 3, "\\boxed{3}", "bold")


def test_invalid_gold_is_loud() -> None:
    # A bad label is the environment's bug: it must raise, never quietly score 0.
    with pytest.raises((TypeError, ValueError)):
        verify(INTEGER, "3", "\\boxed{3}")
    with pytest.raises((TypeError, ValueError)):
        verify(CHOICE4, "E", "\\boxed{E}")
    not_text: Any = b"\\boxed{3}"
    with pytest.raises(TypeError):
        verify(INTEGER, 3, not_text)


def test_wrapper_instructions() -> None:
    assert wrapper_instruction("boxed") == "Put your final answer in \\boxed{}."
    assert "<answer></answer>" in wrapper_instruction("answer_tag")
    assert "Final answer:" in wrapper_instruction("final_line")
    assert wrapper_instruction(None) == wrapper_instruction("boxed")
    with pytest.raises(ValueError):
        wrapper_instruction("bold")


def test_wrap_forms() -> None:
    assert wrap("3", "boxed") == "\\boxed{3}"
    assert wrap("3", "answer_tag") == "<answer>3</answer>"
    assert wrap("3", "final_line") == "Final answer: 3"
    with pytest.raises(ValueError):
        wrap("3", "bold")


# --- properties -----------------------------------------------------------------------------

# A type with two of its values (often equal for tiny domains; tests skip those).
typed_pairs = answer_types.flatmap(lambda t: st.tuples(st.just(t), values_of(t), values_of(t)))
wrappers = st.sampled_from(WRAPPERS)


@given(typed_values, wrappers)
def test_gold_in_every_wrapper_scores_one(pair: tuple[AnswerType, Any], wrapper: str) -> None:
    answer_type, gold = pair
    response = "Reasoning first.\n" + wrap(answer_type.canonical(gold), wrapper) + "\n"
    assert verify(answer_type, gold, response) == 1.0
    assert tron_reward(answer_type, gold, response, wrapper) == 1.0


@given(typed_pairs, wrappers)
def test_other_value_scores_zero(triple: tuple[AnswerType, Any, Any], wrapper: str) -> None:
    answer_type, gold, other = triple
    assume(not answer_type.equal(gold, other))
    response = wrap(answer_type.canonical(other), wrapper)
    assert verify(answer_type, gold, response) == 0.0
    assert tron_reward(answer_type, gold, response, wrapper) == -0.5


@given(finite_types.flatmap(lambda t: st.tuples(st.just(t), st.sampled_from(t.domain() or []))))
def test_every_other_domain_value_scores_zero(pair: tuple[AnswerType, Any]) -> None:
    answer_type, gold = pair
    for other in answer_type.domain() or []:
        if answer_type.equal(other, gold):
            continue
        for wrapper in WRAPPERS:
            assert verify(answer_type, gold, wrap(answer_type.canonical(other), wrapper)) == 0.0


@given(typed_pairs)
def test_two_different_boxed_values_score_zero(triple: tuple[AnswerType, Any, Any]) -> None:
    answer_type, gold, other = triple
    assume(not answer_type.equal(gold, other))
    gold_text, other_text = answer_type.canonical(gold), answer_type.canonical(other)
    for a, b in ((gold_text, other_text), (other_text, gold_text)):
        response = wrap(a, "boxed") + " or " + wrap(b, "boxed")
        assert verify(answer_type, gold, response) == 0.0


# Golds no random text will spell out by chance.
GARBAGE_GOLDS: list[tuple[AnswerType, Any]] = [
    (INTEGER, 9876543210),
    (NUMBER, Fraction(-98765, 4321)),
    (LabelAnswer(["zzyzx quux"]), "zzyzx quux"),
    (SequenceAnswer(INTEGER), (918273, 645546)),
    (CellAnswer(999, 999), (987, 789)),
]


@given(st.sampled_from(GARBAGE_GOLDS), st.text())
def test_random_text_scores_zero(pair: tuple[AnswerType, Any], response: str) -> None:
    answer_type, gold = pair
    assert verify(answer_type, gold, response) == 0.0


@given(
    st.sampled_from(GARBAGE_GOLDS),
    st.binary(),
    st.sampled_from(["utf-8", "latin-1", "utf-16"]),
)
def test_decoded_bytes_score_zero(pair: tuple[AnswerType, Any], data: bytes, codec: str) -> None:
    answer_type, gold = pair
    assert verify(answer_type, gold, data.decode(codec, errors="replace")) == 0.0


_SIGNIFICANT = st.sampled_from(
    ["\\boxed{", "\\fbox{", "{", "}", "\\", "<answer>", "</answer>", "\n", "Answer: ", "$"]
    + ["**", " ", " or ", "\\frac{", "\u0663", "\uff13", "row ", "column "]
    + list("0123456789ABab,;()[].-/")
)


@given(answer_types, st.lists(_SIGNIFICANT, max_size=80).map("".join))
def test_structured_noise_is_total(answer_type: AnswerType, response: str) -> None:
    gold = answer_type.parse(answer_type.canonical(_some_value(answer_type)))
    score = verify(answer_type, gold, response)
    assert score in (0.0, 1.0)
    for wrapper in WRAPPERS:
        assert tron_reward(answer_type, gold, response, wrapper) in (1.0, -0.5, -1.0)


def _some_value(answer_type: AnswerType) -> Any:
    if isinstance(answer_type, IntegerAnswer):
        return 3
    if isinstance(answer_type, NumberAnswer):
        return Fraction(1, 2)
    if isinstance(answer_type, SequenceAnswer | SetAnswer):
        return ()
    domain = answer_type.domain()
    assert domain
    return domain[0]


def _huge_responses() -> list[str]:
    nested = MB // 8
    return [
        "{" * MB,
        "\\boxed{" * (MB // 7),
        "\\boxed{" * nested + "3" + "}" * nested,
        "\\boxed{" + "{" * (MB // 2) + "}" * (MB // 2) + "}",
        "\\boxed{" + "9" * MB + "}",
        "\\boxed{" + "1, " * (MB // 3) + "}",
        "\\boxed{" + "(" * MB + "}",
        "<answer>" * (MB // 8),
        "<answer>" + "3 " * (MB // 2) + "</answer>",
        "Final answer: " + " " * MB + "x",
        "Final answer: " + "$" * MB,
        "Answer: " + "**" * (MB // 2),
        "\\" * MB,
        "\\text{" * (MB // 6) + "3" + "}" * (MB // 6),
        "\\boxed{3}\\boxed{4}" * (MB // 18),
        "\u0663" * MB,
        "a" * MB,
    ]


@pytest.mark.parametrize("index", range(len(_huge_responses())))
def test_one_megabyte_garbage_scores_zero(index: int) -> None:
    response = _huge_responses()[index]
    assert verify(INTEGER, 3, response) == 0.0
    assert verify(SequenceAnswer(INTEGER), (1, 2), response) == 0.0
    assert tron_reward(INTEGER, 3, response, "boxed") in (-0.5, -1.0)


def test_one_megabyte_response_with_answer_scores() -> None:
    assert verify(INTEGER, 3, "x" * MB + "\\boxed{3}") == 1.0
    assert verify(INTEGER, 3, "\\boxed{3}" * (MB // 9)) == 1.0
    assert verify(INTEGER, 3, "{" * MB + "\\boxed{3}") == 1.0
    assert verify(INTEGER, 3, "Answer: 4\n" + "\n" * MB + "<answer>3</answer>") == 1.0
