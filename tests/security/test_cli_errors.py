"""Audit #12, finding 11: every `tron` CLI failure is one line on stderr naming the file (or the
argument) and the problem; exit status 2 for bad input, 1 for a failing machine (full disk).
Only a bug in tron itself may still show a traceback."""

import contextlib
import errno
import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

import tron.dataset
from tron.cli import main
from tron.integrations.manifest import manifest_path

SPECS = Path(__file__).resolve().parents[1] / "golden" / "specs"
ENV = "counting/golden_colours"
EVAL = ["eval", "--base-url", "http://127.0.0.1:9/v1", "--model", "m", "--suite", str(SPECS)]
EVAL += ["--retries", "0", "--timeout", "1"]  # never a slow run should a check regress


@contextlib.contextmanager
def memory_cap(extra: int = 1 << 30):
    """Caps this process's address space at its current size + `extra`, so a regression that
    builds a list of a billion levels fails with MemoryError instead of exhausting the shared
    machine's memory."""
    resource = pytest.importorskip("resource")
    status = Path("/proc/self/status")
    if not status.exists():
        yield
        return
    vm_kb = next(ln for ln in status.read_text().splitlines() if ln.startswith("VmSize:"))
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (int(vm_kb.split()[1]) * 1024 + extra, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def generate_args(out: Path, *extra: str) -> list[str]:
    return ["generate", "--suite", str(SPECS), "--env", ENV, "-n", "2", "-o", str(out), *extra]


def fails(capsys, argv: list[str], code: int, *names: str) -> str:
    """Run the CLI; assert the exit status and a single stderr line naming `names`."""
    assert main(argv) == code
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    for name in names:
        assert name in lines[0], lines[0]
    return lines[0]


def test_spec_error(tmp_path, capsys):
    (tmp_path / "x.tron").write_text('env counting/x\ntitle "x"\nbucket nope\n')
    line = fails(capsys, ["generate", "--suite", str(tmp_path), "-o", str(tmp_path / "d")], 2)
    assert "x.tron:1:1: error:" in line and "more" in line


def test_sampling_error(tmp_path, capsys):
    spec = (SPECS / "diagram" / "golden_choice.tron").read_text()
    broken = spec.replace("require unique_max([p.x for p in pts])", "require n > 100")
    assert broken != spec
    (tmp_path / "diagram").mkdir()
    (tmp_path / "diagram" / "golden_choice.tron").write_text(broken)
    argv = ["generate", "--suite", str(tmp_path), "-n", "1", "-o", str(tmp_path / "d")]
    line = fails(capsys, argv, 2, "golden_choice.tron")
    assert "sampling failed" in line


def test_full_disk_simulated(tmp_path, capsys, monkeypatch):
    def no_space(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(tron.dataset.os, "fsync", no_space)
    out = tmp_path / "d"
    fails(capsys, generate_args(out), 1, "No space left on device", str(manifest_path(out)))
    assert not list(out.glob(".*.tmp"))  # the partial file is not left to fill the disk


@pytest.fixture
def tiny_tmpfs(tmp_path):
    mnt = tmp_path / "tiny"
    mnt.mkdir()
    if not shutil.which("mount") or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    r = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mnt)], capture_output=True
    )
    if r.returncode != 0:
        pytest.skip(f"mount not permitted here: {r.stderr.decode().strip()}")
    yield mnt
    subprocess.run(["umount", "-l", str(mnt)], check=False)


def test_full_disk_real(tiny_tmpfs, capsys):
    out = tiny_tmpfs / "d"
    argv = ["generate", "--suite", str(SPECS), "-n", "60", "--shard-size", "20", "-o", str(out)]
    fails(capsys, argv, 1, "No space left on device", str(out))
    assert not list(out.glob(".*.tmp"))


def test_huge_level_range_is_refused_at_once(tmp_path, capsys):
    start = time.monotonic()
    with memory_cap():
        argv = generate_args(tmp_path, "--levels", "0-1000000000")
        fails(capsys, argv, 2, "--levels", "0..1000")
    assert time.monotonic() - start < 5  # refused before any list of a billion levels is built


@pytest.mark.parametrize(
    ("argv", "names"),
    [
        ([*EVAL, "-n", "1e8"], ["-n", "1e8"]),
        ([*EVAL, "-n", "100000000"], ["-n", "100000000"]),
        ([*EVAL, "--levels", "3-99999999999"], ["--levels"]),
        ([*EVAL, "--timeout", "nan"], ["--timeout"]),
        (["generate", "-n", "-5"], ["-n", "-5"]),
        (["generate", "--workers", "0"], ["--workers"]),
        (["generate", "--shard-size", "0"], ["--shard-size"]),
        (["generate", "--seed", str(2**70)], ["--seed"]),
        (["generate", "--bogus"], ["--bogus"]),
    ],
)
def test_bad_arguments_are_one_line(capsys, argv, names):
    with memory_cap():  # -n 100000000 would otherwise plan 10**8 items
        fails(capsys, argv, 2, *names)


@pytest.mark.parametrize(("text", "problem"), [("[]", "JSON object"), ('{"args": ', "not valid")])
def test_bad_manifest_is_named(tmp_path, capsys, text, problem):
    (tmp_path / "manifest.json").write_text(text)
    fails(capsys, generate_args(tmp_path), 2, str(tmp_path / "manifest.json"), problem)


def test_out_naming_an_existing_file(tmp_path, capsys):
    f = tmp_path / "afile"
    f.write_text("mine")
    fails(capsys, generate_args(f), 2, str(f), "is a file")
    fails(capsys, [*EVAL, "--env", ENV, "-o", str(f)], 2, str(f), "is a file")
    assert f.read_text() == "mine"


@pytest.mark.parametrize(
    ("text", "problem"), [("{bad", "not a readable eval config"), ("[]", "not an eval config")]
)
def test_corrupt_eval_config_is_named(tmp_path, capsys, text, problem):
    (tmp_path / "config.json").write_text(text)
    fails(capsys, [*EVAL, "--env", ENV, "-o", str(tmp_path)], 2, "config.json", problem)


def test_corrupt_compiled_suite_manifest_is_named(tmp_path, capsys):
    (tmp_path / "manifest.json").write_text("{")
    argv = ["generate", "--suite", str(tmp_path), "-o", str(tmp_path / "d")]
    fails(capsys, argv, 2, str(tmp_path / "manifest.json"))


def test_resume_problem_is_one_line(tmp_path, capsys):
    assert main(generate_args(tmp_path)) == 0
    m = json.loads(manifest_path(tmp_path).read_text())
    m["shards"][0]["file"] = "../../../../../etc/hostname"
    manifest_path(tmp_path).write_text(json.dumps(m))
    capsys.readouterr()
    fails(capsys, generate_args(tmp_path), 2, "manifest.json", "etc/hostname")


def test_a_bug_in_tron_keeps_its_traceback(tmp_path, monkeypatch):
    def bug(*a, **k):
        raise ZeroDivisionError("a bug, not the user's mistake")

    monkeypatch.setattr(tron.dataset, "generate", bug)
    with pytest.raises(ZeroDivisionError):
        main(generate_args(tmp_path))
