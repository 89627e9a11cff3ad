"""Mirror boxes: beam exits against a hand-made tracer, reversibility, drawing."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tron import stdlib as rt


def test_one_slash_mirror_turns_a_beam_from_below_to_the_right() -> None:
    # 2x2 box, "/" in the top-left cell; port 4 is the bottom of column 0
    assert rt.beam_exit(2, 2, [1, 0, 0, 0], 4) == 2
    assert rt.beam_cells(2, 2, [1, 0, 0, 0], 4) == [2, 0, 1]
    # with no mirrors a beam goes straight across
    assert rt.beam_exit(3, 4, [0] * 12, 1) == 4 + 3 + 1
    assert rt.beam_exit(3, 4, [0] * 12, 4 + 2) == 2 * 4 + 3 + 2


@settings(max_examples=80, deadline=None)
@given(st.integers(1, 6), st.integers(1, 6), st.data())
def test_paths_are_reversible(rows: int, cols: int, data: st.DataObject) -> None:
    mirrors = data.draw(st.lists(st.integers(0, 2), min_size=rows * cols, max_size=rows * cols))
    port = data.draw(st.integers(0, 2 * (rows + cols) - 1))
    out = rt.beam_exit(rows, cols, mirrors, port)
    assert rt.beam_exit(rows, cols, mirrors, out) == port
    there = rt.beam_cells(rows, cols, mirrors, port)
    back = rt.beam_cells(rows, cols, mirrors, out)
    assert back == list(reversed(there))
    # exits pair the ports up: no two ports share an exit
    exits = [rt.beam_exit(rows, cols, mirrors, p) for p in range(2 * (rows + cols))]
    assert sorted(exits) == list(range(2 * (rows + cols)))


def test_mirror_box_keys_mirrors_and_labels() -> None:
    labels = [chr(65 + j) for j in range(8)]
    comp = rt.mirror_box(2, 2, [1, 0, 0, 2], labels, 100, 100, 80)
    keys = set(comp.subkeys())
    assert {"m0", "m3"} <= keys and {f"p{j}" for j in range(8)} <= keys
