"""Audit checks for the label faults a careful human reader trips on (issue #15): relations
without a margin, objects crossing their container, dots touching the boundary they are counted
against, labels hiding what they mark, trivial-feature shortcuts and template wording slips.

Each check is a plain function returning a list of readable problem strings (empty when the
instance or environment passes), so `tron validate` can call them; none is per-environment.
Thresholds are module constants and are documented where they are defined."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from tron.envs.env import Env, Instance
from tron.quality import layout
from tron.render.scene import Item, Rect, Scene, Text
from tron.stdlib.geometry import dominant_axis
from tron.stdlib.lists import margin as top_margin

DIRECTION_RATIO = 2.0  # left/right/above/below: the main offset at least twice the other
MIN_CLEARANCE_PX = 4.0  # background between a counted point's paint and its boundary's paint
MAX_LABEL_COVER = 0.3  # share of a keyed object an opaque label box may cover (a 7x7 board's cell
# label covers 25% and its colour reads; the audit's hidden live cells were 37% covered)
# `tron validate` holds opaque label boxes to MAX_LABEL_COVER, and bare text to MAX_LABEL_HIDE:
# a coin printed with its value or a letter on a small place marker has 25-55% of it under
# the glyphs' padded box, yet its colour and outline show between the strokes.
MAX_LABEL_HIDE = 0.6
SHORTCUT_MARGIN = 0.15  # a trivial feature may beat the majority-class baseline by this much
LABEL_PAD_PX = 3.0  # text with no box of its own still hides this much around its glyphs

XY = tuple[float, float]

# ---------------------------------------------------------------- (a) relation margins


def direction_holds(a: XY, b: XY, relation: str, ratio: float = DIRECTION_RATIO) -> bool:
    """True when point a is `relation` ("left", "right", "above", "below"; canvas y points
    down) of point b AND that axis dominates the other by `ratio` (see stdlib dominant_axis)."""
    dx, dy = a[0] - b[0], a[1] - b[1]
    sign = {"left": dx < 0, "right": dx > 0, "above": dy < 0, "below": dy > 0}[relation]
    main, other = (dx, dy) if relation in ("left", "right") else (dy, dx)
    return sign and abs(main) > abs(other) and dominant_axis(dx, dy, ratio)


def extreme_holds(values: Sequence[float], min_margin: float, lowest: bool = False) -> bool:
    """For "largest"/"longer" (or, with `lowest`, "nearest"/"smallest"): the winning value
    beats the runner-up by at least `min_margin`."""
    vals = [(-v if lowest else v) for v in values]
    return len(vals) < 2 or top_margin(vals) >= min_margin


def item_centre(item: Item, scene: Scene) -> XY:
    x0, y0, x1, y1 = scene.bbox(item)
    return ((x0 + x1) / 2, (y0 + y1) / 2)


def relation_problems(
    inst: Instance, a_key: str, b_key: str, relation: str, ratio: float = DIRECTION_RATIO
) -> list[str]:
    """The drawn objects a_key and b_key (their bounding-box centres) stand in `relation` by
    the declared ratio."""
    assert inst.generated is not None
    scene = inst.generated.scene
    found = {k: item_centre(it, scene) for it, k in scene.items if k in (a_key, b_key)}
    if len(found) < 2:
        return [f"relation: objects {a_key!r} / {b_key!r} not found"]
    if direction_holds(found[a_key], found[b_key], relation, ratio):
        return []
    (ax, ay), (bx, by) = found[a_key], found[b_key]
    return [
        f"relation: {a_key} is not clearly {relation} of {b_key} "
        f"(dx {ax - bx:.0f}, dy {ay - by:.0f}; needs {ratio:g}:1)"
    ]


# ------------------------------------------- (b) containment and (c) boundary clearance
# Measured like the `layout` rule of tron validate (tron.quality.layout), from painted extents.


def containment_problems(scene: Scene, container: str, contents: str) -> list[str]:
    """Every object keyed `contents` (or `contents.<i>`) lies inside an object keyed
    `container`, its paint inside the container's inner stroke edge."""
    if not layout.keyed(scene, container):
        return [f"containment: container {container!r} not found"]
    return [
        f"containment: {key} crosses its container ({px:.1f} px inside)"
        for key, _, px in layout.layout_breaks(scene, contents, "inside", container, 0)
    ]


def clearance_problems(
    scene: Scene, points: str, boundaries: str, min_gap: float = MIN_CLEARANCE_PX
) -> list[str]:
    """Every counted object keyed `points.*` keeps `min_gap` px of background between its paint
    and that of every outline keyed `boundaries.*` it is counted against."""
    return [
        f"clearance: {key} is {px:.1f} px from a boundary (needs {min_gap:g})"
        for key, _, px in layout.layout_breaks(scene, points, "clears", boundaries, min_gap)
    ]


# ---------------------------------------------------------------- (d) labels as occluders


BACKING_AREA = 6.0  # a label's box is at most this many times its text's (padded) box


def label_backings(scene: Scene) -> set[int]:
    """Positions in scene.items of the filled rectangles that back a text: each holds the
    centre of the text drawn just after it and is not much bigger than it (a label's box, a
    "?" slot; a panel whose title is drawn first is not a label)."""
    items = [it for it, _ in scene.items]
    out = set()
    for i, it in enumerate(items[1:], start=1):
        prev = items[i - 1]
        if not (isinstance(it, Text) and isinstance(prev, Rect)):
            continue
        x0, y0, x1, y1 = scene.bbox(it)
        text_area = (x1 - x0 + 2 * LABEL_PAD_PX) * (y1 - y0 + 2 * LABEL_PAD_PX)
        if (
            prev.style.fill not in (None, "none")
            and prev.x <= it.x <= prev.x + prev.w
            and prev.y <= it.y <= prev.y + prev.h
            and prev.w * prev.h <= BACKING_AREA * text_area
        ):
            out.add(i - 1)
    return out


def label_boxes(scene: Scene, glyphs: bool = True) -> list[tuple[float, float, float, float]]:
    """Regions a reader cannot see through: every label backing (see label_backings) and,
    with `glyphs`, every text's glyph box (padded)."""
    boxes = []
    for it, _ in scene.items:
        if glyphs and isinstance(it, Text):
            x0, y0, x1, y1 = scene.bbox(it)
            boxes.append(
                (x0 - LABEL_PAD_PX, y0 - LABEL_PAD_PX, x1 + LABEL_PAD_PX, y1 + LABEL_PAD_PX)
            )
    items = [it for it, _ in scene.items]
    return boxes + [scene.bbox(items[i]) for i in sorted(label_backings(scene))]


def label_cover(
    inst: Instance, keys: Iterable[str] | None = None, glyphs: bool = True
) -> dict[str, float]:
    """ID-buffer variant of the visibility check in which label boxes are occluders: for each
    keyed non-text object (or the given keys) whose extent meets a label box, the share of its
    own drawn-alone pixels that lie under some label box (only opaque backings if not
    `glyphs`)."""
    from tron.render.cairo_raster import id_buffer

    assert inst.generated is not None
    scene = inst.generated.scene
    boxes = label_boxes(scene, glyphs)
    if not boxes:
        return {}
    mask = np.zeros((scene.height, scene.width), dtype=bool)
    for x0, y0, x1, y1 in boxes:
        mask[
            max(0, int(y0)) : max(0, int(math.ceil(y1))),
            max(0, int(x0)) : max(0, int(math.ceil(x1))),
        ] = True
    wanted = set(keys) if keys is not None else None
    # A label's own glyphs and its backing box are the label, not something it hides.
    # Text inside the same component (a table's cells, a chart's tick labels) is the
    # component's own content, so it hides nothing of it.
    labels = {k for it, k in scene.items if isinstance(it, Text)}
    owners = {k.split("/")[0] for k in labels if k and "/" in k}
    backings = label_backings(scene)
    out: dict[str, float] = {}
    for i, (item, key) in enumerate(scene.items):
        if key is None or key in labels or i in backings or key.split("/")[0] in owners:
            continue
        if wanted is not None and key not in wanted:
            continue
        bx0, by0, bx1, by1 = scene.bbox(item)
        if not any(bx0 < x1 and x0 < bx1 and by0 < y1 and y0 < by1 for x0, y0, x1, y1 in boxes):
            continue
        alone = Scene(scene.width, scene.height, scene.background)
        alone.add(item, key)
        own = id_buffer(alone, theme=inst.theme, seed=inst.seed) > 0
        total = int(np.count_nonzero(own))
        if total:
            out[key] = max(out.get(key, 0.0), int(np.count_nonzero(own & mask)) / total)
    return out


def label_problems(inst: Instance, max_cover: float = MAX_LABEL_COVER) -> list[str]:
    return [
        f"labels: {key} is {share:.0%} covered by label boxes (limit {max_cover:.0%})"
        for key, share in sorted(label_cover(inst).items())
        if share > max_cover
    ]


# ---------------------------------------------------------------- (e) shortcut probe


def _features(state: dict[str, Any]) -> dict[str, Any]:
    feats: dict[str, Any] = {}
    for name, value in state.items():
        if (
            isinstance(value, list)
            and value
            and all(isinstance(v, (int, float, str, bool)) for v in value)
        ):
            feats[f"first({name})"] = value[0]
            feats[f"last({name})"] = value[-1]
            feats[f"ends({name})"] = (value[0], value[-1])
    return feats


def shortcut_scores(env: Env, level: int, seeds: Sequence[int]) -> tuple[float, dict[str, float]]:
    """Chance baseline (the most common answer's share) and, per trivial feature (first / last / both end items of each
    list of scalars in meta['state']), the held-out accuracy of predicting the answer by the
    majority answer for that feature value (fit on even positions of `seeds`, scored on odd)."""
    rows = []
    for seed in seeds:
        inst = env.sample(level, seed)
        rows.append((_features(inst.meta.get("state", {})), inst.answer_text))
    train, test = rows[0::2], rows[1::2]
    base_answer = Counter(a for _, a in train).most_common(1)[0][0]
    # Chance: the best constant guess on the scored half (not the training majority, which can
    # be the minority there and make a useless feature look informative).
    baseline = max(Counter(a for _, a in test).values(), default=0) / max(1, len(test))
    table: dict[str, dict[Any, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for feats, ans in train:
        for name, v in feats.items():
            table[name][repr(v)][ans] += 1
    scores = {}
    for name, by_value in table.items():
        hits = 0
        for feats, ans in test:
            seen = by_value.get(repr(feats.get(name)))
            guess = seen.most_common(1)[0][0] if seen else base_answer
            hits += guess == ans
        scores[name] = hits / max(1, len(test))
    return baseline, scores


def shortcut_problems(
    env: Env, level: int, seeds: Sequence[int] = range(400), allowed_margin: float = SHORTCUT_MARGIN
) -> list[str]:
    """Features whose held-out accuracy beats the majority baseline by more than the margin.
    A state list that is the answer itself (or drawn to show it) is flagged too: review it."""
    baseline, scores = shortcut_scores(env, level, seeds)
    return [
        f"shortcut: {name} predicts the answer {acc:.0%} of the time (baseline {baseline:.0%})"
        for name, acc in sorted(scores.items())
        if acc > baseline + allowed_margin
    ]


# ---------------------------------------------------------------- (f) template review

_WORDING = [
    (re.compile(r"\?\?"), "a doubled question mark"),
    (
        re.compile(r"(?<!\.)([,;:!?])\1|(?<![.])\.\.(?!\.)|[,;:]\s*[.?!]|\?\s*\."),
        "doubled punctuation",
    ),
    # Inside a sentence a lone "?" ("the ? sign") is a symbol, not punctuation.
    (re.compile(r"\s[,.;:?!](?=\s*$|\s+[A-Z]|\n)"), "a space before punctuation"),
    (re.compile(r"\b(\w+) \1\b", re.IGNORECASE), "a doubled word"),
    (re.compile(r"\{[A-Za-z_][\w.:()]*\}"), "an unfilled placeholder"),
    (re.compile(r"\bis\s+(?:\w+\s+){0,2}?\w+(?:,\s+\w+)+,?\s+and\s+\w+"), '"is" before a list'),
]


# "the box marked ?" names a symbol drawn in the picture: read as a word, not punctuation.
_SYMBOL = re.compile(r"\b(marked|labelled|labeled|showing) \?(?=[\s.,;:]|$)")


def wording_problems(question: str) -> list[str]:
    """Wording slips in one question text (the appended answer-format line included)."""
    text = _SYMBOL.sub(r"\1 SYMBOL", question)
    return [f"wording: {what} in {question[:80]!r}" for rx, what in _WORDING if rx.search(text)]


def template_problems(env: Env, levels: Iterable[int], draws: int = 100) -> list[str]:
    """Wording slips over many draws per level, each kind reported once with an example."""
    seen: dict[str, str] = {}
    for level in levels:
        for seed in range(draws):
            for p in wording_problems(env.sample(level, seed).question):
                seen.setdefault(p.split(" in ")[0], f"{env.id}/{level}/{seed}: {p}")
    return sorted(seen.values())
