"""Online sampling on Ray: a pool of actors producing instance batches ahead of the trainer,
with a bounded number of batches in flight (backpressure) and the curriculum fed by rewards.

    pool = OnlineSampler(["counting/count_by_colour"], workers=4, batch_size=64)
    batch = pool.next_batch()            # list[Instance], images already rasterised
    pool.report([(inst.env_id, inst.level, [reward, ...]) ...])
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tron.envs.env import Instance
from tron.training.curriculum import Curriculum

Request = tuple[str, int, int]


def _ray() -> Any:
    try:
        import ray
    except ImportError as exc:  # an optional extra
        raise ImportError("Ray is not installed: pip install 'tron-rl[ray]'") from exc
    return ray


class _Worker:
    """Runs in a Ray actor: samples and rasterises a batch of requests."""

    def __init__(self, suite: str | None):
        from tron.loading import bundled, load_suite

        self.suite = load_suite(suite) if suite else bundled()

    def sample(self, requests: list[Request]) -> list[Instance]:
        out = []
        for env_id, level, seed in requests:
            inst = self.suite.make(env_id).sample(level, seed)
            inst.image  # noqa: B018 - the raster is the expensive part: do it here
            inst.svg  # noqa: B018 - the SVG text travels instead of the scene
            inst.generated = None
            out.append(inst)
        return out


class OnlineSampler:
    """Batches of instances drawn by a curriculum, produced by Ray actors ahead of use.

    At most `prefetch` batches are in flight; `next_batch()` waits for the oldest one and then
    plans one more, so producers never run unboundedly ahead of the trainer (backpressure).
    Seeds are consecutive from `seed`, so the same call sequence (including `report()` calls)
    gives the same batches."""

    def __init__(
        self,
        envs: Sequence[str],
        *,
        workers: int = 2,
        batch_size: int = 32,
        prefetch: int = 2,
        curriculum: Curriculum | None = None,
        seed: int = 0,
        suite: str | Path | None = None,
        address: str | None = None,
    ):
        if workers < 1 or batch_size < 1 or prefetch < 1:
            raise ValueError("workers, batch_size and prefetch must be at least 1")
        ray = _ray()
        if not ray.is_initialized():
            ray.init(address=address, ignore_reinit_error=True, log_to_driver=False)
        actor = ray.remote(num_cpus=1)(_Worker)
        self.ray = ray
        self.workers = [actor.remote(str(suite) if suite else None) for _ in range(workers)]
        self.curriculum = curriculum or Curriculum(list(envs), seed=seed)
        self.batch_size = batch_size
        self.prefetch = prefetch
        self.next_seed = seed
        self.turn = 0
        self.in_flight: deque[tuple[list[Request], Any]] = deque()
        for _ in range(prefetch):
            self._launch()

    def plan(self) -> list[Request]:
        reqs = []
        for _ in range(self.batch_size):
            env_id, level = self.curriculum.draw()
            reqs.append((env_id, level, self.next_seed))
            self.next_seed += 1
        return reqs

    def _launch(self) -> None:
        reqs = self.plan()
        worker = self.workers[self.turn % len(self.workers)]
        self.turn += 1
        self.in_flight.append((reqs, worker.sample.remote(reqs)))

    def next_batch(self, timeout: float | None = None) -> list[Instance]:
        reqs, ref = self.in_flight.popleft()
        batch: list[Instance] = self.ray.get(ref, timeout=timeout)
        self._launch()
        return batch

    def report(self, results: Sequence[tuple[str, int, Sequence[float]]]) -> None:
        """Feed rewards back: (env_id, level, rewards of that instance's rollouts)."""
        for env_id, level, rewards in results:
            self.curriculum.update(env_id, level, list(rewards))

    def close(self) -> None:
        for w in self.workers:
            self.ray.kill(w)
        self.workers = []
        self.in_flight.clear()

    def __enter__(self) -> OnlineSampler:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
