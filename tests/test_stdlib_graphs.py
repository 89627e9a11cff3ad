"""Legibility of random graph layouts, layered DAGs and drawing."""

from __future__ import annotations

import math
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tron import stdlib as rt
from tron.stdlib._geom import seg_dist
from tron.stdlib.component import SampleRejected
from tron.stdlib.graphs import Graph


def _check_layout(g: Graph) -> None:
    for i in range(g.n):
        x, y = g.pos[i]
        assert g.r <= x <= 512 - g.r and g.r <= y <= 512 - g.r
        for j in range(i):
            assert math.dist(g.pos[i], g.pos[j]) >= 2 * g.r + 10
    for a, b, _ in g.edges:
        for k in range(g.n):
            if k not in (a, b):
                assert seg_dist(g.pos[k], g.pos[a], g.pos[b]) > g.r


@given(
    st.integers(0, 2**31),
    st.integers(2, 16),
    st.booleans(),
    st.booleans(),
    st.booleans(),
)
def test_random_graph_properties(
    seed: int, n: int, weighted: bool, directed: bool, acyc: bool
) -> None:
    rng = random.Random(seed)
    m = rng.randint(n - 1, min(n * (n - 1) // 2, 2 * n))
    try:
        g = rt.random_graph(rng, n, m, weighted, directed, True, 9, acyc)
    except SampleRejected:
        return
    assert g.n == n and len(g.edges) == m
    assert rt.n_components(g) == 1
    assert len({(min(a, b), max(a, b)) for a, b, _ in g.edges}) == m
    if directed and acyc:
        assert not rt.has_cycle(g)
    if weighted:
        assert all(1 <= w <= 9 for _, _, w in g.edges)
    _check_layout(g)
    x0, y0, x1, y1 = rt.draw_graph(g).bbox()
    assert x0 >= 0 and y0 >= 0 and x1 <= 512 and y1 <= 512


def test_random_graph_rarely_rejects() -> None:
    fails = 0
    for seed in range(40):
        try:
            rt.random_graph(random.Random(seed), 10, 14, True)
        except SampleRejected:
            fails += 1
    assert fails <= 2


def test_disconnected_graph_and_validation() -> None:
    g = rt.random_graph(random.Random(3), 8, 3, False, False, False)
    assert len(g.edges) == 3 and rt.n_components(g) == 5
    with pytest.raises(ValueError):
        rt.random_graph(random.Random(0), 5, 2)  # too few edges to connect
    with pytest.raises(ValueError):
        rt.random_graph(random.Random(0), 4, 7)  # more than a simple graph holds


def test_draw_graph_subkeys() -> None:
    g = rt.random_graph(random.Random(1), 5, 6, True)
    comp = rt.draw_graph(g, ["red", "white", "blue", "white", "white"])
    keys = comp.subkeys()
    assert [f"n{i}" for i in range(5)] == [k for k in keys if k.startswith("n")]
    assert [f"e{i}" for i in range(6)] == [k for k in keys if k.startswith("e")]
    with pytest.raises(ValueError):
        rt.draw_graph(g, ["red"])


def test_layered_dag_and_longest_path() -> None:
    rng = random.Random(4)
    g = rt.layered_dag(rng, [1, 3, 2, 1], 2, True, 9)
    order = rt.topo_order(g)
    src, dst = order[0], order[-1]
    assert [i for i in range(7) if rt.in_degree(g, i) == 0] == [src]
    assert [i for i in range(7) if rt.out_degree(g, i) == 0] == [dst]
    assert rt.longest_path_length(g, src, dst) >= rt.shortest_path_length(g, src, dst) > 0
    assert rt.longest_path_length(g, dst, src) == -1
