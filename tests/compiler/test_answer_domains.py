"""Answer domains computed per instance: the prompt lists exactly the labels drawn, and an
answer outside its domain is a located run-time error."""

from pathlib import Path

import pytest

import tron
from tron.envs.env import EnvError

SPEC = """env counting/dyn
title "Dynamic labels"
description "Lettered dots; name the asked one."
bucket counting
levels 0 to 9
version 1
param n = 2 + level // 3
param names = shuffle([letter(i) for i in range(0, n)])
param pick = choice(names)
draw text(pick, 100, 100, 20)
question "Which letter is drawn?"
answer {answer}
"""


def load(tmp_path: Path, answer: str) -> tron.Suite:
    (tmp_path / "counting").mkdir(exist_ok=True)
    (tmp_path / "counting" / "dyn.tron").write_text(SPEC.format(answer=answer), "utf-8")
    return tron.load(tmp_path)


def test_prompt_lists_exactly_the_drawn_labels(tmp_path):
    env = load(tmp_path, "label(sorted(names)) = pick").make("counting/dyn")
    for level in (0, 9):
        inst = env.sample(level, 3)
        n = 2 + level // 3
        listed = ", ".join("ABCDEFGH"[:n])
        assert f"exactly one of: {listed}." in inst.question
        assert inst.answer_type.to_json()["labels"] == list("ABCDEFGH"[:n])
        assert inst.verify(f"\\boxed{{{inst.answer_text}}}") == 1.0


def test_set_item_labels_per_instance(tmp_path):
    env = load(tmp_path, "set(label(names)) = [pick]").make("counting/dyn")
    inst = env.sample(6, 1)
    assert sorted(inst.answer_type.to_json()["item"]["labels"]) == list("ABCD")
    assert inst.verify(f"\\boxed{{{inst.answer_text}}}") == 1.0


@pytest.mark.parametrize(
    "answer, message",
    [
        ('label(names) = "Z"', "the answer 'Z' is not in its label list"),
        ('sequence(label(names)) = [pick, "Q"]', "an item of the answer 'Q' is not in its"),
    ],
)
def test_answer_outside_its_domain_names_the_answer_line(tmp_path, answer, message):
    env = load(tmp_path, answer).make("counting/dyn")
    with pytest.raises(EnvError) as info:
        env.sample(0, 0)
    text = str(info.value)
    assert "dyn.tron:12: AnswerDomainError: " in text and message in text
