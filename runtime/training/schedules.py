"""The schedule reported for the published TRON system, as a preset, and DAPO's dynamic
sampling filter."""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping, Sequence
from typing import Any

from tron.training.sampling import Task, _passes, _Sampler

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
