"""GRPO on TRON environments with TRL's GRPOTrainer (written against TRL 1.x: reward functions
`(prompts, completions, **kwargs) -> list[float]` receive every dataset column but `prompt`;
VLM training reads an `image` column beside a conversational `prompt`). Not run in TRON's tests.

    pip install 'tron-rl[hf]' trl peft
    tron generate --bucket counting --levels 0-5 -n 4000 --for trl --out data/tron_trl
    accelerate launch examples/trl/grpo_tron.py --data data/tron_trl

Or sample online instead of exporting: `tron.integrations.hf.stream(..., target="trl")` gives
an endless IterableDataset with the same columns (set `max_steps` in GRPOConfig).
"""

import argparse

from datasets import load_dataset
from trl import GRPOConfig, GRPOTrainer

from tron.integrations.dataset import shard_files
from tron.integrations.trl import answered_reward, tron_reward


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="data/tron_trl", help="output folder of tron generate")
    p.add_argument("--model", default="Qwen/Qwen2.5-VL-3B-Instruct")
    p.add_argument("--out", default="grpo-tron")
    args = p.parse_args()

    train = load_dataset("parquet", data_files=shard_files(args.data), split="train")
    config = GRPOConfig(
        output_dir=args.out,
        learning_rate=1e-6,
        per_device_train_batch_size=4,
        num_generations=4,
        max_completion_length=1024,
        bf16=True,
        reward_weights=[1.0, 0.1],  # exact answer, plus a small signal for giving one at all
        log_completions=True,
    )
    trainer = GRPOTrainer(
        model=args.model,
        args=config,
        reward_funcs=[tron_reward, answered_reward],
        train_dataset=train,
    )
    trainer.train()
    trainer.save_model(args.out)


if __name__ == "__main__":
    main()
