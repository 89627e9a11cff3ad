"""Where things go on the canvas: random non-overlapping positions, grids and rings of points."""

from __future__ import annotations

import math
import random

from tron.stdlib.component import CANVAS, SampleRejected
from tron.stdlib.registry import stdfn

DOMAIN = "Placement"

Point = dict[str, float]

_RESTARTS = 12  # whole-layout restarts before giving up
_TRIES = 150  # candidate positions per disc within one layout
_MAX_FILL = 0.45  # refuse beyond this share of the area: random sequential packing jams near
# 0.547, and from ~0.45 on 150 tries per disc almost never complete a layout, so refusing is
# what keeps scatter(800, 3) from spending minutes (the bundled suite asks for at most 0.355)
_MAX_CHECKS = 2_000_000  # distance checks per call (~0.5 s): then the layout counts as failed


def _pt(x: float, y: float) -> Point:
    return {"x": round(x, 1), "y": round(y, 1)}


@stdfn("int, real, real, int, int -> list[Point]", random=True)
def scatter(
    rng: random.Random,
    n: int,
    radius: float,
    margin: float = 8,
    width: int = CANVAS,
    height: int = CANVAS,
) -> list[Point]:
    """`n` random centres of discs of `radius` that keep `margin` px from each other and the edge.

    Any two centres are at least 2*radius + margin apart and every disc lies inside the
    width x height canvas with `margin` to spare. Raises SampleRejected when the discs do not fit.
    """
    return _place(rng, [radius] * n, margin, width, height)


@stdfn("list[real], real, int, int -> list[Point]", random=True)
def scatter_sizes(
    rng: random.Random,
    radii: list[float],
    margin: float = 8,
    width: int = CANVAS,
    height: int = CANVAS,
) -> list[Point]:
    """Random centres for discs of the given radii (one per radius, same order), as in `scatter`.

    Discs i and j keep radii[i] + radii[j] + margin apart; all stay `margin` inside the canvas.
    """
    return _place(rng, list(radii), margin, width, height)


def _place(
    rng: random.Random, radii: list[float], margin: float, width: int, height: int
) -> list[Point]:
    if not radii:
        return []
    if any(r <= 0 for r in radii) or margin < 0:
        raise ValueError("scatter: radii must be positive and margin non-negative")
    if len(radii) > 2000:
        raise ValueError(f"scatter: too many discs ({len(radii)})")
    if any(2 * (r + margin) > min(width, height) for r in radii):
        raise ValueError("scatter: a disc does not fit in the canvas")
    area = sum(math.pi * (r + margin / 2) ** 2 for r in radii)
    if area > _MAX_FILL * (width - margin) * (height - margin):
        raise SampleRejected(f"scatter: {len(radii)} discs cannot fit in {width}x{height}")
    # Largest first packs best; results go back in the caller's order.
    order = sorted(range(len(radii)), key=lambda i: -radii[i])
    # Placed discs are kept in a grid of cells no smaller than any clearance 2r + margin, so a
    # candidate is compared only with discs in its own and the 8 cells around it: the others
    # are farther than any clearance, so the accept test is the same (same rng draws too).
    cell = 2 * max(radii) + margin
    checks = 0  # counted as if against every placed disc: the same budget as ever
    for _ in range(_RESTARTS):
        grid: dict[tuple[int, int], list[tuple[float, float, float]]] = {}
        placed = 0
        out: list[Point | None] = [None] * len(radii)
        for i in order:
            r = radii[i]
            for _ in range(_TRIES):
                checks += placed
                if checks > _MAX_CHECKS:
                    raise SampleRejected(f"scatter: {len(radii)} discs too crowded to place")
                # Bounds shrink by 0.05 so rounding to 1 decimal never pushes a disc out.
                p = _pt(
                    rng.uniform(margin + r + 0.05, width - margin - r - 0.05),
                    rng.uniform(margin + r + 0.05, height - margin - r - 0.05),
                )
                px, py = p["x"], p["y"]
                gx, gy = int(px // cell), int(py // cell)
                if _clear(grid, gx, gy, px, py, r, margin):
                    grid.setdefault((gx, gy), []).append((px, py, r))
                    placed += 1
                    out[i] = p
                    break
            else:
                break
        if all(p is not None for p in out):
            return [p for p in out if p is not None]
    raise SampleRejected(f"scatter: could not place {len(radii)} discs without overlap")


def _clear(
    grid: dict[tuple[int, int], list[tuple[float, float, float]]],
    gx: int,
    gy: int,
    px: float,
    py: float,
    r: float,
    margin: float,
) -> bool:
    for cx in (gx - 1, gx, gx + 1):
        for cy in (gy - 1, gy, gy + 1):
            for x, y, q in grid.get((cx, cy), ()):
                if not math.hypot(px - x, py - y) >= r + q + margin:
                    return False
    return True


@stdfn("int, int, real, real, real, real -> list[Point]")
def grid_points(rows: int, cols: int, x0: float, y0: float, x1: float, y1: float) -> list[Point]:
    """Centres of the cells of a rows x cols grid spanning (x0, y0)-(x1, y1), row by row."""
    if rows <= 0 or cols <= 0:
        raise ValueError(f"grid_points: bad size {rows}x{cols}")
    cw, ch = (x1 - x0) / cols, (y1 - y0) / rows
    return [_pt(x0 + (c + 0.5) * cw, y0 + (r + 0.5) * ch) for r in range(rows) for c in range(cols)]


@stdfn("int, real, real, real -> list[Point]")
def ring_points(n: int, cx: float, cy: float, r: float) -> list[Point]:
    """`n` points evenly spaced on a circle, the first at 12 o'clock, then clockwise."""
    if n <= 0:
        raise ValueError(f"ring_points: bad count {n}")
    out = []
    for i in range(n):
        a = 2 * math.pi * i / n
        out.append(_pt(cx + r * math.sin(a), cy - r * math.cos(a)))
    return out
