#!/usr/bin/env bash
# GRPO on TRON environments with EasyR1 (checked against EasyR1 main: examples/config.yaml,
# verl/utils/dataset.py, verl/workers/reward/function.py). Run from an EasyR1 checkout with tron
# installed; set TRON to this repository's path.
#
# EasyR1 main reads the batch/sequential choice from the reward file (REWARD_TYPE, set in
# examples/easyr1/tron_reward.py); it rejects worker.reward.reward_type (older releases took it).
set -euo pipefail

TRON=${TRON:?set TRON to the TRON repository}
DATA=${DATA:-data/tron_easyr1}

# problem ("<image>" + question), answer (the verification record as JSON), images.
# Each folder holds only its shards (manifest in $DATA/train.tron/), as EasyR1 picks its loader
# from the first file it lists. With --format jsonl, add data.image_dir="$DATA/train.tron".
tron generate --levels 0-9 -n 20000 --seed 0 --for easyr1 --workers 8 --out "$DATA/train"
tron generate --levels 0-9 -n 512 --seed 1000000 --for easyr1 --split test --out "$DATA/test"

# EasyR1 reads split "train" of a folder unless the path ends in @<split>: the validation
# folder holds split "test". TRON questions already state the answer format, so no format
# prompt is appended.
python3 -m verl.trainer.main \
    config=examples/config.yaml \
    data.train_files="$DATA/train" \
    data.val_files="$DATA/test@test" \
    data.prompt_key=problem \
    data.answer_key=answer \
    data.image_key=images \
    data.format_prompt=null \
    worker.actor.model.model_path=Qwen/Qwen2.5-VL-7B-Instruct \
    worker.reward.reward_function="$TRON/examples/easyr1/tron_reward.py:compute_score" \
    trainer.experiment_name=qwen2_5_vl_7b_tron_grpo \
    trainer.n_gpus_per_node=8 "$@"
