"""Hugging Face datasets: exported parquet loads with decoded Image columns; online streams."""

import itertools
from pathlib import Path

import datasets
import pytest
from PIL import Image

import tron
from tron.integrations import hf
from tron.integrations.dataset import Spec, generate, shard_files

SPECS = Path(__file__).parent / "golden" / "specs"
ENVS = ("counting/golden_colours", "diagram/golden_choice")


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    out = tmp_path_factory.mktemp("hf")
    for target in ("tron", "verl", "easyr1", "trl"):
        generate(
            Spec(ENVS, (0, 1, 2), 10, seed=5, target=target, shard_size=4, suite=str(SPECS)),
            out / target,
            progress=False,
        )
    return out


def load(path):
    return datasets.load_dataset(
        "parquet", data_files=shard_files(path), split="train", cache_dir=str(path / ".hf")
    )


def test_tron_rows_load_with_image_feature(exported):
    ds = load(exported / "tron")
    assert len(ds) == 10
    assert isinstance(ds.features["image"], datasets.Image)
    row = ds[3]
    assert isinstance(row["image"], Image.Image)
    inst = tron.load(SPECS).make(row["env_id"]).sample(row["level"], row["seed"])
    assert row["id"] == inst.id and row["question"] == inst.question
    assert row["image"].convert("RGB").tobytes() == inst.image.tobytes()
    assert hf.verify(row, f"\\boxed{{{row['answer_text']}}}") == 1.0
    assert hf.verify(row, "\\boxed{3} or \\boxed{4}") == 0.0
    assert tron.verify(hf.instance_dict(row), f"Answer: {row['answer_text']}") == 1.0


@pytest.mark.parametrize("target", ["verl", "easyr1"])
def test_image_lists_decode(exported, target):
    ds = load(exported / target)
    row = ds[0]
    assert all(isinstance(im, Image.Image) for im in row["images"]) and len(row["images"]) == 1
    prompt = row["prompt"][0]["content"] if target == "verl" else row["problem"]
    assert prompt.startswith("<image>")


def test_trl_rows(exported):
    ds = load(exported / "trl")
    row = ds[1]
    assert isinstance(row["image"], Image.Image)
    assert row["prompt"] == [{"role": "user", "content": row["prompt"][0]["content"]}]


def test_build_matches_generate(exported):
    built = hf.build(ENVS, (0, 1, 2), 10, seed=5, suite=SPECS)
    assert isinstance(built.features["image"], datasets.Image)
    assert built["id"] == load(exported / "tron")["id"]
    assert built[0]["question"] == load(exported / "tron")[0]["question"]


def test_stream_is_endless_and_row_aligned(exported):
    stream = hf.stream(ENVS, (0, 1, 2), seed=5, suite=SPECS)
    assert isinstance(stream, datasets.IterableDataset)
    rows = list(itertools.islice(iter(stream), 14))  # beyond any finite n
    assert [r["id"] for r in rows[:10]] == load(exported / "tron")["id"]
    assert isinstance(rows[12]["image"], Image.Image)
    finite = list(hf.stream(ENVS, (0, 1, 2), seed=5, n=3, suite=SPECS, target="trl"))
    assert len(finite) == 3 and "prompt" in finite[0]


def test_stream_shards_split_the_rows():
    gen = hf._generate([1], 2, ENVS, (0,), 0, "tron", str(SPECS), 6)
    assert [r["seed"] for r in gen] == [1, 3, 5]
    stream = hf.stream(ENVS, (0,), n=6, suite=SPECS, num_shards=3)
    assert stream.num_shards == 3
