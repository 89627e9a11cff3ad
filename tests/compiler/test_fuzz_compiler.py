"""Random mutations of valid specs only ever raise the compiler's user-error type."""

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from tron.compiler.diagnostics import SpecError
from tron.compiler.driver import compile_source

ROOT = Path(__file__).resolve().parents[2]
VALID = [
    (p.relative_to(ROOT).as_posix(), p.read_text(encoding="utf-8"))
    for p in sorted((ROOT / "tests" / "golden" / "specs").rglob("*.tron"))
]
TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"|\w+/\w+|\w+|==|!=|<=|>=|//|[^\w\s]')


def tokens(text: str) -> list[str]:
    code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    return TOKEN.findall(code)


@st.composite
def mutated(draw):
    path, text = draw(st.sampled_from(VALID))
    toks = tokens(text)
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, len(toks) - 1))
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "bytes"]))
        if op == "delete":
            del toks[i]
        elif op == "duplicate":
            toks.insert(i, toks[i])
        elif op == "swap":
            j = draw(st.integers(0, len(toks) - 1))
            toks[i], toks[j] = toks[j], toks[i]
        else:
            toks.insert(i, draw(st.text(min_size=1, max_size=6)))
    return path, " ".join(toks)


def compiles_or_user_error(path: str, text: str) -> None:
    try:
        compile_source(text, path)
    except SpecError as exc:
        rendered = exc.render()
        assert rendered.startswith(path + ":")
        assert "__ANON" not in rendered


@given(mutated())
def test_mutated_specs_raise_only_spec_errors(case):
    compiles_or_user_error(*case)


@given(st.binary(max_size=300))
def test_random_bytes_raise_only_spec_errors(data):
    compiles_or_user_error("tasks/counting/x.tron", data.decode("utf-8", "replace"))


def test_token_join_of_valid_spec_still_compiles():
    # The mutation base itself must be valid, or the fuzz test proves little.
    for path, text in VALID:
        compile_source(" ".join(tokens(text)), path)
