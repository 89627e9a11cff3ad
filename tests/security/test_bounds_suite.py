"""The caps of tron.limits never trip on the bundled suite, and the guard table stays in step
with the stdlib it describes."""

import inspect

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tron
from tron import limits
from tron.stdlib import CATALOGUE

ENVS = tron.list_envs()


def levels(env_id: str) -> list[int]:
    lo, hi = tron.make(env_id).info.levels
    return sorted({lo, (lo + hi) // 2, hi})


@settings(max_examples=60, deadline=None)
@given(env_id=st.sampled_from(ENVS), pick=st.integers(0, 2), seed=st.integers(0, 10**6))
def test_bounds_bundled_envs_stay_far_below_every_cap(env_id, pick, seed):
    env = tron.make(env_id)
    level = levels(env_id)[min(pick, len(levels(env_id)) - 1)]
    with limits.sample_budget() as budget:
        g = env.module.generate(level, __import__("random").Random(seed))
        used = limits.MAX_STEPS - budget.steps
    assert used < limits.MAX_STEPS // 20  # measured at most 47,895 steps
    assert len(g.scene.items) < limits.MAX_ITEMS // 20


@pytest.mark.parametrize("env_id", ENVS)
def test_bounds_every_bundled_env_samples_at_its_low_middle_and_top_level(env_id):
    env = tron.make(env_id)
    for level in levels(env_id):
        env.run(level, 0)


@pytest.mark.parametrize("name", sorted(limits.COSTS))
def test_bounds_cost_table_names_real_parameters(name):
    """Each cost function takes the stdlib function's own parameter names, so keyword
    arguments bind the same way (a rename in the stdlib must be made here too)."""
    fn = CATALOGUE[name]
    cost = inspect.signature(limits.COSTS[name]).parameters
    named = [p for p in cost.values() if p.kind is p.POSITIONAL_OR_KEYWORD]
    assert [p.name for p in named] == [p.name for p in fn.params][: len(named)]


def test_bounds_no_budget_outside_a_sample():
    """Outside Env.run, calls to the stdlib are size-checked but never run out of time."""
    assert limits._BUDGET.get() is None
    assert CATALOGUE["range"].impl(0, 5) == [0, 1, 2, 3, 4]
    with pytest.raises(limits.ResourceLimit, match="range"):
        CATALOGUE["range"].impl(0, 10**6)


def test_bounds_budget_counts_steps_and_time():
    with limits.sample_budget() as b:
        assert list(limits.each(list(range(100)))) == list(range(100))
        assert b.steps == limits.MAX_STEPS - 100
        b.deadline = 0.0
        with pytest.raises(limits.ResourceLimit, match="time limit"):
            list(limits.each(list(range(100))))
    assert limits._BUDGET.get() is None
