"""Throughput of `tron generate --ray` with 1 and 2 Ray workers, side by side in one run.

    python bench/ray_scaling.py [-n ROWS] [--envs ID ...]

Each measurement runs in a fresh process with a local Ray cluster of that many CPUs; the
time excludes cluster start-up (a warm-up chunk runs first)."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile

CHILD = r"""
import json, sys, tempfile, time
import ray
import tron
from tron.integrations.dataset import Spec, generate
cpus, n, envs = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3].split(",")
ray.init(num_cpus=cpus, include_dashboard=False, log_to_driver=False)
def run(rows, out):
    spec = Spec(env_ids=tuple(envs), levels=tuple(range(10)), n=rows, seed=1, target="tron",
                file_format="parquet", shard_size=64, split="train", suite=None)
    t = time.perf_counter()
    generate(spec, out, use_ray=True, progress=False)
    return time.perf_counter() - t
with tempfile.TemporaryDirectory() as d:
    run(2 * cpus * 16, d + "/warm")
    secs = run(n, d + "/timed")
print(json.dumps({"cpus": cpus, "rows": n, "seconds": secs, "rows_per_s": n / secs}))
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("-n", type=int, default=1024)
    ap.add_argument("--envs", nargs="*")
    args = ap.parse_args()
    import tron

    envs = args.envs or tron.list_envs()[::8]
    results = []
    for cpus in (1, 2):
        with tempfile.TemporaryDirectory():
            out = subprocess.run(
                [sys.executable, "-c", CHILD, str(cpus), str(args.n), ",".join(envs)],
                capture_output=True,
                text=True,
                check=True,
            )
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    speedup = results[1]["rows_per_s"] / results[0]["rows_per_s"]
    print(json.dumps({"results": results, "speedup_2_vs_1": round(speedup, 2)}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
