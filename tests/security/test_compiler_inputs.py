"""Audit #12, items 10, 11 and 12 (tronc new): spec paths that are not regular files, huge
files, and every tronc failure as one line with the right exit status, never a traceback.
Anything that could hang or fill memory runs in a subprocess under a timeout and a memory cap."""

import os
import resource
import subprocess
import sys
import tempfile
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tron.compiler import cli, driver
from tron.compiler.cli import SKELETON
from tron.compiler.diagnostics import InputError, SpecError
from tron.compiler.limits import MAX_SPEC_BYTES

GOOD = SKELETON.format(env_id="counting/good", title="Good", bucket="counting")


def limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def run(args: list[str], cwd: Path, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TRON_CACHE": str(cwd / "cache")}
    return subprocess.run(
        args,
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=limit_memory,
        check=False,
    )


def tronc(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return run([sys.executable, "-m", "tron.compiler.cli", *args], cwd)


def one_line_error(proc: subprocess.CompletedProcess[str], *fragments: str) -> None:
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("tronc: error: "), proc.stderr
    for f in fragments:
        assert f in lines[0], lines[0]


@pytest.fixture
def tasks(tmp_path: Path) -> Path:
    (tmp_path / "tasks" / "counting").mkdir(parents=True)
    (tmp_path / "tasks" / "counting" / "good.tron").write_text(GOOD, encoding="utf-8")
    return tmp_path / "tasks"


def load(path: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    script = "import sys, tron\nprint(tron.load(sys.argv[1]).list_envs())\n"
    return run([sys.executable, "-c", script, str(path)], cwd)


def test_folder_named_like_a_spec_is_walked_not_read(tasks):
    (tasks / "counting" / "odd.tron").mkdir()
    proc = tronc("check", "tasks", cwd=tasks.parent)
    assert proc.returncode == 0 and "1 spec(s) OK" in proc.stdout, proc.stderr
    assert "counting/good" in load(tasks, tasks.parent).stdout
    assert tronc("check", "tasks/counting/odd.tron", cwd=tasks.parent).returncode == 0


def test_dangling_symlink_is_named(tasks):
    (tasks / "counting" / "gone.tron").symlink_to(tasks / "nowhere.tron")
    one_line_error(tronc("check", "tasks", cwd=tasks.parent), "gone.tron", "dangling")
    proc = load(tasks, tasks.parent)
    assert proc.returncode != 0 and "InputError" in proc.stderr and "dangling" in proc.stderr
    with pytest.raises(InputError, match="dangling"):
        driver.find_specs([tasks]) and driver.read_spec(tasks / "counting" / "gone.tron")


def test_symlink_loop_is_named(tasks):
    loop = tasks / "counting" / "loop.tron"
    loop.symlink_to(loop)
    one_line_error(tronc("check", str(loop), cwd=tasks.parent), "loop.tron")


def test_fifo_never_hangs(tasks):
    fifo = tasks / "counting" / "pipe.tron"
    os.mkfifo(fifo)
    one_line_error(tronc("check", "tasks", cwd=tasks.parent), "pipe.tron", "FIFO")
    one_line_error(tronc("show", str(fifo), cwd=tasks.parent), "pipe.tron", "FIFO")
    proc = load(fifo, tasks.parent)
    assert proc.returncode != 0 and "FIFO" in proc.stderr


def test_link_to_dev_zero_is_refused(tasks):
    (tasks / "counting" / "zero.tron").symlink_to("/dev/zero")
    one_line_error(tronc("check", "tasks", cwd=tasks.parent), "zero.tron", "character device")
    proc = load(tasks / "counting" / "zero.tron", tasks.parent)
    assert proc.returncode != 0 and "character device" in proc.stderr


def test_huge_spec_is_a_located_error_read_in_bounded_memory(tasks):
    big = tasks / "counting" / "big.tron"
    with big.open("wb") as f:
        f.write(b"# " + b"x" * (16 << 20) + b"\n")
    proc = tronc("check", str(big), cwd=tasks.parent)
    assert proc.returncode == 1, proc.stderr
    assert f"big.tron:1:1: error: spec is larger than {MAX_SPEC_BYTES} bytes" in proc.stderr
    tracemalloc.start()
    try:
        with pytest.raises(SpecError):
            driver.read_spec(big)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 4 * MAX_SPEC_BYTES, peak  # read cap+1 bytes, never the whole file


def test_spec_at_the_size_cap_is_read(tmp_path):
    spec = tmp_path / "a.tron"
    spec.write_bytes(b"#" * (MAX_SPEC_BYTES - 1) + b"\n")
    assert len(driver.read_spec(spec)) == MAX_SPEC_BYTES


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_spec_is_one_line(tasks):
    spec = tasks / "counting" / "good.tron"
    spec.chmod(0)
    one_line_error(tronc("check", str(spec), cwd=tasks.parent), "good.tron", "permission")


def test_output_path_that_is_a_file(tasks):
    (tasks.parent / "out").write_text("keep me", encoding="utf-8")
    proc = tronc("compile", "tasks", "-o", "out", cwd=tasks.parent)
    one_line_error(proc, "out", "not a folder")
    assert (tasks.parent / "out").read_text(encoding="utf-8") == "keep me"
    proc = tronc("compile", "tasks", "-o", "out/sub", cwd=tasks.parent)
    one_line_error(proc, "out")


def test_missing_path_and_folder_for_show(tasks):
    one_line_error(tronc("check", "no/such/dir", cwd=tasks.parent), "no/such/dir", "no such")
    one_line_error(tronc("show", "tasks", cwd=tasks.parent), "tasks", "folder")


def test_unexpected_failure_is_an_internal_error_not_a_traceback(monkeypatch, capsys):
    def broken(_paths):
        raise RuntimeError("boom")

    monkeypatch.setattr(driver, "find_specs", broken)
    assert cli.main(["check", "tasks"]) == 3
    err = capsys.readouterr().err
    assert "internal compiler error" in err and "RuntimeError: boom" in err
    assert "Traceback" not in err


# ---- item 12: tronc new accepts exactly the ids the grammar accepts


@pytest.mark.parametrize(
    "name", ["counting/\uff43ount", "counting/Count", "counting/c-x", "counting/1x", "counting/"]
)
def test_new_refuses_what_check_would_reject(name, tmp_path, capsys):
    assert cli.main(["new", name, "--tasks", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "lower_snake_case" in err
    assert not any(tmp_path.rglob("*.tron"))


names = st.text(alphabet=st.sampled_from("abcz09_\uff43\u0131\u017f/A-é"), min_size=1, max_size=8)


@given(stem=names)
def test_every_name_new_accepts_checks(stem):
    with tempfile.TemporaryDirectory() as tmp:
        code = cli.new_spec(f"counting/{stem}", Path(tmp))
        written = list(Path(tmp).rglob("*.tron"))
        if code != 0:
            assert not written
            return
        (spec,) = written
        rel = spec.relative_to(tmp).as_posix()
        assert driver.compile_source(driver.read_spec(spec), f"tasks/{rel}").env_id


def test_manifest_cannot_name_a_module_outside_its_folder(tasks, tmp_path):
    import json

    from tron.loading import load_suite

    out = tmp_path / "build"
    driver.compile_dir([tasks], out)
    assert load_suite(out).list_envs() == ["counting/good"]
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    manifest["envs"][0]["module"] = "../evil.py"
    (out / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(ValueError, match="names a module"):
        load_suite(out)
