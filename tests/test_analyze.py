"""The analysis gate's statistics."""

import random
from collections import Counter

from tron.quality.analyze import blind_accuracy, entropy_ratio, share_limit


def test_uniform_answers_over_many_values_pass_the_share_limit():
    rng = random.Random(0)
    for values in (10, 50, 500):
        fails = 0
        for _ in range(200):
            draws = Counter(rng.randrange(values) for _ in range(60))
            fails += max(draws.values()) / 60 > share_limit(len(draws), 60)
        assert fails <= 4, (values, fails)  # a false alarm rate of at most 2%


def test_a_skewed_answer_fails_the_share_limit():
    draws = Counter({"3": 40, "4": 7, "5": 7, "6": 6})
    assert max(draws.values()) / 60 > share_limit(len(draws), 60)


def test_blind_baseline_finds_a_question_that_gives_the_answer_away():
    pairs = [(f"is it {a}?", a) for a in "abcd" for _ in range(10)]
    blind, chance = blind_accuracy(pairs)
    assert blind == 1.0 and chance < 0.5


def test_blind_baseline_equals_chance_when_the_question_says_nothing():
    rng = random.Random(1)
    pairs = [("same question", rng.choice("abcd")) for _ in range(400)]
    blind, chance = blind_accuracy(pairs)
    assert blind == chance


def test_entropy_ratio():
    assert entropy_ratio(Counter({"a": 5, "b": 5})) == 1.0
    assert entropy_ratio(Counter({"a": 9, "b": 1})) < 0.5
