"""TRL: a GRPOTrainer dataset (conversational prompt + image column) and reward functions.

Rows: `prompt` is [{"role": "user", "content": question}] and `image` the picture; GRPOTrainer
puts the image into the first user turn itself (its VLM support reads an `image` column). The
other columns (`answer_type`, `answer`, `reward_scheme`, `wrapper`, `answer_text`, `id`,
`env_id`, `level`, `seed`) reach reward functions as keyword arguments, one list entry per
completion, which is how TRL passes every dataset column except `prompt`.

Reward functions follow TRL's `(prompts, completions, **kwargs) -> list[float]`; completions
may be strings (standard format) or lists of chat messages (conversational format).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tron.envs.env import EnvInfo, Instance
from tron.integrations.common import RECORD_KEYS, completion_text, record, score_record


def to_row(inst: Instance, info: EnvInfo, image: Any, index: int) -> dict[str, Any]:
    return {
        "prompt": [{"role": "user", "content": inst.question}],
        "image": image,
        **record(inst),
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
        pa.field("prompt", pa.list_(pa.struct([("role", pa.string()), ("content", pa.string())]))),
        pa.field("image", image_struct()),
        *[pa.field(k, pa.string()) for k in RECORD_KEYS],
        pa.field("answer_text", pa.string()),
        pa.field("id", pa.string()),
        pa.field("env_id", pa.string()),
        pa.field("level", pa.int64()),
        pa.field("seed", pa.int64()),
    ]


def tron_reward(
    prompts: Sequence[Any],
    completions: Sequence[Any],
    answer_type: Sequence[str],
    answer: Sequence[str],
    reward_scheme: Sequence[str] | None = None,
    wrapper: Sequence[str | None] | None = None,
    **kwargs: Any,
) -> list[float]:
    """Exact-answer reward: 1.0 when the final answer is right, else 0.0 (or the published
    +1/-0.5/-1 scheme for rows generated with it)."""
    n = len(completions)
    schemes = reward_scheme if reward_scheme is not None else ["binary"] * n
    wrappers = wrapper if wrapper is not None else [None] * n
    return [
        score_record(
            {"answer_type": t, "answer": a, "reward_scheme": s, "wrapper": w}, completion_text(c)
        )
        for c, t, a, s, w in zip(completions, answer_type, answer, schemes, wrappers, strict=True)
    ]


def answered_reward(
    prompts: Sequence[Any], completions: Sequence[Any], **kwargs: Any
) -> list[float]:
    """1.0 when a final answer can be found at all (boxed, <answer> tags or an Answer: line):
    an optional format signal to add beside `tron_reward` with a small weight."""
    from tron.answers.extract import extract

    out = []
    for c in completions:
        text = completion_text(c)
        out.append(1.0 if isinstance(text, str) and extract(text).text is not None else 0.0)
    return out
