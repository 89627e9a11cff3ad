"""GRPO on TRON environments with TRL's GRPOTrainer (checked against TRL 1.16: reward functions
`(prompts, completions, **kwargs) -> list[float]` receive every dataset column but `prompt`;
VLM training reads an `image` column beside a conversational `prompt`).

    pip install 'tron-rl[trl]' peft
    tron generate --bucket counting --levels 0-5 -n 4000 --for trl --out data/tron_trl
    accelerate launch examples/trl/grpo_tron.py --data data/tron_trl
    python examples/trl/grpo_tron.py --tiny --max-steps 2     # smoke test on a CPU

Or sample online instead of exporting (`--online`): `tron.integrations.hf.stream(...,
target="trl")` gives an endless IterableDataset with the same columns (max_steps ends it).

TRON pictures are 512 px wide (up to 600 px high). TRL's own VLM example (grpo_vlm.py) drops
images of 512 px and more, which would drop every TRON row: do not copy that filter. Bound the
vision tokens with the processor instead: `max_pixels` of Qwen2-VL / Qwen2.5-VL processors
(`--max-pixels`, default 401408 = 512 * 28 * 28 keeps a 512x512 picture at full size).

bf16 is used where the machine supports it (a GPU with bf16), float32 elsewhere (a CPU).
"""

import argparse

import torch
from datasets import load_dataset
from trl import GRPOConfig, GRPOTrainer

from tron.integrations import hf
from tron.integrations.dataset import shard_files
from tron.integrations.trl import answered_reward, tron_reward


def bf16_supported() -> bool:
    return torch.cuda.is_available() and torch.cuda.is_bf16_supported()


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="data/tron_trl", help="output folder of tron generate")
    p.add_argument("--online", action="store_true", help="sample rows online (hf.stream)")
    p.add_argument("--model", default="Qwen/Qwen2.5-VL-3B-Instruct")
    p.add_argument("--tiny", action="store_true", help="a tiny local model (smoke test)")
    p.add_argument("--max-pixels", type=int, default=512 * 28 * 28)
    p.add_argument("--max-steps", type=int, default=-1)
    p.add_argument("--out", default="grpo-tron")
    args = p.parse_args()

    if args.online:
        train = hf.stream(["counting/count_by_colour"], range(6), seed=0, target="trl")
        max_steps = args.max_steps if args.max_steps > 0 else 1000
    else:
        train = load_dataset("parquet", data_files=shard_files(args.data), split="train")
        max_steps = args.max_steps

    if args.tiny:
        from tron.integrations.tiny_model import tiny_vlm

        model, processor = tiny_vlm()
    else:
        from transformers import AutoProcessor

        model = args.model
        processor = AutoProcessor.from_pretrained(args.model, max_pixels=args.max_pixels)

    config = GRPOConfig(
        output_dir=args.out,
        learning_rate=1e-6,
        per_device_train_batch_size=4,
        num_generations=4,
        max_completion_length=16 if args.tiny else 1024,
        max_steps=max_steps,
        bf16=bf16_supported(),
        reward_weights=[1.0, 0.1],  # exact answer, plus a small signal for giving one at all
        log_completions=not args.tiny,
        report_to=[],
    )
    trainer = GRPOTrainer(
        model=model,
        processing_class=processor,
        args=config,
        reward_funcs=[tron_reward, answered_reward],
        train_dataset=train,
    )
    trainer.train()
    trainer.save_model(args.out)


if __name__ == "__main__":
    main()
