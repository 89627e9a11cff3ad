"""Equivalent surface forms of a correct answer score 1; hedges between two values score 0.

Tables of (answer type, gold, response, expected reward) per answer type, scored through
`tron.envs.env.score` with the question (and option texts) that ask for them, then a property
test: every accepted form of a random gold scores 1, the same form of another value scores 0,
and any two-value hedge scores 0.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from tron.answers.types import (
    AnswerType,
    CellAnswer,
    ChoiceAnswer,
    IntegerAnswer,
    LabelAnswer,
    NumberAnswer,
    SequenceAnswer,
    SetAnswer,
    YesNoAnswer,
    answer_type_from_json,
)
from tron.envs.env import score

INTEGER = IntegerAnswer()
NUMBER = NumberAnswer()
CHOICE4 = ChoiceAnswer(4)
YESNO = YesNoAnswer()
LETTERS = LabelAnswer(["A", "B", "C", "D"])
COMPASS = LabelAnswer(
    ["north", "north-east", "east", "south-east", "south", "south-west", "west", "north-west"]
)
SCREEN = LabelAnswer(
    ["up", "up-right", "right", "down-right", "down", "down-left", "left", "up-left"]
)
TURN = LabelAnswer(["clockwise", "anticlockwise"])
TURNS = LabelAnswer(["90", "180", "270"])
CELL = CellAnswer(5, 5)

PERCENT_Q = "What percentage of all the pets counted are cats?"
DEGREES_Q = "What is the size of the angle marked x, in degrees?"
CENTS_Q = "What is the total value of the coins shown, in cents?"
DOLLARS_Q = "How much change does Ana get, in dollars?"
COUNT_Q = "How many red shapes are there?"
NODE_Q = "What is the degree of node A (the number of edges touching it)?"
OPTIONS = ["3", "5", "7 cm", "none of these"]


def boxed(text: str) -> str:
    return f"Working... so \\boxed{{{text}}}"


# (answer type, gold, response, question, expected reward)
Case = tuple[AnswerType, Any, str, str | None, float]

PERCENT_CASES: list[Case] = [
    (NUMBER, Fraction(30), boxed("30%"), PERCENT_Q, 1.0),
    (NUMBER, Fraction(30), boxed("30\\%"), PERCENT_Q, 1.0),
    (NUMBER, Fraction(30), boxed("$30\\%$"), PERCENT_Q, 1.0),
    (NUMBER, Fraction(30), boxed("30 %"), PERCENT_Q, 1.0),
    (NUMBER, Fraction(30), boxed("30 percent"), PERCENT_Q, 1.0),
    (NUMBER, Fraction(30), boxed("30 per cent"), PERCENT_Q, 1.0),
    (NUMBER, Fraction(25, 2), boxed("12.5%"), PERCENT_Q, 1.0),
    (INTEGER, 30, boxed("30%"), PERCENT_Q, 1.0),
    (NUMBER, Fraction(30), boxed("40%"), PERCENT_Q, 0.0),
    (NUMBER, Fraction(30), boxed("30% or 40%"), PERCENT_Q, 0.0),
    (NUMBER, Fraction(30), boxed("30%, 40%"), PERCENT_Q, 0.0),
    (NUMBER, Fraction(30), boxed("30%%"), PERCENT_Q, 0.0),
    # Not asked: "30%" means 0.3 to a reader, so it is not the number 30.
    (NUMBER, Fraction(30), boxed("30%"), None, 0.0),
    (NUMBER, Fraction(30), boxed("30%"), DEGREES_Q, 0.0),
    (NUMBER, Fraction(30), boxed("30°"), PERCENT_Q, 0.0),
]
DEGREE_CASES: list[Case] = [
    (INTEGER, 50, boxed("50°"), DEGREES_Q, 1.0),
    (INTEGER, 50, boxed("50 °"), DEGREES_Q, 1.0),
    (INTEGER, 50, boxed("50^\\circ"), DEGREES_Q, 1.0),
    (INTEGER, 50, boxed("50^{\\circ}"), DEGREES_Q, 1.0),
    (INTEGER, 50, boxed("$50^\\circ$"), DEGREES_Q, 1.0),
    (INTEGER, 50, boxed("50\\degree"), DEGREES_Q, 1.0),
    (INTEGER, 50, boxed("50 degrees"), DEGREES_Q, 1.0),
    (INTEGER, 50, "Final answer: 50 degrees.", DEGREES_Q, 1.0),
    (TURNS, "90", boxed("90°"), "By how many degrees clockwise was it turned?", 1.0),
    (TURNS, "90", boxed("90% "), "By how many degrees clockwise was it turned?", 0.0),
    (INTEGER, 50, boxed("40°"), DEGREES_Q, 0.0),
    (INTEGER, 50, boxed("50° or 40°"), DEGREES_Q, 0.0),
    (INTEGER, 50, boxed("50°40"), DEGREES_Q, 0.0),
    (INTEGER, 50, boxed("50 radians"), DEGREES_Q, 0.0),
    (INTEGER, 50, boxed("50°"), None, 0.0),
    (INTEGER, 3, boxed("3°"), NODE_Q, 0.0),  # a graph degree is not an angle
    (INTEGER, 3, boxed("3 degrees"), NODE_Q, 0.0),
]
CENT_CASES: list[Case] = [
    (NUMBER, Fraction(26), boxed("26 cents"), CENTS_Q, 1.0),
    (NUMBER, Fraction(26), boxed("26¢"), CENTS_Q, 1.0),
    (NUMBER, Fraction(26), boxed("26 ¢"), CENTS_Q, 1.0),
    (NUMBER, Fraction(26), boxed("27 cents"), CENTS_Q, 0.0),
    (NUMBER, Fraction(26), boxed("26 cents or 27 cents"), CENTS_Q, 0.0),
    (NUMBER, Fraction(26, 100), boxed("26 cents"), DOLLARS_Q, 0.0),  # 26 cents != 0.26 asked
    (NUMBER, Fraction(26), boxed("26¢"), None, 0.0),
]
COUNT_CASES: list[Case] = [
    (INTEGER, 2, boxed("2 shapes"), COUNT_Q, 1.0),
    (INTEGER, 1, boxed("1 shape"), COUNT_Q, 1.0),
    (INTEGER, 2, "Answer: 2 shapes.", COUNT_Q, 1.0),
    (INTEGER, 2, boxed("2 Shapes"), COUNT_Q, 1.0),
    (INTEGER, 4, boxed("4 boxes"), "How many boxes are open?", 1.0),
    (INTEGER, 2, boxed("3 shapes"), COUNT_Q, 0.0),
    (INTEGER, 2, boxed("2 or 3 shapes"), COUNT_Q, 0.0),
    (INTEGER, 2, boxed("2 shapes or 3"), COUNT_Q, 0.0),
    (INTEGER, 2, boxed("2-3 shapes"), COUNT_Q, 0.0),
    (INTEGER, 2, boxed("2 thousand"), COUNT_Q, 0.0),
    (INTEGER, 2, boxed("2 dozen"), "How many dozen eggs are there?", 0.0),
    (INTEGER, 2, boxed("2 circles"), COUNT_Q, 0.0),  # not what the question counts
    (INTEGER, 2, boxed("2 red shapes"), COUNT_Q, 0.0),  # one word only
    (INTEGER, 2, boxed("2 shapes"), None, 0.0),
    (INTEGER, 2, boxed("2shapes"), COUNT_Q, 0.0),
]
NUMBER_CASES: list[Case] = [
    (NUMBER, Fraction(3, 8), boxed("\\frac38"), None, 1.0),
    (NUMBER, Fraction(3, 8), boxed("\\dfrac38"), None, 1.0),
    (NUMBER, Fraction(3, 8), boxed("\\frac{3}8"), None, 1.0),
    (NUMBER, Fraction(3, 8), boxed("\\frac3{8}"), None, 1.0),
    (NUMBER, Fraction(3, 8), boxed("3\u20448"), None, 1.0),  # FRACTION SLASH
    (NUMBER, Fraction(3, 8), boxed("\u215c"), None, 1.0),  # VULGAR FRACTION THREE EIGHTHS
    (NUMBER, Fraction(1, 2), boxed("\u00bd"), None, 1.0),
    (NUMBER, Fraction(-1, 2), boxed("-\u00bd"), None, 1.0),
    (NUMBER, Fraction(-1, 2), boxed("- 1/2"), None, 1.0),
    (NUMBER, Fraction(-1, 2), boxed("\u2212 1/2"), None, 1.0),
    (NUMBER, Fraction(3, 8), boxed("\\frac{3}{8}"), None, 1.0),
    (NUMBER, Fraction(3, 8), boxed("\\frac83"), None, 0.0),
    (NUMBER, Fraction(3, 8), boxed("\\frac385"), None, 0.0),
    (NUMBER, Fraction(3, 2), boxed("1\u00bd"), None, 0.0),  # mixed numbers stay rejected
    (NUMBER, Fraction(1, 2), boxed("\u00bd or \u2153"), None, 0.0),
    (NUMBER, Fraction(1, 2), boxed("\u00bd\u00bd"), None, 0.0),
    (NUMBER, Fraction(3, 4), boxed("\u0663\u20444"), None, 0.0),  # Arabic-Indic digit
    (NUMBER, Fraction(3, 4), boxed("\uff13/4"), None, 0.0),  # fullwidth digit
    (NUMBER, Fraction(1, 2), boxed("\u00b9\u2044\u2082"), None, 0.0),  # super/subscripts
    (INTEGER, -3, boxed("- 3"), None, 1.0),
    (INTEGER, 3, boxed("- 3"), None, 0.0),
]
CHOICE_CASES: list[Case] = [
    (CHOICE4, "B", boxed("(B)"), None, 1.0),
    (CHOICE4, "B", boxed("B)"), None, 1.0),
    (CHOICE4, "B", boxed("[B]"), None, 1.0),
    (CHOICE4, "B", boxed("Option B"), None, 1.0),
    (CHOICE4, "B", boxed("B. 5"), None, 1.0),
    (CHOICE4, "B", boxed("B) 5"), None, 1.0),
    (CHOICE4, "B", boxed("(B) 5"), None, 1.0),
    (CHOICE4, "B", boxed("B: 5"), None, 1.0),
    (CHOICE4, "B", boxed("Option B - 5"), None, 1.0),
    (CHOICE4, "B", boxed("b. 5."), None, 1.0),
    (CHOICE4, "C", boxed("C. 7 cm"), None, 1.0),
    (CHOICE4, "C", boxed("C. 7  CM"), None, 1.0),
    (CHOICE4, "D", boxed("D. none of these"), None, 1.0),
    (CHOICE4, "B", boxed("B. 3"), None, 0.0),  # another option's text: a hedge
    (CHOICE4, "A", boxed("B. 3"), None, 0.0),
    (CHOICE4, "B", boxed("B. 6"), None, 0.0),
    (CHOICE4, "B", boxed("B. 5 or C. 7 cm"), None, 0.0),
    (CHOICE4, "B", boxed("B 5"), None, 0.0),
    (CHOICE4, "B", boxed("A, B"), None, 0.0),
]
LABEL_CASES: list[Case] = [
    (LETTERS, "B", boxed("(B)"), None, 1.0),
    (LETTERS, "B", boxed("B)"), None, 1.0),
    (LETTERS, "B", boxed("[B]"), None, 1.0),
    (LETTERS, "B", boxed("Option B"), None, 1.0),
    (LETTERS, "B", boxed("option (b)"), None, 1.0),
    (LETTERS, "B", boxed("(C)"), None, 0.0),
    (LETTERS, "B", boxed("(B) or (C)"), None, 0.0),
    (LETTERS, "B", boxed("(B)(C)"), None, 0.0),
    (COMPASS, "north-east", boxed("northeast"), None, 1.0),
    (COMPASS, "north-east", boxed("north east"), None, 1.0),
    (COMPASS, "north-east", boxed("North-East"), None, 1.0),
    (COMPASS, "north-east", boxed("NE"), None, 1.0),
    (COMPASS, "north-east", boxed("N.E."), None, 1.0),
    (COMPASS, "south-west", boxed("SW"), None, 1.0),
    (COMPASS, "south-west", boxed("southwest"), None, 1.0),
    (COMPASS, "north", boxed("N"), None, 1.0),
    (COMPASS, "west", boxed("W"), None, 1.0),
    (COMPASS, "north-east", boxed("north"), None, 0.0),
    (COMPASS, "north-east", boxed("north or northeast"), None, 0.0),
    (COMPASS, "north-east", boxed("north, northeast"), None, 0.0),
    (COMPASS, "north-east", boxed("NE/N"), None, 0.0),
    (COMPASS, "north-east", boxed("nne"), None, 0.0),
    (SCREEN, "up-right", boxed("up right"), None, 1.0),
    (SCREEN, "up-right", boxed("Up-Right"), None, 1.0),
    (SCREEN, "up-right", boxed("up or right"), None, 0.0),
    (TURN, "anticlockwise", boxed("counterclockwise"), None, 1.0),
    (TURN, "anticlockwise", boxed("counter-clockwise"), None, 1.0),
    (TURN, "anticlockwise", boxed("counter clockwise"), None, 1.0),
    (TURN, "anticlockwise", boxed("anti-clockwise"), None, 1.0),
    (TURN, "anticlockwise", boxed("Anti clockwise"), None, 1.0),
    (TURN, "anticlockwise", boxed("CCW"), None, 1.0),
    (TURN, "clockwise", boxed("clock-wise"), None, 1.0),
    (TURN, "clockwise", boxed("CW"), None, 1.0),
    (TURN, "clockwise", boxed("counterclockwise"), None, 0.0),
    (TURN, "clockwise", boxed("clockwise or counterclockwise"), None, 0.0),
    # A label set that is not all directions gets no direction synonyms.
    (LabelAnswer(["north", "apple"]), "north", boxed("N"), None, 0.0),
]
YESNO_CASES: list[Case] = [
    (YESNO, True, boxed("Yes!"), None, 1.0),
    (YESNO, False, boxed("No!"), None, 1.0),
    (YESNO, True, "Final answer: **Yes!**", None, 1.0),
    (YESNO, True, boxed("No!"), None, 0.0),
    (YESNO, True, boxed("Yes!!"), None, 0.0),
    (YESNO, True, boxed("Yes! No!"), None, 0.0),
]
COLLECTION_CASES: list[Case] = [
    (SetAnswer(LETTERS), frozenset("AB"), boxed("A and B"), None, 1.0),
    (SetAnswer(LETTERS), frozenset("ABC"), boxed("A, B and C"), None, 1.0),
    (SetAnswer(LETTERS), frozenset("ABC"), boxed("C, A, and B"), None, 1.0),
    (SetAnswer(LETTERS), frozenset("AB"), boxed("(A) and (B)"), None, 1.0),
    (SetAnswer(LETTERS), frozenset("AB"), boxed("A and B and C"), None, 0.0),
    (SetAnswer(LETTERS), frozenset("AB"), boxed("A or B"), None, 0.0),
    (SetAnswer(LETTERS), frozenset("AB"), boxed("A and B or C"), None, 0.0),
    (SetAnswer(LETTERS), frozenset("AB"), boxed("A and A"), None, 0.0),
    (SetAnswer(LETTERS), frozenset("AB"), boxed("A and"), None, 0.0),
    (SequenceAnswer(INTEGER), (2, 3), boxed("2 and 3"), None, 1.0),
    (SequenceAnswer(INTEGER), (1, 2, 3), boxed("1, 2, and 3"), None, 1.0),
    (SequenceAnswer(INTEGER), (2, 3), boxed("3 and 2"), None, 0.0),
    (SequenceAnswer(INTEGER), (2, 3), boxed("2 and 3 or 4"), None, 0.0),
    (SequenceAnswer(CELL), ((1, 2), (3, 4)), boxed("(1, 2) and (3, 4)"), None, 1.0),
    (SequenceAnswer(CELL), ((1, 2), (3, 4)), boxed("(1, 2 and 3, 4)"), None, 0.0),
    (
        SetAnswer(LabelAnswer(["black and white", "red"])),
        frozenset({"black and white"}),
        boxed("black and white"),
        None,
        1.0,
    ),
]
CELL_CASES: list[Case] = [
    (CELL, (2, 3), boxed("2 3"), None, 1.0),
    (CELL, (2, 3), boxed("(2 3)"), None, 1.0),
    (CELL, (2, 3), boxed("R2C3"), None, 1.0),
    (CELL, (2, 3), boxed("r2 c3"), None, 1.0),
    (CELL, (2, 3), boxed("R2, C3"), None, 1.0),
    (CELL, (2, 3), boxed("C3R2"), None, 1.0),
    (CELL, (2, 3), boxed("3 2"), None, 0.0),
    (CELL, (2, 3), boxed("R3C2"), None, 0.0),
    (CELL, (2, 3), boxed("2 3 4"), None, 0.0),
    (CELL, (2, 3), boxed("R2C3 or R3C2"), None, 0.0),
    (CELL, (2, 3), boxed("R2C3R3"), None, 0.0),
]

TABLES = {
    "percent": PERCENT_CASES,
    "degrees": DEGREE_CASES,
    "cents": CENT_CASES,
    "count": COUNT_CASES,
    "number": NUMBER_CASES,
    "choice": CHOICE_CASES,
    "label": LABEL_CASES,
    "yesno": YESNO_CASES,
    "collection": COLLECTION_CASES,
    "cell": CELL_CASES,
}
ALL_CASES = [
    pytest.param(*case, id=f"{name}-{i}")
    for name, table in TABLES.items()
    for i, case in enumerate(table)
]


@pytest.mark.parametrize(("answer_type", "gold", "response", "question", "reward"), ALL_CASES)
def test_equivalent_forms(
    answer_type: AnswerType, gold: Any, response: str, question: str | None, reward: float
) -> None:
    options = OPTIONS if isinstance(answer_type, ChoiceAnswer) else None
    assert score(answer_type, gold, response, question=question, options=options) == reward
    # Under the published scheme the same form is +1, or -1 when it is a hedge or unparsable
    # (never -0.5 for a hedge), and the binary verdict agrees with it.
    tron = score(answer_type, gold, response, "tron", question=question, options=options)
    assert (tron == 1.0) == (reward == 1.0)


@pytest.mark.parametrize(
    ("unit", "response", "reward"),
    [
        ("degrees", "50°", 1.0),
        ("degrees", "50 degrees", 1.0),
        ("degrees", "50", 1.0),
        ("degrees", "50%", 0.0),
        ("percent", "50%", 1.0),
        ("percent", "50°", 0.0),
        ("cents", "50¢", 1.0),
    ],
)
def test_declared_unit(unit: str, response: str, reward: float) -> None:
    # A unit the answer type declares applies without a question, and survives the record.
    atype = answer_type_from_json({"kind": "integer", "unit": unit})
    assert atype.to_json() == {"kind": "integer", "unit": unit}
    assert score(atype, 50, boxed(response)) == reward
    assert (
        score(atype, 50, boxed(response), question=PERCENT_Q if unit != "percent" else DEGREES_Q)
        == reward
    )


def test_descriptors_without_unit_are_unchanged() -> None:
    assert IntegerAnswer().to_json() == {"kind": "integer"}
    assert NumberAnswer().to_json() == {"kind": "number"}
    assert IntegerAnswer().instruction() == "Answer with a whole number written in digits."
    with pytest.raises(ValueError, match="unit"):
        answer_type_from_json({"kind": "number", "unit": "kelvin"})


@pytest.mark.parametrize("size", [10 * (1 << 20)])
def test_new_forms_stay_bounded_on_huge_responses(size: int) -> None:
    for body in (
        "9" * size + "%",
        "2 " + "a" * size,
        "B. " + "5" * size,
        "R2C3" * (size // 4),
        "A and " * (size // 6) + "B",
        "\u215c" * size,
        "2 " * (size // 2),
    ):
        assert score(NUMBER, Fraction(30), boxed(body), question=PERCENT_Q) == 0.0
        assert score(SetAnswer(LETTERS), frozenset("AB"), boxed(body)) == 0.0
        assert score(CHOICE4, "B", boxed(body), options=OPTIONS) == 0.0


# --- property: every accepted form of the gold scores 1, of another value or a hedge 0 -------

UNIT_FORMS = {
    "percent": ["{}%", "{}\\%", "{} percent"],
    "degrees": ["{}°", "{}^\\circ", "{} degrees"],
    "cents": ["{} cents", "{}¢"],
}
UNIT_QUESTIONS = {"percent": PERCENT_Q, "degrees": DEGREES_Q, "cents": CENTS_Q}


def integer_forms(v: int, unit: str | None) -> list[str]:
    forms = [str(v), f"{v:,}", f"- {-v}" if v < 0 else f"+{v}"]
    if unit is None:
        return [*forms, f"{v} shapes"]
    return [*forms, *(f.format(v) for f in UNIT_FORMS[unit])]


def number_forms(q: Fraction, unit: str | None) -> list[str]:
    p, d = abs(q.numerator), q.denominator
    sign = "-" if q < 0 else ""
    forms = [
        NUMBER.canonical(q),
        f"{sign}{p}/{d}",
        f"{sign}\\frac{{{p}}}{{{d}}}",
        f"{sign}{p}\u2044{d}",
        f"{sign} {p}/{d}",
    ]
    if p < 10 and d < 10:
        forms.append(f"{sign}\\frac{p}{d}")
    if unit is not None:
        forms += [f.format(NUMBER.canonical(q)) for f in UNIT_FORMS[unit]]
    return forms


def compass_forms(label: str) -> list[str]:
    words = label.split("-")
    return [label, " ".join(words), "".join(words), "".join(w[0] for w in words).upper()]


def cell_forms(rc: tuple[int, int]) -> list[str]:
    r, c = rc
    return [f"({r}, {c})", f"{r} {c}", f"R{r}C{c}", f"row {r}, column {c}"]


units = st.sampled_from([None, "percent", "degrees", "cents"])
fractions = st.builds(Fraction, st.integers(-999, 999), st.integers(1, 64))
cells = st.tuples(st.integers(1, 5), st.integers(1, 5))
# (answer type, gold, other value, forms of a value, question)
Kit = tuple[AnswerType, Any, Any, Any, str | None]


@st.composite
def kits(draw: st.DrawFn) -> Kit:
    kind = draw(st.sampled_from(["integer", "number", "compass", "choice", "cell", "set"]))
    if kind == "integer":
        unit = draw(units)
        gold, other = draw(st.integers(-(10**6), 10**6)), draw(st.integers(-(10**6), 10**6))
        question = UNIT_QUESTIONS[unit] if unit else COUNT_Q
        return INTEGER, gold, other, lambda v: integer_forms(v, unit), question
    if kind == "number":
        unit = draw(units)
        question = UNIT_QUESTIONS[unit] if unit else None
        return NUMBER, draw(fractions), draw(fractions), lambda v: number_forms(v, unit), question
    if kind == "compass":
        labels = COMPASS.labels
        return (
            COMPASS,
            draw(st.sampled_from(labels)),
            draw(st.sampled_from(labels)),
            compass_forms,
            None,
        )
    if kind == "choice":
        letters = ["A", "B", "C", "D"]

        def choice_forms(v: str) -> list[str]:
            text = OPTIONS[letters.index(v)]
            return [v, f"({v})", f"{v})", f"[{v}]", f"Option {v}", f"{v}. {text}", f"({v}) {text}"]

        return (
            CHOICE4,
            draw(st.sampled_from(letters)),
            draw(st.sampled_from(letters)),
            choice_forms,
            None,
        )
    if kind == "cell":
        return CELL, draw(cells), draw(cells), cell_forms, None
    subsets = st.frozensets(st.sampled_from("ABCD"), min_size=2)

    def set_forms(v: frozenset[str]) -> list[str]:
        items = sorted(v)
        return [
            ", ".join(items),
            ", ".join(items[:-1]) + " and " + items[-1],
            " and ".join(f"({x})" for x in items),
        ]

    return SetAnswer(LETTERS), draw(subsets), draw(subsets), set_forms, None


@given(kits(), st.sampled_from(["\\boxed{{{}}}", "<answer>{}</answer>", "Final answer: {}"]))
def test_forms_of_gold_score_one_and_others_zero(kit: Kit, wrapper: str) -> None:
    answer_type, gold, other, forms, question = kit
    options = OPTIONS if isinstance(answer_type, ChoiceAnswer) else None

    def reward(text: str) -> float:
        return score(answer_type, gold, wrapper.format(text), question=question, options=options)

    for form in forms(gold):
        assert reward(form) == 1.0, form
    assume(not answer_type.equal(gold, other))
    for form in forms(other):
        assert reward(form) == 0.0, form
    # Two different values anywhere in the final answer are a hedge, in either order.
    for a, b in zip(forms(gold), forms(other), strict=False):
        for hedge in (f"{a} or {b}", f"{b} or {a}", f"{a}, or maybe {b}"):
            assert reward(hedge) == 0.0, hedge
    if isinstance(answer_type, ChoiceAnswer):  # the gold letter with the other option's text
        text = OPTIONS[["A", "B", "C", "D"].index(other)]
        assert reward(f"{gold}. {text}") == 0.0
