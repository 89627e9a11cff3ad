"""Graph algorithms: what questions ask about a Graph (degrees, neighbours, shortest and
longest paths, reachability, components, cycles, topological order, spanning trees) and
maximum bipartite matching. All algorithms are iterative (no recursion).
"""

from __future__ import annotations

import heapq
import math
from collections import deque

from tron.stdlib.graphs import Graph, _find
from tron.stdlib.registry import stdfn
from tron.stdlib.words import letter

DOMAIN = "Graph algorithms"


def _adj(g: Graph, undirected: bool = False) -> list[list[tuple[int, int]]]:
    """Out-neighbours (node, weight) per node, sorted; both ways when undirected."""
    adj: list[list[tuple[int, int]]] = [[] for _ in range(g.n)]
    for a, b, w in g.edges:
        adj[a].append((b, w))
        if undirected or not g.directed:
            adj[b].append((a, w))
    for lst in adj:
        lst.sort()
    return adj


def _node(g: Graph, i: int) -> int:
    if not 0 <= i < g.n:
        raise ValueError(f"node {i} out of range 0..{g.n - 1}")
    return i


@stdfn("Graph -> list[str]")
def node_names(g: Graph) -> list[str]:
    """Node names in index order: "A", "B", ..."""
    return [letter(i) for i in range(g.n)]


@stdfn("Graph -> int")
def n_nodes(g: Graph) -> int:
    """Number of nodes."""
    return g.n


@stdfn("Graph -> int")
def n_edges(g: Graph) -> int:
    """Number of edges."""
    return len(g.edges)


@stdfn("Graph -> list[Edge]")
def edges(g: Graph) -> list[dict[str, int]]:
    """The edges as records (a, b, w), sorted; edge i is drawn with subkey "e<i>".

    For an undirected graph a < b; for a directed one the edge points from a to b. w is 1 when
    the graph is unweighted.
    """
    return [{"a": a, "b": b, "w": w} for a, b, w in g.edges]


@stdfn("Graph, int -> int")
def degree(g: Graph, i: int) -> int:
    """Number of edges touching node i (in plus out for a directed graph)."""
    _node(g, i)
    return sum((a == i) + (b == i) for a, b, _ in g.edges)


@stdfn("Graph, int -> int")
def in_degree(g: Graph, i: int) -> int:
    """Number of edges pointing into node i (the degree for an undirected graph)."""
    return sum(b == i for _, b, _ in g.edges) if g.directed else degree(g, i)


@stdfn("Graph, int -> int")
def out_degree(g: Graph, i: int) -> int:
    """Number of edges leaving node i (the degree for an undirected graph)."""
    return sum(a == i for a, _, _ in g.edges) if g.directed else degree(g, i)


@stdfn("Graph, int -> list[int]")
def neighbours(g: Graph, i: int) -> list[int]:
    """Nodes joined to i by an edge, ascending (for a directed graph: nodes i points to)."""
    return [j for j, _ in _adj(g)[_node(g, i)]]


@stdfn("Graph, int, int -> int")
def edge_weight(g: Graph, a: int, b: int) -> int:
    """Weight of the edge from a to b (either way if undirected), or -1 when there is none."""
    for x, y, w in g.edges:
        if (x, y) == (a, b) or (not g.directed and (y, x) == (a, b)):
            return w
    return -1


def _distances(g: Graph, src: int) -> tuple[list[float], list[int]]:
    """Shortest distances from src (weights if weighted, else hops) and shortest-path counts."""
    inf = math.inf
    dist = [inf] * g.n
    ways = [0] * g.n
    dist[src], ways[src] = 0, 1
    adj = _adj(g)
    heap = [(0, src)]
    done = [False] * g.n
    while heap:
        d, u = heapq.heappop(heap)
        if done[u]:
            continue
        done[u] = True
        for v, w in adj[u]:
            nd = d + (w if g.weighted else 1)
            if nd < dist[v]:
                dist[v], ways[v] = nd, ways[u]
                heapq.heappush(heap, (nd, v))
            elif nd == dist[v]:
                ways[v] += ways[u]
    return dist, ways


@stdfn("Graph, int, int -> int")
def shortest_path_length(g: Graph, a: int, b: int) -> int:
    """Length of a shortest path from a to b: total weight if weighted, else edge count; -1 if
    b is unreachable."""
    d = _distances(g, _node(g, a))[0][_node(g, b)]
    return -1 if d == math.inf else int(d)


@stdfn("Graph, int, int -> int")
def shortest_path_count(g: Graph, a: int, b: int) -> int:
    """Number of different shortest paths from a to b (0 if unreachable, 1 when a == b)."""
    return _distances(g, _node(g, a))[1][_node(g, b)]


@stdfn("Graph, int, int -> bool")
def reachable(g: Graph, a: int, b: int) -> bool:
    """True when a path (following edge directions) leads from a to b."""
    return shortest_path_length(g, a, b) >= 0


@stdfn("Graph -> int")
def n_components(g: Graph) -> int:
    """Number of connected components (weakly connected for a directed graph)."""
    parent = list(range(g.n))
    count = g.n
    for a, b, _ in g.edges:
        ra, rb = _find(parent, a), _find(parent, b)
        if ra != rb:
            parent[ra] = rb
            count -= 1
    return count


@stdfn("Graph -> bool")
def has_cycle(g: Graph) -> bool:
    """True when the graph contains a cycle (a directed cycle for a directed graph)."""
    if g.directed:
        return len(_topo(g)) < g.n
    return n_components(g) + len(g.edges) > g.n  # a forest has exactly n - components edges


def _topo(g: Graph) -> list[int]:
    """Kahn's algorithm taking the smallest ready node first; shorter than n if cyclic."""
    indeg = [0] * g.n
    for _, b, _ in g.edges:
        indeg[b] += 1
    adj = _adj(g)
    ready = [i for i in range(g.n) if indeg[i] == 0]
    heapq.heapify(ready)
    out = []
    while ready:
        u = heapq.heappop(ready)
        out.append(u)
        for v, _ in adj[u]:
            indeg[v] -= 1
            if indeg[v] == 0:
                heapq.heappush(ready, v)
    return out


@stdfn("Graph -> list[int]")
def topo_order(g: Graph) -> list[int]:
    """The topological order of a directed acyclic graph that takes the smallest ready node
    first; an error for an undirected or cyclic graph."""
    if not g.directed:
        raise ValueError("topo_order needs a directed graph")
    order = _topo(g)
    if len(order) < g.n:
        raise ValueError("topo_order: the graph has a cycle")
    return order


@stdfn("Graph -> int")
def mst_weight(g: Graph) -> int:
    """Total weight of a minimum spanning tree (forest, if disconnected) of an undirected graph."""
    if g.directed:
        raise ValueError("mst_weight needs an undirected graph")
    parent = list(range(g.n))
    total = 0
    for a, b, w in sorted(g.edges, key=lambda e: (e[2], e[0], e[1])):
        ra, rb = _find(parent, a), _find(parent, b)
        if ra != rb:
            parent[ra] = rb
            total += w
    return total


@stdfn("Graph, int -> list[int]")
def component_of(g: Graph, i: int) -> list[int]:
    """Nodes in the same (weakly) connected component as node i, ascending."""
    adj = _adj(g, undirected=True)
    seen = [False] * g.n
    seen[_node(g, i)] = True
    queue = deque([i])
    while queue:
        u = queue.popleft()
        for v, _ in adj[u]:
            if not seen[v]:
                seen[v] = True
                queue.append(v)
    return [v for v in range(g.n) if seen[v]]


@stdfn("Graph, int, int -> int")
def longest_path_length(g: Graph, a: int, b: int) -> int:
    """Length of a longest path from a to b in a directed acyclic graph (total weight if
    weighted, else edge count); -1 if b is unreachable from a."""
    if not g.directed:
        raise ValueError("longest_path_length needs a directed acyclic graph")
    order = topo_order(g)
    best: list[float] = [-math.inf] * g.n
    best[a] = 0
    for u in order:
        if best[u] == -math.inf:
            continue
        for x, y, w in g.edges:
            if x == u:
                best[y] = max(best[y], best[u] + (w if g.weighted else 1))
    return -1 if best[b] == -math.inf else int(best[b])


@stdfn("int, int, list[Edge] -> int")
def max_matching(n_left: int, n_right: int, links: list[dict[str, int]]) -> int:
    """Size of a maximum matching between left nodes 0..n_left-1 and right nodes
    0..n_right-1 joined by the edges (a: left index, b: right index)."""
    adj: list[list[int]] = [[] for _ in range(n_left)]
    for e in links:
        if not (0 <= e["a"] < n_left and 0 <= e["b"] < n_right):
            raise ValueError("max_matching: edge outside the two sides")
        adj[e["a"]].append(e["b"])
    match_r = [-1] * n_right
    size = 0
    for u in range(n_left):
        # Breadth-first search for an augmenting path from u.
        prev_r: dict[int, int] = {}
        queue = deque([u])
        seen_l = {u}
        found = -1
        while queue and found < 0:
            x = queue.popleft()
            for y in adj[x]:
                if y in prev_r:
                    continue
                prev_r[y] = x
                if match_r[y] < 0:
                    found = y
                    break
                if match_r[y] not in seen_l:
                    seen_l.add(match_r[y])
                    queue.append(match_r[y])
        if found < 0:
            continue
        y = found
        while True:
            x = prev_r[y]
            nxt = next((yy for yy in range(n_right) if match_r[yy] == x), -1)
            match_r[y] = x
            if x == u:
                break
            y = nxt
        size += 1
    return size
