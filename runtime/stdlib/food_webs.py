"""Food webs: species in feeding levels joined by arrows from each food to its eater.

A web on species 0..n-1 is a list of Edge records (a: the food, b: the eater); every eater
sits on a higher level than each of its foods, so the web has no cycles. Species that eat
nothing drawn are producers (plants).
"""

from __future__ import annotations

import random
from typing import Any

from tron.render.scene import Line, Rect, Style, Text
from tron.render.textpath import text_width
from tron.stdlib._style import INK
from tron.stdlib.component import Component, SampleRejected
from tron.stdlib.registry import stdfn

DOMAIN = "Food webs"

Eats = list[dict[str, Any]]


def _pairs(n: int, eats: Eats, name: str) -> list[tuple[int, int]]:
    out = []
    for e in eats:
        a, b = int(e["a"]), int(e["b"])
        if not (0 <= a < n and 0 <= b < n) or a == b:
            raise ValueError(f"{name}: bad link {a} -> {b} for {n} species")
        out.append((a, b))
    return out


@stdfn("list[int], int, int -> list[Edge]", random=True)
def random_food_web(rng: random.Random, levels: list[int], extra: int, skips: int) -> Eats:
    """Feeding links for species numbered level by level (levels[k] species on level k, level
    0 the producers): every species above level 0 eats one random species of the level just
    below, then `extra` more links between neighbouring levels and `skips` links that jump
    one level (an eater two levels up), without repeats, as far as they fit."""
    starts = [sum(levels[:k]) for k in range(len(levels))]
    level_of = [k for k, size in enumerate(levels) for _ in range(size)]
    members = [list(range(starts[k], starts[k] + levels[k])) for k in range(len(levels))]
    links: set[tuple[int, int]] = set()
    for k in range(1, len(levels)):
        # Every species of the level below gets eaten by someone when it can.
        below = list(members[k - 1])
        rng.shuffle(below)
        for i, s in enumerate(members[k]):
            links.add((below[i % len(below)], s))
        for f in below[len(members[k]) :]:
            links.add((f, rng.choice(members[k])))

    def add(gap: int, count: int) -> None:
        options = [
            (a, b)
            for b in range(len(level_of))
            for a in range(len(level_of))
            if level_of[b] - level_of[a] == gap and (a, b) not in links
        ]
        rng.shuffle(options)
        links.update(options[:count])

    add(1, extra)
    add(2, skips)
    return [{"a": a, "b": b, "w": 1} for a, b in sorted(links)]


@stdfn("int, list[Edge] -> int")
def longest_food_chain(n: int, eats: list[dict[str, Any]]) -> int:
    """Number of species in the longest food chain: a producer, something that eats it,
    something that eats that, and so on, following the arrows."""
    pairs = _pairs(n, eats, "longest_food_chain")
    best = [1] * n
    # Relax n times: the web has no cycles, so chains have at most n species.
    for _ in range(n):
        for a, b in pairs:
            best[b] = max(best[b], best[a] + 1)
    return max(best) if n else 0


@stdfn("int, list[Edge], int -> list[int]")
def starved_species(n: int, eats: list[dict[str, Any]], removed: int) -> list[int]:
    """Species (ascending, the removed one excluded) left with nothing to eat once species
    `removed` disappears, directly or because everything they ate died out in turn;
    producers never starve."""
    pairs = _pairs(n, eats, "starved_species")
    foods: dict[int, set[int]] = {i: set() for i in range(n)}
    for a, b in pairs:
        foods[b].add(a)
    gone = {removed}
    changed = True
    while changed:
        changed = False
        for s in range(n):
            if s not in gone and foods[s] and foods[s] <= gone:
                gone.add(s)
                changed = True
    return sorted(gone - {removed})


def _seg_hits_box(x1: float, y1: float, x2: float, y2: float, box: tuple[float, ...]) -> bool:
    """True when the segment passes through the (slightly grown) box."""
    bx0, by0, bx1, by1 = box[0] - 6, box[1] - 6, box[2] + 6, box[3] + 6
    for t in range(1, 40):
        x, y = x1 + (x2 - x1) * t / 40, y1 + (y2 - y1) * t / 40
        if bx0 <= x <= bx1 and by0 <= y <= by1:
            return True
    return False


def _ends(fa: tuple[float, ...], fb: tuple[float, ...]) -> tuple[float, float, float, float]:
    """Arrow from the top of the food's box to the bottom of the eater's, each end moved
    along its box towards the other so that arrows meeting one box arrive apart."""
    ca, cb = (fa[0] + fa[2]) / 2, (fb[0] + fb[2]) / 2
    da = max(-0.35, min(0.35, (cb - ca) / 400)) * (fa[2] - fa[0])
    db = max(-0.4, min(0.4, (ca - cb) / 300)) * (fb[2] - fb[0])
    return ca + da, fa[1], cb + db, fb[3]


@stdfn("list[str], list[int], list[Edge] -> Component", random=True)
def food_web(rng: random.Random, names: list[str], levels: list[int], eats: Eats) -> Component:
    """The food web drawn with level 0 (producers, green boxes) at the bottom and each higher
    level above it, species spread along their row in a random order, and an arrow from each
    food to its eater. Species i has subkey "s<i>", link k "e<k>". A layout in which an arrow
    would cross a box it does not join is redrawn, and rejected if none is found."""
    n = sum(levels)
    if len(names) != n:
        raise ValueError(f"food_web: {len(names)} names for {n} species")
    pairs = _pairs(n, eats, "food_web")
    nlev = len(levels)
    size = 15.0
    row_h = 440 / nlev
    level_of = [k for k, s in enumerate(levels) for _ in range(s)]
    for _ in range(60):
        boxes: list[tuple[float, float, float, float]] = [(0, 0, 0, 0)] * n
        start = 0
        for k, count in enumerate(levels):
            order = list(range(start, start + count))
            rng.shuffle(order)
            cy = 492 - row_h * (k + 0.5)
            slot = 500 / count
            for j, s in enumerate(order):
                w = text_width(names[s], size) + 16
                cx = 6 + slot * (j + 0.5) + rng.uniform(-0.12, 0.12) * max(0.0, slot - w)
                boxes[s] = (cx - w / 2, cy - 14, cx + w / 2, cy + 14)
            start += count
        if any(b[0] < 2 or b[2] > 510 for b in boxes):
            continue
        ok = True
        for a, b in pairs:
            x1, y1, x2, y2 = _ends(boxes[a], boxes[b])
            if any(_seg_hits_box(x1, y1, x2, y2, boxes[s]) for s in range(n) if s not in (a, b)):
                ok = False
                break
        if ok:
            break
    else:
        raise SampleRejected("food_web: no layout keeps the arrows clear of other boxes")
    comp = Component()
    for k, (a, b) in enumerate(pairs):
        x1, y1, x2, y2 = _ends(boxes[a], boxes[b])
        comp.add(
            Line(x1, y1, x2, y2, arrow=True, style=Style(stroke="#555555", stroke_width=2)), f"e{k}"
        )
    for s in range(n):
        x0, y0, x1, y1 = boxes[s]
        fill = "#c8ecc0" if level_of[s] == 0 else "#fff3c4"
        comp.add(
            Rect(
                x0,
                y0,
                x1 - x0,
                y1 - y0,
                rx=6,
                style=Style(fill=fill, stroke="black", stroke_width=1.5),
            ),
            f"s{s}",
        )
        comp.add(Text((x0 + x1) / 2, (y0 + y1) / 2, names[s], size=size, style=INK), f"s{s}")
    return comp
