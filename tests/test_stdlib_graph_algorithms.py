"""Graph algorithms on hand-built graphs, and bipartite matching."""

from __future__ import annotations

import random

import pytest

from tron import stdlib as rt


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


def test_max_matching() -> None:
    def e(a: int, b: int) -> dict[str, int]:
        return {"a": a, "b": b, "w": 1}

    # Two workers who can only do job 0, one who can do 0 or 1: best is 2.
    assert rt.max_matching(3, 2, [e(0, 0), e(1, 0), e(2, 0), e(2, 1)]) == 2
    # A path needing an augmenting swap: 0-0, 0-1, 1-0 -> 2.
    assert rt.max_matching(2, 2, [e(0, 0), e(0, 1), e(1, 0)]) == 2
    assert rt.max_matching(2, 2, []) == 0
    comp = rt.bipartite_diagram(["a", "b"], ["x", "y"], [e(0, 1)])
    assert {"l0", "r1", "e0"} <= set(comp.subkeys())
