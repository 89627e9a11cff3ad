"""Exact spec values (Fractions from the language's `/`) are valid scene coordinates."""

from fractions import Fraction

from tron.render.cairo_raster import id_buffer, to_image
from tron.render.scene import Circle, Scene, Style, Text
from tron.render.svg import to_svg
from tron.render.themes import THEMES


def test_fraction_coordinates_render_like_floats():
    exact, approx = Scene(), Scene()
    exact.add(Circle(Fraction(400, 3), Fraction(100), Fraction(20), style=Style(fill="red")), "a")
    approx.add(Circle(400 / 3, 100.0, 20.0, style=Style(fill="red")), "a")
    for s in (exact, approx):
        s.add(Text(Fraction(256), 300, "hi"), "b")
    for theme in THEMES.values():
        assert to_svg(exact, theme, seed=1) == to_svg(approx, theme, seed=1)
    assert to_image(exact, THEMES["clean"]).tobytes() == to_image(approx, THEMES["clean"]).tobytes()
    assert (id_buffer(exact) == id_buffer(approx)).all()
