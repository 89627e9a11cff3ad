"""Every bundled environment passes `tron validate`, at a CI budget.

Authors run `tron validate SPEC` at its defaults (60 draws per level, the costly per-instance
checks on 12 of them) before committing. CI repeats the whole rule set for every environment
with fewer draws: TRON_VALIDATE_DRAWS per level (default 20; the sequential gates still draw
more while in doubt) and the pixel, answer and reward checks on one draw per level, except for
a rotating eighth of the suite that gets the full 12. The rotation key is TRON_ROTATION, else
the UTC day, so successive CI runs cover every environment's slow checks within eight days; a
failure names the key, and `TRON_ROTATION=<key> pytest ...` reproduces it exactly."""

import datetime
import hashlib
import os

import pytest

import tron
from tron.quality.validate_env import DEEP_DRAWS, validate_env

ENVS = tron.list_envs()
DRAWS = int(os.environ.get("TRON_VALIDATE_DRAWS", "20"))
ROTATION = os.environ.get("TRON_ROTATION") or datetime.datetime.now(datetime.UTC).strftime("%Y%m%d")
SLICES = 8  # the share of the suite that gets the full slow checks: one in SLICES


def in_rotation(env_id: str, key: str, slices: int = SLICES) -> bool:
    """Whether this run's rotation gives `env_id` the full per-instance checks."""
    h = hashlib.sha256(f"{key}/{env_id}".encode()).digest()
    return int.from_bytes(h[:4], "big") % slices == 0


@pytest.mark.parametrize("env_id", ENVS)
def test_environment_validates(env_id):
    deep = DEEP_DRAWS if in_rotation(env_id, ROTATION) else 1
    result = validate_env(tron.make(env_id), draws=DRAWS, deep=deep)
    assert not result.failures, (
        f"TRON_ROTATION={ROTATION} (deep={deep}, draws={DRAWS}):\n"
        + "\n".join(f.render() for f in result.failures)
    )


def test_rotation_covers_the_suite_in_a_few_keys():
    ids = [f"b/e{i}" for i in range(400)]
    picked = [sum(in_rotation(e, str(k)) for e in ids) for k in range(3)]
    assert all(25 <= n <= 75 for n in picked), picked  # about 400 / 8 = 50 per key
    covered = {e for k in range(100) for e in ids if in_rotation(e, str(k))}
    assert len(covered) == len(ids)  # within 100 keys every environment had its turn
