"""Clocks, number lines and measuring scales."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.test_stdlib_components import WORDS, inside_canvas
from tron import stdlib as rt
from tron.render.scene import Line
from tron.stdlib.component import SampleRejected
from tron.stdlib.instruments import dial_clock, measure_scale


@given(st.integers(0, 23), st.integers(0, 59))
def test_clock_inside(h: int, m: int) -> None:
    comp = rt.clock(h, m)
    inside_canvas(comp)
    assert {"hour", "minute", "face"} <= set(comp.subkeys())


@given(
    st.integers(-50, 50),
    st.integers(1, 100),
    st.lists(st.tuples(st.floats(0, 1), WORDS), max_size=6),
)
def test_number_line_inside(lo: int, span: int, marks: list[tuple[float, str]]) -> None:
    hi = lo + span
    pos = [lo + f * span for f, _ in marks]
    try:
        comp = rt.number_line(lo, hi, pos, [w for _, w in marks])
    except SampleRejected:
        return
    inside_canvas(comp)


def test_dial_clock_hands_point_the_right_way() -> None:
    comp = dial_clock(3, 0, 200, 200, 100)
    subs = {s for _, s in comp.items}
    assert {"face", "hour", "minute"} <= subs
    minute = next(i for i, s in comp.items if s == "minute")
    hour = next(i for i, s in comp.items if s == "hour")
    assert isinstance(minute, Line) and isinstance(hour, Line)
    assert minute.x2 == pytest.approx(200) and minute.y2 < 200  # minute hand at 12
    assert hour.y2 == pytest.approx(200) and hour.x2 > 200  # hour hand at 3
    with pytest.raises(ValueError):
        dial_clock(3, 60, 200, 200, 100)


def test_measure_scale_tick_count() -> None:
    comp = measure_scale(10, 100, 400, False, 0, 4, 2, 1)
    lines = [i for i, _ in comp.items if isinstance(i, Line)]
    assert len(lines) == 1 + 4 * 2 + 1  # spine + ticks
    texts = [i for i, _ in comp.items if not isinstance(i, Line)]
    assert [t.text for t in texts] == ["0", "1", "2", "3", "4"]
