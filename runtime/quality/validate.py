"""Generic validity checks for one instance of any environment (no per-environment code).

`problems(env, level, seed)` returns what is wrong with that instance as readable strings; the
property tests and `tron analyze` both use it."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
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


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one instance: the rule it breaks, what was seen, the spec line."""

    rule: str  # determinism, answer, reward, options, check, clipping, legibility, visibility
    text: str
    line: int | None = None
    measured: str = ""
    threshold: str = ""


def problems(
    env: Env, level: int, seed: int, *, check_pixels: bool = True, theme: str | None = None
) -> list[str]:
    name = f"{env.id}@{env.info.version}/{level}/{seed}"
    return [f"{name}: {p.text}" for p in instance_problems(env, level, seed, check_pixels, theme)]


def instance_problems(
    env: Env,
    level: int,
    seed: int,
    check_pixels: bool = True,
    theme: str | None = None,
    with_checks: bool = True,
) -> list[Problem]:
    inst = env.sample(level, seed, theme=theme, with_checks=with_checks)
    out = answer_problems(env, inst, theme)
    if with_checks:
        out += check_problems(inst)
    out += scene_problems(env, inst, check_pixels)
    return out


def answer_problems(env: Env, inst: Instance, theme: str | None) -> list[Problem]:
    out: list[Problem] = []
    again = env.sample(inst.level, inst.seed, theme=theme)
    if (inst.svg, inst.question, inst.answer_text) != (
        again.svg,
        again.question,
        again.answer_text,
    ):
        out.append(Problem("determinism", "not deterministic"))
    atype = inst.answer_type
    parsed = atype.parse(inst.answer_text)
    if parsed is None or not atype.equal(parsed, inst.answer):
        out.append(Problem("answer", f"canonical answer {inst.answer_text!r} does not parse back"))
    domain = atype.domain()
    if domain is not None and not any(atype.equal(inst.answer, v) for v in domain):
        out.append(Problem("answer", f"answer {inst.answer_text!r} outside its domain"))
    for w in rewards.WRAPPERS:
        if inst.verify(rewards.wrap(inst.answer_text, w)) != 1.0:
            out.append(Problem("reward", f"gold answer in wrapper {w} does not score 1"))
    for wrong in wrong_answers(inst):
        if inst.verify(rewards.wrap(atype.canonical(wrong), "boxed")) != 0.0:
            out.append(Problem("reward", f"wrong answer {wrong!r} scores above 0"))
    if inst.choices is not None and inst.meta.get("options"):
        texts = inst.meta["options"]
        if len(set(texts)) != len(texts):
            out.append(Problem("options", "two options read the same"))
    return out


def check_problems(inst: Instance) -> list[Problem]:
    """The spec's own `check` statements, as evaluated on this draw (`sample(with_checks=True)`)."""
    assert inst.generated is not None
    return [
        Problem("check", f"check on line {line} failed: {label}", line, f"false ({label})", "true")
        for (line, label), ok in inst.generated.checks
        if not ok
    ]


def scene_problems(env: Env, inst: Instance, check_pixels: bool) -> list[Problem]:
    out: list[Problem] = []
    assert inst.generated is not None
    scene = inst.generated.scene
    for item, key in scene.items:
        if key is not None and scene.clipped(item):
            out.append(
                Problem(
                    "clipping",
                    f"object {key} is clipped by the canvas",
                    key_line(env, key),
                    f"object {key!r} crosses the canvas edge",
                    "inside the canvas",
                )
            )
        if isinstance(item, Text) and item.size < MIN_TEXT_PX:
            out.append(
                Problem(
                    "legibility",
                    f"text {item.text!r} is {item.size}px, below {MIN_TEXT_PX}",
                    None,
                    f"text {item.text!r} {item.size}px",
                    f">= {MIN_TEXT_PX}px",
                )
            )
    if check_pixels:
        for key, (visible, own) in visibility(inst).items():
            if visible < MIN_VISIBLE_PX or visible < MIN_VISIBLE_SHARE * own:
                out.append(
                    Problem(
                        "visibility",
                        f"object {key} shows {visible} of {own} px",
                        key_line(env, key),
                        f"object {key!r} shows {visible} of {own} px",
                        f">= {MIN_VISIBLE_PX} px and >= {MIN_VISIBLE_SHARE:.0%} of its own",
                    )
                )
    return out


def key_line(env: Env, key: str) -> int | None:
    """The spec line naming an object's key (best effort: the literal key, or the literal
    text before its first interpolation), so a report can point at the draw statement."""
    if m := re.fullmatch(r"L(\d+)(\.\d+)?", key):  # the key a draw without `key` gets
        return int(m.group(1))
    try:
        source = Path(env.module.SPEC_PATH).read_text(encoding="utf-8")
    except OSError:
        return None
    for i, line in enumerate(source.splitlines(), 1):
        for m in re.finditer(r'key\s+"([^"]*)"', line):
            lit = m.group(1)
            head = lit.split("{", 1)[0]
            if lit == key or ("{" in lit and head and key.startswith(head)):
                return i
    return None


def statement_line(env: Env, keyword: str) -> int | None:
    """The spec line of the first statement starting with `keyword` (e.g. answer, question)."""
    try:
        source = Path(env.module.SPEC_PATH).read_text(encoding="utf-8")
    except OSError:
        return None
    for i, line in enumerate(source.splitlines(), 1):
        if re.match(rf"{keyword}\b", line):
            return i
    return None
