"""Components stay on the canvas, carry their subkeys and draw into a scene."""

from __future__ import annotations

from hypothesis import strategies as st

from tron import stdlib as rt
from tron.render.scene import Scene
from tron.stdlib.component import Component, draw

WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJ", min_size=1, max_size=12)


def inside_canvas(comp: Component) -> None:
    x0, y0, x1, y1 = comp.bbox()
    assert x0 >= 0 and y0 >= 0 and x1 <= 512 and y1 <= 512, comp.bbox()


def test_draw_into_scene() -> None:
    scene = Scene()
    comp = rt.bar_chart(["a", "b"], [3, 5])
    draw(scene, "chart", comp)
    keys = scene.keys()
    assert "chart/bar0" in keys and "chart/bar1" in keys and "chart" in keys
    assert len(scene.items) == len(comp.items)
