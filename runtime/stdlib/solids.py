"""Polycubes and solids: free-floating sets of unit cubes (voxels) in isometric view, their
rotations and mirror images, which of them a picture really shows, and convex solids
(prisms, pyramids, ...) drawn with hidden edges dashed.

A voxel is one integer code 100*r + 10*c + z (each 0..9): r runs towards the viewer's front
left, c towards the front right, z up, as in `iso_stacks`. Functions that return a polycube
give it normalised (smallest r, c and z 0) and sorted, so equal lists mean equal shapes.

Isometric view along (1, 1, 1): the point (r, c, z) lands on lattice coordinates
(p, q) = (r - z, c - z), and each cube covers exactly six triangles of that lattice, so which
cube shows in front at each triangle is exact, with no pixel sampling.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence

from tron.render.scene import Line, Polygon, Style
from tron.stdlib._style import shade
from tron.stdlib.component import Component, SampleRejected
from tron.stdlib.registry import stdfn

DOMAIN = "Polycubes and solids"

Vox = tuple[int, int, int]
MAX_VOX = 200
# Triangle offsets (3 x centroid) of a cube's hexagon: top face, front-left face, front-right.
_TRI = ((-1, -2), (-2, -1), (1, -1), (2, 1), (1, 2), (-1, 1))
_NB = ((1, 0, 0), (-1, 0, 0), (0, 1, 0), (0, -1, 0), (0, 0, 1), (0, 0, -1))


def _dec(codes: Sequence[int]) -> list[Vox]:
    if len(codes) > MAX_VOX:
        raise ValueError(f"polycube of {len(codes)} cubes is too big (max {MAX_VOX})")
    out = []
    for v in codes:
        if not 0 <= v <= 999:
            raise ValueError(f"voxel code {v} out of range 0..999")
        out.append((v // 100, v // 10 % 10, v % 10))
    return out


def _enc(vox: Sequence[Vox]) -> list[int]:
    """Normalise (shift to 0), drop repeats, sort, encode."""
    if not vox:
        return []
    m0, m1, m2 = map(min, zip(*vox, strict=True))
    shifted = sorted({(r - m0, c - m1, z - m2) for r, c, z in vox})
    if any(r > 9 or c > 9 or z > 9 for r, c, z in shifted):
        raise SampleRejected("polycube spans more than 10 cubes")
    return [100 * r + 10 * c + z for r, c, z in shifted]


@stdfn("list[int] -> list[int]")
def normalise_voxels(codes: list[int]) -> list[int]:
    """The voxel codes shifted so the smallest r, c and z are 0, without repeats, sorted."""
    return _enc(_dec(codes))


@stdfn("int, int -> list[int]", random=True)
def random_polycube(rng: random.Random, n: int, span: int) -> list[int]:
    """A random face-connected set of `n` unit cubes inside a span x span x span box, grown one
    face-neighbour at a time, normalised."""
    if not 1 <= n <= min(MAX_VOX, span**3) or not 1 <= span <= 10:
        raise ValueError(f"random_polycube: {n} cubes in a box of {span} out of range")
    have = [(0, 0, 0)]
    seen = {(0, 0, 0)}
    while len(have) < n:
        front = sorted(
            {
                (a + d[0], b + d[1], c + d[2])
                for a, b, c in have
                for d in _NB
                if (a + d[0], b + d[1], c + d[2]) not in seen
            }
        )
        lo = [min(v[i] for v in have) for i in range(3)]
        hi = [max(v[i] for v in have) for i in range(3)]
        ok = [f for f in front if all(max(hi[i], f[i]) - min(lo[i], f[i]) < span for i in range(3))]
        if not ok:
            raise SampleRejected("random_polycube: box full")
        pick = ok[rng.randrange(len(ok))]
        have.append(pick)
        seen.add(pick)
    return _enc(have)


def _turn(vox: list[Vox], axis: int, turns: int) -> list[Vox]:
    out = vox
    for _ in range(turns % 4):
        if axis == 0:  # about the r axis: c -> z -> -c
            out = [(r, -z, c) for r, c, z in out]
        elif axis == 1:  # about the c axis
            out = [(z, c, -r) for r, c, z in out]
        else:  # about the vertical axis
            out = [(-c, r, z) for r, c, z in out]
    return out


@stdfn("list[int], int, int -> list[int]")
def polycube_turn(codes: list[int], axis: int, turns: int) -> list[int]:
    """The polycube turned `turns` quarter turns about axis 0 (r), 1 (c) or 2 (vertical z),
    normalised."""
    if axis not in (0, 1, 2):
        raise ValueError(f"polycube_turn: axis {axis} is not 0, 1 or 2")
    return _enc(_turn(_dec(codes), axis, turns))


@stdfn("list[int] -> list[int]")
def polycube_mirror(codes: list[int]) -> list[int]:
    """The polycube's mirror image (c reversed), normalised."""
    return _enc([(r, -c, z) for r, c, z in _dec(codes)])


def _rotations(vox: list[Vox]) -> list[list[int]]:
    """The 24 proper rotations of the polycube, normalised (repeats kept)."""
    outs = []
    # Six ways to point the vertical axis, then four turns about it.
    ups = [(0, 0), (0, 1), (0, 2), (0, 3), (1, 1), (1, 3)]
    for axis, k in ups:
        base = _turn(vox, axis, k)
        for t in range(4):
            outs.append(_enc(_turn(base, 2, t)))
    return outs


@stdfn("list[int], list[int] -> bool")
def polycube_same(a: list[int], b: list[int]) -> bool:
    """True when polycube `b` is polycube `a` turned some way in space (no mirroring)."""
    target = _enc(_dec(b))
    return any(rot == target for rot in _rotations(_dec(a)))


def _front(vox: list[Vox]) -> dict[tuple[int, int], Vox]:
    """Lattice triangle -> the frontmost cube covering it."""
    shown: dict[tuple[int, int], Vox] = {}
    for v in sorted(vox, key=lambda v: sum(v)):
        p, q = 3 * (v[0] - v[2]), 3 * (v[1] - v[2])
        for dp, dq in _TRI:
            shown[(p + dp, q + dq)] = v
    return shown


@stdfn("list[int] -> list[int]")
def voxel_visible_parts(codes: list[int]) -> list[int]:
    """For each voxel (in the given order) how many of the six triangles of its isometric
    outline (two per visible face) show in front of every other voxel: 0 is fully hidden."""
    vox = _dec(codes)
    shown = _front(vox)
    out = []
    for v in vox:
        p, q = 3 * (v[0] - v[2]), 3 * (v[1] - v[2])
        out.append(sum(1 for dp, dq in _TRI if shown.get((p + dp, q + dq)) == v))
    return out


@stdfn("list[int], int -> bool")
def voxels_unambiguous(codes: list[int], min_parts: int) -> bool:
    """True when the isometric picture pins the polycube down: every voxel shows at least
    `min_parts` of its six outline triangles, and no empty cell sharing a face with it is
    wholly hidden (a cube there could not be seen, so the picture would not tell)."""
    vox = _dec(codes)
    if any(k < min_parts for k in voxel_visible_parts(codes)):
        return False
    have = set(vox)
    shown = _front(vox)
    for a, b, c in vox:
        for d in _NB:
            e = (a + d[0], b + d[1], c + d[2])
            if e in have:
                continue
            p, q = 3 * (e[0] - e[2]), 3 * (e[1] - e[2])
            hidden = all(
                (p + dp, q + dq) in shown and sum(shown[(p + dp, q + dq)]) > sum(e)
                for dp, dq in _TRI
            )
            if hidden:
                return False
    return True


@stdfn("list[int], list[str], real, real, real -> Component")
def iso_voxels(codes: list[int], fills: list[str], cx: float, cy: float, size: float) -> Component:
    """The polycube in isometric view fitted in a `size` px box centred at (cx, cy), voxel i
    painted fills[i] (faces shaded: top light, front-left darker, front-right darkest) and
    keyed "v<i>"."""
    vox = _dec(codes)
    if len(fills) != len(vox):
        raise ValueError("iso_voxels: need one fill per voxel")
    if not vox:
        return Component()
    k = math.cos(math.radians(30))

    def raw(r: float, c: float, z: float) -> tuple[float, float]:
        return ((c - r) * k, (c + r) / 2 - z)

    corners = [
        raw(r + a, c + b, z + g) for r, c, z in vox for a in (0, 1) for b in (0, 1) for g in (0, 1)
    ]
    x0, x1 = min(p[0] for p in corners), max(p[0] for p in corners)
    y0, y1 = min(p[1] for p in corners), max(p[1] for p in corners)
    s = size / max(x1 - x0, y1 - y0, 1e-9)
    ox, oy = cx - (x0 + x1) / 2 * s, cy - (y0 + y1) / 2 * s

    def proj(r: float, c: float, z: float) -> tuple[float, float]:
        x, y = raw(r, c, z)
        return (round(ox + x * s, 2), round(oy + y * s, 2))

    comp = Component()
    width = max(1.0, min(2.0, s / 25))
    order = sorted(range(len(vox)), key=lambda i: (sum(vox[i]), vox[i]))
    for i in order:
        r, c, z = vox[i]
        faces = (
            [
                proj(r, c, z + 1),
                proj(r, c + 1, z + 1),
                proj(r + 1, c + 1, z + 1),
                proj(r + 1, c, z + 1),
            ],
            [
                proj(r + 1, c, z),
                proj(r + 1, c + 1, z),
                proj(r + 1, c + 1, z + 1),
                proj(r + 1, c, z + 1),
            ],
            [
                proj(r, c + 1, z),
                proj(r + 1, c + 1, z),
                proj(r + 1, c + 1, z + 1),
                proj(r, c + 1, z + 1),
            ],
        )
        for pts, k2 in zip(faces, (1.0, 0.78, 0.6), strict=True):
            style = Style(fill=shade(fills[i], k2), stroke="black", stroke_width=width)
            comp.add(Polygon(tuple(pts), style=style), f"v{i}")
    return comp


# Convex solids: (vertices, faces) with faces listed counter-clockwise seen from outside.
Solid = tuple[list[tuple[float, float, float]], list[list[int]]]


def _ring(n: int, rad: float, z: float, phase: float) -> list[tuple[float, float, float]]:
    return [
        (
            rad * math.cos(2 * math.pi * i / n + phase),
            rad * math.sin(2 * math.pi * i / n + phase),
            z,
        )
        for i in range(n)
    ]


def _solid(kind: str, n: int) -> Solid:
    if kind in ("prism", "frustum"):
        top = 0.55 if kind == "frustum" else 1.0
        v = _ring(n, 1, -0.8, 0.3) + _ring(n, top, 0.8, 0.3)
        faces = [list(reversed(range(n))), list(range(n, 2 * n))]
        faces += [[i, (i + 1) % n, n + (i + 1) % n, n + i] for i in range(n)]
    elif kind == "pyramid":
        v = [*_ring(n, 1, -0.8, 0.3), (0.0, 0.0, 1.0)]
        faces = [list(reversed(range(n)))] + [[i, (i + 1) % n, n] for i in range(n)]
    elif kind == "bipyramid":
        v = [*_ring(n, 1, 0, 0.3), (0.0, 0.0, 1.2), (0.0, 0.0, -1.2)]
        faces = [[i, (i + 1) % n, n] for i in range(n)] + [
            [(i + 1) % n, i, n + 1] for i in range(n)
        ]
    elif kind == "antiprism":
        v = _ring(n, 1, -0.6, 0.3) + _ring(n, 1, 0.6, 0.3 + math.pi / n)
        faces = [list(reversed(range(n))), list(range(n, 2 * n))]
        faces += [[i, (i + 1) % n, n + i] for i in range(n)]
        faces += [[(i + 1) % n, n + (i + 1) % n, n + i] for i in range(n)]
    else:
        raise ValueError(f"solid_figure: unknown kind {kind!r}")
    return v, faces


@stdfn("str, int -> list[int]")
def solid_counts(kind: str, n: int) -> list[int]:
    """The counts [faces, edges, vertices] of the solid `solid_figure` draws for this kind and n."""
    if not 3 <= n <= 12:
        raise ValueError(f"solid_counts: base of {n} sides out of range 3..12")
    v, faces = _solid(kind, n)
    edges = {tuple(sorted((f[i], f[(i + 1) % len(f)]))) for f in faces for i in range(len(f))}
    return [len(faces), len(edges), len(v)]


def _screen(
    kind: str, n: int, yaw: float, tilt: float
) -> tuple[list[tuple[float, float, float]], list[list[int]]]:
    """The solid's vertices turned `yaw` about its axis and tipped `tilt` towards the viewer
    (x right, y away from the viewer, z up), with its faces."""
    if not 3 <= n <= 12:
        raise ValueError(f"solid: base of {n} sides out of range 3..12")
    v, faces = _solid(kind, n)
    a, t = math.radians(yaw), math.radians(tilt)
    pts3 = []
    for x, y, z in v:
        x1, y1 = x * math.cos(a) - y * math.sin(a), x * math.sin(a) + y * math.cos(a)
        y2, z2 = y1 * math.cos(t) - z * math.sin(t), y1 * math.sin(t) + z * math.cos(t)
        pts3.append((x1, y2, z2))
    return pts3, faces


def _facing(pts3: list[tuple[float, float, float]], f: list[int]) -> float:
    """Signed area of face f seen from the viewer (x right, z up): positive when it faces
    the viewer (its corners run counter-clockwise from outside)."""
    out = 0.0
    for i in range(len(f)):
        x0, z0 = pts3[f[i]][0], pts3[f[i]][2]
        x1, z1 = pts3[f[(i + 1) % len(f)]][0], pts3[f[(i + 1) % len(f)]][2]
        out += x0 * z1 - x1 * z0
    return out / 2


@stdfn("str, int, real, real -> int")
def solid_visible_faces(kind: str, n: int, yaw: float, tilt: float) -> int:
    """How many faces of the solid `solid_figure` draws with this yaw and tilt face the
    viewer (the filled, visible faces)."""
    pts3, faces = _screen(kind, n, yaw, tilt)
    return sum(1 for f in faces if _facing(pts3, f) > 0)


@stdfn("str, int, real, real, real, real, real, str -> Component")
def solid_figure(
    kind: str, n: int, cx: float, cy: float, size: float, yaw: float, tilt: float, fill: str
) -> Component:
    """A convex solid ("prism", "pyramid", "bipyramid", "frustum", "antiprism") on an n-gon
    base, turned `yaw` degrees about its axis and tipped `tilt` degrees towards the viewer,
    drawn in a `size` px box at (cx, cy): front faces filled (subkey "f<i>"), edges drawn,
    hidden edges dashed; a view with some face almost edge-on rejects the draw."""
    pts3, faces = _screen(kind, n, yaw, tilt)
    xs = [p[0] for p in pts3]
    zs = [p[2] for p in pts3]
    s = size / max(max(xs) - min(xs), max(zs) - min(zs))
    mx, mz = (max(xs) + min(xs)) / 2, (max(zs) + min(zs)) / 2
    scr = [(round(cx + (p[0] - mx) * s, 2), round(cy - (p[2] - mz) * s, 2)) for p in pts3]

    def area(f: list[int]) -> float:
        # screen-space winding: counter-clockwise from outside stays so when facing the viewer
        out = 0.0
        for i in range(len(f)):
            x0, y0 = scr[f[i]]
            x1, y1 = scr[f[(i + 1) % len(f)]]
            out += x0 * y1 - x1 * y0
        return out / 2

    areas = [area(f) for f in faces]
    if min(abs(a) for a in areas) < 0.012 * size * size:
        raise SampleRejected("solid_figure: a face is seen almost edge-on")
    front = [a < 0 for a in areas]  # screen y points down
    comp = Component()
    for i, f in enumerate(faces):
        if front[i]:
            k = 0.75 + 0.25 * ((i * 7) % 5) / 4
            comp.add(
                Polygon(tuple(scr[j] for j in f), style=Style(fill=shade(fill, k), stroke=None)),
                f"f{i}",
            )
    seen: dict[tuple[int, int], bool] = {}
    for i, f in enumerate(faces):
        for j in range(len(f)):
            e = (min(f[j], f[(j + 1) % len(f)]), max(f[j], f[(j + 1) % len(f)]))
            seen[e] = seen.get(e, False) or front[i]
    for (p, q), vis in sorted(seen.items(), key=lambda kv: kv[1]):
        style = Style(
            stroke="black", stroke_width=2.0 if vis else 1.3, dash=None if vis else (6.0, 5.0)
        )
        comp.add(Line(scr[p][0], scr[p][1], scr[q][0], scr[q][1], style=style))
    return comp
