"""Instruments: analogue clocks (whole-canvas and positionable), measuring scales (rulers,
thermometers) and number lines with marked points.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from tron.render.scene import Circle, Line, Style, Text
from tron.render.textpath import text_width
from tron.stdlib._geom import polar_cw
from tron.stdlib._style import INK
from tron.stdlib.charts import MIN_FONT, PAD, fit_size
from tron.stdlib.component import CANVAS, Component, SampleRejected
from tron.stdlib.registry import stdfn

DOMAIN = "Instruments"


@stdfn("int, int -> Component")
def clock(hour: int, minute: int) -> Component:
    """An analogue clock face showing hour:minute (hour 0..23 read on a 12-hour dial) with 12
    numerals, minute ticks, a short thick hour hand ("hour") and a long thin minute hand
    ("minute")."""
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise ValueError(f"clock: bad time {hour}:{minute:02d}")
    cx = cy = CANVAS / 2
    big = CANVAS / 2 - PAD - 10
    comp = Component()
    comp.add(Circle(cx, cy, big, style=Style(fill="white", stroke="black", stroke_width=5)), "face")
    for k in range(60):
        major = k % 5 == 0
        inner = big - (18 if major else 9)
        x1, y1 = polar_cw(cx, cy, inner, 6 * k)
        x2, y2 = polar_cw(cx, cy, big - 3, 6 * k)
        comp.add(
            Line(x1, y1, x2, y2, style=Style(stroke="black", stroke_width=4 if major else 1.5)),
            "face",
        )
    for k in range(1, 13):
        x, y = polar_cw(cx, cy, big - 46, 30 * k)
        comp.add(Text(x, y, str(k), size=32, style=INK), "face")
    hour_deg = 30 * (hour % 12) + minute / 2
    minute_deg = 6 * minute
    hx, hy = polar_cw(cx, cy, big * 0.5, hour_deg)
    mx, my = polar_cw(cx, cy, big - 66, minute_deg)  # stops short of the numerals
    comp.add(Line(cx, cy, hx, hy, style=Style(stroke="black", stroke_width=11)), "hour")
    comp.add(Line(cx, cy, mx, my, style=Style(stroke="black", stroke_width=5)), "minute")
    comp.add(Circle(cx, cy, 9, style=Style(fill="black", stroke=None)))
    return comp


@stdfn("int, int, real, real, real -> Component")
def dial_clock(hour: int, minute: int, cx: float, cy: float, r: float) -> Component:
    """An analogue clock of radius `r` centred at (cx, cy) showing hour:minute (hour 0..23 on a
    12-hour dial) with numerals and minute ticks; hands have subkeys "hour" and "minute"."""
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise ValueError(f"dial_clock: bad time {hour}:{minute:02d}")
    if r < 60:
        raise ValueError(f"dial_clock: radius {r} is too small to read")
    cx, cy, r = float(cx), float(cy), float(r)
    comp = Component()
    rim = max(2.0, r / 40)
    comp.add(Circle(cx, cy, r, style=Style(fill="white", stroke="black", stroke_width=rim)), "face")
    for k in range(60):
        major = k % 5 == 0
        x1, y1 = polar_cw(cx, cy, r * (0.9 if major else 0.95), 6 * k)
        x2, y2 = polar_cw(cx, cy, r * 0.99, 6 * k)
        width = max(1.0, r / (60 if major else 150))
        comp.add(Line(x1, y1, x2, y2, style=Style(stroke="black", stroke_width=width)), "face")
    size = max(11.0, r * 0.15)
    for k in range(1, 13):
        x, y = polar_cw(cx, cy, r * 0.76, 30 * k)
        comp.add(Text(x, y, str(k), size=size, style=INK), "face")
    hx, hy = polar_cw(cx, cy, r * 0.48, 30 * (hour % 12) + minute / 2)
    mx, my = polar_cw(cx, cy, r * 0.84, 6 * minute)
    comp.add(Line(cx, cy, hx, hy, style=Style(stroke="black", stroke_width=r * 0.055)), "hour")
    comp.add(Line(cx, cy, mx, my, style=Style(stroke="#1f4fbf", stroke_width=r * 0.025)), "minute")
    comp.add(Circle(cx, cy, r * 0.04, style=Style(fill="black", stroke=None)))
    return comp


@stdfn("real, real, real, bool, int, int, int, int, real -> Component")
def measure_scale(
    x0: float,
    y0: float,
    length: float,
    vertical: bool,
    lo: int,
    hi: int,
    parts: int,
    label_step: int,
    size: float = 14,
) -> Component:
    """A measuring scale from value `lo` at (x0, y0) to `hi` one `length` px further right (or
    up, if `vertical`): every unit split into `parts` minor ticks, whole numbers that are
    multiples of `label_step` numbered (below a horizontal scale, left of a vertical one)."""
    if hi <= lo or parts < 1 or label_step < 1 or length <= 0:
        raise ValueError("measure_scale: need hi > lo, parts >= 1, label_step >= 1, length > 0")
    n = (hi - lo) * parts
    if n > 400:
        raise ValueError(f"measure_scale: {n} ticks are too many")
    x0, y0, length = float(x0), float(y0), float(length)
    step = length / n
    if step < 3:
        raise SampleRejected("measure_scale: ticks closer than 3 px")
    comp = Component()
    pen = Style(stroke="black", stroke_width=2)
    if vertical:
        comp.add(Line(x0, y0, x0, y0 - length, style=pen))
    else:
        comp.add(Line(x0, y0, x0 + length, y0, style=pen))
    for i in range(n + 1):
        whole = i % parts == 0
        value = lo + i // parts
        labelled = whole and value % label_step == 0
        half = 11.0 if labelled else (8.0 if whole else 5.0)
        thin = Style(stroke="black", stroke_width=2 if whole else 1.2)
        if vertical:
            y = y0 - i * step
            comp.add(Line(x0 - half, y, x0 + half, y, style=thin))
            if labelled:
                comp.add(Text(x0 - 16, y, str(value), size=size, anchor="end", style=INK))
        else:
            x = x0 + i * step
            comp.add(Line(x, y0 - half, x, y0 + half, style=thin))
            if labelled:
                comp.add(Text(x, y0 + 14 + size * 0.6, str(value), size=size, style=INK))
    return comp


def _tick_step(span: int, max_ticks: int = 20) -> int:
    for s in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if span / s <= max_ticks:
            return s
    raise ValueError(f"number_line: range of {span} is too wide")


@stdfn("int, int, list[real], list[str] -> Component")
def number_line(
    lo: int, hi: int, marks: Sequence[float] = (), labels: Sequence[str] = ()
) -> Component:
    """A horizontal number line from lo to hi with labelled ticks, and a dot at each mark with
    its label above (labels stacked when close); mark i has subkey "m<i>".

    Ticks fall on every integer when the range has at most 20 units, else on a 2/5/10-step.
    """
    if hi <= lo:
        raise ValueError(f"number_line: hi {hi} must exceed lo {lo}")
    if labels and len(labels) != len(marks):
        raise ValueError(f"number_line: {len(labels)} labels for {len(marks)} marks")
    if any(not lo <= m <= hi for m in marks):
        raise ValueError(f"number_line: marks must lie in {lo}..{hi}")
    step = _tick_step(hi - lo)
    x0, x1, y = PAD + 24, CANVAS - PAD - 24, CANVAS / 2 + 30

    def at(v: float) -> float:
        return x0 + (x1 - x0) * (v - lo) / (hi - lo)

    comp = Component()
    comp.add(Line(x0 - 20, y, x1 + 20, y, style=Style(stroke="black", stroke_width=2.5)))
    first = math.ceil(lo / step) * step
    tick_labels = [str(t) for t in range(first, hi + 1, step)]
    tsize = fit_size(tick_labels, 17, (x1 - x0) * step / (hi - lo) * 0.9) or MIN_FONT
    for t in range(first, hi + 1, step):
        x = at(t)
        comp.add(Line(x, y - 9, x, y + 9, style=Style(stroke="black", stroke_width=2)))
        comp.add(Text(x, y + 24, str(t), size=tsize, style=INK))
    # Each label takes the lowest row where it clears every label already in that row.
    rows: list[list[tuple[float, float]]] = []
    size = 18.0
    for i, m in enumerate(marks):
        x = at(m)
        comp.add(
            Circle(x, y, 7, style=Style(fill="red", stroke="black", stroke_width=1.5)), f"m{i}"
        )
        if not labels or not labels[i]:
            continue
        half = text_width(labels[i], size) / 2
        lx = min(max(x, PAD + half), CANVAS - PAD - half)
        row_i = next(
            (
                k
                for k, row in enumerate(rows)
                if all(lx + half + 6 <= a or b + 6 <= lx - half for a, b in row)
            ),
            len(rows),
        )
        if row_i == len(rows):
            rows.append([])
        if row_i >= 8:
            raise SampleRejected("number_line: too many crowded mark labels")
        rows[row_i].append((lx - half, lx + half))
        ly = y - 32 - row_i * size * 1.6
        if row_i:
            comp.add(
                Line(x, y - 10, x, ly + size * 0.6, style=Style(stroke="gray", stroke_width=1)),
                f"m{i}",
            )
        comp.add(Text(lx, ly, labels[i], size=size, style=INK), f"m{i}")
    return comp
