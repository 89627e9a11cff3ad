"""Counting, aggregating and reshaping lists."""

from __future__ import annotations

import pytest

from tron import stdlib as rt


def test_counting_and_aggregates() -> None:
    assert rt.count([1, 2, 3]) == 3 == rt.len([4, 5, 6])
    assert rt.count_of(["a", "b", "a"], "a") == 2
    assert rt.sum([1, 2, 3]) == 6 and isinstance(rt.sum([1, 2]), int)
    assert rt.fsum([0.1] * 10) == 1.0
    assert rt.mean([1, 2, 3, 6]) == 3.0
    assert rt.min([3, 1, 2]) == 1 and rt.max(["b", "c", "a"]) == "c"
    assert rt.min2(2, 5) == 2 and rt.max2(2.5, 1) == 2.5
    with pytest.raises(ValueError):
        rt.max([])


def test_argmax_and_margins() -> None:
    assert rt.argmax(["a", "b", "c"], [1, 5, 5]) == "b"  # first on a tie
    assert rt.argmin(["a", "b", "c"], [4, 2, 3]) == "b"
    assert not rt.unique_max([1, 5, 5]) and rt.unique_max([1, 5, 4])
    assert rt.unique_min([1, 5, 5]) and not rt.unique_min([1, 1])
    assert rt.margin([3, 9, 7]) == 2 and rt.margin([9, 9]) == 0
    assert rt.margin_low([3, 9, 7]) == 4
    assert rt.min_gap([10, 3, 7, 12]) == 2
    with pytest.raises(ValueError):
        rt.argmax(["a"], [1, 2])


def test_lists() -> None:
    assert rt.sorted([3, 1, 2]) == [1, 2, 3] and rt.reversed([1, 2, 3]) == [3, 2, 1]
    assert rt.unique([3, 1, 3, 2, 1]) == [3, 1, 2]
    assert rt.union([3, 1], [2, 3]) == [1, 2, 3]
    assert rt.intersection([3, 1, 2, 2], [2, 3, 4]) == [2, 3]
    assert rt.difference([3, 1, 2], [2]) == [1, 3]
    assert rt.contains([1, 2], 2) and not rt.contains([1, 2], 5)
    assert rt.index(["a", "b"], "b") == 1
    with pytest.raises(ValueError):
        rt.index(["a"], "z")
    assert rt.range(2, 5) == [2, 3, 4]
    assert rt.repeat("x", 3) == ["x", "x", "x"]
    assert rt.take([1, 2, 3], 2) == [1, 2] and rt.drop([1, 2, 3], 2) == [3]
    assert rt.at([1, 2, 3], 2) == 3 and rt.first([4, 5]) == 4 and rt.last([4, 5]) == 5
    with pytest.raises(ValueError):
        rt.at([1], 1)
    assert rt.all([]) and not rt.any([]) and rt.any([False, True])
    assert rt.concat([1], [2]) == [1, 2]
    cells = [rt.grid_cell(1, 0), rt.grid_cell(0, 2), rt.grid_cell(0, 1)]
    assert rt.sorted(cells) == [rt.grid_cell(0, 1), rt.grid_cell(0, 2), rt.grid_cell(1, 0)]
