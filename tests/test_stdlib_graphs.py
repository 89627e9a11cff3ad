"""Graph algorithms on hand-built graphs, and legibility of random layouts."""

import math
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tron import stdlib as rt
from tron.stdlib.component import SampleRejected
from tron.stdlib.graphs import Graph, _seg_dist


def _g(n: int, edges: list[tuple[int, int, int]], directed: bool = False, weighted: bool = True):
    return rt.graph_from_edges(
        random.Random(0), n, [{"a": a, "b": b, "w": w} for a, b, w in edges], directed, weighted
    )


def test_weighted_shortest_path() -> None:
    # A-B 4, A-C 1, C-B 2, B-D 1, C-D 5: A->D best is A-C-B-D = 4.
    g = _g(5, [(0, 1, 4), (0, 2, 1), (2, 1, 2), (1, 3, 1), (2, 3, 5)])
    assert rt.shortest_path_length(g, 0, 3) == 4
    assert rt.shortest_path_length(g, 3, 0) == 4
    assert rt.shortest_path_length(g, 0, 4) == -1  # E is isolated
    assert rt.shortest_path_length(g, 2, 2) == 0
    assert not rt.reachable(g, 0, 4) and rt.reachable(g, 0, 3)
    assert rt.n_components(g) == 2
    assert rt.has_cycle(g)
    assert rt.mst_weight(g) == 1 + 2 + 1
    assert rt.edge_weight(g, 1, 0) == 4 and rt.edge_weight(g, 0, 3) == -1
    assert rt.degree(g, 2) == 3 and rt.neighbours(g, 2) == [0, 1, 3]
    assert rt.component_of(g, 3) == [0, 1, 2, 3]


def test_unweighted_bfs_and_path_count() -> None:
    # A square A-B-D, A-C-D plus a tail D-E: two shortest A->D paths of 2 hops.
    g = _g(5, [(0, 1, 9), (0, 2, 9), (1, 3, 9), (2, 3, 9), (3, 4, 9)], weighted=False)
    assert rt.shortest_path_length(g, 0, 4) == 3
    assert rt.shortest_path_count(g, 0, 3) == 2
    assert rt.shortest_path_count(g, 0, 4) == 2
    assert rt.edges(g)[0] == {"a": 0, "b": 1, "w": 1}


def test_trees_have_no_cycle() -> None:
    g = _g(4, [(0, 1, 1), (1, 2, 1), (1, 3, 1)])
    assert not rt.has_cycle(g) and rt.n_components(g) == 1


def test_directed_queries() -> None:
    # A->B, B->C, A->C, D->C: acyclic; C reachable from A but not the reverse.
    g = _g(4, [(0, 1, 1), (1, 2, 1), (0, 2, 1), (3, 2, 1)], directed=True, weighted=False)
    assert rt.reachable(g, 0, 2) and not rt.reachable(g, 2, 0)
    assert rt.shortest_path_length(g, 2, 0) == -1
    assert not rt.has_cycle(g)
    assert rt.topo_order(g) == [0, 1, 3, 2]
    assert rt.in_degree(g, 2) == 3 and rt.out_degree(g, 0) == 2 and rt.degree(g, 2) == 3
    assert rt.neighbours(g, 0) == [1, 2]
    cyc = _g(3, [(0, 1, 1), (1, 2, 1), (2, 0, 1)], directed=True)
    assert rt.has_cycle(cyc)
    with pytest.raises(ValueError):
        rt.topo_order(cyc)


def test_graph_from_edges_rejects_bad_input() -> None:
    with pytest.raises(ValueError):
        _g(3, [(0, 3, 1)])
    with pytest.raises(ValueError):
        _g(3, [(0, 1, 1), (1, 0, 1)])


def _check_layout(g: Graph) -> None:
    for i in range(g.n):
        x, y = g.pos[i]
        assert g.r <= x <= 512 - g.r and g.r <= y <= 512 - g.r
        for j in range(i):
            assert math.dist(g.pos[i], g.pos[j]) >= 2 * g.r + 10
    for a, b, _ in g.edges:
        for k in range(g.n):
            if k not in (a, b):
                assert _seg_dist(g.pos[k], g.pos[a], g.pos[b]) > g.r


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
