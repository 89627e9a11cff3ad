"""Ladder circuits: lit bulbs against a direct path check, switch numbering, and the drawing."""

from hypothesis import given, settings
from hypothesis import strategies as st

from tron.stdlib.switch_circuits import ladder_lit, ladder_switch_places, switch_ladder

_state = st.sampled_from([-1, 0, 1])


@st.composite
def _ladders(draw):
    n = draw(st.integers(1, 5))
    rail = draw(st.lists(_state, min_size=n, max_size=n))
    rungs = draw(st.lists(_state, min_size=2 * n, max_size=2 * n))
    return rail, rungs


@settings(max_examples=100, deadline=None)
@given(_ladders())
def test_bulb_lights_exactly_when_no_open_switch_is_on_its_path(lad):
    rail, rungs = lad
    lit = ladder_lit(rail, rungs)
    for i, on in enumerate(lit):
        path = rail[: i + 1] + rungs[2 * i : 2 * i + 2]
        assert on == (0 if 0 in path else 1)
    # Opening a top-wire switch never lights a bulb.
    for j, s in enumerate(rail):
        if s == 1:
            opened = rail[:j] + [0] + rail[j + 1 :]
            assert all(a >= b for a, b in zip(lit, ladder_lit(opened, rungs), strict=True))


@settings(max_examples=60, deadline=None)
@given(_ladders())
def test_places_list_every_switch_once_in_drawing_order(lad):
    rail, rungs = lad
    places = ladder_switch_places(rail, rungs)
    assert len(places) == sum(1 for s in rail + rungs if s != -1)
    order = [
        (p if p < 100 else (p - 100) // 2, 0 if p < 100 else 1 + (p - 100) % 2) for p in places
    ]
    assert order == sorted(order)
    comp = switch_ladder(rail, rungs, [chr(65 + i) for i in range(len(rail))])
    keys = set(comp.subkeys())
    assert {f"s{j}" for j in range(len(places))} | {f"b{i}" for i in range(len(rail))} <= keys
