"""lmms-eval: the tron_test task on a frozen `tron generate` test set. Its hooks are tested on
their own; the harness test loads the task with the installed lmms-eval and scores fixed
responses through `simple_evaluate` (skipped where lmms-eval is not installed: it is not in
the dev extra, see docs/integrations.md)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytest.importorskip("datasets", reason="datasets is not installed (tron-rl[hf])")

from tron.cli import main as tron_main  # noqa: E402
from tron.integrations import lmms_eval_task as lt  # noqa: E402

ENVS = ["counting/count_by_colour", "spatial/closest_pair"]


@pytest.fixture(scope="module")
def export(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("lmms") / "data"
    args = ["generate", "--for", "tron", "--format", "parquet", "--split", "test"]
    args += ["--levels", "1,2", "-n", "8", "--seed", "900", "--out", str(out)]
    args += [a for e in ENVS for a in ("--env", e)]
    assert tron_main(args) == 0
    return out


@pytest.fixture
def hf_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("HF_DATASETS_CACHE", str(tmp_path / "hf"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")


def _docs(export: Path) -> list[dict]:
    import datasets

    from tron.integrations.dataset import shard_files

    ds = datasets.load_dataset("parquet", data_files=shard_files(export), split="train")
    return list(ds)


def _reply(doc: dict) -> str:
    # right on even seeds, wrong on odd ones
    return f"\\boxed{{{doc['answer_text']}}}" if doc["seed"] % 2 == 0 else "\\boxed{nope}"


def test_packaged_task_files_match_the_generator():
    yaml = (lt.TASK_DIR / "tron_test.yaml").read_text(encoding="utf-8")
    assert yaml == lt.task_yaml(f"{lt.DATA_DIR}/test-*.parquet")
    assert (lt.TASK_DIR / "utils.py").is_file()


def test_hooks_score_with_the_exact_verifier(export, hf_cache):
    import tron

    docs = _docs(export)
    assert len(docs) == 8
    for doc in docs:
        inst = tron.make(doc["env_id"]).sample(doc["level"], doc["seed"])
        (image,) = lt.doc_to_visual(doc)
        assert image.size == inst.image.size and image.mode == "RGB"
        assert lt.doc_to_text(doc) == inst.question
        assert (
            lt.doc_to_text(doc, {"pre_prompt": "> ", "post_prompt": "!"}) == f"> {inst.question}!"
        )
        assert lt.doc_to_target(doc) == inst.answer_text
        right = lt.process_results(doc, [f"Answer: {inst.answer_text}"])
        keys = {"accuracy", f"acc_bucket_{doc['bucket']}", f"acc_level_{doc['level']}"}
        assert right == dict.fromkeys(keys, 1.0)
        assert lt.process_results(doc, [f"{inst.answer_text} or something"]) == dict.fromkeys(
            keys, 0.0
        )
        assert set(right) <= set(lt.metric_names())


def test_write_task_checks_the_export(export, tmp_path):
    task = lt.write_task(export, tmp_path / "task")
    text = (task / "tron_test.yaml").read_text()
    assert f"test: {export.resolve()}/test-*.parquet" in text
    assert (task / "utils.py").read_text() == (lt.TASK_DIR / "utils.py").read_text()
    other = tmp_path / "train"
    assert tron_main(["generate", "--env", ENVS[0], "-n", "2", "--out", str(other)]) == 0
    with pytest.raises(ValueError, match="--split test"):
        lt.write_task(other, tmp_path / "task2")


def test_harness_loads_the_task_and_scores_fixed_responses(export, tmp_path, hf_cache):
    if not os.environ.get("TRON_REQUIRE_LMMS_EVAL"):  # .ci/run sets it in its lmms-eval venv
        pytest.importorskip(
            "lmms_eval.evaluator",
            reason="lmms-eval is not installed (tron-rl[lmms-eval], not in dev)",
        )
    from lmms_eval import evaluator
    from lmms_eval.api.model import lmms
    from lmms_eval.tasks import TaskManager

    class FixedReplies(lmms):
        def __init__(self) -> None:
            super().__init__()
            self.prompts: list[tuple[str, int]] = []

        def generate_until(self, requests):
            out = []
            for req in requests:
                context, _gen_kwargs, doc_to_visual, doc_id, task, split = req.args
                doc = self.task_dict[task][split][doc_id]
                self.prompts.append((context, len(doc_to_visual(doc))))
                out.append(_reply(doc))
            return out

        def loglikelihood(self, requests):
            raise NotImplementedError

        def generate_until_multi_round(self, requests):
            raise NotImplementedError

    task_dir = lt.write_task(export, tmp_path / "task")
    model = FixedReplies()
    res = evaluator.simple_evaluate(
        model=model,
        tasks=[lt.TASK],
        task_manager=TaskManager(include_path=str(task_dir)),
        bootstrap_iters=0,
        log_samples=False,
    )
    got = res["results"][lt.TASK]
    docs = _docs(export)
    assert len(model.prompts) == len(docs) and all(n == 1 for _, n in model.prompts)
    assert {p for p, _ in model.prompts} == {d["question"] for d in docs}

    def mean(rows):
        return sum(1.0 if r["seed"] % 2 == 0 else 0.0 for r in rows) / len(rows)

    assert got["accuracy,none"] == pytest.approx(mean(docs))
    for bucket in {d["bucket"] for d in docs}:
        want = mean([d for d in docs if d["bucket"] == bucket])
        assert got[f"acc_bucket_{bucket},none"] == pytest.approx(want)
    for level in {d["level"] for d in docs}:
        want = mean([d for d in docs if d["level"] == level])
        assert got[f"acc_level_{level},none"] == pytest.approx(want)
