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

import bisect
import math
import random
from collections import deque
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = [
    "Curriculum",
    "Mixture",
    "PublishedSchedule",
    "Task",
    "drop_uniform_groups",
]

Task = tuple[str, int]  # (env_id, level)

_STATE_VERSION = 1


# ----------------------------------------------------------------------------- validation


def _check_envs(envs: Sequence[str]) -> tuple[str, ...]:
    # A bare string is a Sequence too; taking it as a list of one-letter ids is never meant.
    if isinstance(envs, str):
        raise ValueError(f"envs must be a list of environment ids, not the string {envs!r}")
    out = tuple(envs)
    if not out:
        raise ValueError("envs is empty: give at least one environment id")
    for e in out:
        if not isinstance(e, str) or not e:
            raise ValueError(f"environment ids must be non-empty strings, got {e!r}")
    dup = sorted({e for e in out if out.count(e) > 1})
    if dup:
        raise ValueError(f"duplicate environment ids: {dup}")
    return out


def _check_levels(levels: Sequence[int]) -> tuple[int, ...]:
    out = tuple(levels)
    if not out:
        raise ValueError("levels is empty: give at least one level")
    for lv in out:
        if isinstance(lv, bool) or not isinstance(lv, int):
            raise ValueError(f"levels must be integers, got {lv!r}")
    if len(set(out)) != len(out):
        raise ValueError(f"duplicate levels in {list(out)}")
    return tuple(sorted(out))


def _check_weight(what: str, w: float) -> float:
    if isinstance(w, bool) or not isinstance(w, int | float):
        raise ValueError(f"weight of {what} must be a number, got {w!r}")
    if not math.isfinite(w) or w < 0:
        raise ValueError(f"weight of {what} must be finite and >= 0, got {w!r}")
    return float(w)


def _passes(rewards: Sequence[float]) -> list[int]:
    """1 for each reward > 0 (a pass), else 0; rejects values outside [-1, 1]."""
    if isinstance(rewards, str | bytes):
        raise ValueError("rewards must be a sequence of numbers")
    out = []
    for r in rewards:
        if isinstance(r, bool) or not isinstance(r, int | float) or not math.isfinite(r):
            raise ValueError(f"rewards must be finite numbers, got {r!r}")
        if not -1.0 <= r <= 1.0:
            raise ValueError(f"rewards must lie in [-1, 1], got {r!r}")
        out.append(1 if r > 0 else 0)
    return out


def _pick(rng: random.Random, weights: Sequence[float]) -> int:
    """Index drawn with probability proportional to weights (one rng.random() call).

    Our own helper rather than random.choices so that draws cannot change with the
    standard library's implementation.
    """
    cum: list[float] = []
    total = 0.0
    for w in weights:
        total += w
        cum.append(total)
    i = bisect.bisect_right(cum, rng.random() * total)
    return min(i, len(cum) - 1)  # guards the float edge where the product equals total


def _rng_state(rng: random.Random) -> list[Any]:
    version, internal, gauss = rng.getstate()
    return [version, list(internal), gauss]


def _set_rng_state(rng: random.Random, state: Any) -> None:
    try:
        version, internal, gauss = state
        rng.setstate((version, tuple(internal), gauss))
    except (TypeError, ValueError) as exc:
        raise ValueError(f"state_dict holds an invalid random state: {exc}") from exc


# ----------------------------------------------------------------------------- Mixture


class Mixture:
    """Draws (env_id, level) from many environments with weights per environment and/or bucket.

    `envs` is a list of ids (each weight 1) or a mapping id -> weight. With `buckets`
    (bucket -> weight), each bucket's weight is split evenly among its environments and then
    multiplied by the environment's own weight, so per-env weights scale an environment
    relative to an even share. `bucket_of` maps env id -> bucket; by default the bucket is the
    id's prefix before "/" ("counting/count_by_color" -> "counting"). It may name more
    environments than `envs` (e.g. a whole registry); those are ignored. The level is uniform
    over `levels`.
    """

    def __init__(
        self,
        envs: Mapping[str, float] | Sequence[str],
        *,
        buckets: Mapping[str, float] | None = None,
        bucket_of: Mapping[str, str] | None = None,
        levels: Sequence[int] = range(10),
        seed: int = 0,
    ) -> None:
        if isinstance(envs, Mapping):
            ids = _check_envs(list(envs))
            env_w = {e: _check_weight(f"environment {e!r}", envs[e]) for e in ids}
        else:
            ids = _check_envs(envs)
            env_w = dict.fromkeys(ids, 1.0)
        self.levels = _check_levels(levels)

        weights = dict(env_w)
        if buckets is not None:
            weights = self._bucket_weights(ids, env_w, buckets, bucket_of)
        elif bucket_of is not None:
            raise ValueError("bucket_of was given without buckets: give bucket weights too")

        total = sum(weights.values())
        if total <= 0:
            raise ValueError("all weights are zero: at least one environment needs weight > 0")
        self.envs = ids
        self.probabilities: dict[str, float] = {e: weights[e] / total for e in ids}
        self._weights = [weights[e] for e in ids]
        self._rng = random.Random(seed)

    @staticmethod
    def _bucket_weights(
        ids: tuple[str, ...],
        env_w: dict[str, float],
        buckets: Mapping[str, float],
        bucket_of: Mapping[str, str] | None,
    ) -> dict[str, float]:
        members: dict[str, list[str]] = {b: [] for b in buckets}
        for e in ids:
            if bucket_of is not None:
                if e not in bucket_of:
                    raise ValueError(f"environment {e!r} has no entry in bucket_of")
                b = bucket_of[e]
            elif "/" in e:
                b = e.split("/", 1)[0]
            else:
                raise ValueError(
                    f"environment {e!r} has no '/bucket' prefix: pass bucket_of to name its bucket"
                )
            if b not in buckets:
                raise ValueError(
                    f"bucket {b!r} of environment {e!r} has no weight in buckets "
                    f"(known: {sorted(buckets)})"
                )
            members[b].append(e)
        empty = sorted(b for b, es in members.items() if not es)
        if empty:
            raise ValueError(f"buckets with no environments: {empty}")
        out: dict[str, float] = {}
        for b, es in members.items():
            share = _check_weight(f"bucket {b!r}", buckets[b]) / len(es)
            for e in es:
                out[e] = share * env_w[e]
        return out

    def draw(self) -> Task:
        env = self.envs[_pick(self._rng, self._weights)]
        return env, self.levels[self._rng.randrange(len(self.levels))]

    def draw_many(self, n: int) -> list[Task]:
        if n < 0:
            raise ValueError(f"n must be >= 0, got {n}")
        return [self.draw() for _ in range(n)]


# ----------------------------------------------------------------------------- shared base


class _Sampler:
    """What Curriculum and PublishedSchedule share: ids, levels, rng, per-level history."""

    _kind = ""

    def __init__(self, envs: Sequence[str], levels: Sequence[int], history: int, seed: int):
        self.envs = _check_envs(envs)
        self.levels = _check_levels(levels)
        self._index = {lv: i for i, lv in enumerate(self.levels)}
        self._rng = random.Random(seed)
        # Pass bits (0/1) of the most recent rollouts per environment and level.
        self._history: dict[str, list[deque[int]]] = {
            e: [deque(maxlen=history) for _ in self.levels] for e in self.envs
        }

    def _level_index(self, level: int) -> int:
        if isinstance(level, bool) or level not in self._index:
            raise ValueError(f"level {level!r} is outside the levels {list(self.levels)}")
        return self._index[level]

    def _check_env(self, env_id: str) -> None:
        if env_id not in self._history:
            raise ValueError(f"unknown environment {env_id!r}; known: {list(self.envs)}")

    def _check_start(self, start: int | None) -> int:
        if start is None:
            return 0
        return self._level_index(start)

    def pass_rate(self, env_id: str, level: int) -> float | None:
        """Share of passes among the most recent results at this level, None without data."""
        self._check_env(env_id)
        h = self._history[env_id][self._level_index(level)]
        return sum(h) / len(h) if h else None

    def _draw_env(self) -> str:
        return self.envs[self._rng.randrange(len(self.envs))]

    # The config guards against resuming into a sampler built differently, which would
    # silently change the draws.
    def _config(self) -> dict[str, Any]:
        raise NotImplementedError

    def state_dict(self) -> dict[str, Any]:
        """JSON-safe state: loading it into an equally built sampler resumes the same draws."""
        return {
            "kind": self._kind,
            "version": _STATE_VERSION,
            "config": self._config(),
            "rng": _rng_state(self._rng),
            "history": {e: [list(h) for h in hs] for e, hs in self._history.items()},
            **self._own_state(),
        }

    def load_state_dict(self, d: Mapping[str, Any]) -> None:
        if d.get("kind") != self._kind or d.get("version") != _STATE_VERSION:
            raise ValueError(
                f"state_dict is not a {self._kind} state of version {_STATE_VERSION} "
                f"(kind={d.get('kind')!r}, version={d.get('version')!r})"
            )
        # Compare through JSON so that tuples and lists read back from a file compare equal.
        if _jsonish(d.get("config")) != _jsonish(self._config()):
            raise ValueError(
                f"state_dict was saved by a {self._kind} with a different configuration: "
                f"{d.get('config')!r} != {self._config()!r}"
            )
        backup = self.state_dict()
        try:
            self._apply(d)
        except (KeyError, TypeError, ValueError, IndexError) as exc:
            self._apply(backup)  # never leave a half-loaded sampler behind
            raise ValueError(f"state_dict is malformed: {exc}") from exc

    def _apply(self, d: Mapping[str, Any]) -> None:
        for e in self.envs:
            saved = d["history"][e]
            if len(saved) != len(self.levels):
                raise ValueError(f"history of {e!r} has {len(saved)} levels")
            for h, bits in zip(self._history[e], saved, strict=True):
                h.clear()
                h.extend(1 if b else 0 for b in bits)
        _set_rng_state(self._rng, d["rng"])
        self._apply_own(d)

    def _own_state(self) -> dict[str, Any]:
        raise NotImplementedError

    def _apply_own(self, d: Mapping[str, Any]) -> None:
        raise NotImplementedError


def _jsonish(x: Any) -> Any:
    if isinstance(x, list | tuple):
        return [_jsonish(v) for v in x]
    if isinstance(x, dict):
        return {str(k): _jsonish(v) for k, v in x.items()}
    return x


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


# ----------------------------------------------------------------------------- published


class PublishedSchedule(_Sampler):
    """Preset matching the published TRON schedule.

    Per environment, advance one level when the accuracy over the last `window_groups` (4)
    groups of `group_size` (8) rollouts reaches `advance_at` (0.8), then reset that window;
    replay a uniformly chosen lower level with probability `replay` (0.3). The schedule never
    moves down.

    Choices the paper leaves open, made here: each update() takes the rewards of one or more
    whole groups (its length must be a multiple of `group_size`); only groups at the
    environment's current level fill the advance window, so replayed lower levels never push
    it up; accuracy is pooled over all rollouts in the window; at the lowest level there is
    nothing to replay and the current level is drawn. A reward > 0 is a correct rollout.
    """

    _kind = "PublishedSchedule"

    def __init__(
        self,
        envs: Sequence[str],
        *,
        levels: Sequence[int] = range(10),
        group_size: int = 8,
        window_groups: int = 4,
        advance_at: float = 0.8,
        replay: float = 0.3,
        start: int | None = None,
        seed: int = 0,
    ) -> None:
        for name, v in (("group_size", group_size), ("window_groups", window_groups)):
            if isinstance(v, bool) or not isinstance(v, int) or v < 1:
                raise ValueError(f"{name} must be an integer >= 1, got {v!r}")
        super().__init__(envs, levels, group_size * window_groups, seed)
        if not (0.0 <= advance_at <= 1.0):
            raise ValueError(f"advance_at must be in [0, 1], got {advance_at!r}")
        if not (0.0 <= replay <= 1.0):
            raise ValueError(f"replay must be a probability in [0, 1], got {replay!r}")
        self.group_size = group_size
        self.window_groups = window_groups
        self.advance_at = float(advance_at)
        self.replay = float(replay)
        self.start = self.levels[self._check_start(start)]
        self._current = dict.fromkeys(self.envs, self._index[self.start])
        # Passes per group at the current level, newest last.
        self._window: dict[str, deque[int]] = {e: deque(maxlen=window_groups) for e in self.envs}

    def frontier(self, env_id: str) -> int:
        """The environment's current level."""
        self._check_env(env_id)
        return self.levels[self._current[env_id]]

    def draw(self) -> Task:
        env = self._draw_env()
        cur = self._current[env]
        # Always consume the replay coin so the stream does not depend on the level.
        if self._rng.random() < self.replay and cur > 0:
            return env, self.levels[self._rng.randrange(cur)]
        return env, self.levels[cur]

    def update(self, env_id: str, level: int, rewards: Sequence[float]) -> None:
        """Record the rewards of whole groups for (env_id, level); a reward > 0 is correct."""
        self._check_env(env_id)
        i = self._level_index(level)
        bits = _passes(rewards)
        if len(bits) % self.group_size:
            raise ValueError(
                f"got {len(bits)} rewards, not a multiple of group_size={self.group_size}: "
                "pass whole groups"
            )
        self._history[env_id][i].extend(bits)
        for g in range(0, len(bits), self.group_size):
            if i != self._current[env_id]:
                return
            win = self._window[env_id]
            win.append(sum(bits[g : g + self.group_size]))
            full = len(win) == self.window_groups
            acc = sum(win) / (len(win) * self.group_size)
            if full and acc >= self.advance_at and i + 1 < len(self.levels):
                self._current[env_id] = i + 1
                win.clear()

    def _config(self) -> dict[str, Any]:
        return {
            "envs": list(self.envs),
            "levels": list(self.levels),
            "group_size": self.group_size,
            "window_groups": self.window_groups,
            "advance_at": self.advance_at,
            "replay": self.replay,
            "start": self.start,
        }

    def _own_state(self) -> dict[str, Any]:
        return {
            "current": {e: self.levels[i] for e, i in self._current.items()},
            "window": {e: list(w) for e, w in self._window.items()},
        }

    def _apply_own(self, d: Mapping[str, Any]) -> None:
        for e in self.envs:
            self._current[e] = self._level_index(d["current"][e])
            self._window[e].clear()
            self._window[e].extend(int(x) for x in d["window"][e])


# ----------------------------------------------------------------------------- DAPO


def drop_uniform_groups(groups: Sequence[Sequence[float]]) -> list[int]:
    """DAPO dynamic sampling: indices of groups to KEEP, those not all right or all wrong.

    A rollout is right when its reward is > 0, so with non-binary rewards (e.g. the published
    +1/-0.5/-1) a group of -0.5 and -1 rewards is all wrong and dropped. A group whose
    advantages would all be zero gives no gradient; empty and single-rollout groups are
    therefore dropped too.
    """
    keep = []
    for i, g in enumerate(groups):
        bits = _passes(g)
        if 0 < sum(bits) < len(bits):
            keep.append(i)
    return keep
