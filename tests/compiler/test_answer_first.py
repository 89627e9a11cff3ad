"""`given`: drawn once per sample and kept across rejection retries, so `require`-ing the
scene to fit a drawn answer never skews the answers; and the warning for the skewing way."""

from collections import Counter
from pathlib import Path

import tron
from tron.compiler.driver import compile_source

SPEC = """env counting/dice
title "Answer first"
description "Dots; count them."
bucket counting
levels 0 to 1
version 1
{draw} hits = randint(1, 6)
param roll = randint(1, 12)
require roll <= 2 * hits as "the scene fits the drawn answer"
draw text(str(roll), 100, 100, 20)
question "How many?"
answer integer = hits
"""


def answers(tmp_path: Path, draw: str, n: int = 600) -> Counter[int]:
    (tmp_path / "counting").mkdir(exist_ok=True)
    (tmp_path / "counting" / "dice.tron").write_text(SPEC.format(draw=draw), encoding="utf-8")
    env = tron.load(tmp_path).make("counting/dice")
    return Counter(env.sample(0, seed).answer for seed in range(n))


def test_given_keeps_the_answer_uniform_under_rejection(tmp_path):
    kept = answers(tmp_path, "given")
    assert set(kept) == set(range(1, 7)) and min(kept.values()) >= 70  # 100 expected each


def test_a_param_answer_is_skewed_by_the_same_rejection(tmp_path):
    skewed = answers(tmp_path, "param")
    assert skewed[6] > 2 * skewed[1]  # accepted with chance hits/6: 6 is 6 times as likely as 1


def test_warning_names_the_requirement_and_the_fix():
    code = compile_source(SPEC.format(draw="param"), "tasks/counting/dice.tron")
    assert code.warnings == (
        "tasks/counting/dice.tron:9:9: warning: this requirement depends on 'hits', a random "
        "draw the answer is made from: a rejected draw redraws it too, which skews the answers\n"
        '    require roll <= 2 * hits as "the scene fits the drawn answer"\n'
        "            ^~~~~~~~~~~~~~~~\n"
        "    hint: draw it with 'given hits = ...' (kept across retries) if the scene should be "
        "made to fit it"
    )
    assert compile_source(SPEC.format(draw="given"), "tasks/counting/dice.tron").warnings == ""


def test_given_is_drawn_before_the_loop():
    code = compile_source(SPEC.format(draw="given"), "tasks/counting/dice.tron").code
    assert code.index("v_hits = _rt.randint(_rng, 1, 6)") < code.index("for _attempt in _tries:")


def test_rejecting_a_drawn_scene_the_answer_counts_is_not_warned():
    """A count of a random scatter is made from the scene: requiring a property of the scene is
    ordinary rejection sampling (the balance gate measures its answers), not a drawn answer."""
    scene = SPEC.format(draw="param").replace(
        "hits = randint(1, 6)", "xs = [randint(0, 9) for i in range(0, 6)]"
    )
    scene = scene.replace("2 * hits", "2 * max(xs)").replace("= hits", "= count(xs)")
    assert compile_source(scene, "tasks/counting/dice.tron").warnings == ""
    drawn = scene.replace("[randint(0, 9) for i in range(0, 6)]", "sample(range(0, 9), 6)")
    assert compile_source(drawn, "tasks/counting/dice.tron").warnings == ""
