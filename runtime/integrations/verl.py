"""verl: rows in verl's RL dataset shape, and its custom reward function.

Rows (one parquet row per instance), as verl's `RLHFDataset` reads them:

    data_source   "tron/<env id>"  (verl groups validation metrics by it)
    prompt        [{"role": "user", "content": "<image>" + question}]
    images        [Image]          (verl swaps "<image>" for the picture)
    ability       the environment's bucket
    reward_model  {"style": "rule", "ground_truth": canonical answer text}
    extra_info    {index, id, env_id, level, seed, answer_type, answer, reward_scheme, wrapper}

The ground truth alone cannot be verified exactly (its type says how to parse a response), so
`extra_info` carries the verification record. Point verl at the reward function with
`custom_reward_function.path=<file that imports compute_score>` and
`custom_reward_function.name=compute_score` (see examples/verl/).
"""

from __future__ import annotations

from typing import Any

from tron.envs.env import EnvInfo, Instance
from tron.integrations.common import RECORD_KEYS, record, score_record

DATA_SOURCE_PREFIX = "tron/"
IMAGE_PLACEHOLDER = "<image>"


def to_row(inst: Instance, info: EnvInfo, image: Any, index: int) -> dict[str, Any]:
    return {
        "data_source": DATA_SOURCE_PREFIX + inst.env_id,
        "prompt": [{"role": "user", "content": IMAGE_PLACEHOLDER + inst.question}],
        "images": [image],
        "ability": info.bucket,
        "reward_model": {"style": "rule", "ground_truth": inst.answer_text},
        "extra_info": {
            "index": index,
            "id": inst.id,
            "env_id": inst.env_id,
            "level": inst.level,
            "seed": inst.seed,
            **record(inst),
        },
    }


def arrow_fields() -> list[Any]:
    import pyarrow as pa

    from tron.integrations.formats import image_struct

    extra = [("index", pa.int64()), ("id", pa.string()), ("env_id", pa.string())]
    extra += [("level", pa.int64()), ("seed", pa.int64())]
    extra += [(k, pa.string()) for k in RECORD_KEYS]
    return [
        pa.field("data_source", pa.string()),
        pa.field("prompt", pa.list_(pa.struct([("role", pa.string()), ("content", pa.string())]))),
        pa.field("images", pa.list_(image_struct())),
        pa.field("ability", pa.string()),
        pa.field(
            "reward_model", pa.struct([("style", pa.string()), ("ground_truth", pa.string())])
        ),
        pa.field("extra_info", pa.struct(extra)),
    ]


def compute_score(
    data_source: str,
    solution_str: str,
    ground_truth: str,
    extra_info: dict[str, Any] | None = None,
    **kwargs: Any,
) -> float:
    """verl's custom reward function: 1.0 for an exactly right final answer, else 0.0 (or the
    published +1/-0.5/-1 scheme when the rows were generated with it). Rows that are not TRON
    rows raise ValueError: in a mixed dataset, dispatch on `data_source` yourself and call this
    for sources that start with "tron/"."""
    if not isinstance(extra_info, dict) or "answer_type" not in extra_info:
        raise ValueError(
            f"tron compute_score: row from {data_source!r} has no TRON verification record "
            "in extra_info; generate the data with `tron generate --for verl`"
        )
    return score_record(extra_info, solution_str)
