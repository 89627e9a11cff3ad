"""The direction and ranking margins of `layout` (tron.quality.relations), against geometry
built independently of the measuring code."""

import math

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tron.quality.relations import item_area, relation_breaks
from tron.render.scene import Circle, Line, Polygon, Rect, Scene, Style, Text, Wedge

FILL = Style(fill="black", stroke=None)


@settings(max_examples=300, deadline=None)
@given(st.floats(0, 2 * math.pi), st.floats(40, 200), st.integers(1, 4))
def test_straight_from_fails_exactly_when_the_angle_is_near_a_diagonal(angle, dist, ratio):
    """An offset at angle t from an axis is dominated ratio : 1 iff tan(t) <= 1 / ratio."""
    scene = Scene()
    scene.add(Circle(256, 256, 8, FILL), "a")
    scene.add(Circle(256 + dist * math.cos(angle), 256 + dist * math.sin(angle), 8, FILL), "b")
    off_axis = min(abs(math.tan(angle)), abs(1 / math.tan(angle)) if math.tan(angle) else math.inf)
    assume(abs(off_axis - 1 / ratio) > 1e-6)
    broken = relation_breaks(scene, "b", "straight_from", "a", ratio, "") != []
    assert broken == (off_axis > 1 / ratio)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.floats(20, 220), min_size=2, max_size=6, unique=True), st.integers(0, 40))
def test_nearest_and_farthest_lead_by_the_gap_between_the_two_best(dists, margin):
    scene = Scene()
    scene.add(Circle(256, 256, 5, FILL), "star")
    for i, d in enumerate(dists):  # each disc at its own distance, on its own bearing
        a = 2 * math.pi * i / len(dists)
        scene.add(Circle(256 + d * math.cos(a), 256 + d * math.sin(a), 5, FILL), f"disc.{i}")
        scene.add(Text(256 + d * math.cos(a) + 90, 256, f"{i}", 12), f"disc.{i}")  # ignored
    ranked = sorted(dists)
    near_gap, far_gap = ranked[1] - ranked[0], ranked[-1] - ranked[-2]
    assume(abs(near_gap - margin) > 1e-6 and abs(far_gap - margin) > 1e-6)
    near = relation_breaks(scene, "disc", "nearest_to", "star", margin, "")
    far = relation_breaks(scene, "disc", "farthest_from", "star", margin, "")
    assert (near != []) == (near_gap < margin)
    assert (far != []) == (far_gap < margin)
    if near:
        assert near[0][0] == f"disc.{dists.index(ranked[0])}"
    pct = relation_breaks(scene, "disc", "nearest_to", "star", margin, "%")
    assume(abs(100 * near_gap / ranked[0] - margin) > 1e-6)
    assert (pct != []) == (100 * near_gap / ranked[0] < margin)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.tuples(st.floats(40, 470), st.floats(40, 470)), min_size=3, max_size=3),
)
def test_polygon_area_matches_a_pixel_count(pts):
    """The shoelace area against counting the centres of a fine grid inside the triangle."""
    (ax, ay), (bx, by), (cx, cy) = pts
    twice = abs((bx - ax) * (cy - ay) - (cx - ax) * (by - ay))
    assume(twice > 2000)

    def side(px, py, x1, y1, x2, y2):
        return (x2 - x1) * (py - y1) - (y2 - y1) * (px - x1)

    step, inside = 4, 0
    for gx in range(0, 512, step):
        for gy in range(0, 512, step):
            x, y = gx + step / 2, gy + step / 2
            s = [side(x, y, ax, ay, bx, by), side(x, y, bx, by, cx, cy), side(x, y, cx, cy, ax, ay)]
            inside += all(v >= 0 for v in s) or all(v <= 0 for v in s)
    area = item_area(Polygon(tuple(pts), FILL))
    perimeter = math.dist(pts[0], pts[1]) + math.dist(pts[1], pts[2]) + math.dist(pts[2], pts[0])
    assert abs(area - inside * step * step) <= perimeter * step  # the grid's edge error


def test_a_wedge_is_its_share_of_the_disc():
    assert math.isclose(item_area(Wedge(0, 0, 10, 0, 90, FILL)), math.pi * 100 / 4)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(10, 120), min_size=2, max_size=5), st.integers(1, 60))
def test_largest_and_smallest_compare_areas_of_whole_objects(sides, pct):
    """Each object is two rectangles (component parts): its area is their sum."""
    scene = Scene()
    for i, w in enumerate(sides):
        scene.add(Rect(10 + 100 * i, 10, w, 40, style=FILL), f"box.{i}/top")
        scene.add(Rect(10 + 100 * i, 60, w, 10, style=FILL), f"box.{i}/base")
    areas = sorted(50 * w for w in sides)
    big_lead = 100 * (areas[-1] - areas[-2]) / areas[-2]
    small_lead = 100 * (areas[1] - areas[0]) / areas[0]
    assume(abs(big_lead - pct) > 1e-6 and abs(small_lead - pct) > 1e-6)
    assert (relation_breaks(scene, "box", "largest", "", pct, "%") != []) == (big_lead < pct)
    assert (relation_breaks(scene, "box", "smallest", "", pct, "%") != []) == (small_lead < pct)


def test_longest_measures_lines_and_a_single_object_has_no_rival():
    scene = Scene()
    scene.add(Line(0, 0, 30, 40), "seg.0")  # 50
    scene.add(Line(0, 0, 0, 56), "seg.1")  # 56
    assert relation_breaks(scene, "seg", "longest", "", 10, "") == [
        ("seg.1", "leads seg.0 by 6.0 px (length 56.0 against 50.0)", "6.0 px")
    ]
    assert relation_breaks(scene, "seg", "longest", "", 6, "") == []
    assert relation_breaks(scene, "seg.1", "shortest", "", 50, "") == []


def test_a_reference_that_is_not_one_object_is_reported():
    scene = Scene()
    scene.add(Circle(10, 10, 3, FILL), "disc.0")
    scene.add(Circle(90, 10, 3, FILL), "disc.1")
    (problem,) = relation_breaks(scene, "disc", "nearest_to", "star", 5, "")
    assert problem == ("star", "is not one object to measure from", "0 objects")
