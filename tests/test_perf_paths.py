"""The fast paths give what the slow ones gave: export PNGs decode to the very pixels of
`Instance.png`, a lazily built meta["state"] equals the eager one, `tronc compile -j` writes
what a serial compile writes, and the stdlib shortcuts match a brute-force reference.
(Correctness only: no timings here.)"""

from __future__ import annotations

import copy
import json
import math
import pickle
import random
from pathlib import Path

import pytest
from PIL import Image

import tron
from tron.envs.env import jsonable
from tron.render.raster import decode_png, encode_png, png_level
from tron.stdlib import placement

ENVS = ["counting/count_circle_regions", "diagram/critical_path", "pattern_logic/maze_path_length"]


@pytest.mark.parametrize("env_id", ENVS)
@pytest.mark.parametrize("level", [1, 6])
def test_export_png_same_pixels_as_instance_png(env_id, level):
    inst = tron.make(env_id).sample(2, 3)
    fast = inst.png_bytes(level)
    assert fast == encode_png(inst.image, level)
    assert decode_png(fast).tobytes() == decode_png(inst.png).tobytes() == inst.image.tobytes()


def test_png_level_names():
    assert (png_level("fast"), png_level("small"), png_level("3"), png_level(0)) == (1, 6, 3, 0)
    for bad in ("10", "huge", -1, True):
        with pytest.raises(ValueError):
            png_level(bad)


def test_encode_png_other_modes_roundtrip():
    img = Image.new("RGBA", (7, 5), (1, 2, 3, 4))
    assert decode_png(encode_png(img, 1)).tobytes() == img.tobytes()


def _eager(inst):
    return {
        k: jsonable(inst.generated.state) if k == "state" else dict.__getitem__(inst.meta, k)
        for k in dict.keys(inst.meta)
    }


@pytest.mark.parametrize("read", ["json", "index", "get", "dict", "star", "eq", "copy", "pickle"])
def test_lazy_state_equals_eager(read):
    inst = tron.make("counting/count_circle_regions").sample(4, 9)
    want = _eager(inst)
    assert not inst.meta.built
    m = inst.meta
    got = {
        "json": lambda: json.loads(json.dumps(m, sort_keys=True)),
        "index": lambda: {**want, "state": m["state"]},
        "get": lambda: {**want, "state": m.get("state")},
        "dict": lambda: dict(m),
        "star": lambda: {**m},
        "eq": lambda: want if m == want else None,
        "copy": lambda: copy.deepcopy(m),
        "pickle": lambda: dict(pickle.loads(pickle.dumps(inst)).meta),
    }[read]()
    assert got == want
    assert list(dict(m)) == list(want)  # the key order is the eager one


def test_lazy_state_to_dict_identical():
    env = tron.make("diagram/critical_path")
    a, b = env.sample(3, 1), env.sample(3, 1)
    b.meta["state"]  # noqa: B018 - built first in one of them
    assert a.to_json() == b.to_json()
    a.meta["state"] = "x"
    assert a.meta["state"] == "x"


def test_carried_png_decodes_to_the_same_image():
    inst = tron.make("counting/count_circle_regions").sample(1, 2)
    pixels = inst.image.tobytes()
    other = pickle.loads(pickle.dumps(inst))
    other.carry_png()
    again = pickle.loads(pickle.dumps(other))
    assert "image" not in again.__dict__
    assert again.png_bytes() == encode_png(inst.image, 1)
    assert again.image.tobytes() == pixels


def _brute_place(rng, radii, margin, width, height):
    """The placement loop as it was, comparing each candidate with every placed disc."""
    order = sorted(range(len(radii)), key=lambda i: -radii[i])
    for _ in range(placement._RESTARTS):
        placed, out = [], [None] * len(radii)
        for i in order:
            r = radii[i]
            for _ in range(placement._TRIES):
                p = placement._pt(
                    rng.uniform(margin + r + 0.05, width - margin - r - 0.05),
                    rng.uniform(margin + r + 0.05, height - margin - r - 0.05),
                )
                if all(math.hypot(p["x"] - x, p["y"] - y) >= r + q + margin for x, y, q in placed):
                    placed.append((p["x"], p["y"], r))
                    out[i] = p
                    break
            else:
                break
        if all(p is not None for p in out):
            return out
    return None


@pytest.mark.parametrize("seed", range(30))
def test_scatter_grid_matches_brute_force(seed):
    pick = random.Random(seed)
    radii = [pick.uniform(4, 30) for _ in range(pick.randint(1, 40))]
    margin = pick.choice([0, 3, 8])
    want = _brute_place(random.Random(seed), radii, margin, 512, 400)
    try:
        got = placement._place(random.Random(seed), radii, margin, 512, 400)
    except placement.SampleRejected:
        got = None
    assert got == want


def test_compile_jobs_output_equals_serial(tmp_path):
    from tron.compiler import driver

    tasks = driver.find_specs([Path(__file__).resolve().parent.parent / "tasks"])[:12]
    serial, _ = driver.compile_dir(tasks, tmp_path / "a")
    parallel, _ = driver.compile_dir(tasks, tmp_path / "b", jobs=2)
    assert serial == parallel
    for f in (tmp_path / "a").iterdir():
        assert (tmp_path / "b" / f.name).read_bytes() == f.read_bytes()


@pytest.mark.parametrize("svg", [False, True])
def test_export_rows_svg_optional_and_verifiable(svg):
    from tron.integrations import dataset as ds
    from tron.integrations import hf

    env_id = "counting/count_circle_regions"
    rows = ((0, (env_id, 2, 5)), (1, (env_id, 3, 6)))
    got = ds._make_rows(ds._Task("tron", "parquet", rows, "", None, (), 1, svg))
    for row, (_, (_, level, seed)) in zip(got, rows, strict=True):
        inst = tron.make(env_id).sample(level, seed)
        assert row["svg"] == (inst.svg if svg else None)
        assert decode_png(row["image"]["bytes"]).tobytes() == inst.image.tobytes()
        gold = f"\\boxed{{{inst.answer_text}}}"
        assert hf.verify(row, gold) == 1.0 == tron.verify(hf.instance_dict(row), gold)
        assert json.loads(row["meta"]) == json.loads(json.dumps(inst.meta, sort_keys=True))
