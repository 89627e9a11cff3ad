"""Hypothesis strategies for answer types and their values, shared by the answer and reward
tests."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from hypothesis import strategies as st

from tron.answers.types import (
    AnswerType,
    CellAnswer,
    ChoiceAnswer,
    ColourAnswer,
    EstimateAnswer,
    IntegerAnswer,
    LabelAnswer,
    NumberAnswer,
    SequenceAnswer,
    SetAnswer,
    YesNoAnswer,
)

PALETTE = ["red", "gray", "dark grey", "light blue", "blue-grey", "orange", "navy"]
_label_text = st.from_regex(r"[a-z]{1,8}( [a-z]{1,8}){0,2}", fullmatch=True)

scalar_types: st.SearchStrategy[AnswerType] = st.one_of(
    st.just(IntegerAnswer()),
    st.just(NumberAnswer()),
    st.just(YesNoAnswer()),
    st.integers(1, 26).map(ChoiceAnswer),
    st.lists(_label_text, min_size=1, max_size=6, unique=True).map(LabelAnswer),
    st.lists(st.sampled_from(PALETTE), min_size=1, unique=True).map(ColourAnswer),
    st.builds(CellAnswer, st.integers(1, 30), st.integers(1, 30)),
)
# An estimate is a scalar that no collection holds (the compiler refuses sequence(estimate)).
estimate_types = st.builds(Fraction, st.integers(1, 10**6), st.integers(1, 100)).map(EstimateAnswer)
answer_types: st.SearchStrategy[AnswerType] = st.one_of(
    scalar_types,
    estimate_types,
    scalar_types.map(SequenceAnswer),
    scalar_types.map(SetAnswer),
)
finite_types = scalar_types.filter(lambda t: t.domain() is not None)


def values_of(t: AnswerType) -> st.SearchStrategy[Any]:
    """Random valid values of an answer type."""
    if isinstance(t, IntegerAnswer):
        return st.integers(-(10**40), 10**40)
    if isinstance(t, NumberAnswer):
        return st.builds(Fraction, st.integers(-(10**30), 10**30), st.integers(1, 10**15))
    if isinstance(t, SequenceAnswer):
        return st.lists(values_of(t.item), max_size=6).map(tuple)
    if isinstance(t, SetAnswer):
        return st.lists(values_of(t.item), max_size=6, unique_by=t.item.canonical).map(frozenset)
    domain = t.domain()
    assert domain is not None
    return st.sampled_from(domain)


typed_values = answer_types.flatmap(lambda t: st.tuples(st.just(t), values_of(t)))
