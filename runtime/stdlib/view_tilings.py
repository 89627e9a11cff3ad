"""Cube stacks from two flat views, and pairs of polyomino pieces that tile a region.

A stack of unit cubes stands on a rows x cols floor, h[r][c] cubes on cell (r, c). Its front
view shows, for each column c, the tallest stack in that column (max over r); its side view
shows, for each row r, the tallest stack in that row (max over c). Many stacks give the same
two views; these functions count the fewest and the most cubes any of them can have.

Pieces and regions are polyominoes (lists of Cell records, as in `polyominoes`).
"""

from __future__ import annotations

from tron.stdlib.registry import stdfn

DOMAIN = "Views and tilings"

CellRec = dict[str, int]
MAX_SIDE = 12  # rows or columns of a view
MAX_CELLS = 60  # cells of a region or piece
MAX_PIECES = 10


def _check_views(front: list[int], side: list[int]) -> None:
    if not (1 <= len(front) <= MAX_SIDE and 1 <= len(side) <= MAX_SIDE):
        raise ValueError(f"views: 1 to {MAX_SIDE} columns and rows")
    if min(front) < 0 or min(side) < 0:
        raise ValueError("views: heights must not be negative")
    if max(front) != max(side):
        raise ValueError("views: the front and side views disagree on the tallest stack")


@stdfn("list[int], list[int] -> int")
def views_fewest_cubes(front: list[int], side: list[int]) -> int:
    """Fewest unit cubes in stacks on a len(side) x len(front) floor whose front view (tallest
    stack per column) is `front` and side view (tallest stack per row) is `side`; the views
    must agree on the tallest stack. For each height v, max(columns showing v, rows showing
    v) stacks of exactly v cubes are needed (a column and a row showing v can share one)."""
    _check_views(front, side)
    return sum(v * max(front.count(v), side.count(v)) for v in set(front) | set(side) if v > 0)


@stdfn("list[int], list[int] -> int")
def views_most_cubes(front: list[int], side: list[int]) -> int:
    """Most unit cubes in stacks with these front and side views (see `views_fewest_cubes`):
    every floor cell (r, c) holds as many as both views allow, min(front[c], side[r])."""
    _check_views(front, side)
    return sum(min(f, s) for s in side for f in front)


def _pairs(cells: list[CellRec]) -> frozenset[tuple[int, int]]:
    if not 1 <= len(cells) <= MAX_CELLS:
        raise ValueError(f"tilings: 1 to {MAX_CELLS} cells per shape")
    return frozenset((int(c["row"]), int(c["col"])) for c in cells)


def _orientations(
    cells: frozenset[tuple[int, int]], flips: bool
) -> list[frozenset[tuple[int, int]]]:
    """The distinct quarter turns (and mirror images, with `flips`) shifted to start at 0, 0."""
    out: list[frozenset[tuple[int, int]]] = []
    for mirror in (False, True) if flips else (False,):
        pts = [(r, -c) if mirror else (r, c) for r, c in cells]
        for _ in range(4):
            pts = [(c, -r) for r, c in pts]
            r0 = min(r for r, _ in pts)
            c0 = min(c for _, c in pts)
            shape = frozenset((r - r0, c - c0) for r, c in pts)
            if shape not in out:
                out.append(shape)
    return out


def _placements(
    piece: frozenset[tuple[int, int]], region: frozenset[tuple[int, int]], flips: bool
) -> list[frozenset[tuple[int, int]]]:
    """Every set of region cells the piece covers exactly when turned (flipped) and moved."""
    out: list[frozenset[tuple[int, int]]] = []
    for shape in _orientations(piece, flips):
        anchor = min(shape)
        for cell in region:
            dr, dc = cell[0] - anchor[0], cell[1] - anchor[1]
            placed = frozenset((r + dr, c + dc) for r, c in shape)
            if placed <= region and placed not in out:
                out.append(placed)
    return out


@stdfn("list[Cell], list[Cell], list[Cell], bool -> bool")
def pair_tiles(region: list[CellRec], a: list[CellRec], b: list[CellRec], flips: bool) -> bool:
    """True when pieces `a` and `b`, each turned by quarter turns (and mirrored, if `flips`)
    and moved, together cover the region exactly, without overlap."""
    reg, pa, pb = _pairs(region), _pairs(a), _pairs(b)
    if len(pa) + len(pb) != len(reg):
        return False
    return any(
        reg - placed in _placements(pb, reg - placed, flips)
        for placed in _placements(pa, reg, flips)
    )


@stdfn("list[Cell], list[list[Cell]], bool -> list[list[int]]")
def pair_tilings(
    region: list[CellRec], pieces: list[list[CellRec]], flips: bool
) -> list[list[int]]:
    """Every pair [i, j] (i < j, in order) of the pieces that tiles the region exactly (see
    `pair_tiles`), each piece used once."""
    if len(pieces) > MAX_PIECES:
        raise ValueError(f"pair_tilings: at most {MAX_PIECES} pieces")
    return [
        [i, j]
        for i in range(len(pieces))
        for j in range(i + 1, len(pieces))
        if pair_tiles(region, pieces[i], pieces[j], flips)
    ]
