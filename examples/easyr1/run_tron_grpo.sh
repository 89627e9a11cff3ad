#!/usr/bin/env bash
# GRPO on TRON environments with EasyR1 (checked against EasyR1's examples/config.yaml:
# data.prompt_key/answer_key/image_key, data.format_prompt, worker.reward.reward_type and
# worker.reward.reward_function). Run from an EasyR1 checkout with tron installed; set TRON to
# this repository's path.
set -euo pipefail

TRON=${TRON:?set TRON to the TRON repository}
DATA=${DATA:-data/tron_easyr1}

# problem ("<image>" + question), answer (the verification record as JSON), images
tron generate --levels 0-9 -n 20000 --seed 0 --for easyr1 --workers 8 --out "$DATA/train"
tron generate --levels 0-9 -n 512 --seed 1000000 --for easyr1 --split test --out "$DATA/test"

# EasyR1 reads a folder of parquet files; TRON questions already state the answer format, so
# no format prompt is appended.
python3 -m verl.trainer.main \
    config=examples/config.yaml \
    data.train_files="$DATA/train" \
    data.val_files="$DATA/test" \
    data.prompt_key=problem \
    data.answer_key=answer \
    data.image_key=images \
    data.format_prompt=null \
    worker.actor.model.model_path=Qwen/Qwen2.5-VL-7B-Instruct \
    worker.reward.reward_type=batch \
    worker.reward.reward_function="$TRON/examples/easyr1/tron_reward.py:compute_score" \
    trainer.experiment_name=qwen2_5_vl_7b_tron_grpo \
    trainer.n_gpus_per_node=8 "$@"
