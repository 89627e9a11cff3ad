"""Sorting networks: comparators on horizontal wires, traced on drawn input values.

A network on n wires (0 at the top) is a list of comparators k joining wires a[k] < b[k],
applied in order: the smaller of the two values goes to the upper wire a[k], the larger to
b[k].
"""

from __future__ import annotations

from tron.render.scene import Circle, Line, Rect, Style, Text
from tron.stdlib._style import INK
from tron.stdlib.component import Component, SampleRejected
from tron.stdlib.registry import stdfn

DOMAIN = "Sorting networks"


def _check(n: int, a: list[int], b: list[int], name: str) -> None:
    if len(a) != len(b):
        raise ValueError(f"{name}: {len(a)} upper ends but {len(b)} lower ends")
    for x, y in zip(a, b, strict=True):
        if not 0 <= x < y < n:
            raise ValueError(f"{name}: comparator {x}-{y} needs 0 <= a < b < {n}")


def _run(values: list[int], a: list[int], b: list[int]) -> tuple[list[int], int]:
    """Final wire values and the number of comparators that exchanged their values."""
    out = list(values)
    swaps = 0
    for x, y in zip(a, b, strict=True):
        if out[x] > out[y]:
            out[x], out[y] = out[y], out[x]
            swaps += 1
    return out, swaps


@stdfn("list[int], list[int], list[int] -> list[int]")
def network_outputs(values: list[int], a: list[int], b: list[int]) -> list[int]:
    """The values leaving each wire (top first) when `values` enter the comparator network
    whose comparator k, applied in order, puts the smaller of wires a[k] < b[k] on a[k]."""
    _check(len(values), a, b, "network_outputs")
    return _run(values, a, b)[0]


@stdfn("list[int], list[int], list[int] -> int")
def network_swaps(values: list[int], a: list[int], b: list[int]) -> int:
    """How many comparators of the network (see network_outputs) actually exchange their two
    values when `values` enter it."""
    _check(len(values), a, b, "network_swaps")
    return _run(values, a, b)[1]


def network_columns(n: int, a: list[int], b: list[int]) -> list[int]:
    """Drawing column of each comparator: after every earlier comparator whose span of wires
    overlaps its own, so the left-to-right order is the order of application and no two
    vertical bars in one column overlap."""
    last = [-1] * n
    cols = []
    for x, y in zip(a, b, strict=True):
        c = 1 + max(last[x : y + 1])
        for w in range(x, y + 1):
            last[w] = c
        cols.append(c)
    return cols


@stdfn("list[int], list[int], list[int], list[str], real, real, real, real -> Component")
def sorting_network(
    values: list[int],
    a: list[int],
    b: list[int],
    names: list[str],
    left: float = 16,
    top: float = 40,
    width: float = 480,
    height: float = 440,
) -> Component:
    """A comparator network drawn in the box with top-left corner (left, top): one horizontal
    wire per value with values[i] in a box at its left end and names[i] at its right end, and
    each comparator a vertical bar with a dot on both wires, left to right in the order they
    act. Wire i (line, input box, name) has subkey "w<i>", comparator k "k<k>"."""
    n = len(values)
    _check(n, a, b, "sorting_network")
    if len(names) != n:
        raise ValueError(f"sorting_network: {len(names)} names for {n} wires")
    if n < 2:
        raise ValueError("sorting_network: needs at least two wires")
    cols = network_columns(n, a, b)
    ncol = max(cols) + 1 if cols else 1
    gap = height / n
    box_w, name_w = 46.0, 30.0
    x_start, x_end = left + box_w + 8, left + width - name_w
    step = (x_end - x_start) / (ncol + 1)
    if step < 16:
        raise SampleRejected("sorting_network: too many comparator columns for the width")
    size = min(18.0, gap * 0.45)
    comp = Component()
    wire = Style(stroke="black", stroke_width=2)
    for i in range(n):
        y = top + gap * (i + 0.5)
        comp.add(Line(x_start - 8, y, x_end, y, style=wire), f"w{i}")
        comp.add(
            Rect(
                left,
                y - size,
                box_w,
                2 * size,
                rx=4,
                style=Style(fill="#fff3c4", stroke="black", stroke_width=1.5),
            ),
            f"w{i}",
        )
        comp.add(
            Text(left + box_w / 2, y, str(values[i]), size=size, bold=True, style=INK), f"w{i}"
        )
        comp.add(Text(x_end + name_w / 2 + 2, y, names[i], size=size, style=INK), f"w{i}")
    bar = Style(stroke="#1e5ae1", stroke_width=3)
    dot = Style(fill="#1e5ae1", stroke=None)
    r = min(6.0, gap * 0.15)
    for k, (x, y) in enumerate(zip(a, b, strict=True)):
        cx = x_start + step * (cols[k] + 1)
        y1, y2 = top + gap * (x + 0.5), top + gap * (y + 0.5)
        comp.add(Line(cx, y1, cx, y2, style=bar), f"k{k}")
        comp.add(Circle(cx, y1, r, style=dot), f"k{k}")
        comp.add(Circle(cx, y2, r, style=dot), f"k{k}")
    return comp
