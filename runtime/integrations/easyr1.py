"""EasyR1: rows in its problem/answer/images format, and a reward function in its shape.

EasyR1's dataset reads `data.prompt_key` (problem), `data.answer_key` (answer) and
`data.image_key` (images); "<image>" in the problem marks where the picture goes. Only the
answer column reaches the reward function (as `ground_truth`), so it holds the verification
record as JSON text; `answer_text` keeps the readable canonical answer beside it.

Reward function (`worker.reward.reward_function=<file>:compute_score`). EasyR1 main reads the
batch/sequential choice from the reward file's module attributes `REWARD_TYPE` and
`REWARD_NAME` (it rejects the older `worker.reward.reward_type` key), so a reward file re-exports
them beside `compute_score` (examples/easyr1/tron_reward.py). Batch: a list of
{"response", "response_length", "ground_truth"} dicts in, a list of score dicts out; sequential:
one dict in, one dict out. Scores are {"overall": r, "accuracy": r}.
"""

from __future__ import annotations

import json
from typing import Any

from tron.envs.env import EnvInfo, Instance
from tron.integrations.common import record, score_record

IMAGE_PLACEHOLDER = "<image>"
# Read by EasyR1 from the reward file's module (`getattr(module, "REWARD_TYPE", "batch")`).
REWARD_NAME = "tron"
REWARD_TYPE = "batch"


def to_row(inst: Instance, info: EnvInfo, image: Any, index: int) -> dict[str, Any]:
    return {
        "problem": IMAGE_PLACEHOLDER + inst.question,
        "answer": json.dumps(record(inst), sort_keys=True),
        "images": [image],
        "answer_text": inst.answer_text,
        "id": inst.id,
        "env_id": inst.env_id,
        "level": inst.level,
        "seed": inst.seed,
    }


def arrow_fields() -> list[Any]:
    import pyarrow as pa

    from tron.integrations.formats import image_struct

    return [
        pa.field("problem", pa.string()),
        pa.field("answer", pa.string()),
        pa.field("images", pa.list_(image_struct())),
        pa.field("answer_text", pa.string()),
        pa.field("id", pa.string()),
        pa.field("env_id", pa.string()),
        pa.field("level", pa.int64()),
        pa.field("seed", pa.int64()),
    ]


def _score(reward_input: dict[str, Any]) -> dict[str, float]:
    r = score_record(reward_input["ground_truth"], reward_input["response"])
    return {"overall": r, "accuracy": r}


def compute_score(
    reward_inputs: list[dict[str, Any]] | dict[str, Any], **kwargs: Any
) -> list[dict[str, float]] | dict[str, float]:
    """EasyR1 reward function for both `reward_type: batch` and `reward_type: sequential`."""
    if isinstance(reward_inputs, dict):
        return _score(reward_inputs)
    return [_score(r) for r in reward_inputs]
