"""Hostile strings in every string position compile to modules that do only what the spec says
and render as escaped text."""

import ast
import random
from pathlib import Path

import pytest

from tron.compiler.diagnostics import SpecError
from tron.compiler.driver import compile_source, compile_spec
from tron.envs.env import Env, EnvError
from tron.envs.suite import load_module

HOSTILE = [
    '"',
    "'''",
    '"""',
    "\\",
    "a\nb",
    "__import__('os').system('echo pwned')",
    "{}",
    "{0.__class__}",
    "<script>alert(1)</script>",
    "]]>",
    "&amp; <!-- -->",
    "'); import os; ('",
]


def spec_string(value: str) -> str:
    """Write value as a .tron string literal."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def brace_safe(value: str) -> str:
    """In question templates a literal brace is written doubled."""
    return value.replace("{", "{{").replace("}", "}}")


def hostile_spec(h: str) -> str:
    s = spec_string(h)
    return f"""env counting/hostile
title {s}
description {spec_string(h.replace(chr(10), " "))}
bucket counting
levels 0 to 2
version 1
tags {s}, "x"
param word = {s}
param labels = ["picked", "other"]
require word == {s} as {s}
draw text(word, 256, 256, 16) key {s}
question {spec_string(brace_safe(h))} | "Q {{word}} {brace_safe(s)[1:-1]}"
answer label(labels) = "picked" if word == {s} else "other"
check word != "" as {s}
"""


ALLOWED_ATTR_BASES = {"_rt", "_p", "_tries", "_rng", "_checks", "_layouts_off"}
ALLOWED_NAMES_CALLED = {"enumerate", "bool", "str"}


def assert_only_runtime(code: str) -> None:
    tree = ast.parse(code)
    # A spec's own `def` functions: f_<name>, defined at the top of this very module.
    local = {
        n.name for n in tree.body if isinstance(n, ast.FunctionDef) and n.name.startswith("f_")
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            assert isinstance(node, ast.ImportFrom) and node.module in ("tron", "tron.envs")
            assert {a.name for a in node.names} <= {"program", "stdlib"}
        if isinstance(node, ast.Attribute):
            base = node.value
            ok = isinstance(base, ast.Name) and base.id in ALLOWED_ATTR_BASES
            ok = ok or (isinstance(base, ast.Constant) and base.value == "" and node.attr == "join")
            assert ok, ast.unparse(node)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            assert node.func.id in ALLOWED_NAMES_CALLED | local, ast.unparse(node)
        if isinstance(node, ast.Name):
            assert not node.id.startswith("__"), node.id


@pytest.mark.parametrize("h", HOSTILE)
def test_hostile_strings_stay_data(h, tmp_path):
    code = compile_source(hostile_spec(h), "tasks/counting/hostile.tron").code
    assert_only_runtime(code)
    path = tmp_path / "hostile.py"
    path.write_text(code, encoding="utf-8")
    env = Env(load_module(path, f"hostile_{abs(hash(h))}"))
    assert env.info.title == h
    inst = env.sample(1, 0, theme="clean")
    assert inst.answer == "picked" and inst.meta["state"]["word"] == h
    assert inst.verify("\\boxed{other}") == 0.0 and inst.verify("\\boxed{picked}") == 1.0
    assert h in inst.question or "Q " in inst.question
    for raw in ("<script>", "]]>", "<!--"):
        assert raw not in inst.svg
    assert inst.image.size == (512, 512)


def test_hostile_placeholder_is_a_spec_error():
    spec = hostile_spec("x").replace('question "x"', 'question "{0.__class__}"')
    with pytest.raises(SpecError) as info:
        compile_source(spec, "tasks/counting/hostile.tron")
    assert "malformed placeholder" in info.value.render()


def test_generated_module_never_touches_global_random(tmp_path):
    code = compile_source(hostile_spec("x"), "tasks/counting/hostile.tron").code
    assert "import random" not in code
    path = tmp_path / "m.py"
    path.write_text(code, encoding="utf-8")
    env = Env(load_module(path, "hostile_rng"))
    state = random.getstate()
    env.sample(0, 1)
    assert random.getstate() == state


def test_unanswerable_label_is_a_located_error(tmp_path):
    spec = hostile_spec("x").replace('["picked", "other"]', '["a}b", "other"]')
    spec = spec.replace('"picked" if', '"a}b" if')
    path = tmp_path / "m.py"
    path.write_text(compile_source(spec, "tasks/counting/hostile.tron").code, encoding="utf-8")
    env = Env(load_module(path, "hostile_label"))
    with pytest.raises(EnvError, match=r"hostile.tron:13: ValueError: label"):
        env.sample(0, 0)


def test_every_bundled_spec_compiles_to_runtime_only_code():
    from tron.compiler.driver import find_specs, read_spec

    root = Path(__file__).resolve().parents[2]
    specs = find_specs([root / "tasks"])
    assert specs
    for spec in specs:
        rel = spec.relative_to(root).as_posix()
        for c in compile_spec(read_spec(spec), rel):  # every question family's module
            assert_only_runtime(c.code)
