"""Cross-sections of solids: a cube, square pyramid, cylinder, cone or sphere drawn as a
wire frame (hidden edges dashed) with a see-through cutting plane and the cut face shaded.

The cut face is computed, not looked up: the solid is a convex polyhedron (round solids are
fine polygonal approximations, sphere excepted) and the face is where the plane meets its
edges. `section_shape` names the true shape of that face for each (solid, cut) case; the
tests check the names against the computed polygons.
"""

from __future__ import annotations

import math

from tron.render.scene import Line, Polygon, Style
from tron.stdlib._style import paint
from tron.stdlib.component import Component, SampleRejected
from tron.stdlib.registry import stdfn

DOMAIN = "Cross-sections of solids"

Vec = tuple[float, float, float]
ELEV = 22.0  # degrees the viewer looks down
ROUND_SIDES = 72  # sides of the polygons standing in for circles

# The true shape of the cut face for every (solid, cut) case.
SHAPES: dict[tuple[str, str], str] = {
    ("cube", "horizontal"): "square",
    ("cube", "vertical"): "square",
    ("cube", "diagonal"): "rectangle",
    ("cube", "slant"): "rectangle",
    ("cube", "corner"): "triangle",
    ("cube", "hexagon"): "hexagon",
    ("pyramid", "horizontal"): "square",
    ("pyramid", "apex"): "triangle",
    ("pyramid", "apex_diagonal"): "triangle",
    ("cylinder", "horizontal"): "circle",
    ("cylinder", "vertical"): "rectangle",
    ("cylinder", "slant"): "ellipse",
    ("cone", "horizontal"): "circle",
    ("cone", "apex"): "triangle",
    ("cone", "slant"): "ellipse",
    ("sphere", "horizontal"): "circle",
    ("sphere", "slant"): "circle",
}


def _add(p: Vec, q: Vec, k: float = 1.0) -> Vec:
    return (p[0] + k * q[0], p[1] + k * q[1], p[2] + k * q[2])


def _dot(p: Vec, q: Vec) -> float:
    return p[0] * q[0] + p[1] * q[1] + p[2] * q[2]


def _cross(p: Vec, q: Vec) -> Vec:
    return (p[1] * q[2] - p[2] * q[1], p[2] * q[0] - p[0] * q[2], p[0] * q[1] - p[1] * q[0])


def _unit(p: Vec) -> Vec:
    n = math.sqrt(_dot(p, p))
    return (p[0] / n, p[1] / n, p[2] / n)


def _solid(kind: str) -> tuple[list[Vec], list[list[int]]]:
    """Vertices and faces (counter-clockwise seen from outside) of the polyhedral solid."""
    if kind == "cube":
        vs = [(x, y, z) for z in (-1.0, 1.0) for y in (-1.0, 1.0) for x in (-1.0, 1.0)]
        faces = [[0, 2, 3, 1], [4, 5, 7, 6], [0, 1, 5, 4], [2, 6, 7, 3], [0, 4, 6, 2], [1, 3, 7, 5]]
        return vs, faces
    if kind == "pyramid":
        vs = [(-1.0, -1.0, -1.0), (1.0, -1.0, -1.0), (1.0, 1.0, -1.0), (-1.0, 1.0, -1.0)]
        vs.append((0.0, 0.0, 1.2))
        return vs, [[0, 3, 2, 1], [0, 1, 4], [1, 2, 4], [2, 3, 4], [3, 0, 4]]
    n = ROUND_SIDES
    ring = [(math.cos(2 * math.pi * i / n), math.sin(2 * math.pi * i / n)) for i in range(n)]
    if kind == "cylinder":
        vs = [(x, y, -1.3) for x, y in ring] + [(x, y, 1.3) for x, y in ring]
        sides = [[i, (i + 1) % n, n + (i + 1) % n, n + i] for i in range(n)]
        return vs, [list(range(n - 1, -1, -1)), list(range(n, 2 * n)), *sides]
    if kind == "cone":
        vs = [(x, y, -1.2) for x, y in ring] + [(0.0, 0.0, 1.2)]
        return vs, [list(range(n - 1, -1, -1))] + [[i, (i + 1) % n, n] for i in range(n)]
    raise ValueError(f"unknown polyhedral solid {kind!r}")


def _plane(solid: str, cut: str, u: float, v: float, yaw: float) -> tuple[Vec, Vec]:
    """A point on the cutting plane and its unit normal; u and v (0..1) vary the cut."""
    ya = math.radians(yaw)
    # The vertical axis-plane that faces the viewer more squarely.
    face_x = abs(math.cos(ya)) > abs(math.sin(ya))
    facing: Vec = (0.0, 1.0, 0.0) if face_x else (1.0, 0.0, 0.0)
    phi = math.radians(90 - yaw + (v - 0.5) * 60)  # a vertical plane roughly facing the viewer
    side: Vec = (math.cos(phi), math.sin(phi), 0.0)
    if cut == "horizontal":
        lo, hi = {"cone": (-0.7, 0.5), "pyramid": (-0.6, 0.4), "sphere": (-0.6, 0.6)}.get(
            solid, (-0.6, 0.6)
        )
        return (0.0, 0.0, lo + (hi - lo) * u), (0.0, 0.0, 1.0)
    if cut == "vertical" and solid == "cube":
        return _add((0, 0, 0), facing, -0.6 + 1.2 * u), facing
    if cut == "vertical":  # cylinder: a chord plane parallel to the axis
        return _add((0, 0, 0), side, -0.55 + 1.1 * u), side
    if cut == "diagonal":  # cube: vertical, near the diagonal plane that faces the viewer
        n = _unit((1.0, 1.0, 0.0) if math.cos(ya) * math.sin(ya) > 0 else (1.0, -1.0, 0.0))
        return _add((0, 0, 0), n, -0.14 + 0.28 * u), n
    if cut == "slant" and solid == "cube":
        k = int(u * 4) % 4
        n = _unit([(0.0, -1.0, 1.0), (0.0, 1.0, 1.0), (-1.0, 0.0, 1.0), (1.0, 0.0, 1.0)][k])
        return _add((0, 0, 0), n, -0.14 + 0.28 * v), n
    if cut == "slant":
        tilt = math.radians({"cylinder": 25 + 15 * u, "cone": 22 + 13 * u}.get(solid, 25 + 30 * u))
        # Tip the plane sideways on screen, where its slant shows best.
        psi = -ya + (0.0 if v < 0.5 else math.pi) + ((v % 0.5) - 0.25) * 1.2
        n = (math.sin(tilt) * math.cos(psi), math.sin(tilt) * math.sin(psi), math.cos(tilt))
        off = {"cylinder": -0.3 + 0.6 * v, "cone": -0.1 + 0.4 * v, "sphere": -0.5 + v}[solid]
        return (0.0, 0.0, off), n
    if cut == "corner":
        near = [(-1.0, -1.0), (1.0, -1.0), (-1.0, 1.0), (1.0, 1.0)]
        # The three top corners nearest the viewer (the farthest one is behind).
        near.sort(key=lambda c: c[0] * math.sin(ya) + c[1] * math.cos(ya))
        cx, cy = near[int(u * 3) % 3]
        corner = (cx, cy, 1.0)
        n = _unit(corner)
        t = 0.8 + 0.6 * v  # how far along each edge from the corner the cut runs
        return _add(corner, (-cx, 0.0, 0.0), t), n
    if cut == "hexagon":
        k = int(u * 4) % 4
        n = _unit([(1.0, 1.0, 1.0), (-1.0, 1.0, 1.0), (1.0, -1.0, 1.0), (-1.0, -1.0, 1.0)][k])
        return (0.0, 0.0, 0.0), n
    if cut == "apex":
        n = facing if solid == "pyramid" else side
        return (0.0, 0.0, 0.0), n
    if cut == "apex_diagonal":
        n = _unit((1.0, 1.0, 0.0) if math.cos(ya) * math.sin(ya) > 0 else (1.0, -1.0, 0.0))
        return (0.0, 0.0, 0.0), n
    raise ValueError(f"unknown cut {cut!r} of a {solid}")


def _basis(n: Vec) -> tuple[Vec, Vec]:
    a: Vec = (0.0, 0.0, 1.0) if abs(n[2]) < 0.9 else (1.0, 0.0, 0.0)
    e1 = _unit(_cross(a, n))
    return e1, _cross(n, e1)


def section_polygon(solid: str, cut: str, u: float, v: float, yaw: float) -> list[Vec]:
    """The cut face as 3-D points in order around it."""
    c0, n = _plane(solid, cut, u, v, yaw)
    if solid == "sphere":
        d = _dot(c0, n)
        rad = math.sqrt(max(1.44 - d * d, 0.0))
        e1, e2 = _basis(n)
        foot = (n[0] * d, n[1] * d, n[2] * d)
        return [
            _add(_add(foot, e1, rad * math.cos(t)), e2, rad * math.sin(t))
            for t in (2 * math.pi * i / ROUND_SIDES for i in range(ROUND_SIDES))
        ]
    vs, faces = _solid(solid)
    dist = [_dot(_add(p, c0, -1.0), n) for p in vs]
    edges = {tuple(sorted((f[i], f[(i + 1) % len(f)]))) for f in faces for i in range(len(f))}
    pts = [p for p, d in zip(vs, dist, strict=True) if abs(d) < 1e-9]
    for a, b in sorted(edges):
        da, db = dist[a], dist[b]
        if (da < -1e-9 and db > 1e-9) or (db < -1e-9 and da > 1e-9):
            pts.append(_add(vs[a], _add(vs[b], vs[a], -1.0), da / (da - db)))
    uniq: list[Vec] = []
    for p in pts:
        if all(_dot(_add(p, q, -1.0), _add(p, q, -1.0)) > 1e-12 for q in uniq):
            uniq.append(p)
    if len(uniq) < 3:
        raise SampleRejected("the plane misses the solid")
    e1, e2 = _basis(n)
    mid = tuple(sum(p[i] for p in uniq) / len(uniq) for i in range(3))
    centre: Vec = (mid[0], mid[1], mid[2])
    uniq.sort(
        key=lambda p: math.atan2(_dot(_add(p, centre, -1.0), e2), _dot(_add(p, centre, -1.0), e1))
    )
    return uniq


@stdfn("str, str -> str")
def section_shape(solid: str, cut: str) -> str:
    """The true shape ("triangle", "square", "rectangle", "hexagon", "circle" or "ellipse")
    of the face that `section_figure` cuts from `solid` ("cube", "pyramid", "cylinder",
    "cone", "sphere") with `cut` ("horizontal", "vertical", "diagonal", "slant", "corner",
    "hexagon", "apex", "apex_diagonal"); an error for a pair it does not draw."""
    if (solid, cut) not in SHAPES:
        raise ValueError(f"no {cut!r} cut of a {solid!r}")
    return SHAPES[(solid, cut)]


@stdfn("str, str, real, real, real, real, real, real -> Component")
def section_figure(
    solid: str, cut: str, u: float, v: float, yaw: float, cx: float, cy: float, size: float
) -> Component:
    """The solid (see `section_shape`) as a wire frame turned `yaw` degrees, seen from a
    little above and fitted in a `size` px box at (cx, cy): hidden edges dashed, the cutting
    plane drawn see-through (subkey "plane") and the cut face shaded red (subkey "section");
    u and v (0..1) vary where the plane cuts."""
    section_shape(solid, cut)
    ya, el = math.radians(yaw), math.radians(ELEV)
    view: Vec = (-math.sin(ya) * math.cos(el), -math.cos(ya) * math.cos(el), math.sin(el))
    scale = size / 5.2

    def proj(p: Vec) -> tuple[float, float]:
        x = p[0] * math.cos(ya) - p[1] * math.sin(ya)
        depth = p[0] * math.sin(ya) + p[1] * math.cos(ya)
        y = p[2] * math.cos(el) + depth * math.sin(el)
        return (round(cx + scale * x, 2), round(cy - scale * y, 2))

    comp = Component()
    c0, n = _plane(solid, cut, u, v, yaw)
    e1, e2 = _basis(n)
    sec = section_polygon(solid, cut, u, v, yaw)
    mid = tuple(sum(p[i] for p in sec) / len(sec) for i in range(3))
    centre: Vec = (mid[0], mid[1], mid[2])
    half = 1.7
    quad = [
        _add(_add(centre, e1, a * half), e2, b * half)
        for a, b in ((1, 1), (1, -1), (-1, -1), (-1, 1))
    ]
    plane_style = Style(
        fill=paint("#9cc3ea"), stroke=paint("#2f6db5"), stroke_width=1.5, opacity=0.45
    )
    comp.add(Polygon(tuple(proj(p) for p in quad), style=plane_style), "plane")
    sec_style = Style(fill=paint("#e4574f"), stroke=paint("#9b1c16"), stroke_width=2.0, opacity=0.8)
    comp.add(Polygon(tuple(proj(p) for p in sec), style=sec_style), "section")
    solid_line = Style(stroke=paint("black"), stroke_width=2.0)
    hidden_line = Style(stroke=paint("black"), stroke_width=1.4, dash=(6.0, 4.0))
    if solid == "sphere":
        ring = [
            (1.2 * math.cos(t), 1.2 * math.sin(t), 0.0)
            for t in (2 * math.pi * i / 96 for i in range(97))
        ]
        for i in range(96):
            style = hidden_line if _dot(ring[i], view) < 0 else solid_line
            if style is solid_line or i % 2 == 0:
                a, b = proj(ring[i]), proj(ring[i + 1])
                comp.add(
                    Line(
                        a[0], a[1], b[0], b[1], style=Style(stroke=paint("black"), stroke_width=1.4)
                    ),
                    "solid",
                )
        outline = [
            (cx + scale * 1.2 * math.cos(t), cy + scale * 1.2 * math.sin(t))
            for t in (2 * math.pi * i / 96 for i in range(96))
        ]
        comp.add(
            Polygon(
                tuple((round(x, 2), round(y, 2)) for x, y in outline),
                style=Style(fill=None, stroke=paint("black"), stroke_width=2.0),
            ),
            "solid",
        )
        return comp
    vs, faces = _solid(solid)
    front = [
        _dot(_cross(_add(vs[f[1]], vs[f[0]], -1.0), _add(vs[f[2]], vs[f[1]], -1.0)), view) > 0
        for f in faces
    ]
    touch: dict[tuple[int, int], list[int]] = {}
    for k, f in enumerate(faces):
        for i in range(len(f)):
            touch.setdefault(
                (min(f[i], f[(i + 1) % len(f)]), max(f[i], f[(i + 1) % len(f)])), []
            ).append(k)
    for (ia, ib), fs in sorted(touch.items()):
        shown = [front[k] for k in fs]
        # On a round solid only the rims and the outline (a front face beside a back face) count.
        if (
            solid in ("cylinder", "cone")
            and len(faces[fs[0]]) < 5
            and len(faces[fs[1]]) < 5
            and shown[0] == shown[1]
        ):
            continue
        style = solid_line if any(shown) else hidden_line
        pa, pb = proj(vs[ia]), proj(vs[ib])
        comp.add(Line(pa[0], pa[1], pb[0], pb[1], style=style), "solid")
    return comp
