"""Gymnasium: every TRON environment as a single-step env (one question, one answer).

Importing this module registers the bundled suite; `register_suite(path)` registers a folder of
your own specs. Gymnasium ids cannot contain a second "/", so `counting/count_by_colour`
(version 2) becomes `tron/counting.count_by_colour-v2`: namespace "tron", the TRON version as
the gym version (a new spec version is a new gym version, as gym ids intend). `gym_id(env_id)`
gives the registered id without knowing the version.

    import gymnasium
    from tron.integrations.gym import gym_id
    env = gymnasium.make(gym_id("counting/count_by_colour"), level=3)
    obs, info = env.reset(seed=7)      # obs == {"image": HxWx3 uint8, "question": str}
    obs, reward, terminated, truncated, info = env.step(model_text)   # terminated is True

`reset(seed=s)` shows exactly `tron.make(id).sample(level, s)`; `options={"level": L}` changes
the level for one episode. Without a seed, the seed comes from the env's seeded generator.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import gymnasium
import numpy as np
from gymnasium import spaces

from tron.envs.env import Env, Instance
from tron.envs.suite import Suite
from tron.loading import bundled, load_suite

NAMESPACE = "tron"
MAX_QUESTION = 8192
MAX_ACTION = 1 << 20  # responses are verified in bounded time at any length
# Printable text up to the CJK block: Latin, Greek, arrows, maths symbols, shapes, and the
# whitespace questions and answers use. `Text` spaces reject characters outside their charset.
CHARSET = "\t\n\r" + "".join(chr(c) for c in range(0x20, 0x3000) if chr(c).isprintable())

_SUITES: dict[str | None, Suite] = {}


def _suite(path: str | None) -> Suite:
    if path not in _SUITES:
        _SUITES[path] = load_suite(path) if path else bundled()
    return _SUITES[path]


def gym_id(
    env_id: str,
    version: int | None = None,
    namespace: str = NAMESPACE,
    suite: str | Path | None = None,
) -> str:
    """The Gymnasium id of a TRON environment. Without `version`, the environment's current
    version in `suite` (None: the bundled suite) is used, which is the one registered."""
    if version is None:
        suite_path = str(Path(suite).resolve()) if suite is not None else None
        version = int(_suite(suite_path).make(env_id).info.version)
    return f"{namespace}/{env_id.replace('/', '.')}-v{version}"


class TronEnv(gymnasium.Env[dict[str, Any], str]):
    """One TRON environment: reset shows an instance, step(text) scores it and ends."""

    metadata = {"render_modes": ["rgb_array"]}

    def __init__(
        self,
        env_id: str,
        level: int | None = None,
        suite: str | None = None,
        reward: str = "binary",
        render_mode: str | None = None,
    ):
        self.tron_env: Env = _suite(suite).make(env_id)
        lo, hi = self.tron_env.info.levels
        self.level = lo if level is None else level
        if not lo <= self.level <= hi:
            raise ValueError(f"{env_id}: level must be in {lo}..{hi}, got {level}")
        self.reward_scheme = reward
        self.render_mode = render_mode
        # The canvas size is fixed per spec: read it from one instance.
        w, h = self.tron_env.sample(self.level, 0).image.size
        self.observation_space = spaces.Dict(
            {
                "image": spaces.Box(0, 255, shape=(h, w, 3), dtype=np.uint8),
                "question": spaces.Text(max_length=MAX_QUESTION, charset=CHARSET),
            }
        )
        self.action_space = spaces.Text(max_length=MAX_ACTION, charset=CHARSET)
        self.instance: Instance | None = None
        self._obs: dict[str, Any] | None = None

    def reset(
        self, *, seed: int | None = None, options: dict[str, Any] | None = None
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        super().reset(seed=seed)
        if seed is None:
            seed = int(self.np_random.integers(0, 2**31 - 1))
        level = int((options or {}).get("level", self.level))
        self.instance = self.tron_env.sample(level, seed, reward=self.reward_scheme)
        image = np.asarray(self.instance.image.convert("RGB"), dtype=np.uint8)
        self._obs = {"image": image, "question": self.instance.question}
        info = {
            "id": self.instance.id,
            "env_id": self.instance.env_id,
            "level": level,
            "seed": seed,
            "answer_type": self.instance.answer_type.to_json(),
        }
        return self._obs, info

    def step(self, action: str) -> tuple[dict[str, Any], float, bool, bool, dict[str, Any]]:
        if self.instance is None or self._obs is None:
            raise RuntimeError("call reset() before step()")
        reward = float(self.tron_env.verify(self.instance, action))
        info = {
            "id": self.instance.id,
            "answer": self.instance.answer_text,
            "correct": reward >= 1.0,
        }
        # A fresh copy: callers keep observations, and reset's must not change under them.
        obs = {"image": self._obs["image"].copy(), "question": self._obs["question"]}
        return obs, reward, True, False, info

    def render(self) -> Any:
        return None if self._obs is None else self._obs["image"]


def register_suite(path: str | Path | None = None, namespace: str = NAMESPACE) -> list[str]:
    """Register every environment of a suite (None: the bundled one); return the gym ids.
    Registering again (e.g. after recompiling) replaces the earlier entries."""
    suite_path = str(Path(path).resolve()) if path is not None else None
    suite = _suite(suite_path)
    ids = []
    for env_id in suite.list_envs():
        version = int(suite.entries[env_id]["info"]["version"])
        gid = gym_id(env_id, version, namespace)
        gymnasium.registry.pop(gid, None)  # re-registration is an intended update, no warning
        gymnasium.register(
            id=gid,
            entry_point="tron.integrations.gym:TronEnv",
            kwargs={"env_id": env_id, "suite": suite_path},
        )  # no max_episode_steps: TimeLimit would flag the natural end as a truncation
        ids.append(gid)
    return ids


def _register_bundled() -> None:
    try:
        register_suite()
    except Exception as exc:  # a broken bundled spec must not make the module unimportable
        warnings.warn(
            f"tron: bundled environments not registered with gymnasium: {exc}", stacklevel=2
        )


_register_bundled()
