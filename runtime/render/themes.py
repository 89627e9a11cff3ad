"""Themes: visual variety that never changes the answer.

A theme swaps the background paper, the exact shade of each named colour (names stay clearly
nameable), stroke thickness, the default font, and can make strokes look hand-drawn. Geometry
and topology never change: sketch jitter moves any point by at most `sketch` px (<= 1.5).

`prepare` turns a scene into resolved paint operations for a theme; both renderers use it, so
they draw identical shapes (including identical sketch jitter for the same seed).
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from tron.render.colours import COLOURS, resolve, to_hex
from tron.render.scene import Item, Op, Piece, Scene, item_pieces

MAX_SKETCH = 1.5
MAX_WOBBLES = 200


@dataclass(frozen=True)
class Theme:
    name: str
    background: str  # "#rrggbb" of the paper; the palette's "white" is this paper
    ink: str  # "#rrggbb" used for "black" (lines and text)
    palette: dict[str, str]  # colour name -> "#rrggbb"
    stroke_scale: float
    font: str  # replaces the default "sans" font of Text items
    sketch: float  # 0 = clean; > 0 = hand-drawn jitter amplitude in px


def _palette(shift: dict[str, tuple[int, int, int]], background: str, ink: str) -> dict[str, str]:
    pal = {name: to_hex(shift.get(name, rgb)) for name, rgb in COLOURS.items()}
    pal["white"], pal["black"] = background, ink
    return pal


THEMES: dict[str, Theme] = {
    "clean": Theme(
        "clean", "#ffffff", "#000000", _palette({}, "#ffffff", "#000000"), 1.0, "sans", 0.0
    ),
    # Printed-book look: warm paper, slightly muted inks, thin strokes, serif type.
    "textbook": Theme(
        "textbook",
        "#f6f1e3",
        "#262626",
        _palette(
            {
                "red": (200, 40, 40),
                "orange": (230, 130, 30),
                "yellow": (235, 200, 40),
                "green": (45, 140, 60),
                "blue": (40, 85, 200),
                "purple": (125, 60, 170),
                "pink": (230, 115, 175),
                "brown": (125, 80, 40),
                "gray": (130, 128, 124),
            },
            "#f6f1e3",
            "#262626",
        ),
        0.75,
        "serif",
        0.0,
    ),
    # Whiteboard-marker look: wobbly strokes, slightly brighter inks.
    "sketch": Theme(
        "sketch",
        "#fcfcfa",
        "#1e1e28",
        _palette(
            {
                "red": (225, 45, 40),
                "orange": (250, 140, 25),
                "yellow": (240, 205, 20),
                "green": (30, 150, 70),
                "blue": (35, 100, 220),
                "purple": (140, 60, 200),
                "pink": (240, 120, 190),
                "brown": (135, 85, 45),
                "gray": (140, 140, 140),
            },
            "#fcfcfa",
            "#1e1e28",
        ),
        1.1,
        "sans",
        1.2,
    ),
}


def pick_theme(rng: random.Random) -> Theme:
    """Theme for an instance from its own generator: clean 50%, textbook 30%, sketch 20%."""
    u = rng.random()
    return THEMES["clean"] if u < 0.5 else THEMES["textbook"] if u < 0.8 else THEMES["sketch"]


# ---- hand-drawn jitter ----------------------------------------------------------------------


def _cubic(p0: tuple[float, float], a: tuple[float, ...], t: float) -> tuple[float, float]:
    u = 1 - t
    x = u**3 * p0[0] + 3 * u * u * t * a[0] + 3 * u * t * t * a[2] + t**3 * a[4]
    y = u**3 * p0[1] + 3 * u * u * t * a[1] + 3 * u * t * t * a[3] + t**3 * a[5]
    return (x, y)


def sketch_ops(ops: tuple[Op, ...], amp: float, rng: random.Random) -> tuple[Op, ...]:
    """Hand-drawn version of an outline: every vertex moves by <= amp/2 and each segment bows
    sideways by <= amp/2, so no point moves more than `amp`. Subpaths, their order and
    closure are kept (no change in topology). Curves become short line segments."""
    amp = min(amp, MAX_SKETCH)
    out: list[Op] = []
    moved: dict[tuple[float, float], tuple[float, float]] = {}

    def jitter(p: tuple[float, float]) -> tuple[float, float]:
        # The same vertex always moves the same way, so closed outlines stay closed.
        k = (round(p[0], 2), round(p[1], 2))  # arcs end a float-hair away from where they began
        if k not in moved:
            ang, rad = rng.uniform(0, 2 * math.pi), rng.uniform(0, amp / 2)
            moved[k] = (rad * math.cos(ang), rad * math.sin(ang))
        return (p[0] + moved[k][0], p[1] + moved[k][1])

    start = cur = (0.0, 0.0)
    for op, args in ops:
        if op == "M":
            start = cur = (args[0], args[1])
            out.append(("M", jitter(cur)))
            continue
        if op == "Z":
            end, kind = start, "L"
        else:
            end, kind = (args[-2], args[-1]), op
        # One wobble per 14 px, at most MAX_WOBBLES (a 2800 px segment): a huge shape must
        # not cost time in proportion to its size.
        n = min(MAX_WOBBLES, max(1, math.ceil(math.dist(cur, end) / 14)))
        if kind != "L":
            n = max(n, 8)
        bow = rng.uniform(-amp / 2, amp / 2)
        a, b = jitter(cur), jitter(end)
        dx, dy = end[0] - cur[0], end[1] - cur[1]
        d = math.hypot(dx, dy) or 1.0
        nx, ny = -dy / d, dx / d
        for i in range(1, n + 1):
            t = i / n
            if kind == "L":
                base = (cur[0] + dx * t, cur[1] + dy * t)
            elif kind == "Q":  # quadratic as cubic
                q0, q1 = cur, (args[0], args[1])
                c = (
                    q0[0] + 2 / 3 * (q1[0] - q0[0]), q0[1] + 2 / 3 * (q1[1] - q0[1]),
                    end[0] + 2 / 3 * (q1[0] - end[0]), end[1] + 2 / 3 * (q1[1] - end[1]),
                    end[0], end[1],
                )  # fmt: skip
                base = _cubic(cur, c, t)
            else:
                base = _cubic(cur, args, t)
            off = bow * math.sin(math.pi * t)
            px = base[0] + (a[0] - cur[0]) * (1 - t) + (b[0] - end[0]) * t + nx * off
            py = base[1] + (a[1] - cur[1]) * (1 - t) + (b[1] - end[1]) * t + ny * off
            out.append(("L", (px, py)))
        if op == "Z":
            out.append(("Z", ()))
        cur = end
    return tuple(out)


# ---- scene -> resolved paint operations ------------------------------------------------------


@dataclass(frozen=True)
class Paint:
    """A piece with colours resolved to "#rrggbb" for a theme and jitter applied."""

    ops: tuple[Op, ...]
    fill: str | None
    stroke: str | None
    width: float
    dash: tuple[float, ...] | None


def paint(piece: Piece, theme: Theme, rng: random.Random | None) -> Paint:
    ops = piece.ops
    if rng is not None and theme.sketch > 0 and piece.sketchable:
        ops = sketch_ops(ops, theme.sketch, rng)
    fill = resolve(piece.fill, theme) if piece.fill is not None else None
    stroke = resolve(piece.stroke, theme) if piece.stroke is not None else None
    return Paint(ops, fill, stroke, piece.width, piece.dash)


def prepare(
    scene: Scene, theme: Theme, seed: int = 0
) -> list[tuple[Item, str | None, list[Paint]]]:
    """Every item with its resolved paint operations, in drawing order. The jitter comes from
    one local random.Random(seed), consumed in this fixed order, never global state."""
    rng = random.Random(seed) if theme.sketch > 0 else None
    out = []
    for item, key in scene.items:
        pieces = item_pieces(item, theme.stroke_scale, theme.font)
        out.append((item, key, [paint(p, theme, rng) for p in pieces]))
    return out
