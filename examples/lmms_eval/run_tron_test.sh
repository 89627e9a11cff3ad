#!/usr/bin/env bash
# Evaluate a served multimodal model on TRON's frozen test set with lmms-eval.
#   pip install 'tron-rl[lmms-eval]'     # CPU: also `pip uninstall torchvision` (see docs)
#   bash examples/lmms_eval/run_tron_test.sh http://localhost:8000/v1 Qwen/Qwen2.5-VL-7B-Instruct
set -euo pipefail
BASE_URL=${1:-http://localhost:8000/v1}
MODEL=${2:-Qwen/Qwen2.5-VL-7B-Instruct}
OUT=${OUT:-out/lmms}

# 1. The frozen test set: every bundled environment at levels 1, 4 and 7, fixed seeds.
tron generate --for tron --format parquet --split test --levels 1,4,7 -n 1500 \
    --seed 900000 --out "$OUT/tron_lmms_test"
# 2. A task folder whose YAML reads that export by absolute path (checks manifest and hashes).
python -m tron.integrations.lmms_eval_task --data "$OUT/tron_lmms_test" --out "$OUT/task"
# 3. The harness: accuracy, acc_bucket_<bucket>, acc_level_<level> (TRON's exact verifier).
lmms-eval eval --model openai \
    --model_args "model_version=$MODEL,base_url=$BASE_URL,api_key=${OPENAI_API_KEY:-EMPTY}" \
    --tasks tron_test --include_path "$OUT/task" --batch_size 1 --output_path "$OUT/results"
