"""Counting scenes: drawing pieces the counting specs need that the shape set lacks (an open
curve drawn as one object, so a question about the whole curve keys one thing), and the exact
counts behind the graph-counting scenes (bridges, cycles of a length, simple paths, Euler
trail starts) over undirected edge lists.
"""

from __future__ import annotations

from tron.render.scene import Polyline, Style
from tron.stdlib._style import paint
from tron.stdlib.component import Component
from tron.stdlib.registry import stdfn

DOMAIN = "Counting scenes"

MAX_CURVE_POINTS = 5000  # far more than any plotted curve needs


@stdfn("list[Point], str, real -> Component")
def open_curve(
    points: list[dict[str, float]], colour: str = "black", width: float = 3
) -> Component:
    """An open polyline through the points in order (at least 2), drawn as one object: a
    plotted curve or a path that a question counts features of."""
    if not 2 <= len(points) <= MAX_CURVE_POINTS:
        raise ValueError(f"open_curve needs 2..{MAX_CURVE_POINTS} points, got {len(points)}")
    pts = tuple((float(p["x"]), float(p["y"])) for p in points)
    comp = Component()
    comp.add(Polyline(pts, style=Style(stroke=paint(colour), stroke_width=width)))
    return comp


# Graph counts over an undirected edge list (records a, b, as `edges(g)` returns them). The
# graphs a picture can show are small (at most 26 nodes), so plain searches are enough.

MAX_NODES = 26
MAX_PATH_EDGES = 40  # simple-path enumeration is exponential: keep the graphs sparse


def _adjacency(n: int, edges: list[dict[str, int]], who: str) -> list[set[int]]:
    if not 1 <= n <= MAX_NODES:
        raise ValueError(f"{who}: 1..{MAX_NODES} nodes, got {n}")
    adj: list[set[int]] = [set() for _ in range(n)]
    for e in edges:
        a, b = int(e["a"]), int(e["b"])
        if not (0 <= a < n and 0 <= b < n) or a == b:
            raise ValueError(f"{who}: bad edge {a}-{b} for {n} nodes")
        adj[a].add(b)
        adj[b].add(a)
    return adj


def _component_count(adj: list[set[int]], skip: tuple[int, int] | None = None) -> int:
    seen: set[int] = set()
    parts = 0
    for s in range(len(adj)):
        if s in seen:
            continue
        parts += 1
        stack = [s]
        seen.add(s)
        while stack:
            u = stack.pop()
            for v in adj[u]:
                if skip is not None and {u, v} == set(skip):
                    continue
                if v not in seen:
                    seen.add(v)
                    stack.append(v)
    return parts


@stdfn("int, list[Edge] -> int")
def bridge_count(n: int, edges: list[dict[str, int]]) -> int:
    """Number of edges of the undirected graph on nodes 0..n-1 whose removal alone splits a
    connected piece in two (bridges); repeated edges are treated as one."""
    adj = _adjacency(n, edges, "bridge_count")
    base = _component_count(adj)
    pairs = {(min(int(e["a"]), int(e["b"])), max(int(e["a"]), int(e["b"]))) for e in edges}
    return sum(1 for p in pairs if _component_count(adj, p) > base)


@stdfn("int, list[Edge], int -> int")
def cycle_count(n: int, edges: list[dict[str, int]], k: int) -> int:
    """Number of different cycles with exactly `k` edges (k >= 3) in the undirected graph on
    nodes 0..n-1: closed walks through k distinct nodes, each cycle counted once whatever its
    starting node and direction."""
    if not 3 <= k <= 8:
        raise ValueError(f"cycle_count: length 3..8, got {k}")
    adj = _adjacency(n, edges, "cycle_count")
    total = 0

    # Count each cycle from its smallest node, in both directions, then halve.
    def walk(start: int, u: int, depth: int, used: set[int]) -> int:
        if depth == k:
            return 1 if start in adj[u] else 0
        found = 0
        for v in adj[u]:
            if v > start and v not in used:
                used.add(v)
                found += walk(start, v, depth + 1, used)
                used.discard(v)
        return found

    for s in range(n):
        total += walk(s, s, 1, {s})
    return total // 2


@stdfn("int, list[Edge], int, int -> int")
def simple_path_count(n: int, edges: list[dict[str, int]], a: int, b: int) -> int:
    """Number of different paths from node a to node b in the undirected graph on nodes
    0..n-1 that never visit a node twice (1 when a == b)."""
    adj = _adjacency(n, edges, "simple_path_count")
    if len(edges) > MAX_PATH_EDGES:
        raise ValueError(f"simple_path_count: at most {MAX_PATH_EDGES} edges")
    if not (0 <= a < n and 0 <= b < n):
        raise ValueError("simple_path_count: end node out of range")

    def walk(u: int, used: set[int]) -> int:
        if u == b:
            return 1
        found = 0
        for v in adj[u]:
            if v not in used:
                used.add(v)
                found += walk(v, used)
                used.discard(v)
        return found

    return walk(a, {a})


@stdfn("int, list[Edge] -> int")
def euler_start_count(n: int, edges: list[dict[str, int]]) -> int:
    """Number of nodes from which a walk can start that uses every edge exactly once (an Euler
    trail or circuit): all nodes that have edges when every degree is even, the two odd nodes
    when exactly two are odd, else 0; 0 also when the edges do not form one connected piece."""
    adj = _adjacency(n, edges, "euler_start_count")
    deg = [0] * n
    for e in edges:
        deg[int(e["a"])] += 1
        deg[int(e["b"])] += 1
    touched = [i for i in range(n) if deg[i] > 0]
    if not touched:
        return 0
    # Connected on the nodes that carry edges: the isolated nodes each form a piece of their own.
    if _component_count(adj) - (n - len(touched)) != 1:
        return 0
    odd = sum(1 for d in deg if d % 2 == 1)
    if odd == 0:
        return len(touched)
    return 2 if odd == 2 else 0
