"""EasyR1: its dataset loading and reward-file loading, on our exports and reward file.

EasyR1 is not on PyPI, and its import package is also named `verl` (it clashes with the real
verl installed for tests/test_framework_verl.py), so the tests that import EasyR1 itself run
only when EASYR1_SRC names a checkout of hiyouga/EasyR1 and verl is not installed; otherwise
they are skipped, saying so. The other tests make the calls EasyR1 main makes, read from its
`verl/utils/dataset.py` and `verl/workers/reward/function.py` (`os.listdir(dir)[0]` picks the
loader, `load_dataset(type, data_dir=dir, split=...)` with split "train" unless the path ends
in `@<split>`, `REWARD_TYPE` read from the reward module), against the real `datasets`.
"""

import importlib.util
import os
import sys
from pathlib import Path

import datasets
import pytest

from tron.cli import main

ROOT = Path(__file__).resolve().parents[1]
REWARD_FILE = ROOT / "examples" / "easyr1" / "tron_reward.py"
SPECS = ROOT / "tests" / "golden" / "specs"


def export(out: Path, split: str, file_format: str) -> Path:
    args = ["generate", "--suite", str(SPECS), "--levels", "1-2", "-n", "5", "--seed", "4"]
    args += ["--for", "easyr1", "--split", split, "--format", file_format, "--shard-size", "2"]
    assert main([*args, "--out", str(out)]) == 0
    return out


def easyr1_load(data_path: str, cache: Path):
    # EasyR1 main's RLHFDataset: split from "@", loader from the folder's first file name
    if "@" in data_path:
        data_path, split = data_path.split("@")
    else:
        split = "train"
    file_type = os.path.splitext(os.listdir(data_path)[0])[-1][1:].replace("jsonl", "json")
    return datasets.load_dataset(file_type, data_dir=data_path, split=split, cache_dir=str(cache))


@pytest.mark.parametrize("file_format", ["parquet", "jsonl"])
def test_train_and_test_folders_load_as_easyr1_loads_them(tmp_path, file_format):
    train = export(tmp_path / "train", "train", file_format)
    test = export(tmp_path / "test", "test", file_format)
    ds = easyr1_load(str(train), tmp_path / "hf")
    assert len(ds) == 5 and ds[0]["problem"].startswith("<image>")
    # the validation folder needs its split named: data.val_files=$DATA/test@test
    val = easyr1_load(f"{test}@test", tmp_path / "hf")
    assert len(val) == 5
    with pytest.raises(ValueError, match="train"):
        easyr1_load(str(test), tmp_path / "hf")  # the mistake examples/easyr1 used to make
    if file_format == "jsonl":  # image paths are relative to DIR.tron: data.image_dir
        image_dir = Path(f"{train}.tron")
        assert all((image_dir / p).is_file() for row in ds for p in row["images"])


def load_reward_module():
    # EasyR1's FunctionRewardManager: import the file, read REWARD_TYPE / REWARD_NAME
    spec = importlib.util.spec_from_file_location("custom_reward_fn", REWARD_FILE)
    module = importlib.util.module_from_spec(spec)
    sys.modules["custom_reward_fn"] = module
    spec.loader.exec_module(module)
    return module


def test_reward_file_declares_its_type_and_scores_a_batch(tmp_path):
    module = load_reward_module()
    assert getattr(module, "REWARD_TYPE", "batch") == "batch"
    assert module.REWARD_NAME == "tron"
    ds = easyr1_load(str(export(tmp_path / "train", "train", "parquet")), tmp_path / "hf")
    inputs, want = [], []
    for i, row in enumerate(ds):
        gold = row["answer_text"]
        text = f"\\boxed{{{gold}}}" if i % 2 == 0 else "\\boxed{zz}"
        inputs.append(
            {"response": text, "response_length": len(text), "ground_truth": row["answer"]}
        )
        want.append(1.0 if i % 2 == 0 else 0.0)
    scores = module.compute_score(inputs)
    assert [s["overall"] for s in scores] == want
    assert module.compute_score(inputs[0]) == {"overall": 1.0, "accuracy": 1.0}


def _easyr1_checkout() -> Path:
    src = os.environ.get("EASYR1_SRC")
    if not src:
        pytest.skip("EasyR1 is not on PyPI: set EASYR1_SRC to a checkout of hiyouga/EasyR1")
    if importlib.util.find_spec("verl") is not None and "EasyR1" not in str(
        importlib.util.find_spec("verl").origin
    ):
        pytest.skip("the real verl is installed; EasyR1's package is also named verl")
    return Path(src)


def test_easyr1_reward_manager_itself(tmp_path):
    src = _easyr1_checkout()
    sys.path.insert(0, str(src))
    from verl.workers.reward.config import RewardConfig  # EasyR1's
    from verl.workers.reward.function import FunctionRewardManager

    config = RewardConfig(reward_function=f"{REWARD_FILE}:compute_score")
    manager = FunctionRewardManager(config, tokenizer=None)
    assert manager.reward_type == "batch"
