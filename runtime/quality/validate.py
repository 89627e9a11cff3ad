"""Generic validity checks for one instance of any environment (no per-environment code).

`problems(env, level, seed)` returns what is wrong with that instance as readable strings; the
property tests and `tron analyze` both use it."""

from __future__ import annotations

from collections import Counter
from typing import Any

import numpy as np

from tron.answers import rewards
from tron.envs.env import Env, Instance
from tron.render.scene import Text

MIN_VISIBLE_PX = 20  # visible pixels an object needs at 512 px (about a 4x5 px patch)
MIN_VISIBLE_SHARE = 0.25  # share of its own unoccluded pixels that must stay visible
MIN_TEXT_PX = 10.0  # smallest legible text size at 512 px
CLEARLY_VISIBLE_PX = 400  # this many visible pixels pass without measuring occlusion


def visibility(inst: Instance) -> dict[str, tuple[int, int]]:
    """For every keyed object: (visible pixels, pixels when drawn alone), from ID buffers.
    Objects with plenty of visible pixels skip the (costly) drawn-alone render: own = visible."""
    from tron.render.cairo_raster import id_buffer
    from tron.render.scene import Scene

    assert inst.generated is not None
    scene = inst.generated.scene
    keys = scene.keys()
    # Geometry as this instance's theme draws it (the sketch theme jitters strokes).
    ids = id_buffer(scene, theme=inst.theme, seed=inst.seed)
    counts = Counter(ids[ids > 0].ravel().tolist())
    out = {}
    for i, key in enumerate(keys):
        visible = counts.get(i + 1, 0)
        if visible >= CLEARLY_VISIBLE_PX:
            out[key] = (visible, visible)
            continue
        alone = Scene(scene.width, scene.height, scene.background)
        for item, k in scene.items:
            if k == key:
                alone.add(item, key)
        own = int(np.count_nonzero(id_buffer(alone, theme=inst.theme, seed=inst.seed) > 0))
        out[key] = (visible, own)
    return out


def wrong_answers(inst: Instance) -> list[Any]:
    """Values that must score 0: the rest of a finite domain, or near misses."""
    domain = inst.answer_type.domain()
    if domain is not None:
        return [v for v in domain if not inst.answer_type.equal(v, inst.answer)][:12]
    a = inst.answer
    if isinstance(a, bool):
        return [not a]
    if isinstance(a, int):
        return [a + 1, a - 1]
    return []


def problems(
    env: Env, level: int, seed: int, *, check_pixels: bool = True, theme: str | None = None
) -> list[str]:
    out: list[str] = []
    name = f"{env.id}@{env.info.version}/{level}/{seed}"
    inst = env.sample(level, seed, theme=theme)
    again = env.sample(level, seed, theme=theme)
    if (inst.svg, inst.question, inst.answer_text) != (
        again.svg,
        again.question,
        again.answer_text,
    ):
        out.append(f"{name}: not deterministic")
    atype = inst.answer_type
    parsed = atype.parse(inst.answer_text)
    if parsed is None or not atype.equal(parsed, inst.answer):
        out.append(f"{name}: canonical answer {inst.answer_text!r} does not parse back")
    domain = atype.domain()
    if domain is not None and not any(atype.equal(inst.answer, v) for v in domain):
        out.append(f"{name}: answer {inst.answer_text!r} outside its domain")
    for w in rewards.WRAPPERS:
        if inst.verify(rewards.wrap(inst.answer_text, w)) != 1.0:
            out.append(f"{name}: gold answer in wrapper {w} does not score 1")
    for wrong in wrong_answers(inst):
        if inst.verify(rewards.wrap(atype.canonical(wrong), "boxed")) != 0.0:
            out.append(f"{name}: wrong answer {wrong!r} scores above 0")
    if inst.choices is not None and inst.meta.get("options"):
        texts = inst.meta["options"]
        if len(set(texts)) != len(texts):
            out.append(f"{name}: two options read the same")
    g = env.run(level, seed, with_checks=True)
    for (line, label), ok in g.checks:
        if not ok:
            out.append(f"{name}: check on line {line} failed: {label}")
    assert inst.generated is not None
    scene = inst.generated.scene
    for item, key in scene.items:
        if key is not None and scene.clipped(item):
            out.append(f"{name}: object {key} is clipped by the canvas")
        if isinstance(item, Text) and item.size < MIN_TEXT_PX:
            out.append(f"{name}: text {item.text!r} is {item.size}px, below {MIN_TEXT_PX}")
    if check_pixels:
        for key, (visible, own) in visibility(inst).items():
            if visible < MIN_VISIBLE_PX or visible < MIN_VISIBLE_SHARE * own:
                out.append(f"{name}: object {key} shows {visible} of {own} px")
    return out
