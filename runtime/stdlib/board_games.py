"""Boards for puzzles and games: KenKen cages with their clues, futoshiki cells with the
inequality signs between them, and game boards with their pieces.

Cells are row-major; each cell carries the subkey "c<r>_<c>" so questions can point at it.
"""

from __future__ import annotations

from collections.abc import Sequence

from tron.render.scene import Line, Rect, Style, Text
from tron.stdlib.component import Component
from tron.stdlib.registry import stdfn

DOMAIN = "Puzzle and game boards"

EdgeRec = dict[str, int]


@stdfn("int, list[int], list[int], list[str], real, real, real, list[str], list[str] -> Component")
def cage_board(
    n: int,
    cages: list[int],
    goals: list[int],
    ops: list[str],
    x0: float,
    y0: float,
    cell: float,
    texts: Sequence[str] = (),
    fills: Sequence[str] = (),
) -> Component:
    """A KenKen board: n x n cells with thick walls between cages, each cage's clue (goal and
    op; a one-cell cage shows its goal alone) in the corner of its first cell, texts[i]
    centred in cell i. Cell (r, c) has subkey "c<r>_<c>", cage k's clue "k<k>"."""
    comp = Component()
    ink = Style(fill="black", stroke=None)
    for i in range(n * n):
        r, c = divmod(i, n)
        fill = fills[i] if fills else "white"
        comp.add(
            Rect(
                x0 + c * cell,
                y0 + r * cell,
                cell,
                cell,
                style=Style(fill=fill, stroke="#999999", stroke_width=1),
            ),
            f"c{r}_{c}",
        )
    thick = Style(stroke="black", stroke_width=4)
    for i in range(n * n):
        r, c = divmod(i, n)
        x, y = x0 + c * cell, y0 + r * cell
        if c == n - 1 or cages[i + 1] != cages[i]:
            comp.add(Line(x + cell, y, x + cell, y + cell, style=thick))
        if r == n - 1 or cages[i + n] != cages[i]:
            comp.add(Line(x, y + cell, x + cell, y + cell, style=thick))
        if c == 0:
            comp.add(Line(x, y, x, y + cell, style=thick))
        if r == 0:
            comp.add(Line(x, y, x + cell, y, style=thick))
    seen: set[int] = set()
    for i in range(n * n):
        k = cages[i]
        if k in seen:
            continue
        seen.add(k)
        r, c = divmod(i, n)
        single = sum(1 for v in cages if v == k) == 1
        s = str(goals[k]) + ("" if single else ops[k])
        comp.add(
            Text(
                x0 + c * cell + 5,
                y0 + r * cell + cell * 0.2,
                s,
                size=max(13.0, cell * 0.25),
                anchor="start",
                style=ink,
            ),
            f"k{k}",
        )
    for i, s in enumerate(texts):
        if s:
            r, c = divmod(i, n)
            comp.add(
                Text(x0 + (c + 0.5) * cell, y0 + (r + 0.58) * cell, s, size=cell * 0.42, style=ink),
                f"c{r}_{c}",
            )
    return comp


@stdfn("int, list[str], list[Edge], real, real, real, list[str] -> Component")
def futoshiki_board(
    n: int,
    texts: list[str],
    less: list[EdgeRec],
    x0: float,
    y0: float,
    cell: float,
    fills: Sequence[str] = (),
) -> Component:
    """A futoshiki board: n x n square cells of side `cell` with gaps of cell/2 between them,
    texts[i] in cell i, and for each edge (a, b) of `less` (neighbouring cells) a < sign in
    the gap pointing at the smaller cell a. Cell (r, c) has subkey "c<r>_<c>", sign k "s<k>"."""
    comp = Component()
    step = cell * 1.5
    ink = Style(fill="black", stroke=None)
    for i in range(n * n):
        r, c = divmod(i, n)
        fill = fills[i] if fills else "white"
        comp.add(
            Rect(
                x0 + c * step,
                y0 + r * step,
                cell,
                cell,
                style=Style(fill=fill, stroke="black", stroke_width=2),
            ),
            f"c{r}_{c}",
        )
        if texts[i]:
            comp.add(
                Text(
                    x0 + c * step + cell / 2,
                    y0 + r * step + cell * 0.55,
                    texts[i],
                    size=cell * 0.5,
                    style=ink,
                ),
                f"c{r}_{c}",
            )
    for k, e in enumerate(less):
        (ra, ca), (rb, cb) = divmod(e["a"], n), divmod(e["b"], n)
        if abs(ra - rb) + abs(ca - cb) != 1:
            raise ValueError("futoshiki_board: signs join neighbouring cells only")
        mx = x0 + (ca + cb) / 2 * step + cell / 2
        my = y0 + (ra + rb) / 2 * step + cell / 2
        sym = {(0, 1): "<", (0, -1): ">", (1, 0): "∧", (-1, 0): "∨"}[(rb - ra, cb - ca)]
        comp.add(Text(mx, my, sym, size=cell * 0.42, style=ink), f"s{k}")
    return comp
