"""Rasterise SVG text with cairosvg, and encode images as PNG.

cairosvg and cairocffi need the system Cairo library; without it importing them raises
OSError, which we turn into an error that says how to install it.
"""

from __future__ import annotations

import io
import re
import struct
import zlib
from types import ModuleType

import numpy as np
from PIL import Image

CAIRO_HELP = (
    "TRON needs the Cairo library: install it with `apt-get install libcairo2` "
    "(Debian/Ubuntu) or `brew install cairo` (macOS)"
)

Size = int | tuple[int, int] | None


class CairoMissingError(ImportError):
    """The system Cairo library could not be loaded."""


def load_cairosvg() -> ModuleType:
    try:
        import cairosvg
    except OSError as exc:  # cairocffi raises OSError when libcairo is absent
        raise CairoMissingError(f"{CAIRO_HELP} ({exc})") from exc
    return cairosvg


def load_cairo() -> ModuleType:
    try:
        import cairocffi
    except OSError as exc:
        raise CairoMissingError(f"{CAIRO_HELP} ({exc})") from exc
    return cairocffi


def out_size(width: float, height: float, size: Size) -> tuple[int, int]:
    """Pixel size for a canvas: None keeps it; an int is the longer side (aspect kept);
    (w, h) is exact (the picture is stretched if the aspect differs)."""
    if size is None:
        w, h = round(width), round(height)
    elif isinstance(size, int):
        longer = max(width, height)
        w, h = round(width * size / longer), round(height * size / longer)
    else:
        w, h = int(size[0]), int(size[1])
    if w <= 0 or h <= 0:
        raise ValueError(f"bad image size {size!r}")
    return max(1, w), max(1, h)


def _svg_size(svg: str) -> tuple[float, float]:
    # Our SVGs always carry numeric width/height on the root element.
    head = svg[: svg.find(">", svg.find("<svg")) + 1]
    mw, mh = re.search(r'\swidth="([\d.]+)"', head), re.search(r'\sheight="([\d.]+)"', head)
    if not (mw and mh):
        raise ValueError("SVG has no numeric width/height on its root element")
    return float(mw.group(1)), float(mh.group(1))


def svg_to_image(svg: str, size: Size = None) -> Image.Image:
    """Rasterise SVG text to an RGB image (transparent areas become white)."""
    cairosvg = load_cairosvg()
    kwargs = {}
    if size is not None:
        w, h = out_size(*_svg_size(svg), size)
        kwargs = {"output_width": w, "output_height": h}
    png = cairosvg.svg2png(bytestring=svg.encode("utf-8"), **kwargs)
    img: Image.Image = Image.open(io.BytesIO(png))
    img.load()
    if img.mode in ("RGBA", "LA", "P"):
        img = img.convert("RGBA")
        base = Image.new("RGBA", img.size, (255, 255, 255, 255))
        img = Image.alpha_composite(base, img)
    return img.convert("RGB")


def _chunk(tag: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))


def _png_rgb_fast(image: Image.Image, level: int) -> bytes:
    """Minimal PNG of an RGB image: no row filters. Our pictures are mostly flat colour, where
    filters gain little and Pillow's per-row adaptive filter choice costs more than zlib."""
    w, h = image.size
    rows = np.zeros((h, 3 * w + 1), np.uint8)  # a leading 0 on each row: filter "None"
    rows[:, 1:] = np.asarray(image).reshape(h, 3 * w)
    head = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)  # 8-bit truecolour, no interlace
    return b"".join(
        (
            b"\x89PNG\r\n\x1a\n",
            _chunk(b"IHDR", head),
            _chunk(b"IDAT", zlib.compress(rows.tobytes(), level)),
            _chunk(b"IEND", b""),
        )
    )


# Export presets of the project's encoder: "fast" for throughput, "small" for size (smaller
# than Pillow's level 6 and faster; see docs/performance.md).
PNG_PRESETS = {"fast": 1, "small": 6}


def png_level(value: str | int) -> int:
    """A zlib level 0..9 from a preset name ("fast", "small") or a level; ValueError else."""
    if isinstance(value, str) and value in PNG_PRESETS:
        return PNG_PRESETS[value]
    level = value if isinstance(value, int) and not isinstance(value, bool) else None
    if isinstance(value, str) and value.isdigit():
        level = int(value)
    if level is None or not 0 <= level <= 9:
        raise ValueError(f"PNG level must be fast, small or 0..9, got {value!r:.40}")
    return level


def encode_png(image: Image.Image, level: int = 1) -> bytes:
    """The project's encoder at any zlib level (RGB; other modes go through Pillow): no row
    filters, lossless, deterministic. What export uses; `png_bytes(image, 6)` stays Pillow's."""
    if image.mode == "RGB":
        return _png_rgb_fast(image, level)
    buf = io.BytesIO()
    image.save(buf, format="PNG", compress_level=level)
    return buf.getvalue()


def png_bytes(image: Image.Image, compress_level: int = 6) -> bytes:
    """PNG encoding of `image` (deterministic: no timestamps). Level 1 is the fast one for bulk
    export: for RGB images it skips row filtering (about 1.5x faster than Pillow's encoder);
    other levels are Pillow's encoder (the bytes `Instance.png` has always had)."""
    if compress_level <= 1 and image.mode == "RGB":
        return _png_rgb_fast(image, compress_level)
    buf = io.BytesIO()
    image.save(buf, format="PNG", compress_level=compress_level)
    return buf.getvalue()


def decode_png(data: bytes) -> Image.Image:
    """PNG bytes back to a loaded PIL image."""
    img = Image.open(io.BytesIO(data))
    img.load()
    return img
