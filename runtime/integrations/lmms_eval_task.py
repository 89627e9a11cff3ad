"""lmms-eval: a task that evaluates a model on a frozen TRON test set and reports accuracy
overall, per ability bucket and per level, scored with TRON's exact verifier.

The test set is a `tron generate` export (`--for tron --format parquet --split test`), so its
rows are fixed by (environments, levels, n, seed) and carry the verification record. The task
folder `runtime/integrations/lmms_eval/` (installed as `tron/integrations/lmms_eval/`) holds
`tron_test.yaml` (reads `./tron_lmms_test/test-*.parquet`) and `utils.py` (these functions);
`python -m tron.integrations.lmms_eval_task --data DIR --out TASKDIR` writes a copy that reads
DIR by absolute path. Then:

    lmms-eval --model <model> --tasks tron_test --include_path TASKDIR ...

The functions below are what the YAML names (`!function utils.doc_to_visual`, ...); they need
neither lmms-eval nor torch, so they are tested on their own too.
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path
from typing import Any

from tron.integrations.common import score_record

TASK = "tron_test"
BUCKETS = ("counting", "diagram", "mathematical", "pattern_logic", "spatial")
LEVELS = tuple(range(10))
DATA_DIR = "tron_lmms_test"  # the packaged YAML's relative data folder
TASK_DIR = Path(__file__).resolve().parent / "lmms_eval"
# The frozen test set the docs name: every bundled environment at three levels.
GENERATE = (
    "tron generate --for tron --format parquet --split test --levels 1,4,7 -n 1500 "
    f"--seed 900000 --out {DATA_DIR}"
)


def doc_to_visual(doc: dict[str, Any]) -> list[Any]:
    """The picture (datasets decodes the `Image` column to a PIL image)."""
    image = doc["image"]
    if isinstance(image, dict):  # undecoded {bytes, path} struct
        import io

        from PIL import Image

        image = Image.open(io.BytesIO(image["bytes"]))
    return [image.convert("RGB")]


def doc_to_text(
    doc: dict[str, Any], lmms_eval_specific_kwargs: dict[str, Any] | None = None
) -> str:
    """The question; it already states the answer format. Optional pre/post prompts come from
    the YAML's `lmms_eval_specific_kwargs` (empty by default)."""
    kw = lmms_eval_specific_kwargs or {}
    return f"{kw.get('pre_prompt', '')}{doc['question']}{kw.get('post_prompt', '')}"


def doc_to_target(doc: dict[str, Any]) -> str:
    return str(doc["answer_text"])


def metric_names() -> list[str]:
    return (
        ["accuracy"]
        + [f"acc_bucket_{b}" for b in BUCKETS]
        + [f"acc_level_{level}" for level in LEVELS]
    )


def process_results(doc: dict[str, Any], results: list[Any]) -> dict[str, float]:
    """One document's score under `accuracy` and under its bucket's and level's metric (the
    harness means each metric over the documents that report it)."""
    text = results[0] if results else ""
    score = score_record(doc, text if isinstance(text, str) else "")
    out = {"accuracy": score}
    if doc.get("bucket") in BUCKETS:
        out[f"acc_bucket_{doc['bucket']}"] = score
    if doc.get("level") in LEVELS:
        out[f"acc_level_{doc['level']}"] = score
    return out


def task_yaml(data_files: str) -> str:
    """The task definition in lmms-eval's format, reading parquet shards `data_files`."""
    metrics = "".join(
        f"  - metric: {m}\n    aggregation: mean\n    higher_is_better: true\n"
        for m in metric_names()
    )
    return f"""\
# TRON frozen test set: exact-verifier accuracy overall, per bucket and per level.
# Data: a `tron generate --for tron --format parquet --split test` export, e.g.
#   {GENERATE}
task: {TASK}
dataset_path: parquet
dataset_kwargs:
  data_files:
    test: {data_files}
test_split: test
output_type: generate_until
doc_to_visual: !function utils.doc_to_visual
doc_to_text: !function utils.doc_to_text
doc_to_target: !function utils.doc_to_target
process_results: !function utils.process_results
generation_kwargs:
  max_new_tokens: 2048
  temperature: 0
  do_sample: false
lmms_eval_specific_kwargs:
  default:
    pre_prompt: ""
    post_prompt: ""
metric_list:
{metrics}metadata:
  version: 1.0
"""


def write_task(data: str | Path, out: str | Path) -> Path:
    """A task folder for `--include_path` whose YAML reads the export in `data` by absolute
    path. The export is checked first (manifest and every shard's sha256)."""
    from tron.integrations.dataset import shard_files

    data = Path(data).resolve()
    shards = shard_files(data)
    if not shards or any(not Path(s).name.startswith("test-") for s in shards):
        raise ValueError(f"{data}: not a `--split test` export (shards must be test-*.parquet)")
    if any(Path(s).suffix != ".parquet" for s in shards):
        raise ValueError(f"{data}: the lmms-eval task reads parquet; export with --format parquet")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(TASK_DIR / "utils.py", out / "utils.py")
    (out / f"{TASK}.yaml").write_text(task_yaml(str(data / "test-*.parquet")), encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m tron.integrations.lmms_eval_task",
        description="write an lmms-eval task folder for a frozen TRON test set",
    )
    p.add_argument("--data", required=True, help="a `tron generate ... --split test` folder")
    p.add_argument("--out", required=True, help="task folder to pass as --include_path")
    args = p.parse_args(argv)
    out = write_task(args.data, args.out)
    print(
        f"tron: wrote {out / (TASK + '.yaml')}; run lmms-eval --tasks {TASK} --include_path {out}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
