"""Estimate answers: exact gold, a declared tolerance, and everything else as strict as number."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import tron
from tron.answers.rewards import tron_reward, verify
from tron.answers.types import EstimateAnswer, NumberAnswer, answer_type_from_json

ROOT = Path(__file__).resolve().parents[2]
fractions = st.builds(Fraction, st.integers(-(10**6), 10**6), st.integers(1, 50))
tolerances = st.builds(Fraction, st.integers(1, 10**4), st.integers(1, 20))


@given(fractions, fractions, tolerances)
def test_an_estimate_scores_exactly_when_within_the_tolerance(gold, guess, tol):
    atype = EstimateAnswer(tol)
    text = NumberAnswer().canonical(guess)
    assert verify(atype, gold, f"\\boxed{{{text}}}") == (1.0 if abs(guess - gold) <= tol else 0.0)


@given(fractions, tolerances)
def test_two_different_estimates_are_a_hedge_even_inside_the_tolerance(gold, tol):
    atype = EstimateAnswer(tol)
    near = NumberAnswer().canonical(gold + tol / 2)
    exact = NumberAnswer().canonical(gold)
    assert verify(atype, gold, f"\\boxed{{{exact}}} or maybe \\boxed{{{near}}}") == 0.0
    assert verify(atype, gold, f"\\boxed{{{exact}}} so \\boxed{{{exact}}}") == 1.0


@given(fractions, fractions, tolerances)
def test_a_window_of_the_gates_never_holds_values_two_tolerances_apart(a, b, tol):
    atype = EstimateAnswer(tol)
    if atype.gate_key(a) == atype.gate_key(b):
        assert abs(a - b) < 2 * tol


def test_the_published_scheme_counts_a_far_estimate_as_wrong_not_malformed():
    atype = EstimateAnswer(10)
    assert tron_reward(atype, Fraction(100), "\\boxed{91}", "boxed") == 1.0
    assert tron_reward(atype, Fraction(100), "\\boxed{89}", "boxed") == -0.5
    assert tron_reward(atype, Fraction(100), "\\boxed{about 90}", "boxed") == -1.0


def test_the_instruction_states_the_tolerance_and_the_descriptor_keeps_it():
    atype = EstimateAnswer(Fraction(5, 2))
    assert "within 2.5 of the true value" in atype.instruction()
    assert atype.to_json() == {"kind": "estimate", "tolerance": "2.5"}
    assert answer_type_from_json(atype.to_json()) == atype
    assert atype.canonical(Fraction(7, 2)) == "3.5"  # the exact gold, as a number reads it


@pytest.mark.parametrize("bad", [0, -1, Fraction(-1, 2), 0.5, "3"])
def test_a_tolerance_must_be_a_positive_exact_number(bad):
    with pytest.raises((TypeError, ValueError)):
        EstimateAnswer(bad)


@pytest.mark.parametrize(
    "bad",
    [
        {"kind": "estimate"},
        {"kind": "estimate", "tolerance": "0"},
        {"kind": "estimate", "tolerance": "x"},
    ],
)
def test_bad_estimate_descriptors(bad):
    with pytest.raises(ValueError):
        answer_type_from_json(bad)


def test_a_bundled_estimate_environment_accepts_its_tolerance_and_no_more():
    suite = tron.load(ROOT / "tasks" / "mathematical" / "bar_estimate.tron")
    env = suite.make("mathematical/bar_estimate.value")
    for level, seed in [(0, 1), (5, 2), (9, 3)]:
        inst = env.sample(level, seed)
        tol = inst.answer_type.tolerance
        assert "about" in inst.question.lower() or "estimate" in inst.question.lower()
        assert f"within {NumberAnswer().canonical(tol)}" in inst.question
        row = inst.to_dict()
        for delta, reward in [(0, 1.0), (tol, 1.0), (-tol, 1.0), (tol + 1, 0.0), (-tol - 1, 0.0)]:
            text = f"\\boxed{{{NumberAnswer().canonical(inst.answer + delta)}}}"
            assert env.verify(inst, text) == reward
            assert tron.verify(row, text) == reward
