"""The nameable colour palette and strict colour parsing.

Scenes name colours ("red") or give an exact "#rrggbb". Named colours are chosen far apart so
a model can name them unambiguously; a theme may shift each shade slightly (see themes.py) and
`resolve` turns a name into the theme's hex value.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tron.render.themes import Theme

RGB = tuple[int, int, int]

# Base shades: mutually far apart in CIELAB (checked by tests in every theme).
COLOURS: dict[str, RGB] = {
    "red": (220, 30, 30),
    "orange": (245, 135, 15),
    "yellow": (245, 215, 25),
    "green": (35, 155, 55),
    "blue": (30, 90, 225),
    "purple": (135, 55, 190),
    "pink": (245, 115, 185),
    "brown": (130, 80, 35),
    "gray": (135, 135, 135),
    "black": (0, 0, 0),
    "white": (255, 255, 255),
}

# Colours a question may ask about (white is kept for backgrounds only).
NAMEABLE: tuple[str, ...] = tuple(name for name in COLOURS if name != "white")

_HEX = re.compile(r"#[0-9a-fA-F]{6}")


def is_colour(colour: object) -> bool:
    """True for a palette name or a strict "#rrggbb" string."""
    return isinstance(colour, str) and (colour in COLOURS or _HEX.fullmatch(colour) is not None)


def check_colour(colour: object) -> str:
    """Return `colour` unchanged if valid, else raise ValueError naming the bad value."""
    if not is_colour(colour):
        raise ValueError(
            f"bad colour {colour!r}: use a palette name ({', '.join(COLOURS)}) or '#rrggbb'"
        )
    assert isinstance(colour, str)
    return colour


def to_hex(rgb: RGB) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def to_rgb(hex_colour: str) -> RGB:
    check_colour(hex_colour)
    if hex_colour in COLOURS:
        return COLOURS[hex_colour]
    return (int(hex_colour[1:3], 16), int(hex_colour[3:5], 16), int(hex_colour[5:7], 16))


def resolve(colour: str, theme: Theme | None = None) -> str:
    """Palette name or "#rrggbb" -> lowercase "#rrggbb" under `theme` (base palette if None)."""
    check_colour(colour)
    if colour in COLOURS:
        if theme is not None and colour in theme.palette:
            return theme.palette[colour]
        return to_hex(COLOURS[colour])
    return colour.lower()


def _lab(rgb: RGB) -> tuple[float, float, float]:
    """sRGB (D65) -> CIELAB, the standard formulas."""

    def lin(c: int) -> float:
        v = c / 255.0
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (lin(c) for c in rgb)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def delta_e(a: str, b: str) -> float:
    """CIE76 colour difference between two colours (names or hex); > ~20 is clearly distinct."""
    la, lb = _lab(to_rgb(a)), _lab(to_rgb(b))
    return math.dist(la, lb)
