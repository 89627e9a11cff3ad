"""disc_pile: every promise of the placement holds on random draws."""

import math
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from tron.stdlib.component import SampleRejected
from tron.stdlib.occluded_scenes import disc_pile, hidden_share


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.integers(30, 50), min_size=2, max_size=10),
    st.floats(0.0, 1.0),
    st.integers(0, 10**6),
)
def test_pile_keeps_overlaps_clear_and_discs_in_view(radii, p_touch, seed):
    try:
        pts = disc_pile(random.Random(seed), [float(r) for r in radii], 14, 8, 0.6, p_touch)
    except SampleRejected:
        return
    discs = [(p["x"], p["y"], float(r)) for p, r in zip(pts, radii, strict=True)]
    for i, (x, y, r) in enumerate(discs):
        assert 16 + r - 0.1 <= x <= 496 - r + 0.1 and 16 + r - 0.1 <= y <= 496 - r + 0.1
        for j in range(i + 1, len(discs)):
            qx, qy, qr = discs[j]
            d = math.hypot(x - qx, y - qy)
            gap = d - r - qr
            assert gap < -14 + 0.2 or gap > 8 - 0.2
            assert d > qr + 6 - 0.2  # a later disc never hides an earlier centre
        assert hidden_share((x, y), r, discs[i + 1 :]) <= 0.6 + 0.02


def test_hidden_share_extremes():
    assert hidden_share((100, 100), 20, []) == 0
    assert hidden_share((100, 100), 20, [(100, 100, 50)]) == 1
    half = hidden_share((100, 100), 20, [(130, 100, 30)])
    assert 0.2 < half < 0.8
