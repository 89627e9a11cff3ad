"""The typed catalogue of functions a spec may call.

Each stdlib function is an ordinary Python function registered with a type signature in the
spec language's type syntax. The compiler reads the catalogue to check calls; generated code
calls the implementations. Random functions receive the instance's generator as their first
argument (never global random state); the spec author never passes it.

Type syntax: int, real, bool, str, any, list[T], a single capital letter for a type variable,
or a named type from RECORDS (records have declared fields) or OPAQUE (no fields).
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from tron import limits
from tron.stdlib.component import Component

# Named record types: field name -> type. Values of these types are plain dicts at runtime.
RECORDS: dict[str, dict[str, str]] = {
    "Point": {"x": "real", "y": "real"},
    "Cell": {"row": "int", "col": "int"},
    "Edge": {"a": "int", "b": "int", "w": "int"},
}

# Types with no fields a spec can read; only stdlib functions look inside them.
OPAQUE: set[str] = {"Component", "Graph", "Maze"}


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    has_default: bool


@dataclass(frozen=True)
class StdFn:
    name: str
    params: tuple[Param, ...]
    returns: str
    random: bool
    doc: str
    impl: Callable[..., Any]
    variadic: bool = False  # the last parameter takes any number of positional arguments

    @property
    def signature(self) -> str:
        parts = []
        for p in self.params:
            text = f"{p.name}: {p.type}"
            if self.variadic and p is self.params[-1]:
                text = "*" + text
            parts.append(text + (" = ..." if p.has_default else ""))
        return f"{self.name}({', '.join(parts)}) -> {self.returns}"


CATALOGUE: dict[str, StdFn] = {}


def stdfn(
    signature: str, *, random: bool = False, name: str | None = None
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register a function. `signature` is "T1, T2, ... -> R", one type per parameter of the
    Python function (after `rng` for random functions). A parameter written `*xs` in Python
    is variadic."""

    def register(fn: Callable[..., Any]) -> Callable[..., Any]:
        arg_text, _, ret = signature.rpartition("->")
        arg_types = split_types(arg_text)
        py_params = list(inspect.signature(fn).parameters.values())
        if random:
            if not py_params or py_params[0].name != "rng":
                raise TypeError(f"random stdlib function {fn.__name__} must take rng first")
            py_params = py_params[1:]
        if len(py_params) != len(arg_types):
            raise TypeError(f"{fn.__name__}: signature has {len(arg_types)} types")
        params = tuple(
            Param(p.name, t, p.default is not inspect.Parameter.empty)
            for p, t in zip(py_params, arg_types, strict=True)
        )
        variadic = bool(py_params) and py_params[-1].kind is inspect.Parameter.VAR_POSITIONAL
        fname = name or fn.__name__.rstrip("_")
        if fname in CATALOGUE:
            raise TypeError(f"stdlib function {fname} registered twice")
        doc = inspect.cleandoc(fn.__doc__ or "").split("\n\n")[0].replace("\n", " ")
        impl = guarded(fn, fname, [p.name for p in params], random)
        CATALOGUE[fname] = StdFn(fname, params, ret.strip(), random, doc, impl, variadic)
        return fn  # stdlib code calling it directly skips the guard: only spec calls need it

    return register


def guarded(
    fn: Callable[..., Any], name: str, params: list[str], random: bool
) -> Callable[..., Any]:
    """`fn` as generated code calls it: each call is a step of the sample's budget; a call
    that would build more than limits.MAX_LIST things (limits.COSTS, or rows*cols for any
    function with those parameters) fails before it allocates; results are size-checked."""
    cost = limits.COSTS.get(name)
    if cost is None and "rows" in params and "cols" in params:
        r, c = params.index("rows"), params.index("cols")

        def cost(*a: Any, **k: Any) -> Any:
            rows = a[r] if r < len(a) else k.get("rows", 0)
            cols = a[c] if c < len(a) else k.get("cols", 0)
            return rows * cols

    skip = 1 if random else 0

    def result(out: Any) -> Any:
        if type(out) is Component:
            if len(out.items) > limits.MAX_ITEMS:
                raise limits.ResourceLimit(
                    f"{name}() drew {len(out.items)} items, over the limit of {limits.MAX_ITEMS}"
                )
            return out
        return limits.check_value(out)

    @functools.wraps(fn)
    def call(*args: Any, **kwargs: Any) -> Any:
        b = limits._BUDGET.get()
        if b is not None:
            b.calls += 1
            if not b.calls & 15:  # a call is a step, counted 16 at a time: this is the hot path
                b.spend(16)
        out = fn(*args, **kwargs)
        t = type(out)
        if t is Component or t is list or t is int or t is str or t is Fraction:
            return result(out)
        return out  # floats, bools, records and opaque values cannot grow

    if cost is None:
        return call

    @functools.wraps(fn)
    def costed(*args: Any, **kwargs: Any) -> Any:
        n = cost(*args[skip:], **kwargs)
        if n > limits.MAX_LIST:
            raise limits.ResourceLimit(
                f"{name}() would build {n} items, over the limit of {limits.MAX_LIST}"
            )
        if n > 0:
            limits.spend(n)
        return result(fn(*args, **kwargs))

    return costed


def split_types(text: str) -> list[str]:
    """Split "int, list[T], real" at top-level commas."""
    out, depth, cur = [], 0, ""
    for ch in text:
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
        if ch == "," and depth == 0:
            out.append(cur.strip())
            cur = ""
        else:
            cur += ch
    if cur.strip():
        out.append(cur.strip())
    return out
