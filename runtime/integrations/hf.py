"""Hugging Face datasets: the `tron` row format, an in-memory `Dataset` builder and an endless
`IterableDataset` that samples instances online.

Exported parquet shards (`tron generate --format parquet`) load with
`datasets.load_dataset("parquet", data_files=tron.integrations.dataset.shard_files(out))`: their schema
carries "huggingface" metadata, so image columns decode as `Image` features (PIL images).
`shard_files` checks the manifest and every shard's sha256 first, so a truncated, edited or
foreign file is refused rather than loaded.

The `tron` row holds the whole serialized instance; the parts whose shape differs between
environments (answer type, gold value, meta) are JSON text, so every row has one schema.
`verify(row, response)` scores a response against a row.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from tron.envs.env import EnvInfo, Instance
from tron.integrations.common import RECORD_KEYS, record, score_record


def to_row(inst: Instance, info: EnvInfo, image: Any, index: int) -> dict[str, Any]:
    return {
        "id": inst.id,
        "env_id": inst.env_id,
        "version": inst.version,
        "level": inst.level,
        "seed": inst.seed,
        "bucket": info.bucket,
        "question": inst.question,
        "answer_text": inst.answer_text,
        "choices": inst.choices,
        **record(inst),
        "meta": json.dumps(inst.meta, sort_keys=True),
        "svg": inst.svg,
        "image": image,
    }


def arrow_fields() -> list[Any]:
    import pyarrow as pa

    from tron.integrations.formats import image_struct

    return [
        pa.field("id", pa.string()),
        pa.field("env_id", pa.string()),
        pa.field("version", pa.int64()),
        pa.field("level", pa.int64()),
        pa.field("seed", pa.int64()),
        pa.field("bucket", pa.string()),
        pa.field("question", pa.string()),
        pa.field("answer_text", pa.string()),
        pa.field("choices", pa.list_(pa.string())),
        *[pa.field(k, pa.string()) for k in RECORD_KEYS],
        pa.field("meta", pa.string()),
        pa.field("svg", pa.string()),
        pa.field("image", image_struct()),
    ]


def verify(row: dict[str, Any], response: Any) -> float:
    """Reward of `response` for a `tron`-format (or `trl`-format) row."""
    return score_record(row, response)


def instance_dict(row: dict[str, Any]) -> dict[str, Any]:
    """A `tron` row back as `Instance.to_dict()` (for `tron.Instance.from_dict`, `tron.verify`)."""
    keys = ("id", "env_id", "version", "level", "seed", "question", "answer_text", "choices", "svg")
    d = {k: row[k] for k in keys}
    d["answer"] = json.loads(row["answer"])
    d["answer_type"] = json.loads(row["answer_type"])
    d["meta"] = json.loads(row["meta"])
    return d


def features(target: str = "tron") -> Any:
    """The `datasets.Features` of a row format."""
    import datasets

    from tron.integrations.formats import get_format

    return datasets.Features.from_arrow_schema(get_format(target).arrow_schema())


def build(
    env_ids: Sequence[str],
    levels: Sequence[int],
    n: int,
    seed: int = 0,
    *,
    target: str = "tron",
    suite: str | Path | None = None,
    workers: int = 1,
) -> Any:
    """An in-memory `datasets.Dataset` of rows 0..n-1 (the same rows `tron generate` writes)."""
    import datasets
    import pyarrow as pa

    from tron.integrations.dataset import iter_rows
    from tron.integrations.formats import get_format

    rows = list(
        iter_rows(env_ids, levels, range(n), seed, target=target, suite=suite, workers=workers)
    )
    table = pa.Table.from_pylist(rows, schema=get_format(target).arrow_schema())
    return datasets.Dataset(table)


def _generate(
    shards: list[int],
    num_shards: int,
    env_ids: tuple[str, ...],
    levels: tuple[int, ...],
    seed: int,
    target: str,
    suite: str | None,
    n: int | None,
) -> Iterator[dict[str, Any]]:
    # Row i belongs to shard i % num_shards; a reader holding several shards interleaves them,
    # so an endless stream still visits every shard it holds.
    from itertools import count

    from tron.integrations.dataset import iter_rows

    mine = set(shards)
    indices = (i for i in (range(n) if n is not None else count()) if i % num_shards in mine)
    yield from iter_rows(env_ids, levels, indices, seed, target=target, suite=suite)


def stream(
    env_ids: Sequence[str],
    levels: Sequence[int],
    seed: int = 0,
    *,
    n: int | None = None,
    target: str = "tron",
    suite: str | Path | None = None,
    num_shards: int = 1,
) -> Any:
    """A `datasets.IterableDataset` that samples rows online (endless when n is None). Row i is
    the same instance `build`/`tron generate` would give; with num_shards > 1 the rows are
    split between DataLoader workers (`datasets` hands each worker some of the shards)."""
    import datasets

    return datasets.IterableDataset.from_generator(
        _generate,
        features=features(target),
        gen_kwargs={
            "shards": list(range(num_shards)),
            "num_shards": num_shards,
            "env_ids": tuple(env_ids),
            "levels": tuple(levels),
            "seed": seed,
            "target": target,
            "suite": str(Path(suite).resolve()) if suite else None,
            "n": n,
        },
    )
