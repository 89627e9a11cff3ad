"""No two bundled environments are near-duplicates (`tron analyze`'s comparison of question
templates and pictures). The per-environment gates (reliability, balance, blind baseline, level
progression) are `tron validate`'s, run by tests/test_suite_validates.py."""

import tron
from tron.quality.analyze import analyze_env, near_duplicates

ENVS = tron.list_envs()


def test_no_near_duplicates_across_environments():
    reports = [analyze_env(tron.make(e), 3) for e in ENVS]
    assert near_duplicates(reports) == []
