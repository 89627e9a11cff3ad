"""Polycubes and solids: rotations, mirror images, visibility in isometric view, solid counts."""

from __future__ import annotations

import contextlib
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from tron import stdlib as rt


def _dec(codes: list[int]) -> set[tuple[int, int, int]]:
    return {(v // 100, v // 10 % 10, v % 10) for v in codes}


def _connected(codes: list[int]) -> bool:
    cells = _dec(codes)
    start = next(iter(cells))
    seen, todo = {start}, [start]
    while todo:
        a, b, c = todo.pop()
        for d in ((1, 0, 0), (-1, 0, 0), (0, 1, 0), (0, -1, 0), (0, 0, 1), (0, 0, -1)):
            e = (a + d[0], b + d[1], c + d[2])
            if e in cells and e not in seen:
                seen.add(e)
                todo.append(e)
    return seen == cells


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 10), st.integers(2, 4), st.integers(0, 10**6))
def test_random_polycube_is_connected_normalised_and_fits(n: int, span: int, seed: int) -> None:
    n = min(n, span**3)
    p = rt.random_polycube(random.Random(seed), n, span)
    assert len(p) == n and p == sorted(p) and _connected(p)
    cells = _dec(p)
    for i in range(3):
        assert min(v[i] for v in cells) == 0 and max(v[i] for v in cells) < span


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 8), st.integers(0, 10**6), st.integers(0, 2), st.integers(0, 3))
def test_turns_keep_the_shape_and_mirrors_of_chiral_shapes_differ(
    n: int, seed: int, axis: int, k: int
) -> None:
    p = rt.random_polycube(random.Random(seed), n, 3)
    q = rt.polycube_turn(p, axis, k)
    assert len(q) == n and rt.polycube_same(p, q) and rt.polycube_same(q, p)
    assert rt.polycube_turn(q, axis, 4 - k) == p
    m = rt.polycube_mirror(p)
    assert rt.polycube_mirror(m) == p
    # a mirror image is a rotation exactly when the shape has a mirror symmetry of some kind
    assert rt.polycube_same(p, m) == rt.polycube_same(m, p)


def test_a_chiral_tetracube_is_not_its_mirror_image() -> None:
    # the left-handed screw tetracube
    screw = rt.normalise_voxels([0, 100, 110, 111])
    assert not rt.polycube_same(screw, rt.polycube_mirror(screw))
    ell = rt.normalise_voxels([0, 100, 200, 210])  # flat L: its mirror is a turn of it
    assert rt.polycube_same(ell, rt.polycube_mirror(ell))


def test_visible_parts_of_a_cube_and_of_one_hidden_behind_it() -> None:
    assert rt.voxel_visible_parts([0]) == [6]
    # (1,1,1) sits straight in front of (0,0,0) along the view: the back cube is hidden
    assert rt.voxel_visible_parts([0, 111]) == [0, 6]
    # a cube on top of another hides the lower cube's top face only
    assert rt.voxel_visible_parts([0, 1]) == [4, 6]


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 9), st.integers(0, 10**6))
def test_the_frontmost_cube_is_always_fully_visible(n: int, seed: int) -> None:
    p = rt.random_polycube(random.Random(seed), n, 3)
    vis = rt.voxel_visible_parts(p)
    depth = [sum(v) for v in _dec(p)]
    front = max(v // 100 + v // 10 % 10 + v % 10 for v in p)
    assert max(depth) == front
    assert all(vis[i] == 6 for i, v in enumerate(p) if v // 100 + v // 10 % 10 + v % 10 == front)
    assert sum(vis) <= 6 * n


def test_iso_voxels_keys_every_cube() -> None:
    comp = rt.iso_voxels([0, 1, 10], ["red", "blue", "green"], 256, 256, 300)
    assert comp.subkeys() == ["v0", "v1", "v2"] or set(comp.subkeys()) == {"v0", "v1", "v2"}
    x0, y0, x1, y1 = comp.bbox()
    assert max(x1 - x0, y1 - y0) <= 302


def test_solid_counts_follow_euler() -> None:
    expect = {"prism": (5, 9, 6), "pyramid": (4, 6, 4), "bipyramid": (6, 9, 5)}
    for kind, fev in expect.items():
        assert tuple(rt.solid_counts(kind, 3)) == fev
    for kind in ("prism", "pyramid", "bipyramid", "frustum", "antiprism"):
        for n in range(3, 10):
            f, e, v = rt.solid_counts(kind, n)
            assert f - e + v == 2


def test_solid_figure_dashes_some_edges_and_fills_front_faces() -> None:
    comp = rt.solid_figure("prism", 5, 256, 256, 300, 30, 25, "#9fc5e8")
    dashed = [it for it, _ in comp.items if getattr(it.style, "dash", None)]
    faces = [s for s in comp.subkeys() if s.startswith("f")]
    assert dashed and 2 <= len(faces) <= 6


def test_solid_figure_rejects_a_face_seen_edge_on() -> None:
    from tron.stdlib.component import SampleRejected

    outcomes = []
    for yaw in range(0, 360, 3):
        try:
            rt.solid_figure("prism", 4, 256, 256, 300, yaw, 0, "#9fc5e8")
            outcomes.append(True)
        except SampleRejected:
            outcomes.append(False)
    # with no tilt the top and bottom are always edge-on
    assert not any(outcomes)
    drawn = 0
    for yaw in range(0, 72, 2):
        with contextlib.suppress(SampleRejected):
            drawn += bool(rt.solid_figure("pyramid", 5, 256, 256, 300, yaw, 25, "red").items)
    assert 0 < drawn < 36  # some turns show every face, a few put one edge-on


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(["prism", "pyramid", "bipyramid", "frustum", "antiprism"]),
    st.integers(3, 9),
    st.floats(0, 360),
    st.floats(10, 40),
)
def test_visible_face_count_matches_the_filled_faces(
    kind: str, n: int, yaw: float, tilt: float
) -> None:
    from tron.stdlib.component import SampleRejected

    try:
        comp = rt.solid_figure(kind, n, 256, 256, 300, yaw, tilt, "gray")
    except SampleRejected:
        return
    filled = [s for s in comp.subkeys() if s.startswith("f")]
    seen = rt.solid_visible_faces(kind, n, yaw, tilt)
    assert seen == len(filled)
    assert 1 <= seen < rt.solid_counts(kind, n)[0]
