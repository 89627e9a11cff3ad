"""Boxed tables and heatmaps fit their box and key every cell; hhmm formats times."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.test_stdlib_components import WORDS
from tests.test_stdlib_plots import inside
from tron import stdlib as rt
from tron.stdlib.component import SampleRejected


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.lists(WORDS, min_size=3, max_size=3), min_size=1, max_size=8),
    st.sampled_from([(0, 0, 512, 512), (0, 256, 512, 256), (256, 0, 256, 512)]),
)
def test_boxed_table_inside(rows: list[list[str]], box: tuple) -> None:
    try:
        comp = rt.boxed_table(rows, ["Name", "Count", "Colour"], "Title", *box)
    except SampleRejected:
        return
    inside(comp, *box)
    assert all(f"c{i}_{j}" in comp.subkeys() for i in range(len(rows)) for j in range(3))


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 8), st.integers(1, 8), st.data())
def test_heatmap_keys_every_cell(nr: int, nc: int, data: st.DataObject) -> None:
    values = data.draw(st.lists(st.integers(0, 99), min_size=nr * nc, max_size=nr * nc))
    try:
        comp = rt.heatmap([f"R{i}" for i in range(nr)], [f"K{j}" for j in range(nc)], values)
    except SampleRejected:
        return
    inside(comp, 0, 0, 512, 512)
    assert all(f"h{r}_{c}" in comp.subkeys() for r in range(nr) for c in range(nc))


@given(st.integers(0, 10000))
def test_hhmm_round_trips(minutes: int) -> None:
    text = rt.hhmm(minutes)
    h, m = int(text[:2]), int(text[3:])
    assert len(text) == 5 and text[2] == ":" and h * 60 + m == minutes % 1440
