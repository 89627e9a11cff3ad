"""Export and scaling measurements for bench/run.py: rows of `tron generate` per CPU-second
(as it was: Pillow level 6 + SVG column; as it is: the project's encoder, with and without
SVG), and wall-clock scaling of `tron.sample_batch` and `tron generate` with 1 and 2
workers. Every comparison is interleaved over several rounds and the median kept, so a
shared machine's load falls on all variants alike."""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from typing import Any

import tron
from tron.integrations import dataset as ds
from tron.integrations.common import hf_image
from tron.integrations.formats import get_format
from tron.render.raster import png_bytes


def _rows_before(task: ds._Task) -> list[dict[str, Any]]:
    """What export did before: Pillow's encoder at level 6 and the SVG text in every row."""
    suite, fmt = ds.suite_at(task.suite), get_format(task.target)
    out = []
    for index, (env_id, level, seed) in task.rows:
        env = suite.make(env_id)
        inst = env.sample(ds.clamp_level(env, level), seed)
        out.append(fmt.row(inst, env.info, hf_image(png_bytes(inst.image, 6)), index))
    return out


def _interleaved(variants: dict[str, Callable[[], Any]], rounds: int, clock: Callable[[], float]):
    times: dict[str, list[float]] = {k: [] for k in variants}
    for _ in range(rounds):
        for name, fn in variants.items():
            t0 = clock()
            fn()
            times[name].append(clock() - t0)
    return {k: statistics.median(v) for k, v in times.items()}


def bench_export(env_ids: list[str], suite: str | None, n: int, rounds: int) -> dict[str, Any]:
    """CPU ms per exported `tron` row (parquet image struct), on one core."""
    reqs = tuple((i, ds.plan_row(i, env_ids, [0, 3, 6, 9], 50_000)) for i in range(n))

    def task(png_level: int, svg: bool) -> ds._Task:
        return ds._Task("tron", "parquet", reqs, "", suite, (), png_level, svg)

    _rows_before(task(6, True))  # warm: modules loaded, caches filled
    variants = {
        "before (Pillow 6 + SVG)": lambda: _rows_before(task(6, True)),
        "fast, no SVG (default)": lambda: ds._make_rows(task(1, False)),
        "fast + SVG": lambda: ds._make_rows(task(1, True)),
        "small, no SVG": lambda: ds._make_rows(task(6, False)),
    }
    med = _interleaved(variants, rounds, time.process_time)
    sizes = {
        "png_fast_bytes": statistics.mean(len(r["image"]["bytes"]) for r in ds._make_rows(task(1, False))),
        "png_small_bytes": statistics.mean(len(r["image"]["bytes"]) for r in ds._make_rows(task(6, False))),
        "png_pillow6_bytes": statistics.mean(len(r["image"]["bytes"]) for r in _rows_before(task(6, True))),
    }  # fmt: skip
    ms = {k: v / n * 1e3 for k, v in med.items()}
    base = ms["before (Pillow 6 + SVG)"]
    return {
        "rows": n,
        "ms_per_row": {k: round(v, 3) for k, v in ms.items()},
        "rows_per_cpu_s": {k: round(1e3 / v, 1) for k, v in ms.items()},
        "speedup": {k: round(base / v, 2) for k, v in ms.items()},
        **{k: round(v) for k, v in sizes.items()},
    }


def bench_scaling(env_ids: list[str], suite: str | None, n: int, rounds: int) -> dict[str, Any]:
    """Wall time of the same work with 1 and 2 workers, interleaved, medians: sample_batch
    (returned instances; and with every `.image` decoded in the parent) and `tron generate`
    into parquet shards."""
    src = tron.load(suite) if suite else tron.bundled()
    reqs = []
    for i in range(n):
        env_id = env_ids[i % len(env_ids)]
        lo, hi = src.make(env_id).info.levels
        reqs.append((env_id, lo + i % (hi - lo + 1), 10_000 + i))
    t0 = time.perf_counter()
    tron.sample_batch(reqs[:4], workers=2, suite=suite)  # start + warm the pool
    startup = time.perf_counter() - t0
    tron.sample_batch(reqs[: 2 * len(env_ids)], workers=2, suite=suite)
    tron.sample_batch(reqs[: len(env_ids)], workers=1, suite=suite)

    def batch(w: int, decode: bool) -> Callable[[], Any]:
        def run() -> None:
            got = tron.sample_batch(reqs, workers=w, suite=suite)
            if decode:
                for inst in got:
                    inst.image  # noqa: B018

        return run

    gen_n = n
    spec = ds.Spec(tuple(env_ids), (0, 3, 6, 9), gen_n, seed=7, shard_size=64, suite=suite)
    tmp = tempfile.mkdtemp(prefix="tron-bench-")
    runs = iter(range(10**6))

    def gen(w: int) -> Callable[[], Any]:
        return lambda: ds.generate(spec, os.path.join(tmp, f"r{next(runs)}"), workers=w, progress=False)  # fmt: skip

    med = _interleaved(
        {
            "batch_1": batch(1, False),
            "batch_2": batch(2, False),
            "batch_1_decoded": batch(1, True),
            "batch_2_decoded": batch(2, True),
            "generate_1": gen(1),
            "generate_2": gen(2),
        },
        rounds,
        time.perf_counter,
    )
    return {
        "instances": n,
        "generate_rows": gen_n,
        "rounds": rounds,
        "pool_startup_s": round(startup, 3),
        "wall_s": {k: round(v, 3) for k, v in med.items()},
        "batch_scaling": round(med["batch_1"] / med["batch_2"], 2),
        "batch_scaling_decoded": round(med["batch_1_decoded"] / med["batch_2_decoded"], 2),
        "generate_scaling": round(med["generate_1"] / med["generate_2"], 2),
        "generate_rows_per_s_1": round(gen_n / med["generate_1"], 1),
        "generate_rows_per_s_2": round(gen_n / med["generate_2"], 1),
        "cpus": os.cpu_count(),
    }
