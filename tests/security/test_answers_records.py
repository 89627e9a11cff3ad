"""Reward schemes and malformed instance records (tron.verify(row, text)).

The documented schemes: "binary" 1 / 0; "tron" +1 correct, -0.5 one well-formed wrong value,
-1 malformed (nothing extracted, hedged, wrong wrapper, or not text) — the same values whether
or not the record names a wrapper. Every malformed row raises ValueError with a clear message,
including rows nested 100,000 deep.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest

import tron
from tron.answers.types import IntegerAnswer
from tron.envs.env import REWARD_SCHEMES, score

INTEGER = IntegerAnswer()


def row(**meta: Any) -> dict[str, Any]:
    return {"answer_type": {"kind": "integer"}, "answer": 3, "question": "How many?", "meta": meta}


@pytest.mark.parametrize(
    ("wrapper", "response", "reward"),
    [
        ("boxed", "\\boxed{3}", 1.0),
        ("boxed", "\\boxed{4}", -0.5),
        ("boxed", "\\boxed{3 or 4}", -1.0),
        ("boxed", "<answer>3</answer>", -1.0),
        ("boxed", None, -1.0),
        ("boxed", 42, -1.0),
        (None, "\\boxed{3}", 1.0),  # no wrapper named: any wrapper kind counts
        (None, "<answer>3</answer>", 1.0),
        (None, "\\boxed{4}", -0.5),  # was 0.0 (the binary verdict) before
        (None, "nothing here", -1.0),
        (None, None, -1.0),
    ],
)
def test_tron_scheme_is_consistent(wrapper: str | None, response: Any, reward: float) -> None:
    assert score(INTEGER, 3, response, "tron", wrapper) == reward
    assert tron.verify(row(reward="tron", wrapper=wrapper), response) == reward


@pytest.mark.parametrize(
    ("response", "reward"), [("\\boxed{3}", 1.0), ("\\boxed{4}", 0.0), (None, 0.0), (b"3", 0.0)]
)
def test_binary_scheme(response: Any, reward: float) -> None:
    assert score(INTEGER, 3, response) == reward
    assert tron.verify(row(), response) == reward
    assert tron.verify(row(reward="binary"), response) == reward


@pytest.mark.parametrize("scheme", ["TRON", "published", "", None, 1, ["tron"]])
def test_unknown_scheme_is_rejected(scheme: Any) -> None:
    with pytest.raises(ValueError, match="reward scheme") as info:
        score(INTEGER, 3, "\\boxed{3}", scheme)
    assert all(name in str(info.value) for name in REWARD_SCHEMES)
    with pytest.raises(ValueError, match="reward scheme"):
        tron.verify(row(reward=scheme), "\\boxed{3}")


def nested(depth: int, leaf: Any, make: Any) -> Any:
    out = leaf
    for _ in range(depth):
        out = make(out)
    return out


DEEP = 100_000
DEEP_DICT = nested(DEEP, {"kind": "integer"}, lambda d: {"kind": "sequence", "item": d})
DEEP_LIST = nested(DEEP, 3, lambda d: [d])
DEEP_META = nested(DEEP, "tron", lambda d: {"reward": d})


def with_field(key: str, value: Any) -> dict[str, Any]:
    r = row()
    r[key] = value
    return r


MALFORMED: list[tuple[str, Any, str]] = [
    ("not a dict", "a row", "expected a dict"),
    ("list row", [1, 2], "expected a dict"),
    ("string meta", with_field("meta", "tron"), "meta must be an object"),
    ("list meta", with_field("meta", ["tron"]), "meta must be an object"),
    ("no answer type", {"answer": 3}, "answer_type"),
    ("no answer", {"answer_type": {"kind": "integer"}}, "answer"),
    ("answer type text", with_field("answer_type", "integer"), "must be an object"),
    ("unknown kind", with_field("answer_type", {"kind": "float"}), "unknown answer type"),
    (
        "nested collection",
        with_field("answer_type", {"kind": "set", "item": {"kind": "set"}}),
        "scalar",
    ),
    ("deep answer type", with_field("answer_type", DEEP_DICT), "scalar"),
    ("deep kind", with_field("answer_type", {"kind": DEEP_LIST}), "unknown answer type"),
    ("deep labels", with_field("answer_type", {"kind": "label", "labels": DEEP_LIST}), "label"),
    ("deep choice n", with_field("answer_type", {"kind": "choice", "n": DEEP_META}), "choice"),
    ("deep answer", with_field("answer", DEEP_LIST), "int"),
    ("deep meta reward", with_field("meta", DEEP_META), "reward scheme"),
    ("deep wrapper", row(reward="tron", wrapper=DEEP_LIST), "wrapper"),
    ("unknown wrapper", row(reward="tron", wrapper="bold"), "wrapper"),
    ("deep question", with_field("question", DEEP_LIST), "question"),
    ("bad options", row(options="A. 3"), "options"),
    ("deep options", row(options=DEEP_LIST), "options"),
    ("bad unit", with_field("answer_type", {"kind": "integer", "unit": DEEP_META}), "unit"),
    ("bool gold", with_field("answer", True), "int"),
]


@pytest.mark.parametrize(("name", "bad", "message"), MALFORMED, ids=[m[0] for m in MALFORMED])
def test_malformed_rows_raise_value_error(name: str, bad: Any, message: str) -> None:
    with pytest.raises(ValueError, match=message) as info:
        tron.verify(bad, "\\boxed{3}")
    assert len(str(info.value)) < 1000  # the message stays readable for a huge row


def test_deep_rows_are_not_copied_or_changed() -> None:
    r = with_field("answer_type", {"kind": "sequence", "item": {"kind": "integer"}})
    r["answer"] = [1, 2]
    before = copy.deepcopy(r)
    assert tron.verify(r, "\\boxed{1, 2}") == 1.0
    assert r == before
