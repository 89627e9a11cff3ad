"""Small inline-SVG plots for the catalogue: a per-level line plot, a labelled bar chart and
a multi-series line chart. No plotting library; every label is XML-escaped."""

from __future__ import annotations

from html import escape

PALETTE = ("#4a7bd0", "#d08a4a", "#4aa06b", "#a04ab0", "#c0504d", "#7f7f7f")


def num(v: float) -> str:
    return f"{v:.3g}"


def level_plot(
    title: str, levels: list[int], values: list[float], lo: float = 0.0, hi: float | None = None
) -> str:
    """A 200x90 line plot of one number per level, with its range and a point per level."""
    w, h, pl, pr, pt, pb = 200, 90, 30, 8, 16, 16
    top = hi if hi is not None else max(values + [lo + 1e-9])
    bot = min(lo, min(values, default=lo))
    span = (top - bot) or 1.0
    n = max(len(values) - 1, 1)

    def xy(i: int, v: float) -> tuple[float, float]:
        return pl + (w - pl - pr) * i / n, pt + (h - pt - pb) * (1 - (v - bot) / span)

    pts = [xy(i, v) for i, v in enumerate(values)]
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in pts)
    parts = [
        f'<svg class="plot" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" '
        f'aria-label="{escape(title)}">',
        f'<text x="2" y="11" class="t">{escape(title)}</text>',
        f'<line x1="{pl}" y1="{h - pb}" x2="{w - pr}" y2="{h - pb}" class="ax"/>',
        f'<text x="{pl - 3}" y="{pt + 4}" class="y">{num(top)}</text>',
        f'<text x="{pl - 3}" y="{h - pb}" class="y">{num(bot)}</text>',
    ]
    if pts:
        parts.append(f'<polyline points="{path}" class="ln"/>')
    for (x, y), lv, v in zip(pts, levels, values, strict=True):
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.5"><title>level {lv}: {num(v)}</title></circle>'
        )
    if levels:
        parts.append(f'<text x="{pl}" y="{h - 3}" class="x">L{levels[0]}</text>')
        parts.append(f'<text x="{w - pr}" y="{h - 3}" class="x e">L{levels[-1]}</text>')
    parts.append("</svg>")
    return "".join(parts)


def bars(title: str, items: list[tuple[str, float]], colour: str = PALETTE[0]) -> str:
    """Horizontal bars, one labelled row per item (readable with many items)."""
    row, w, lw = 16, 420, 150
    h = 20 + row * len(items)
    top = max((v for _, v in items), default=1.0) or 1.0
    parts = [
        f'<svg class="plot" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" '
        f'aria-label="{escape(title)}">',
        f'<text x="2" y="12" class="t">{escape(title)}</text>',
    ]
    for i, (label, v) in enumerate(items):
        y = 18 + row * i
        bw = (w - lw - 40) * v / top
        parts.append(f'<text x="{lw - 4}" y="{y + 11}" class="y">{escape(label[:24])}</text>')
        parts.append(
            f'<rect x="{lw}" y="{y + 2}" width="{bw:.1f}" height="{row - 4}" fill="{colour}">'
            f"<title>{escape(label)}: {num(v)}</title></rect>"
        )
        parts.append(f'<text x="{lw + bw + 3:.1f}" y="{y + 11}">{num(v)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def lines(title: str, series: list[tuple[str, list[float]]], levels: list[int]) -> str:
    """Several series over the same levels, with a legend."""
    w, h, pl, pr, pt, pb = 420, 200, 36, 110, 18, 18
    values = [v for _, s in series for v in s] or [1.0]
    top, bot = max(values), min(min(values), 0.0)
    span = (top - bot) or 1.0
    n = max(len(levels) - 1, 1)
    parts = [
        f'<svg class="plot" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" '
        f'aria-label="{escape(title)}">',
        f'<text x="2" y="12" class="t">{escape(title)}</text>',
        f'<line x1="{pl}" y1="{h - pb}" x2="{w - pr}" y2="{h - pb}" class="ax"/>',
        f'<text x="{pl - 3}" y="{pt + 4}" class="y">{num(top)}</text>',
        f'<text x="{pl - 3}" y="{h - pb}" class="y">{num(bot)}</text>',
    ]
    for k, (name, s) in enumerate(series):
        colour = PALETTE[k % len(PALETTE)]
        pts = " ".join(
            f"{pl + (w - pl - pr) * i / n:.1f},{pt + (h - pt - pb) * (1 - (v - bot) / span):.1f}"
            for i, v in enumerate(s)
        )
        parts.append(f'<polyline points="{pts}" class="ln" style="stroke:{colour}"/>')
        parts.append(
            f'<text x="{w - pr + 6}" y="{pt + 14 * k + 8}" fill="{colour}">{escape(name)}</text>'
        )
    if levels:
        parts.append(f'<text x="{pl}" y="{h - 4}" class="x">L{levels[0]}</text>')
        parts.append(f'<text x="{w - pr}" y="{h - 4}" class="x e">L{levels[-1]}</text>')
    parts.append("</svg>")
    return "".join(parts)
