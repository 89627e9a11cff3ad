"""The runtime API: instances, determinism, serialization, rewards, themes, batches."""

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import tron
from tron.answers import rewards
from tron.envs.env import EnvError
from tron.envs.program import SamplingError
from tron.quality.validate import problems
from tron.render.themes import THEMES

ROOT = Path(__file__).resolve().parent
SPECS = ROOT / "golden" / "specs"


@pytest.fixture(scope="module")
def suite():
    return tron.load(SPECS)


def fingerprint(inst) -> str:
    return hashlib.sha256((inst.svg + inst.question + inst.answer_text).encode()).hexdigest()


def test_suite_lists_and_describes(suite):
    assert suite.list_envs() == ["counting/golden_colours", "diagram/golden_choice"]
    assert suite.list_envs("diagram") == ["diagram/golden_choice"]
    info = suite.make("diagram/golden_choice").info
    assert (info.bucket, info.levels, info.version, info.answer_kind) == (
        "diagram",
        (0, 3),
        2,
        "choice",
    )
    with pytest.raises(ValueError, match="unknown bucket"):
        suite.list_envs("nope")
    with pytest.raises(KeyError, match="did you mean 'diagram/golden_choice'"):
        suite.make("diagram/golden_choise")


def test_instance_fields(suite):
    inst = suite.make("counting/golden_colours").sample(3, 11)
    assert inst.id == "counting/golden_colours@1/3/11"
    assert inst.question.endswith("Put your final answer in \\boxed{}.")
    assert "whole number" in inst.question
    assert inst.answer_text == str(inst.answer)
    assert inst.svg.startswith("<svg") or inst.svg.startswith("<?xml")
    assert inst.image.mode == "RGB" and inst.image.size == (512, 512)
    assert inst.png[:8] == b"\x89PNG\r\n\x1a\n"


def test_multiple_choice_has_exactly_one_correct_option(suite):
    env = suite.make("diagram/golden_choice")
    for seed in range(20):
        inst = env.sample(seed % 4, seed)
        scores = [inst.verify(f"\\boxed{{{c}}}") for c in inst.choices]
        assert scores.count(1.0) == 1 and scores[inst.choices.index(inst.answer)] == 1.0


def test_choice_position_is_randomised(suite):
    env = suite.make("diagram/golden_choice")
    letters = {env.sample(1, s).answer for s in range(40)}
    assert len(letters) >= 3


def test_determinism_across_processes(suite):
    code = (
        f"import hashlib, tron; s = tron.load({str(SPECS)!r}); i = s.make('counting/golden_colours')"
        ".sample(5, 99); print(hashlib.sha256((i.svg + i.question + i.answer_text).encode())"
        ".hexdigest())"
    )
    out = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": str(h)},
        ).stdout.strip()
        for h in (1, 2)
    }
    assert out == {fingerprint(suite.make("counting/golden_colours").sample(5, 99))}


def test_round_trip_and_verify_from_dict_alone(suite):
    for env_id in suite.list_envs():
        inst = suite.make(env_id).sample(2, 7)
        d = json.loads(json.dumps(inst.to_dict()))
        back = tron.Instance.from_dict(d)
        assert (back.id, back.question, back.answer, back.answer_text, back.svg) == (
            inst.id,
            inst.question,
            inst.answer,
            inst.answer_text,
            inst.svg,
        )
        assert back.to_dict() == inst.to_dict()
        assert tron.verify(d, f"<answer>{inst.answer_text}</answer>") == 1.0
        assert tron.verify(d, "I am not sure") == 0.0


def test_svg_is_written_only_when_asked(suite):
    from tron.render.svg import to_svg

    inst = suite.make("counting/golden_colours").sample(4, 5, theme="sketch")
    inst.image  # noqa: B018 - the raster path needs no SVG text
    assert "svg" not in inst.__dict__
    assert inst.svg == to_svg(inst.generated.scene, inst.theme, seed=5)
    back = tron.Instance.from_dict(inst.to_dict())
    assert back.generated is None and back.svg == inst.svg


def test_verify_rejects_corrupt_records():
    with pytest.raises(ValueError, match="not a TRON instance"):
        tron.verify({"answer": 3}, "\\boxed{3}")


def test_published_reward_scheme(suite):
    env = suite.make("counting/golden_colours")
    wrappers = set()
    for seed in range(30):
        inst = env.sample(1, seed, reward="tron")
        w = inst.meta["wrapper"]
        wrappers.add(w)
        assert rewards.wrapper_instruction(w) in inst.question
        assert inst.verify(rewards.wrap(inst.answer_text, w)) == 1.0
        assert inst.verify(rewards.wrap(str(inst.answer + 1), w)) == -0.5
        other = next(x for x in rewards.WRAPPERS if x != w)
        assert inst.verify(rewards.wrap(inst.answer_text, other)) == -1.0
    assert wrappers == set(rewards.WRAPPERS)


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_style_never_changes_the_answer(suite, theme):
    env = suite.make("counting/golden_colours")
    for seed in range(4):
        base = env.sample(6, seed, theme="clean")
        styled = env.sample(6, seed, theme=theme)
        assert (styled.question, styled.answer) == (base.question, base.answer)
        assert styled.meta["theme"] == theme
        assert problems(env, 6, seed, theme=theme) == []


def test_augmentation_is_recorded_and_deterministic(suite):
    env = suite.make("counting/golden_colours")
    a = env.sample(2, 5, augment=True)
    b = env.sample(2, 5, augment=True)
    assert a.meta["augment"] == b.meta["augment"] and a.meta["augment"]
    assert a.image.tobytes() == b.image.tobytes()
    assert a.answer == env.sample(2, 5).answer


def test_sample_batch_matches_serial_whatever_the_workers():
    reqs = [("counting/golden_colours", s % 10, s) for s in range(12)]
    serial = tron.sample_batch(reqs, workers=1, suite=SPECS)
    parallel = tron.sample_batch(reqs, workers=2, suite=SPECS, chunk=5)
    assert [fingerprint(i) for i in serial] == [fingerprint(i) for i in parallel]
    assert [i.image.tobytes() for i in serial] == [i.image.tobytes() for i in parallel]


def test_stream_yields_consecutive_seeds(suite):
    it = suite.make("counting/golden_colours").stream(2, seed=10)
    assert [next(it).seed for _ in range(3)] == [10, 11, 12]


def test_bad_level_and_seed(suite):
    env = suite.make("diagram/golden_choice")
    with pytest.raises(ValueError, match="level must be an int in 0..3"):
        env.sample(4, 0)
    with pytest.raises(ValueError, match="seed must be an int"):
        env.sample(0, "x")


def test_runtime_failure_names_the_spec_line():
    env = tron.load(ROOT / "fixtures" / "broken").make("diagram/fails_at_runtime")
    assert env.sample(0, 0).answer == 10
    with pytest.raises(EnvError, match=r"fails_at_runtime.tron:10: ZeroDivisionError"):
        env.sample(1, 0)
    with pytest.raises(EnvError, match="line 9: level two is unsatisfiable") as info:
        env.sample(2, 0)
    assert isinstance(info.value.__cause__, SamplingError)


@pytest.mark.parametrize(
    "garbage",
    [
        None,
        3,
        b"\\boxed{3}",
        ["3"],
        "\x00" * 10,
        "{" * 100_000,
        "\\boxed{" * 50_000,
        "٣",
        "x" * 1_000_000,
    ],
)
def test_garbage_responses_score_zero_and_never_raise(suite, garbage):
    inst = suite.make("counting/golden_colours").sample(0, 0)
    assert inst.verify(garbage) == 0.0
    assert tron.verify(inst.to_dict(), garbage) == 0.0


def test_lenient_load_skips_a_broken_sibling_spec(tmp_path, capsys):
    good = (SPECS / "counting" / "golden_colours.tron").read_text(encoding="utf-8")
    (tmp_path / "counting").mkdir()
    (tmp_path / "counting" / "golden_colours.tron").write_text(good, encoding="utf-8")
    (tmp_path / "counting" / "half_written.tron").write_text(
        "env counting/half_written\nparam", encoding="utf-8"
    )
    with pytest.raises(Exception, match="half_written.tron"):
        tron.load(tmp_path)
    suite = tron.loading.load_suite(tmp_path, lenient=True)
    assert suite.list_envs() == ["counting/golden_colours"]
    assert "skipped 1 spec(s) with errors" in capsys.readouterr().err


def test_render_at_a_requested_size_matches_both_paths(suite):
    import numpy as np

    inst = suite.make("counting/golden_colours").sample(4, 2, theme="clean")
    direct = inst.render(256)
    stored = tron.Instance.from_dict(inst.to_dict()).render(256)  # SVG + cairosvg
    assert direct.size == stored.size == (256, 256)
    diff = np.abs(np.asarray(direct, dtype=int) - np.asarray(stored, dtype=int)).mean()
    assert diff < 2.0
    assert inst.render((300, 200)).size == (300, 200)


def test_evaluating_checks_leaves_the_instance_unchanged():
    # validate samples once with the spec's checks on; that draw must be the training draw
    with_checks = [e for e in tron.list_envs() if tron.make(e).module.CHECKS][::40]
    assert len(with_checks) >= 5
    for env_id in with_checks:
        env = tron.make(env_id)
        for level in (0, 9):
            checked = env.sample(level, 11, with_checks=True)
            assert fingerprint(checked) == fingerprint(env.sample(level, 11))
            assert len(checked.generated.checks) == len(env.module.CHECKS)
            assert env.sample(level, 11).generated.checks == []


def test_a_set_of_cells_is_answered_as_row_column_pairs():
    # Cell records inside a set answer become (row, column) pairs like a single cell answer.
    env = tron.make("spatial/fold_punch_cells")
    inst = env.sample(6, 4)
    cells = sorted(inst.answer)
    assert cells and all(isinstance(c, tuple) and len(c) == 2 for c in cells)
    listed = ", ".join(f"({r}, {c})" for r, c in reversed(cells))
    assert env.verify(inst, f"\\boxed{{{listed}}}") == 1.0
    if len(cells) > 1:
        fewer = ", ".join(f"({r}, {c})" for r, c in cells[1:])
        assert env.verify(inst, f"\\boxed{{{fewer}}}") == 0.0
