"""Graph problems: exhaustive searches against brute force on small graphs, and builders."""

from __future__ import annotations

import itertools
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from tron import stdlib as rt
from tron.stdlib.graphs import Graph


def _g(n: int, es: list[tuple[int, int, int]], directed: bool = False) -> Graph:
    # Hand-built graphs: the layout is irrelevant to the algorithms, so skip the layout search.
    edges = tuple(sorted((a, b, w) if directed else (min(a, b), max(a, b), w) for a, b, w in es))
    pos = tuple((float(i), 0.0) for i in range(n))
    return Graph(n, edges, directed, True, pos, pos[: len(edges)], 10.0)


graphs = st.integers(2, 7).flatmap(
    lambda n: st.tuples(
        st.just(n),
        st.lists(
            st.tuples(st.integers(0, n - 1), st.integers(0, n - 1), st.integers(1, 9)).filter(
                lambda e: e[0] != e[1]
            ),
            max_size=12,
            unique_by=lambda e: (min(e[0], e[1]), max(e[0], e[1])),
        ),
    )
)


def _adj(n: int, es: list[tuple[int, int, int]]) -> set[tuple[int, int]]:
    return {(a, b) for a, b, _ in es} | {(b, a) for a, b, _ in es}


@settings(max_examples=150, deadline=None)
@given(graphs)
def test_hamilton_and_colouring_match_brute_force(gr: tuple[int, list]) -> None:
    n, es = gr
    g, adj = _g(n, es), _adj(n, es)
    perms = list(itertools.permutations(range(n)))
    path = any(all((p[i], p[i + 1]) in adj for i in range(n - 1)) for p in perms)
    cycle = n >= 3 and any(
        path_ok and (p[-1], p[0]) in adj
        for p in perms
        for path_ok in [all((p[i], p[i + 1]) in adj for i in range(n - 1))]
    )
    assert rt.has_hamilton_path(g) == path
    assert rt.has_hamilton_cycle(g) == cycle
    chi = min(
        k
        for k in range(1, n + 1)
        if any(all(c[a] != c[b] for a, b, _ in es) for c in itertools.product(range(k), repeat=n))
    )
    assert rt.chromatic_number(g) == chi
    assert (chi <= 2) == all(rt.bipartite_side(g, i) for i in range(n))


@settings(max_examples=150, deadline=None)
@given(graphs, st.randoms(use_true_random=False))
def test_isomorphism_finds_renamings_and_rejects_others(
    gr: tuple[int, list], r: random.Random
) -> None:
    n, es = gr
    perm = list(range(n))
    r.shuffle(perm)
    g = _g(n, es)
    h = _g(n, [(perm[a], perm[b], w) for a, b, w in es])
    assert rt.graphs_isomorphic(g, h)
    other = _g(n, [(a, b, 1) for a, b in itertools.combinations(range(n), 2)][: len(es)])
    brute = any(
        {(min(p[a], p[b]), max(p[a], p[b])) for a, b, _ in es}
        == {(a, b) for a, b, _ in other.edges}
        for p in itertools.permutations(range(n))
    )
    assert rt.graphs_isomorphic(g, other) == brute


@settings(max_examples=150, deadline=None)
@given(graphs)
def test_spanning_edges_give_the_mst_weight(gr: tuple[int, list]) -> None:
    n, es = gr
    g = _g(n, es)
    k = rt.kruskal_edges(g)
    assert sum(e["w"] for e in k) == rt.mst_weight(g)
    if rt.n_components(g) == 1:
        p = rt.prim_edges(g, n - 1)
        assert len(p) == len(k) == n - 1
        assert sum(e["w"] for e in p) == rt.mst_weight(g)


@settings(max_examples=150, deadline=None)
@given(graphs)
def test_max_flow_equals_min_cut_and_bounds_widest(gr: tuple[int, list]) -> None:
    n, es = gr
    g = _g(n, es, directed=True)
    cut = min(
        sum(w for a, b, w in es if a in side and b not in side)
        for bits in range(2**n)
        if bits & 1 and not bits >> (n - 1) & 1
        for side in [{i for i in range(n) if bits >> i & 1}]
    )
    assert rt.max_flow(g, 0, n - 1) == cut
    assert rt.widest_path(g, 0, n - 1) <= cut


def test_euler_kinds_and_degree_sequence() -> None:
    square = _g(4, [(0, 1, 1), (1, 2, 1), (2, 3, 1), (3, 0, 1)])
    assert rt.euler_kind(square) == "circuit"
    assert rt.euler_kind(_g(4, [(0, 1, 1), (1, 2, 1), (2, 3, 1)])) == "path"
    star = _g(4, [(0, 1, 1), (0, 2, 1), (0, 3, 1)])
    assert rt.euler_kind(star) == "neither" and rt.degree_sequence(star) == [3, 1, 1, 1]
    two = _g(6, [(0, 1, 1), (1, 2, 1), (2, 0, 1), (3, 4, 1), (4, 5, 1), (5, 3, 1)])
    assert rt.euler_kind(two) == "neither"  # even degrees, but two pieces


def test_signed_effect_multiplies_signs() -> None:
    # A -(+)-> B -(-)-> C, A -(-)-> D -(+)-> C: both routes negative.
    g = _g(4, [(0, 1, 1), (1, 2, 2), (0, 3, 2), (3, 2, 1)], directed=True)
    assert rt.signed_effect(g, 0, 2) == -1 and rt.signed_effect(g, 0, 1) == 1
    assert rt.signed_effect(g, 2, 0) == 0
    g2 = _g(4, [(0, 1, 1), (1, 2, 1), (0, 3, 2), (3, 2, 1)], directed=True)
    assert rt.signed_effect(g2, 0, 2) == 0  # the routes disagree


def test_builders_keep_their_promises() -> None:
    for seed in range(15):
        rng = random.Random(seed)
        for odd in (0, 2, 4):
            g = rt.random_parity_graph(rng, 7, 9, odd)
            assert sum(d % 2 for d in rt.degree_sequence(g)) == odd
            assert rt.n_components(g) == 1
        h = rt.relabelled_graph(rng, g)
        assert rt.graphs_isomorphic(g, h)
        w = rt.rewired_graph(rng, g, 2)
        assert rt.degree_sequence(w) == rt.degree_sequence(g) and rt.n_components(w) == 1
        rw = rt.reweighted_graph(g, list(range(1, len(g.edges) + 1)))
        assert [e["w"] for e in rt.edges(rw)] == list(range(1, len(g.edges) + 1))
        assert rt.draw_graph_boxed(g, [str(i) for i in range(7)], 0, 0, 256, "gray").items
