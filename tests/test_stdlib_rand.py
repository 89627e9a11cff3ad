"""Seeded random draws: valid, and the same in any process."""

from __future__ import annotations

import os
import random
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tron import stdlib as rt


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
