"""Answer types: accepted forms, rejected forms and hedges per type; canonical round trips."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import pytest
from answer_strategies import (  # shared strategies, beside this file
    answer_types,
    typed_values,
)
from hypothesis import given
from hypothesis import strategies as st

from tron.answers.types import (
    MAX_DIGITS,
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
    answer_type_from_json,
)

INTEGER = IntegerAnswer()
NUMBER = NumberAnswer()
CHOICE4 = ChoiceAnswer(4)
YESNO = YesNoAnswer()
LABELS = LabelAnswer(["circle", "light blue", "St."])
COLOURS = ColourAnswer(["red", "gray", "dark grey", "blue-grey"])
CELL = CellAnswer(3, 4)
INT_SEQ = SequenceAnswer(INTEGER)
CELL_SEQ = SequenceAnswer(CELL)
COLOUR_SET = SetAnswer(COLOURS)
INT_SET = SetAnswer(INTEGER)

# (type, text, expected value) — the text must parse to exactly this value.
ACCEPTED: list[tuple[AnswerType, str, Any]] = [
    (INTEGER, "42", 42),
    (INTEGER, "-3", -3),
    (INTEGER, "+3", 3),
    (INTEGER, "0", 0),
    (INTEGER, "-0", 0),
    (INTEGER, "007", 7),
    (INTEGER, "1,234", 1234),
    (INTEGER, "-1,234,567", -1234567),
    (INTEGER, "42.", 42),
    (INTEGER, "  42  ", 42),
    (INTEGER, "$42$", 42),
    (INTEGER, "$$42$$", 42),
    (INTEGER, "\\(42\\)", 42),
    (INTEGER, "\\text{42}", 42),
    (INTEGER, "\\textbf{42}", 42),
    (INTEGER, "**42**", 42),
    (INTEGER, "**42**.", 42),
    (INTEGER, "`42`", 42),
    (INTEGER, "\u22123", -3),  # U+2212 MINUS SIGN
    (INTEGER, "\\boxed{42}", 42),
    (INTEGER, "- 3", -3),  # inside a wrapper the space after a sign is not a list bullet
    (NUMBER, "3", Fraction(3)),
    (NUMBER, "0.25", Fraction(1, 4)),
    (NUMBER, ".5", Fraction(1, 2)),
    (NUMBER, "-1.50", Fraction(-3, 2)),
    (NUMBER, "+2.0", Fraction(2)),
    (NUMBER, "5.", Fraction(5)),
    (NUMBER, "1,234.5", Fraction(2469, 2)),
    (NUMBER, "3/4", Fraction(3, 4)),
    (NUMBER, "6/8", Fraction(3, 4)),
    (NUMBER, "-3/4", Fraction(-3, 4)),
    (NUMBER, "3 / 4", Fraction(3, 4)),
    (NUMBER, "\\frac{3}{4}", Fraction(3, 4)),
    (NUMBER, "\\dfrac{3}{4}", Fraction(3, 4)),
    (NUMBER, "\\tfrac{3}{4}", Fraction(3, 4)),
    (NUMBER, "-\\frac{3}{4}", Fraction(-3, 4)),
    (NUMBER, "\\frac{-3}{4}", Fraction(-3, 4)),
    (NUMBER, "$\\frac{1}{3}$", Fraction(1, 3)),
    (CHOICE4, "B", "B"),
    (CHOICE4, "b", "B"),
    (CHOICE4, "(B)", "B"),
    (CHOICE4, "B)", "B"),
    (CHOICE4, "[B]", "B"),
    (CHOICE4, "B.", "B"),
    (CHOICE4, "Option B", "B"),
    (CHOICE4, "option (d)", "D"),
    (CHOICE4, "\\text{C}", "C"),
    (YESNO, "yes", True),
    (YESNO, "Yes", True),
    (YESNO, "YES.", True),
    (YESNO, "true", True),
    (YESNO, "no", False),
    (YESNO, "False", False),
    (YESNO, "**No**", False),
    (YESNO, "yes!", True),
    (LABELS, "circle", "circle"),
    (LABELS, "CIRCLE", "circle"),
    (LABELS, "circle.", "circle"),
    (LABELS, "Light   Blue", "light blue"),
    (LABELS, " light\tblue ", "light blue"),
    (LABELS, "St.", "St."),
    (LABELS, "st.", "St."),
    (LABELS, "\\text{circle}", "circle"),
    (COLOURS, "red", "red"),
    (COLOURS, "Gray", "gray"),
    (COLOURS, "grey", "gray"),
    (COLOURS, "dark gray", "dark grey"),
    (COLOURS, "Blue-Gray", "blue-grey"),
    (CELL, "(2, 3)", (2, 3)),
    (CELL, "(2,3)", (2, 3)),
    (CELL, "2, 3", (2, 3)),
    (CELL, "[2, 3]", (2, 3)),
    (CELL, "row 2, column 3", (2, 3)),
    (CELL, "Row 2 Col 3", (2, 3)),
    (CELL, "(row 2, column 3)", (2, 3)),
    (CELL, "column 3, row 2", (2, 3)),
    (CELL, "(3, 4)", (3, 4)),
    (CELL, "2 3", (2, 3)),
    (INT_SEQ, "1, 2, 3", (1, 2, 3)),
    (INT_SEQ, "1,2,3", (1, 2, 3)),
    (INT_SEQ, "1 , 2 , 3", (1, 2, 3)),
    (INT_SEQ, "1; 2; 3", (1, 2, 3)),
    (INT_SEQ, "[1, 2, 3]", (1, 2, 3)),
    (INT_SEQ, "(1, 2, 3)", (1, 2, 3)),
    (INT_SEQ, "3, 1, 3", (3, 1, 3)),
    (INT_SEQ, "7", (7,)),
    (INT_SEQ, "[7]", (7,)),
    (INT_SEQ, "[]", ()),
    (INT_SEQ, "$[1, -2]$", (1, -2)),
    (INT_SEQ, "1, 2 and 3", (1, 2, 3)),
    (CELL_SEQ, "(1, 2), (3, 4)", ((1, 2), (3, 4))),
    (CELL_SEQ, "[(1,2),(3,4)]", ((1, 2), (3, 4))),
    (CELL_SEQ, "1, 2; 3, 4", ((1, 2), (3, 4))),
    (CELL_SEQ, "(1, 2)", ((1, 2),)),
    (COLOUR_SET, "red, grey", frozenset({"red", "gray"})),
    (COLOUR_SET, "grey, red", frozenset({"red", "gray"})),
    (COLOUR_SET, "{red, gray}", frozenset({"red", "gray"})),
    (COLOUR_SET, "\\{red, gray\\}", frozenset({"red", "gray"})),
    (COLOUR_SET, "[dark grey]", frozenset({"dark grey"})),
    (COLOUR_SET, "[]", frozenset()),
    (COLOUR_SET, "\\emptyset", frozenset()),
    (INT_SET, "3, 1, 2", frozenset({1, 2, 3})),
    (COLOUR_SET, "red and gray", frozenset({"red", "gray"})),
]

# (type, text) — each must be rejected (parse returns None).
REJECTED: list[tuple[AnswerType, str]] = [
    (INTEGER, ""),
    (INTEGER, "   "),
    (INTEGER, "three"),
    (INTEGER, "3.5"),
    (INTEGER, "4.0"),
    (INTEGER, "\u0663"),  # ARABIC-INDIC DIGIT THREE: int() accepts it, we do not
    (INTEGER, "\uff13"),  # FULLWIDTH DIGIT THREE
    (INTEGER, "1_000"),
    (INTEGER, "1,23"),
    (INTEGER, "12,34,567"),
    (INTEGER, "0,123"),
    (INTEGER, "--3"),
    (INTEGER, "3x"),
    (INTEGER, "x = 3"),
    (INTEGER, "1e3"),
    (INTEGER, "9" * (MAX_DIGITS + 1)),
    (INTEGER, "$3"),
    (INTEGER, "\\text{3} \\text{4}"),
    (NUMBER, ""),
    (NUMBER, "1/0"),
    (NUMBER, "\\frac{1}{0}"),
    (NUMBER, "1e3"),
    (NUMBER, "50%"),
    (NUMBER, "1 1/2"),
    (NUMBER, "0.5.5"),
    (NUMBER, "-\\frac{-1}{2}"),
    (NUMBER, "\\frac{1}{2"),
    (NUMBER, "inf"),
    (NUMBER, "nan"),
    (NUMBER, "0x10"),
    (NUMBER, "1." + "0" * MAX_DIGITS),
    (NUMBER, "\u0663/4"),
    (CHOICE4, ""),
    (CHOICE4, "E"),
    (CHOICE4, "AB"),
    (CHOICE4, "(B"),
    (CHOICE4, "B]"),
    (CHOICE4, "Option"),
    (CHOICE4, "1"),
    (CHOICE4, "B) 42"),
    (CHOICE4, "\u00c1"),  # A WITH ACUTE
    (YESNO, "y"),
    (YESNO, "yeah"),
    (YESNO, "ye\u017f"),  # LONG S: upper() would make it "YES"
    (YESNO, "1"),
    (LABELS, "circles"),
    (LABELS, "square"),
    (LABELS, "lightblue"),
    (LABELS, "St"),  # the declared label has a period
    (COLOURS, "green"),
    (COLOURS, "greyish"),
    (COLOURS, "blue grey"),
    (CELL, "(0, 1)"),
    (CELL, "(4, 1)"),
    (CELL, "(1, 5)"),
    (CELL, "(2, 3"),
    (CELL, "(2, 3]"),
    (CELL, "(2, 3, 4)"),
    (CELL, "B3"),
    (CELL, "(-1, 2)"),
    (INT_SEQ, ""),
    (INT_SEQ, "1 2 3"),
    (INT_SEQ, "1,,2"),
    (INT_SEQ, "1, 2,"),
    (INT_SEQ, ", 1"),
    (INT_SEQ, "[1, 2"),
    (INT_SEQ, "1, 2]"),
    (INT_SEQ, "1, 2; 3"),
    (INT_SEQ, "[[1, 2]]"),
    (CELL_SEQ, "1, 2, 3, 4"),
    (COLOUR_SET, "red, red"),
    (COLOUR_SET, "red, grey, gray"),
    (INT_SET, "1, 2, 1"),
]

# Hedges: answers that name more than one value must never parse.
HEDGES: list[tuple[AnswerType, str]] = [
    (INTEGER, "3 or 4"),
    (INTEGER, "3-4"),
    (INTEGER, "3 - 4"),
    (INTEGER, "3\u20134"),  # en dash range
    (INTEGER, "between 3 and 4"),
    (INTEGER, "3, 4"),
    (INTEGER, "3/4"),
    (INTEGER, "$3$ or $4$"),
    (INTEGER, "**3** or **4**"),
    (INTEGER, "3 (or maybe 4)"),
    (NUMBER, "0.5 or 0.25"),
    (NUMBER, "1/2-3/4"),
    (NUMBER, "about 0.5"),
    (CHOICE4, "A, B"),
    (CHOICE4, "A or B"),
    (CHOICE4, "A and B"),
    (CHOICE4, "A/B"),
    (CHOICE4, "(A) (B)"),
    (CHOICE4, "A, B, C"),
    (YESNO, "yes or no"),
    (YESNO, "yes/no"),
    (YESNO, "maybe"),
    (LABELS, "circle or light blue"),
    (LABELS, "circle, light blue"),
    (COLOURS, "red/gray"),
    (CELL, "(1, 2) or (2, 3)"),
    (CELL, "(1, 2), (2, 3)"),
    (INT_SEQ, "1, 2 or 3"),
    (INT_SEQ, "1, 2-3"),
    (COLOUR_SET, "red, gray or dark grey"),
]


@pytest.mark.parametrize(("answer_type", "text", "expected"), ACCEPTED)
def test_accepted(answer_type: AnswerType, text: str, expected: Any) -> None:
    value = answer_type.parse(text)
    assert value is not None, text
    assert answer_type.equal(value, expected)
    assert type(value) is type(expected)


@pytest.mark.parametrize(("answer_type", "text"), REJECTED)
def test_rejected(answer_type: AnswerType, text: str) -> None:
    assert answer_type.parse(text) is None


@pytest.mark.parametrize(("answer_type", "text"), HEDGES)
def test_hedges_do_not_parse(answer_type: AnswerType, text: str) -> None:
    assert answer_type.parse(text) is None


@pytest.mark.parametrize(
    ("answer_type", "value", "text"),
    [
        (INTEGER, -1234, "-1234"),
        (NUMBER, Fraction(1, 2), "0.5"),
        (NUMBER, Fraction(-3, 2), "-1.5"),
        (NUMBER, Fraction(1, 3), "1/3"),
        (NUMBER, Fraction(-4, 6), "-2/3"),
        (NUMBER, Fraction(7), "7"),
        (NUMBER, 7, "7"),
        (NUMBER, Fraction(1, 80), "0.0125"),
        (NUMBER, Fraction(1, 2**40), "1/1099511627776"),  # decimal would need 40 places
        (CHOICE4, "D", "D"),
        (YESNO, True, "yes"),
        (YESNO, False, "no"),
        (LABELS, "light blue", "light blue"),
        (COLOURS, "dark grey", "dark grey"),
        (CELL, (2, 3), "(2, 3)"),
        (CELL, [2, 3], "(2, 3)"),
        (INT_SEQ, (3, 1, 2), "3, 1, 2"),
        (INT_SEQ, [], "[]"),
        (INT_SET, frozenset({10, 2, 1}), "1, 2, 10"),
        (COLOUR_SET, {"dark grey", "red"}, "red, dark grey"),  # declared (domain) order
        (COLOUR_SET, frozenset(), "[]"),
        (CELL_SEQ, [(1, 2), (3, 4)], "(1, 2), (3, 4)"),
    ],
)
def test_canonical(answer_type: AnswerType, value: Any, text: str) -> None:
    assert answer_type.canonical(value) == text
    assert answer_type.equal(answer_type.parse(text), value)


@pytest.mark.parametrize(
    ("answer_type", "value"),
    [
        (INTEGER, True),
        (INTEGER, 3.0),
        (INTEGER, "3"),
        (INTEGER, 10**MAX_DIGITS),
        (NUMBER, 0.5),
        (NUMBER, "1/2"),
        (CHOICE4, "E"),
        (CHOICE4, "AB"),
        (CHOICE4, ""),
        (CHOICE4, "b"),
        (YESNO, 1),
        (YESNO, "yes"),
        (LABELS, "square"),
        (LABELS, "CIRCLE"),
        (CELL, (0, 1)),
        (CELL, (1, 2, 3)),
        (CELL, (True, 1)),
        (INT_SEQ, "123"),
        (INT_SET, [1, 1]),
    ],
)
def test_canonical_rejects_non_values(answer_type: AnswerType, value: Any) -> None:
    with pytest.raises((TypeError, ValueError)):
        answer_type.canonical(value)


def test_number_equality_is_exact() -> None:
    assert NUMBER.equal(NUMBER.parse("0.5"), NUMBER.parse("1/2"))
    assert NUMBER.equal(NUMBER.parse("\\frac{2}{4}"), Fraction(1, 2))
    assert not NUMBER.equal(NUMBER.parse("0.333"), Fraction(1, 3))
    assert not NUMBER.equal(NUMBER.parse("0.3333333333"), Fraction(1, 3))


def test_domains() -> None:
    assert CHOICE4.domain() == ["A", "B", "C", "D"]
    assert YESNO.domain() == [True, False]
    assert LABELS.domain() == ["circle", "light blue", "St."]
    assert COLOURS.domain() == ["red", "gray", "dark grey", "blue-grey"]
    assert CellAnswer(2, 2).domain() == [(1, 1), (1, 2), (2, 1), (2, 2)]
    assert INTEGER.domain() is None
    assert NUMBER.domain() is None
    assert INT_SEQ.domain() is None


def test_instructions_name_the_format() -> None:
    assert INTEGER.instruction() == "Answer with a whole number written in digits."
    assert "A to D" in CHOICE4.instruction()
    assert YESNO.instruction() == "Answer with yes or no."
    assert "light blue" in LABELS.instruction()
    assert "dark grey" in COLOURS.instruction()
    assert "(row, column)" in CELL.instruction()
    assert "3/4" in NUMBER.instruction()
    assert "in order" in INT_SEQ.instruction()
    assert "any order" in INT_SET.instruction()
    all_types = [INTEGER, NUMBER, CHOICE4, YESNO, LABELS, COLOURS, CELL, INT_SEQ, COLOUR_SET]
    for t in all_types:
        assert t.instruction().startswith("Answer with ")
        assert t.instruction().endswith(".")


@pytest.mark.parametrize(
    "make",
    [
        lambda: ChoiceAnswer(0),
        lambda: ChoiceAnswer(27),
        lambda: ChoiceAnswer(True),
        lambda: LabelAnswer([]),
        lambda: LabelAnswer("abc"),
        lambda: LabelAnswer(["a", "A"]),
        lambda: LabelAnswer(["a b", "a  b"]),
        lambda: LabelAnswer([""]),
        lambda: LabelAnswer(["a}b"]),
        lambda: LabelAnswer(["line\nbreak"]),
        lambda: LabelAnswer(["a\u2212b"]),  # reads back as "a-b": the minus sign is normalised
        lambda: ColourAnswer(["gray", "grey"]),
        lambda: CellAnswer(0, 3),
        lambda: CellAnswer(3, 10**7),
        lambda: SequenceAnswer(SequenceAnswer(INTEGER)),
        lambda: SetAnswer(INT_SEQ),
        lambda: SequenceAnswer(LabelAnswer(["a, b", "c"])),
    ],
)
def test_invalid_type_parameters(make: Any) -> None:
    with pytest.raises(ValueError):
        make()


@pytest.mark.parametrize(
    "answer_type",
    [INTEGER, NUMBER, CHOICE4, YESNO, LABELS, COLOURS, CELL, INT_SEQ, CELL_SEQ, COLOUR_SET],
)
def test_descriptor_round_trip(answer_type: AnswerType) -> None:
    d = answer_type.to_json()
    assert d["kind"] == answer_type.kind
    rebuilt = answer_type_from_json(d)
    assert rebuilt == answer_type
    assert type(rebuilt) is type(answer_type)


def test_descriptor_examples() -> None:
    assert LABELS.to_json() == {"kind": "label", "labels": ["circle", "light blue", "St."]}
    assert CELL.to_json() == {"kind": "cell", "rows": 3, "cols": 4}
    assert INT_SET.to_json() == {"kind": "set", "item": {"kind": "integer"}}


@pytest.mark.parametrize(
    "bad",
    [
        {},
        {"kind": "float"},
        {"kind": "choice"},
        {"kind": "label", "labels": []},
        {"kind": "sequence", "item": {"kind": "nope"}},
    ],
)
def test_bad_descriptors(bad: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        answer_type_from_json(bad)


# --- properties -----------------------------------------------------------------------------


@given(typed_values)
def test_canonical_parses_back_equal(pair: tuple[AnswerType, Any]) -> None:
    answer_type, value = pair
    text = answer_type.canonical(value)
    parsed = answer_type.parse(text)
    assert parsed is not None
    assert answer_type.equal(parsed, value)
    assert answer_type.canonical(parsed) == text


@given(typed_values)
def test_value_json_round_trip(pair: tuple[AnswerType, Any]) -> None:
    answer_type, value = pair
    data = answer_type.value_to_json(value)
    assert answer_type.equal(answer_type.value_from_json(data), value)
    rebuilt = answer_type_from_json(answer_type.to_json())
    assert rebuilt.equal(rebuilt.value_from_json(data), value)


@given(answer_types, st.text(max_size=200))
def test_parse_is_total(answer_type: AnswerType, text: str) -> None:
    value = answer_type.parse(text)
    if value is not None:  # whatever parses has a canonical form that reads back the same
        assert answer_type.equal(answer_type.parse(answer_type.canonical(value)), value)


@given(st.integers(-(10**20), 10**20))
def test_grouped_integers(n: int) -> None:
    assert INTEGER.parse(f"{n:,}") == n
    assert NUMBER.parse(f"{n:,}") == n
