"""Traces of small algorithms and machines: a stack or queue after a tape of operations,
bubble sort pass by pass, and Langton's ant walking on a grid.
"""

from __future__ import annotations

from collections import deque

from tron.stdlib.registry import stdfn

DOMAIN = "Algorithm traces"


@stdfn("list[int], bool -> list[int]")
def container_after(ops: list[int], queue: bool) -> list[int]:
    """Contents after the operations in order, where a value >= 0 is put in and -1 takes one
    out (the last one put in for a stack, the first for a `queue`; nothing on an empty one).
    A stack is listed bottom to top, a queue front to back."""
    items: deque[int] = deque()
    for v in ops:
        if v >= 0:
            items.append(v)
        elif items:
            if queue:
                items.popleft()
            else:
                items.pop()
    return list(items)


@stdfn("list[int] -> list[int]")
def bubble_pass_swaps(xs: list[int]) -> list[int]:
    """Swaps made by each pass of bubble sort (left to right, swapping neighbours that are
    out of order) until a pass makes none; that last pass is not listed."""
    a = list(xs)
    out: list[int] = []
    while True:
        swaps = 0
        for i in range(len(a) - 1):
            if a[i] > a[i + 1]:
                a[i], a[i + 1] = a[i + 1], a[i]
                swaps += 1
        if swaps == 0:
            return out
        out.append(swaps)


@stdfn("list[int], int -> list[int]")
def bubble_after(xs: list[int], passes: int) -> list[int]:
    """The list after `passes` passes of bubble sort (left to right, swapping neighbours that
    are out of order)."""
    a = list(xs)
    for _ in range(passes):
        for i in range(len(a) - 1):
            if a[i] > a[i + 1]:
                a[i], a[i + 1] = a[i + 1], a[i]
    return a


@stdfn("int, int, list[int], int, int, int -> list[int]")
def langton_walk(
    rows: int, cols: int, cells: list[int], start: int, heading: int, steps: int
) -> list[int]:
    """Langton's ant for `steps` steps on a bounded grid of 0 (white) / 1 (black) cells: on
    white it turns right, on black left (heading 0 up, 1 right, 2 down, 3 left), flips the
    cell and steps forward. Returns the cells, then the ant's cell and heading; the ant
    stops (and the list ends with -1) if it would step off the grid."""
    if len(cells) != rows * cols or not 0 <= start < rows * cols or steps > 10_000:
        raise ValueError("langton_walk: bad grid, start or step count")
    grid = list(cells)
    pos, h = start, heading % 4
    moves = [(-1, 0), (0, 1), (1, 0), (0, -1)]
    for _ in range(steps):
        h = (h + 1) % 4 if grid[pos] == 0 else (h + 3) % 4
        grid[pos] = 1 - grid[pos]
        r, c = divmod(pos, cols)
        r, c = r + moves[h][0], c + moves[h][1]
        if not (0 <= r < rows and 0 <= c < cols):
            return grid + [pos, h, -1]
        pos = r * cols + c
    return grid + [pos, h]
