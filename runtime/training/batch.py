"""Sampling many instances across worker processes, identical to serial sampling."""

from __future__ import annotations

import atexit
import multiprocessing
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from tron.envs.env import Instance
from tron.envs.suite import Suite
from tron.loading import bundled, load_suite

Request = tuple[str, int, int]  # (env_id, level, seed)

_SUITE: Suite | None = None
# Worker pools kept between calls: starting a process and importing the suite costs about a
# second, more than a typical training step's batch takes to draw.
_POOLS: dict[tuple[int, str | None], ProcessPoolExecutor] = {}


def _init(suite_path: str | None) -> None:
    global _SUITE
    _SUITE = load_suite(suite_path) if suite_path else bundled()


def _sample_chunk(chunk: list[Request], carry: bool = False) -> list[Instance]:
    """Sample and rasterise; with `carry` (in a worker) keep the picture as fast PNG bytes:
    pickling 0.8 MB of pixels and rebuilding them in the parent cost more than drawing them,
    and the parent is one more process on the same cores. `inst.png_bytes()` is then free and
    `inst.image` is decoded on first use (lossless: the same pixels)."""
    assert _SUITE is not None
    out = []
    for env_id, level, seed in chunk:
        inst = _SUITE.make(env_id).sample(level, seed)
        if carry:
            inst.carry_png()
        else:
            inst.image  # noqa: B018 - rasterised here, as the caller expects
        out.append(inst)
    return out


def _carried_chunk(chunk: list[Request]) -> list[Instance]:
    return _sample_chunk(chunk, carry=True)


def _pool(workers: int, path: str | None) -> ProcessPoolExecutor:
    key = (workers, path)
    if key not in _POOLS:
        ctx = multiprocessing.get_context("spawn")  # no inherited state: same result on any OS
        _POOLS[key] = ProcessPoolExecutor(
            workers, mp_context=ctx, initializer=_init, initargs=(path,)
        )
    return _POOLS[key]


@atexit.register
def shutdown_pools() -> None:
    """Stop the worker processes kept by sample_batch (they also stop when Python exits)."""
    while _POOLS:
        _POOLS.popitem()[1].shutdown(cancel_futures=True)


def sample_batch(
    requests: Sequence[Request],
    workers: int = 1,
    *,
    suite: str | Path | None = None,
    chunk: int = 16,
) -> list[Instance]:
    """Instances for (env_id, level, seed) requests, in request order, rasterised. The result
    does not depend on `workers`: each instance is a pure function of its name. With
    workers > 1 the worker processes are kept for the next call (see shutdown_pools), and
    each picture comes back as PNG bytes (`inst.png_bytes()` costs nothing; `inst.image` is
    decoded from them on first use, the same pixels)."""
    reqs = list(requests)
    path = str(suite) if suite is not None else None
    if workers <= 1:
        _init(path)
        return _sample_chunk(reqs)
    chunks = [reqs[i : i + chunk] for i in range(0, len(reqs), chunk)]
    pool = _pool(workers, path)
    try:
        return [inst for part in pool.map(_carried_chunk, chunks) for inst in part]
    except (BrokenProcessPool, KeyboardInterrupt):
        # A broken or interrupted pool is not reused; a spec's error leaves it intact.
        _POOLS.pop((workers, path), None)
        pool.shutdown(wait=False, cancel_futures=True)
        raise
