"""What every sampler shares: argument checks, pass counting, weighted picks, the JSON state of
a seeded generator, the fixed `Mixture`, and `_Sampler`, the base of the level-steering samplers
(`curriculum.Curriculum`, `schedules.PublishedSchedule`)."""

from __future__ import annotations

import bisect
import math
import random
from collections import deque
from collections.abc import Mapping, Sequence
from typing import Any

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
