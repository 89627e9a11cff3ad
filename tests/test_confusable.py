"""The `names` rule's reading of shapes (tron.quality.confusable): a question naming "square"
beside a turned square, measured on drawn polygons."""

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from tron.quality.confusable import confusable_problems, square_turn
from tron.render.scene import Ellipse, Polygon, Scene, Style


def square(cx, cy, half_diag, turn_deg, fill="red"):
    pts = tuple(
        (
            cx + half_diag * math.cos(math.radians(turn_deg + 45 + 90 * k)),
            cy + half_diag * math.sin(math.radians(turn_deg + 45 + 90 * k)),
        )
        for k in range(4)
    )
    return Polygon(pts, Style(fill=fill, stroke=None))


@settings(max_examples=300, deadline=None)
@given(st.floats(0, 360), st.floats(15, 80))
def test_a_square_is_read_as_a_diamond_once_turned_past_the_tolerance(turn, size):
    scene = Scene()
    scene.add(square(256, 256, size, turn), "s")
    off_upright = min(turn % 90, 90 - turn % 90)
    assert math.isclose(square_turn(scene.items[0][0].points), off_upright, abs_tol=1e-6)
    flagged = confusable_problems("Where is the square?", scene) != []
    if abs(off_upright - 5) > 1e-6:
        assert flagged == (off_upright > 5)


def test_a_colour_named_with_the_shape_picks_out_one_object():
    scene = Scene()
    scene.add(square(100, 100, 30, 0, "red"), "a")
    scene.add(square(300, 100, 30, 45, "blue"), "b")
    assert confusable_problems("Is the red square left of the star?", scene) == []
    assert confusable_problems("Is the blue square left of the star?", scene) != []
    assert confusable_problems("How many squares are there?", scene) != []


def test_units_marks_definitions_and_both_names_are_not_reported():
    scene = Scene()
    scene.add(square(300, 100, 30, 45), "b")
    assert confusable_problems("What is the area in square centimetres?", scene) == []
    assert confusable_problems("Count the squares, the shapes with four sides.", scene) == []
    assert confusable_problems("Is it a square or a diamond?", scene) == []
    marks = Scene()
    marks.add(square(300, 100, 8, 30), "m")  # a right-angle box, 11 px a side
    assert confusable_problems("A small square marks the right angle.", marks) == []
    decor = Scene()
    decor.add(square(300, 100, 30, 45), None)
    assert confusable_problems("Where is the square?", decor) == []


def test_a_nearly_round_ellipse_beside_a_named_circle():
    scene = Scene()
    scene.add(Ellipse(100, 100, 30, 27), "e")
    assert confusable_problems("How many circles are there?", scene) != []
    flat = Scene()
    flat.add(Ellipse(100, 100, 30, 15), "e")
    assert confusable_problems("How many circles are there?", flat) == []
