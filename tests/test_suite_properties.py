"""Every environment in the bundled suite, proven by the same generic checks (no per-environment
test code) at random levels and seeds: determinism, answers in their domain and verifying to 1
in every wrapper, wrong answers scoring 0, checks holding, objects visible and unclipped, text
legible, sampling inside its cap. (tests/test_suite_validates.py runs every rule of
`tron validate` at fixed seeds over every level; these draws reach seeds it never tries.)"""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tron
from tron.quality.validate import problems

ENVS = tron.list_envs()
ROOT = Path(__file__).resolve().parent


@pytest.mark.parametrize("env_id", ENVS)
@settings(max_examples=max(3, settings().max_examples // 25))  # 4 at the default profile
@given(data=st.data())
def test_environment_is_valid(env_id, data):
    env = tron.make(env_id)
    lo, hi = env.info.levels
    level = data.draw(st.integers(lo, hi), label="level")
    seed = data.draw(st.integers(0, 2**31 - 1), label="seed")
    assert problems(env, level, seed) == []


def test_harness_catches_broken_environment():
    env = tron.load(ROOT / "fixtures" / "broken").make("counting/hidden_and_clipped")
    found = "\n".join(problems(env, 0, 0))
    assert "object hidden shows" in found
    assert "object clipped is clipped" in found
    assert "fails on purpose" in found
    assert "object cover" not in found


def test_suite_is_not_empty():
    assert len(ENVS) >= 1
