"""Stand-alone components: analogue clock, number line, table and boxed text labels."""

from __future__ import annotations

import math
from collections.abc import Sequence

from tron.scene import Circle, Line, Rect, Style, Text
from tron.stdlib.charts import MIN_FONT, PAD, fit_size
from tron.stdlib.component import CANVAS, Component, SampleRejected
from tron.stdlib.registry import stdfn
from tron.textpath import text_width

INK = Style(fill="black", stroke=None)


def _polar(cx: float, cy: float, r: float, deg: float) -> tuple[float, float]:
    """Point at distance r from the centre, `deg` clockwise from 12 o'clock."""
    a = math.radians(deg)
    return (round(cx + r * math.sin(a), 2), round(cy - r * math.cos(a), 2))


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
        x1, y1 = _polar(cx, cy, inner, 6 * k)
        x2, y2 = _polar(cx, cy, big - 3, 6 * k)
        comp.add(
            Line(x1, y1, x2, y2, style=Style(stroke="black", stroke_width=4 if major else 1.5)),
            "face",
        )
    for k in range(1, 13):
        x, y = _polar(cx, cy, big - 46, 30 * k)
        comp.add(Text(x, y, str(k), size=32, style=INK), "face")
    hour_deg = 30 * (hour % 12) + minute / 2
    minute_deg = 6 * minute
    hx, hy = _polar(cx, cy, big * 0.5, hour_deg)
    mx, my = _polar(cx, cy, big - 66, minute_deg)  # stops short of the numerals
    comp.add(Line(cx, cy, hx, hy, style=Style(stroke="black", stroke_width=11)), "hour")
    comp.add(Line(cx, cy, mx, my, style=Style(stroke="black", stroke_width=5)), "minute")
    comp.add(Circle(cx, cy, 9, style=Style(fill="black", stroke=None)))
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


@stdfn("list[list[str]], list[str] -> Component")
def table(rows: list[list[str]], header: list[str]) -> Component:
    """A table centred on the canvas with a bold shaded header row; header cell j has subkey
    "h<j>" and body cell (i, j) "c<i>_<j>". Text shrinks to fit; too big a table is rejected."""
    ncol = len(header)
    if ncol == 0 or any(len(r) != ncol for r in rows):
        raise ValueError(f"table: every row needs {ncol} cells (one per header)")
    size = 22.0
    while True:  # shrinks the font at most ~6 times before giving up
        widths = [
            max([text_width(header[j], size, bold=True)] + [text_width(r[j], size) for r in rows])
            + size * 1.2
            for j in range(ncol)
        ]
        row_h = size * 2.0
        if sum(widths) <= CANVAS - 2 * PAD and row_h * (len(rows) + 1) <= CANVAS - 2 * PAD:
            break
        size -= 1.0
        if size < MIN_FONT:
            raise SampleRejected("table does not fit the canvas")
    total_w, total_h = sum(widths), row_h * (len(rows) + 1)
    x0, y0 = (CANVAS - total_w) / 2, (CANVAS - total_h) / 2
    comp = Component()
    comp.add(Rect(x0, y0, total_w, row_h, style=Style(fill="#e4e4e4", stroke=None)))
    lefts = [x0 + sum(widths[:j]) for j in range(ncol)]
    for i, cells in enumerate([header, *rows]):
        cy = y0 + (i + 0.5) * row_h
        for j, s in enumerate(cells):
            sub = f"h{j}" if i == 0 else f"c{i - 1}_{j}"
            comp.add(Text(lefts[j] + widths[j] / 2, cy, s, size=size, bold=i == 0, style=INK), sub)
    line = Style(stroke="black", stroke_width=1.5)
    for i in range(len(rows) + 2):
        comp.add(Line(x0, y0 + i * row_h, x0 + total_w, y0 + i * row_h, style=line))
    for x in [*lefts, x0 + total_w]:
        comp.add(Line(x, y0, x, y0 + total_h, style=line))
    return comp


@stdfn("str, real, real, real -> Component")
def label(s: str, x: float, y: float, size: float = 16) -> Component:
    """Text centred at (x, y) on a white rounded box with a thin outline (stays legible over
    other drawing)."""
    half_w = text_width(s, size) / 2 + size * 0.4
    half_h = size * 0.75
    comp = Component()
    box = Rect(
        x - half_w,
        y - half_h,
        2 * half_w,
        2 * half_h,
        rx=4,
        style=Style(fill="white", stroke="black", stroke_width=1),
    )
    comp.add(box)
    comp.add(Text(x, y, s, size=size, style=INK))
    return comp
