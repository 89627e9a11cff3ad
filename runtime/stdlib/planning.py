"""Planning and state search: water-jug pouring, sliding-tile puzzles (breadth-first search
for the fewest moves) and the longest increasing subsequence of a row of values.

Sliding puzzles are row-major tile lists with 0 for the gap; solved is 1, 2, ..., then 0.
"""

from __future__ import annotations

import random
from bisect import bisect_left
from collections import deque

from tron.stdlib.component import SampleRejected
from tron.stdlib.registry import stdfn

DOMAIN = "Planning and search"

MAX_STATES = 200_000  # a search that would visit more states is refused


def _jug_moves(caps: tuple[int, ...], s: tuple[int, ...]) -> list[tuple[int, ...]]:
    out = []
    for i, cap in enumerate(caps):
        out.append(s[:i] + (cap,) + s[i + 1 :])  # fill jug i from the tap
        out.append(s[:i] + (0,) + s[i + 1 :])  # empty jug i
        for j in range(len(caps)):
            if j != i:  # pour i into j until i is empty or j is full
                amount = min(s[i], caps[j] - s[j])
                t = list(s)
                t[i] -= amount
                t[j] += amount
                out.append(tuple(t))
    return out


@stdfn("list[int], int -> int")
def water_jug_steps(caps: list[int], goal: int) -> int:
    """Fewest moves, starting with every jug empty, until some jug holds exactly `goal`
    litres: a move fills one jug from the tap, empties one, or pours one into another until
    the first is empty or the second full; -1 when no sequence of moves can do it."""
    if not 1 <= len(caps) <= 3 or any(c <= 0 or c > 30 for c in caps):
        raise ValueError("water_jug_steps: 1 to 3 jugs of 1..30 litres")
    start = tuple(0 for _ in caps)
    seen = {start: 0}
    todo = deque([start])
    while todo:
        s = todo.popleft()
        if goal in s:
            return seen[s]
        for t in _jug_moves(tuple(caps), s):
            if t not in seen:
                seen[t] = seen[s] + 1
                todo.append(t)
    return -1


def _slides(rows: int, cols: int, s: tuple[int, ...]) -> list[tuple[int, ...]]:
    g = s.index(0)
    r, c = divmod(g, cols)
    out = []
    for dr, dc in ((-1, 0), (1, 0), (0, -1), (0, 1)):
        rr, cc = r + dr, c + dc
        if 0 <= rr < rows and 0 <= cc < cols:
            t = list(s)
            j = rr * cols + cc
            t[g], t[j] = t[j], 0
            out.append(tuple(t))
    return out


def _slide_parity_ok(rows: int, cols: int, tiles: list[int]) -> bool:
    """Each slide is a transposition that moves the gap one step, so the permutation's
    parity (the gap counted as the last tile) always equals the gap's distance parity."""
    n = rows * cols
    perm = [t - 1 if t else n - 1 for t in tiles]
    inv = sum(1 for i in range(n) for j in range(i + 1, n) if perm[i] > perm[j])
    g = tiles.index(0)
    dist = (rows - 1 - g // cols) + (cols - 1 - g % cols)
    return (inv + dist) % 2 == 0


@stdfn("int, int, list[int] -> int")
def slide_steps(rows: int, cols: int, tiles: list[int]) -> int:
    """Fewest slides (a tile next to the gap moves into it) that bring the row-major tiles
    (0 = gap) to the order 1, 2, ..., with the gap last; -1 when unreachable."""
    n = rows * cols
    if sorted(tiles) != list(range(n)) or n > 12:
        raise ValueError("slide_steps: tiles must be 0..rows*cols-1, at most 12 cells")
    if not _slide_parity_ok(rows, cols, tiles):
        return -1
    return _meet_in_middle(rows, cols, tuple(tiles), tuple(list(range(1, n)) + [0]))


def _meet_in_middle(rows: int, cols: int, start: tuple[int, ...], goal: tuple[int, ...]) -> int:
    """Breadth-first from both ends, a whole level of the smaller frontier at a time: the
    first level where the searches meet gives the exact shortest distance, after visiting
    about the square root of the states one search would (slides are reversible)."""
    if start == goal:
        return 0
    dist = ({start: 0}, {goal: 0})
    frontier = ([start], [goal])
    while frontier[0] and frontier[1]:
        side = 0 if len(frontier[0]) <= len(frontier[1]) else 1
        mine, other = dist[side], dist[1 - side]
        best, grown = -1, []
        for s in frontier[side]:
            for t in _slides(rows, cols, s):
                if t in other:
                    total = mine[s] + 1 + other[t]
                    best = total if best < 0 else min(best, total)
                if t not in mine:
                    mine[t] = mine[s] + 1
                    grown.append(t)
        if best >= 0:
            return best
        if len(mine) + len(other) > MAX_STATES:
            raise SampleRejected("slide_steps: search too large")
        frontier = (grown, frontier[1]) if side == 0 else (frontier[0], grown)
    return -1


@stdfn("int, int, int -> list[int]", random=True)
def scrambled_slides(rng: random.Random, rows: int, cols: int, moves: int) -> list[int]:
    """Tiles of a solved rows x cols sliding puzzle after `moves` random slides, never
    undoing the previous slide (so the puzzle is always solvable, in at most `moves`)."""
    n = rows * cols
    s = tuple(list(range(1, n)) + [0])
    prev: tuple[int, ...] = ()
    for _ in range(moves):
        options = [t for t in _slides(rows, cols, s) if t != prev]
        prev, s = s, rng.choice(options)
    return list(s)


@stdfn("list[int] -> int")
def longest_increasing(xs: list[int]) -> int:
    """Length of the longest strictly increasing subsequence (items kept in order, not
    necessarily neighbours)."""
    tails: list[int] = []
    for x in xs:
        k = bisect_left(tails, x)
        if k == len(tails):
            tails.append(x)
        else:
            tails[k] = x
    return len(tails)


@stdfn("list[int] -> int")
def trapped_water(heights: list[int]) -> int:
    """Units of rain water held between bars of these heights (unit width each): above each
    bar, up to the lower of the tallest bars on its left and on its right."""
    total = 0
    for i, h in enumerate(heights):
        total += max(0, min(max(heights[: i + 1]), max(heights[i:])) - h)
    return total
