"""Text as glyph outlines from the shipped DejaVu fonts.

Renderers never ask the machine for fonts: every string becomes path data computed here, so
the SVG and both rasterisers draw the same shapes on any machine. Layout uses simple advance
widths (no kerning, no shaping), which is enough for labels and numbers.

Vertical placement: `y` is the vertical centre of the text, taken as half the cap height
above the baseline, so digits and capitals sit centred on `y`.
"""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

from fontTools.pens.basePen import BasePen
from fontTools.ttLib import TTFont

Font = Literal["sans", "serif", "mono"]
Anchor = Literal["start", "middle", "end"]
# One path operation: "M"/"L" (x, y), "Q" (x1, y1, x, y), "C" (x1, y1, x2, y2, x, y), "Z" ().
Op = tuple[str, tuple[float, ...]]

FONTS: tuple[str, ...] = ("sans", "serif", "mono")
ANCHORS: tuple[str, ...] = ("start", "middle", "end")

# Only sans has a real bold face; serif and mono bold are drawn with a thin outline stroke.
_FILES: dict[tuple[str, bool], str] = {
    ("sans", False): "DejaVuSans.ttf",
    ("sans", True): "DejaVuSans-Bold.ttf",
    ("serif", False): "DejaVuSerif.ttf",
    ("serif", True): "DejaVuSerif.ttf",
    ("mono", False): "DejaVuSansMono.ttf",
    ("mono", True): "DejaVuSansMono.ttf",
}
FAUX_BOLD = 0.045  # outline stroke width, in em, for faces without a bold file

_lock = threading.Lock()  # TTFont loads tables lazily and is not thread-safe


def fmt(v: float) -> str:
    """Canonical number text: at most 2 decimals, no trailing zeros, never "-0".
    Exact spec values (ints, Fractions from `/`) are accepted as coordinates too."""
    s = f"{float(v):.2f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


@dataclass(frozen=True)
class _Glyph:
    advance: float  # font units
    ops: tuple[Op, ...]  # font units, y up
    bounds: tuple[float, float, float, float] | None  # xmin, ymin, xmax, ymax; None if empty


@dataclass
class _Face:
    font: TTFont
    upm: float
    cap_height: float
    cmap: dict[int, str]
    glyphs: dict[str, _Glyph]


class _RecPen(BasePen):
    """Records outlines as M/L/Q/C/Z; BasePen splits TrueType implied on-curve points."""

    def __init__(self, glyph_set: object) -> None:
        super().__init__(glyph_set)
        self.ops: list[Op] = []

    def _moveTo(self, pt: tuple[float, float]) -> None:
        self.ops.append(("M", (float(pt[0]), float(pt[1]))))

    def _lineTo(self, pt: tuple[float, float]) -> None:
        self.ops.append(("L", (float(pt[0]), float(pt[1]))))

    def _qCurveToOne(self, pt1: tuple[float, float], pt2: tuple[float, float]) -> None:
        self.ops.append(("Q", (float(pt1[0]), float(pt1[1]), float(pt2[0]), float(pt2[1]))))

    def _curveToOne(
        self, pt1: tuple[float, float], pt2: tuple[float, float], pt3: tuple[float, float]
    ) -> None:
        self.ops.append(("C", tuple(float(v) for p in (pt1, pt2, pt3) for v in p)))

    def _closePath(self) -> None:
        self.ops.append(("Z", ()))

    def _endPath(self) -> None:
        pass


@cache
def _face(filename: str) -> _Face:
    data = resources.files("tron.render.fonts").joinpath(filename).read_bytes()
    font = TTFont(io.BytesIO(data))
    upm = float(font["head"].unitsPerEm)
    os2 = font["OS/2"]
    cap = float(getattr(os2, "sCapHeight", 0) or 0.0)
    if cap <= 0:  # DejaVu's OS/2 table predates sCapHeight: measure "H"
        cap = 0.729 * upm
        cmap = font.getBestCmap()
        if ord("H") in cmap:
            glyph = _load_glyph(font, cmap[ord("H")])
            if glyph.bounds is not None:
                cap = glyph.bounds[3]
    return _Face(font, upm, cap, dict(font.getBestCmap()), {})


def _load_glyph(font: TTFont, name: str) -> _Glyph:
    glyph_set = font.getGlyphSet()
    pen = _RecPen(glyph_set)
    glyph_set[name].draw(pen)
    ops = tuple(pen.ops)
    pts = [(a[i], a[i + 1]) for _, a in ops for i in range(0, len(a), 2)]
    bounds = None
    if pts:
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        # Control-point hull: slightly generous, which is the safe side for clipping checks.
        bounds = (min(xs), min(ys), max(xs), max(ys))
    return _Glyph(float(glyph_set[name].width), ops, bounds)


def _glyph(face: _Face, ch: str) -> _Glyph:
    name = face.cmap.get(ord(ch), ".notdef")
    glyph = face.glyphs.get(name)
    if glyph is None:
        with _lock:
            glyph = face.glyphs.get(name)
            if glyph is None:
                glyph = _load_glyph(face.font, name)
                face.glyphs[name] = glyph
    return glyph


def _check(font: str, anchor: str = "start") -> None:
    if font not in FONTS:
        raise ValueError(f"bad font {font!r}: use one of {', '.join(FONTS)}")
    if anchor not in ANCHORS:
        raise ValueError(f"bad anchor {anchor!r}: use one of {', '.join(ANCHORS)}")


def faux_bold_width(size: float, font: str = "sans", bold: bool = False) -> float:
    """Outline stroke width renderers add to fake a bold face (0 when a real one exists)."""
    _check(font)
    return FAUX_BOLD * size if bold and font != "sans" else 0.0


def text_width(text: str, size: float, font: str = "sans", bold: bool = False) -> float:
    """Advance width of `text` in px at font size `size`."""
    _check(font)
    face = _face(_FILES[(font, bold)])
    return sum(_glyph(face, ch).advance for ch in text) * size / face.upm


def _origin(text: str, x: float, y: float, size: float, anchor: str, font: str, bold: bool):
    face = _face(_FILES[(font, bold)])
    width = text_width(text, size, font, bold)
    x0 = x - {"start": 0.0, "middle": width / 2, "end": width}[anchor]
    baseline = y + face.cap_height * size / face.upm / 2
    return face, x0, baseline, size / face.upm


def text_ops(
    text: str,
    x: float,
    y: float,
    size: float = 16,
    anchor: str = "middle",
    font: str = "sans",
    bold: bool = False,
    mirror: bool = False,
    flip: bool = False,
) -> list[Op]:
    """Glyph outlines of `text` in canvas coordinates (y down), rounded to 2 decimals;
    reflected about the centre of the ink box left-right (`mirror`) and/or top-bottom (`flip`)."""
    _check(font, anchor)
    face, pen_x, baseline, scale = _origin(text, x, y, size, anchor, font, bold)
    (ox, sx), (oy, sy) = reflection(text, x, y, size, anchor, font, bold, mirror, flip)
    out: list[Op] = []
    for ch in text:
        glyph = _glyph(face, ch)
        for op, args in glyph.ops:
            pts = tuple(
                round(ox + sx * (pen_x + v * scale), 2)
                if i % 2 == 0
                else round(oy + sy * (baseline - v * scale), 2)
                for i, v in enumerate(args)
            )
            out.append((op, pts))
        pen_x += glyph.advance * scale
    return out


def reflection(
    text: str,
    x: float,
    y: float,
    size: float,
    anchor: str,
    font: str,
    bold: bool,
    mirror: bool,
    flip: bool,
) -> tuple[tuple[float, float], tuple[float, float]]:
    """(offset, sign) per axis: a drawn point p of the text goes to offset + sign * p, the
    reflection about the centre of its ink box (identity when neither is asked)."""
    if not (mirror or flip):
        return (0.0, 1.0), (0.0, 1.0)
    x0, y0, x1, y1 = text_bbox(text, x, y, size, anchor, font, bold)
    return ((x0 + x1, -1.0) if mirror else (0.0, 1.0)), ((y0 + y1, -1.0) if flip else (0.0, 1.0))


def text_placement(
    text: str,
    x: float,
    y: float,
    size: float = 16,
    anchor: str = "middle",
    font: str = "sans",
    bold: bool = False,
) -> tuple[float, float, float]:
    """(pen x, baseline y, px per font unit): where text_ops puts `text`. A point (u, v) of
    line_outline(text, font, bold) lands at (pen_x + u * scale, baseline - v * scale)."""
    _check(font, anchor)
    _, pen_x, baseline, scale = _origin(text, x, y, size, anchor, font, bold)
    return pen_x, baseline, scale


def line_outline(text: str, font: str = "sans", bold: bool = False) -> tuple[Op, ...]:
    """Glyph outlines of a whole string in font units (y up, pen starting at 0), unrounded:
    the same shapes as text_ops without per-point work, for renderers that transform."""
    _check(font)
    face = _face(_FILES[(font, bold)])
    out: list[Op] = []
    pen = 0.0
    for ch in text:
        glyph = _glyph(face, ch)
        for op, args in glyph.ops:
            out.append((op, tuple(v + pen if i % 2 == 0 else v for i, v in enumerate(args))))
        pen += glyph.advance
    return tuple(out)


def text_bbox(
    text: str,
    x: float,
    y: float,
    size: float = 16,
    anchor: str = "middle",
    font: str = "sans",
    bold: bool = False,
) -> tuple[float, float, float, float]:
    """Ink extents (x0, y0, x1, y1) of the glyphs; a zero-size box at the anchor if none."""
    _check(font, anchor)
    face, pen_x, baseline, scale = _origin(text, x, y, size, anchor, font, bold)
    box: list[float] | None = None
    for ch in text:
        glyph = _glyph(face, ch)
        if glyph.bounds is not None:
            gx0, gy0, gx1, gy1 = glyph.bounds
            b = [pen_x + gx0 * scale, baseline - gy1 * scale]
            b += [pen_x + gx1 * scale, baseline - gy0 * scale]
            box = b if box is None else [min(box[0], b[0]), min(box[1], b[1]),
                                         max(box[2], b[2]), max(box[3], b[3])]  # fmt: skip
        pen_x += glyph.advance * scale
    if box is None:
        return (x, y, x, y)
    pad = faux_bold_width(size, font, bold) / 2
    return (box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad)


def path_data(ops: list[Op] | tuple[Op, ...]) -> str:
    """SVG path data for ops, numbers formatted canonically."""
    return " ".join(op + " ".join(fmt(v) for v in args) for op, args in ops)


def text_path(
    text: str,
    x: float,
    y: float,
    size: float = 16,
    anchor: str = "middle",
    font: str = "sans",
    bold: bool = False,
) -> str:
    """SVG path data drawing `text` (deterministic; coordinates rounded to 2 decimals)."""
    return path_data(text_ops(text, x, y, size, anchor, font, bold))
