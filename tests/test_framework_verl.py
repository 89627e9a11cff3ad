"""verl for real (the installed release, CPU only): its `RLHFDataset` loads a
`tron generate --for verl` export, its reward config loader finds our reward file where
examples/verl puts it, and its naive, batch and DAPO reward managers score decoded responses
with it; `main_eval`'s three-argument call scores from the ground truth alone."""

import json
from pathlib import Path

import pytest

pytest.importorskip("torch", reason="torch is not installed (pip install 'tron-rl[verl]')")
pytest.importorskip("verl", reason="verl is not installed (pip install 'tron-rl[verl]')")
pytest.importorskip("transformers", reason="transformers is not installed")

import numpy as np  # noqa: E402
import torch  # noqa: E402
from omegaconf import OmegaConf  # noqa: E402
from PIL import Image  # noqa: E402
from verl import DataProto  # noqa: E402
from verl.trainer.ppo.reward import get_custom_reward_fn  # noqa: E402
from verl.utils.dataset.rl_dataset import RLHFDataset  # noqa: E402
from verl.workers.reward_manager import (  # noqa: E402
    BatchRewardManager,
    DAPORewardManager,
    NaiveRewardManager,
)

from tron.cli import main  # noqa: E402
from tron.integrations.dataset import shard_files  # noqa: E402
from tron.integrations.tiny_model import question_texts, tiny_vlm  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
REWARD_FILE = ROOT / "examples" / "verl" / "tron_reward.py"
ENVS = ("counting/count_by_colour", "pattern_logic/bead_pattern_colour")


@pytest.fixture(scope="module")
def export(tmp_path_factory):
    out = tmp_path_factory.mktemp("verl") / "train"
    args = ["generate", "--levels", "1-3", "-n", "6", "--seed", "2", "--for", "verl"]
    args += [a for e in ENVS for a in ("--env", e)]
    assert main([*args, "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def processor():
    return tiny_vlm(texts=question_texts(per_env=1, limit=20))[1]


@pytest.fixture(scope="module")
def dataset(export, processor, tmp_path_factory):
    config = OmegaConf.create(
        {
            "prompt_key": "prompt",
            "image_key": "images",
            "max_prompt_length": 4096,
            # verl's length filter runs qwen_vl_utils, which needs torchvision: there is no
            # torchvision build for the CPU torch here (and verl drops every row whose length
            # it cannot measure), so the filter is off in this test
            "filter_overlong_prompts": False,
            "cache_dir": str(tmp_path_factory.mktemp("verl_cache")),
        }
    )
    return RLHFDataset(shard_files(export), processor.tokenizer, config, processor=processor)


def test_rlhf_dataset_reads_the_export(dataset):
    assert len(dataset) == 6
    for i in range(len(dataset)):
        row = dataset[i]
        (message,) = row["raw_prompt"]
        kinds = [part["type"] for part in message["content"]]
        assert kinds == ["image", "text"]  # "<image>" became the picture, then the question
        image = message["content"][0]["image"]
        assert isinstance(image, Image.Image) and image.size[0] == 512
        assert "boxed" in message["content"][1]["text"]
        assert row["data_source"].startswith("tron/")
        assert json.loads(row["reward_model"]["ground_truth"])["answer_text"]
        assert row["extra_info"]["id"]


def test_reward_config_key_verl_reads():
    path = str(REWARD_FILE)
    fn = get_custom_reward_fn(
        OmegaConf.create(
            {"reward": {"custom_reward_function": {"path": path, "name": "compute_score"}}}
        )
    )
    assert fn is not None
    # the top-level key older examples set is accepted by verl 0.9 but not read: no reward fn
    legacy = OmegaConf.create(
        {"custom_reward_function": {"path": path, "name": "compute_score"}, "reward": {}}
    )
    assert get_custom_reward_fn(legacy) is None


def reward_fn():
    config = {
        "reward": {"custom_reward_function": {"path": str(REWARD_FILE), "name": "compute_score"}}
    }
    return get_custom_reward_fn(OmegaConf.create(config))


def _wrong(answer: str) -> str:
    return str(int(answer) + 1) if answer.isdigit() else "zz" + answer


def batch(dataset, tokenizer):
    """A DataProto as verl's rollout leaves it: left-padded prompts, right-padded responses
    (every other one the gold answer, the rest wrong), the rows' non-tensor columns."""
    rows = [dataset[i] for i in range(len(dataset))]
    texts, want = [], []
    for i, row in enumerate(rows):
        gold = json.loads(row["reward_model"]["ground_truth"])["answer_text"]
        right = i % 2 == 0
        texts.append(f"Thinking... \\boxed{{{gold if right else _wrong(gold)}}}")
        want.append(1.0 if right else 0.0)
    pad = tokenizer.pad_token_id
    prompts = [tokenizer.encode(r["raw_prompt"][0]["content"][1]["text"])[:32] for r in rows]
    responses = [tokenizer.encode(t) + [tokenizer.eos_token_id] for t in texts]
    p_len, r_len = max(map(len, prompts)), max(map(len, responses))
    p_ids = torch.tensor([[pad] * (p_len - len(p)) + p for p in prompts])
    r_ids = torch.tensor([r + [pad] * (r_len - len(r)) for r in responses])
    p_mask = torch.tensor([[0] * (p_len - len(p)) + [1] * len(p) for p in prompts])
    r_mask = torch.tensor([[1] * len(r) + [0] * (r_len - len(r)) for r in responses])
    tensors = {
        "prompts": p_ids,
        "responses": r_ids,
        "input_ids": torch.cat([p_ids, r_ids], dim=1),
        "attention_mask": torch.cat([p_mask, r_mask], dim=1),
        "response_mask": r_mask,
    }
    non_tensors = {
        key: np.array([r[key] for r in rows], dtype=object)
        for key in ("data_source", "reward_model", "extra_info")
    }
    return DataProto.from_dict(tensors=tensors, non_tensors=non_tensors), want


@pytest.mark.parametrize(
    "manager",
    [
        lambda tok, fn: NaiveRewardManager(tok, num_examine=0, compute_score=fn),
        lambda tok, fn: BatchRewardManager(tok, num_examine=0, compute_score=fn),
        lambda tok, fn: DAPORewardManager(tok, num_examine=0, compute_score=fn),
    ],
    ids=["naive", "batch", "dapo"],
)
def test_reward_managers_score_with_our_function(dataset, processor, manager):
    data, want = batch(dataset, processor.tokenizer)
    out = manager(processor.tokenizer, reward_fn())(data, return_dict=True)
    scores = out["reward_tensor"].sum(dim=-1).tolist()
    assert scores == want and 0.0 in want and 1.0 in want


def test_main_eval_call_scores_from_the_ground_truth(dataset):
    fn = reward_fn()
    for i in range(len(dataset)):
        row = dataset[i]
        gt = row["reward_model"]["ground_truth"]
        gold = json.loads(gt)["answer_text"]
        # verl.trainer.main_eval: reward_fn(data_source, response, ground_truth)
        assert fn(row["data_source"], f"\\boxed{{{gold}}}", gt) == 1.0
        assert fn(row["data_source"], f"\\boxed{{{_wrong(gold)}}}", gt) == 0.0
