"""Floor plans cut into rectangular rooms, with doors and routes through them, and painted blocks.

A plan is a cols x rows rectangle of grid units cut by straight walls into rooms; room i is the
list [x, y, w, h] (top-left corner and size in units, y growing down the picture). A door joins
two rooms through the middle of their shared wall: [a, b, x2, y2, vertical] with its centre at
(x2 / 2, y2 / 2) units and vertical = 1 when the wall runs up and down.

A painted block is an a x b x c cuboid (a wide, b deep, c tall) cut into unit cubes after some
of its six faces were painted, given as flags in the order top, bottom, front, back, left, right.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from tron.stdlib.component import SampleRejected
from tron.stdlib.registry import stdfn

DOMAIN = "Floor plans and painted blocks"

_MAX_ROOMS = 40
_MAX_UNITS = 400
_ROUTE_BUDGET = 20_000


def _axis_contacts(n: int, lo: int, hi: int) -> list[int]:
    """For one axis of length n with painted ends lo / hi: how many positions touch 0, 1, 2 painted ends."""
    out = [0, 0, 0]
    for i in range(n):
        out[(lo if i == 0 else 0) + (hi if i == n - 1 else 0)] += 1
    return out


@stdfn("int, int, int, list[int] -> list[int]")
def painted_block_counts(a: int, b: int, c: int, painted: list[int]) -> list[int]:
    """How many unit cubes of the a x b x c block have exactly k painted faces, for k = 0..6 (seven
    counts), when the faces whose flags (top, bottom, front, back, left, right) are 1 were painted."""
    if min(a, b, c) < 1 or a * b * c > 1_000_000:
        raise ValueError("painted_block_counts: sides from 1, at most a million cubes")
    if len(painted) != 6 or any(p not in (0, 1) for p in painted):
        raise ValueError(
            "painted_block_counts: six 0/1 flags (top, bottom, front, back, left, right)"
        )
    top, bottom, front, back, left, right = painted
    # Each unit cube's painted faces are the painted block faces it touches, counted per axis.
    axes = [
        _axis_contacts(a, left, right),
        _axis_contacts(b, front, back),
        _axis_contacts(c, bottom, top),
    ]
    out = [0] * 7
    for i, x in enumerate(axes[0]):
        for j, y in enumerate(axes[1]):
            for k, z in enumerate(axes[2]):
                out[i + j + k] += x * y * z
    return out


def _rooms(rooms: Sequence[Sequence[int]]) -> list[tuple[int, int, int, int]]:
    if not 1 <= len(rooms) <= _MAX_ROOMS:
        raise ValueError(f"floor plan: 1 to {_MAX_ROOMS} rooms")
    out = []
    for r in rooms:
        if len(r) != 4 or r[2] < 1 or r[3] < 1:
            raise ValueError("floor plan: each room is [x, y, w, h] with w, h >= 1")
        out.append((r[0], r[1], r[2], r[3]))
    return out


@stdfn("int, int, int, int -> list[list[int]]", random=True)
def floor_plan(rng: random.Random, n: int, cols: int, rows: int, min_side: int) -> list[list[int]]:
    """A cols x rows plan cut into `n` rooms [x, y, w, h] by straight walls, each cut splitting one room
    in two; every room is at least `min_side` units each way. Rooms are listed by their top-left corner
    (row by row); the draw is rejected if no such plan is found."""
    if cols * rows > _MAX_UNITS or not 1 <= n <= _MAX_ROOMS or min_side < 1:
        raise ValueError(
            f"floor_plan: at most {_MAX_UNITS} units and {_MAX_ROOMS} rooms, min_side >= 1"
        )
    for _ in range(50):
        rooms = [(0, 0, cols, rows)]
        ok = True
        while len(rooms) < n:
            cuts = []
            for i, (_x, _y, w, h) in enumerate(rooms):
                if w >= 2 * min_side:
                    cuts.append((i, 0, w * h))
                if h >= 2 * min_side:
                    cuts.append((i, 1, w * h))
            if not cuts:
                ok = False
                break
            i, axis, _ = rng.choices(cuts, weights=[cw for _, _, cw in cuts])[0]
            x, y, w, h = rooms.pop(i)
            if axis == 0:
                s = rng.randint(min_side, w - min_side)
                rooms += [(x, y, s, h), (x + s, y, w - s, h)]
            else:
                s = rng.randint(min_side, h - min_side)
                rooms += [(x, y, w, s), (x, y + s, w, h - s)]
        if ok:
            return [list(r) for r in sorted(rooms, key=lambda r: (r[1], r[0]))]
    raise SampleRejected(f"floor_plan: no {n}-room plan with sides >= {min_side}")


def _shared(
    p: tuple[int, int, int, int], q: tuple[int, int, int, int]
) -> tuple[int, int, int, int] | None:
    """The wall rooms p and q share: (x2, y2, vertical, length) with its middle at (x2/2, y2/2), or None."""
    px, py, pw, ph = p
    qx, qy, qw, qh = q
    if px + pw == qx or qx + qw == px:
        lo, hi = max(py, qy), min(py + ph, qy + qh)
        if hi > lo:
            x = qx if px + pw == qx else px
            return (2 * x, lo + hi, 1, hi - lo)
    if py + ph == qy or qy + qh == py:
        lo, hi = max(px, qx), min(px + pw, qx + qw)
        if hi > lo:
            y = qy if py + ph == qy else py
            return (lo + hi, 2 * y, 0, hi - lo)
    return None


@stdfn("list[list[int]], int, int -> list[list[int]]", random=True)
def plan_doors(
    rng: random.Random, rooms: list[list[int]], extra: int, min_wall: int
) -> list[list[int]]:
    """Doors [a, b, x2, y2, vertical] (a < b, sorted) in the middle of shared walls at least `min_wall`
    units long: a random set that joins every room to every other, plus `extra` more where they fit.
    The draw is rejected when the walls long enough for a door do not join all the rooms."""
    rs = _rooms(rooms)
    cand = []
    for a in range(len(rs)):
        for b in range(a + 1, len(rs)):
            s = _shared(rs[a], rs[b])
            if s is not None and s[3] >= min_wall:
                cand.append([a, b, s[0], s[1], s[2]])
    rng.shuffle(cand)
    group = list(range(len(rs)))

    def find(i: int) -> int:
        while group[i] != i:
            group[i] = group[group[i]]
            i = group[i]
        return i

    tree, rest = [], []
    for d in cand:
        ra, rb = find(d[0]), find(d[1])
        if ra != rb:
            group[ra] = rb
            tree.append(d)
        else:
            rest.append(d)
    if len(tree) != len(rs) - 1:
        raise SampleRejected("plan_doors: the rooms cannot all be joined by doors")
    return sorted(tree + rest[: max(0, extra)])


def _side(room: tuple[int, int, int, int], door: Sequence[int]) -> int:
    """Which wall of the room the door is on: 0 top, 1 right, 2 bottom, 3 left."""
    x, y, w, h = room
    if door[4] == 1:
        return 3 if door[2] == 2 * x else 1
    return 0 if door[3] == 2 * y else 2


@stdfn("list[list[int]], list[list[int]], int, int -> list[int]", random=True)
def plan_route(
    rng: random.Random, rooms: list[list[int]], doors: list[list[int]], steps: int, visits: int
) -> list[int]:
    """A random route through `steps` doors, as the rooms it visits in order (steps + 1 of them, `visits`
    of them different): no door is used twice, no room is left through the wall it was entered by, and a
    route through any door ends in another room than it starts in. The draw is rejected if none is found."""
    rs = _rooms(rooms)
    if steps < 0 or not 1 <= visits <= steps + 1:
        raise ValueError("plan_route: steps from 0, visits from 1 to steps + 1")
    if steps > len(doors):
        raise SampleRejected(f"plan_route: {steps} steps but only {len(doors)} doors")
    links: dict[int, list[tuple[int, int]]] = {i: [] for i in range(len(rs))}
    for k, d in enumerate(doors):
        if not (0 <= d[0] < len(rs) and 0 <= d[1] < len(rs)) or len(d) != 5:
            raise ValueError("plan_route: doors are [a, b, x2, y2, vertical] between listed rooms")
        links[d[0]].append((k, d[1]))
        links[d[1]].append((k, d[0]))
    budget = [_ROUTE_BUDGET]

    def extend(path: list[int], used: list[int]) -> list[int] | None:
        seen = len(set(path))
        if seen > visits or seen + steps - len(used) < visits:
            return None
        if len(used) == steps:
            return path if steps == 0 or path[-1] != path[0] else None
        budget[0] -= 1
        if budget[0] <= 0:
            return None
        here = path[-1]
        opts = list(links[here])
        rng.shuffle(opts)
        for k, nxt in opts:
            if k in used:
                continue
            if used and _side(rs[here], doors[used[-1]]) == _side(rs[here], doors[k]):
                continue
            got = extend(path + [nxt], used + [k])
            if got is not None:
                return got
        return None

    starts = list(range(len(rs)))
    rng.shuffle(starts)
    for s in starts:
        got = extend([s], [])
        if got is not None:
            return got
    raise SampleRejected(f"plan_route: no route through {steps} doors")
