"""Graph problems for drawn graphs: Euler and Hamilton routes, colouring, bipartite sides,
degree sequences, Kruskal and Prim edge orders, maximum flow and widest routes, isomorphism
of two drawings, and signed (causal-loop) arrows.

Exhaustive searches (Hamilton, colouring, isomorphism) are exact, bounded by _MAX_BRUTE nodes
(more than a legible drawing holds). Builders lay graphs out afresh with `graphs`.
"""

from __future__ import annotations

import math
import random
from collections import deque
from collections.abc import Sequence

from tron.render.scene import Circle, Line, Rect, Style, Text
from tron.render.textpath import text_width
from tron.stdlib.component import Component, SampleRejected
from tron.stdlib.graphs import Graph, _find, _finish, _ink_for, graph_from_edges
from tron.stdlib.registry import stdfn

DOMAIN = "Graph problems"

_MAX_BRUTE = 12  # nodes: exhaustive searches stay well under a millisecond-scale budget


def _undirected_adj(g: Graph) -> list[set[int]]:
    adj: list[set[int]] = [set() for _ in range(g.n)]
    for a, b, _ in g.edges:
        adj[a].add(b)
        adj[b].add(a)
    return adj


def _brute(g: Graph, what: str) -> None:
    if g.n > _MAX_BRUTE:
        raise ValueError(f"{what}: at most {_MAX_BRUTE} nodes")


def _edge(a: int, b: int, w: int) -> dict[str, int]:
    return {"a": a, "b": b, "w": w}


@stdfn("Graph -> str")
def euler_kind(g: Graph) -> str:
    """For an undirected graph: "circuit" when a closed walk uses every edge exactly once,
    "path" when only an open one does (exactly two odd-degree nodes), else "neither" (also when
    the edges do not all lie in one connected piece)."""
    adj = _undirected_adj(g)
    used = [i for i in range(g.n) if adj[i]]
    if not used:
        return "neither"
    seen, todo = {used[0]}, [used[0]]
    while todo:
        for v in adj[todo.pop()]:
            if v not in seen:
                seen.add(v)
                todo.append(v)
    if len(seen) != len(used):
        return "neither"
    odd = sum(len(adj[i]) % 2 for i in range(g.n))
    return "circuit" if odd == 0 else "path" if odd == 2 else "neither"


def _hamilton(g: Graph, cycle: bool) -> bool:
    """Held-Karp over subsets: reach[mask] = set of end nodes of a path covering mask."""
    n = g.n
    adj = _undirected_adj(g)
    if n == 1:
        return not cycle
    starts = [0] if cycle else list(range(n))
    for s in starts:
        reach = {1 << s: {s}}
        for size in range(1, n):
            nxt: dict[int, set[int]] = {}
            for mask, ends in reach.items():
                if bin(mask).count("1") != size:
                    continue
                for e in ends:
                    for v in adj[e]:
                        if not mask >> v & 1:
                            nxt.setdefault(mask | 1 << v, set()).add(v)
            reach = nxt
        full = reach.get((1 << n) - 1, set())
        if full and (not cycle or any(s in adj[e] for e in full)):
            return True
    return False


@stdfn("Graph -> bool")
def has_hamilton_cycle(g: Graph) -> bool:
    """True when a closed route along the edges visits every node exactly once (at most 12
    nodes; edge directions are ignored)."""
    _brute(g, "has_hamilton_cycle")
    return g.n >= 3 and _hamilton(g, True)


@stdfn("Graph -> bool")
def has_hamilton_path(g: Graph) -> bool:
    """True when an open route along the edges visits every node exactly once (at most 12
    nodes; edge directions are ignored)."""
    _brute(g, "has_hamilton_path")
    return _hamilton(g, False)


@stdfn("Graph -> int")
def chromatic_number(g: Graph) -> int:
    """Fewest colours for the nodes so that no edge joins two nodes of one colour (at most 12
    nodes; 0 for no nodes)."""
    _brute(g, "chromatic_number")
    adj = _undirected_adj(g)
    order = sorted(range(g.n), key=lambda i: -len(adj[i]))
    for k in range(1, g.n + 1):
        col = [-1] * g.n
        # Iterative backtracking: stack of (position in order, next colour to try).
        pos, stack = 0, [0]
        while stack:
            v = order[pos]
            c = stack[-1]
            while c < k and any(col[u] == c for u in adj[v]):
                c += 1
            if c == k:
                col[v] = -1
                stack.pop()
                pos -= 1
                if stack:
                    col[order[pos]] = -1
                    stack[-1] += 1
                continue
            col[v] = c
            stack[-1] = c
            if pos == g.n - 1:
                return k
            pos += 1
            stack.append(0)
    return 0


@stdfn("Graph, int -> list[int]")
def bipartite_side(g: Graph, i: int) -> list[int]:
    """Nodes on node i's side when its connected piece is split into two groups with no edge
    inside a group (ascending, i included); empty when the piece has an odd cycle."""
    adj = _undirected_adj(g)
    side = {i: 0}
    todo = deque([i])
    while todo:
        u = todo.popleft()
        for v in adj[u]:
            if v not in side:
                side[v] = 1 - side[u]
                todo.append(v)
            elif side[v] == side[u]:
                return []
    return sorted(v for v, s in side.items() if s == 0)


@stdfn("Graph -> list[int]")
def degree_sequence(g: Graph) -> list[int]:
    """Every node's degree (edges touching it), largest first."""
    return sorted((len(s) for s in _undirected_adj(g)), reverse=True)


@stdfn("Graph -> list[Edge]")
def kruskal_edges(g: Graph) -> list[dict[str, int]]:
    """The edges Kruskal's algorithm adds, in order: cheapest first (ties by end nodes),
    skipping any edge whose ends are already joined."""
    parent = list(range(g.n))
    out = []
    for a, b, w in sorted(g.edges, key=lambda e: (e[2], e[0], e[1])):
        ra, rb = _find(parent, a), _find(parent, b)
        if ra != rb:
            parent[ra] = rb
            out.append(_edge(a, b, w))
    return out


@stdfn("Graph, int -> list[Edge]")
def prim_edges(g: Graph, start: int) -> list[dict[str, int]]:
    """The edges Prim's algorithm adds growing a tree from node `start`, in order: each the
    cheapest edge from the tree to a new node (ties by end nodes); a = tree end, b = new node."""
    adj: list[list[tuple[int, int]]] = [[] for _ in range(g.n)]
    for a, b, w in g.edges:
        adj[a].append((b, w))
        adj[b].append((a, w))
    tree = {start}
    out: list[dict[str, int]] = []
    while True:
        best = min(
            ((w, u, v) for u in tree for v, w in adj[u] if v not in tree),
            default=None,
        )
        if best is None:
            return out
        w, u, v = best
        tree.add(v)
        out.append(_edge(u, v, w))


@stdfn("Graph, int, int -> int")
def max_flow(g: Graph, s: int, t: int) -> int:
    """Largest flow from s to t when each edge's weight is its capacity (arrows one way in a
    directed graph, both ways otherwise); Edmonds-Karp."""
    cap: dict[tuple[int, int], int] = {}
    nbrs: list[set[int]] = [set() for _ in range(g.n)]
    for a, b, w in g.edges:
        cap[a, b] = cap.get((a, b), 0) + w
        if not g.directed:
            cap[b, a] = cap.get((b, a), 0) + w
        cap.setdefault((b, a), 0)
        nbrs[a].add(b)
        nbrs[b].add(a)
    total = 0
    while True:
        prev = {s: s}
        todo = deque([s])
        while todo and t not in prev:
            u = todo.popleft()
            for v in sorted(nbrs[u]):
                if v not in prev and cap[u, v] > 0:
                    prev[v] = u
                    todo.append(v)
        if t not in prev or s == t:
            return total
        path, v = [], t
        while v != s:
            path.append((prev[v], v))
            v = prev[v]
        push = min(cap[e] for e in path)
        for u, v in path:
            cap[u, v] -= push
            cap[v, u] += push
        total += push


@stdfn("Graph, int, int -> int")
def widest_path(g: Graph, s: int, t: int) -> int:
    """Largest amount one single route from s to t can carry: the best over routes of the
    smallest edge weight on the route (following arrows if directed); 0 when t is unreachable."""
    adj: list[list[tuple[int, int]]] = [[] for _ in range(g.n)]
    for a, b, w in g.edges:
        adj[a].append((b, w))
        if not g.directed:
            adj[b].append((a, w))
    big = sum(w for _, _, w in g.edges) + 1  # beats any edge: the start carries anything
    best = [0] * g.n
    best[s] = big
    changed = True
    while changed:  # Bellman-Ford style relaxation: at most n rounds
        changed = False
        for u in range(g.n):
            for v, w in adj[u]:
                cand = min(best[u], w)
                if cand > best[v]:
                    best[v] = cand
                    changed = True
    return 0 if s == t else best[t]


def _relabel_iso(adj_a: list[set[int]], adj_b: list[set[int]]) -> bool:
    n = len(adj_a)
    deg_b = [len(s) for s in adj_b]
    order = sorted(range(n), key=lambda i: -len(adj_a[i]))
    m: dict[int, int] = {}
    used: set[int] = set()
    if n == 0:
        return True
    # Iterative backtracking over candidates per position of `order`.
    pos, cands = 0, [[j for j in range(n) if deg_b[j] == len(adj_a[order[0]])]]
    while pos >= 0:
        if not cands[pos]:
            cands.pop()
            pos -= 1
            if pos >= 0:
                used.discard(m.pop(order[pos]))
            continue
        j = cands[pos].pop()
        v = order[pos]
        if all((m[u] in adj_b[j]) == (u in adj_a[v]) for u in m):
            m[v] = j
            used.add(j)
            if pos == n - 1:
                return True
            pos += 1
            w = order[pos]
            cands.append([k for k in range(n) if k not in used and deg_b[k] == len(adj_a[w])])
    return False


@stdfn("Graph, Graph -> bool")
def graphs_isomorphic(g: Graph, h: Graph) -> bool:
    """True when the two undirected graphs have the same shape: some renaming of g's nodes
    turns its edges into exactly h's (at most 12 nodes)."""
    _brute(g, "graphs_isomorphic")
    if g.n != h.n or degree_sequence(g) != degree_sequence(h):
        return False
    return _relabel_iso(_undirected_adj(g), _undirected_adj(h))


@stdfn("Graph -> Graph", random=True)
def relabelled_graph(rng: random.Random, g: Graph) -> Graph:
    """The same shape as g with the nodes shuffled and a fresh layout (same weights)."""
    perm = rng.sample(range(g.n), g.n)
    es = [{"a": perm[a], "b": perm[b], "w": w} for a, b, w in g.edges]
    return graph_from_edges(rng, g.n, es, g.directed, g.weighted)


@stdfn("Graph, int -> Graph", random=True)
def rewired_graph(rng: random.Random, g: Graph, swaps: int) -> Graph:
    """The graph `g` after `swaps` random double-edge swaps (a-b, c-d become a-d, c-b), which keep every
    node's degree, staying connected when g is; drawn with a fresh layout (undirected)."""
    es = {(a, b) for a, b, _ in g.edges}
    done = 0
    for _ in range(200 * max(1, swaps)):
        if done == swaps or len(es) < 2:
            break
        (a, b), (c, d) = rng.sample(sorted(es), 2)
        if rng.random() < 0.5:
            c, d = d, c
        new1, new2 = (min(a, d), max(a, d)), (min(c, b), max(c, b))
        if a == d or c == b or new1 in es or new2 in es or new1 == new2:
            continue
        trial = (es - {(a, b), (min(c, d), max(c, d))}) | {new1, new2}
        if _connected(g.n, trial) or not _connected(g.n, es):
            es = trial
            done += 1
    if done < swaps:
        raise SampleRejected("rewired_graph: no legal swap")
    return graph_from_edges(rng, g.n, [_edge(a, b, 1) for a, b in sorted(es)], False, False)


def _connected(n: int, es: set[tuple[int, int]]) -> bool:
    parent = list(range(n))
    for a, b in es:
        parent[_find(parent, a)] = _find(parent, b)
    return len({_find(parent, i) for i in range(n)}) == 1


@stdfn("Graph, list[int] -> Graph")
def reweighted_graph(g: Graph, weights: list[int]) -> Graph:
    """The graph `g` with the same layout and edge i (as listed by `edges`) weighted weights[i]; rejects
    the draw when the new labels do not fit."""
    if len(weights) != len(g.edges) or any(w < 1 for w in weights):
        raise ValueError("reweighted_graph: one positive weight per edge")
    es = [(a, b, w) for (a, b, _), w in zip(g.edges, weights, strict=True)]
    out = _finish(g.n, es, g.directed, True, list(g.pos), g.r)
    if out is None or [e[:2] for e in out.edges] != [e[:2] for e in g.edges]:
        raise SampleRejected("reweighted_graph: labels do not fit")
    return out


@stdfn("int, int, int -> Graph", random=True)
def random_parity_graph(rng: random.Random, n: int, m: int, odd: int) -> Graph:
    """A connected undirected graph on n nodes with about m edges (m to m + 2) in which
    exactly `odd` nodes have an odd number of edges (odd even, 0 <= odd <= n)."""
    if odd % 2 or not 0 <= odd <= n or m < n - 1:
        raise ValueError("random_parity_graph: even odd count <= n and m >= n - 1")
    for _ in range(40):
        order = rng.sample(range(n), n)
        es: set[tuple[int, int]] = set()
        for i in range(1, n):
            u, v = order[i], order[rng.randrange(i)]
            es.add((min(u, v), max(u, v)))
        pairs = [(a, b) for a in range(n) for b in range(a + 1, n) if (a, b) not in es]
        rng.shuffle(pairs)
        es |= set(pairs[: max(0, m - len(es))])
        for _ in range(4 * n):
            deg = [0] * n
            for a, b in es:
                deg[a] += 1
                deg[b] += 1
            odds = [i for i in range(n) if deg[i] % 2]
            if len(odds) == odd:
                break
            pool = odds if len(odds) > odd else [i for i in range(n) if deg[i] % 2 == 0]
            u, v = sorted(rng.sample(pool, 2))
            if (u, v) in es:
                if _connected(n, es - {(u, v)}):
                    es = es - {(u, v)}
            else:
                es = es | {(u, v)}
        else:
            continue
        if m <= len(es) <= m + 2 and len(odds) == odd:
            edges = [_edge(a, b, 1) for a, b in sorted(es)]
            return graph_from_edges(rng, n, edges, False, False)
    raise SampleRejected("random_parity_graph: no graph with that parity")


def _sign_of(w: int) -> int:
    return 1 if w == 1 else -1


@stdfn("Graph, int, int -> int")
def signed_effect(g: Graph, a: int, b: int) -> int:
    """In a directed graph whose weight 1 means "+" (same direction) and any other weight "−"
    (opposite), the effect on b of a rise in a: +1 or -1 when every simple route a -> b has
    that sign product, 0 when there is no route or the routes disagree."""
    out: list[list[tuple[int, int]]] = [[] for _ in range(g.n)]
    for x, y, w in g.edges:
        out[x].append((y, _sign_of(w)))
    if a == b:
        raise ValueError("signed_effect: two different nodes")
    signs: set[int] = set()
    stack = [(a, 1, 1 << a)]
    while stack:
        u, s, seen = stack.pop()
        if u == b:
            signs.add(s)
            continue
        for v, sv in out[u]:
            if not seen >> v & 1:
                stack.append((v, s * sv, seen | 1 << v))
    return signs.pop() if len(signs) == 1 else 0


@stdfn("Graph, list[str] -> Component")
def draw_signed_graph(g: Graph, names: list[str]) -> Component:
    """A directed graph drawn as named circles joined by arrows, each arrow marked "+" (weight
    1) or "−" (any other weight) on a white patch at its label place; node i has subkey "n<i>",
    edge i "e<i>". The graph must be weighted (its label places are used)."""
    if not g.weighted or len(names) != g.n:
        raise ValueError("draw_signed_graph: a weighted graph and one name per node")
    comp = Component()
    st = Style(stroke="black", stroke_width=2.0)
    for i, (a, b, _) in enumerate(g.edges):
        comp.add(_arrow(g.pos[a], g.pos[b], g.r, g.directed, st), f"e{i}")
    for i, (_, _, w) in enumerate(g.edges):
        x, y = g.label_pos[i]
        comp.add(
            Circle(x, y, 10, style=Style(fill="white", stroke="gray", stroke_width=1)), f"e{i}"
        )
        mark, ink = ("+", "green") if w == 1 else ("\u2212", "red")
        comp.add(Text(x, y, mark, size=18, bold=True, style=Style(fill=ink, stroke=None)), f"e{i}")
    _nodes(comp, g.pos, g.r, names, ["white"] * g.n)
    return comp


def _arrow(p: tuple[float, float], q: tuple[float, float], r: float, arrow: bool, st: Style):
    d = math.dist(p, q)
    ux, uy = (q[0] - p[0]) / d, (q[1] - p[1]) / d
    gap = r + (2.0 if arrow else 0.0)
    return Line(
        round(p[0] + ux * r, 2),
        round(p[1] + uy * r, 2),
        round(q[0] - ux * gap, 2),
        round(q[1] - uy * gap, 2),
        arrow=arrow,
        style=st,
    )


def _nodes(
    comp: Component,
    pos: Sequence[tuple[float, float]],
    r: float,
    names: Sequence[str],
    fills: Sequence[str],
) -> None:
    size = min(
        r * 0.95, min(2 * r * 0.8 * 16 / max(1.0, text_width(s, 16, bold=True)) for s in names)
    )
    if size < 11.5:
        raise SampleRejected("node names do not fit their circles")
    for i, (x, y) in enumerate(pos):
        comp.add(
            Circle(x, y, r, style=Style(fill=fills[i], stroke="black", stroke_width=2)), f"n{i}"
        )
        ink = Style(fill=_ink_for(fills[i]), stroke=None)
        comp.add(Text(x, y, names[i], size=round(size, 1), bold=True, style=ink), f"n{i}")


@stdfn("Graph, list[str], real, real, real, str -> Component")
def draw_graph_boxed(
    g: Graph, names: list[str], x0: float, y0: float, size: float, frame: str
) -> Component:
    """The undirected graph's drawing scaled into the `size` px square with top-left corner
    (x0, y0), nodes named by `names`, inside a thin rounded frame of colour `frame` ("none"
    for no frame), so two graphs fit side by side; node i has subkey "n<i>", edge i "e<i>"."""
    if len(names) != g.n:
        raise ValueError("draw_graph_boxed: one name per node")
    k = size / 512
    pos = [(round(x0 + x * k, 2), round(y0 + y * k, 2)) for x, y in g.pos]
    r = max(13.0, g.r * k)
    comp = Component()
    if frame != "none":
        comp.add(
            Rect(
                x0 + 2,
                y0 + 2,
                size - 4,
                size - 4,
                rx=8,
                style=Style(stroke=frame, stroke_width=1.5),
            )
        )
    st = Style(stroke="black", stroke_width=2.0)
    for i, (a, b, _) in enumerate(g.edges):
        comp.add(_arrow(pos[a], pos[b], r, g.directed, st), f"e{i}")
    _nodes(comp, pos, r, names, ["white"] * g.n)
    return comp
