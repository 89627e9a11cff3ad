"""Draw a Scene directly with Cairo (no SVG parsing): the fast raster path, and ID buffers.

It paints exactly the outlines render_svg writes (both come from themes.prepare), so the
picture matches rasterising to_svg with cairosvg up to antialiasing noise.
"""

from __future__ import annotations

import sys
from typing import Any

import numpy as np
from PIL import Image

from tron.colours import resolve, to_rgb
from tron.raster import Size, load_cairo, out_size
from tron.scene import Op, Scene
from tron.themes import THEMES, Paint, Theme, prepare

# Cairo's 32-bit pixels are native-endian 0xAARRGGBB.
_RAW_MODE = "BGRX" if sys.byteorder == "little" else "XRGB"


def _path(ctx: Any, ops: tuple[Op, ...]) -> None:
    ctx.new_path()
    cur = start = (0.0, 0.0)
    for op, a in ops:
        if op == "M":
            ctx.move_to(a[0], a[1])
            cur = start = (a[0], a[1])
        elif op == "L":
            ctx.line_to(a[0], a[1])
            cur = (a[0], a[1])
        elif op == "Q":  # Cairo has only cubics: raise the degree exactly
            x1, y1, x, y = a
            ctx.curve_to(
                cur[0] + 2 / 3 * (x1 - cur[0]), cur[1] + 2 / 3 * (y1 - cur[1]),
                x + 2 / 3 * (x1 - x), y + 2 / 3 * (y1 - y),
                x, y,
            )  # fmt: skip
            cur = (x, y)
        elif op == "C":
            ctx.curve_to(*a)
            cur = (a[4], a[5])
        elif op == "Z":
            ctx.close_path()
            cur = start


def _set_rgb(ctx: Any, hex_colour: str) -> None:
    r, g, b = to_rgb(hex_colour)
    ctx.set_source_rgb(r / 255, g / 255, b / 255)


def _paint(ctx: Any, p: Paint, fill: str | None, stroke: str | None) -> None:
    _path(ctx, p.ops)
    if fill is not None:
        _set_rgb(ctx, fill)
        ctx.fill_preserve()
    if stroke is not None and p.width > 0:
        _set_rgb(ctx, stroke)
        ctx.set_line_width(p.width)
        ctx.set_dash(list(p.dash) if p.dash else [], 0)
        ctx.stroke_preserve()
    ctx.new_path()


def _context(scene: Scene, size: Size, fmt_name: str) -> tuple[Any, Any, int, int]:
    cairo = load_cairo()
    w, h = out_size(scene.width, scene.height, size)
    surface = cairo.ImageSurface(getattr(cairo, fmt_name), w, h)
    ctx = cairo.Context(surface)
    ctx.scale(w / scene.width, h / scene.height)
    ctx.set_line_cap(cairo.LINE_CAP_ROUND)
    ctx.set_line_join(cairo.LINE_JOIN_ROUND)
    return surface, ctx, w, h


def to_image(scene: Scene, theme: Theme, size: Size = None, seed: int = 0) -> Image.Image:
    """RGB picture of `scene` in `theme`. size: None = scene size; int = longer side;
    (w, h) = exact. `seed` drives sketch jitter (same seed -> same picture as to_svg)."""
    surface, ctx, w, h = _context(scene, size, "FORMAT_RGB24")
    _set_rgb(ctx, resolve(scene.background, theme))
    ctx.paint()
    for item, _key, paints in prepare(scene, theme, seed):
        if not paints:
            continue
        group = item.style.opacity < 1
        if group:  # SVG opacity composites the whole item at once
            ctx.push_group()
        for p in paints:
            _paint(ctx, p, p.fill, p.stroke)
        if group:
            ctx.pop_group_to_source()
            ctx.paint_with_alpha(item.style.opacity)
    surface.flush()
    data = bytes(surface.get_data())
    return Image.frombuffer("RGB", (w, h), data, "raw", _RAW_MODE, surface.get_stride(), 1)


def id_buffer(
    scene: Scene, size: Size = None, theme: Theme | None = None, seed: int = 0
) -> np.ndarray:
    """Which object is visible at each pixel: int32 array (height, width) where 0 is the
    background, i >= 1 is scene.keys()[i - 1], and -1 is an unkeyed item (unkeyed items
    still hide what lies beneath them). Antialiasing is off so every pixel has exactly one
    owner; later items overwrite earlier ones as in the picture; opacity is ignored (a faint
    item still owns its pixels). Geometry follows `theme` (default "clean") and `seed`."""
    cairo = load_cairo()
    theme = theme or THEMES["clean"]
    surface, ctx, w, h = _context(scene, size, "FORMAT_RGB24")
    ctx.set_antialias(cairo.ANTIALIAS_NONE)
    ctx.set_source_rgb(0, 0, 0)
    ctx.paint()
    index = {key: i + 1 for i, key in enumerate(scene.keys())}
    for _item, key, paints in prepare(scene, theme, seed):
        # Pixel codes: 0 background, 1 unkeyed, i + 1 for key number i.
        code = index[key] + 1 if key is not None else 1
        colour = f"#{code:06x}"
        for p in paints:
            _paint(ctx, p, colour if p.fill else None, colour if p.stroke else None)
    surface.flush()
    stride = surface.get_stride() // 4
    raw = np.frombuffer(bytes(surface.get_data()), dtype=np.uint32).reshape(h, stride)[:, :w]
    codes = (raw & 0xFFFFFF).astype(np.int32)
    return np.where(codes == 0, 0, np.where(codes == 1, -1, codes - 1)).astype(np.int32)
