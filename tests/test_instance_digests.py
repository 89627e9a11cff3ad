"""Every bundled environment gives the instances recorded before the runtime was reorganised
(tests/fixtures/instance_digests.json): moving code never changes an instance. A deliberate
change to an environment bumps its version and rerecords its digests (and a new environment
records its own) with `python tests/instance_digest.py --update
tests/fixtures/instance_digests.json ENV_ID ...`."""

import json
from pathlib import Path

import pytest

import tron
from tests.instance_digest import digest

RECORDED = json.loads((Path(__file__).parent / "fixtures" / "instance_digests.json").read_text())
BY_ENV: dict[str, list[tuple[str, int, int, str]]] = {}
for key, value in RECORDED.items():
    env_id, level, seed = key.rsplit("/", 2)
    BY_ENV.setdefault(env_id, []).append((key, int(level), int(seed), value))


def test_every_recorded_environment_still_exists():
    assert set(BY_ENV) <= set(tron.list_envs())


def test_every_environment_is_recorded():
    missing = sorted(set(tron.list_envs()) - set(BY_ENV))
    assert not missing, (
        f"record digests for {missing}: python tests/instance_digest.py --update "
        "tests/fixtures/instance_digests.json ENV_ID ..."
    )


@pytest.mark.parametrize("env_id", sorted(BY_ENV))
def test_instances_unchanged(env_id):
    changed = [key for key, lv, seed, want in BY_ENV[env_id] if digest(env_id, lv, seed) != want]
    assert not changed, f"instances changed without a version bump: {changed}"
