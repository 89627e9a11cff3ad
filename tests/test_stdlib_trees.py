"""Rooted trees: queries, layout and random trees."""

from __future__ import annotations

import random

import pytest

from tron import stdlib as rt
from tron.stdlib.trees import tree_layout

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
