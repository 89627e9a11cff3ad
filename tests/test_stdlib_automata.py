"""Elementary cellular automata and the Game of Life."""

from __future__ import annotations

import itertools

import pytest

from tron import stdlib as rt


def test_rule_step_rule90_and_wrap() -> None:
    # Rule 90: new cell = left XOR right.
    assert rt.rule_step([0, 0, 1, 0, 0], 90, False) == [0, 1, 0, 1, 0]
    assert rt.rule_step([1, 0, 0, 0, 0], 90, False) == [0, 1, 0, 0, 0]
    assert rt.rule_step([1, 0, 0, 0, 0], 90, True) == [0, 1, 0, 0, 1]
    # Rule 30 on a single black cell.
    assert rt.rule_step([0, 0, 1, 0, 0], 30, False) == [0, 1, 1, 1, 0]
    with pytest.raises(ValueError):
        rt.rule_step([0, 1], 256, False)
    with pytest.raises(ValueError):
        rt.rule_step([0, 2], 30, False)


def test_rule_table_matches_step() -> None:
    assert rt.rule_table(30) == [0, 0, 0, 1, 1, 1, 1, 0]
    for rule in (30, 90, 110, 184):
        table = rt.rule_table(rule)
        for k, (a, b, c) in enumerate(itertools.product((1, 0), repeat=3)):
            assert rt.rule_step([a, b, c], rule, True)[1] == table[k]


def test_life_step_blinker_and_block() -> None:
    blinker = [0, 0, 0, 1, 1, 1, 0, 0, 0]
    assert rt.life_step(3, 3, blinker) == [0, 1, 0, 0, 1, 0, 0, 1, 0]
    block = [1, 1, 0, 1, 1, 0, 0, 0, 0]
    assert rt.life_step(3, 3, block) == block
    with pytest.raises(ValueError):
        rt.life_step(3, 3, [0] * 8)
