"""`where` bindings, spec-local `def` functions and the `const` table: they run, the table is
computed once per module, failures name their spec line, and the module stays safe."""

import shutil
from pathlib import Path

import pytest

import tron
from tests.security.test_compiler_literals import assert_safe_module
from tron.compiler.driver import compile_source
from tron.envs.env import EnvError

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden" / "language" / "counting" / "golden_locals.tron"


def suite(tmp_path: Path, text: str) -> tron.Suite:
    (tmp_path / "counting").mkdir(exist_ok=True)
    (tmp_path / "counting" / "golden_locals.tron").write_text(text, encoding="utf-8")
    return tron.load(tmp_path)


def test_locals_spec_samples_and_is_safe(tmp_path):
    text = GOLDEN.read_text(encoding="utf-8")
    assert_safe_module(compile_source(text, "tasks/counting/golden_locals.tron").code)
    env = suite(tmp_path, text).make("counting/golden_locals")
    for level in range(4):
        inst = env.sample(level, 7)
        vals, big = inst.meta["state"]["vals"], inst.meta["state"]["big"]
        assert inst.answer == "ABCDEF"[vals.index(max(vals) if big else min(vals))]
        assert ("largest" if big else "smallest") in inst.question
        assert ("smallest" if big else "largest") not in inst.question
        assert all(v in [i * i for i in range(1, 10)] for v in vals)
        assert inst.verify(f"\\boxed{{{inst.answer}}}") == 1.0


def test_const_table_is_computed_once_per_module(tmp_path):
    env = suite(tmp_path, GOLDEN.read_text(encoding="utf-8")).make("counting/golden_locals")
    table = env.module._K["SQUARES"]
    env.sample(0, 1)
    env.sample(3, 2)
    assert env.module._K["SQUARES"] is table


def test_a_failing_const_names_its_line(tmp_path):
    text = GOLDEN.read_text(encoding="utf-8").replace(
        "const SQUARES = [sq(i) for i in range(1, 10)]",
        "const SQUARES = [sq(i) for i in range(1, 10)]\nconst BAD = SQUARES[20]",
    )
    text = text.replace("param n = 3 + level", "param n = 3 + level + 0 * BAD")
    env = suite(tmp_path, text).make("counting/golden_locals")
    with pytest.raises(EnvError, match=r"golden_locals.tron:10: IndexError"):
        env.sample(0, 0)


def test_def_calls_spend_the_sample_budget(tmp_path, monkeypatch):
    from tron import limits

    monkeypatch.setattr(limits, "MAX_STEPS", 40)
    env = suite(tmp_path, GOLDEN.read_text(encoding="utf-8")).make("counting/golden_locals")
    with pytest.raises(EnvError, match="ResourceLimit: sample exceeds the limit of 40 steps"):
        env.sample(3, 0)


def test_where_binds_in_order_and_stays_local(tmp_path):
    text = GOLDEN.read_text(encoding="utf-8").replace(
        "complexity = n", "complexity = (a * b where a = n, b = a + 1)"
    )
    env = suite(tmp_path, text).make("counting/golden_locals")
    inst = env.sample(2, 0)
    assert inst.meta["complexity"] == 5 * 6
    shutil.rmtree(tmp_path / "counting")
