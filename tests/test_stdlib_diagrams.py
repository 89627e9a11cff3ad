"""Gear trains, Venn diagrams, timelines and Gantt charts."""

from __future__ import annotations

import random

import pytest

from tron import stdlib as rt
from tron.stdlib.component import SampleRejected
from tron.stdlib.diagrams import _venn_circles, _venn_mask


def test_gear_train_meshes_only_parents() -> None:
    rng = random.Random(5)
    parents = [-1, 0, 1, 1, 3]
    comp = rt.gear_train(rng, parents, [10, 14, 8, 12, 9], list("ABCDE"), True)
    assert {"g0", "g4", "drive"} <= set(comp.subkeys())
    x0, y0, x1, y1 = comp.bbox()
    assert x0 >= 0 and y0 >= 0 and x1 <= 512 and y1 <= 512


def test_venn_items_land_in_their_regions() -> None:
    rng = random.Random(1)
    masks = [0, 1, 2, 3, 5, 7, 4, 6]
    comp = rt.venn_diagram(rng, ["P", "Q", "R"], [str(i) for i in range(8)], masks)
    circles = _venn_circles(3)
    from tron.render.scene import Text

    for item, sub in comp.items:
        if sub and sub.startswith("i") and isinstance(item, Text):
            assert _venn_mask(circles, (item.x, item.y), 0) == masks[int(sub[1:])]


def test_timeline_and_gantt() -> None:
    comp = rt.timeline([1900, 1950, 2000], ["a", "b", "c"])
    assert comp.subkeys() == ["ev0", "ev1", "ev2"]
    with pytest.raises(SampleRejected):
        rt.timeline([1900, 1901, 2000], ["a", "b", "c"])
    g = rt.gantt_chart(["x", "y"], [0, 3], [2, 6], 8)
    assert g.subkeys() == ["t0", "t1"]
    with pytest.raises(ValueError):
        rt.gantt_chart(["x"], [3], [3], 8)
