"""Boolean formulas over the variables A, B, C, D written with AND, OR, XOR and NOT: random
formulas, their value for given inputs and their truth-table output column.

Every binary operation below the top one is bracketed, so a formula reads one way only
without precedence rules; NOT binds to the variable or bracket right after it.
"""

from __future__ import annotations

import random

from tron.stdlib.registry import stdfn

DOMAIN = "Truth tables"

_VARS = "ABCD"
_OPS = ("AND", "OR", "XOR")


def _grow(rng: random.Random, names: list[str], ops: list[str], k: int, nots: float) -> str:
    # k binary operations; each leaf is a variable, sometimes negated; a part that holds an
    # operation is bracketed
    if k == 0:
        v = rng.choice(names)
        return ("NOT " + v) if rng.random() < nots else v
    left = rng.randint(0, k - 1)
    a = _grow(rng, names, ops, left, nots)
    b = _grow(rng, names, ops, k - 1 - left, nots)
    a = f"({a})" if left > 0 else a
    b = f"({b})" if k - 1 - left > 0 else b
    return f"{a} {rng.choice(ops)} {b}"


@stdfn("int, int, list[str], real -> str", random=True)
def random_logic_formula(
    rng: random.Random, nvars: int, nops: int, ops: list[str], nots: float
) -> str:
    """A random formula with `nops` binary operations (from `ops`: "AND", "OR", "XOR") over
    the first `nvars` of A, B, C, D, each used at least once; a leaf is negated ("NOT A")
    with probability `nots`."""
    if (
        not 1 <= nvars <= 4
        or nops < nvars - 1
        or nops > 8
        or not ops
        or any(o not in _OPS for o in ops)
    ):
        raise ValueError(
            "random_logic_formula: 1..4 variables, nvars-1..8 operations of AND/OR/XOR"
        )
    names = list(_VARS[:nvars])
    for _ in range(200):
        f = _grow(rng, names, ops, nops, nots)
        if all(v in f for v in names):
            return f
    raise ValueError("random_logic_formula: could not use every variable")


def _tokens(formula: str) -> list[str]:
    return formula.replace("(", " ( ").replace(")", " ) ").split()


def _eval(toks: list[str], pos: int, env: dict[str, int]) -> tuple[int, int]:
    # formula := unary (OP unary)*, evaluated left to right (brackets make the order explicit)
    val, pos = _unary(toks, pos, env)
    while pos < len(toks) and toks[pos] in _OPS:
        op = toks[pos]
        rhs, pos = _unary(toks, pos + 1, env)
        val = val & rhs if op == "AND" else (val | rhs if op == "OR" else val ^ rhs)
    return val, pos


def _unary(toks: list[str], pos: int, env: dict[str, int]) -> tuple[int, int]:
    if pos >= len(toks):
        raise ValueError("logic formula ends too early")
    t = toks[pos]
    if t == "NOT":
        v, pos = _unary(toks, pos + 1, env)
        return 1 - v, pos
    if t == "(":
        v, pos = _eval(toks, pos + 1, env)
        if pos >= len(toks) or toks[pos] != ")":
            raise ValueError("logic formula: missing )")
        return v, pos + 1
    if t in env:
        return env[t], pos + 1
    raise ValueError(f"logic formula: unexpected {t!r}")


@stdfn("str, list[int] -> int")
def logic_formula_value(formula: str, values: list[int]) -> int:
    """Value (0 or 1) of the formula when A, B, C, D take values[0], values[1], ..."""
    env = {_VARS[i]: 1 if v else 0 for i, v in enumerate(values[:4])}
    toks = _tokens(formula)
    val, pos = _eval(toks, 0, env)
    if pos != len(toks):
        raise ValueError("logic formula: trailing text")
    return val


@stdfn("str, int -> list[int]")
def truth_column(formula: str, nvars: int) -> list[int]:
    """The formula's output for every row of the truth table over the first `nvars`
    variables, rows in counting order (A the most significant: 00..0 first, 11..1 last)."""
    rows = []
    for k in range(2**nvars):
        vals = [(k >> (nvars - 1 - i)) & 1 for i in range(nvars)]
        rows.append(logic_formula_value(formula, vals))
    return rows
