"""Baselines for bench/run.py: the same scenes drawn the ways other generators draw them.

- PIL 4x: PIL ImageDraw at 4x size, downsampled with LANCZOS (the usual procedural-puzzle way);
- matplotlib: one Agg figure per picture, the scene's outlines as patches and its text as
  matplotlib text, drawn to an RGB array (the usual plotting-library way; `bench` extra).

Plus the synthetic 30-shape scene.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont

from tron.render.colours import resolve
from tron.render.scene import Circle, Ellipse, Polygon, Rect, Scene, Style, Text, item_pieces
from tron.render.textpath import text_placement
from tron.render.themes import Theme

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "runtime" / "render" / "fonts"


def _flatten(ops: Sequence[tuple[str, tuple[float, ...]]], k: float) -> list[list[tuple]]:
    """Outline ops -> polylines (one per subpath), curves cut into 12 segments, scaled by k."""
    paths: list[list[tuple]] = []
    cur = (0.0, 0.0)
    for op, a in ops:
        if op == "M":
            paths.append([(a[0] * k, a[1] * k)])
            cur = (a[0], a[1])
        elif op == "L":
            paths[-1].append((a[0] * k, a[1] * k))
            cur = (a[0], a[1])
        elif op == "C":
            for i in range(1, 13):
                t, u = i / 12, 1 - i / 12
                x = u**3 * cur[0] + 3 * u * u * t * a[0] + 3 * u * t * t * a[2] + t**3 * a[4]
                y = u**3 * cur[1] + 3 * u * u * t * a[1] + 3 * u * t * t * a[3] + t**3 * a[5]
                paths[-1].append((x * k, y * k))
            cur = (a[4], a[5])
        elif op == "Z" and paths:
            paths[-1].append(paths[-1][0])
    return paths


_FONT_FILES = {"sans": "DejaVuSans.ttf", "serif": "DejaVuSerif.ttf", "mono": "DejaVuSansMono.ttf"}
_PIL_FONTS: dict[tuple[str, int], Any] = {}


def _pil_font(font: str, bold: bool, px: int) -> Any:
    name = "DejaVuSans-Bold.ttf" if bold and font == "sans" else _FONT_FILES[font]
    if (name, px) not in _PIL_FONTS:
        path = FONTS / name
        _PIL_FONTS[name, px] = ImageFont.truetype(str(path), px)
    return _PIL_FONTS[name, px]


def _placed_text(item: Text, theme: Theme) -> tuple[float, float, str, str] | None:
    """Where a text item's baseline starts, its colour and font (as both baselines draw it),
    or None when there is nothing to draw."""
    st = item.style
    colour = st.fill if st.fill is not None else st.stroke
    if colour is None or not item.text:
        return None
    font = theme.font if item.font == "sans" else item.font
    x, y, _ = text_placement(item.text, item.x, item.y, item.size, item.anchor, font, item.bold)
    return x, y, colour, font


def pil_4x(scene: Scene, theme: Theme, k: int = 4) -> Image.Image:
    """How a typical procedural puzzle generator draws: PIL at k x size, LANCZOS down. Shapes
    follow the same outlines; text is PIL's own TrueType drawing; opacity is ignored."""

    img = Image.new("RGB", (scene.width * k, scene.height * k), resolve(scene.background, theme))
    draw = ImageDraw.Draw(img)
    for item, _key in scene.items:
        if isinstance(item, Text):
            placed = _placed_text(item, theme)
            if placed is None:
                continue
            x, y, colour, font = placed
            draw.text(
                (x * k, y * k),
                item.text,
                fill=resolve(colour, theme),
                font=_pil_font(font, item.bold, round(item.size * k)),
                anchor="ls",
            )
            continue
        for piece in item_pieces(item, theme.stroke_scale, theme.font):
            paths = _flatten(piece.ops, k)
            fill = resolve(piece.fill, theme) if piece.fill else None
            stroke = resolve(piece.stroke, theme) if piece.stroke else None
            for pts in paths:
                if fill and len(pts) > 2:
                    draw.polygon(pts, fill=fill)
                if stroke and piece.width > 0 and len(pts) > 1:
                    draw.line(pts, fill=stroke, width=max(1, round(piece.width * k)), joint="curve")
    return img.resize((scene.width, scene.height), Image.Resampling.LANCZOS)


# ---- the synthetic scene ---------------------------------------------------------------------


def synthetic_scene(n: int = 30, seed: int = 0) -> Scene:
    """n filled, outlined shapes on a 512 x 512 canvas (no text)."""
    rng = random.Random(seed)
    colours = ["red", "blue", "green", "orange", "purple", "yellow", "gray", "pink"]
    s = Scene(512, 512)
    for i in range(n):
        x, y = rng.uniform(40, 472), rng.uniform(40, 472)
        r = rng.uniform(12, 40)
        style = Style(fill=rng.choice(colours), stroke="black", stroke_width=2)
        kind = i % 4
        if kind == 0:
            s.add(Circle(x, y, r, style=style))
        elif kind == 1:
            s.add(Rect(x - r, y - r, 2 * r, 1.5 * r, rx=4, style=style))
        elif kind == 2:
            s.add(Polygon(((x, y - r), (x + r, y + r), (x - r, y + r)), style=style))
        else:
            s.add(Ellipse(x, y, r, r / 2, style=style))
    return s


# ---- matplotlib ------------------------------------------------------------------------------


def _mpl_path(ops: Sequence[tuple[str, tuple[float, ...]]], height: float) -> Any:
    """Outline ops -> a matplotlib Path in figure pixels (y up)."""
    from matplotlib.path import Path as MPath

    verts: list[tuple[float, float]] = []
    codes: list[int] = []
    start = (0.0, 0.0)
    for op, a in ops:
        if op == "M":
            start = (a[0], height - a[1])
            verts.append(start)
            codes.append(MPath.MOVETO)
        elif op == "L":
            verts.append((a[0], height - a[1]))
            codes.append(MPath.LINETO)
        elif op == "C":
            verts += [(a[0], height - a[1]), (a[2], height - a[3]), (a[4], height - a[5])]
            codes += [MPath.CURVE4] * 3
        elif op == "Z":
            verts.append(start)
            codes.append(MPath.CLOSEPOLY)
    return MPath(verts, codes)


def mpl_draw(scene: Scene, theme: Theme) -> Image.Image:
    """The scene drawn by matplotlib (Agg, antialiased) into a scene-sized RGB image: shapes
    from the same outlines as patches, text as matplotlib text in DejaVu (its own font)."""
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.patches import PathPatch

    dpi = 100
    w, h = scene.width, scene.height
    fig = Figure(figsize=(w / dpi, h / dpi), dpi=dpi)
    canvas = FigureCanvasAgg(fig)
    bg = resolve(scene.background, theme)
    fig.patch.set_facecolor(bg)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, w)
    ax.set_ylim(0, h)
    ax.axis("off")
    for item, _key in scene.items:
        if isinstance(item, Text):
            placed = _placed_text(item, theme)
            if placed is None:
                continue
            x, y, colour, font = placed
            ax.text(
                x,
                h - y,
                item.text,
                color=resolve(colour, theme),
                fontsize=item.size * 72 / dpi,
                fontweight="bold" if item.bold else "normal",
                ha="left",
                va="baseline",
            )
            continue
        for piece in item_pieces(item, theme.stroke_scale, theme.font):
            fill = resolve(piece.fill, theme) if piece.fill else "none"
            stroke = resolve(piece.stroke, theme) if piece.stroke else None
            ax.add_patch(
                PathPatch(
                    _mpl_path(piece.ops, h),
                    facecolor=fill,
                    edgecolor=stroke if stroke and piece.width > 0 else "none",
                    linewidth=piece.width * 72 / dpi,
                    joinstyle="round",
                )
            )
    canvas.draw()
    rgba = np.asarray(canvas.buffer_rgba())
    return Image.fromarray(rgba[:, :, :3].copy(), "RGB")
