"""TRON: online, exactly verifiable visual-reasoning environments for RL.

import tron
env = tron.make("counting/count_by_colour")
inst = env.sample(level=3, seed=7)
reward = env.verify(inst, model_text)
"""

from __future__ import annotations

from pathlib import Path

from tron._version import __version__
from tron.envs.env import Env, EnvError, EnvInfo, Instance, verify
from tron.envs.suite import Suite
from tron.loading import bundled, load_suite
from tron.training.batch import sample_batch
from tron.training.curriculum import Curriculum, Mixture, PublishedSchedule, drop_uniform_groups


def make(env_id: str) -> Env:
    """An environment of the bundled suite."""
    return bundled().make(env_id)


def list_envs(bucket: str | None = None) -> list[str]:
    """Ids of the bundled suite's environments, optionally of one bucket."""
    return bundled().list_envs(bucket)


def load(path: str | Path) -> Suite:
    """A suite from a folder of .tron specs or of `tronc compile` output."""
    return load_suite(path)


__all__ = [
    "Curriculum",
    "Mixture",
    "PublishedSchedule",
    "drop_uniform_groups",
    "sample_batch",
    "Env",
    "EnvError",
    "EnvInfo",
    "Instance",
    "Suite",
    "__version__",
    "list_envs",
    "load",
    "make",
    "verify",
]
