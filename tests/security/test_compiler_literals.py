"""Audit #12, item 1: every value that reaches a generated module is a literal, the spec path
and every header field included, not only the strings a spec's expressions hold.

`assert_safe_module` walks the generated AST: the docstring is one string constant, module
constants are literals, and the only names, calls and attributes are the compiler's own."""

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tron._version import __version__
from tron.compiler.cli import SKELETON
from tron.compiler.diagnostics import SpecError
from tron.compiler.driver import compile_source, compile_spec, find_specs, read_spec
from tron.envs import program
from tron.stdlib.registry import CATALOGUE

ROOT = Path(__file__).resolve().parents[2]
CONSTANTS = {"COMPILER_VERSION", "SOURCE_HASH", "SPEC_PATH", "INFO", "REQUIREMENTS"}
CONSTANTS |= {"CHECKS", "LAYOUT", "LINEMAP"}
TABLES = {"_K", "_CONSTS"}  # the const table and its status (specs with `const`)
SPEC_FUNC = re.compile(r"f_[A-Za-z0-9_]+\Z")  # a spec-local `def`
BUILTINS = {"enumerate", "bool", "str"}
LOCAL = re.compile(r"(v_[A-Za-z0-9_]+|level|_[a-z]([a-z0-9_]*[a-z0-9])?)\Z")  # never a dunder
ATTR_BASES = {"_rt", "_p", "_tries", "_rng", "_checks", "_layouts_off"}
IMPORTS = {("tron.envs", "program", "_p"), ("tron", "stdlib", "_rt")}


def spec_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def skeleton(title: str = "Base", env_id: str = "counting/base") -> str:
    return SKELETON.format(env_id=env_id, title=title, bucket="counting").replace(
        f'title "{title}"', f"title {spec_string(title)}"
    )


def attr_ok(node: ast.Attribute) -> bool:
    base = node.value
    if isinstance(base, ast.Constant):
        return base.value == "" and node.attr == "join"
    if not isinstance(base, ast.Name) or base.id not in ATTR_BASES or node.attr.startswith("__"):
        return False
    if base.id == "_rt":
        return node.attr in {fn.name for fn in CATALOGUE.values()} | {"SampleRejected"}
    if base.id == "_p":
        return hasattr(program, node.attr)
    return True


def assert_safe_module(code: str) -> dict[str, object]:
    """Check the generated module's shape; return its module constants, read back as data."""
    tree = ast.parse(code)
    doc, *rest = tree.body
    assert isinstance(doc, ast.Expr) and isinstance(doc.value, ast.Constant)
    assert isinstance(doc.value.value, str)
    consts: dict[str, object] = {}
    funcs = [stmt for stmt in rest if isinstance(stmt, ast.FunctionDef)]
    for stmt in rest:
        if isinstance(stmt, ast.ImportFrom):
            assert {(stmt.module, a.name, a.asname) for a in stmt.names} <= IMPORTS
        elif isinstance(stmt, ast.Assign):
            (target,) = stmt.targets
            assert isinstance(target, ast.Name), ast.dump(stmt)
            if target.id == "_CONSTS":  # the one module-level call: fill the const table
                assert ast.unparse(stmt.value) == "_p.constants(_consts)", ast.dump(stmt)
                continue
            assert target.id in CONSTANTS or target.id == "_K", ast.dump(stmt)
            consts[target.id] = ast.literal_eval(stmt.value)  # raises unless pure data
        else:
            assert isinstance(stmt, ast.FunctionDef), ast.dump(stmt)
            assert stmt.name in ("generate", "_consts") or SPEC_FUNC.match(stmt.name)
    spec_funcs = {f.name for f in funcs if SPEC_FUNC.match(f.name)}
    for node in ast.walk(tree):
        assert not isinstance(node, ast.Lambda | ast.Global | ast.Nonlocal | ast.ClassDef)
        assert not isinstance(node, ast.Import | ast.AsyncFunctionDef | ast.Await | ast.Yield)
        if isinstance(node, ast.FunctionDef):
            assert node in funcs, "module-level functions only"
        if isinstance(node, ast.Name):
            ok = node.id in CONSTANTS | BUILTINS | TABLES | spec_funcs or LOCAL.match(node.id)
            assert ok, f"unexpected name {node.id!r}"
            if node.id in BUILTINS:
                assert any(isinstance(c, ast.Call) and c.func is node for c in ast.walk(tree)), (
                    f"{node.id} used other than as a call"
                )
        if isinstance(node, ast.Attribute):
            assert attr_ok(node), f"unexpected attribute {ast.unparse(node)}"
        if isinstance(node, ast.Call):
            f = node.func
            assert isinstance(f, ast.Attribute) or (
                isinstance(f, ast.Name) and f.id in BUILTINS | spec_funcs
            )
    return {"__doc__": doc.value.value, **consts}


def test_every_bundled_spec_is_a_safe_module():
    specs = find_specs([ROOT / "tasks"])
    assert len(specs) > 100
    for spec in specs:
        rel = spec.relative_to(ROOT).as_posix()
        for module in compile_spec(read_spec(spec), rel):  # every question family's module
            consts = assert_safe_module(module.code)
            assert consts["SPEC_PATH"] == rel and rel in str(consts["__doc__"])


def test_the_checker_itself_rejects_code():
    """The walker must fail on what the audit found, or it proves nothing."""
    code = compile_source(skeleton(), "tasks/counting/base.tron").code
    evil = code.replace(
        "'Generated", '"""x""";__import__("os").system("id");"""Generated', 1
    ).replace("Do not edit.'", 'Do not edit."""', 1)
    with pytest.raises(AssertionError):
        assert_safe_module(evil)
    with pytest.raises((AssertionError, ValueError)):
        assert_safe_module(code.replace("SOURCE_HASH = ", "SOURCE_HASH = open('x') or ", 1))


HOSTILE_DIRS = [
    'pack""";__import__("os").system("id > PWNED");"""',
    "pack'''; __import__('os').system('id > PWNED'); '''",
    "back\\slash",
    "trail\\",
    "\\N{x}",
    "new\nline",
    "quote\"'",
]


@pytest.mark.parametrize("folder", HOSTILE_DIRS)
def test_hostile_folder_names_stay_data(folder):
    path = f"{folder}/counting/base.tron"
    consts = assert_safe_module(compile_source(skeleton(), path).code)
    assert consts["SPEC_PATH"] == path
    assert consts["__doc__"] == f"Generated by tronc {__version__} from {path}. Do not edit."


TRICKY = ['"""', "'''", '"', "'", "\\", "\\N{", "\n", "\r\n", "{", "}", "%s", ");"]
chars = st.characters(blacklist_categories=("Cs",))
path_part = (
    st.lists(st.one_of(st.sampled_from(TRICKY), chars), min_size=1, max_size=12)
    .map("".join)
    .filter(lambda p: "/" not in p and "\x00" not in p)
)
header_text = st.lists(st.one_of(st.sampled_from(TRICKY), chars), max_size=12).map("".join)


@given(folder=path_part, title=header_text)
def test_any_path_and_title_reach_the_module_as_data(folder, title):
    path = f"{folder}/counting/base.tron"
    try:
        code = compile_source(skeleton(title), path).code
    except SpecError as exc:  # e.g. an empty title, or a control character: located errors
        assert all(d.path == path for d in exc.diagnostics)
        return
    consts = assert_safe_module(code)
    assert consts["SPEC_PATH"] == path and path in str(consts["__doc__"])
    info = consts["INFO"]
    assert isinstance(info, dict) and info["title"] == title


@given(tag=header_text, desc=header_text)
def test_any_tag_and_description_reach_the_module_as_data(tag, desc):
    text = skeleton().replace('tags "todo"', f"tags {spec_string(tag)}")
    text = text.replace('"TODO: one line describing the task."', spec_string(desc))
    try:
        code = compile_source(text, "tasks/counting/base.tron").code
    except SpecError as exc:
        assert exc.diagnostics and "Traceback" not in exc.render()
        return
    info = assert_safe_module(code)["INFO"]
    assert isinstance(info, dict) and info["tags"] == [tag] and info["description"] == desc


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TRON_CACHE": str(cwd / "cache")}
    return subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=240, check=False
    )


def test_hostile_folder_end_to_end(tmp_path):
    """The audit's reproduction: check, compile, then list / load the build and the folder."""
    folder = tmp_path / HOSTILE_DIRS[0]
    (folder / "counting").mkdir(parents=True)
    (folder / "counting" / "base.tron").write_text(skeleton(), encoding="utf-8")
    named = tmp_path / 'x""";__import__("os").system("id > PWNED");""".tron'
    named.write_text(skeleton(env_id="counting/named"), encoding="utf-8")
    tronc = [sys.executable, "-m", "tron.compiler.cli"]
    assert run([*tronc, "check", folder.name], tmp_path).returncode == 0
    proc = run([*tronc, "compile", folder.name, "-o", "build"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    listed = run([sys.executable, "-m", "tron.cli", "list", "--suite", "build"], tmp_path)
    assert "counting/base" in listed.stdout, listed.stderr
    script = (
        "import sys, tron\n"
        "for p in sys.argv[1:]:\n"
        "    s = tron.load(p)\n"
        "    for i in s.list_envs():\n"
        "        s.make(i).sample(0, 0)\n"
        "print('loaded')\n"
    )
    proc = run([sys.executable, "-c", script, "build", folder.name, named.name], tmp_path)
    assert proc.stdout.strip() == "loaded", proc.stderr
    assert not (tmp_path / "PWNED").exists()
