"""Tests for tron.training.curriculum: Mixture, Curriculum, PublishedSchedule, drop_uniform_groups."""

from __future__ import annotations

import json
import math
import random
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tron.training.curriculum import Curriculum, Mixture, PublishedSchedule, drop_uniform_groups

K = 1.5  # slope of the simulated learner's pass curve per level


def true_pass(skill: float, level: int) -> float:
    return 1.0 / (1.0 + math.exp(-K * (skill - level)))


def rollouts(rng: random.Random, p: float, n: int = 8) -> list[float]:
    return [1.0 if rng.random() < p else 0.0 for _ in range(n)]


# ----------------------------------------------------------------------------- Curriculum


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_frontier_moves_up_as_skill_grows(seed: int) -> None:
    cur = Curriculum(["a"], seed=seed)
    rng = random.Random(100 + seed)
    skill = 0.5
    checkpoints = []
    for step in range(1500):
        env, level = cur.draw()
        cur.update(env, level, rollouts(rng, true_pass(skill, level)))
        # Practice only helps near the learner's ability, as in a real model.
        if abs(level - skill) <= 1.5:
            skill += 0.0005 * 8
        if step % 500 == 499:
            checkpoints.append((skill, cur.frontier("a")))
    fronts = [f for _, f in checkpoints]
    assert fronts == sorted(fronts)
    assert fronts[-1] > fronts[0] > cur.start
    final_skill, final_front = checkpoints[-1]
    assert final_skill > 4
    assert abs(final_front - final_skill) <= 2


def test_levels_move_down_when_pass_rates_are_low() -> None:
    cur = Curriculum(["a"], start=8, seed=5)
    rng = random.Random(5)
    skill = -5.0  # every level's pass rate is below 0.1%
    drawn = []
    fronts = []
    for _ in range(400):
        env, level = cur.draw()
        drawn.append(level)
        cur.update(env, level, rollouts(rng, true_pass(skill, level)))
        fronts.append(cur.frontier("a"))
    assert fronts == sorted(fronts, reverse=True)
    assert fronts[-1] == 0
    early, late = drawn[:8], drawn[-200:]
    assert sum(early) / len(early) > 6
    assert sum(late) / len(late) < 1.5
    # Apart from exploration, draws sit at the bottom.
    assert sum(1 for lv in late if lv == 0) / len(late) > 0.8


@pytest.mark.parametrize("seed", [0, 1])
def test_draws_converge_to_levels_inside_the_band(seed: int) -> None:
    skills = {"a": 2.3, "b": 6.7}
    cur = Curriculum(list(skills), seed=seed)
    rng = random.Random(seed)
    lo, hi = cur.band
    near = 0
    counted = 0
    for step in range(4000):
        env, level = cur.draw()
        p = true_pass(skills[env], level)
        cur.update(env, level, rollouts(rng, p))
        if step >= 2000:
            counted += 1
            near += lo - 0.1 <= p <= hi + 0.1
    assert near / counted > 0.8
    for env, s in skills.items():
        assert abs(cur.frontier(env) - s) <= 1.5


def test_frontier_needs_min_samples_before_moving() -> None:
    cur = Curriculum(["a"], window=16, min_samples=8)
    cur.update("a", 0, [1.0] * 7)
    assert cur.frontier("a") == 0
    cur.update("a", 0, [1.0])
    assert cur.frontier("a") == 1
    # Results at a non-frontier level never move the frontier.
    cur.update("a", 5, [1.0] * 16)
    assert cur.frontier("a") == 1


def test_frontier_uses_results_since_arrival_only() -> None:
    cur = Curriculum(["a"], window=16, min_samples=8, start=3)
    cur.update("a", 3, [0.0] * 8)  # fails -> down to 2
    assert cur.frontier("a") == 2
    cur.update("a", 2, [0.0] * 8)  # fails -> down to 1
    assert cur.frontier("a") == 1
    cur.update("a", 1, [1.0] * 8)  # passes -> back up to 2
    assert cur.frontier("a") == 2
    # Level 2 still holds 8 old failures; 8 new passes alone decide.
    cur.update("a", 2, [1.0] * 8)
    assert cur.frontier("a") == 3
    assert cur.pass_rate("a", 2) == 0.5


def test_in_band_levels_weigh_p_times_one_minus_p() -> None:
    cur = Curriculum(["a"], window=8, min_samples=8)
    cur.update("a", 4, [1.0] * 4 + [0.0] * 4)  # p = 0.5: in band
    cur.update("a", 6, [1.0] * 1 + [0.0] * 7)  # p = 0.125: below band
    cur.update("a", 2, [1.0] * 7 + [0.0] * 1)  # p = 0.875: above band
    w = cur.level_weights("a")
    assert w[0] == 0.25  # frontier, no data yet
    assert w[4] == pytest.approx(0.25)
    assert w[6] == 0 and w[2] == 0 and w[9] == 0
    cur.explore = 0.0
    assert {lv for _, lv in (cur.draw() for _ in range(200))} == {0, 4}


def test_rewards_above_zero_count_as_passes() -> None:
    cur = Curriculum(["a"])
    cur.update("a", 0, [1.0, -0.5, -1.0, 0.0, 0.5])
    assert cur.pass_rate("a", 0) == pytest.approx(2 / 5)
    assert cur.pass_rate("a", 1) is None


def test_curriculum_validates_input() -> None:
    with pytest.raises(ValueError, match="empty"):
        Curriculum([])
    with pytest.raises(ValueError, match="string"):
        Curriculum("a/b")
    with pytest.raises(ValueError, match="duplicate"):
        Curriculum(["a", "a"])
    with pytest.raises(ValueError, match="band"):
        Curriculum(["a"], band=(0.8, 0.2))
    with pytest.raises(ValueError, match="band"):
        Curriculum(["a"], band=(0.0, 1.5))
    with pytest.raises(ValueError, match="window"):
        Curriculum(["a"], window=0)
    with pytest.raises(ValueError, match="explore"):
        Curriculum(["a"], explore=1.5)
    with pytest.raises(ValueError, match="outside"):
        Curriculum(["a"], start=10)
    cur = Curriculum(["a"])
    with pytest.raises(ValueError, match="unknown environment"):
        cur.update("b", 0, [1.0])
    with pytest.raises(ValueError, match="outside"):
        cur.update("a", 10, [1.0])
    with pytest.raises(ValueError, match="outside"):
        cur.pass_rate("a", -1)
    with pytest.raises(ValueError, match=r"\[-1, 1\]"):
        cur.update("a", 0, [2.0])
    with pytest.raises(ValueError, match="finite"):
        cur.update("a", 0, [math.nan])


# ----------------------------------------------------------------------------- published


def test_published_advances_one_level_and_resets_window() -> None:
    sched = PublishedSchedule(["a"])
    good = [1.0] * 7 + [0.0]  # 7/8 = 0.875 >= 0.8
    for _ in range(3):
        sched.update("a", 0, good)
        assert sched.frontier("a") == 0
    sched.update("a", 0, good)
    assert sched.frontier("a") == 1
    # The window was reset: three more good groups are not enough.
    for _ in range(3):
        sched.update("a", 1, good)
        assert sched.frontier("a") == 1
    sched.update("a", 1, good)
    assert sched.frontier("a") == 2


def test_published_threshold_is_pooled_accuracy_over_the_window() -> None:
    sched = PublishedSchedule(["a"])
    # 6,6,7,7 of 32 = 0.8125 -> advance; 6,6,6,7 = 0.78 would not.
    for k in (6, 6, 6, 7):
        sched.update("a", 0, [1.0] * k + [0.0] * (8 - k))
    assert sched.frontier("a") == 0
    sched.update("a", 0, [1.0] * 7 + [0.0])  # window is now 6,6,7,7
    assert sched.frontier("a") == 1


def test_published_multi_group_update_and_replay_results() -> None:
    sched = PublishedSchedule(["a"], start=3)
    sched.update("a", 3, [1.0] * 32)  # four groups in one call
    assert sched.frontier("a") == 4
    # Replayed lower-level groups do not fill the window of the current level.
    for _ in range(8):
        sched.update("a", 1, [1.0] * 8)
    assert sched.frontier("a") == 4
    with pytest.raises(ValueError, match="group_size"):
        sched.update("a", 4, [1.0] * 5)


def test_published_stops_at_top_level() -> None:
    sched = PublishedSchedule(["a"], start=9)
    for _ in range(10):
        sched.update("a", 9, [1.0] * 8)
    assert sched.frontier("a") == 9


def test_published_replay_share() -> None:
    n = 5000
    sched = PublishedSchedule(["a", "b"], start=5, replay=0.3, seed=11)
    draws = [sched.draw() for _ in range(n)]
    lower = sum(1 for _, lv in draws if lv < 5)
    assert all(lv <= 5 for _, lv in draws)
    assert {lv for _, lv in draws} == set(range(6))
    sd = math.sqrt(0.3 * 0.7 / n)
    assert abs(lower / n - 0.3) < 4 * sd


def test_published_no_replay_never_goes_lower() -> None:
    sched = PublishedSchedule(["a"], start=5, replay=0.0)
    assert all(lv == 5 for _, lv in (sched.draw() for _ in range(1000)))
    # At the lowest level there is nothing to replay.
    low = PublishedSchedule(["a"], replay=1.0)
    assert all(lv == 0 for _, lv in (low.draw() for _ in range(100)))


def test_published_validates_input() -> None:
    with pytest.raises(ValueError, match="empty"):
        PublishedSchedule([])
    with pytest.raises(ValueError, match="replay"):
        PublishedSchedule(["a"], replay=-0.1)
    with pytest.raises(ValueError, match="group_size"):
        PublishedSchedule(["a"], group_size=0)
    sched = PublishedSchedule(["a"])
    with pytest.raises(ValueError, match="unknown environment"):
        sched.update("z", 0, [1.0] * 8)
    with pytest.raises(ValueError, match="outside"):
        sched.update("a", 12, [1.0] * 8)


# ----------------------------------------------------------------------------- determinism


def drive(sampler: Curriculum | PublishedSchedule, steps: int, seed: int) -> list[tuple[str, int]]:
    """Draw and feed back simulated rewards; the rewards depend only on `seed` and the draws."""
    rng = random.Random(seed)
    skills = {e: 1.0 + 2.0 * i for i, e in enumerate(sampler.envs)}
    out = []
    for _ in range(steps):
        env, level = sampler.draw()
        out.append((env, level))
        sampler.update(env, level, rollouts(rng, true_pass(skills[env], level)))
    return out


@pytest.mark.parametrize("make", [Curriculum, PublishedSchedule])
def test_same_seed_same_draws(make: type[Curriculum] | type[PublishedSchedule]) -> None:
    a = make(["x/a", "x/b", "y/c"], seed=42)
    b = make(["x/a", "x/b", "y/c"], seed=42)
    assert drive(a, 500, 1) == drive(b, 500, 1)
    c = make(["x/a", "x/b", "y/c"], seed=43)
    assert drive(c, 500, 1) != drive(make(["x/a", "x/b", "y/c"], seed=42), 500, 1)


@pytest.mark.parametrize("make", [Curriculum, PublishedSchedule])
def test_state_dict_round_trip(make: type[Curriculum] | type[PublishedSchedule]) -> None:
    envs = ["x/a", "x/b", "y/c"]
    original = make(envs, seed=7)
    drive(original, 300, 2)
    saved = json.loads(json.dumps(original.state_dict()))
    resumed = make(envs, seed=999)  # the seed is overwritten by the saved state
    resumed.load_state_dict(saved)
    assert resumed.state_dict() == json.loads(json.dumps(original.state_dict()))
    assert drive(resumed, 300, 3) == drive(original, 300, 3)
    for e in envs:
        assert resumed.frontier(e) == original.frontier(e)


def test_load_state_dict_rejects_other_configuration() -> None:
    saved = json.loads(json.dumps(Curriculum(["a", "b"]).state_dict()))
    with pytest.raises(ValueError, match="configuration"):
        Curriculum(["a", "b"], window=32).load_state_dict(saved)
    with pytest.raises(ValueError, match="PublishedSchedule"):
        PublishedSchedule(["a", "b"]).load_state_dict(saved)


def test_load_state_dict_rejects_malformed_state_and_keeps_own() -> None:
    cur = Curriculum(["a", "b"], seed=4)
    drive(cur, 50, 0)
    before = cur.state_dict()
    bad = json.loads(json.dumps(before))
    bad["frontier"]["b"] = 42
    bad["history"]["a"] = []
    with pytest.raises(ValueError, match="malformed"):
        cur.load_state_dict(bad)
    del bad["rng"]
    with pytest.raises(ValueError, match="malformed"):
        cur.load_state_dict(bad)
    assert cur.state_dict() == before


def test_no_global_random_state_used() -> None:
    random.seed(1)
    a = [Mixture(["a", "b"], seed=3).draw() for _ in range(5)]
    random.seed(2)
    b = [Mixture(["a", "b"], seed=3).draw() for _ in range(5)]
    assert a == b
    state = random.getstate()
    Mixture(["a", "b"]).draw_many(100)
    drive(Curriculum(["a"]), 50, 0)
    assert random.getstate() == state


# ----------------------------------------------------------------------------- Mixture


def chi_square(counts: Counter[str], probs: dict[str, float], n: int) -> float:
    return sum((counts[k] - n * p) ** 2 / (n * p) for k, p in probs.items() if p > 0)


def test_mixture_frequencies_match_weights() -> None:
    weights = {"a": 1.0, "b": 2.0, "c": 3.0, "d": 4.0}
    n = 20000
    mix = Mixture(weights, seed=3)
    draws = mix.draw_many(n)
    counts = Counter(e for e, _ in draws)
    probs = {e: w / 10 for e, w in weights.items()}
    assert mix.probabilities == pytest.approx(probs)
    assert chi_square(counts, probs, n) < 16.27  # chi2, df=3, p=0.001
    levels = Counter(str(lv) for _, lv in draws)
    uniform = {str(lv): 0.1 for lv in range(10)}
    assert chi_square(levels, uniform, n) < 27.88  # chi2, df=9, p=0.001


def test_mixture_zero_weight_never_drawn() -> None:
    mix = Mixture({"a": 0.0, "b": 1.0}, levels=[3, 5])
    draws = mix.draw_many(500)
    assert {e for e, _ in draws} == {"b"}
    assert {lv for _, lv in draws} == {3, 5}


def test_mixture_bucket_weights_split_evenly() -> None:
    envs = ["spatial/a", "spatial/b", "spatial/c", "counting/d"]
    mix = Mixture(envs, buckets={"spatial": 0.75, "counting": 0.25})
    assert mix.probabilities == pytest.approx(
        {"spatial/a": 0.25, "spatial/b": 0.25, "spatial/c": 0.25, "counting/d": 0.25}
    )
    mix = Mixture(envs, buckets={"spatial": 1.0, "counting": 1.0})
    assert mix.probabilities["counting/d"] == pytest.approx(0.5)
    assert mix.probabilities["spatial/a"] == pytest.approx(1 / 6)
    # Per-env weights multiply the even share: 2 * 1/2, 1 * 1/2, 1 * 1 -> 1 : 0.5 : 1.
    mix = Mixture(
        {"spatial/a": 2.0, "spatial/b": 1.0, "counting/d": 1.0},
        buckets={"spatial": 1.0, "counting": 1.0},
    )
    assert mix.probabilities == pytest.approx(
        {"spatial/a": 0.4, "spatial/b": 0.2, "counting/d": 0.4}
    )
    # An explicit bucket_of map may cover more environments than are mixed.
    mix = Mixture(
        ["p", "q"],
        buckets={"x": 3.0, "y": 1.0},
        bucket_of={"p": "x", "q": "y", "unused": "x"},
        seed=1,
    )
    n = 8000
    counts = Counter(e for e, _ in mix.draw_many(n))
    assert chi_square(counts, {"p": 0.75, "q": 0.25}, n) < 10.83  # df=1, p=0.001


def test_mixture_rejects_bad_weights() -> None:
    with pytest.raises(ValueError, match="empty"):
        Mixture([])
    with pytest.raises(ValueError, match="empty"):
        Mixture({})
    with pytest.raises(ValueError, match=">= 0"):
        Mixture({"a": -1.0, "b": 1.0})
    with pytest.raises(ValueError, match=">= 0"):
        Mixture({"a": math.inf})
    with pytest.raises(ValueError, match="all weights are zero"):
        Mixture({"a": 0.0, "b": 0.0})
    with pytest.raises(ValueError, match="all weights are zero"):
        Mixture(["s/a", "c/b"], buckets={"s": 0.0, "c": 0.0})
    with pytest.raises(ValueError, match="has no weight in buckets"):
        Mixture(["s/a", "c/b"], buckets={"s": 1.0})
    with pytest.raises(ValueError, match="no environments"):
        Mixture(["s/a"], buckets={"s": 1.0, "ghost": 1.0})
    with pytest.raises(ValueError, match=">= 0"):
        Mixture(["s/a"], buckets={"s": -1.0})
    with pytest.raises(ValueError, match="bucket_of"):
        Mixture(["a"], buckets={"s": 1.0})
    with pytest.raises(ValueError, match="no entry in bucket_of"):
        Mixture(["a", "b"], buckets={"s": 1.0}, bucket_of={"a": "s"})
    with pytest.raises(ValueError, match="without buckets"):
        Mixture(["a"], bucket_of={"a": "s"})
    with pytest.raises(ValueError, match="levels"):
        Mixture(["a"], levels=[])


def test_mixture_deterministic() -> None:
    assert Mixture(["a", "b", "c"], seed=9).draw_many(200) == Mixture(
        ["a", "b", "c"], seed=9
    ).draw_many(200)


# ----------------------------------------------------------------------------- DAPO


def test_drop_uniform_groups() -> None:
    groups = [
        [0.0] * 8,  # all wrong
        [1.0] * 8,  # all right
        [1.0, 0.0, 0.0, 1.0],  # mixed
        [-0.5, -1.0, -0.5],  # published scheme, all wrong
        [1.0, -0.5],  # published scheme, mixed
        [],  # no rollouts, no signal
        [1.0],  # a single rollout is always uniform
        [0.5, 0.0],  # partial credit counts as right
    ]
    assert drop_uniform_groups(groups) == [2, 4, 7]
    assert drop_uniform_groups([]) == []
    with pytest.raises(ValueError):
        drop_uniform_groups([[0.0, 3.0]])


# ----------------------------------------------------------------------------- properties

ENVS = ["e0", "e1", "e2"]
rewards = st.floats(min_value=-1.0, max_value=1.0, allow_nan=False)
updates = st.lists(
    st.tuples(st.sampled_from(ENVS), st.integers(0, 9), st.lists(rewards, max_size=20)),
    max_size=60,
)


@given(
    updates=updates,
    seed=st.integers(0, 2**32),
    window=st.integers(1, 40),
    band=st.tuples(st.floats(0.0, 0.49), st.floats(0.51, 1.0)),
    explore=st.floats(0.0, 1.0),
)
def test_curriculum_random_updates_never_raise(
    updates: list[tuple[str, int, list[float]]],
    seed: int,
    window: int,
    band: tuple[float, float],
    explore: float,
) -> None:
    cur = Curriculum(ENVS, seed=seed, window=window, band=band, explore=explore)
    for env, level, rs in updates:
        cur.update(env, level, rs)
        env2, level2 = cur.draw()
        assert env2 in ENVS and 0 <= level2 <= 9
    for env in ENVS:
        assert 0 <= cur.frontier(env) <= 9
        for level in range(10):
            p = cur.pass_rate(env, level)
            assert p is None or 0.0 <= p <= 1.0
    json.dumps(cur.state_dict())


@given(
    groups=st.lists(
        st.tuples(st.sampled_from(ENVS), st.integers(0, 9), st.integers(0, 3), rewards),
        max_size=60,
    ),
    seed=st.integers(0, 2**32),
)
def test_published_random_updates_never_raise(
    groups: list[tuple[str, int, int, float]], seed: int
) -> None:
    sched = PublishedSchedule(ENVS, seed=seed)
    for env, level, n_groups, r in groups:
        before = sched.frontier(env)
        sched.update(env, level, [r] * (8 * n_groups))
        assert before <= sched.frontier(env) <= before + n_groups
        sched.draw()
    for env in ENVS:
        for level in range(10):
            p = sched.pass_rate(env, level)
            assert p is None or 0.0 <= p <= 1.0
