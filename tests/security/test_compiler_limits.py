"""Audit #12, items 9, 3 and 12: what a spec may ask of the compiler is capped, and each cap is a
located error (file:line:col), never an internal error, a RecursionError, a hang or a blow-up.
Attacks that could eat memory or time run in a subprocess under a timeout and an address-space
limit."""

import dataclasses
import resource
import subprocess
import sys
import textwrap

import pytest

from tron.compiler import limits, syntax
from tron.compiler.diagnostics import MAX_ERRORS, SpecError
from tron.compiler.driver import compile_source
from tron.compiler.parse import parse
from tron.envs.env import Env
from tron.envs.suite import load_module

PATH = "tasks/counting/demo.tron"
HEAD = """env counting/demo
title "Demo"
description "A demo."
bucket counting
levels 0 to 9
version 1
"""
TAIL = 'question "How many?"\nanswer integer = 1\n'
LINE = HEAD.count("\n") + 1  # the line of the statement under test
CAP = limits.MAX_DEPTH


def spec(stmt: str) -> str:
    return HEAD + stmt + "\n" + TAIL


def errors(text: str) -> list:
    with pytest.raises(SpecError) as info:
        compile_source(text, PATH)
    rendered = info.value.render()
    assert rendered.startswith(PATH + ":") and "Traceback" not in rendered
    return info.value.diagnostics


def run_bounded(code: str, mem_mb: int = 1024, timeout: int = 120) -> str:
    """Run code in a fresh interpreter under an address-space limit and a timeout."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (mem_mb << 20, mem_mb << 20))

    proc = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        preexec_fn=limit,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


# Each builds a statement whose expression nests k times.
NESTINGS = {
    "neg": lambda k: "check " + "-" * k + "1 != 0",
    "not": lambda k: "check " + "not " * k + "false",
    "ternary": lambda k: "check (" + "1 if true else " * k + "1) > 0",
    "call": lambda k: "check " + "abs(" * k + "1" + ")" * k + " > 0",
    "list": lambda k: "check count(" + "[" * k + "1" + "]" * k + ") > 0",
    "sum": lambda k: "check " + " + ".join(["1"] * (k + 1)) + " > 0",
    "product": lambda k: "check " + " * ".join(["1"] * (k + 1)) + " > 0",
    "record": lambda k: "check count([" + "{a: " * k + "1" + "}" * k + "]) > 0",
    "index": lambda k: "check " + "[" * k + "1" + "][0]" * (k - 1) + "] == [1]",
    "comprehension": lambda k: "check count(" + "[" * k + "1" + " for x in [1]]" * k + ") > 0",
}


def depth(node: object) -> int:
    """Nesting depth of a parsed expression, computed independently of the compiler's own."""
    subs: list[object] = []
    for f in dataclasses.fields(node):  # type: ignore[arg-type]
        stack = [getattr(node, f.name)]
        while stack:
            v = stack.pop()
            if isinstance(v, tuple):
                stack.extend(v)
            elif isinstance(v, syntax.Expr | syntax.CompFor):
                subs.append(v)
            elif isinstance(v, syntax.KwArg):
                subs.append(v.value)
    return 1 + max(map(depth, subs), default=0)


def deepest_ok(kind: str) -> int:
    """The largest k whose statement is at most MAX_DEPTH deep."""
    k = 1
    while depth(parse_stmt(NESTINGS[kind](k + 1))) <= CAP:
        k += 1
    return k


def parse_stmt(stmt: str) -> object:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(limits, "MAX_DEPTH", 10**6)  # measure without the cap
        expr = parse(spec(stmt), PATH).stmts[-3]
    return expr.cond  # type: ignore[attr-defined]


@pytest.mark.parametrize("kind", NESTINGS)
def test_nesting_at_the_cap_compiles_and_samples(kind, tmp_path):
    k = deepest_ok(kind)
    assert depth(parse_stmt(NESTINGS[kind](k))) >= CAP - 1
    code = compile_source(spec(NESTINGS[kind](k)), PATH).code
    (tmp_path / "m.py").write_text(code, encoding="utf-8")
    env = Env(load_module(tmp_path / "m.py", f"deep_{kind}"))
    gen = env.run(0, 0, with_checks=True)  # evaluates the deep check itself
    assert [ok for _, ok in gen.checks] == [True]
    (diag,) = errors(spec(NESTINGS[kind](k + 1)))
    assert f"nested more than {CAP} levels" in diag.message


@pytest.mark.parametrize("k", [500, 2000])
@pytest.mark.parametrize("kind", NESTINGS)
def test_deep_nesting_is_a_located_error(kind, k):
    (diag,) = errors(spec(NESTINGS[kind](k)))
    assert f"nested more than {CAP} levels" in diag.message
    assert diag.span.line == LINE and diag.span.col > 6


@pytest.mark.parametrize("n", [130, 1000])
def test_parentheses_do_not_nest_the_expression(n):
    assert compile_source(spec("check " + "(" * n + "1" + ")" * n + " > 0"), PATH)


def test_flat_sum_of_400_terms_is_located():
    (diag,) = errors(spec("check " + " + ".join(["1"] * 400) + " > 0"))
    assert diag.span.line == LINE and "nested more than" in diag.message


@pytest.mark.parametrize(
    "text,col",
    [
        (spec("check " + "9" * 4400 + " > 0"), 7),
        (spec("check 1." + "5" * 4400 + " > 0"), 7),
        (HEAD.replace("version 1", "version " + "7" * 4301) + TAIL, 9),
        (HEAD.replace("levels 0 to 9", "levels 0 to " + "9" * 5000) + TAIL, 13),
        (HEAD.replace("levels 0 to 9", "levels -" + "9" * 5000 + " to 9") + TAIL, 8),
        (spec("canvas " + "5" * 4400 + " x 512"), 8),
    ],
    ids=["param", "decimal", "version", "levels", "negative level", "canvas"],
)
def test_huge_number_literal_is_located(text, col):
    (diag,) = errors(text)
    assert "limit" in diag.message or "digits" in diag.message
    assert diag.span.col == col


def test_number_literal_caps_are_exact():
    ok = "9" * limits.MAX_INT_DIGITS
    assert compile_source(spec(f"check {ok} > 0"), PATH)
    (diag,) = errors(spec(f"check 9{ok} > 0"))
    assert "more than" in diag.message and diag.span.line == LINE


def test_string_literal_cap_is_exact():
    ok = "x" * limits.MAX_STRING_CHARS
    assert compile_source(spec(f'check "{ok}" != ""'), PATH)
    (diag,) = errors(spec(f'check "{ok}x" != ""'))
    assert diag.span.line == LINE and diag.span.col == 7 and "the limit is" in diag.message


def test_50mb_string_literal_is_rejected_in_bounded_memory():
    out = run_bounded(
        """
        from tron.compiler.driver import compile_source
        from tron.compiler.diagnostics import SpecError
        try:
            compile_source('title "' + 'x' * 50_000_000 + '"\\n', 'tasks/counting/big.tron')
        except SpecError as exc:
            print(exc.diagnostics[0].path, exc.diagnostics[0].span.line, exc.diagnostics[0].message)
        """
    )
    assert out.startswith("tasks/counting/big.tron 1 spec is 50000009 bytes; the limit is")


def test_spec_of_20k_tokens_is_located():
    text = spec("check count([" + ",".join(["1"] * 15000) + "]) > 0")
    (diag,) = errors(text)
    assert "tokens" in diag.message and diag.span.line == LINE


def test_statement_cap():
    text = HEAD + "param n = 1\n" + "check n > 0\n" * limits.MAX_STATEMENTS + TAIL
    (diag,) = errors(text)
    assert "statements" in diag.message


def test_worst_cases_under_the_caps_check_in_bounded_time():
    """Specs just under every cap, shaped to cost the most: each must finish in seconds."""
    run_bounded(
        f"""
        import time
        from tron.compiler.driver import compile_source
        from tron.compiler.diagnostics import SpecError
        head = {HEAD!r} + "param n = 1\\n"
        tail = {TAIL!r}
        k = 990
        bodies = [
            "".join(f"param a{{i}} = " + " + ".join(f"z{{i}}x{{j}}" for j in range(9)) + "\\n"
                    for i in range(k)),
            "".join("require " + " + ".join("n" for j in range(9)) + " > 0\\n" for i in range(k)),
            "check count([" + ",".join(["1"] * 9900) + "]) > 0\\n",
            "check [1 " + " ".join(f"for a{{i}} in [1]" for i in range(3200)) + "] == [1]\\n",
        ]
        for body in bodies:
            start = time.monotonic()
            try:
                compile_source(head + body + tail, "tasks/counting/demo.tron")
            except SpecError as exc:
                exc.render()
            assert time.monotonic() - start < 20, time.monotonic() - start
        """,
        timeout=200,
    )


def test_errors_are_capped():
    text = HEAD + "".join(f"param a{i} = zz{i}\n" for i in range(500)) + TAIL
    diags = errors(text)
    assert len(diags) == MAX_ERRORS + 1 and diags[-1].message.startswith("too many errors")


# ---- item 3: level range and canvas


@pytest.mark.parametrize("hi", [100, 2_000_000_000])
def test_level_range_is_bounded(hi):
    (diag,) = errors(HEAD.replace("levels 0 to 9", f"levels 0 to {hi}") + TAIL)
    assert (diag.span.line, diag.span.col) == (5, 1) and "above 99" in diag.message


def test_widest_level_range_compiles():
    text = HEAD.replace("levels 0 to 9", f"levels 0 to {limits.MAX_LEVEL}") + TAIL
    assert compile_source(text, PATH).info["levels"] == [0, limits.MAX_LEVEL]


@pytest.mark.parametrize("size", ["4097 x 512", "512 x 100000", "8 x 512"])
def test_canvas_size_is_bounded(size):
    (diag,) = errors(spec(f"canvas {size}"))
    assert diag.span.line == LINE and "canvas size" in diag.message


# ---- item 12: invisible and control characters


BAD_CHARS = [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))]
BAD_CHARS += ["\u200e", "\u200f", "\u061c", "\x00", "\x1b", "\x0b", "\x0c", "\x7f", "\x85"]
BAD_CHARS += ["\u2028", "\u2029", "\r"]


@pytest.mark.parametrize("ch", BAD_CHARS, ids=lambda c: f"U+{ord(c):04X}")
@pytest.mark.parametrize("where", ["title", "question", "comment"])
def test_control_character_is_located(ch, where):
    if where == "title":
        text = HEAD.replace('title "Demo"', f'title "De{ch}mo"') + TAIL
        line, col = 2, 10
    elif where == "question":
        text = HEAD + TAIL.replace("How many", f"How{ch} many")
        line, col = LINE, 14
    else:
        text = HEAD + f"# note {ch}x\n" + TAIL
        line, col = LINE, 8
    (diag,) = errors(text)
    assert (diag.span.line, diag.span.col) == (line, col)
    assert f"U+{ord(ch):04X}" in diag.message


def test_tabs_and_crlf_are_still_fine():
    text = (HEAD + 'check "a\tb" != ""\n' + TAIL).replace("\n", "\r\n")
    assert compile_source(text, PATH)
    bad = text.replace('!= ""', "!= zz")
    (diag,) = errors(bad)
    assert (diag.span.line, diag.span.col) == (LINE, 16)
    with pytest.raises(SpecError) as info:
        compile_source(bad, PATH)
    assert "\r" not in info.value.render()


def test_reference_documents_the_caps():
    from pathlib import Path

    ref = (Path(__file__).resolve().parents[2] / "dsl" / "REFERENCE.md").read_text("utf-8")
    section = ref.split("## Compile-time limits", 1)[1].split("\n## ", 1)[0]
    for fact in (
        f"{limits.MAX_SPEC_BYTES:,} bytes",
        f"{limits.MAX_TOKENS:,}",
        f"{limits.MAX_STATEMENTS:,}",
        f"{limits.MAX_DEPTH} levels",
        f"{limits.MAX_INT_DIGITS} digits",
        f"{limits.MAX_DECIMAL_CHARS} characters",
        f"{limits.MAX_STRING_CHARS:,} characters",
        f"0 to {limits.MAX_LEVEL}",
        f"{limits.MIN_CANVAS} to {limits.MAX_CANVAS} pixels",
        f"{MAX_ERRORS}, then",
    ):
        assert fact in section, fact
