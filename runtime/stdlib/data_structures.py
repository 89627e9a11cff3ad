"""Data structures: binary search trees built by insertion, traversal orders of binary trees,
and a binary-tree drawing that keeps left and right children on their own sides.

A binary tree is a parent list (parents[0] == -1, each parent earlier than its child) plus a
side per node (0: left child, 1: right child; the root's side is ignored).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence

from tron.render.scene import Circle, Line, Style, Text
from tron.stdlib._style import DIAGRAM_PAD as PAD
from tron.stdlib._style import INK
from tron.stdlib.component import CANVAS, Component, SampleRejected
from tron.stdlib.registry import stdfn

DOMAIN = "Data structures"


def _bst(keys: Sequence[int]) -> tuple[list[int], list[int]]:
    if len(set(keys)) != len(keys) or not keys:
        raise ValueError("bst: distinct keys, at least one")
    parents, sides = [-1], [0]
    for i in range(1, len(keys)):
        node = 0
        while True:
            side = 1 if keys[i] > keys[node] else 0
            child = next((c for c in range(i) if parents[c] == node and sides[c] == side), -1)
            if child < 0:
                parents.append(node)
                sides.append(side)
                break
            node = child
    return parents, sides


@stdfn("list[int] -> list[int]")
def bst_parents(keys: list[int]) -> list[int]:
    """Parent list of the binary search tree made by inserting the distinct keys in order
    (node i holds keys[i]; node 0 is the root)."""
    return _bst(keys)[0]


@stdfn("list[int] -> list[int]")
def bst_sides(keys: list[int]) -> list[int]:
    """For each node of the binary search tree of `keys` (see bst_parents): 1 when it is its
    parent's right child (larger key), 0 when left (0 for the root)."""
    return _bst(keys)[1]


@stdfn("list[int], int -> list[int]")
def bst_search_path(keys: list[int], x: int) -> list[int]:
    """Nodes (indices into keys) a search for x visits from the root, in order: it ends at
    the node holding x, or at the last node compared when x is absent."""
    parents, sides = _bst(keys)
    path, node = [0], 0
    while keys[node] != x:
        side = 1 if x > keys[node] else 0
        child = next((c for c in range(len(keys)) if parents[c] == node and sides[c] == side), -1)
        if child < 0:
            break
        node = child
        path.append(node)
    return path


def _children(parents: Sequence[int], sides: Sequence[int]) -> list[list[int]]:
    """Per node [left, right] child index (-1 for none)."""
    kids = [[-1, -1] for _ in parents]
    for i in range(1, len(parents)):
        p = parents[i]
        if not 0 <= p < i or sides[i] not in (0, 1) or kids[p][sides[i]] != -1:
            raise ValueError("binary tree: parents earlier, sides 0/1, one child per side")
        kids[p][sides[i]] = i
    return kids


@stdfn("list[int], list[int], str -> list[int]")
def binary_tree_order(parents: list[int], sides: list[int], kind: str) -> list[int]:
    """The nodes of the binary tree in "pre" (node, left, right), "in" (left, node, right),
    "post" (left, right, node) or "level" (top to bottom, left to right) order."""
    if not parents or parents[0] != -1:
        raise ValueError("binary tree: parents[0] must be -1")
    kids = _children(parents, sides)
    if kind == "level":
        out, todo = [], deque([0])
        while todo:
            v = todo.popleft()
            out.append(v)
            todo.extend(c for c in kids[v] if c >= 0)
        return out
    if kind not in ("pre", "in", "post"):
        raise ValueError(f"binary_tree_order: unknown order {kind!r}")
    out = []
    stack: list[tuple[int, bool]] = [(0, False)]
    while stack:  # (node, expanded): an expanded node is emitted when popped
        v, done = stack.pop()
        if done:
            out.append(v)
            continue
        left, right = kids[v]
        steps = {
            "pre": [(right, False), (left, False), (v, True)],
            "in": [(right, False), (v, True), (left, False)],
            "post": [(v, True), (right, False), (left, False)],
        }[kind]
        stack.extend((c, d) for c, d in steps if c >= 0)
    return out


@stdfn("list[int], list[int], list[str] -> Component")
def binary_tree_diagram(parents: list[int], sides: list[int], labels: list[str]) -> Component:
    """The binary tree drawn top-down as labelled circles, each node's column set by its
    in-order position so every left child sits left of its parent and every right child
    right; node i has subkey "n<i>" and the line to its parent "e<i>"."""
    _children(parents, sides)  # validates the shape
    n = len(parents)
    if len(labels) != n:
        raise ValueError("binary_tree_diagram: one label per node")
    col = {v: i for i, v in enumerate(binary_tree_order(parents, sides, "in"))}
    depth = [0] * n
    for i in range(1, n):
        depth[i] = depth[parents[i]] + 1
    rows = max(depth) + 1
    r = 16.0
    dx = (CANVAS - 2 * PAD - 2 * r) / max(1, n - 1)
    dy = min(90.0, (CANVAS - 2 * PAD - 2 * r) / max(1, rows - 1))
    if dx < 2 * r + 2:
        raise SampleRejected("binary_tree_diagram: too many nodes for the width")
    pos = [(PAD + r + col[i] * dx, PAD + r + depth[i] * dy) for i in range(n)]
    comp = Component()
    for i in range(1, n):
        (x1, y1), (x2, y2) = pos[parents[i]], pos[i]
        comp.add(Line(x1, y1, x2, y2, style=Style(stroke="black", stroke_width=2)), f"e{i}")
    for i, (x, y) in enumerate(pos):
        comp.add(
            Circle(x, y, r, style=Style(fill="white", stroke="black", stroke_width=2)), f"n{i}"
        )
        comp.add(Text(x, y, labels[i], size=15, bold=True, style=INK), f"n{i}")
    return comp
