"""Rooted trees: random trees, depth, ancestors, lowest common ancestors, children and
descendants, and a top-down tree diagram.

Trees are parent lists: parents[0] == -1 is the root and every other node's parent has a
smaller index. All algorithms are iterative (no recursion).
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from tron.render.scene import Line, Rect, Style, Text
from tron.render.textpath import text_width
from tron.stdlib._geom import P
from tron.stdlib._style import DIAGRAM_PAD as PAD
from tron.stdlib._style import INK, fit_or_reject
from tron.stdlib.component import CANVAS, Component, SampleRejected
from tron.stdlib.registry import stdfn

DOMAIN = "Trees"


def _check_parents(parents: Sequence[int]) -> None:
    if not parents or parents[0] != -1:
        raise ValueError("tree: parents[0] must be -1 (node 0 is the root)")
    for i, p in enumerate(parents[1:], start=1):
        if not 0 <= p < i:
            raise ValueError(f"tree: parent of node {i} must be an earlier node, got {p}")


@stdfn("int, int, int -> list[int]", random=True)
def random_tree(rng: random.Random, n: int, max_children: int, max_depth: int) -> list[int]:
    """Parent list of a random rooted tree on `n` nodes (parents[0] = -1) where no node has more
    than `max_children` children and no node is deeper than `max_depth` edges."""
    if n < 1 or max_children < 1 or max_depth < 1:
        raise ValueError("random_tree: n, max_children and max_depth must be positive")
    parents = [-1]
    kids = [0]
    depth = [0]
    for i in range(1, n):
        open_ = [j for j in range(i) if kids[j] < max_children and depth[j] < max_depth]
        if not open_:
            raise SampleRejected("random_tree: no room for another node")
        p = open_[rng.randrange(len(open_))]
        parents.append(p)
        kids[p] += 1
        kids.append(0)
        depth.append(depth[p] + 1)
    return parents


@stdfn("list[int], int -> int")
def tree_depth(parents: list[int], i: int) -> int:
    """Number of edges from the root down to node i."""
    _check_parents(parents)
    d = 0
    while parents[i] != -1:
        i = parents[i]
        d += 1
    return d


@stdfn("list[int], int -> list[int]")
def tree_ancestors(parents: list[int], i: int) -> list[int]:
    """Node i's ancestors from its parent up to the root (empty for the root)."""
    _check_parents(parents)
    out = []
    while parents[i] != -1:
        i = parents[i]
        out.append(i)
    return out


@stdfn("list[int], int, int -> int")
def tree_lca(parents: list[int], a: int, b: int) -> int:
    """Lowest common ancestor of nodes a and b (a node counts as its own ancestor)."""
    up = {a, *tree_ancestors(parents, a)}
    for x in [b, *tree_ancestors(parents, b)]:
        if x in up:
            return x
    raise ValueError("tree_lca: nodes are not in one tree")


@stdfn("list[int], int -> list[int]")
def tree_children(parents: list[int], i: int) -> list[int]:
    """Children of node i, ascending."""
    _check_parents(parents)
    return [j for j, p in enumerate(parents) if p == i]


@stdfn("list[int], int -> list[int]")
def tree_descendants(parents: list[int], i: int) -> list[int]:
    """All nodes below node i (not i itself), ascending."""
    _check_parents(parents)
    inside = [False] * len(parents)
    inside[i] = True
    for j in range(i + 1, len(parents)):  # parents precede children
        inside[j] = inside[parents[j]]
    return [j for j in range(len(parents)) if inside[j] and j != i]


def tree_layout(parents: Sequence[int]) -> list[P]:
    """Node centres in [0, 1]^2: leaves on evenly spaced slots (depth-first order), each parent
    centred over its children, depth rows evenly spaced from the top."""
    _check_parents(parents)
    n = len(parents)
    kids: list[list[int]] = [[] for _ in range(n)]
    for j in range(1, n):
        kids[parents[j]].append(j)
    depth = [0] * n
    for j in range(1, n):
        depth[j] = depth[parents[j]] + 1
    x = [0.0] * n
    order: list[int] = []  # post-order, iteratively
    stack: list[tuple[int, bool]] = [(0, False)]
    while stack:
        u, done = stack.pop()
        if done:
            order.append(u)
            continue
        stack.append((u, True))
        for c in reversed(kids[u]):
            stack.append((c, False))
    slot = 0
    for u in order:
        if kids[u]:
            x[u] = (x[kids[u][0]] + x[kids[u][-1]]) / 2
        else:
            x[u] = float(slot)
            slot += 1
    leaves = max(slot, 1)
    rows = max(depth) + 1
    return [((x[i] + 0.5) / leaves, (depth[i] + 0.5) / rows) for i in range(n)]


@stdfn("list[int], list[str], list[str] -> Component")
def tree_diagram(parents: list[int], labels: list[str], fills: Sequence[str] = ()) -> Component:
    """A rooted tree drawn top-down: each node a rounded box with its label, joined to its
    parent by a line; node i has subkey "n<i>" and the line to its parent "e<i>".

    `fills` gives box colours (default white). Rejected when labels cannot fit legibly.
    """
    n = len(parents)
    if len(labels) != n or (fills and len(fills) != n):
        raise ValueError("tree_diagram: need one label (and fill) per node")
    pos = tree_layout(parents)
    leaves = sum(1 for i in range(n) if i not in parents)
    rows = round(1 / (2 * min(p[1] for p in pos)))
    slot_w = (CANVAS - 2 * PAD) / max(leaves, 1)
    row_h = (CANVAS - 2 * PAD) / rows
    box_h = min(40.0, row_h * 0.5)
    size = fit_or_reject(labels, min(20.0, box_h * 0.6), slot_w - 14)
    pts = [(PAD + px * (CANVAS - 2 * PAD), PAD + py * (CANVAS - 2 * PAD)) for px, py in pos]
    comp = Component()
    for i in range(1, n):
        (x1, y1), (x2, y2) = pts[parents[i]], pts[i]
        comp.add(
            Line(
                x1, y1 + box_h / 2, x2, y2 - box_h / 2, style=Style(stroke="black", stroke_width=2)
            ),
            f"e{i}",
        )
    for i, (x, y) in enumerate(pts):
        w = max(box_h, text_width(labels[i], size) + size)
        w = min(w, slot_w - 4)
        fill = fills[i] if fills else "white"
        comp.add(
            Rect(x - w / 2, y - box_h / 2, w, box_h, rx=box_h / 3, style=Style(fill=fill)), f"n{i}"
        )
        comp.add(Text(x, y, labels[i], size=size, style=INK), f"n{i}")
    return comp
