"""Pure core functions and seeded random draws."""

import os
import random
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

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


def test_arithmetic() -> None:
    assert rt.round(2.5) == 3 and rt.round(3.5) == 4 and rt.round(-2.5) == -2
    assert rt.round(2.49) == 2
    assert rt.round_to(2.345, 2) == 2.35 and rt.round_to(1.005, 2) == 1.01
    assert rt.floor(-1.5) == -2 and rt.ceil(1.2) == 2
    assert rt.abs(-3) == 3 and rt.fabs(-1.5) == 1.5
    assert rt.sqrt(9) == 3.0
    assert rt.gcd(12, 18) == 6 and rt.lcm(4, 6) == 12
    assert rt.mod(-1, 3) == 2 and rt.div(-7, 2) == -4
    assert rt.clamp(15, 0, 10) == 10
    assert rt.distance(rt.point(0, 0), rt.point(3, 4)) == 5.0
    with pytest.raises(ValueError):
        rt.mod(1, 0)


def test_text() -> None:
    assert rt.str(3.0) == "3" and rt.str(2.5) == "2.5" and rt.str(True) == "yes"
    assert rt.str([1, 2]) == "1, 2" and rt.str(rt.point(1, 2.5)) == "(1, 2.5)"
    assert rt.str(rt.grid_cell(2, 3)) == "(2, 3)"
    assert rt.join(["a", "b"], "-") == "a-b" and rt.upper("ab") == "AB"
    assert rt.lower("AB") == "ab" and rt.capitalize("red ball") == "Red ball"
    assert rt.number_word(0) == "zero" and rt.number_word(42) == "forty-two"
    assert rt.number_word(115) == "one hundred and fifteen"
    assert rt.number_word(-3001) == "minus three thousand and one"
    assert [rt.ordinal(i) for i in (1, 2, 3, 4, 11, 12, 13, 21, 102)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "102nd"
    ]  # fmt: skip
    assert rt.plural("box", 2) == "boxes" and rt.plural("box", 1) == "box"
    assert rt.plural("berry", 0) == "berries" and rt.plural("day", 3) == "days"
    assert rt.plural("mouse", 2) == "mice" and rt.plural("circle", 5) == "circles"
    assert [rt.letter(i) for i in (0, 25, 26, 27, 51, 52)] == ["A", "Z", "AA", "AB", "AZ", "BA"]


def test_random_draws_are_valid() -> None:
    rng = random.Random(0)
    for _ in range(200):
        assert 3 <= rt.randint(rng, 3, 7) <= 7
        u = rt.uniform(rng, 0.5, 1.5)
        assert 0.5 <= u <= 1.5 and round(u, 2) == u
        assert rt.choice(rng, ["a", "b"]) in ("a", "b")
        assert rt.weighted_choice(rng, ["a", "b", "c"], [0, 1, 0]) == "b"
        s = rt.sample(rng, list(range(10)), 6)
        assert len(set(s)) == 6 and set(s) <= set(range(10))
        assert sorted(rt.shuffle(rng, [3, 1, 2])) == [1, 2, 3]
        assert sorted(rt.permutation(rng, 5)) == [0, 1, 2, 3, 4]
    assert rt.coin(rng, 1.0) and not rt.coin(rng, 0.0)
    with pytest.raises(ValueError):
        rt.sample(rng, [1, 2], 3)
    with pytest.raises(ValueError):
        rt.weighted_choice(rng, ["a"], [0])
    with pytest.raises(ValueError):
        rt.randint(rng, 5, 1)


def test_sample_does_not_repeat_positions() -> None:
    rng = random.Random(5)
    assert sorted(rt.sample(rng, ["x", "x", "y"], 3)) == ["x", "x", "y"]


def test_colours_fixed_order() -> None:
    cs = rt.colours()
    assert cs[0] == "red" and "white" not in cs and len(cs) == len(set(cs))


def _draws(seed: int) -> list[object]:
    rng = random.Random(seed)
    return [
        rt.randint(rng, 0, 100),
        rt.uniform(rng, 0, 1),
        rt.choice(rng, list("abcdef")),
        rt.weighted_choice(rng, [1, 2, 3], [0.2, 0.3, 0.5]),
        rt.sample(rng, list(range(20)), 5),
        rt.shuffle(rng, list(range(8))),
        rt.permutation(rng, 6),
        rt.coin(rng, 0.5),
        rt.scatter(rng, 6, 20),
    ]


@given(st.integers(min_value=0, max_value=2**32))
def test_same_seed_same_draws(seed: int) -> None:
    assert _draws(seed) == _draws(seed)


def test_draws_match_in_a_fresh_process() -> None:
    # Another interpreter with a different hash seed must draw the same values.
    code = (
        "import random; from tron import stdlib as rt; "
        "g = rt.random_graph(random.Random(7), 9, 12, True); "
        "m = rt.maze(random.Random(7), 6, 6); "
        "print(repr((g.edges, g.pos, sorted(m.open), rt.scatter(random.Random(7), 5, 20))))"
    )
    outs = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    g = rt.random_graph(random.Random(7), 9, 12, True)
    m = rt.maze(random.Random(7), 6, 6)
    here = repr((g.edges, g.pos, sorted(m.open), rt.scatter(random.Random(7), 5, 20)))
    assert outs == {here + "\n"}
