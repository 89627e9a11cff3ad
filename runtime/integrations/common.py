"""What every training-stack adapter shares: the verification record a row carries, scoring a
response against it, and reading a completion in any of the shapes trainers hand over.

A trainer's dataset row cannot hold a TRON `Instance`, and its columns must have one type in
every row of every shard. So the variable parts (the answer type and the gold value, whose
shapes differ between environments) travel as JSON text, and the reward functions decode them.
"""

from __future__ import annotations

import json
from typing import Any

from tron.answers import types as answers
from tron.envs.env import Instance, score

# The keys a verification record holds; every adapter stores exactly these.
RECORD_KEYS = ("answer_type", "answer", "reward_scheme", "wrapper")


def record(inst: Instance) -> dict[str, str | None]:
    """What verifying a response needs, as strings (one schema for every environment)."""
    return {
        "answer_type": json.dumps(inst.answer_type.to_json(), sort_keys=True),
        "answer": json.dumps(inst.answer_type.value_to_json(inst.answer), sort_keys=True),
        "reward_scheme": str(inst.meta.get("reward", "binary")),
        "wrapper": inst.meta.get("wrapper"),
    }


def ground_truth(inst: Instance) -> str:
    """The verification record as one readable JSON object, for trainers whose reward call gets
    only a ground-truth string (verl's `main_eval`): the canonical answer text beside the answer
    type descriptor and the gold value (as JSON values, not JSON text)."""
    return json.dumps(
        {
            "answer_text": inst.answer_text,
            "answer_type": inst.answer_type.to_json(),
            "answer": inst.answer_type.value_to_json(inst.answer),
            "reward_scheme": str(inst.meta.get("reward", "binary")),
            "wrapper": inst.meta.get("wrapper"),
        },
        sort_keys=True,
        ensure_ascii=False,
    )


def record_from_ground_truth(text: Any) -> dict[str, Any] | None:
    """The verification record a `ground_truth` string holds, or None when it holds none (an
    older row, whose ground truth is the bare answer text)."""
    if not isinstance(text, str) or not text.startswith("{"):
        return None
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("answer_type"), dict):
        return None
    if "answer" not in data:
        return None
    return {
        "answer_type": json.dumps(data["answer_type"], sort_keys=True),
        "answer": json.dumps(data["answer"], sort_keys=True),
        "reward_scheme": data.get("reward_scheme"),
        "wrapper": data.get("wrapper"),
    }


def _decoded(value: Any) -> Any:
    # Records written by us hold JSON text; a caller may also pass already-decoded values.
    return json.loads(value) if isinstance(value, str) else value


def score_record(rec: Any, response: Any) -> float:
    """Reward of `response` against a verification record (a dict with RECORD_KEYS, or the JSON
    text of one). A record that is not one raises ValueError: that is a wrong dataset or a
    wrong adapter, which must not pass silently as a reward of 0."""
    try:
        if isinstance(rec, str | bytes):
            rec = json.loads(rec)
        atype = answers.answer_type_from_json(_decoded(rec["answer_type"]))
        gold = atype.value_from_json(_decoded(rec["answer"]))
        scheme = rec.get("reward_scheme") or "binary"
        wrapper = rec.get("wrapper")
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise ValueError(f"not a TRON verification record ({exc!r}): {rec!r:.200}") from None
    return score(atype, gold, response, scheme, wrapper)


def completion_text(completion: Any) -> Any:
    """The text of a completion: a string as is; chat messages -> the last assistant message's
    content (content parts joined). Anything else is returned unchanged (it then scores 0)."""
    if isinstance(completion, dict):
        completion = [completion]
    if isinstance(completion, list | tuple):
        messages = [m for m in completion if isinstance(m, dict)]
        if not messages:
            return completion
        replies = [m for m in messages if m.get("role", "assistant") == "assistant"]
        content = (replies or messages)[-1].get("content")
        if isinstance(content, list):
            return "".join(
                str(p.get("text", "")) for p in content if isinstance(p, dict) and "text" in p
            )
        return content
    return completion


def hf_image(png: bytes) -> dict[str, Any]:
    """A picture in the shape of the Hugging Face `Image` feature's storage struct."""
    return {"bytes": png, "path": None}
