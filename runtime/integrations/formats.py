"""Row formats for exported datasets: one per target trainer, each with a fixed Arrow schema so
that every shard of a dataset has the same columns and types."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tron.envs.env import EnvInfo, Instance

# row(instance, env info, image value, row index) -> row dict; the image value is the HF Image
# struct for parquet, or a relative file path for JSONL.
RowFn = Callable[[Instance, EnvInfo, Any, int], dict[str, Any]]


@dataclass(frozen=True)
class Format:
    name: str
    row: RowFn
    fields: Callable[[], list[Any]]  # pyarrow fields, image columns as the HF Image struct
    image_columns: dict[str, bool]  # column -> holds a list of images

    def arrow_schema(self) -> Any:
        """The Arrow schema, with the "huggingface" metadata that makes `datasets` decode the
        image columns as `Image` features (other columns are inferred from their Arrow types)."""
        import json

        import pyarrow as pa

        # The legacy list form `[feature]` is read by every `datasets` release we support.
        feats = {
            c: ([{"_type": "Image"}] if many else {"_type": "Image"})
            for c, many in self.image_columns.items()
        }
        meta = {"info": {"features": feats}}
        return pa.schema(self.fields()).with_metadata({"huggingface": json.dumps(meta)})


def image_struct() -> Any:
    import pyarrow as pa

    return pa.struct([("bytes", pa.binary()), ("path", pa.string())])


def _tron() -> Format:
    from tron.integrations import hf

    return Format("tron", hf.to_row, hf.arrow_fields, {"image": False})


def _verl() -> Format:
    from tron.integrations import verl

    return Format("verl", verl.to_row, verl.arrow_fields, {"images": True})


def _easyr1() -> Format:
    from tron.integrations import easyr1

    return Format("easyr1", easyr1.to_row, easyr1.arrow_fields, {"images": True})


def _trl() -> Format:
    from tron.integrations import trl

    return Format("trl", trl.to_row, trl.arrow_fields, {"image": False})


FORMATS: dict[str, Callable[[], Format]] = {
    "tron": _tron,
    "verl": _verl,
    "easyr1": _easyr1,
    "trl": _trl,
}


def get_format(name: str) -> Format:
    if name not in FORMATS:
        raise ValueError(f"unknown format {name!r}; formats: {', '.join(FORMATS)}")
    return FORMATS[name]()
