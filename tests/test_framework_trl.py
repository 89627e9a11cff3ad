"""TRL for real: `trl.GRPOTrainer` runs a few GRPO steps on CPU with a tiny Qwen2-VL built here
(tron.integrations.tiny_model: random weights, a tokenizer trained on TRON's questions), on a
`tron generate --for trl` export and on the online `tron.integrations.hf.stream`. The checks run
inside the trainer's own reward call: the pictures reached the prompt, the gold answer scores 1
and a wrong one 0, and the reward the trainer logs is finite."""

import math

import pytest

trl = pytest.importorskip("trl", reason="TRL is not installed (pip install 'tron-rl[trl]')")
pytest.importorskip("torch", reason="torch is not installed (pip install 'tron-rl[trl]')")
pytest.importorskip("transformers", reason="transformers is not installed")

import datasets  # noqa: E402
from PIL import Image  # noqa: E402

from tron.cli import main  # noqa: E402
from tron.integrations import hf  # noqa: E402
from tron.integrations.dataset import shard_files  # noqa: E402
from tron.integrations.tiny_model import question_texts, tiny_vlm  # noqa: E402
from tron.integrations.trl import tron_reward  # noqa: E402

ENVS = ("counting/count_by_colour", "pattern_logic/bead_pattern_colour")
STEPS = 2


@pytest.fixture(scope="module")
def texts():
    return question_texts(per_env=1)


class CheckingReward:
    """A reward function for GRPOTrainer that checks what the trainer hands it, then scores
    the model's completions with tron_reward."""

    __name__ = "tron_reward_checked"

    def __init__(self):
        self.calls = 0

    def __call__(self, prompts, completions, **kwargs):
        self.calls += 1
        n = len(completions)
        for prompt in prompts:  # the picture went into the user turn the model saw
            parts = [p for m in prompt if isinstance(m["content"], list) for p in m["content"]]
            images = [p["image"] for p in parts if p.get("type") == "image"]
            assert len(images) == 1 and isinstance(images[0], Image.Image), prompt
            assert images[0].size[0] == 512  # the TRON picture itself, not a placeholder
            texts = [p["text"] for p in parts if p.get("type") == "text"]
            assert texts and "boxed" in texts[-1]  # the question, with its answer format
        gold = [f"So the answer is \\boxed{{{a}}}." for a in kwargs["answer_text"]]
        assert tron_reward(prompts, gold, **kwargs) == [1.0] * n
        wrong = [f"\\boxed{{{_wrong(a)}}}" for a in kwargs["answer_text"]]
        assert tron_reward(prompts, wrong, **kwargs) == [0.0] * n
        return tron_reward(prompts, completions, **kwargs)


def _wrong(answer: str) -> str:
    return str(int(answer) + 1) if answer.lstrip("-").isdigit() else "zz" + answer


def _train(dataset, texts, tmp_path):
    from trl import GRPOConfig, GRPOTrainer

    model, processor = tiny_vlm(texts=texts)
    reward = CheckingReward()
    config = GRPOConfig(
        output_dir=str(tmp_path / "grpo"),
        per_device_train_batch_size=2,
        num_generations=2,
        max_completion_length=8,
        max_steps=STEPS,
        learning_rate=1e-4,
        logging_steps=1,
        save_strategy="no",
        report_to=[],
        use_cpu=True,
        bf16=False,
        dataloader_num_workers=0,
        seed=0,
    )
    trainer = GRPOTrainer(
        model=model,
        processing_class=processor,
        reward_funcs=[reward],
        args=config,
        train_dataset=dataset,
    )
    trainer.train()
    logged = [h["reward"] for h in trainer.state.log_history if "reward" in h]
    assert reward.calls >= STEPS
    assert len(logged) >= STEPS and all(math.isfinite(r) for r in logged), logged
    return trainer


def test_grpo_trainer_on_an_export(tmp_path, texts):
    out = tmp_path / "trl"
    args = ["generate", "--levels", "1-2", "-n", "4", "--seed", "5", "--for", "trl"]
    args += [a for e in ENVS for a in ("--env", e)]
    assert main([*args, "--out", str(out)]) == 0
    train = datasets.load_dataset(
        "parquet", data_files=shard_files(out), split="train", cache_dir=str(tmp_path / "hf")
    )
    assert isinstance(train[0]["image"], Image.Image)
    _train(train, texts, tmp_path)


def test_grpo_trainer_on_the_online_stream(tmp_path, texts):
    stream = hf.stream(ENVS, [1, 2], seed=9, target="trl")  # endless: max_steps ends it
    _train(stream, texts, tmp_path)
