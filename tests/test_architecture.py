"""The layout's import rules (docs/architecture.md), read from every module's import
statements, including imports inside functions: the environment runtime never imports the
compiler, the quality tools, the training helpers or the integrations."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# stage -> the stages it may import (besides itself and tron._version)
ALLOWED = {
    "render": set(),
    "answers": set(),
    "stdlib": {"render"},
    "envs": {"render", "answers", "stdlib"},
    "training": {"envs", "answers", "render", "loading"},
    "integrations": {"envs", "answers", "render", "training", "loading"},
    "quality": {"envs", "answers", "render", "stdlib", "loading", "integrations"},
    "loading": {"envs", "compiler"},
    "compiler": {"dsl", "stdlib", "render"},
}
RUNTIME_CORE = ("render", "answers", "stdlib", "envs")
ANY = {
    "cli",
    "cli_support",
    "cli_authoring",
    "__init__",
    "_version",
    "limits",
    "curriculum",
    "scale",
    "dataset",
}  # entry points and public aliases


def stage_of(path: Path) -> str:
    rel = path.relative_to(ROOT)
    if rel.parts[0] == "compiler":
        return "compiler"
    inner = rel.parts[1:]  # under runtime/
    return inner[0] if len(inner) > 1 else Path(inner[0]).stem


def imported_stages(tree: ast.AST) -> set[str]:
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = (
                [f"tron.{a.name}" for a in node.names] if node.module == "tron" else [node.module]
            )
        else:
            continue
        for name in names:
            parts = name.split(".")
            if parts[0] == "tron" and len(parts) > 1 and parts[1] not in ("_version", "limits"):
                out.add(parts[1])
    return out


MODULES = sorted(p for p in [*(ROOT / "runtime").rglob("*.py"), *(ROOT / "compiler").rglob("*.py")])


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_imports_follow_the_layout(path):
    stage = stage_of(path)
    if stage in ANY:
        return
    assert stage in ALLOWED, f"{path}: not in a known stage; add it to docs/architecture.md"
    bad = imported_stages(ast.parse(path.read_text(encoding="utf-8"))) - ALLOWED[stage] - {stage}
    assert not bad, f"{path.relative_to(ROOT)} ({stage}) imports {sorted(bad)}"


def test_the_rule_checker_sees_a_violation():
    tree = ast.parse("def f():\n    from tron.compiler.driver import compile_dir\n")
    assert "compiler" in imported_stages(tree) - ALLOWED["envs"]


def test_runtime_core_never_reaches_compiler_quality_or_integrations():
    for stage in RUNTIME_CORE:
        reach, todo = set(), [stage]
        while todo:
            for nxt in ALLOWED[todo.pop()] - reach:
                reach.add(nxt)
                todo.append(nxt)
        assert not reach & {"compiler", "quality", "integrations", "training", "loading"}


def test_no_module_over_500_lines():
    long = {
        str(p.relative_to(ROOT)): n
        for p in MODULES
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 500
    }
    assert not long, f"modules over 500 lines: {long}"


def test_every_stage_says_what_it_owns():
    for pkg in (ROOT / "runtime").iterdir():
        if (pkg / "__init__.py").exists() and pkg.name not in ("fonts",):
            doc = ast.get_docstring(ast.parse((pkg / "__init__.py").read_text(encoding="utf-8")))
            assert doc and len(doc) > 80, f"{pkg.name}/__init__.py needs a docstring"
