"""Data structures: binary search trees against a recursive reference, traversal orders."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tron import stdlib as rt


def _ref(keys: list[int]) -> dict:
    root: dict = {}
    for k in keys:
        node = root
        while node:
            node = node.setdefault("l" if k < node["k"] else "r", {})
        node["k"] = k
    return root


def _walk(t: dict, kind: str) -> list[int]:
    if not t:
        return []
    left, right = _walk(t.get("l", {}), kind), _walk(t.get("r", {}), kind)
    return {
        "pre": [t["k"]] + left + right,
        "in": left + [t["k"]] + right,
        "post": left + right + [t["k"]],
    }[kind]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(1, 99), min_size=1, max_size=14, unique=True), st.integers(1, 99))
def test_bst_matches_a_recursive_reference(keys: list[int], x: int) -> None:
    parents, sides = rt.bst_parents(keys), rt.bst_sides(keys)
    ref = _ref(keys)
    for kind in ("pre", "in", "post"):
        assert [keys[i] for i in rt.binary_tree_order(parents, sides, kind)] == _walk(ref, kind)
    assert [keys[i] for i in rt.binary_tree_order(parents, sides, "in")] == sorted(keys)
    level = [keys[i] for i in rt.binary_tree_order(parents, sides, "level")]
    depth = {k: len(rt.bst_search_path(keys, k)) for k in keys}
    assert [depth[k] for k in level] == sorted(depth[k] for k in level)
    path = [keys[i] for i in rt.bst_search_path(keys, x)]
    node, want = ref, []
    while node:
        want.append(node["k"])
        if node["k"] == x:
            break
        node = node.get("l" if x < node["k"] else "r", {})
    assert path == want


def test_diagram_keys_every_node() -> None:
    keys = [50, 30, 70, 20, 40]
    comp = rt.binary_tree_diagram(rt.bst_parents(keys), rt.bst_sides(keys), [str(k) for k in keys])
    assert {f"n{i}" for i in range(5)} <= set(comp.subkeys())
