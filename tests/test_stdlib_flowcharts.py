"""Arithmetic steps and state machines."""

from __future__ import annotations

import pytest

from tron import stdlib as rt
from tron.stdlib.component import SampleRejected


def test_steps() -> None:
    assert rt.apply_steps(4, ["+ 3", "× 2", "- 5", "÷ 3"]) == 3
    assert rt.step_values(2, ["× 3", "-1"]) == [6, 5]
    assert rt.apply_steps(7, []) == 7
    with pytest.raises(SampleRejected):
        rt.apply_steps(5, ["÷ 2"])
    with pytest.raises(ValueError):
        rt.apply_steps(5, ["^ 2"])
    comp = rt.flowchart("Input x", ["add 2"], "Is x > 3?", ["add 1"], [], "Output x")
    assert {"start", "s0", "test", "y0", "end"} <= set(comp.subkeys())


def test_state_machine() -> None:
    # Parity of b's: P --b--> Q --b--> P, a loops.
    delta = [0, 1, 1, 0]
    assert rt.run_machine(delta, 2, 0, [1, 0, 1, 1]) == 1
    assert rt.run_machine(delta, 2, 0, []) == 0
    comp = rt.state_diagram(["P", "Q"], delta, ["a", "b"], [1])
    assert {"q0", "q1", "m0_0", "m0_1", "m1_0", "entry"} <= set(comp.subkeys())
