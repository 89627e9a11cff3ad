"""Occluded scenes: piles of discs laid one after another, each new one on top, placed so that
every overlap is plain to see and every disc keeps a good part of itself in view."""

from __future__ import annotations

import math
import random

from tron.stdlib.component import SampleRejected
from tron.stdlib.registry import stdfn

DOMAIN = "Occluded scenes"

# Sample points (unit disc) used to measure how much of a disc later discs hide.
_PROBE = [
    (r * math.cos(a), r * math.sin(a))
    for r in (0.15, 0.4, 0.6, 0.8, 0.95)
    for a in [k * math.pi / 8 for k in range(16)]
]


def hidden_share(c: tuple[float, float], r: float, tops: list[tuple[float, float, float]]) -> float:
    """Share (0..1) of the disc (centre c, radius r) lying under any of the discs `tops`
    (x, y, radius), estimated on a fixed ring of probe points."""
    hit = 0
    for dx, dy in _PROBE:
        x, y = c[0] + dx * r, c[1] + dy * r
        if any((x - tx) ** 2 + (y - ty) ** 2 < tr * tr for tx, ty, tr in tops):
            hit += 1
    return hit / len(_PROBE)


@stdfn("list[real], real, real, real, real -> list[Point]", random=True)
def disc_pile(
    rng: random.Random,
    radii: list[float],
    min_overlap: float,
    min_gap: float,
    max_hidden: float,
    p_touch: float,
) -> list[dict[str, float]]:
    """Centres for discs of these radii laid in order on a 512 px canvas, each on top of the
    ones before: two discs overlap by `min_overlap` px or more or keep `min_gap` px apart, no
    disc covers an earlier centre, later discs hide at most `max_hidden` (0..1) of any disc;
    a new disc lands on an earlier one with probability `p_touch`."""
    placed: list[tuple[float, float, float]] = []
    for r in radii:
        if r <= 0 or 2 * r > 480:
            raise ValueError(f"disc_pile: radius {r} does not fit")
        for _ in range(300):
            if placed and rng.random() < p_touch:
                bx, by, br = rng.choice(placed)
                d = rng.uniform(0.45, 1.0) * (br + r - min_overlap)
                a = rng.uniform(0, 2 * math.pi)
                x, y = bx + d * math.cos(a), by + d * math.sin(a)
            else:
                x, y = rng.uniform(16 + r, 496 - r), rng.uniform(16 + r, 496 - r)
            if not (16 + r <= x <= 496 - r and 16 + r <= y <= 496 - r):
                continue
            ok = True
            for px, py, pr in placed:
                d = math.hypot(x - px, y - py)
                gap = d - r - pr
                if -min_overlap <= gap <= min_gap or d <= r + 6:
                    ok = False
                    break
            if not ok:
                continue
            # Only discs the new one overlaps can lose more of themselves to it.
            for i, (px, py, pr) in enumerate(placed):
                if math.hypot(x - px, y - py) >= r + pr:
                    continue
                over = [t for t in placed[i + 1 :] if math.hypot(t[0] - px, t[1] - py) < t[2] + pr]
                if hidden_share((px, py), pr, over + [(x, y, r)]) > max_hidden:
                    ok = False
                    break
            if ok:
                placed.append((x, y, r))
                break
        else:
            raise SampleRejected("disc_pile: no clear place for a disc")
    return [{"x": round(x, 1), "y": round(y, 1)} for x, y, _ in placed]
