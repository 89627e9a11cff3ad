"""Scene model, themes, both renderers, rasterising and augmentation."""

from __future__ import annotations

import hashlib
import math
import random
import subprocess
import sys
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

from tron.render import raster
from tron.render.augment import augment
from tron.render.cairo_raster import id_buffer, to_image
from tron.render.colours import COLOURS, NAMEABLE, delta_e, resolve
from tron.render.raster import png_bytes, svg_to_image
from tron.render.scene import (
    Arc,
    Circle,
    Ellipse,
    Line,
    Polygon,
    Polyline,
    Rect,
    Scene,
    Style,
    Text,
    Wedge,
    item_bbox,
    item_pieces,
)
from tron.render.svg import to_svg
from tron.render.textpath import text_path, text_width
from tron.render.themes import THEMES, pick_theme, sketch_ops

SVG_NS = "{http://www.w3.org/2000/svg}"


def every_item_scene() -> Scene:
    s = Scene(320, 240)
    s.add(Rect(10, 10, 80, 50, rx=8, style=Style(fill="yellow")), "rect")
    s.add(Circle(140, 40, 28, style=Style(fill="red", dash=(6, 3))), "circle")
    s.add(Ellipse(240, 40, 50, 25, style=Style(fill="blue", opacity=0.6)), "ellipse")
    s.add(Polygon(((20, 120), (80, 90), (90, 160)), style=Style(fill="green")), "polygon")
    s.add(Polyline(((110, 100), (150, 150), (190, 100)), arrow=True), "polyline")
    s.add(Line(210, 100, 300, 150, arrow=True, style=Style(stroke="purple", stroke_width=3)))
    s.add(Wedge(50, 200, 30, 30, 300, style=Style(fill="orange")), "wedge")
    s.add(Arc(130, 200, 30, -90, 90, style=Style(stroke="brown", stroke_width=4)), "arc")
    s.add(Text(240, 190, "Hi 42!", size=20), "text")
    s.add(Text(240, 220, "serif bold", size=14, font="serif", bold=True, style=Style(fill="pink")))
    return s


def _mad(a: Image.Image, b: Image.Image) -> float:
    return float(np.abs(np.asarray(a, np.int16) - np.asarray(b, np.int16)).mean())


# ---- colours ---------------------------------------------------------------------------------


def test_bad_colour_names_the_value() -> None:
    for bad in ("reddish", "#12345", "#1234567", "#gg0000", "", " red"):
        with pytest.raises(ValueError, match="bad colour"):
            resolve(bad)
    with pytest.raises(ValueError, match="chartreuse"):
        Style(fill="chartreuse")
    with pytest.raises(ValueError, match="#xyz"):
        Scene(background="#xyz")


def test_resolve() -> None:
    assert resolve("#AbCdEf") == "#abcdef"
    assert resolve("red") == "#dc1e1e"
    assert resolve("white", THEMES["textbook"]) == THEMES["textbook"].background


@pytest.mark.parametrize("theme", THEMES.values(), ids=list(THEMES))
def test_named_colours_stay_far_apart_in_every_theme(theme) -> None:
    assert set(theme.palette) == set(COLOURS)
    names = [*NAMEABLE, "white"]
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            d = delta_e(theme.palette[a], theme.palette[b])
            assert d > 20, (theme.name, a, b, d)
    # A theme only shifts shades: each name stays close to its base colour.
    for name in NAMEABLE:
        assert delta_e(theme.palette[name], name) < 20, (theme.name, name)


# ---- text --------------------------------------------------------------------------------------


def test_text_width_grows_with_length_and_size() -> None:
    for font in ("sans", "serif", "mono"):
        for bold in (False, True):
            assert text_width("", 16, font, bold) == 0
            assert 0 < text_width("a", 16, font, bold) < text_width("ab", 16, font, bold)
            assert text_width("abc", 16, font, bold) < text_width("abc", 24, font, bold)
    assert text_width("Hello", 20) == pytest.approx(2 * text_width("Hello", 10))


def test_text_path_is_deterministic_and_rounded() -> None:
    d = text_path("Ag 7", 100, 50, 18, "middle", "sans", False)
    assert d == text_path("Ag 7", 100, 50, 18, "middle", "sans", False)
    assert d.startswith("M") and "Z" in d
    for tok in d.replace("M", " ").replace("L", " ").replace("Q", " ").replace("Z", " ").split():
        assert len(tok.partition(".")[2]) <= 2
    # Anchors move the text, not its shape.
    assert text_path("x", 0, 0, anchor="start") != text_path("x", 0, 0, anchor="end")


def test_text_centre_and_bbox() -> None:
    s = Scene()
    t = Text(200, 100, "HELLO", size=20)
    x0, y0, x1, y1 = s.bbox(t)
    assert abs((y0 + y1) / 2 - 100) < 1  # capitals are centred on y
    assert abs((x0 + x1) / 2 - 200) < 2
    assert x1 - x0 == pytest.approx(text_width("HELLO", 20), abs=4)
    assert not s.clipped(t)
    assert s.clipped(Text(5, 100, "HELLO", size=20))


@given(st.text(max_size=30), st.sampled_from(["sans", "serif", "mono"]), st.booleans())
def test_text_path_never_raises(text: str, font: str, bold: bool) -> None:
    d = text_path(text, 10.5, 20.25, 13, "start", font, bold)
    assert isinstance(d, str)
    assert text_width(text, 13, font, bold) >= 0


# ---- SVG ---------------------------------------------------------------------------------------


HOSTILE = "]]><script>alert('x')</script> \"q\" & <!-- -->"


def test_svg_escapes_hostile_text() -> None:
    s = Scene(200, 100)
    s.add(Text(100, 50, HOSTILE), key='k"<>&')
    svg = to_svg(s, THEMES["clean"], keys=True)
    assert "<script" not in svg and "]]>" not in svg and "<!--" not in svg
    root = ET.fromstring(svg.encode())
    paths = [p for p in root.iter(SVG_NS + "path") if p.get("aria-label") is not None]
    assert [p.get("aria-label") for p in paths] == [HOSTILE]
    assert paths[0].find(SVG_NS + "title").text == HOSTILE  # type: ignore[union-attr]
    assert [g.get("data-key") for g in root.iter(SVG_NS + "g") if g.get("data-key")] == ['k"<>&']


@given(st.text(max_size=40))
def test_svg_any_text_stays_well_formed(text: str) -> None:
    s = Scene(100, 50)
    s.add(Text(50, 25, text, size=10))
    root = ET.fromstring(to_svg(s, THEMES["clean"]).encode("utf-8"))
    titles = [t.text or "" for t in root.iter(SVG_NS + "title")]
    if text_path(text, 50, 25, 10):  # text with no ink (e.g. spaces) draws nothing
        assert len(titles) == 1
        # Characters XML cannot carry are replaced, everything else survives exactly
        # (the XML parser normalises a lone \r to \n, as the standard requires).
        assert len(titles[0]) == len(text.replace("\r\n", "\n"))


_SVG_HASH_SCRIPT = """
import hashlib, sys
sys.path.insert(0, {tests!r})
from test_scene_render import every_item_scene
from tron.render.svg import to_svg
from tron.render.themes import THEMES
s = every_item_scene()
print(",".join(hashlib.sha256(to_svg(s, t, seed=5).encode()).hexdigest() for t in THEMES.values()))
"""


def test_svg_is_byte_identical_across_processes() -> None:
    here = str(__import__("pathlib").Path(__file__).parent)
    code = _SVG_HASH_SCRIPT.format(tests=here)
    outs = []
    for hash_seed in ("1", "2"):
        env = {"PYTHONHASHSEED": hash_seed, "PATH": "/usr/bin:/bin"}
        res = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
        )
        outs.append(res.stdout.strip())
    s = every_item_scene()
    here_hashes = ",".join(
        hashlib.sha256(to_svg(s, t, seed=5).encode()).hexdigest() for t in THEMES.values()
    )
    assert outs[0] == outs[1] == here_hashes


def test_svg_seed_only_matters_for_sketch() -> None:
    s = every_item_scene()
    assert to_svg(s, THEMES["clean"], seed=1) == to_svg(s, THEMES["clean"], seed=2)
    assert to_svg(s, THEMES["sketch"], seed=1) != to_svg(s, THEMES["sketch"], seed=2)
    state = random.getstate()
    to_svg(s, THEMES["sketch"], seed=1)
    assert random.getstate() == state  # no global random state touched


# ---- rasters -------------------------------------------------------------------------------------


@pytest.mark.parametrize("theme", THEMES.values(), ids=list(THEMES))
def test_every_theme_renders_both_backends_alike(theme) -> None:
    s = every_item_scene()
    a = to_image(s, theme, seed=9)
    b = svg_to_image(to_svg(s, theme, seed=9))
    assert a.mode == b.mode == "RGB" and a.size == b.size == (320, 240)
    assert len(np.unique(np.asarray(a).reshape(-1, 3), axis=0)) > 10  # something drawn
    assert _mad(a, b) < 2.0, theme.name


def test_cairo_matches_cairosvg_clean_scaled() -> None:
    s = every_item_scene()
    svg = to_svg(s, THEMES["clean"])
    for size in (160, (640, 480)):
        a, b = to_image(s, THEMES["clean"], size=size), svg_to_image(svg, size=size)
        assert a.size == b.size
        assert _mad(a, b) < 2.0
    assert to_image(s, THEMES["clean"], size=160).size == (160, 120)


def _bundled_envs() -> list[str]:
    import tron

    return tron.list_envs()


@pytest.mark.parametrize("theme", THEMES.values(), ids=list(THEMES))
def test_direct_raster_matches_svg_for_every_environment(theme) -> None:
    # Real scenes (text, charts, graphs, jitter), not just the hand-made one: the fast path
    # must draw what the canonical SVG says, for every environment of the suite.
    import tron

    for env_id in _bundled_envs():
        env = tron.make(env_id)
        lo, hi = env.info.levels
        inst = env.sample(hi, 3, theme=theme.name)
        assert "svg" not in inst.__dict__  # the SVG text is written only when asked for
        a, b = inst.image, svg_to_image(inst.svg)
        assert a.size == b.size, env_id
        assert _mad(a, b) < 0.5, (env_id, theme.name, _mad(a, b))


def test_text_outline_cache_matches_svg_text() -> None:
    s = Scene(300, 120)
    for i, (font, bold) in enumerate([("sans", False), ("serif", True), ("mono", False)]):
        s.add(Text(150, 25 + 35 * i, "Ag 42 ×", size=22, font=font, bold=bold))
    s.add(Text(20, 110, "   ", size=20, anchor="start"))  # no ink at all
    for theme in THEMES.values():
        svg = to_svg(s, theme)
        assert _mad(to_image(s, theme), svg_to_image(svg)) < 0.5
        assert _mad(to_image(s, theme), to_image(s, theme)) == 0


def test_id_buffer_counts_visible_pixels() -> None:
    s = Scene(200, 200)
    s.add(Circle(50, 50, 20, style=Style(fill="red", stroke=None)), "hidden")
    s.add(Rect(20, 20, 60, 60, style=Style(fill="blue", stroke=None)), "cover")
    s.add(Circle(140, 140, 30, style=Style(fill="green", stroke=None)), "open")
    s.add(Rect(0, 180, 200, 20, style=Style(fill="gray", stroke=None)))  # unkeyed
    ids = id_buffer(s)
    assert ids.dtype == np.int32 and ids.shape == (200, 200)
    assert s.keys() == ["hidden", "cover", "open"]
    counts = {k: int((ids == i + 1).sum()) for i, k in enumerate(s.keys())}
    assert counts["hidden"] == 0
    assert counts["cover"] == 3600
    assert abs(counts["open"] - math.pi * 30**2) < 0.05 * math.pi * 30**2
    assert int((ids == -1).sum()) == 200 * 20
    assert int((ids == 0).sum()) == 200 * 200 - 3600 - counts["open"] - 4000


def test_id_buffer_includes_strokes_and_text() -> None:
    s = Scene(100, 100)
    s.add(Line(10, 10, 90, 10, style=Style(stroke_width=4)), "line")
    s.add(Text(50, 60, "8", size=30), "digit")
    ids = id_buffer(s, size=200)
    assert ids.shape == (200, 200)
    assert (ids == 1).sum() > 100 and (ids == 2).sum() > 100


def test_png_bytes_round_trip() -> None:
    img = to_image(every_item_scene(), THEMES["clean"])
    fast, small = png_bytes(img, 1), png_bytes(img)
    assert fast == png_bytes(img, 1)
    for data in (fast, small):
        back = Image.open(__import__("io").BytesIO(data)).convert("RGB")
        assert _mad(back, img) == 0


def test_missing_cairo_gives_install_hint(monkeypatch) -> None:
    import builtins

    real_import = builtins.__import__

    def fake_import(name, *args, **kwargs):
        if name == "cairosvg":
            raise OSError("no library called cairo-2 was found")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)
    monkeypatch.delitem(sys.modules, "cairosvg", raising=False)
    with pytest.raises(raster.CairoMissingError, match="apt-get install libcairo2"):
        svg_to_image('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>')


# ---- themes ------------------------------------------------------------------------------------


def test_pick_theme_mix() -> None:
    rng = random.Random(0)
    names = [pick_theme(rng).name for _ in range(2000)]
    share = {n: names.count(n) / len(names) for n in THEMES}
    assert abs(share["clean"] - 0.5) < 0.05
    assert abs(share["textbook"] - 0.3) < 0.05
    assert abs(share["sketch"] - 0.2) < 0.05


def _seg_dist(p, a, b) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    den = dx * dx + dy * dy
    t = 0.0 if den == 0 else ((px - ax) * dx + (py - ay) * dy) / den
    t = min(1.0, max(0.0, t))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


@given(
    st.lists(
        st.tuples(st.floats(0, 500, allow_nan=False), st.floats(0, 500, allow_nan=False)),
        min_size=2,
        max_size=8,
    ),
    st.integers(0, 2**32),
)
def test_sketch_jitter_is_bounded_and_keeps_topology(points, seed) -> None:
    poly = Polygon(tuple(points))
    (piece,) = item_pieces(poly)
    amp = THEMES["sketch"].sketch
    out = sketch_ops(piece.ops, amp, random.Random(seed))
    assert [op for op, _ in out if op in "MZ"] == ["M", "Z"]
    closed = [*poly.points, poly.points[0]]
    for op, args in out:
        if op in "ML":
            d = min(_seg_dist(args, closed[i], closed[i + 1]) for i in range(len(closed) - 1))
            assert d <= amp + 1e-6


# ---- augmentation ------------------------------------------------------------------------------


def test_augment_is_deterministic_and_records_ops() -> None:
    img = to_image(every_item_scene(), THEMES["clean"])
    a, rec_a = augment(img, random.Random(11))
    b, rec_b = augment(img, random.Random(11))
    assert rec_a == rec_b and list(rec_a) == ["pad", "jpeg", "tint", "blur", "noise", "rotate"]
    assert a.tobytes() == b.tobytes() and a.mode == "RGB"
    assert 3 <= abs(rec_a["rotate"]["degrees"]) <= 8
    assert a.size[0] > img.size[0] and a.size[1] > img.size[1]  # pad + expand: nothing cut
    c, rec_c = augment(img, random.Random(12))
    assert rec_c != rec_a
    only, rec = augment(img, random.Random(1), ops=("blur",))
    assert list(rec) == ["blur"] and only.size == img.size
    _, rec_none = augment(img, random.Random(1), p=0.0)
    assert rec_none == {}
    with pytest.raises(ValueError, match="sharpen"):
        augment(img, random.Random(1), ops=("sharpen",))


@given(
    st.text(alphabet="ABCDEFGKLNPRSZbdgkpqr2347", min_size=1, max_size=8),
    st.sampled_from(["sans", "serif"]),
    st.booleans(),
    st.booleans(),
)
def test_reflected_text_is_the_upright_text_reflected_in_its_box(word, font, mirror, flip) -> None:
    # Both backends draw the reflection, and it is the upright text's pixels reflected about
    # the centre of the same ink box (the box moved so its centre falls on the pixel grid,
    # where a reflection maps whole pixels onto whole pixels).
    x0, y0, x1, y1 = item_bbox(Text(100, 60, word, size=28, font=font))
    dx, dy = (round(x0 + x1) - x0 - x1) / 2, (round(y0 + y1) - y0 - y1) / 2
    plain, turned = Scene(200, 120), Scene(200, 120)
    plain.add(Text(100 + dx, 60 + dy, word, size=28, font=font))
    turned.add(Text(100 + dx, 60 + dy, word, size=28, font=font, mirror=mirror, flip=flip))
    assert item_bbox(turned.items[0][0]) == item_bbox(plain.items[0][0])
    a = np.asarray(to_image(plain, THEMES["clean"]).convert("L"), np.int16)
    b = np.asarray(to_image(turned, THEMES["clean"]).convert("L"), np.int16)
    assert (
        _mad(to_image(turned, THEMES["clean"]), svg_to_image(to_svg(turned, THEMES["clean"]))) < 0.5
    )
    sx, sy = round(x0 + x1 + 2 * dx), round(y0 + y1 + 2 * dy)
    lo_x, lo_y = math.floor(x0 + dx) - 1, math.floor(y0 + dy) - 1
    box = (slice(lo_y, sy - lo_y), slice(lo_x, sx - lo_x))
    expect = a[box]
    expect = expect[:, ::-1] if mirror else expect
    expect = expect[::-1, :] if flip else expect
    assert np.abs(b[box] - expect).mean() < 1.5
    if mirror or flip:
        assert (b != a).any()
