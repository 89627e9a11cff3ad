"""Sampling many instances across worker processes, identical to serial sampling."""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from tron.env import Instance
from tron.suite import Suite, bundled

Request = tuple[str, int, int]  # (env_id, level, seed)

_SUITE: Suite | None = None


def _init(suite_path: str | None) -> None:
    global _SUITE
    _SUITE = Suite.from_path(suite_path) if suite_path else bundled()


def _sample_chunk(chunk: list[Request]) -> list[Instance]:
    assert _SUITE is not None
    out = []
    for env_id, level, seed in chunk:
        inst = _SUITE.make(env_id).sample(level, seed)
        inst.image  # noqa: B018 - rasterise in the worker, where the time should go
        out.append(inst)
    return out


def sample_batch(
    requests: Sequence[Request],
    workers: int = 1,
    *,
    suite: str | Path | None = None,
    chunk: int = 16,
) -> list[Instance]:
    """Instances for (env_id, level, seed) requests, in request order. The result does not
    depend on `workers`: each instance is a pure function of its name."""
    reqs = list(requests)
    path = str(suite) if suite is not None else None
    if workers <= 1:
        _init(path)
        return _sample_chunk(reqs)
    chunks = [reqs[i : i + chunk] for i in range(0, len(reqs), chunk)]
    ctx = multiprocessing.get_context("spawn")  # no inherited state: same result on any OS
    with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init, initargs=(path,)) as pool:
        return [inst for part in pool.map(_sample_chunk, chunks) for inst in part]
