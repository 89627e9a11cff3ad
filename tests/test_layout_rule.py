"""The `layout` rule's geometry (tron.quality.layout) against brute-force measurements."""

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from tron.quality.layout import clear_gap, extent, inside_slack, layout_breaks, outline
from tron.render.scene import Circle, Polygon, Rect, Scene, Style

coord = st.floats(60, 450)
radius = st.floats(2, 40)
NO_STROKE = Style(fill="black", stroke=None)
THIN = Style(fill=None, stroke="gray", stroke_width=2)


def ring_polygon(cx: float, cy: float, r: float, n: int = 720) -> Polygon:
    pts = tuple(
        (cx + r * math.cos(2 * math.pi * k / n), cy + r * math.sin(2 * math.pi * k / n))
        for k in range(n)
    )
    return Polygon(pts, THIN)


@settings(max_examples=200, deadline=None)
@given(coord, coord, radius, st.floats(60, 200), st.floats(-1, 1), st.floats(-1, 1))
def test_circle_container_matches_a_fine_polygon(x, y, r, big, dx, dy):
    """A circle and its 720-gon measure the same slack and gap (to the polygon's sagitta)."""
    sub = extent(Circle(256 + dx * big, 256 + dy * big, r, NO_STROKE))
    ring = outline(Circle(256, 256, big, THIN))
    poly = outline(ring_polygon(256, 256, big))
    assert ring is not None and poly is not None
    assert math.isclose(inside_slack(sub, ring), inside_slack(sub, poly), abs_tol=0.01)
    assert math.isclose(clear_gap(sub, ring), clear_gap(sub, poly), abs_tol=0.01)


@settings(max_examples=200, deadline=None)
@given(coord, coord, st.floats(4, 80), st.floats(4, 80), coord, coord, st.floats(30, 200))
def test_box_gap_to_a_circle_is_the_least_distance_of_its_boundary(x, y, w, h, cx, cy, r):
    box = Rect(x, y, w, h, style=NO_STROKE)
    gap = clear_gap(extent(box), outline(Circle(cx, cy, r, THIN)))
    steps = 200
    edge = [(x + w * i / steps, y) for i in range(steps + 1)] + [
        (x + w * i / steps, y + h) for i in range(steps + 1)
    ]
    edge += [(x, y + h * i / steps) for i in range(steps + 1)] + [
        (x + w, y + h * i / steps) for i in range(steps + 1)
    ]
    dists = [math.dist(p, (cx, cy)) for p in edge]
    meets = min(dists) <= r <= max(dists) or math.dist((cx, cy), (x + w / 2, y + h / 2)) < 1e-9
    brute = 0.0 if meets else min(abs(d - r) for d in dists)
    # a box wholly inside the circle is measured to its farthest corner, the others to the
    # nearest point: both are the distance of the boundary to the ring
    assert math.isclose(gap, brute - 1.0, abs_tol=0.6)


@settings(max_examples=200, deadline=None)
@given(coord, coord, radius, st.floats(0, 10))
def test_a_disc_inside_a_box_by_the_margin_passes_and_one_past_it_fails(x, y, r, m):
    box = outline(Rect(40, 40, 400, 400, style=THIN))
    sub = extent(Circle(x, y, r, NO_STROKE))
    room = min(x - 40, 440 - x, y - 40, 440 - y) - r - 1  # the box's stroke reaches 1 px in
    assert math.isclose(inside_slack(sub, box), room, abs_tol=1e-6)


def test_breaks_name_the_subject_and_the_container():
    scene = Scene()
    scene.add(Circle(256, 256, 100, THIN), "ring")
    scene.add(Circle(356, 256, 5, NO_STROKE), "dot.0")  # on the ring
    scene.add(Circle(256, 256, 5, NO_STROKE), "dot.1")  # at the centre, 95 px clear
    scene.add(Circle(100, 100, 5, NO_STROKE), "dotty")  # another key, not a dot
    ((key, holder, px),) = layout_breaks(scene, "dot", "clears", "ring", 4)
    assert (key, holder) == ("dot.0", "ring") and px < 0
    assert layout_breaks(scene, "dot", "inside", "ring", 4) == [("dot.0", "ring", px)]


def test_a_key_names_its_loop_items_and_component_parts_only():
    from tron.quality.layout import keyed

    scene = Scene()
    for key in ("dot", "dot.3", "dot/part", "dotty", "ring.dot"):
        scene.add(Circle(100, 100, 5, NO_STROKE), key)
    assert [k for k, _ in keyed(scene, "dot")] == ["dot", "dot.3", "dot/part"]
