"""Choosing what to train on next: which environment, at which level.

Everything here works on environment ids and integer levels only, so a trainer can drive it
without building instances, and it can be tested without any environment.

- `Mixture`: a fixed weighted mix over environments (and ability buckets), uniform over levels.
- `Curriculum`: the targeted sampler; steers each environment to levels where the model learns.
- `PublishedSchedule`: the schedule reported for the published TRON system, as a preset.
- `drop_uniform_groups`: DAPO dynamic sampling, keep only groups that carry a learning signal.

Rewards: the binary scheme gives 1.0 / 0.0 and the published scheme +1 / -0.5 / -1. Both are
accepted (any finite value in [-1, 1]) and a rollout counts as a pass exactly when its reward is
> 0, so partial or negative rewards never count as a pass.

Determinism: each sampler owns one `random.Random(seed)`; no global random state is read or
written. The same seed and the same sequence of calls give the same draws, and `state_dict()`
is plain JSON data, so a checkpointed run resumes with the same future draws.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from tron.training.sampling import (
    Mixture,
    Task,
    _passes,
    _pick,
    _Sampler,
)
from tron.training.schedules import PublishedSchedule, drop_uniform_groups

__all__ = [
    "Curriculum",
    "Mixture",
    "PublishedSchedule",
    "Task",
    "drop_uniform_groups",
]

# ----------------------------------------------------------------------------- Curriculum


class Curriculum(_Sampler):
    """The targeted part of TRON: steer sampling to levels where the model is learning.

    Policy, per draw: pick an environment uniformly. With probability `explore`, pick a level
    uniformly. Otherwise pick a level with weight p(1-p), the variance of a binary reward and so
    the learning signal a group of rollouts can carry, where p is the level's pass rate over its
    last `window` results. Only levels whose p lies inside `band` (inclusive) take part, plus
    the environment's frontier level, which always weighs 1/4 (as if p were 1/2) so it keeps
    being measured; levels outside the band are reached only by exploration.

    The frontier starts at `start` (default the lowest level). After an update at the frontier,
    once `min_samples` results have come in since the frontier arrived there, their pass rate
    (over at most the last `window` of them) is compared with the band: above band[1] moves the
    frontier one level up, below band[0] one level down. Counting only results since arrival
    keeps stale history from bouncing the frontier straight back.

    Rewards: a rollout passes when its reward is > 0 (binary 1/0 and the published
    +1/-0.5/-1 scheme both work). Deterministic for the same seed and the same sequence of
    draw() and update() calls.
    """

    _kind = "Curriculum"

    def __init__(
        self,
        envs: Sequence[str],
        *,
        levels: Sequence[int] = range(10),
        band: tuple[float, float] = (0.2, 0.8),
        window: int = 64,
        seed: int = 0,
        explore: float = 0.1,
        min_samples: int | None = None,
        start: int | None = None,
    ) -> None:
        if isinstance(window, bool) or not isinstance(window, int) or window < 1:
            raise ValueError(f"window must be an integer >= 1, got {window!r}")
        super().__init__(envs, levels, window, seed)
        lo, hi = band
        if not (0.0 <= lo < hi <= 1.0):
            raise ValueError(f"band must satisfy 0 <= lo < hi <= 1, got {band!r}")
        if not (0.0 <= explore <= 1.0):
            raise ValueError(f"explore must be a probability in [0, 1], got {explore!r}")
        if min_samples is None:
            min_samples = max(1, window // 2)
        if not 1 <= min_samples <= window:
            raise ValueError(f"min_samples must be in [1, window={window}], got {min_samples}")
        self.band = (float(lo), float(hi))
        self.window = window
        self.explore = float(explore)
        self.min_samples = min_samples
        self.start = self.levels[self._check_start(start)]
        first = self._index[self.start]
        self._frontier = dict.fromkeys(self.envs, first)  # index into self.levels
        self._fresh = dict.fromkeys(self.envs, 0)  # results at the frontier since it arrived

    def frontier(self, env_id: str) -> int:
        """The environment's current frontier level."""
        self._check_env(env_id)
        return self.levels[self._frontier[env_id]]

    def level_weights(self, env_id: str) -> dict[int, float]:
        """The non-exploring draw's weight per level (before normalising)."""
        self._check_env(env_id)
        return dict(zip(self.levels, self._weights(env_id), strict=True))

    def _weights(self, env_id: str) -> list[float]:
        lo, hi = self.band
        front = self._frontier[env_id]
        out = []
        for i, h in enumerate(self._history[env_id]):
            if i == front:
                out.append(0.25)
            elif h and lo <= (p := sum(h) / len(h)) <= hi:
                out.append(p * (1.0 - p))
            else:
                out.append(0.0)
        return out

    def draw(self) -> Task:
        env = self._draw_env()
        if self._rng.random() < self.explore:
            i = self._rng.randrange(len(self.levels))
        else:
            i = _pick(self._rng, self._weights(env))
        return env, self.levels[i]

    def update(self, env_id: str, level: int, rewards: Sequence[float]) -> None:
        """Record rollout rewards for (env_id, level); a reward > 0 is a pass."""
        self._check_env(env_id)
        i = self._level_index(level)
        bits = _passes(rewards)
        if not bits:
            return
        self._history[env_id][i].extend(bits)
        if i != self._frontier[env_id]:
            return
        self._fresh[env_id] += len(bits)
        fresh = min(self._fresh[env_id], self.window)
        if fresh < self.min_samples:
            return
        recent = list(self._history[env_id][i])[-fresh:]
        p = sum(recent) / len(recent)
        if p > self.band[1] and i + 1 < len(self.levels):
            self._move(env_id, i + 1)
        elif p < self.band[0] and i > 0:
            self._move(env_id, i - 1)

    def _move(self, env_id: str, to: int) -> None:
        self._frontier[env_id] = to
        self._fresh[env_id] = 0

    def _config(self) -> dict[str, Any]:
        return {
            "envs": list(self.envs),
            "levels": list(self.levels),
            "band": list(self.band),
            "window": self.window,
            "explore": self.explore,
            "min_samples": self.min_samples,
            "start": self.start,
        }

    def _own_state(self) -> dict[str, Any]:
        return {
            "frontier": {e: self.levels[i] for e, i in self._frontier.items()},
            "fresh": dict(self._fresh),
        }

    def _apply_own(self, d: Mapping[str, Any]) -> None:
        for e in self.envs:
            self._frontier[e] = self._level_index(d["frontier"][e])
            self._fresh[e] = int(d["fresh"][e])
