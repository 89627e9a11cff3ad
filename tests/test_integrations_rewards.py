"""Reward adapters, called exactly the way verl, EasyR1 and TRL call them, on rows loaded the way
those frameworks load them (datasets' parquet reader)."""

import json
from pathlib import Path

import datasets
import pytest

from tron.integrations import easyr1, trl, verl
from tron.integrations.common import completion_text
from tron.integrations.dataset import Spec, generate, shard_files

SPECS = Path(__file__).parent / "golden" / "specs"
ENVS = ("counting/golden_colours", "diagram/golden_choice")


def rows(tmp_path_factory, target):
    out = tmp_path_factory.mktemp(target)
    generate(Spec(ENVS, (1, 2), 6, seed=11, target=target, suite=str(SPECS)), out, progress=False)
    ds = datasets.load_dataset(
        "parquet", data_files=shard_files(out), split="train", cache_dir=str(out / ".hf")
    )
    return [ds[i] for i in range(len(ds))]


def responses(gold):
    wrong = "ZZ" if not gold.isdigit() else str(int(gold) + 1)
    return {
        "gold": (f"Counting carefully... so the answer is \\boxed{{{gold}}}.", 1.0),
        "wrong": (f"\\boxed{{{wrong}}}", 0.0),
        "hedge": (f"It is \\boxed{{{gold}}} or \\boxed{{{wrong}}}.", 0.0),
        "none": ("I cannot tell.", 0.0),
    }


@pytest.fixture(scope="module")
def verl_rows(tmp_path_factory):
    return rows(tmp_path_factory, "verl")


def test_verl_compute_score(verl_rows):
    for row in verl_rows:
        gold = json.loads(row["reward_model"]["ground_truth"])["answer_text"]
        for text, expected in responses(gold).values():
            got = verl.compute_score(
                data_source=row["data_source"],
                solution_str=text,
                ground_truth=row["reward_model"]["ground_truth"],
                extra_info=row["extra_info"],
            )
            assert got == expected, (row["extra_info"]["id"], text)
    assert verl_rows[0]["data_source"] == "tron/" + ENVS[0]
    assert verl_rows[0]["ability"] == "counting"


def test_verl_ground_truth_alone_scores(verl_rows):
    # verl's main_eval calls reward_fn(data_source, response, ground_truth): no extra_info
    for row in verl_rows:
        gt = row["reward_model"]["ground_truth"]
        record = json.loads(gt)  # readable: the answer text, type descriptor and gold value
        assert set(record) == {"answer_text", "answer_type", "answer", "reward_scheme", "wrapper"}
        assert isinstance(record["answer_type"], dict) and "kind" in record["answer_type"]
        for text, expected in responses(record["answer_text"]).values():
            assert verl.compute_score(row["data_source"], text, gt) == expected


def test_verl_batch_keywords(verl_rows):
    # verl's BatchRewardManager: plural keywords (numpy arrays for the sources), a list back
    import numpy as np

    texts, want = [], []
    for row in verl_rows:
        gold = json.loads(row["reward_model"]["ground_truth"])["answer_text"]
        (t1, w1), (t2, w2) = responses(gold)["gold"], responses(gold)["wrong"]
        texts.append(t1 if len(texts) % 2 == 0 else t2)
        want.append(w1 if len(want) % 2 == 0 else w2)
    got = verl.compute_score(
        data_sources=np.array([r["data_source"] for r in verl_rows], dtype=object),
        solution_strs=texts,
        ground_truths=[r["reward_model"]["ground_truth"] for r in verl_rows],
        extra_infos=[r["extra_info"] for r in verl_rows],
    )
    assert got == want and 0.0 in want and 1.0 in want


def test_verl_rows_from_before_the_record_in_the_ground_truth_still_score(verl_rows):
    for row in verl_rows:
        gold = json.loads(row["reward_model"]["ground_truth"])["answer_text"]
        for text, expected in responses(gold).values():  # old rows: bare answer text
            assert verl.compute_score(row["data_source"], text, gold, row["extra_info"]) == expected


def test_verl_without_record_raises(verl_rows):
    row = verl_rows[0]
    with pytest.raises(ValueError, match="verification record"):
        verl.compute_score(row["data_source"], "\\boxed{1}", "1", None)
    with pytest.raises(ValueError, match="verification record"):
        verl.compute_score(row["data_source"], "\\boxed{1}", '{"answer": 1}', {})


def test_easyr1_batch_and_sequential(tmp_path_factory):
    data = rows(tmp_path_factory, "easyr1")
    inputs, expected = [], []
    for row in data:
        for text, want in responses(row["answer_text"]).values():
            # EasyR1 renames the answer column to ground_truth for the reward function
            inputs.append(
                {"response": text, "response_length": len(text), "ground_truth": row["answer"]}
            )
            expected.append(want)
    scores = easyr1.compute_score(inputs)
    assert [s["overall"] for s in scores] == expected
    assert [s["accuracy"] for s in scores] == expected
    assert easyr1.compute_score(inputs[0]) == {"overall": 1.0, "accuracy": 1.0}


def trl_kwargs(batch):
    # GRPOTrainer passes every column except the prompt, one list entry per completion
    return {k: [r[k] for r in batch] for k in batch[0] if k != "prompt"}


def test_trl_reward_on_standard_and_conversational_completions(tmp_path_factory):
    data = rows(tmp_path_factory, "trl")
    for kind in ("gold", "wrong", "hedge"):
        batch = data
        texts = [responses(r["answer_text"])[kind][0] for r in batch]
        want = [responses(r["answer_text"])[kind][1] for r in batch]
        prompts = [r["prompt"] for r in batch]
        assert trl.tron_reward(prompts=prompts, completions=texts, **trl_kwargs(batch)) == want
        chat = [[{"role": "assistant", "content": t}] for t in texts]
        assert trl.tron_reward(prompts=prompts, completions=chat, **trl_kwargs(batch)) == want
        parts = [[{"role": "assistant", "content": [{"type": "text", "text": t}]}] for t in texts]
        assert trl.tron_reward(prompts=prompts, completions=parts, **trl_kwargs(batch)) == want
    fmt = trl.answered_reward(prompts=[None, None], completions=["\\boxed{2}", "no idea"])
    assert fmt == [1.0, 0.0]


def test_completion_text_shapes():
    assert completion_text("x") == "x"
    assert completion_text([{"role": "assistant", "content": "a"}]) == "a"
    assert completion_text({"role": "assistant", "content": "b"}) == "b"
    assert completion_text(None) is None
