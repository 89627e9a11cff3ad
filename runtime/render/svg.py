"""Scene -> canonical SVG 1.1 text.

The output is byte-identical for the same (scene, theme, seed) in any process on any machine:
numbers go through one fixed formatter (textpath.fmt), attributes are written in a fixed
order, text is drawn as glyph outlines (no machine fonts), and sketch jitter comes only from a
local random.Random(seed). Every string that reaches the SVG is XML-escaped.

In clean themes simple shapes are written as native elements (<rect>, <circle>, ...) so the
SVG stays readable for structural oracles; everything else is a <path>.
"""

from __future__ import annotations

import re

from tron.render.colours import resolve
from tron.render.scene import Circle, Ellipse, Item, Line, Polygon, Polyline, Rect, Scene, Text
from tron.render.textpath import fmt, path_data
from tron.render.themes import Paint, Theme, prepare

# Characters XML 1.0 cannot carry at all (even escaped), including lone surrogates.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_TEXT_ESC = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# In attributes also quotes, and whitespace control chars (parsers would fold them to spaces).
_ATTR_ESC = {**_TEXT_ESC, '"': "&quot;", "'": "&apos;", "\t": "&#9;", "\n": "&#10;", "\r": "&#13;"}


def xml_text(s: str) -> str:
    """Escape `s` for XML character data; characters XML cannot hold become U+FFFD."""
    s = _NOT_XML.sub("\ufffd", s)
    return "".join(_TEXT_ESC.get(c, c) for c in s)


def xml_attr(s: str) -> str:
    """Escape `s` for a double-quoted XML attribute value."""
    s = _NOT_XML.sub("\ufffd", s)
    return "".join(_ATTR_ESC.get(c, c) for c in s)


def _paint_attrs(p: Paint) -> str:
    attrs = f' fill="{p.fill or "none"}"'
    if p.stroke is not None and p.width > 0:
        attrs += f' stroke="{p.stroke}" stroke-width="{fmt(p.width)}"'
        if p.dash:
            attrs += f' stroke-dasharray="{",".join(fmt(d) for d in p.dash)}"'
    return attrs


def _points(pts: tuple[tuple[float, float], ...]) -> str:
    return " ".join(f"{fmt(x)},{fmt(y)}" for x, y in pts)


def _native(item: Item, p: Paint) -> str | None:
    """A native element for simple shapes, or None when a <path> is needed."""
    a = _paint_attrs(p)
    if isinstance(item, Rect) and item.w >= 0 and item.h >= 0:
        r = max(0.0, min(item.rx, item.w / 2, item.h / 2))
        rr = f' rx="{fmt(r)}" ry="{fmt(r)}"' if r > 0 else ""
        geo = f'x="{fmt(item.x)}" y="{fmt(item.y)}" width="{fmt(item.w)}" height="{fmt(item.h)}"'
        return f"<rect {geo}{rr}{a}/>"
    if isinstance(item, Circle) and item.r >= 0:
        return f'<circle cx="{fmt(item.cx)}" cy="{fmt(item.cy)}" r="{fmt(item.r)}"{a}/>'
    if isinstance(item, Ellipse) and item.rx >= 0 and item.ry >= 0:
        geo = f'cx="{fmt(item.cx)}" cy="{fmt(item.cy)}" rx="{fmt(item.rx)}" ry="{fmt(item.ry)}"'
        return f"<ellipse {geo}{a}/>"
    if isinstance(item, Polygon):
        return f'<polygon points="{_points(item.points)}"{a}/>'
    if isinstance(item, Polyline) and not item.arrow:
        return f'<polyline points="{_points(item.points)}"{a}/>'
    if isinstance(item, Line) and not item.arrow:
        geo = f'x1="{fmt(item.x1)}" y1="{fmt(item.y1)}" x2="{fmt(item.x2)}" y2="{fmt(item.y2)}"'
        return f"<line {geo}{a}/>"
    return None


def _item_svg(item: Item, paints: list[Paint], native: bool) -> list[str]:
    if isinstance(item, Text):
        # The outline is what is seen; the string rides along so a reader of the SVG has it.
        label = xml_attr(item.text)
        return [
            f'<path d="{path_data(p.ops)}"{_paint_attrs(p)} aria-label="{label}">'
            f"<title>{xml_text(item.text)}</title></path>"
            for p in paints
        ]
    if native and len(paints) == 1:
        el = _native(item, paints[0])
        if el is not None:
            return [el]
    return [f'<path d="{path_data(p.ops)}"{_paint_attrs(p)}/>' for p in paints]


def to_svg(scene: Scene, theme: Theme, seed: int = 0, keys: bool = False) -> str:
    """Canonical SVG text of `scene` in `theme`. `seed` drives sketch jitter only. With
    `keys`, each keyed item is wrapped in <g data-key="..."> for structural inspection."""
    w, h = fmt(scene.width), fmt(scene.height)
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{w}" height="{h}" '
        f'viewBox="0 0 {w} {h}" preserveAspectRatio="none">',
        f'<rect x="0" y="0" width="{w}" height="{h}" fill="{resolve(scene.background, theme)}"/>',
        '<g stroke-linecap="round" stroke-linejoin="round">',
    ]
    native = theme.sketch == 0
    for item, key, paints in prepare(scene, theme, seed):
        if not paints:
            continue
        body = _item_svg(item, paints, native)
        attrs = ""
        if keys and key is not None:
            attrs += f' data-key="{xml_attr(key)}"'
        if item.style.opacity < 1:
            attrs += f' opacity="{fmt(item.style.opacity)}"'
        if attrs:
            out.append(f"<g{attrs}>" + "".join(body) + "</g>")
        else:
            out.extend(body)
    out += ["</g>", "</svg>", ""]
    return "\n".join(out)
