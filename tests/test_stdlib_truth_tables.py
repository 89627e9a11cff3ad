"""Truth tables: the formula parser against Python's own operators."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tron import stdlib as rt


def _python(formula: str, vals: list[int]) -> int:
    # the generator negates only variables, so NOT X becomes (1 - X)
    expr = re.sub(r"NOT ([A-D])", r"(1 - \1)", formula)
    expr = expr.replace("AND", "&").replace("XOR", "^").replace("OR", "|")
    env = {"ABCD"[i]: v for i, v in enumerate(vals)}
    return int(eval(expr, {}, env))  # noqa: S307 - test-only, generated text


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 10**6), st.integers(1, 4), st.integers(0, 5), st.floats(0, 1))
def test_truth_column_matches_python(seed: int, nvars: int, extra: int, nots: float) -> None:
    rng = random.Random(seed)
    f = rt.random_logic_formula(rng, nvars, nvars - 1 + extra, ["AND", "OR", "XOR"], nots)
    assert all(v in f for v in "ABCD"[:nvars])
    col = rt.truth_column(f, nvars)
    assert len(col) == 2**nvars
    for k, y in enumerate(col):
        vals = [(k >> (nvars - 1 - i)) & 1 for i in range(nvars)]
        assert y == _python(f, vals)


def test_brackets_and_not_of_bracket() -> None:
    assert rt.logic_formula_value("NOT (A AND B)", [1, 1]) == 0
    assert rt.logic_formula_value("NOT (A AND B)", [1, 0]) == 1
    assert rt.truth_column("A XOR B", 2) == [0, 1, 1, 0]
    with pytest.raises(ValueError):
        rt.logic_formula_value("(A AND B", [1, 1])
