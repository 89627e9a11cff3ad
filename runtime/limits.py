"""Run-time resource caps: what one sample of a compiled spec may use.

A spec that passes `tronc check` can still ask for a 10**12-item list, a 4-million-digit
integer or a million scene items. Every such request fails fast with ResourceLimit, which
Env.run reports at the spec line that asked (never a hang, a MemoryError or a traceback).

The caps sit far above what the bundled suite reaches (levels 0-9, seeds 0-2, measured when
they were chosen; largest value in brackets), so no real spec comes near them.
"""

from __future__ import annotations

import contextvars
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

MAX_INT_BITS = 4096  # an integer value (11 bits)
MAX_LIST = 100_000  # items in one list, characters in one text (694); also what one stdlib
# call may build, by COSTS below (15,422 for reachable_sums; every other function <= 672)
MAX_STEPS = 5_000_000  # per sample: comprehension/loop steps plus list items built (47,895)
MAX_SECONDS = 10.0  # wall-clock time of one sample, checked cooperatively (0.1 s)
MAX_ITEMS = 20_000  # items in one scene or component (267)
MAX_POINTS = 200_000  # polygon/polyline vertices in one scene (531)
MAX_TEXT = 2_000  # characters in one text item (49)
MAX_SCENE_TEXT = 50_000  # characters of text in one scene (174)
MAX_COORD = 100_000.0  # |number| in a scene item: coordinates, sizes, angles in px/deg (530)


class ResourceLimit(RuntimeError):
    """A sample asked for more than a cap allows; the message names the cap."""


@dataclass
class Budget:
    """What is left of one sample's step budget, and when its time runs out."""

    steps: int
    deadline: float
    calls: int = 0  # stdlib calls so far (registry.guarded counts them in batches)

    def spend(self, n: int) -> None:
        self.steps -= n
        if self.steps < 0:
            raise ResourceLimit(f"sample exceeds the limit of {MAX_STEPS} steps")
        if time.monotonic() > self.deadline:
            raise ResourceLimit(f"sample exceeds the time limit of {MAX_SECONDS:g} s")


# The running sample's budget; None outside a sample (size caps still apply there). A context
# variable, not a global: samples run concurrently in threads and Ray actors.
_BUDGET: contextvars.ContextVar[Budget | None] = contextvars.ContextVar("tron_budget", default=None)


@contextmanager
def sample_budget() -> Iterator[Budget]:
    """Run one sample under a fresh budget."""
    b = Budget(MAX_STEPS, time.monotonic() + MAX_SECONDS)
    token = _BUDGET.set(b)
    try:
        yield b
    finally:
        _BUDGET.reset(token)


def spend(n: int) -> None:
    b = _BUDGET.get()
    if b is not None:
        b.spend(n)


def each(xs: Sequence[Any]) -> Sequence[Any] | Iterator[Any]:
    """The iterable of a comprehension or draw loop, with its steps counted. Short ones are
    counted in one go; long ones item by item, so that the clock is read while an expensive
    body runs (each step is bounded work: its lists are capped)."""
    b = _BUDGET.get()
    if b is None:
        return xs
    b.spend(len(xs))
    return xs if len(xs) <= 64 else _ticking(xs, b)


def _ticking(xs: Sequence[Any], b: Budget) -> Iterator[Any]:
    for i, x in enumerate(xs):
        if not i & 63 and time.monotonic() > b.deadline:
            raise ResourceLimit(f"sample exceeds the time limit of {MAX_SECONDS:g} s")
        yield x


def check_value(v: Any) -> Any:
    """Cap the size of an int, Fraction, list or string; returns v."""
    t = type(v)
    if t is int:
        if v.bit_length() > MAX_INT_BITS:
            raise ResourceLimit(
                f"integer of {v.bit_length()} bits exceeds the limit of {MAX_INT_BITS} bits"
            )
    elif t is list or t is str:
        if len(v) > MAX_LIST:
            what = "list" if t is list else "text"
            unit = "items" if t is list else "characters"
            raise ResourceLimit(f"{what} of {len(v)} {unit} exceeds the limit of {MAX_LIST}")
        spend(len(v))
    elif t is Fraction:
        bits = v.numerator.bit_length() + v.denominator.bit_length()
        if bits > MAX_INT_BITS:
            raise ResourceLimit(f"fraction of {bits} bits exceeds the limit of {MAX_INT_BITS} bits")
    return v


def check_count(what: str, n: int, cap: int = MAX_LIST) -> None:
    """Before building `n` things: refuse when n exceeds the cap."""
    if n > cap:
        raise ResourceLimit(f"{what} of {n} items exceeds the limit of {cap}")


def _int(v: Any) -> int:
    return v if type(v) is int else 0


def _sums(total: Any, k: Any, parts: Any) -> int:
    # A quarter per cell and part: one step of a sum is cheaper than building an item.
    return (_int(total) + 1) * (_int(k) + 1) * len(set(parts)) // 4


# Stdlib functions whose work grows with an int argument rather than with a list they are
# given: the number of things a call would build, from its spec-level arguments (same names,
# so keywords bind), checked against MAX_LIST before the call runs. Any function with `rows`
# and `cols` parameters is charged rows*cols without an entry here (stdlib.registry.guarded).
COSTS: dict[str, Callable[..., Any]] = {
    "range": lambda lo, hi: _int(hi) - _int(lo),
    "repeat": lambda x, n: _int(n),
    "ring_points": lambda n, *a, **k: _int(n),
    "scatter": lambda n, *a, **k: _int(n),
    "permutation": lambda n: _int(n),
    "perm_with_inversions": lambda n, k: _int(n),
    "tally": lambda n, *a, **k: _int(n),
    "random_graph": lambda n, m, *a, **k: _int(n) + _int(m),
    "graph_from_edges": lambda n, *a, **k: _int(n),
    "random_tree": lambda n, *a, **k: _int(n),
    "random_polyomino": lambda n: _int(n),
    "regular_polygon": lambda sides, *a, **k: _int(sides),
    "bits_of": lambda n, width: _int(width),
    "dot_plot": lambda lo, hi, *a, **k: _int(hi) - _int(lo),
    "measure_scale": lambda x0, y0, length, vertical, lo, hi, parts, *a, **k: (
        (_int(hi) - _int(lo)) * _int(parts)
    ),
    "xy_graph": lambda xs, ys, x_max, y_max, x_step, y_step, *a, **k: (
        _int(x_max) // max(1, _int(x_step)) + _int(y_max) // max(1, _int(y_step))
    ),
    "gantt_chart": lambda tasks, starts, ends, horizon: _int(horizon),
    # Sums of parts: a table of (total + 1) x (k + 1) cells, each summing over the parts.
    "reachable_sums": lambda parts, k_lo, k_hi, hi: _sums(hi, k_hi, parts),
    "random_sum_between": lambda total, k_lo, k_hi, parts: _sums(total, k_hi, parts),
    "random_sum_of": lambda total, k, parts: _sums(total, k, parts),
    "random_composition": lambda total, k, lo=1: _int(k),
    "sample": lambda xs, k: _int(k),
    "max_matching": lambda n_left, n_right, links: _int(n_left) * _int(n_right),
    "layered_dag": lambda sizes, extra, *a, **k: _int(extra) + len(sizes),
    "lines_of": lambda rows, cols, k: 4 * _int(rows) * _int(cols) * max(1, _int(k)),
    "random_stack_heights": lambda rows, cols, total, max_h: (
        _int(rows) * _int(cols) * max(1, _int(total))
    ),
    "iso_cubes": lambda heights, rows, cols, *a, **k: (
        _int(rows) * _int(cols) + sum(h for h in heights if type(h) is int and h > 0)
    ),
    "iso_stacks": lambda heights, rows, cols, *a, **k: (
        _int(rows) * _int(cols) + sum(h for h in heights if type(h) is int and h > 0)
    ),
    "grown_region": lambda n, rows, cols, *a, **k: _int(n) + _int(rows) * _int(cols),
}
