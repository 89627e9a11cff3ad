"""Cross-sections: the named shape of each (solid, cut) case matches the computed cut face."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tron.stdlib.component import Component
from tron.stdlib.sections import SHAPES, section_figure, section_polygon, section_shape

CASES = sorted(SHAPES)


def _sides(p: list[tuple[float, float, float]]) -> list[float]:
    return [math.dist(p[i], p[(i + 1) % len(p)]) for i in range(len(p))]


def _radii(p: list[tuple[float, float, float]]) -> list[float]:
    c = tuple(sum(q[i] for q in p) / len(p) for i in range(3))
    return [math.dist(q, c) for q in p]


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(CASES),
    st.floats(0, 1),
    st.floats(0, 1),
    st.floats(0, 360),
)
def test_named_shape_matches_the_cut_face(
    case: tuple[str, str], u: float, v: float, yaw: float
) -> None:
    solid, cut = case
    poly = section_polygon(solid, cut, u, v, yaw)
    name = section_shape(solid, cut)
    sides = _sides(poly)
    if name == "triangle":
        assert len(poly) == 3
    elif name == "hexagon":
        assert len(poly) == 6
    elif name in ("square", "rectangle"):
        assert len(poly) == 4
        a, b, c, d = sides
        assert math.isclose(a, c, rel_tol=1e-6) and math.isclose(b, d, rel_tol=1e-6)
        diag = math.dist(poly[0], poly[2])
        assert math.isclose(diag**2, a**2 + b**2, rel_tol=1e-6)  # a right angle
        ratio = max(a, b) / min(a, b)
        assert ratio < 1 + 1e-6 if name == "square" else ratio >= 1.2
    else:
        radii = _radii(poly)
        spread = max(radii) / min(radii)
        assert spread < 1.01 if name == "circle" else spread > 1.05


def test_unknown_case_is_an_error() -> None:
    with pytest.raises(ValueError):
        section_shape("sphere", "corner")


@pytest.mark.parametrize("case", CASES)
def test_figure_keys_plane_and_section(case: tuple[str, str]) -> None:
    comp = section_figure(case[0], case[1], 0.5, 0.5, 40.0, 256, 250, 400)
    assert isinstance(comp, Component)
    assert {"plane", "section", "solid"} <= set(comp.subkeys())
