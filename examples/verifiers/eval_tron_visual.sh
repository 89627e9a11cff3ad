#!/usr/bin/env bash
# Evaluate a model behind an OpenAI-compatible endpoint on TRON with verifiers' own vf-eval.
#   pip install -e environments/tron_visual      # the tron-visual package (pulls tron-rl[verifiers])
#   bash examples/verifiers/eval_tron_visual.sh http://localhost:8000/v1 Qwen/Qwen2.5-VL-7B-Instruct
set -euo pipefail
BASE_URL=${1:-http://localhost:8000/v1}
MODEL=${2:-Qwen/Qwen2.5-VL-7B-Instruct}
export OPENAI_API_KEY=${OPENAI_API_KEY:-EMPTY}
vf-eval tron-visual --model "$MODEL" \
    --client.base-url "$BASE_URL" --client.api-key-var OPENAI_API_KEY \
    --env.agent.runtime.type subprocess \
    --env.taskset.buckets '["counting", "spatial"]' --env.taskset.levels 1-3 \
    --env.taskset.size 100 --env.taskset.seed 0 \
    -n 100 -r 1 --push false --output-dir out/vf
