"""The tronc command line, run as a user runs it."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden"


def tronc(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tron.compiler.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_help_and_version():
    assert "compile" in tronc("--help").stdout
    out = tronc("--version").stdout
    assert out.startswith("tronc ")


def test_check_reports_located_errors_and_exit_1():
    proc = tronc("check", "tests/golden/errors/counting/many_mistakes.tron")
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert "many_mistakes.tron:11:15: error: unknown function 'scater'" in proc.stderr
    assert "    param spots = scater(n, 26)\n                  ^~~~~~" in proc.stderr
    assert proc.stderr.rstrip().endswith("errors")


def test_check_missing_path_is_a_clear_error():
    proc = tronc("check", "no/such/dir")
    assert proc.returncode == 2 and "no such file or folder" in proc.stderr


def test_compile_is_incremental(tmp_path):
    out = tmp_path / "build"
    first = tronc("compile", "tests/golden/specs", "-o", str(out))
    assert first.returncode == 0, first.stderr
    assert "2 module(s) written" in first.stdout
    assert (out / "manifest.json").exists()
    second = tronc("compile", "tests/golden/specs", "-o", str(out))
    assert "0 module(s) written, 2 unchanged" in second.stdout


def test_show_prints_the_generated_module():
    proc = tronc("show", "tests/golden/specs/diagram/golden_choice.tron")
    assert proc.returncode == 0
    expected = (GOLDEN / "expected" / "golden_choice.py").read_text(encoding="utf-8")
    assert proc.stdout == expected


def test_new_writes_a_skeleton_that_compiles(tmp_path):
    proc = tronc("new", "counting/count_dots", "--tasks", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    spec = tmp_path / "counting" / "count_dots.tron"
    assert spec.exists()
    assert tronc("check", str(spec)).returncode == 0
    again = tronc("new", "counting/count_dots", "--tasks", str(tmp_path))
    assert again.returncode == 2 and "already exists" in again.stderr
    bad = tronc("new", "nobucket/x", "--tasks", str(tmp_path))
    assert bad.returncode == 2


def test_a_compiler_bug_is_an_internal_error_not_a_spec_error(monkeypatch, capsys):
    import pytest

    from tron.compiler import cli, driver
    from tron.compiler.diagnostics import InternalCompilerError, SpecError

    def broken(_checked):
        raise KeyError("oops")

    monkeypatch.setattr(driver, "generate_module", broken)
    spec = GOLDEN / "specs" / "diagram" / "golden_choice.tron"
    with pytest.raises(InternalCompilerError) as info:
        driver.compile_source(spec.read_text(encoding="utf-8"), "diagram/golden_choice.tron")
    assert not isinstance(info.value, SpecError)
    assert cli.main(["show", str(spec)]) == 3
    assert "internal compiler error" in capsys.readouterr().err


def test_duplicate_environment_ids_are_reported(tmp_path):
    src = (GOLDEN / "specs" / "counting" / "golden_colours.tron").read_text(encoding="utf-8")
    for folder in ("a", "b"):
        (tmp_path / folder / "counting").mkdir(parents=True)
        (tmp_path / folder / "counting" / "golden_colours.tron").write_text(src, encoding="utf-8")
    proc = tronc("check", str(tmp_path / "a"), str(tmp_path / "b"))
    assert proc.returncode == 1
    assert "duplicate environment id 'counting/golden_colours'" in proc.stderr
    assert "also declared in" in proc.stderr
