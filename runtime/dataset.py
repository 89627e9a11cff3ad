"""Dataset export: rows of serialized instances (JSONL with PNG files beside them)."""

from __future__ import annotations

import json
from pathlib import Path

from tqdm import tqdm

from tron.raster import png_bytes
from tron.suite import Suite


def plan(env_ids: list[str], levels: list[int], n: int, seed: int) -> list[tuple[str, int, int]]:
    """Which (env, level, seed) each of the n rows holds: round-robin, so any prefix is mixed."""
    if not env_ids:
        raise ValueError("no environments selected")
    rows = []
    for i in range(n):
        env_id = env_ids[i % len(env_ids)]
        level = levels[(i // len(env_ids)) % len(levels)]
        rows.append((env_id, level, seed + i))
    return rows


def write_jsonl(
    suite: Suite, env_ids: list[str], levels: list[int], n: int, seed: int, out: Path
) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    (out / "images").mkdir(exist_ok=True)
    path = out / "data.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for env_id, level, s in tqdm(plan(env_ids, levels, n, seed), desc="generate", unit="row"):
            env = suite.make(env_id)
            lo, hi = env.info.levels
            inst = env.sample(min(max(level, lo), hi), s)
            name = inst.id.replace("/", "_").replace("@", "_") + ".png"
            (out / "images" / name).write_bytes(png_bytes(inst.image, compress_level=1))
            row = inst.to_dict()
            row["image"] = f"images/{name}"
            f.write(json.dumps(row, sort_keys=True) + "\n")
    return path
