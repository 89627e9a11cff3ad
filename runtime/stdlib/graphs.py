"""Graphs: random graphs with legible layouts, layered directed acyclic graphs, and drawing.

Nodes are 0..n-1, named "A", "B", ... Layouts are fixed when a graph is made: no node overlaps
another, no edge passes through a node it does not join, edges meeting at a node leave it at
clearly different angles, and weight labels sit on their own edge, clear of other edges,
nodes and labels. The algorithms over a Graph are in `graph_algorithms`.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass

from tron.render.colours import to_rgb
from tron.render.scene import Circle, Line, Rect, Style, Text
from tron.render.textpath import text_width
from tron.stdlib._geom import (
    Box,
    P,
    angle_at,
    box_hits_seg,
    box_point_gap,
    boxes_overlap,
    seg_dist,
    segments_cross,
)
from tron.stdlib._style import DIAGRAM_PAD
from tron.stdlib.component import CANVAS, Component, SampleRejected
from tron.stdlib.registry import stdfn
from tron.stdlib.words import letter

DOMAIN = "Graphs"

EdgeT = tuple[int, int, int]  # a, b, weight
MAX_NODES = 26
_LAYOUT_TRIES = 80
_MIN_ANGLE = 14.0  # degrees between two edges leaving the same node
_CLEAR = 6.0  # px between an edge and any node it does not join
_LABEL_SIZE = 15.0
_PAD = 10.0  # px between nodes and the canvas edge


@dataclass(frozen=True)
class Graph:
    """A graph with a fixed drawing: positions per node and a weight-label centre per edge."""

    n: int
    edges: tuple[EdgeT, ...]  # undirected edges stored with a < b; sorted
    directed: bool
    weighted: bool
    pos: tuple[P, ...]
    label_pos: tuple[P, ...]  # per edge; used only when weighted
    r: float  # node radius in px


def _radius(n: int) -> float:
    return 20.0 if n <= 8 else 17.0 if n <= 14 else 14.0


def _candidate_positions(rng: random.Random, n: int, r: float, attempt: int) -> list[P] | None:
    """Node centres: a jittered circle on some attempts (small n), else jittered grid cells."""
    lo, hi = r + _PAD, CANVAS - r - _PAD
    if n <= 9 and attempt % 3 == 0:
        cx = cy = CANVAS / 2
        rad = (hi - lo) / 2 - 4
        rot = rng.uniform(0, 360)
        pts = []
        for i in range(n):
            a = math.radians(rot + 360 * i / n + rng.uniform(-8, 8))
            rr = rad * rng.uniform(0.85, 1.0)
            pts.append((cx + rr * math.sin(a), cy - rr * math.cos(a)))
    else:
        g = max(2, math.ceil(math.sqrt(n * 1.7)))
        cell = (hi - lo) / g
        cells = rng.sample(range(g * g), n)
        jit = max(0.0, (cell - 2 * r - 14) / 2)  # keep neighbours in adjacent cells apart
        pts = [
            (
                lo + (c % g + 0.5) * cell + rng.uniform(-jit, jit),
                lo + (c // g + 0.5) * cell + rng.uniform(-jit, jit),
            )
            for c in cells
        ]
    pts = [(round(x, 1), round(y, 1)) for x, y in pts]
    for i in range(n):
        for j in range(i):
            if math.dist(pts[i], pts[j]) < 2 * r + 14:
                return None
    return pts


_EPS = 1e-6  # the bounding-box shortcuts below skip only what is farther than this to spare


def _clear(pos: list[P], a: int, b: int, r: float) -> bool:
    """Edge a-b passes no other node closer than r + _CLEAR. A node farther than that from the
    edge's bounding box (on one axis) is clear without the exact distance, which decides the
    rest: the same answer as measuring every node."""
    (ax, ay), (bx, by) = pos[a], pos[b]
    t = r + _CLEAR + _EPS
    lx, hx, ly, hy = min(ax, bx) - t, max(ax, bx) + t, min(ay, by) - t, max(ay, by) + t
    return all(
        seg_dist(q, pos[a], pos[b]) >= r + _CLEAR
        for k, q in enumerate(pos)
        if k != a and k != b and lx <= q[0] <= hx and ly <= q[1] <= hy
    )


def _fits(pos: list[P], chosen: list[tuple[int, int]], a: int, b: int, allow_cross: bool) -> bool:
    """Edge a-b leaves shared nodes at a clear angle and (unless allowed) crosses no edge."""
    for c, d in chosen:
        shared = {a, b} & {c, d}
        if shared:
            o = shared.pop()
            x, y = (b if o == a else a), (d if o == c else c)
            if x != y and angle_at(pos[o], pos[x], pos[y]) < _MIN_ANGLE:
                return False
        elif not allow_cross and segments_cross(pos[a], pos[b], pos[c], pos[d]):
            return False
    return True


def _label_box(p: P, w: int) -> Box:
    half_w = text_width(str(w), _LABEL_SIZE) / 2 + 4
    half_h = _LABEL_SIZE * 0.55
    return (p[0] - half_w, p[1] - half_h, p[0] + half_w, p[1] + half_h)


def _place_labels(pos: list[P], edges: list[EdgeT], r: float) -> list[P] | None:
    """A label centre on each edge clear of nodes, other edges and earlier labels; None if not."""
    out: list[P] = []
    boxes: list[Box] = []
    # Each edge with its bounding box: an edge whose box is clear of a label's (grown by the
    # 2 px pad and _EPS) cannot touch it, so only the others get the exact test.
    spans = [
        (j, pos[e[0]], pos[e[1]], *_span(pos[e[0]], pos[e[1]], 2 + _EPS))
        for j, e in enumerate(edges)
    ]
    reach = r + 2 + _EPS  # a node farther than this from a box on one axis is clear of it
    for i, (a, b, w) in enumerate(edges):
        pa, pb = pos[a], pos[b]
        size = _label_box((0.0, 0.0), w)  # the box at the origin: its half sizes, once per edge
        for t in (0.5, 0.42, 0.58, 0.35, 0.65):
            c = (pa[0] + t * (pb[0] - pa[0]), pa[1] + t * (pb[1] - pa[1]))
            box = (c[0] + size[0], c[1] + size[1], c[0] + size[2], c[1] + size[3])
            nodes = (
                q
                for q in pos
                if box[0] - reach <= q[0] <= box[2] + reach
                and box[1] - reach <= q[1] <= box[3] + reach
            )
            if all(box_point_gap(box, q) > r + 2 for q in nodes) and not any(
                boxes_overlap(box, ob, 2) for ob in boxes
            ):
                near = (
                    (p, q)
                    for j, p, q, lx, hx, ly, hy in spans
                    if j != i and hx >= box[0] and lx <= box[2] and hy >= box[1] and ly <= box[3]
                )
                if not any(box_hits_seg(box, p, q, 2) for p, q in near):
                    out.append((round(c[0], 1), round(c[1], 1)))
                    boxes.append(box)
                    break
        else:
            return None
    return out


def _span(p: P, q: P, pad: float) -> tuple[float, float, float, float]:
    """The bounding box of segment pq grown by pad: (min x, max x, min y, max y)."""
    return (
        min(p[0], q[0]) - pad,
        max(p[0], q[0]) + pad,
        min(p[1], q[1]) - pad,
        max(p[1], q[1]) + pad,
    )


def _order_short_first(rng: random.Random, pairs: list[tuple[int, int]], pos: list[P]) -> list:
    """Random order that favours short edges (weighted sampling keys: log(u) * length^2)."""
    keyed = []
    for a, b in pairs:
        length = math.dist(pos[a], pos[b]) / 100
        u = 1.0 - rng.random()  # in (0, 1]: log is finite
        keyed.append((math.log(u) * length * length, a, b))
    keyed.sort(key=lambda k: (-k[0], k[1], k[2]))
    return [(a, b) for _, a, b in keyed]


def _find(parent: list[int], x: int) -> int:
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def _pick_edges(
    rng: random.Random, pos: list[P], r: float, m: int, connected: bool
) -> list[tuple[int, int]] | None:
    n = len(pos)
    pairs = [(a, b) for a in range(n) for b in range(a + 1, n) if _clear(pos, a, b, r)]
    order = _order_short_first(rng, pairs, pos)
    chosen: list[tuple[int, int]] = []
    if connected:
        parent = list(range(n))
        for allow_cross in (False, True):
            for a, b in order:
                ra, rb = _find(parent, a), _find(parent, b)
                if ra != rb and _fits(pos, chosen, a, b, allow_cross):
                    parent[ra] = rb
                    chosen.append((a, b))
        if len(chosen) != n - 1:
            return None
    for allow_cross in (False, True):
        for a, b in order:
            if len(chosen) == m:
                return chosen
            if (a, b) not in chosen and _fits(pos, chosen, a, b, allow_cross):
                chosen.append((a, b))
    return chosen if len(chosen) == m else None


def _check_size(n: int, m: int | None = None) -> None:
    if not 1 <= n <= MAX_NODES:
        raise ValueError(f"graph: node count {n} outside 1..{MAX_NODES}")
    if m is not None and not 0 <= m <= n * (n - 1) // 2:
        raise ValueError(f"graph: {m} edges impossible on {n} nodes (max {n * (n - 1) // 2})")


def _finish(
    n: int, edges: list[EdgeT], directed: bool, weighted: bool, pos: list[P], r: float
) -> Graph | None:
    edges = sorted(edges)
    labels = _place_labels(pos, edges, r) if weighted else [(0.0, 0.0)] * len(edges)
    if labels is None:
        return None
    return Graph(n, tuple(edges), directed, weighted, tuple(pos), tuple(labels), r)


@stdfn("int, int, bool, bool, bool, int, bool -> Graph", random=True)
def random_graph(
    rng: random.Random,
    n: int,
    m: int,
    weighted: bool = False,
    directed: bool = False,
    connected: bool = True,
    max_w: int = 9,
    acyclic: bool = False,
) -> Graph:
    """A random graph on `n` nodes (named A, B, ...) with `m` edges and a legible fixed layout.

    Weights are uniform in 1..max_w (1 when unweighted). `connected` asks for a (weakly)
    connected graph; `acyclic` orients a directed graph along a random node order (a DAG).
    At most one edge joins two nodes in either direction. Short edges are preferred and
    crossings avoided where possible. Raises SampleRejected if no layout is found.
    """
    _check_size(n, m)
    if connected and m < n - 1:
        raise ValueError(f"random_graph: a connected graph on {n} nodes needs >= {n - 1} edges")
    if max_w < 1:
        raise ValueError(f"random_graph: max_w must be >= 1, got {max_w}")
    r = _radius(n)
    for attempt in range(_LAYOUT_TRIES):
        pos = _candidate_positions(rng, n, r, attempt)
        if pos is None:
            continue
        pairs = _pick_edges(rng, pos, r, m, connected)
        if pairs is None:
            continue
        rank = rng.sample(range(n), n)
        edges: list[EdgeT] = []
        for a, b in pairs:
            if directed and (rank[a] > rank[b] if acyclic else rng.random() < 0.5):
                a, b = b, a
            edges.append((a, b, rng.randint(1, max_w) if weighted else 1))
        g = _finish(n, edges, directed, weighted, pos, r)
        if g is not None:
            return g
    raise SampleRejected(f"random_graph: no legible layout for {n} nodes and {m} edges")


@stdfn("int, list[Edge], bool, bool -> Graph", random=True)
def graph_from_edges(
    rng: random.Random, n: int, edges: list[dict[str, int]], directed: bool, weighted: bool
) -> Graph:
    """A graph with exactly the given edges (records a, b, w) and a random legible layout.

    Raises SampleRejected if no layout keeps every edge clear of the other nodes.
    """
    _check_size(n)
    es: list[EdgeT] = []
    seen: set[tuple[int, int]] = set()
    for e in edges:
        a, b, w = int(e["a"]), int(e["b"]), int(e["w"]) if weighted else 1
        if not (0 <= a < n and 0 <= b < n) or a == b:
            raise ValueError(f"graph_from_edges: bad edge {a}-{b} for {n} nodes")
        pair = (min(a, b), max(a, b))
        if pair in seen:
            raise ValueError(f"graph_from_edges: two edges join {letter(a)} and {letter(b)}")
        seen.add(pair)
        if not directed:
            a, b = pair
        es.append((a, b, w))
    r = _radius(n)
    for attempt in range(_LAYOUT_TRIES):
        pos = _candidate_positions(rng, n, r, attempt)
        if pos is None or not all(_clear(pos, a, b, r) for a, b, _ in es):
            continue
        placed: list[tuple[int, int]] = []
        ok = True
        for a, b, _ in es:
            if not _fits(pos, placed, a, b, True):
                ok = False
                break
            placed.append((a, b))
        g = _finish(n, es, directed, weighted, pos, r) if ok else None
        if g is not None:
            return g
    raise SampleRejected(f"graph_from_edges: no legible layout for {n} nodes, {len(es)} edges")


@stdfn("list[int], int, bool, int -> Graph", random=True)
def layered_dag(
    rng: random.Random, sizes: list[int], extra: int, weighted: bool, max_w: int
) -> Graph:
    """A directed acyclic graph drawn in columns of the given sizes (flowing right, left, down
    or up at random): arrows join
    neighbouring columns, every node after the first column has an arrow in and every node
    before the last has an arrow out, plus `extra` more arrows. Letters are shuffled over the
    positions; weights are uniform in 1..max_w (1 when unweighted)."""
    n = sum(sizes)
    if not sizes or min(sizes) < 1 or not 2 <= n <= 26:
        raise ValueError("layered_dag: 2..26 nodes in non-empty columns")
    r = 20.0 if n <= 12 else 16.0
    cols = len(sizes)
    for _ in range(60):
        names = rng.sample(range(n), n)
        layer_of: list[list[int]] = []
        pos: list[P] = [(0.0, 0.0)] * n
        k = 0
        for c, size in enumerate(sizes):
            x = DIAGRAM_PAD + r + (CANVAS - 2 * DIAGRAM_PAD - 2 * r) * (c + 0.5) / cols
            ids = names[k : k + size]
            k += size
            layer_of.append(ids)
            for j, node in enumerate(ids):
                y = DIAGRAM_PAD + r + (CANVAS - 2 * DIAGRAM_PAD - 2 * r) * (j + 0.5) / size
                pos[node] = (round(x + rng.uniform(-8, 8), 1), round(y + rng.uniform(-14, 14), 1))
        pairs: set[tuple[int, int]] = set()
        for c in range(1, cols):
            for v in layer_of[c]:
                pairs.add((layer_of[c - 1][rng.randrange(len(layer_of[c - 1]))], v))
        for c in range(cols - 1):
            for u in layer_of[c]:
                if not any(a == u for a, _ in pairs):
                    pairs.add((u, layer_of[c + 1][rng.randrange(len(layer_of[c + 1]))]))
        cands = [
            (u, v)
            for c in range(cols - 1)
            for u in layer_of[c]
            for v in layer_of[c + 1]
            if (u, v) not in pairs
        ]
        rng.shuffle(cands)
        for pair in cands[:extra]:
            pairs.add(pair)
        # One of four flow directions (right, left, down, up), so position alone tells little.
        flip, turn = rng.random() < 0.5, rng.random() < 0.5
        pos = [((CANVAS - x) if flip else x, y) for x, y in pos]
        pos = [(y, x) for x, y in pos] if turn else pos
        ordered = sorted(pairs)
        if min(math.dist(pos[a], pos[b]) for a, b in ordered) < 2 * r + 28:
            continue  # an arrow too short to see
        if not all(_clear(pos, a, b, r) for a, b in ordered):
            continue
        placed: list[tuple[int, int]] = []
        for a, b in ordered:
            if not _fits(pos, placed, a, b, True):
                break
            placed.append((a, b))
        if len(placed) < len(ordered):
            continue
        es = [(a, b, rng.randint(1, max_w) if weighted else 1) for a, b in ordered]
        g = _finish(n, es, True, weighted, pos, r)
        if g is not None:
            return g
    raise SampleRejected("layered_dag: no legible layout")


def _ink_for(fill: str) -> str:
    """Black or white text, whichever reads better on `fill`."""
    r, g, b = to_rgb(fill)
    return "black" if 0.299 * r + 0.587 * g + 0.114 * b > 140 else "white"


@stdfn("Graph, list[str] -> Component")
def draw_graph(g: Graph, fills: Sequence[str] = ()) -> Component:
    """The graph drawn as lettered circles joined by lines (arrows if directed), weights on
    white patches; node i has subkey "n<i>", edge i (as listed by `edges`) "e<i>".

    `fills` gives node colours (default white); empty means all white.
    """
    if fills and len(fills) != g.n:
        raise ValueError(f"draw_graph: {len(fills)} fills for {g.n} nodes")
    comp = Component()
    edge_style = Style(stroke="black", stroke_width=2.0)
    for i, (a, b, _) in enumerate(g.edges):
        (x1, y1), (x2, y2) = g.pos[a], g.pos[b]
        d = math.hypot(x2 - x1, y2 - y1)
        ux, uy = (x2 - x1) / d, (y2 - y1) / d
        end_gap = g.r + (2.0 if g.directed else 0.0)
        comp.add(
            Line(
                round(x1 + ux * g.r, 2),
                round(y1 + uy * g.r, 2),
                round(x2 - ux * end_gap, 2),
                round(y2 - uy * end_gap, 2),
                arrow=g.directed,
                style=edge_style,
            ),
            f"e{i}",
        )
    if g.weighted:
        for i, (_, _, w) in enumerate(g.edges):
            x0, y0, x1, y1 = _label_box(g.label_pos[i], w)
            patch = Style(fill="white", stroke=None)
            comp.add(Rect(x0, y0, x1 - x0, y1 - y0, rx=3, style=patch), f"e{i}")
            lx, ly = g.label_pos[i]
            comp.add(
                Text(lx, ly, str(w), size=_LABEL_SIZE, style=Style(fill="black", stroke=None)),
                f"e{i}",
            )
    for i, (x, y) in enumerate(g.pos):
        fill = fills[i] if fills else "white"
        comp.add(Circle(x, y, g.r, style=Style(fill=fill, stroke="black", stroke_width=2)), f"n{i}")
        ink = Style(fill=_ink_for(fill), stroke=None)
        comp.add(Text(x, y, letter(i), size=round(g.r * 0.95, 1), bold=True, style=ink), f"n{i}")
    return comp
