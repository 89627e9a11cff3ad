"""Share of distinct images over N seeds per level, for every environment (or those named).

The image is represented by the SHA-256 of `inst.svg`: the raster is drawn from the same scene,
so equal SVG text means an equal picture; distinct SVG text almost always means a distinct
picture (a sub-pixel coordinate change could in principle rasterise the same).
Usage: python bench/diversity.py [--n 200] [--levels 0,3,9] [--suite DIR] [ENV_ID ...] > out.tsv"""

from __future__ import annotations

import argparse
import hashlib
import sys

import tron


def share(suite: tron.Suite, env_id: str, level: int, n: int) -> float:
    env = suite.make(env_id)
    seen = {hashlib.sha256(env.sample(level, seed).svg.encode()).digest() for seed in range(n)}
    return len(seen) / n


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--levels", default="")
    ap.add_argument("--suite", default="", help="folder of specs (default: the bundled suite)")
    ap.add_argument("envs", nargs="*")
    args = ap.parse_args()
    suite = tron.load(args.suite) if args.suite else tron.loading.bundled()
    for env_id in args.envs or suite.list_envs():
        lo, hi = suite.make(env_id).info.levels
        levels = [int(x) for x in args.levels.split(",")] if args.levels else range(lo, hi + 1)
        row = [f"{share(suite, env_id, lv, args.n):.2f}" for lv in levels if lo <= lv <= hi]
        print(env_id, *row, sep="\t", flush=True)


if __name__ == "__main__":
    sys.exit(main())
