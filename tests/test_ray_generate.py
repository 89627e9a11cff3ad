"""`tron generate --ray` on a real local Ray cluster: the same files as local generation, also
when a worker process is killed in the middle of the job."""

import os
import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest

from tron.integrations.dataset import Spec, generate, load_manifest

ray = pytest.importorskip("ray")
SPECS = str(Path(__file__).resolve().parent / "golden" / "specs")


def spec(n: int = 48) -> Spec:
    return Spec(
        env_ids=("counting/golden_colours", "diagram/golden_choice"),
        levels=tuple(range(4)),
        n=n,
        seed=5,
        target="tron",
        file_format="parquet",
        shard_size=8,
        split="train",
        suite=SPECS,
    )


def files(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.glob("train-*"))}


@pytest.fixture(scope="module")
def cluster():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def ray_task_pids() -> list[int]:
    """Worker processes currently running one of our tasks (Ray titles them ray::_call)."""
    out = subprocess.run(["pgrep", "-f", "ray::_call"], capture_output=True, text=True)
    return [int(p) for p in out.stdout.split()]


def test_ray_output_equals_local_output(cluster, tmp_path):
    generate(spec(), tmp_path / "local", workers=1, progress=False)
    generate(spec(), tmp_path / "ray", use_ray=True, progress=False)
    assert files(tmp_path / "ray") == files(tmp_path / "local")
    assert load_manifest(tmp_path / "ray")["complete"] is True


def test_killed_worker_loses_and_duplicates_nothing(cluster, tmp_path):
    generate(spec(96), tmp_path / "local", workers=1, progress=False)
    killed: list[int] = []

    def killer() -> None:
        deadline = time.time() + 60
        while time.time() < deadline and not killed:
            for pid in ray_task_pids():
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)
                break
            time.sleep(0.01)

    t = threading.Thread(target=killer)
    t.start()
    manifest = generate(spec(96), tmp_path / "ray", use_ray=True, progress=False)
    t.join()
    assert killed, "no Ray worker was caught running a task"
    assert manifest["complete"] and manifest["rows"] == 96
    assert files(tmp_path / "ray") == files(tmp_path / "local")
