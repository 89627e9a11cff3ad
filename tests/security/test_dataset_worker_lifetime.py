"""Audit #12, finding 8: after SIGKILL of a `tron generate --workers 2` parent, no worker (nor
the multiprocessing resource tracker) lives on."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tron.integrations.manifest import manifest_path

SPECS = Path(__file__).resolve().parents[1] / "golden" / "specs"

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")


def stat(pid: int) -> tuple[str, int] | None:
    """(state, parent pid) of a process, None once it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return None
    fields = text.rsplit(")", 1)[1].split()  # the name in parentheses may hold spaces
    return fields[0], int(fields[1])


def children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (st := stat(int(entry.name))) and st[1] == pid:
            out.append(int(entry.name))
    return out


def running(pid: int) -> bool:
    st = stat(pid)
    return st is not None and st[0] not in "ZX"  # a zombie has exited; only its entry is left


def test_workers_die_with_a_killed_parent(tmp_path):
    out = tmp_path / "d"
    cmd = [sys.executable, "-m", "tron.cli", "generate", "--suite", str(SPECS), "--workers", "2"]
    cmd += ["-n", "100000", "--shard-size", "16", "--out", str(out)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    kids: list[int] = []
    try:
        deadline = time.monotonic() + 120
        manifest = manifest_path(out)
        while time.monotonic() < deadline and proc.poll() is None:
            # a shard written by the pool: both workers have started and run their initializer
            if manifest.is_file() and json.loads(manifest.read_text() or "{}").get("rows", 0) >= 32:
                break
            time.sleep(0.05)
        assert proc.poll() is None, "generate ended before it could be killed"
        kids = children(proc.pid)
        assert len(kids) >= 2, f"expected 2 workers (and a resource tracker), found {kids}"
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and any(running(k) for k in kids):
            time.sleep(0.1)
        survivors = [k for k in kids if running(k)]
        assert survivors == [], f"still running after the parent's death: {survivors}"
    finally:
        proc.kill()
        proc.wait()
        for k in kids:  # never leave a stray process behind, even when the test fails
            if running(k):
                os.kill(k, signal.SIGKILL)
