"""The analysis gate's statistics."""

import random
from collections import Counter

from tron.quality.analyze import EnvReport, LevelReport, blind_accuracy, entropy_ratio, gate


def level(answers, blind=0.0, chance=0.0):
    n = sum(answers.values())
    share = max(answers.values()) / n
    return LevelReport(0, n, n, 0, 1.0, n, answers, 1.0, share, chance or share, blind, 1.0)


def test_uniform_answers_over_many_values_pass_the_gate():
    rng = random.Random(0)
    for values in (2, 10, 39, 500):
        fails = 0
        for _ in range(200):
            rep = EnvReport(
                "e", "counting", [level(Counter(str(rng.randrange(values)) for _ in range(60)))]
            )
            gate(rep)
            fails += bool(rep.failures)
        assert fails <= 2, (values, fails)  # a false alarm rate of at most 1%


def test_a_skewed_answer_fails_the_gate():
    for answers in ({"3": 40, "4": 7, "5": 7, "6": 6}, {"no": 55, "yes": 5}, {"7": 60}):
        rep = EnvReport("e", "counting", [level(answers)])
        gate(rep)
        assert rep.failures, answers


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


def test_unreliable_draws_name_the_exception_and_spec_line():
    from pathlib import Path

    import tron
    from tron.quality.analyze import analyze_env

    folder = Path(__file__).resolve().parent / "fixtures" / "validate"
    report = analyze_env(tron.load(folder).make("counting/negative_take"), 10)
    (failure,) = [f for f in report.failures if "reliability" in f]
    assert "level 0: reliability 0/10 (10x " in failure
    assert "negative_take.tron:12: ValueError: take: negative count -1" in failure


def test_the_same_scene_in_another_theme_is_the_same_picture():
    # The distinct gate counts pictures by their scene: a draw that differs from another only
    # in its theme (colours shifted, serif or sketch) is no new picture.
    import tron
    from tron.quality.analyze import picture_key
    from tron.render.themes import THEMES

    env = tron.make("counting/count_by_colour")
    looks = [env.sample(4, 11, theme=name) for name in THEMES]
    assert len({inst.svg for inst in looks}) == len(THEMES)  # the themes do draw differently
    assert len({picture_key(inst) for inst in looks}) == 1
    others = [env.sample(4, seed) for seed in range(12, 20)]
    assert len({picture_key(inst) for inst in [looks[0], *others]}) == 9
