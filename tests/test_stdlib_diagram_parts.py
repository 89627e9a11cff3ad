"""Diagram components: trees, gears, Venn diagrams, flowchart steps, pipes, timelines, Gantt
charts, state machines, bipartite matching and layered DAGs."""

import random

import pytest

from tron import stdlib as rt
from tron.stdlib.component import SampleRejected
from tron.stdlib.diagram_parts import _venn_circles, _venn_mask, tree_layout

# 0 is the root; 1, 2 its children; 3, 4 under 1; 5 under 3.
PARENTS = [-1, 0, 0, 1, 1, 3]


def test_tree_queries() -> None:
    assert rt.tree_depth(PARENTS, 0) == 0
    assert rt.tree_depth(PARENTS, 5) == 3
    assert rt.tree_ancestors(PARENTS, 5) == [3, 1, 0]
    assert rt.tree_lca(PARENTS, 5, 4) == 1
    assert rt.tree_lca(PARENTS, 5, 2) == 0
    assert rt.tree_lca(PARENTS, 3, 5) == 3
    assert rt.tree_children(PARENTS, 1) == [3, 4]
    assert rt.tree_descendants(PARENTS, 1) == [3, 4, 5]
    with pytest.raises(ValueError):
        rt.tree_depth([0, 0], 1)


def test_tree_layout_centres_parents() -> None:
    pos = tree_layout(PARENTS)
    assert pos[1][0] == pytest.approx((pos[3][0] + pos[4][0]) / 2)
    assert pos[0][1] < pos[1][1] < pos[3][1] < pos[5][1]
    comp = rt.tree_diagram(PARENTS, list("ABCDEF"), [])
    assert {"n0", "n5", "e5"} <= set(comp.subkeys())


def test_random_tree_limits() -> None:
    rng = random.Random(3)
    for _ in range(20):
        ps = rt.random_tree(rng, 12, 2, 4)
        assert ps[0] == -1 and len(ps) == 12
        assert max(ps.count(i) for i in range(12)) <= 2
        assert max(rt.tree_depth(ps, i) for i in range(12)) <= 4


def test_gear_train_meshes_only_parents() -> None:
    rng = random.Random(5)
    parents = [-1, 0, 1, 1, 3]
    comp = rt.gear_train(rng, parents, [10, 14, 8, 12, 9], list("ABCDE"), True)
    assert {"g0", "g4", "drive"} <= set(comp.subkeys())
    x0, y0, x1, y1 = comp.bbox()
    assert x0 >= 0 and y0 >= 0 and x1 <= 512 and y1 <= 512


def test_venn_items_land_in_their_regions() -> None:
    rng = random.Random(1)
    masks = [0, 1, 2, 3, 5, 7, 4, 6]
    comp = rt.venn_diagram(rng, ["P", "Q", "R"], [str(i) for i in range(8)], masks)
    circles = _venn_circles(3)
    from tron.scene import Text

    for item, sub in comp.items:
        if sub and sub.startswith("i") and isinstance(item, Text):
            assert _venn_mask(circles, (item.x, item.y), 0) == masks[int(sub[1:])]


def test_steps() -> None:
    assert rt.apply_steps(4, ["+ 3", "× 2", "- 5", "÷ 3"]) == 3
    assert rt.step_values(2, ["× 3", "-1"]) == [6, 5]
    assert rt.apply_steps(7, []) == 7
    with pytest.raises(SampleRejected):
        rt.apply_steps(5, ["÷ 2"])
    with pytest.raises(ValueError):
        rt.apply_steps(5, ["^ 2"])
    comp = rt.flowchart("Input x", ["add 2"], "Is x > 3?", ["add 1"], [], "Output x")
    assert {"start", "s0", "test", "y0", "end"} <= set(comp.subkeys())


def test_pipes() -> None:
    # 1 x 3: right-open, left-right, left-open: all joined; turning the middle breaks it.
    assert rt.pipes_reach(1, 3, [2, 10, 8], 0) == [0, 1, 2]
    assert rt.pipes_reach(1, 3, [2, 5, 8], 0) == [0]
    rng = random.Random(2)
    for want in (True, False):
        for _ in range(10):
            tiles = rt.random_pipes(rng, 4, 5, 0, 19, want)
            assert (19 in rt.pipes_reach(4, 5, tiles, 0)) == want
    comp = rt.pipe_grid(1, 3, [2, 10, 8], 0, 2)
    assert {"c0", "c2", "src", "dst"} <= set(comp.subkeys())


def test_timeline_and_gantt() -> None:
    comp = rt.timeline([1900, 1950, 2000], ["a", "b", "c"])
    assert comp.subkeys() == ["ev0", "ev1", "ev2"]
    with pytest.raises(SampleRejected):
        rt.timeline([1900, 1901, 2000], ["a", "b", "c"])
    g = rt.gantt_chart(["x", "y"], [0, 3], [2, 6], 8)
    assert g.subkeys() == ["t0", "t1"]
    with pytest.raises(ValueError):
        rt.gantt_chart(["x"], [3], [3], 8)


def test_state_machine() -> None:
    # Parity of b's: P --b--> Q --b--> P, a loops.
    delta = [0, 1, 1, 0]
    assert rt.run_machine(delta, 2, 0, [1, 0, 1, 1]) == 1
    assert rt.run_machine(delta, 2, 0, []) == 0
    comp = rt.state_diagram(["P", "Q"], delta, ["a", "b"], [1])
    assert {"q0", "q1", "m0_0", "m0_1", "m1_0", "entry"} <= set(comp.subkeys())


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


def test_layered_dag_and_longest_path() -> None:
    rng = random.Random(4)
    g = rt.layered_dag(rng, [1, 3, 2, 1], 2, True, 9)
    order = rt.topo_order(g)
    src, dst = order[0], order[-1]
    assert [i for i in range(7) if rt.in_degree(g, i) == 0] == [src]
    assert [i for i in range(7) if rt.out_degree(g, i) == 0] == [dst]
    assert rt.longest_path_length(g, src, dst) >= rt.shortest_path_length(g, src, dst) > 0
    assert rt.longest_path_length(g, dst, src) == -1
