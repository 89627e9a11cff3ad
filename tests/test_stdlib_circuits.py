"""Circuits: gate evaluation against truth tables, random gate trees and their drawing."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from tron import stdlib as rt

TABLE = {
    "AND": lambda x, y: x and y,
    "OR": lambda x, y: x or y,
    "XOR": lambda x, y: x != y,
    "NAND": lambda x, y: not (x and y),
    "NOR": lambda x, y: not (x or y),
    "NOT": lambda x, y: not x,
}


@settings(max_examples=200, deadline=None)
@given(
    st.integers(2, 8),
    st.integers(0, 2),
    st.integers(0, 10_000),
    st.lists(st.sampled_from(["AND", "OR", "XOR", "NAND", "NOR"]), min_size=12, max_size=12),
)
def test_random_tree_reads_each_signal_once_and_evaluates(
    k: int, nots: int, seed: int, kinds: list[str]
) -> None:
    a, b, unary = rt.random_gate_tree(random.Random(seed), k, nots, 4)
    ng = len(a)
    assert ng == k - 1 + nots and sum(unary) == nots and unary[-1] == 0
    reads = [s for j in range(ng) for s in ([a[j]] if unary[j] else [a[j], b[j]])]
    assert sorted(reads) == list(range(k + ng - 1))
    gates = ["NOT" if unary[j] else kinds[j] for j in range(ng)]
    inputs = [random.Random(seed + 1).randint(0, 1) for _ in range(k)]
    sig = rt.circuit_signals(inputs, gates, a, b)
    want = list(inputs)
    for j, g in enumerate(gates):
        want.append(int(bool(TABLE[g](bool(want[a[j]]), bool(want[b[j]])))))
    assert sig == want
    comp = rt.logic_circuit(["P"] * k, inputs, gates, a, b)
    keys = set(comp.subkeys())
    assert {f"g{j}" for j in range(ng)} <= keys and "out" in keys
    assert {f"net{s}" for s in range(k + ng - 1)} <= keys


def test_hand_circuit() -> None:
    # OUT = XOR(AND(1, 0), NOT(0)) = XOR(0, 1) = 1
    sig = rt.circuit_signals([1, 0, 0], ["AND", "NOT", "XOR"], [0, 2, 3], [1, 2, 4])
    assert sig == [1, 0, 0, 0, 1, 1]
