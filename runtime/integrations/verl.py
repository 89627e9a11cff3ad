"""verl: rows in verl's RL dataset shape, and its custom reward function.

Rows (one parquet row per instance), as verl's `RLHFDataset` reads them:

    data_source   "tron/<env id>"  (verl groups validation metrics by it)
    prompt        [{"role": "user", "content": "<image>" + question}]
    images        [Image]          (verl swaps "<image>" for the picture)
    ability       the environment's bucket
    reward_model  {"style": "rule", "ground_truth": the verification record as readable JSON}
    extra_info    {index, id, env_id, level, seed, answer_type, answer, reward_scheme, wrapper}

A bare answer text cannot be verified exactly (its type says how to parse a response), and
verl's `main_eval` passes the ground truth alone, so the ground truth is a JSON object holding
the canonical answer text, the answer type descriptor and the gold value. `extra_info` keeps
the record too (rows written before the ground truth held it still score through it).

verl 0.9 reads the reward function from `reward.custom_reward_function.path/.name` (earlier
releases: top-level `custom_reward_function.*`; verl 0.9 still accepts that key but ignores it).
`compute_score` serves every caller: the naive and DAPO managers (singular keywords), the batch
manager (plural keywords, a list back) and `main_eval` (three positional arguments).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tron.envs.env import EnvInfo, Instance
from tron.integrations.common import (
    RECORD_KEYS,
    ground_truth,
    record,
    record_from_ground_truth,
    score_record,
)

DATA_SOURCE_PREFIX = "tron/"
IMAGE_PLACEHOLDER = "<image>"


def to_row(inst: Instance, info: EnvInfo, image: Any, index: int) -> dict[str, Any]:
    return {
        "data_source": DATA_SOURCE_PREFIX + inst.env_id,
        "prompt": [{"role": "user", "content": IMAGE_PLACEHOLDER + inst.question}],
        "images": [image],
        "ability": info.bucket,
        "reward_model": {"style": "rule", "ground_truth": ground_truth(inst)},
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


def _score_one(data_source: Any, solution_str: Any, gt: Any, extra_info: Any) -> float:
    rec = record_from_ground_truth(gt)
    if rec is None and isinstance(extra_info, dict) and "answer_type" in extra_info:
        rec = extra_info  # a row written before the ground truth held the record
    if rec is None:
        raise ValueError(
            f"tron compute_score: row from {data_source!r} has no TRON verification record "
            "(neither in its ground truth nor in extra_info); generate the data with "
            "`tron generate --for verl`"
        )
    return score_record(rec, solution_str)


def compute_score(
    data_source: Any = None,
    solution_str: Any = None,
    ground_truth: Any = None,
    extra_info: dict[str, Any] | None = None,
    *,
    data_sources: Sequence[Any] | None = None,
    solution_strs: Sequence[Any] | None = None,
    ground_truths: Sequence[Any] | None = None,
    extra_infos: Sequence[Any] | None = None,
    **kwargs: Any,
) -> float | list[float]:
    """verl's custom reward function: 1.0 for an exactly right final answer, else 0.0 (or the
    published +1/-0.5/-1 scheme when the rows were generated with it).

    Called with `solution_strs=` (verl's `BatchRewardManager`) it scores the whole batch and
    returns a list. Rows that are not TRON rows raise ValueError: in a mixed dataset, dispatch
    on `data_source` yourself and call this for sources that start with "tron/"."""
    if solution_strs is not None:
        n = len(solution_strs)
        sources = list(data_sources) if data_sources is not None else [None] * n
        truths = list(ground_truths) if ground_truths is not None else [None] * n
        extras = list(extra_infos) if extra_infos is not None else [None] * n
        return [
            _score_one(d, s, g, e)
            for d, s, g, e in zip(sources, solution_strs, truths, extras, strict=True)
        ]
    return _score_one(data_source, solution_str, ground_truth, extra_info)
