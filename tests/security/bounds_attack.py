"""Run an attack spec in a child process under a memory cap and a timeout, and return what
sampling it reported. Shared by the tests/security/test_bounds_*.py files."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

HEADER = """\
env counting/attack
title "attack"
description "a spec that passes tronc check but asks for too much"
bucket counting
levels 0 to 0
version 1
canvas 512 x 512
"""

CHILD = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
import tron
from tron import limits
limits.MAX_SECONDS = float(sys.argv[3])
env = tron.load(sys.argv[1]).make("counting/attack")
try:
    inst = env.sample(0, 0, theme=sys.argv[2])
    inst.svg
    print("NO ERROR")
except tron.envs.env.EnvError as exc:
    print("ENVERROR", exc)
"""


def spec_line(body: str, needle: str) -> int:
    """The line number of the first line containing `needle` in HEADER + body."""
    for i, line in enumerate((HEADER + textwrap.dedent(body)).splitlines(), 1):
        if needle in line:
            return i
    raise AssertionError(f"{needle!r} not in the spec")


def attack(
    tmp_path: Path, body: str, theme: str = "clean", seconds: float = 10.0, timeout: float = 60
) -> tuple[str, float]:
    """Sample the spec HEADER + body; returns the child's report and its wall time."""
    folder = tmp_path / "counting"
    folder.mkdir()
    (folder / "attack.tron").write_text(HEADER + textwrap.dedent(body), encoding="utf-8")
    t0 = time.monotonic()
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path), theme, str(seconds)],
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    elapsed = time.monotonic() - t0
    assert out.returncode == 0, out.stderr[-2000:]
    return out.stdout.strip(), elapsed


def expect_limit(report: str, line: int, text: str, kind: str = "ResourceLimit") -> None:
    """The report is an EnvError naming attack.tron, the spec line, the kind and the text."""
    assert report.startswith("ENVERROR "), report
    assert f"attack.tron:{line}: {kind}: " in report, report
    assert text in report, report
    assert "Traceback" not in report


def tail(*names: str) -> str:
    """Question, answer and a complexity that uses `names` (an unused parameter is an error)."""
    uses = " and ".join(f"{n} == {n}" for n in names) or "true"
    return f'question "How many?"\nanswer integer = 1\ncomplexity = 1 if {uses} else 0\n'
