"""Light in a box of mirrors: a grid whose cells hold nothing, a "/" mirror or a "\\" mirror
(two-sided), lettered windows ("ports") round the border, the path of a beam shone in at one
port, and the drawing.

Ports are numbered clockwise-ish in reading order: 0..cols-1 along the top (left to right),
then cols..cols+rows-1 down the right side, then the bottom (left to right), then the left
side (top to bottom). Mirror codes: 0 none, 1 "/", 2 "\\".
"""

from __future__ import annotations

from tron.render.scene import Line, Rect, Style, Text
from tron.stdlib._style import INK
from tron.stdlib.component import Component
from tron.stdlib.registry import stdfn

DOMAIN = "Mirrors and light"

# Directions: 0 north (up), 1 east, 2 south, 3 west.
_STEP = ((-1, 0), (0, 1), (1, 0), (0, -1))
_SLASH = {0: 1, 1: 0, 2: 3, 3: 2}  # "/" : north <-> east, south <-> west
_BACK = {0: 3, 3: 0, 1: 2, 2: 1}  # "\\": north <-> west, east <-> south


def _check(rows: int, cols: int, mirrors: list[int]) -> None:
    if not (1 <= rows <= 20 and 1 <= cols <= 20) or len(mirrors) != rows * cols:
        raise ValueError(f"mirror box: need {rows}x{cols} <= 20x20 and one code per cell")
    if any(m not in (0, 1, 2) for m in mirrors):
        raise ValueError("mirror box: codes are 0 (none), 1 (/) and 2 (\\)")


def _port_entry(rows: int, cols: int, port: int) -> tuple[int, int, int]:
    """(row, col, heading) of the first cell a beam shone in at `port` reaches."""
    if 0 <= port < cols:
        return 0, port, 2
    if cols <= port < cols + rows:
        return port - cols, cols - 1, 3
    if cols + rows <= port < 2 * cols + rows:
        return rows - 1, port - cols - rows, 0
    if 2 * cols + rows <= port < 2 * (cols + rows):
        return port - 2 * cols - rows, 0, 1
    raise ValueError(f"mirror box: port {port} out of range")


def _port_exit(rows: int, cols: int, r: int, c: int) -> int:
    """The port a beam leaves through when it steps from inside to the outside cell (r, c)."""
    if r < 0:
        return c
    if c >= cols:
        return cols + r
    if r >= rows:
        return cols + rows + c
    return 2 * cols + rows + r


def _trace(rows: int, cols: int, mirrors: list[int], port: int) -> tuple[list[int], int]:
    _check(rows, cols, mirrors)
    r, c, d = _port_entry(rows, cols, port)
    cells: list[int] = []
    # A beam from the border always leaves again (paths are reversible); bound it anyway.
    for _ in range(4 * rows * cols + 4):
        if not (0 <= r < rows and 0 <= c < cols):
            return cells, _port_exit(rows, cols, r, c)
        i = r * cols + c
        cells.append(i)
        if mirrors[i] == 1:
            d = _SLASH[d]
        elif mirrors[i] == 2:
            d = _BACK[d]
        r, c = r + _STEP[d][0], c + _STEP[d][1]
    raise RuntimeError("beam did not leave the box")  # unreachable for two-sided mirrors


@stdfn("int, int, list[int], int -> int")
def beam_exit(rows: int, cols: int, mirrors: list[int], port: int) -> int:
    """The port through which a beam shone in at `port` leaves the mirror box."""
    return _trace(rows, cols, mirrors, port)[1]


@stdfn("int, int, list[int], int -> list[int]")
def beam_cells(rows: int, cols: int, mirrors: list[int], port: int) -> list[int]:
    """Row-major indices of the cells the beam from `port` crosses, in order (a cell crossed
    twice appears twice)."""
    return _trace(rows, cols, mirrors, port)[0]


@stdfn("int, int, list[int], list[str], real, real, real -> Component")
def mirror_box(
    rows: int, cols: int, mirrors: list[int], labels: list[str], x0: float, y0: float, cell: float
) -> Component:
    """The mirror box: a rows x cols grid with top-left corner (x0, y0), each mirror a thick
    diagonal line (subkey "m<i>" for cell i) and labels[j] written outside port j (an empty
    label writes nothing; subkey "p<j>")."""
    _check(rows, cols, mirrors)
    if len(labels) != 2 * (rows + cols):
        raise ValueError("mirror_box: need one label per port")
    comp = Component()
    grid = Style(fill="#f4f7fb", stroke="#9aa7b8", stroke_width=1.2)
    for r in range(rows):
        for c in range(cols):
            comp.add(Rect(x0 + c * cell, y0 + r * cell, cell, cell, style=grid))
    comp.add(
        Rect(
            x0,
            y0,
            cols * cell,
            rows * cell,
            style=Style(fill=None, stroke="black", stroke_width=2.5),
        )
    )
    pad = cell * 0.16
    ink = Style(stroke="#1d3b8f", stroke_width=max(3.0, cell / 11))
    for i, m in enumerate(mirrors):
        if m == 0:
            continue
        r, c = divmod(i, cols)
        xa, xb = x0 + c * cell + pad, x0 + (c + 1) * cell - pad
        ya, yb = y0 + r * cell + pad, y0 + (r + 1) * cell - pad
        if m == 1:
            comp.add(Line(xa, yb, xb, ya, style=ink), f"m{i}")
        else:
            comp.add(Line(xa, ya, xb, yb, style=ink), f"m{i}")
    size = max(12.0, min(20.0, cell * 0.42))
    gap = size * 0.9
    for j, s in enumerate(labels):
        if not s:
            continue
        r, c, _ = _port_entry(rows, cols, j)
        if j < cols:
            x, y = x0 + (c + 0.5) * cell, y0 - gap
        elif j < cols + rows:
            x, y = x0 + cols * cell + gap, y0 + (r + 0.5) * cell
        elif j < 2 * cols + rows:
            x, y = x0 + (c + 0.5) * cell, y0 + rows * cell + gap
        else:
            x, y = x0 - gap, y0 + (r + 0.5) * cell
        comp.add(Text(x, y, s, size=size, bold=True, style=INK), f"p{j}")
    return comp
