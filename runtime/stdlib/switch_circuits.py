"""Switch-and-bulb circuits drawn as a ladder: a battery on the left feeds a top wire and a
bottom wire, and each rung between them holds one bulb and up to two switches in series.
Switches on the top wire, before a rung, cut every rung to their right when open.

States are ints: -1 no switch in that place, 0 open, 1 closed. `rail[i]` is the top-wire
switch just left of rung i; `rungs[2 * i]` and `rungs[2 * i + 1]` are rung i's two switch
places. Switches are numbered 1, 2, ... left to right, the top-wire switch before a rung
first, then that rung's switches from the top.
"""

from __future__ import annotations

from tron.render.scene import Circle, Line, Style, Text
from tron.stdlib._style import INK
from tron.stdlib.component import Component
from tron.stdlib.registry import stdfn

DOMAIN = "Switch circuits"


def _check(rail: list[int], rungs: list[int], name: str) -> int:
    n = len(rail)
    if len(rungs) != 2 * n:
        raise ValueError(f"{name}: {len(rungs)} rung places for {n} rungs (need two each)")
    if any(s not in (-1, 0, 1) for s in rail + rungs):
        raise ValueError(f"{name}: switch states are -1 (none), 0 (open) or 1 (closed)")
    return n


@stdfn("list[int], list[int] -> list[int]")
def ladder_lit(rail: list[int], rungs: list[int]) -> list[int]:
    """For each rung's bulb, 1 when it lights: every top-wire switch up to its rung and every
    switch on its rung is closed (or absent), else 0."""
    n = _check(rail, rungs, "ladder_lit")
    out = []
    fed = True
    for i in range(n):
        fed = fed and rail[i] != 0
        out.append(1 if fed and rungs[2 * i] != 0 and rungs[2 * i + 1] != 0 else 0)
    return out


@stdfn("list[int], list[int] -> list[int]")
def ladder_switch_places(rail: list[int], rungs: list[int]) -> list[int]:
    """The switches in their numbering order (1, 2, ...), each given as its place: i for the
    top-wire switch before rung i, 100 + 2 * i + k for switch k (0 top, 1 lower) on rung i."""
    n = _check(rail, rungs, "ladder_switch_places")
    out = []
    for i in range(n):
        if rail[i] != -1:
            out.append(i)
        for k in range(2):
            if rungs[2 * i + k] != -1:
                out.append(100 + 2 * i + k)
    return out


def _switch(
    comp: Component, x1: float, y1: float, x2: float, y2: float, closed: bool, key: str, label: str
) -> None:
    """A knife switch from (x1, y1) to (x2, y2): two contact dots and a lever, flat when
    closed, lifted well clear of the far contact when open; its number beside it."""
    dot = Style(fill="black", stroke=None)
    lever = Style(stroke="black", stroke_width=3)
    comp.add(Circle(x1, y1, 4, style=dot), key)
    comp.add(Circle(x2, y2, 4, style=dot), key)
    if closed:
        comp.add(Line(x1, y1, x2, y2, style=lever), key)
    elif y1 == y2:  # horizontal switch: lever lifted up
        comp.add(Line(x1, y1, x2 - 6, y1 - 22, style=lever), key)
    else:  # vertical switch: lever swung to the right
        comp.add(Line(x1, y1, x1 + 22, y2 - 6, style=lever), key)
    if y1 == y2:
        comp.add(Text((x1 + x2) / 2, y1 + 18, label, size=14, bold=True, style=INK), key)
    else:
        comp.add(Text(x1 - 16, (y1 + y2) / 2, label, size=14, bold=True, style=INK), key)


@stdfn("list[int], list[int], list[str] -> Component")
def switch_ladder(rail: list[int], rungs: list[int], bulbs: list[str]) -> Component:
    """The ladder circuit filling the canvas: a battery (subkey "bat") on the left, the top
    and bottom wires, rung i with its bulb (a circle with a cross, named bulbs[i] beside it,
    subkey "b<i>") and its switches, and each switch (subkey "s<j>" for switch number j + 1)
    drawn open (lever lifted) or closed (lever flat) with its number."""
    n = _check(rail, rungs, "switch_ladder")
    if len(bulbs) != n:
        raise ValueError(f"switch_ladder: {len(bulbs)} bulb names for {n} rungs")
    top, bottom, left, right = 80.0, 440.0, 50.0, 490.0
    step = (right - left - 40) / n
    wire = Style(stroke="black", stroke_width=2)
    comp = Component()
    # Battery: two plates across the left wire, the long one positive.
    mid = (top + bottom) / 2
    comp.add(Line(left, top, left, mid - 10, style=wire), "bat")
    comp.add(Line(left, mid + 10, left, bottom, style=wire), "bat")
    comp.add(Line(left - 18, mid - 10, left + 18, mid - 10, style=Style(stroke_width=3)), "bat")
    comp.add(Line(left - 9, mid + 10, left + 9, mid + 10, style=Style(stroke_width=5)), "bat")
    comp.add(Line(left, bottom, left + 40 + step * (n - 0.5), bottom, style=wire))
    number = 0
    x_prev = left
    for i in range(n):
        xr = left + 40 + step * (i + 0.5)
        # The top-wire switch sits wholly left of its rung, so the rung plainly hangs after it.
        xs1 = xr - max(14.0, step * 0.17)
        xs0 = xs1 - min(40.0, step * 0.38)
        if rail[i] != -1:
            comp.add(Line(x_prev, top, xs0, top, style=wire))
            _switch(comp, xs0, top, xs1, top, rail[i] == 1, f"s{number}", str(number + 1))
            number += 1
            comp.add(Line(xs1, top, xr, top, style=wire))
        else:
            comp.add(Line(x_prev, top, xr, top, style=wire))
        x_prev = xr
        # The rung: switch places at 1/5 and 2/5 of the way down, the bulb at 7/10.
        ys = [top + (bottom - top) * f for f in (0.16, 0.40)]
        y_cur = top
        for k in range(2):
            state = rungs[2 * i + k]
            if state == -1:
                continue
            y0, y1 = ys[k], ys[k] + 46
            comp.add(Line(xr, y_cur, xr, y0, style=wire))
            _switch(comp, xr, y0, xr, y1, state == 1, f"s{number}", str(number + 1))
            number += 1
            y_cur = y1
        yb = top + (bottom - top) * 0.76
        rb = 17.0
        comp.add(Line(xr, y_cur, xr, yb - rb, style=wire))
        comp.add(
            Circle(xr, yb, rb, style=Style(fill="#fff8d0", stroke="black", stroke_width=2)), f"b{i}"
        )
        d = rb * 0.7
        comp.add(Line(xr - d, yb - d, xr + d, yb + d, style=Style(stroke_width=1.5)), f"b{i}")
        comp.add(Line(xr - d, yb + d, xr + d, yb - d, style=Style(stroke_width=1.5)), f"b{i}")
        comp.add(Text(xr + rb + 14, yb, bulbs[i], size=16, bold=True, style=INK), f"b{i}")
        comp.add(Line(xr, yb + rb, xr, bottom, style=wire))
    return comp
