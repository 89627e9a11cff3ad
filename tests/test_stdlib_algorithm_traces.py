"""Stack/queue traces, bubble sort passes and Langton's ant."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tron import stdlib as rt


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(-1, 9), max_size=20), st.booleans())
def test_container_after_counts_and_order(ops: list[int], queue: bool) -> None:
    out = rt.container_after(ops, queue)
    items: list[int] = []
    for v in ops:
        if v >= 0:
            items.append(v)
        elif items:
            items.pop(0 if queue else -1)
    assert out == items


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 20), max_size=10))
def test_bubble_swaps_add_up_to_inversions(xs: list[int]) -> None:
    swaps = rt.bubble_pass_swaps(xs)
    assert sum(swaps) == rt.inversions(xs)
    assert all(s > 0 for s in swaps)
    assert rt.bubble_after(xs, len(swaps)) == sorted(xs)
    if swaps:
        assert rt.bubble_after(xs, len(swaps) - 1) != sorted(xs)


@settings(max_examples=100, deadline=None)
@given(st.integers(3, 9), st.integers(0, 3), st.integers(0, 12))
def test_langton_flips_one_cell_per_step(n: int, heading: int, steps: int) -> None:
    start = (n // 2) * n + n // 2
    out = rt.langton_walk(n, n, [0] * (n * n), start, heading, steps)
    if len(out) == n * n + 2:
        # every step flips exactly one cell, so parity of black cells follows the steps
        assert sum(out[: n * n]) % 2 == steps % 2


def test_langton_first_steps() -> None:
    # on white the ant turns right: from the centre facing up it moves right
    out = rt.langton_walk(5, 5, [0] * 25, 12, 0, 1)
    assert out[12] == 1 and out[25:] == [13, 1]
    out = rt.langton_walk(5, 5, [0] * 25, 12, 0, 4)
    # four right turns on white cells close a square back to the start
    assert out[25:] == [12, 0] and sum(out[:25]) == 4
