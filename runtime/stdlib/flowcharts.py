"""Flowcharts and state machines: arithmetic steps and the flowchart that shows them, and
deterministic state machines with their state diagrams.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from tron.render.scene import Arc, Circle, Line, Polygon, Polyline, Rect, Style, Text
from tron.render.textpath import text_width
from tron.stdlib._geom import P
from tron.stdlib._style import DIAGRAM_PAD as PAD
from tron.stdlib._style import INK, fit_or_reject
from tron.stdlib.component import CANVAS, Component, SampleRejected
from tron.stdlib.registry import stdfn

DOMAIN = "Flowcharts and state machines"


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
    comp.add(Text(x, y, s, size=fit_or_reject([s], min(18.0, h * 0.45), room), style=INK), sub)


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
                size=fit_or_reject([names[i]], 17.0, 2 * r - 14, bold=True),
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
