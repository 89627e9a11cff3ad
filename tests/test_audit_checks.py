"""The audit checks (tron.quality.audit_checks) catch each deliberately broken fixture spec in
tests/fixtures/audit/ (copies of the specs before issue #15 was fixed, and a jar whose marble
crosses its wall) and pass the bundled suite's fixed environments."""

import json
from pathlib import Path

import pytest

import tron
from tron.quality import audit_checks as A

BROKEN = tron.load(Path(__file__).parent / "fixtures" / "audit")


def first_two(inst):
    keys = inst.generated.scene.keys()
    return keys[0], keys[1]


def test_direction_and_extreme_helpers():
    assert A.direction_holds((0, 0), (100, 10), "left")
    assert not A.direction_holds((0, 0), (100, 80), "left")  # near-diagonal: fits "above" too
    assert not A.direction_holds((0, 0), (100, 10), "right")
    assert A.direction_holds((0, 0), (10, 100), "above")
    assert A.extreme_holds([10, 30, 12], 5) and not A.extreme_holds([10, 30, 28], 5)
    assert A.extreme_holds([10, 30, 3], 5, lowest=True)


def test_relation_margin_catches_the_reported_instance():
    inst = BROKEN.make("spatial/relative_position").sample(3, 7301)
    a, b = first_two(inst)
    assert A.relation_problems(inst, a, b, inst.meta["state"]["side"])


@pytest.mark.parametrize("level", [0, 3, 9])
def test_relation_margin_passes_bundled(level):
    env = tron.make("spatial/relative_position")
    for seed in range(30):
        inst = env.sample(level, seed)
        a, b = first_two(inst)
        assert not A.relation_problems(inst, a, b, inst.meta["state"]["side"]), seed


def test_containment():
    inst = BROKEN.make("mathematical/jar_crossing").sample(0, 1)
    probs = A.containment_problems(inst.generated.scene, "jar", "marble")
    assert len(probs) == 1 and "marble " in probs[0] + " "
    env = tron.make("mathematical/marble_probability")
    for level in (0, 9):
        for seed in range(10):
            g = env.run(level, seed, with_checks=True)
            assert all(ok for _, ok in g.checks)


def test_boundary_clearance():
    old = BROKEN.make("counting/count_circle_regions")
    new = tron.make("counting/count_circle_regions")
    found = sum(
        len(A.clearance_problems(old.sample(5, s).generated.scene, "dot", "ring"))
        for s in range(20)
    )
    assert found > 0
    for level in (0, 5, 9):
        for seed in range(15):
            assert not A.clearance_problems(new.sample(level, seed).generated.scene, "dot", "ring")


def board_cover(inst):
    return max((v for k, v in A.label_cover(inst).items() if k.startswith("board/")), default=0.0)


def test_label_boxes_as_occluders():
    old = BROKEN.make("pattern_logic/life_next_alive")
    new = tron.make("pattern_logic/life_next_alive")
    assert all(board_cover(old.sample(9, s)) > A.MAX_LABEL_COVER for s in range(3))
    for level in (0, 9):
        for seed in range(3):
            assert board_cover(new.sample(level, seed)) <= A.MAX_LABEL_COVER


def test_shortcut_probe():
    assert any(
        "seq" in p for p in A.shortcut_problems(BROKEN.make("pattern_logic/bracket_balance"), 3)
    )
    env = tron.make("pattern_logic/bracket_balance")
    for level in (3, 8):
        baseline, scores = A.shortcut_scores(env, level, range(600))
        ends = max(scores[f] for f in ("first(seq)", "last(seq)", "ends(seq)"))
        assert ends <= baseline + A.SHORTCUT_MARGIN and ends <= 0.66, (level, baseline, ends)


def test_template_review():
    assert A.wording_problems("What percent of the total is Rabbits, Turtles and Cats?")
    assert A.wording_problems("the domino marked ?? Give the top number")
    assert A.wording_problems("How many dots are there ,?")
    assert not A.wording_problems(
        "How many are there?\nAnswer in digits. Put your final answer in \\boxed{}."
    )
    assert not A.wording_problems("What is the probability that it is red or blue?")
    assert A.template_problems(BROKEN.make("mathematical/pie_percent"), [9], draws=60)
    for env_id in ("mathematical/pie_percent", "pattern_logic/domino_sequence"):
        assert not A.template_problems(tron.make(env_id), [0, 5, 9], draws=40), env_id


def test_analyze_reports_a_shortcut_for_review(tmp_path, capsys):
    """`tron analyze --shortcuts` names the first/last-tile shortcut of the audit's
    bracket_balance (a report, written to analysis.json and stderr)."""
    from tron.cli import main

    fixtures = str(Path(__file__).parent / "fixtures" / "audit")
    args = ["analyze", "pattern_logic/bracket_balance", "--suite", fixtures, "-n", "100"]
    main([*args, "--shortcuts", "-o", str(tmp_path)])
    found = json.loads((tmp_path / "analysis.json").read_text())["shortcuts"]
    assert any("seq" in t for t in found["pattern_logic/bracket_balance"])
    assert "review pattern_logic/bracket_balance" in capsys.readouterr().err
