"""Tables drawn in a box (so two tables, or a table and a chart, share one canvas), with an
optional title and shaded row names; heatmaps (tables of coloured cells); and the text helper
that timetables need.
"""

from __future__ import annotations

from tron.render.scene import Line, Rect, Style, Text
from tron.render.textpath import text_width
from tron.stdlib._style import INK
from tron.stdlib.component import Component, SampleRejected
from tron.stdlib.plots import MIN_FONT, PAD, check_box, fit
from tron.stdlib.registry import stdfn

DOMAIN = "Tables in a box and heatmaps"


@stdfn("list[list[str]], list[str], str, real, real, real, real -> Component")
def boxed_table(
    rows: list[list[str]],
    header: list[str],
    title: str = "",
    left: float = 0,
    top: float = 0,
    width: float = 512,
    height: float = 512,
) -> Component:
    """A table centred in the box with top-left corner (left, top): a bold `title` above it,
    a bold shaded header row and a lightly shaded first column (the row names). Header cell j
    has subkey "h<j>", body cell (i, j) "c<i>_<j>", the title "title". Text shrinks to fit
    (down to a legible minimum); a table that cannot fit is rejected."""
    ncol = len(header)
    if ncol == 0 or not rows or any(len(r) != ncol for r in rows) or len(rows) > 20:
        raise ValueError(f"boxed_table: 1..20 rows of {ncol} cells (one per header)")
    check_box(left, top, width, height)
    comp = Component()
    y = top + 4
    tsize = fit([title], 16, width - 8, bold=True) if title else 0.0
    if title:
        y += tsize * 1.3 + 4
    size = 17.0
    while True:
        widths = [
            max([text_width(header[j], size, bold=True)] + [text_width(r[j], size) for r in rows])
            + size * 1.0
            for j in range(ncol)
        ]
        row_h = size * 1.75
        if sum(widths) <= width - 8 and row_h * (len(rows) + 1) <= top + height - y - 4:
            break
        size -= 0.5
        if size < MIN_FONT:
            raise SampleRejected("boxed_table does not fit its box")
    total_w, total_h = sum(widths), row_h * (len(rows) + 1)
    x0 = left + (width - total_w) / 2
    y0 = y + (top + height - 4 - y - total_h) / 2  # title and table centred in the box
    if title:
        ty = y0 - 4 - tsize * 0.7
        comp.add(Text(left + width / 2, ty, title, size=tsize, bold=True, style=INK), "title")
    comp.add(Rect(x0, y0, total_w, row_h, style=Style(fill="#dcdcdc", stroke=None)))
    comp.add(
        Rect(x0, y0 + row_h, widths[0], total_h - row_h, style=Style(fill="#f1f1f1", stroke=None))
    )
    lefts = [x0 + sum(widths[:j]) for j in range(ncol)]
    for i, cells in enumerate([header, *rows]):
        cy = y0 + (i + 0.5) * row_h
        for j, s in enumerate(cells):
            sub = f"h{j}" if i == 0 else f"c{i - 1}_{j}"
            comp.add(
                Text(
                    round(lefts[j] + widths[j] / 2, 2),
                    round(cy, 2),
                    s,
                    size=size,
                    bold=i == 0,
                    style=INK,
                ),
                sub,
            )
    pen = Style(stroke="black", stroke_width=1.2)
    for i in range(len(rows) + 2):
        yy = round(y0 + i * row_h, 2)
        comp.add(Line(x0, yy, x0 + total_w, yy, style=pen))
    for x in [*lefts, x0 + total_w]:
        comp.add(Line(round(x, 2), y0, round(x, 2), y0 + total_h, style=pen))
    return comp


@stdfn("int -> str")
def hhmm(minutes: int) -> str:
    """A time of day written "HH:MM" from minutes after midnight (wrapping past 24 hours):
    hhmm(545) is "09:05"."""
    m = minutes % (24 * 60)
    return f"{m // 60:02d}:{m % 60:02d}"


def _heat(v: int, lo: int, hi: int) -> str:
    """White (lo) to deep orange-red (hi), so the printed number stays readable."""
    t = 0.0 if hi == lo else (v - lo) / (hi - lo)
    r, g, b = 255, round(245 - 150 * t), round(235 - 200 * t)
    return f"#{r:02x}{g:02x}{b:02x}"


@stdfn("list[str], list[str], list[int], bool, str, real, real, real, real -> Component")
def heatmap(
    row_names: list[str],
    col_names: list[str],
    values: list[int],
    show_values: bool = True,
    title: str = "",
    left: float = 0,
    top: float = 0,
    width: float = 512,
    height: float = 512,
) -> Component:
    """A heatmap: a grid of cells coloured from pale (smallest value) to deep red (largest)
    with row names on the left and column names on top; values[r * len(col_names) + c] is printed
    in cell (r, c) when `show_values`. Cell (r, c) has subkey "h<r>_<c>", row name r "r<r>",
    column name c "k<c>"."""
    nr, nc = len(row_names), len(col_names)
    if not 1 <= nr <= 12 or not 1 <= nc <= 12 or len(values) != nr * nc:
        raise ValueError("heatmap: 1..12 row_names and columns, one value per cell")
    check_box(left, top, width, height)
    comp = Component()
    y = top + PAD
    if title:
        size = fit([title], 17, width - 2 * PAD, bold=True)
        comp.add(Text(left + width / 2, y + size * 0.6, title, size=size, bold=True, style=INK))
        y += size * 1.2 + 6
    rsize = fit(row_names, 14, width * 0.3)
    labw = max(text_width(s, rsize) for s in row_names)
    x0 = left + PAD + labw + 8
    cw = (left + width - PAD - x0) / nc
    csize = fit(col_names, 13, cw * 0.95)
    y0 = y + csize * 1.5
    ch = min((top + height - PAD - y0) / nr, cw * 1.2)
    if ch < 18:
        raise SampleRejected("heatmap: cells too small")
    lo, hi = min(values), max(values)
    vsize = fit([str(v) for v in values], min(15.0, ch * 0.55), cw * 0.85)
    for c, s in enumerate(col_names):
        comp.add(Text(x0 + (c + 0.5) * cw, y + csize * 0.7, s, size=csize, style=INK), f"k{c}")
    for r, s in enumerate(row_names):
        cy = y0 + (r + 0.5) * ch
        comp.add(Text(x0 - 6, cy, s, size=rsize, anchor="end", style=INK), f"r{r}")
        for c in range(nc):
            v = values[r * nc + c]
            cell = Rect(
                round(x0 + c * cw, 2),
                round(y0 + r * ch, 2),
                round(cw, 2),
                round(ch, 2),
                style=Style(fill=_heat(v, lo, hi), stroke="#606060", stroke_width=1),
            )
            comp.add(cell, f"h{r}_{c}")
            if show_values:
                comp.add(Text(x0 + (c + 0.5) * cw, cy, str(v), size=vsize, style=INK), f"h{r}_{c}")
    return comp
