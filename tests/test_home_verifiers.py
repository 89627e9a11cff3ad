"""verifiers (v1): the tron-visual environment package, its taskset rows, its reward, and
`vf-eval` end to end against a local chat-completions stub."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

vf = pytest.importorskip("verifiers.v1", reason="verifiers is not installed (tron-rl[verifiers])")

from tests.home_stub import chat_stub  # noqa: E402
from tron.integrations.verifiers_env import (  # noqa: E402
    TronTaskset,
    TronTasksetConfig,
    load_environment,
    parse_levels,
)

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "environments" / "tron_visual"
ENVS = ["counting/count_by_colour", "spatial/closest_pair"]


@pytest.fixture(autouse=True)
def _package_importable(monkeypatch):
    # verifiers resolves the id `tron-visual` by importing `tron_visual` (the package under
    # environments/, installed with `pip install -e environments/tron_visual` outside tests)
    monkeypatch.syspath_prepend(str(PACKAGE))


def _taskset(**kw) -> TronTaskset:
    return TronTaskset(TronTasksetConfig(id="tron-visual", **kw))


def test_rows_carry_the_picture_and_question_as_chat_messages():
    import tron

    tasks = list(_taskset(buckets=["counting"], levels="1-2", size=3, seed=5))
    assert [t.data.idx for t in tasks] == [0, 1, 2]
    for t in tasks:
        (msg,) = t.data.prompt
        assert msg.role == "user"
        image, text = msg.content
        assert image.type == "image_url" and image.image_url.url.startswith(
            "data:image/png;base64,"
        )
        inst = tron.make(t.data.env_id).sample(t.data.level, t.data.seed)
        assert text.text == inst.question
        assert t.data.id == inst.id and t.data.answer_text == inst.answer_text
        assert t.key == inst.id


def test_arguments_choose_envs_levels_size_and_seed():
    tasks = list(_taskset(envs=["counting/count_by_colour"], levels=[2], size=4, seed=10))
    assert {t.data.env_id for t in tasks} == {"counting/count_by_colour"}
    assert [t.data.seed for t in tasks] == [10, 11, 12, 13]
    assert {t.data.level for t in tasks} == {2}
    assert parse_levels("0,2-3") == [0, 2, 3]
    with pytest.raises(ValueError, match="levels"):
        TronTasksetConfig(id="tron-visual", levels="x")
    with pytest.raises(Exception, match="no_such"):
        list(_taskset(envs=["counting/no_such"], size=1))


def test_load_environment_returns_a_verifiers_env():
    env = load_environment(buckets=["counting"], levels="1", n=2, seed=0)
    assert isinstance(env, vf.Env)
    assert [t.data.idx for t in env.taskset] == [0, 1]


def test_the_package_exports_one_taskset_and_one_harness():
    from verifiers.v1.utils.loaders import default_harness_id, taskset_class

    assert taskset_class("tron-visual") is TronTaskset
    assert default_harness_id("tron-visual") == "tron-visual"
    meta = (PACKAGE / "pyproject.toml").read_text()
    assert 'name = "tron-visual"' in meta and "tron-rl[verifiers]" in meta


def test_vf_eval_end_to_end_scores_with_the_exact_verifier(tmp_path):
    tasks = list(_taskset(envs=ENVS, levels="1-2", size=6, seed=3))
    replies, expected = {}, {}
    for t in tasks:
        url = t.data.prompt[0].content[0].image_url.url
        right = t.data.idx % 3 != 1  # 2 of 3 right; the rest a wrong (but well-formed) answer
        replies[url] = (
            f"Looking at it... \\boxed{{{t.data.answer_text}}}" if right else "\\boxed{zz}"
        )
        expected[t.data.id] = 1.0 if right else 0.0
    out = tmp_path / "vf"
    with chat_stub(replies) as stub:
        cmd = [
            str(Path(sys.executable).with_name("vf-eval")),
            "tron-visual",
            "--model", "stub-model",
            "--client.base-url", stub["base_url"],
            "--client.api-key-var", "TRON_STUB_KEY",
            "--env.agent.runtime.type", "subprocess",
            "--env.taskset.envs", json.dumps(ENVS),
            "--env.taskset.levels", "1-2",
            "--env.taskset.size", "6",
            "--env.taskset.seed", "3",
            "-n", "6", "-r", "1",
            "--push", "false",
            "--output-dir", str(out),
        ]  # fmt: skip
        env = {**os.environ, "PYTHONPATH": str(PACKAGE), "TRON_STUB_KEY": "k", "NO_COLOR": "1"}
        proc = subprocess.run(
            cmd, capture_output=True, text=True, timeout=240, env=env, cwd=tmp_path
        )
        assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
        assert len(stub["requests"]) == 6
        assert all(r["has_image"] and r["model"] == "stub-model" for r in stub["requests"])
    (traces,) = out.rglob("traces.jsonl")
    got = {}
    for line in traces.read_text().splitlines():
        rec = json.loads(line)
        got[rec["task"]["data"]["id"]] = rec["traces"][0]["rewards"]["correct"]["score"]
    assert got == expected
