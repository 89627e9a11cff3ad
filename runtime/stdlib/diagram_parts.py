"""Diagram components and the reasoning over them: rooted trees, gear trains, Venn diagrams,
flowcharts with arithmetic steps, pipe grids, timelines, Gantt charts, state machines and
bipartite diagrams.

Trees are parent lists: parents[0] == -1 is the root and every other node's parent has a
smaller index. All algorithms are iterative (no recursion).
"""

from __future__ import annotations

import math
import random
from collections import deque
from collections.abc import Sequence

from tron.scene import Arc, Circle, Line, Polygon, Polyline, Rect, Style, Text
from tron.stdlib.component import CANVAS, Component, SampleRejected
from tron.stdlib.graphs import Graph, _clear, _finish, _fits, topo_order
from tron.stdlib.registry import stdfn
from tron.textpath import text_width

P = tuple[float, float]
INK = Style(fill="black", stroke=None)
MIN_TEXT = 11.5
PAD = 12.0


def _fit(texts: Sequence[str], size: float, room: float, bold: bool = False) -> float:
    """Largest size <= `size` at which every text fits `room` px; SampleRejected below 11 px."""
    if size < MIN_TEXT:
        raise SampleRejected("no room for legible text")
    widest = max((text_width(t, size, bold=bold) for t in texts), default=0.0)
    if widest <= room:
        return size
    fitted = size * room / widest
    if fitted < MIN_TEXT:
        raise SampleRejected("text does not fit its box")
    return round(fitted, 2)


# ---------------------------------------------------------------- rooted trees


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
    size = _fit(labels, min(20.0, box_h * 0.6), slot_w - 14)
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


# ---------------------------------------------------------------- gears


def _gear_outline(cx: float, cy: float, r: float, teeth: int, phase: float) -> list[P]:
    """Outline of a spur gear with pitch radius r: `teeth` trapezoid teeth."""
    depth = min(7.0, r * 0.25)
    out: list[P] = []
    for k in range(teeth):
        base = 2 * math.pi * k / teeth + phase
        step = 2 * math.pi / teeth
        for frac, rad in ((0.0, r - depth / 2), (0.2, r + depth / 2), (0.5, r + depth / 2)):
            a = base + frac * step
            out.append((round(cx + rad * math.cos(a), 2), round(cy + rad * math.sin(a), 2)))
        a = base + 0.7 * step
        out.append(
            (
                round(cx + (r - depth / 2) * math.cos(a), 2),
                round(cy + (r - depth / 2) * math.sin(a), 2),
            )
        )
    return out


def _gear_layout(
    rng: random.Random, parents: Sequence[int], radii: Sequence[float]
) -> list[P] | None:
    """Centres where every gear touches its parent's pitch circle and clears all others."""
    n = len(parents)
    pos: list[P] = [(0.0, 0.0)] * n
    lo = [radii[i] + 10 + PAD for i in range(n)]
    pos[0] = (
        rng.uniform(lo[0], CANVAS - lo[0]) if n == 1 else rng.uniform(lo[0], CANVAS / 2),
        rng.uniform(lo[0], CANVAS - lo[0]),
    )
    for i in range(1, n):
        p = parents[i]
        dist = radii[i] + radii[p]
        for _ in range(60):
            a = (
                rng.uniform(-math.pi * 0.6, math.pi * 0.6)
                if rng.random() < 0.7
                else rng.uniform(0, 2 * math.pi)
            )
            c = (pos[p][0] + dist * math.cos(a), pos[p][1] + dist * math.sin(a))
            if not (lo[i] <= c[0] <= CANVAS - lo[i] and lo[i] <= c[1] <= CANVAS - lo[i]):
                continue
            if all(math.dist(c, pos[j]) >= radii[i] + radii[j] + 22 for j in range(i) if j != p):
                pos[i] = (round(c[0], 2), round(c[1], 2))
                break
        else:
            return None
    return pos


@stdfn("list[int], list[int], list[str], bool -> Component", random=True)
def gear_train(
    rng: random.Random, parents: list[int], teeth: list[int], labels: list[str], clockwise: bool
) -> Component:
    """Meshing spur gears: gear i (with `teeth[i]` teeth, size in proportion) touches gear
    parents[i] and no other; gear 0 is the driver, marked by a curved arrow turning clockwise
    or anticlockwise. Gear i has subkey "g<i>" (with its centred label); the arrow is "drive".
    """
    _check_parents(parents)
    n = len(parents)
    if len(teeth) != n or len(labels) != n:
        raise ValueError("gear_train: need one teeth count and label per gear")
    if any(t < 6 for t in teeth):
        raise ValueError("gear_train: a gear needs at least 6 teeth")
    scale = min(3.2, 150.0 / max(teeth)) * (1.0 if n <= 4 else 0.85 if n <= 6 else 0.7)
    radii = [t * scale for t in teeth]
    if min(radii) < 15:
        raise SampleRejected("gear_train: gears too small to draw")
    for _ in range(60):
        pos = _gear_layout(rng, parents, radii)
        if pos is not None:
            break
    else:
        raise SampleRejected("gear_train: no layout keeps non-meshing gears apart")
    # Centre the train and enlarge it to fill the canvas (meshing is kept under scaling).
    reach = [radii[i] + 8 for i in range(n)]
    x0 = min(p[0] - reach[i] for i, p in enumerate(pos))
    x1 = max(p[0] + reach[i] for i, p in enumerate(pos))
    y0 = min(p[1] - reach[i] for i, p in enumerate(pos))
    y1 = max(p[1] + reach[i] for i, p in enumerate(pos))
    k = min((CANVAS - 2 * PAD) / (x1 - x0), (CANVAS - 2 * PAD) / (y1 - y0), 2.2)
    ox, oy = CANVAS / 2 - k * (x0 + x1) / 2, CANVAS / 2 - k * (y0 + y1) / 2
    pos = [(round(ox + k * p[0], 2), round(oy + k * p[1], 2)) for p in pos]
    radii = [r * k for r in radii]
    shades = ["#d9d9d9", "#bcd3ee", "#f3d9a4", "#cfe8c4", "#f0c4c4", "#ddd0ee"]
    comp = Component()
    for i, (x, y) in enumerate(pos):
        phase = rng.uniform(0, 2 * math.pi)
        style = Style(fill=shades[i % len(shades)], stroke="black", stroke_width=1.5)
        comp.add(
            Polygon(tuple(_gear_outline(x, y, radii[i], teeth[i], phase)), style=style), f"g{i}"
        )
        hub = max(12.0, radii[i] * 0.42)
        comp.add(
            Circle(x, y, hub, style=Style(fill="white", stroke="black", stroke_width=1.5)), f"g{i}"
        )
        size = _fit([labels[i]], min(18.0, hub * 1.1), hub * 1.7, bold=True)
        comp.add(Text(x, y, labels[i], size=size, bold=True, style=INK), f"g{i}")
    # Driver arrow: an arc just inside the hub ring, head showing the turning sense.
    x, y = pos[0]
    ra = radii[0] * 0.72
    start, end = (300.0, 60.0) if clockwise else (60.0, 300.0)
    arc_style = Style(stroke="red", stroke_width=3)
    if clockwise:
        comp.add(Arc(x, y, ra, start, end + 360 if end < start else end, style=arc_style), "drive")
        head_deg = end
        tangent = 90.0
    else:
        comp.add(Arc(x, y, ra, 300.0, 420.0, style=arc_style), "drive")
        head_deg = 300.0
        tangent = -90.0
    hx = x + ra * math.sin(math.radians(head_deg))
    hy = y - ra * math.cos(math.radians(head_deg))
    t = math.radians(head_deg + tangent)
    tx, ty = math.sin(t), -math.cos(t)
    nx, ny = -ty, tx
    tip = (hx + 7 * tx, hy + 7 * ty)
    head = (
        (hx - 5 * tx + 6 * nx, hy - 5 * ty + 6 * ny),
        tip,
        (hx - 5 * tx - 6 * nx, hy - 5 * ty - 6 * ny),
    )
    comp.add(
        Polygon(
            tuple((round(a, 2), round(b, 2)) for a, b in head), style=Style(fill="red", stroke=None)
        ),
        "drive",
    )
    return comp


# ---------------------------------------------------------------- Venn diagrams

_VENN_COLOURS = ("red", "blue", "green")


def _venn_circles(k: int) -> list[tuple[float, float, float]]:
    if k == 2:
        return [(190.0, 270.0, 135.0), (322.0, 270.0, 135.0)]
    if k == 3:
        return [(196.0, 198.0, 115.0), (316.0, 198.0, 115.0), (256.0, 302.0, 115.0)]
    raise ValueError("venn_diagram: 2 or 3 sets")


def _venn_mask(circles: list[tuple[float, float, float]], p: P, clear: float) -> int | None:
    """Bitmask of the circles containing p, or None when p is within `clear` px of a rim."""
    m = 0
    for j, (cx, cy, r) in enumerate(circles):
        d = math.dist(p, (cx, cy))
        if abs(d - r) < clear:
            return None
        if d < r:
            m |= 1 << j
    return m


@stdfn("list[str], list[str], list[int] -> Component", random=True)
def venn_diagram(
    rng: random.Random, names: list[str], items: list[str], masks: list[int]
) -> Component:
    """A Venn diagram of 2 or 3 labelled circles inside a box (the universe) with each item's
    text placed in the region given by its bitmask (bit j set: inside circle j; 0: outside all
    circles). Item i has subkey "i<i>", circle j "s<j>"."""
    k = len(names)
    circles = _venn_circles(k)
    if len(items) != len(masks) or any(not 0 <= m < (1 << k) for m in masks):
        raise ValueError("venn_diagram: one mask in 0..2^k-1 per item")
    size = 17.0
    half_w = max((text_width(s, size) for s in items), default=0.0) / 2 + 3
    half_h = size * 0.6
    clear = max(half_w, half_h) + 3
    box = (PAD, 50.0, CANVAS - PAD, CANVAS - PAD if k == 2 else 470.0)
    placed: list[P] = []
    for m in masks:
        for _ in range(400):
            p = (
                rng.uniform(box[0] + half_w + 4, box[2] - half_w - 4),
                rng.uniform(box[1] + half_h + 4, box[3] - half_h - 4),
            )
            if _venn_mask(circles, p, clear) != m:
                continue
            if all(
                abs(p[0] - q[0]) > 2 * half_w + 4 or abs(p[1] - q[1]) > 2 * half_h + 6
                for q in placed
            ):
                placed.append((round(p[0], 1), round(p[1], 1)))
                break
        else:
            raise SampleRejected("venn_diagram: region too crowded for its items")
    comp = Component()
    comp.add(
        Rect(
            box[0],
            box[1],
            box[2] - box[0],
            box[3] - box[1],
            style=Style(fill=None, stroke="black", stroke_width=2),
        )
    )
    for j, (cx, cy, r) in enumerate(circles):
        colour = _VENN_COLOURS[j]
        comp.add(Circle(cx, cy, r, style=Style(fill=colour, stroke=None, opacity=0.12)), f"s{j}")
        comp.add(Circle(cx, cy, r, style=Style(fill=None, stroke=colour, stroke_width=3)), f"s{j}")
    # Set names next to their circles, in the circle's colour.
    spots = (
        [(130.0, 30.0), (382.0, 30.0)] if k == 2 else [(150.0, 30.0), (362.0, 30.0), (256.0, 492.0)]
    )
    for j, name in enumerate(names):
        nsize = _fit([name], 20.0, 200.0, bold=True)
        ink = Style(fill=_VENN_COLOURS[j], stroke=None)
        comp.add(Text(spots[j][0], spots[j][1], name, size=nsize, bold=True, style=ink), f"s{j}")
    for i, (x, y) in enumerate(placed):
        comp.add(Text(x, y, items[i], size=size, style=INK), f"i{i}")
    return comp


# ---------------------------------------------------------------- arithmetic steps and flowcharts


def _apply(x: int, op: str) -> int:
    s = op.replace(" ", "")
    if len(s) < 2:
        raise ValueError(f"bad step {op!r}: use + k, - k, × k or ÷ k")
    sym, num = s[0], int(s[1:])
    if sym == "+":
        return x + num
    if sym in "-−":
        return x - num
    if sym in "×*x":
        return x * num
    if sym in "÷/":
        if num == 0 or x % num:
            raise SampleRejected(f"step {op!r} does not divide {x} exactly")
        return x // num
    raise ValueError(f"bad step {op!r}: use + k, - k, × k or ÷ k")


@stdfn("int, list[str] -> list[int]")
def step_values(x: int, ops: list[str]) -> list[int]:
    """The value after each arithmetic step ("+ 3", "- 2", "× 4", "÷ 2") applied in order to x;
    a division that is not exact rejects the draw."""
    out = []
    for op in ops:
        x = _apply(x, op)
        out.append(x)
    return out


@stdfn("int, list[str] -> int")
def apply_steps(x: int, ops: list[str]) -> int:
    """The value of x after every arithmetic step ("+ 3", "- 2", "× 4", "÷ 2") in order."""
    for op in ops:
        x = _apply(x, op)
    return x


def _box(
    comp: Component, sub: str, x: float, y: float, w: float, h: float, s: str, kind: str
) -> None:
    style = Style(fill="#eef3fb" if kind == "box" else "#fff4dc", stroke="black", stroke_width=2)
    if kind == "oval":
        comp.add(
            Rect(
                x - w / 2,
                y - h / 2,
                w,
                h,
                rx=h / 2,
                style=Style(fill="#e6f4e6", stroke="black", stroke_width=2),
            ),
            sub,
        )
    elif kind == "diamond":
        pts = ((x, y - h / 2), (x + w / 2, y), (x, y + h / 2), (x - w / 2, y))
        comp.add(Polygon(pts, style=style), sub)
    else:
        comp.add(Rect(x - w / 2, y - h / 2, w, h, rx=3, style=style), sub)
    room = w * (0.62 if kind == "diamond" else 0.88)
    comp.add(Text(x, y, s, size=_fit([s], min(18.0, h * 0.45), room), style=INK), sub)


@stdfn("str, list[str], str, list[str], list[str], str -> Component")
def flowchart(
    start: str, steps: list[str], test: str, yes: list[str], no: list[str], end: str
) -> Component:
    """A top-down flowchart: a start oval, a column of step boxes, a decision diamond whose
    "yes" branch (left column of boxes) and "no" branch (right column) rejoin above an end oval.
    Subkeys: "start", "s<i>", "test", "y<i>", "n<i>", "end"."""
    rows = 3 + len(steps) + max(len(yes), len(no))
    row_h = (CANVAS - 2 * PAD) / rows
    if row_h < 34:
        raise SampleRejected("flowchart: too many boxes")
    bh = min(42.0, row_h * 0.6)
    cx, lx, rx = CANVAS / 2, 128.0, CANVAS - 128.0
    wide, narrow = 230.0, 200.0
    line = Style(stroke="black", stroke_width=2)
    comp = Component()

    def yrow(i: float) -> float:
        return PAD + (i + 0.5) * row_h

    _box(comp, "start", cx, yrow(0), 170, bh, start, "oval")
    for i, s in enumerate(steps):
        comp.add(Line(cx, yrow(i) + bh / 2, cx, yrow(i + 1) - bh / 2, arrow=True, style=line))
        _box(comp, f"s{i}", cx, yrow(i + 1), wide, bh, s, "box")
    t = len(steps) + 1
    dh = min(row_h * 0.92, 64.0)
    comp.add(Line(cx, yrow(t - 1) + bh / 2, cx, yrow(t) - dh / 2, arrow=True, style=line))
    _box(comp, "test", cx, yrow(t), 250, dh, test, "diamond")
    merge = yrow(rows - 1) - bh / 2 - row_h * 0.2
    for side, col, xs, label in (("y", yes, lx, "yes"), ("n", no, rx, "no")):
        vx = cx - 125 if side == "y" else cx + 125
        top = yrow(t + 1) - bh / 2
        comp.add(
            Polyline(
                ((vx, yrow(t)), (xs, yrow(t)), (xs, top if col else merge)),
                arrow=bool(col),
                style=line,
            )
        )
        lab_x = (vx + xs) / 2
        comp.add(Text(lab_x, yrow(t) - 11, label, size=15, bold=True, style=INK), f"{side}lab")
        for i, s in enumerate(col):
            _box(comp, f"{side}{i}", xs, yrow(t + 1 + i), narrow, bh, s, "box")
            bottom = yrow(t + 1 + i) + bh / 2
            nxt = yrow(t + 2 + i) - bh / 2 if i + 1 < len(col) else merge
            comp.add(Line(xs, bottom, xs, nxt, arrow=i + 1 < len(col), style=line))
        comp.add(Line(xs, merge, cx, merge, style=line))
    comp.add(Line(cx, merge, cx, yrow(rows - 1) - bh / 2, arrow=True, style=line))
    _box(comp, "end", cx, yrow(rows - 1), 170, bh, end, "oval")
    return comp


# ---------------------------------------------------------------- pipe grids

_DIRS = ((-1, 0, 1, 4), (0, 1, 2, 8), (1, 0, 4, 1), (0, -1, 8, 2))  # dr, dc, bit, opposite bit


def _pipe_adj(rows: int, cols: int, tiles: Sequence[int], i: int) -> list[int]:
    r, c = divmod(i, cols)
    out = []
    for dr, dc, bit, opp in _DIRS:
        nr, nc = r + dr, c + dc
        if 0 <= nr < rows and 0 <= nc < cols and tiles[i] & bit and tiles[nr * cols + nc] & opp:
            out.append(nr * cols + nc)
    return out


@stdfn("int, int, list[int], int -> list[int]")
def pipes_reach(rows: int, cols: int, tiles: list[int], start: int) -> list[int]:
    """Cells joined to cell `start` through pipe ends that meet (tile bits: 1 up, 2 right,
    4 down, 8 left; a link needs both cells open towards each other), ascending, with start."""
    if len(tiles) != rows * cols:
        raise ValueError("pipes_reach: one tile per cell")
    seen = {start}
    queue = deque([start])
    while queue:
        u = queue.popleft()
        for v in _pipe_adj(rows, cols, tiles, u):
            if v not in seen:
                seen.add(v)
                queue.append(v)
    return sorted(seen)


def _rot(m: int) -> int:
    return ((m << 1) | (m >> 3)) & 15


@stdfn("int, int, int, int, bool -> list[int]", random=True)
def random_pipes(
    rng: random.Random, rows: int, cols: int, src: int, dst: int, connected: bool
) -> list[int]:
    """Row-major pipe tiles (bits 1 up, 2 right, 4 down, 8 left) with a winding route from
    cell `src` to cell `dst` that is intact when `connected`, else broken by one turned tile
    (so that no route joins them); other cells get random pipe pieces."""
    n = rows * cols
    if not (0 <= src < n and 0 <= dst < n) or src == dst:
        raise ValueError("random_pipes: src and dst must be two different cells")
    pieces = [5, 10, 3, 6, 12, 9, 7, 11, 13, 14, 1, 2, 4, 8]
    for _ in range(100):
        # Random depth-first walk from src until dst: a winding simple path.
        prev = {src: -1}
        stack = [src]
        while stack and stack[-1] != dst:
            u = stack[-1]
            r, c = divmod(u, cols)
            opts = [
                (r + dr) * cols + c + dc
                for dr, dc, _, _ in _DIRS
                if 0 <= r + dr < rows
                and 0 <= c + dc < cols
                and (r + dr) * cols + c + dc not in prev
            ]
            if not opts:
                stack.pop()
                continue
            v = opts[rng.randrange(len(opts))]
            prev[v] = u
            stack.append(v)
        if not stack:
            continue
        tiles = [pieces[rng.randrange(len(pieces))] for _ in range(n)]
        on_path = set(stack)
        for i in on_path:
            tiles[i] = 0
        for a, b in zip(stack, stack[1:], strict=False):
            for dr, dc, bit, opp in _DIRS:
                if b == a + dr * cols + dc and abs((b % cols) - (a % cols)) == abs(dc):
                    tiles[a] |= bit
                    tiles[b] |= opp
        for i in on_path:
            if rng.random() < 0.25:
                tiles[i] |= 1 << rng.randrange(4)
        if not connected:
            inner = stack[1:-1]
            if not inner:
                continue
            k = inner[rng.randrange(len(inner))]
            tiles[k] = _rot(tiles[k]) if rng.random() < 0.5 else _rot(_rot(_rot(tiles[k])))
        if (dst in pipes_reach(rows, cols, tiles, src)) == connected:
            return tiles
    raise SampleRejected("random_pipes: could not build the asked connectivity")


@stdfn("int, int, list[int], int, int -> Component")
def pipe_grid(rows: int, cols: int, tiles: list[int], src: int, dst: int) -> Component:
    """A grid of pipe tiles (bits 1 up, 2 right, 4 down, 8 left) filling the canvas; the
    source cell carries a green tap disc "S" and the target a gold disc "T". Cell i has
    subkey "c<i>"; the markers are "src" and "dst"."""
    if len(tiles) != rows * cols:
        raise ValueError("pipe_grid: one tile per cell")
    side = min((CANVAS - 2 * PAD) / cols, (CANVAS - 2 * PAD) / rows)
    x0 = (CANVAS - side * cols) / 2
    y0 = (CANVAS - side * rows) / 2
    pw = side * 0.26
    comp = Component()
    cell_style = Style(fill="#f4f1ea", stroke="#9a9a9a", stroke_width=1)
    pipe = Style(fill="#4a6f9a", stroke=None)
    for i, m in enumerate(tiles):
        r, c = divmod(i, cols)
        x, y = x0 + c * side, y0 + r * side
        comp.add(Rect(x, y, side, side, style=cell_style), f"c{i}")
        cx, cy = x + side / 2, y + side / 2
        for dr, dc, bit, _ in _DIRS:
            if m & bit:
                ex, ey = cx + dc * side / 2, cy + dr * side / 2
                bx = min(cx, ex) - (pw / 2 if dc == 0 else 0)
                by = min(cy, ey) - (pw / 2 if dr == 0 else 0)
                w = pw if dc == 0 else side / 2
                h = pw if dr == 0 else side / 2
                comp.add(
                    Rect(round(bx, 2), round(by, 2), round(w, 2), round(h, 2), style=pipe), f"c{i}"
                )
        if m:
            comp.add(Rect(cx - pw / 2, cy - pw / 2, pw, pw, style=pipe), f"c{i}")
    for cell, sub, fill, s in ((src, "src", "green", "S"), (dst, "dst", "#e0a800", "T")):
        r, c = divmod(cell, cols)
        cx, cy = x0 + (c + 0.5) * side, y0 + (r + 0.5) * side
        comp.add(
            Circle(cx, cy, side * 0.24, style=Style(fill=fill, stroke="black", stroke_width=2)), sub
        )
        comp.add(
            Text(
                cx,
                cy,
                s,
                size=max(11.0, side * 0.24),
                bold=True,
                style=Style(fill="white" if s == "S" else "black", stroke=None),
            ),
            sub,
        )
    return comp


# ---------------------------------------------------------------- timelines and Gantt charts


@stdfn("list[int], list[str] -> Component")
def timeline(years: list[int], labels: list[str]) -> Component:
    """A vertical timeline (earliest at the top, spaced in proportion to time) with a dot per
    event, its year on the left and its label on the right; event i has subkey "ev<i>".
    Rejected when two events would sit closer than 26 px."""
    if len(years) != len(labels) or len(years) < 2:
        raise ValueError("timeline: need two or more events, one label each")
    lo, hi = min(years), max(years)
    if hi == lo:
        raise ValueError("timeline: events need different years")
    top, bottom, ax = 40.0, CANVAS - 40.0, 130.0

    def at(v: int) -> float:
        return round(top + (bottom - top) * (v - lo) / (hi - lo), 2)

    ys = sorted(at(v) for v in years)
    if any(b - a < 26 for a, b in zip(ys, ys[1:], strict=False)):
        raise SampleRejected("timeline: two events too close together")
    size = _fit(labels, 17.0, CANVAS - ax - 30 - PAD)
    comp = Component()
    comp.add(
        Line(ax, top - 22, ax, bottom + 22, arrow=True, style=Style(stroke="black", stroke_width=3))
    )
    for i, (v, s) in enumerate(zip(years, labels, strict=True)):
        y = at(v)
        comp.add(
            Circle(ax, y, 6, style=Style(fill="red", stroke="black", stroke_width=1.5)), f"ev{i}"
        )
        comp.add(Line(ax - 14, y, ax - 6, y, style=Style(stroke="black", stroke_width=2)), f"ev{i}")
        comp.add(Text(ax - 20, y, str(v), size=17, anchor="end", bold=True, style=INK), f"ev{i}")
        comp.add(Text(ax + 20, y, s, size=size, anchor="start", style=INK), f"ev{i}")
    return comp


@stdfn("list[str], list[int], list[int], int -> Component")
def gantt_chart(tasks: list[str], starts: list[int], ends: list[int], horizon: int) -> Component:
    """A Gantt chart: one row per task on a grid of day columns numbered 1..horizon, with a bar
    over the columns starts[i]+1 .. ends[i]; task i (bar and name) has subkey "t<i>"."""
    n = len(tasks)
    if not (len(starts) == len(ends) == n) or n == 0:
        raise ValueError("gantt_chart: one start and end per task")
    if any(not 0 <= s < e <= horizon for s, e in zip(starts, ends, strict=True)):
        raise ValueError("gantt_chart: need 0 <= start < end <= horizon")
    lsize = _fit(tasks, 16.0, 120.0)
    left = PAD + max(text_width(t, lsize) for t in tasks) + 12
    right = CANVAS - PAD
    top = 70.0
    row_h = min(44.0, (CANVAS - PAD - top) / n)
    day_w = (right - left) / horizon
    if day_w < 14:
        raise SampleRejected("gantt_chart: too many days")
    comp = Component()
    comp.add(Text((left + right) / 2, 24, "Day", size=16, bold=True, style=INK))
    grid = Style(stroke="#bbbbbb", stroke_width=1)
    dsize = _fit([str(horizon)], 14.0, day_w - 2)
    for d in range(horizon + 1):
        x = left + d * day_w
        comp.add(Line(x, top - 6, x, top + n * row_h, style=grid))
        if d < horizon:
            comp.add(Text(x + day_w / 2, top - 16, str(d + 1), size=dsize, style=INK))
    for i in range(n):
        y = top + i * row_h
        comp.add(
            Text(left - 8, y + row_h / 2, tasks[i], size=lsize, anchor="end", style=INK), f"t{i}"
        )
        bx = left + starts[i] * day_w
        comp.add(
            Rect(
                bx,
                y + row_h * 0.2,
                (ends[i] - starts[i]) * day_w,
                row_h * 0.6,
                rx=3,
                style=Style(fill="#5b8bd0", stroke="black", stroke_width=1.5),
            ),
            f"t{i}",
        )
    return comp


# ---------------------------------------------------------------- state machines


@stdfn("list[int], int, int, list[int] -> int")
def run_machine(delta: list[int], nsym: int, start: int, word: list[int]) -> int:
    """Final state of a deterministic state machine: from state s on symbol k it moves to
    delta[s * nsym + k]; `word` lists symbol indices."""
    s = start
    for k in word:
        if not 0 <= k < nsym:
            raise ValueError(f"run_machine: symbol {k} outside 0..{nsym - 1}")
        s = delta[s * nsym + k]
    return s


def _bezier(a: P, c: P, b: P, k: int = 16) -> list[P]:
    return [
        (
            round((1 - t) ** 2 * a[0] + 2 * (1 - t) * t * c[0] + t * t * b[0], 2),
            round((1 - t) ** 2 * a[1] + 2 * (1 - t) * t * c[1] + t * t * b[1], 2),
        )
        for t in (i / k for i in range(k + 1))
    ]


@stdfn("list[str], list[int], list[str], list[int] -> Component")
def state_diagram(
    names: list[str], delta: list[int], symbols: list[str], accepting: Sequence[int] = ()
) -> Component:
    """A state machine drawn as named circles on a ring (double circles for `accepting`), an
    entry arrow into state 0, and one labelled arrow per move (delta[s * len(symbols) + k] is
    where state s goes on symbol k; moves sharing an arrow list their symbols "a,b"); state i
    has subkey "q<i>", the arrow from s to t "m<s>_<t>". Rejected if labels would collide."""
    n, k = len(names), len(symbols)
    if len(delta) != n * k or any(not 0 <= t < n for t in delta):
        raise ValueError("state_diagram: delta needs len(names) * len(symbols) states")
    cx, cy = CANVAS / 2 + 10, CANVAS / 2 + 6
    ring = 150.0 if n > 2 else 120.0
    r = 28.0
    pos = [
        (
            round(cx + ring * math.sin(2 * math.pi * i / n + 0.3), 2),
            round(cy - ring * math.cos(2 * math.pi * i / n + 0.3), 2),
        )
        for i in range(n)
    ]
    moves: dict[tuple[int, int], list[str]] = {}
    for s in range(n):
        for j in range(k):
            moves.setdefault((s, delta[s * k + j]), []).append(symbols[j])
    line = Style(stroke="black", stroke_width=2)
    comp = Component()
    boxes: list[tuple[float, float, float, float]] = []
    labels: list[tuple[str, float, float, str]] = []
    for (s, t), syms in sorted(moves.items()):
        sub = f"m{s}_{t}"
        text = ",".join(syms)
        if s == t:
            ox, oy = pos[s][0] - cx, pos[s][1] - cy
            d = math.hypot(ox, oy) or 1.0
            ux, uy = ox / d, oy / d
            lc = (pos[s][0] + ux * (r + 14), pos[s][1] + uy * (r + 14))
            ang = math.degrees(math.atan2(ux, -uy))
            comp.add(Arc(lc[0], lc[1], 17, ang - 140, ang + 140, style=line), sub)
            end_a = math.radians(ang + 140)
            ex, ey = lc[0] + 17 * math.sin(end_a), lc[1] - 17 * math.cos(end_a)
            comp.add(
                Line(
                    ex + 5 * math.cos(end_a),
                    ey + 5 * math.sin(end_a),
                    ex,
                    ey,
                    arrow=True,
                    style=line,
                ),
                sub,
            )
            lx, ly = pos[s][0] + ux * (r + 46), pos[s][1] + uy * (r + 46)
        else:
            a, b = pos[s], pos[t]
            dx, dy = b[0] - a[0], b[1] - a[1]
            d = math.hypot(dx, dy)
            nx, ny = dy / d, -dx / d  # left of the direction of travel
            bend = 30.0 if (t, s) in moves else 0.0
            ctrl = ((a[0] + b[0]) / 2 + nx * bend, (a[1] + b[1]) / 2 + ny * bend)
            pts = _bezier(a, ctrl, b)
            trimmed = [p for p in pts if math.dist(p, a) > r and math.dist(p, b) > r + 3]
            if len(trimmed) < 2:
                raise SampleRejected("state_diagram: states too close")
            comp.add(Polyline(tuple(trimmed), arrow=True, style=line), sub)
            mid = _bezier(a, ctrl, b, 20)[9]
            lx, ly = mid[0] + nx * 13, mid[1] + ny * 13
        w = text_width(text, 16) / 2 + 4
        box = (lx - w, ly - 10, lx + w, ly + 10)
        if any(
            not (box[2] < o[0] or o[2] < box[0] or box[3] < o[1] or o[3] < box[1]) for o in boxes
        ):
            raise SampleRejected("state_diagram: move labels collide")
        if any(math.dist((lx, ly), p) < r + w for p in pos):
            raise SampleRejected("state_diagram: a move label covers a state")
        boxes.append(box)
        labels.append((text, lx, ly, sub))
    for text, lx, ly, sub in labels:
        w = text_width(text, 16) / 2 + 4
        comp.add(
            Rect(lx - w, ly - 10, 2 * w, 20, rx=3, style=Style(fill="white", stroke=None)), sub
        )
        comp.add(
            Text(lx, ly, text, size=16, bold=True, style=Style(fill="#b00020", stroke=None)), sub
        )
    for i, (x, y) in enumerate(pos):
        comp.add(
            Circle(x, y, r, style=Style(fill="#fffbe6", stroke="black", stroke_width=2)), f"q{i}"
        )
        if i in accepting:
            comp.add(
                Circle(x, y, r - 5, style=Style(fill=None, stroke="black", stroke_width=1.5)),
                f"q{i}",
            )
        comp.add(
            Text(
                x,
                y,
                names[i],
                size=_fit([names[i]], 17.0, 2 * r - 14, bold=True),
                bold=True,
                style=INK,
            ),
            f"q{i}",
        )
    # Entry arrow: from outside, turned 70 degrees off the outward direction (clear of loops).
    sx, sy = pos[0]
    base = math.atan2(sy - cy, sx - cx) - math.radians(70)
    ux, uy = math.cos(base), math.sin(base)
    comp.add(
        Line(
            round(sx + ux * (r + 42), 2),
            round(sy + uy * (r + 42), 2),
            round(sx + ux * (r + 2), 2),
            round(sy + uy * (r + 2), 2),
            arrow=True,
            style=Style(stroke="black", stroke_width=3),
        ),
        "entry",
    )
    return comp


# ---------------------------------------------------------------- bipartite diagrams


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


@stdfn("list[str], list[str], list[Edge] -> Component")
def bipartite_diagram(left: list[str], right: list[str], links: list[dict[str, int]]) -> Component:
    """Two columns of labelled boxes (left and right) joined by lines for the edges (a: left
    index, b: right index); left box i has subkey "l<i>", right box j "r<j>", edge k "e<k>"."""
    nl, nr = len(left), len(right)
    size = _fit(left + right, 17.0, 130.0)
    wl = max(text_width(s, size) for s in left) + 20
    wr = max(text_width(s, size) for s in right) + 20
    xl, xr = PAD + wl / 2 + 10, CANVAS - PAD - wr / 2 - 10

    def ys(m: int) -> list[float]:
        step = (CANVAS - 2 * PAD) / m
        return [PAD + (i + 0.5) * step for i in range(m)]

    yl, yr = ys(nl), ys(nr)
    bh = min(34.0, (CANVAS - 2 * PAD) / max(nl, nr) * 0.7)
    comp = Component()
    for k, e in enumerate(links):
        comp.add(
            Line(
                xl + wl / 2,
                yl[e["a"]],
                xr - wr / 2,
                yr[e["b"]],
                style=Style(stroke="#333333", stroke_width=2),
            ),
            f"e{k}",
        )
    for i, s in enumerate(left):
        comp.add(
            Rect(xl - wl / 2, yl[i] - bh / 2, wl, bh, rx=5, style=Style(fill="#dbe8f7")), f"l{i}"
        )
        comp.add(Text(xl, yl[i], s, size=size, style=INK), f"l{i}")
    for j, s in enumerate(right):
        comp.add(
            Rect(xr - wr / 2, yr[j] - bh / 2, wr, bh, rx=5, style=Style(fill="#f7e3cf")), f"r{j}"
        )
        comp.add(Text(xr, yr[j], s, size=size, style=INK), f"r{j}")
    return comp


# ---------------------------------------------------------------- layered directed graphs


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
            x = PAD + r + (CANVAS - 2 * PAD - 2 * r) * (c + 0.5) / cols
            ids = names[k : k + size]
            k += size
            layer_of.append(ids)
            for j, node in enumerate(ids):
                y = PAD + r + (CANVAS - 2 * PAD - 2 * r) * (j + 0.5) / size
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
