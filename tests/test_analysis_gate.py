"""The analysis gate over the whole bundled suite, at a modest sample count (fixed seeds, so
the result is reproducible): reliability, balance, blind baseline, level progression, and no
near-duplicate environments."""

import os

import pytest

import tron
from tron.quality.analyze import analyze_env, near_duplicates

ENVS = tron.list_envs()
DRAWS = int(os.environ.get("TRON_GATE_DRAWS", "60"))


@pytest.mark.parametrize("env_id", ENVS)
def test_environment_passes_the_gate(env_id):
    report = analyze_env(tron.make(env_id), DRAWS)
    assert report.failures == []


def test_no_near_duplicates_across_environments():
    reports = [analyze_env(tron.make(e), 3) for e in ENVS]
    assert near_duplicates(reports) == []
