"""Lint, format and types are part of the test command: a violation fails the suite."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "cmd",
    [["ruff", "check", "."], ["ruff", "format", "--check", "."], ["mypy"]],
    ids=["ruff-check", "ruff-format", "mypy"],
)
def test_tool_passes(cmd):
    proc = subprocess.run(
        [sys.executable, "-m", *cmd], cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


MAX_SPEC_LINE = 120


def long_lines(text: str) -> list[int]:
    return [i for i, line in enumerate(text.splitlines(), 1) if len(line) > MAX_SPEC_LINE]


def test_the_line_rule_sees_a_long_line():
    assert long_lines("short\n" + "x" * (MAX_SPEC_LINE + 1) + "\n" + "y" * MAX_SPEC_LINE) == [2]


def test_no_spec_line_over_120_characters():
    """Long questions are adjacent strings, long expressions span lines (dsl/REFERENCE.md)."""
    found = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in sorted((ROOT / "tasks").rglob("*.tron"))
        for n in long_lines(path.read_text(encoding="utf-8"))
    ]
    assert not found, "lines over 120 characters: " + ", ".join(found[:20])
