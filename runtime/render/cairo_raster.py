"""Draw a Scene directly with Cairo (no SVG text, no parsing): the fast raster path, and ID
buffers.

It paints the outlines render_svg writes (the same item_pieces and the same sketch jitter, via
themes.paint), so the picture matches rasterising to_svg with cairosvg up to antialiasing
noise. Two things keep it fast: the hot loop calls the C library through cffi directly (the
cairocffi wrapper checks the status after every call; Cairo's error state is sticky, so one
check at the end suffices), and text is one cached Cairo path per string in font units,
placed by a transform, instead of per-point Python work. Unrounded text differs from the
SVG's 0.01 px rounding by far less than a pixel.

Drawing is split in two steps so each can be measured: `outlines` (scene building: resolve
colours, jitter, glyphs) and `paint_outlines` (rasterisation).
"""

from __future__ import annotations

import atexit
import os
import random
import sys
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TypeAlias

import numpy as np
from PIL import Image

from tron.render.colours import resolve, to_rgb
from tron.render.raster import Size, load_cairo, out_size
from tron.render.scene import Item, Op, Scene, Text, effective_font, item_pieces
from tron.render.textpath import faux_bold_width, line_outline, reflection, text_placement
from tron.render.themes import THEMES, Paint, Theme, paint

# Cairo's 32-bit pixels are native-endian 0xAARRGGBB.
_RAW_MODE = "BGRX" if sys.byteorder == "little" else "XRGB"

# By default Pillow returns every freed image's memory to the OS, so each new picture pays
# for fresh pages (page faults cost more than drawing a simple scene). Keeping a few freed
# blocks for reuse makes steady-state generation much faster. A user's own setting (the
# PILLOW_BLOCKS_MAX environment variable, or a call like this one) is left alone.
if Image.core.get_blocks_max() == 0 and "PILLOW_BLOCKS_MAX" not in os.environ:
    Image.core.set_blocks_max(32)


@dataclass(frozen=True, slots=True)
class Glyphs:
    """A text item: its whole outline as one cached Cairo path in font units (y up), drawn at
    (x, y) scaled by `scale`; filled with `fill`, outlined `width` px wide for faux bold."""

    path: Any  # cairo_path_t*
    x: float
    y: float
    sx: float  # px per font unit along x (negative: mirrored)
    sy: float  # along y (negative for upright text: font units point up)
    fill: str
    width: float


Mark: TypeAlias = Paint | Glyphs
Outlines: TypeAlias = list[tuple[Item, str | None, list[Mark]]]


def _lib() -> tuple[Any, Any]:
    cairo = load_cairo()
    return cairo.cairo, cairo.ffi


def _append(lib: Any, cr: Any, ops: tuple[Op, ...]) -> None:
    cx = cy = sx = sy = 0.0
    for op, a in ops:
        if op == "L":
            cx, cy = a
            lib.cairo_line_to(cr, cx, cy)
        elif op == "C":
            lib.cairo_curve_to(cr, *a)
            cx, cy = a[4], a[5]
        elif op == "M":
            cx, cy = sx, sy = a
            lib.cairo_move_to(cr, cx, cy)
        elif op == "Q":  # Cairo has only cubics: raise the degree exactly
            x1, y1, x, y = a
            lib.cairo_curve_to(
                cr,
                cx + 2 / 3 * (x1 - cx), cy + 2 / 3 * (y1 - cy),
                x + 2 / 3 * (x1 - x), y + 2 / 3 * (y1 - y),
                x, y,
            )  # fmt: skip
            cx, cy = x, y
        elif op == "Z":
            lib.cairo_close_path(cr)
            cx, cy = sx, sy


@lru_cache(maxsize=8192)
def _text_path(text: str, font: str, bold: bool) -> Any:
    """The outline of `text` as a Cairo path object; labels repeat a lot across instances."""
    lib, ffi = _lib()
    surface = lib.cairo_image_surface_create(load_cairo().FORMAT_A8, 1, 1)
    cr = lib.cairo_create(surface)
    _append(lib, cr, line_outline(text, font, bold))
    path = ffi.gc(lib.cairo_copy_path(cr), lib.cairo_path_destroy)
    lib.cairo_destroy(cr)
    lib.cairo_surface_destroy(surface)
    return path


# Cached Cairo paths hold cffi objects whose destructors must run before the interpreter tears
# Cairo down: with torch loaded, freeing them during teardown crashes the process (exit 139).
atexit.register(_text_path.cache_clear)


def _text_marks(item: Text, theme: Theme) -> list[Mark]:
    # Mirrors scene.item_pieces for Text, with the outline kept in font units.
    st = item.style
    colour = st.fill if st.fill is not None else st.stroke
    if colour is None or not item.text:
        return []
    font = effective_font(item, theme.font)
    path = _text_path(item.text, font, item.bold)
    if path.num_data == 0:  # only blanks: no ink, as in the SVG
        return []
    x, y, scale = text_placement(item.text, item.x, item.y, item.size, item.anchor, font, item.bold)
    (ox, kx), (oy, ky) = reflection(
        item.text, item.x, item.y, item.size, item.anchor, font, item.bold, item.mirror, item.flip
    )
    width = faux_bold_width(item.size, font, item.bold)
    return [
        Glyphs(
            path, ox + kx * x, oy + ky * y, kx * scale, -ky * scale, resolve(colour, theme), width
        )
    ]


def outlines(scene: Scene, theme: Theme, seed: int = 0) -> Outlines:
    """Every item with its resolved marks, in drawing order (scene building). Jitter comes
    from one local random.Random(seed) consumed as themes.prepare does: text is never
    jittered, so drawing it differently leaves the jitter of every other item unchanged."""
    rng = random.Random(seed) if theme.sketch > 0 else None
    out: Outlines = []
    for item, key in scene.items:
        if isinstance(item, Text):
            marks = _text_marks(item, theme)
        else:
            pieces = item_pieces(item, theme.stroke_scale, theme.font)
            marks = [paint(p, theme, rng) for p in pieces]
        out.append((item, key, marks))
    return out


@lru_cache(maxsize=1024)
def _rgb(hex_colour: str) -> tuple[float, float, float]:
    r, g, b = to_rgb(hex_colour)
    return r / 255, g / 255, b / 255


def _mark(lib: Any, ffi: Any, cr: Any, m: Mark, fill: str | None, stroke: str | None) -> None:
    """Fill then stroke one mark (colours passed in so ID buffers can recolour)."""
    lib.cairo_new_path(cr)
    if isinstance(m, Glyphs):
        lib.cairo_save(cr)
        lib.cairo_translate(cr, m.x, m.y)
        lib.cairo_scale(cr, m.sx, m.sy)
        lib.cairo_append_path(cr, m.path)
        lib.cairo_restore(cr)  # the path stays in device space; line width is set below
        width, dash = m.width, None
    else:
        _append(lib, cr, m.ops)
        width, dash = m.width, m.dash
    if fill is not None:
        lib.cairo_set_source_rgb(cr, *_rgb(fill))
        lib.cairo_fill_preserve(cr)
    if stroke is not None and width > 0:
        lib.cairo_set_source_rgb(cr, *_rgb(stroke))
        lib.cairo_set_line_width(cr, width)
        if dash:
            lib.cairo_set_dash(cr, ffi.new("double[]", dash), len(dash), 0)
        lib.cairo_stroke_preserve(cr)
        if dash:
            lib.cairo_set_dash(cr, ffi.NULL, 0, 0)


def _stroke_of(m: Mark) -> str | None:
    return m.fill if isinstance(m, Glyphs) else m.stroke


def _surface(scene: Scene, size: Size, antialias: bool) -> tuple[Any, Any, int, int]:
    cairo = load_cairo()
    lib = cairo.cairo
    w, h = out_size(scene.width, scene.height, size)
    surface = lib.cairo_image_surface_create(cairo.FORMAT_RGB24, w, h)
    cr = lib.cairo_create(surface)
    lib.cairo_scale(cr, w / scene.width, h / scene.height)
    lib.cairo_set_line_cap(cr, cairo.LINE_CAP_ROUND)
    lib.cairo_set_line_join(cr, cairo.LINE_JOIN_ROUND)
    if not antialias:
        lib.cairo_set_antialias(cr, cairo.ANTIALIAS_NONE)
    return surface, cr, w, h


def _pixels(surface: Any, cr: Any) -> tuple[Any, int]:
    """The finished pixels (a cffi buffer, valid until the surface is destroyed) and stride."""
    cairo = load_cairo()
    lib, ffi = cairo.cairo, cairo.ffi
    status = lib.cairo_status(cr)
    if status != cairo.STATUS_SUCCESS:
        raise cairo.CairoError(f"cairo drawing failed (status {status})", status)
    lib.cairo_surface_flush(surface)
    stride = lib.cairo_image_surface_get_stride(surface)
    h = lib.cairo_image_surface_get_height(surface)
    return ffi.buffer(lib.cairo_image_surface_get_data(surface), stride * h), stride


def paint_outlines(scene: Scene, theme: Theme, marks: Outlines, size: Size = None) -> Image.Image:
    """Rasterise the outlines of `scene` to an RGB image (rasterisation)."""
    lib, ffi = _lib()
    surface, cr, w, h = _surface(scene, size, antialias=True)
    lib.cairo_set_source_rgb(cr, *_rgb(resolve(scene.background, theme)))
    lib.cairo_paint(cr)
    for item, _key, ms in marks:
        if not ms:
            continue
        opacity = item.style.opacity
        if opacity < 1:  # SVG opacity composites the whole item at once
            lib.cairo_push_group(cr)
        for m in ms:
            _mark(lib, ffi, cr, m, m.fill, _stroke_of(m))
        if opacity < 1:
            lib.cairo_pop_group_to_source(cr)
            lib.cairo_paint_with_alpha(cr, opacity)
    try:
        data, stride = _pixels(surface, cr)
        # One conversion copy straight from Cairo's memory into the PIL image.
        return Image.frombytes("RGB", (w, h), data, "raw", _RAW_MODE, stride, 1)
    finally:
        lib.cairo_destroy(cr)
        lib.cairo_surface_destroy(surface)


def to_image(scene: Scene, theme: Theme, size: Size = None, seed: int = 0) -> Image.Image:
    """RGB picture of `scene` in `theme`. size: None = scene size; int = longer side;
    (w, h) = exact. `seed` drives sketch jitter (same seed -> same picture as to_svg)."""
    return paint_outlines(scene, theme, outlines(scene, theme, seed), size)


def id_buffer(
    scene: Scene, size: Size = None, theme: Theme | None = None, seed: int = 0
) -> np.ndarray:
    """Which object is visible at each pixel: int32 array (height, width) where 0 is the
    background, i >= 1 is scene.keys()[i - 1], and -1 is an unkeyed item (unkeyed items
    still hide what lies beneath them). Antialiasing is off so every pixel has exactly one
    owner; later items overwrite earlier ones as in the picture; opacity is ignored (a faint
    item still owns its pixels). Geometry follows `theme` (default "clean") and `seed`."""
    lib, ffi = _lib()
    theme = theme or THEMES["clean"]
    surface, cr, w, h = _surface(scene, size, antialias=False)
    lib.cairo_set_source_rgb(cr, 0, 0, 0)
    lib.cairo_paint(cr)
    index = {key: i + 1 for i, key in enumerate(scene.keys())}
    for _item, key, ms in outlines(scene, theme, seed):
        # Pixel codes: 0 background, 1 unkeyed, i + 1 for key number i.
        code = index[key] + 1 if key is not None else 1
        colour = f"#{code:06x}"
        for m in ms:
            _mark(lib, ffi, cr, m, colour if m.fill else None, colour if _stroke_of(m) else None)
    try:
        data, stride = _pixels(surface, cr)
        raw = np.frombuffer(data, dtype=np.uint32).reshape(h, stride // 4)[:, :w]
        codes = (raw & 0xFFFFFF).astype(np.int32)  # a copy: Cairo's memory is freed below
    finally:
        lib.cairo_destroy(cr)
        lib.cairo_surface_destroy(surface)
    return np.where(codes == 0, 0, np.where(codes == 1, -1, codes - 1)).astype(np.int32)
