#!/usr/bin/env bash
# GRPO on TRON environments with verl (checked against verl 0.9.1's main_ppo Hydra config and
# its reward managers; verl 0.7 and 0.8 read the same keys). Run from the repository root.
#   pip install 'tron-rl[verl]'   (verl itself; vLLM and a CUDA torch are up to you)
set -euo pipefail

DATA=${DATA:-data/tron_verl}
ENVS=${ENVS:-"--bucket counting --bucket spatial"}

# 1. Export rows in verl's RL dataset shape (rerunning resumes; --workers does not change rows).
tron generate $ENVS --levels 0-9 -n 20000 --seed 0 --for verl --workers 8 --out "$DATA/train"
tron generate $ENVS --levels 0-9 -n 512 --seed 1000000 --for verl --split test --out "$DATA/test"

# verl takes a list of parquet files; the manifest lists the finished shards in row order.
files() { python -c "import sys, tron.integrations.dataset as d; print('[' + ','.join(repr(f) for f in d.shard_files(sys.argv[1])) + ']')" "$1"; }

# 2. Train. The reward is TRON's exact verifier (1.0 right, 0.0 otherwise; hedges score 0).
# The reward function goes under reward.custom_reward_function: verl 0.9 still accepts the
# top-level custom_reward_function.* of verl <= 0.6 but ignores it, and its default scorer then
# fails on data_source='tron/...'. It works with every reward manager
# (reward.reward_manager.name=naive|batch|dapo).
python3 -m verl.trainer.main_ppo \
    algorithm.adv_estimator=grpo \
    data.train_files="$(files "$DATA/train")" \
    data.val_files="$(files "$DATA/test")" \
    data.image_key=images \
    data.prompt_key=prompt \
    data.train_batch_size=256 \
    data.max_prompt_length=2048 \
    data.max_response_length=2048 \
    data.filter_overlong_prompts=True \
    reward.custom_reward_function.path=examples/verl/tron_reward.py \
    reward.custom_reward_function.name=compute_score \
    actor_rollout_ref.model.path=Qwen/Qwen2.5-VL-7B-Instruct \
    actor_rollout_ref.actor.optim.lr=1e-6 \
    actor_rollout_ref.actor.ppo_mini_batch_size=64 \
    actor_rollout_ref.actor.ppo_micro_batch_size_per_gpu=4 \
    actor_rollout_ref.actor.use_kl_loss=True \
    actor_rollout_ref.actor.kl_loss_coef=0.01 \
    actor_rollout_ref.rollout.name=vllm \
    actor_rollout_ref.rollout.n=8 \
    actor_rollout_ref.rollout.log_prob_micro_batch_size_per_gpu=8 \
    actor_rollout_ref.ref.log_prob_micro_batch_size_per_gpu=8 \
    trainer.project_name=tron \
    trainer.experiment_name=qwen2_5_vl_7b_tron_grpo \
    trainer.n_gpus_per_node=8 \
    trainer.nnodes=1 \
    trainer.test_freq=10 \
    trainer.total_epochs=1 "$@"
