"""An abstract, backend-independent scene.

Coordinates are plain floats in the SVG system: origin top-left, x right, y down, px units.
Angles are degrees clockwise from 12 o'clock (like a clock face). Items are frozen dataclasses;
each has a `style`. A scene is a list of items drawn in order (later items on top), each
optionally tagged with a key naming the logical object it belongs to, so visibility checks
(render_cairo.id_buffer) can count each object's visible pixels.

`item_pieces` turns an item into outline paths (`Piece`) that both renderers paint, so the SVG
and the direct Cairo raster agree.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from typing import Literal

from tron import limits
from tron.limits import MAX_COORD, ResourceLimit
from tron.render.colours import check_colour
from tron.render.textpath import ANCHORS, FONTS, Op, faux_bold_width, text_bbox, text_ops

Point = tuple[float, float]
BBox = tuple[float, float, float, float]


@dataclass(frozen=True)
class Style:
    """Paint of an item. Colours are palette names or "#rrggbb"; None paints nothing.

    stroke_width is in px before the theme's stroke_scale; dash lists on/off lengths in px;
    opacity applies to the whole item (fill and stroke together, like SVG group opacity).
    """

    fill: str | None = None
    stroke: str | None = "black"
    stroke_width: float = 2.0
    dash: tuple[float, ...] | None = None
    opacity: float = 1.0

    def __post_init__(self) -> None:
        for colour in (self.fill, self.stroke):
            if colour is not None:
                check_colour(colour)
        if not (math.isfinite(self.stroke_width) and self.stroke_width >= 0):
            raise ValueError(f"bad stroke_width {self.stroke_width!r}")
        if not (math.isfinite(self.opacity) and 0.0 <= self.opacity <= 1.0):
            raise ValueError(f"bad opacity {self.opacity!r}: must be in [0, 1]")
        if self.dash is not None:
            dash = tuple(float(d) for d in self.dash)
            if not dash or any(not math.isfinite(d) or d < 0 for d in dash) or sum(dash) <= 0:
                raise ValueError(f"bad dash {self.dash!r}")
            object.__setattr__(self, "dash", dash)


DEFAULT_STYLE = Style()


class _Item:
    """Shared validation: every number must be finite and becomes a float (a spec may compute
    a coordinate as an int or a Fraction; the renderers format floats); point lists become
    tuples. Numbers stay within +-limits.MAX_COORD: drawing cost grows with size (sketch
    jitter, dash patterns), and nothing that far off the canvas can be seen."""

    def __post_init__(self) -> None:
        for f in fields(self):  # type: ignore[arg-type]
            value = getattr(self, f.name)
            if f.name == "points":
                pts = tuple((float(p[0]), float(p[1])) for p in value)
                if not all(
                    math.isfinite(v) and -MAX_COORD <= v <= MAX_COORD for p in pts for v in p
                ):
                    if all(math.isfinite(v) for p in pts for v in p):
                        raise ResourceLimit(
                            f"{type(self).__name__}: a point beyond the limit of {MAX_COORD:g} px"
                        )
                    raise ValueError(f"{type(self).__name__}: non-finite point in {value!r}")
                object.__setattr__(self, "points", pts)
            elif isinstance(value, numbers.Real) and not isinstance(value, bool):
                if not math.isfinite(value):
                    raise ValueError(f"{type(self).__name__}.{f.name} is not finite: {value!r}")
                if not -MAX_COORD <= value <= MAX_COORD:
                    raise ResourceLimit(
                        f"{type(self).__name__}.{f.name} of {float(value):g} exceeds the limit "
                        f"of {MAX_COORD:g}"
                    )
                if type(value) is not float:
                    object.__setattr__(self, f.name, float(value))


@dataclass(frozen=True)
class Rect(_Item):
    x: float
    y: float
    w: float
    h: float
    rx: float = 0.0  # corner radius
    style: Style = DEFAULT_STYLE


@dataclass(frozen=True)
class Circle(_Item):
    cx: float
    cy: float
    r: float
    style: Style = DEFAULT_STYLE


@dataclass(frozen=True)
class Ellipse(_Item):
    cx: float
    cy: float
    rx: float
    ry: float
    style: Style = DEFAULT_STYLE


@dataclass(frozen=True)
class Polygon(_Item):
    points: tuple[Point, ...]
    style: Style = DEFAULT_STYLE


@dataclass(frozen=True)
class Polyline(_Item):
    points: tuple[Point, ...]
    arrow: bool = False  # arrowhead at the last point
    style: Style = DEFAULT_STYLE


@dataclass(frozen=True)
class Line(_Item):
    x1: float
    y1: float
    x2: float
    y2: float
    arrow: bool = False  # arrowhead at (x2, y2)
    style: Style = DEFAULT_STYLE


@dataclass(frozen=True)
class Wedge(_Item):
    """Pie slice from start_deg clockwise to end_deg (end - start >= 360 is a full disc)."""

    cx: float
    cy: float
    r: float
    start_deg: float
    end_deg: float
    style: Style = DEFAULT_STYLE


@dataclass(frozen=True)
class Arc(_Item):
    """Open circular arc from start_deg clockwise to end_deg."""

    cx: float
    cy: float
    r: float
    start_deg: float
    end_deg: float
    style: Style = DEFAULT_STYLE


@dataclass(frozen=True)
class Text(_Item):
    """A label. (x, y): y is the vertical CENTRE of the text (half the cap height above the
    baseline), x is placed by `anchor`. Drawn filled with style.fill, or with style.stroke's
    colour when fill is None (so the default Style gives black text); never outlined.
    font "sans" means "the theme's font" (themes may swap it for serif); serif/mono are kept.
    """

    x: float
    y: float
    text: str
    size: float = 16
    anchor: Literal["start", "middle", "end"] = "middle"
    font: Literal["sans", "serif", "mono"] = "sans"
    bold: bool = False
    style: Style = DEFAULT_STYLE
    # Reflected in place, about the centre of its ink box (which therefore does not move):
    # `mirror` left-right, `flip` top-bottom; both together are a half turn.
    mirror: bool = False
    flip: bool = False

    def __post_init__(self) -> None:
        super().__post_init__()
        if not isinstance(self.text, str):
            raise ValueError(f"Text.text must be a str, got {self.text!r}")
        if len(self.text) > limits.MAX_TEXT:
            raise ResourceLimit(
                f"text of {len(self.text)} characters exceeds the limit of {limits.MAX_TEXT}"
            )
        if self.anchor not in ANCHORS:
            raise ValueError(f"bad anchor {self.anchor!r}")
        if self.font not in FONTS:
            raise ValueError(f"bad font {self.font!r}")
        if self.size <= 0:
            raise ValueError(f"bad text size {self.size!r}")


Item = Rect | Circle | Ellipse | Polygon | Polyline | Line | Wedge | Arc | Text
ITEM_TYPES = (Rect, Circle, Ellipse, Polygon, Polyline, Line, Wedge, Arc, Text)


@dataclass
class Scene:
    """A canvas of `width` x `height` px with a background colour and stacked items."""

    width: int = 512
    height: int = 512
    background: str = "white"
    items: list[tuple[Item, str | None]] = field(default_factory=list)
    # What add() has let in so far, against the caps of tron.limits.
    _points: int = field(default=0, repr=False, compare=False)
    _chars: int = field(default=0, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.width <= 0 or self.height <= 0:
            raise ValueError(f"bad scene size {self.width}x{self.height}")
        check_colour(self.background)

    def add(self, item: Item, key: str | None = None) -> None:
        """Append `item` on top. `key` names the logical object it belongs to (several items
        may share a key); unkeyed items still hide what lies under them."""
        if not isinstance(item, ITEM_TYPES):
            raise TypeError(f"not a scene item: {item!r}")
        if key is not None and not isinstance(key, str):
            raise TypeError(f"key must be a str or None, got {key!r}")
        if len(self.items) >= limits.MAX_ITEMS:
            raise ResourceLimit(f"scene of over {limits.MAX_ITEMS} items exceeds the limit")
        if isinstance(item, Polygon | Polyline):
            self._points += len(item.points)
            if self._points > limits.MAX_POINTS:
                raise ResourceLimit(f"scene exceeds the limit of {limits.MAX_POINTS} points")
        elif isinstance(item, Text):
            self._chars += len(item.text)
            if self._chars > limits.MAX_SCENE_TEXT:
                raise ResourceLimit(
                    f"scene exceeds the limit of {limits.MAX_SCENE_TEXT} characters of text"
                )
        self.items.append((item, key))

    def keys(self) -> list[str]:
        """Distinct keys in order of first appearance (id_buffer value i+1 is keys()[i])."""
        seen: dict[str, None] = {}
        for _, key in self.items:
            if key is not None:
                seen.setdefault(key, None)
        return list(seen)

    def bbox(self, item: Item, stroke_scale: float = 1.0, font: str | None = None) -> BBox:
        """Painted extents (x0, y0, x1, y1), including half the stroke width and arrowheads;
        text uses real glyph extents. Pass a theme's stroke_scale/font for exact numbers."""
        return item_bbox(item, stroke_scale, font)

    def clipped(self, item: Item, margin: float = 0.0) -> bool:
        """True if any part of `item` lies within `margin` px of the canvas edge or beyond."""
        x0, y0, x1, y1 = self.bbox(item)
        return x0 < margin or y0 < margin or x1 > self.width - margin or y1 > self.height - margin


# ---- geometry shared by the renderers --------------------------------------------------------


@dataclass(frozen=True)
class Piece:
    """One paint operation: fill then stroke the outline `ops` (colours still unresolved)."""

    ops: tuple[Op, ...]
    fill: str | None
    stroke: str | None
    width: float
    dash: tuple[float, ...] | None = None
    sketchable: bool = True  # False for text: it stays crisp in hand-drawn themes


_K = 4 / 3  # cubic Bezier arc constant factor: k = 4/3 tan(theta/4)


def _at(cx: float, cy: float, rx: float, ry: float, deg: float) -> Point:
    a = math.radians(deg)
    return (cx + rx * math.sin(a), cy - ry * math.cos(a))


def _arc_ops(cx: float, cy: float, rx: float, ry: float, start: float, sweep: float) -> list[Op]:
    """Cubic segments (<= 90 degrees each) of an elliptical arc, clockwise; no initial move."""
    n = max(1, math.ceil(abs(sweep) / 90 - 1e-9))
    step = sweep / n
    k = _K * math.tan(math.radians(step) / 4)
    out: list[Op] = []
    for i in range(n):
        a0, a1 = math.radians(start + i * step), math.radians(start + (i + 1) * step)
        x0, y0 = cx + rx * math.sin(a0), cy - ry * math.cos(a0)
        x3, y3 = cx + rx * math.sin(a1), cy - ry * math.cos(a1)
        # Tangent of (sin a, -cos a) is (cos a, sin a), scaled per axis.
        c1 = (x0 + k * rx * math.cos(a0), y0 + k * ry * math.sin(a0))
        c2 = (x3 - k * rx * math.cos(a1), y3 - k * ry * math.sin(a1))
        out.append(("C", (c1[0], c1[1], c2[0], c2[1], x3, y3)))
    return out


def sweep_of(start_deg: float, end_deg: float) -> float:
    """Clockwise sweep in (0, 360] from start to end; a difference of 0 is an empty arc."""
    diff = end_deg - start_deg
    if diff == 0:
        return 0.0
    if diff >= 360 or diff <= -360:
        return 360.0
    return diff % 360 or 360.0


def _ellipse_ops(cx: float, cy: float, rx: float, ry: float) -> list[Op]:
    # Start at 3 o'clock like SVG's <circle>, so dash patterns begin at the same place.
    return [("M", (cx + rx, cy)), *_arc_ops(cx, cy, rx, ry, 90, 360), ("Z", ())]


def _rect_ops(r: Rect) -> list[Op]:
    x, y, w, h = r.x, r.y, r.w, r.h
    rx = max(0.0, min(r.rx, abs(w) / 2, abs(h) / 2))
    if rx == 0:
        return [
            ("M", (x, y)),
            ("L", (x + w, y)),
            ("L", (x + w, y + h)),
            ("L", (x, y + h)),
            ("Z", ()),
        ]
    ops: list[Op] = [("M", (x + rx, y)), ("L", (x + w - rx, y))]
    ops += _arc_ops(x + w - rx, y + rx, rx, rx, 0, 90)
    ops += [("L", (x + w, y + h - rx))]
    ops += _arc_ops(x + w - rx, y + h - rx, rx, rx, 90, 90)
    ops += [("L", (x + rx, y + h))]
    ops += _arc_ops(x + rx, y + h - rx, rx, rx, 180, 90)
    ops += [("L", (x, y + rx))]
    ops += _arc_ops(x + rx, y + rx, rx, rx, 270, 90)
    return ops + [("Z", ())]


def arrow_length(width: float) -> float:
    return max(9.0, 4.5 * width)


def _with_arrow(pts: list[Point], width: float) -> tuple[list[Point], list[Point] | None]:
    """Shorten the last segment so the round cap hides under the head; return head triangle."""
    while len(pts) >= 2 and pts[-1] == pts[-2]:
        pts = pts[:-1]
    if len(pts) < 2:
        return pts, None
    (x1, y1), (x2, y2) = pts[-2], pts[-1]
    d = math.hypot(x2 - x1, y2 - y1)
    ux, uy = (x2 - x1) / d, (y2 - y1) / d
    length = arrow_length(width)
    half = 0.45 * length
    base = (x2 - ux * length, y2 - uy * length)
    head = [
        (x2, y2),
        (base[0] - uy * half, base[1] + ux * half),
        (base[0] + uy * half, base[1] - ux * half),
    ]
    back = min(d, 0.8 * length)
    return pts[:-1] + [(x2 - ux * back, y2 - uy * back)], head


def _poly_ops(pts: list[Point] | tuple[Point, ...], close: bool) -> list[Op]:
    if not pts:
        return []
    ops: list[Op] = [("M", pts[0])] + [("L", p) for p in pts[1:]]
    return ops + [("Z", ())] if close else ops


def effective_font(item: Text, font: str | None) -> str:
    """The font a Text is drawn in when the theme's font is `font` (replaces "sans" only)."""
    return font if (font is not None and item.font == "sans") else item.font


def item_pieces(item: Item, stroke_scale: float = 1.0, font: str | None = None) -> list[Piece]:
    """Outline paths painting `item`; stroke widths already multiplied by `stroke_scale`."""
    st = item.style
    w = st.stroke_width * stroke_scale
    stroke = st.stroke if w > 0 else None

    def one(ops: list[Op], fill: str | None, line: str | None) -> list[Piece]:
        if not ops or (fill is None and line is None):
            return []
        return [Piece(tuple(ops), fill, line, w, st.dash)]

    if isinstance(item, Rect):
        return one(_rect_ops(item), st.fill, stroke)
    if isinstance(item, Circle):
        return one(_ellipse_ops(item.cx, item.cy, item.r, item.r), st.fill, stroke)
    if isinstance(item, Ellipse):
        return one(_ellipse_ops(item.cx, item.cy, item.rx, item.ry), st.fill, stroke)
    if isinstance(item, Polygon):
        return one(_poly_ops(item.points, True), st.fill, stroke)
    if isinstance(item, Polyline | Line):
        pts = (
            list(item.points)
            if isinstance(item, Polyline)
            else [(item.x1, item.y1), (item.x2, item.y2)]
        )
        head = None
        if item.arrow and stroke is not None:
            pts, head = _with_arrow(pts, w)
        out = one(_poly_ops(pts, False), st.fill if isinstance(item, Polyline) else None, stroke)
        if head is not None:
            out.append(Piece(tuple(_poly_ops(head, True)), stroke, None, 0.0))
        return out
    if isinstance(item, Wedge | Arc):
        sweep = sweep_of(item.start_deg, item.end_deg)
        if sweep == 0 or item.r <= 0:
            return []
        start = _at(item.cx, item.cy, item.r, item.r, item.start_deg)
        arc = _arc_ops(item.cx, item.cy, item.r, item.r, item.start_deg, sweep)
        if isinstance(item, Arc):
            return one([("M", start), *arc], None, stroke)
        if sweep >= 360:
            return one([("M", start), *arc, ("Z", ())], st.fill, stroke)
        return one([("M", (item.cx, item.cy)), ("L", start), *arc, ("Z", ())], st.fill, stroke)
    if isinstance(item, Text):
        colour = st.fill if st.fill is not None else st.stroke
        if colour is None or not item.text:
            return []
        f = effective_font(item, font)
        ops = text_ops(
            item.text, item.x, item.y, item.size, item.anchor, f, item.bold, item.mirror, item.flip
        )
        bold_w = faux_bold_width(item.size, f, item.bold)
        if not ops:
            return []
        return [Piece(tuple(ops), colour, colour if bold_w else None, bold_w, None, False)]
    raise TypeError(f"not a scene item: {item!r}")


def union_bbox(items: Iterable[Item]) -> BBox:
    """The painted extents (x0, y0, x1, y1) of several items together (at least one)."""
    boxes = [item_bbox(it) for it in items]
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def item_bbox(item: Item, stroke_scale: float = 1.0, font: str | None = None) -> BBox:
    """See Scene.bbox."""
    pad = item.style.stroke_width * stroke_scale / 2 if item.style.stroke is not None else 0.0
    pts: list[Point]
    if isinstance(item, Text):
        f = effective_font(item, font)
        return text_bbox(item.text, item.x, item.y, item.size, item.anchor, f, item.bold)
    if isinstance(item, Rect):
        pts = [(item.x, item.y), (item.x + item.w, item.y + item.h)]
    elif isinstance(item, Circle):
        pts = [(item.cx - item.r, item.cy - item.r), (item.cx + item.r, item.cy + item.r)]
    elif isinstance(item, Ellipse):
        pts = [(item.cx - item.rx, item.cy - item.ry), (item.cx + item.rx, item.cy + item.ry)]
    elif isinstance(item, Polygon | Polyline | Line):
        pts = (
            list(item.points)
            if not isinstance(item, Line)
            else [(item.x1, item.y1), (item.x2, item.y2)]
        )
        if not isinstance(item, Polygon) and item.arrow and item.style.stroke is not None:
            _, head = _with_arrow(list(pts), item.style.stroke_width * stroke_scale)
            pts += head or []
    else:  # Wedge | Arc: endpoints, the centre for a wedge, and every cardinal point crossed
        sweep = sweep_of(item.start_deg, item.end_deg)
        pts = [_at(item.cx, item.cy, item.r, item.r, item.start_deg)]
        pts.append(_at(item.cx, item.cy, item.r, item.r, item.start_deg + sweep))
        if isinstance(item, Wedge):
            pts.append((item.cx, item.cy))
        first = math.ceil(item.start_deg / 90) * 90
        for deg in range(int(first), int(item.start_deg + sweep) + 1, 90):
            if deg <= item.start_deg + sweep:
                pts.append(_at(item.cx, item.cy, item.r, item.r, deg))
    if not pts:
        return (0.0, 0.0, 0.0, 0.0)
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return (min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad)
