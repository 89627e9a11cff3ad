"""Audit #12, finding 6: the split name is a file name prefix, so it cannot leave `--out`."""

from pathlib import Path

import pytest

from tron.cli import main
from tron.dataset import Spec, generate

SPECS = Path(__file__).resolve().parents[1] / "golden" / "specs"


@pytest.mark.parametrize(
    "split", ["../escaped", "/tmp/abs", "a/b", "a\\b", "..", ".hidden", "x" * 65, "", "tr ain"]
)
def test_unsafe_split_names_are_refused(tmp_path, split):
    with pytest.raises(ValueError, match="bad split name"):
        Spec(env_ids=("counting/golden_colours",), levels=(1,), n=1, split=split)


def test_cli_split_escape_writes_nothing_outside(tmp_path, capsys):
    out = tmp_path / "out"
    argv = ["generate", "--suite", str(SPECS), "--env", "counting/golden_colours", "-n", "1"]
    code = main([*argv, "--split", "../escaped", "--out", str(out)])
    assert code == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "../escaped" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # not even an empty --out


@pytest.mark.parametrize("split", ["train", "validation", "test", "train.hard_2"])
def test_ordinary_split_names_still_work(tmp_path, split):
    s = Spec(env_ids=("counting/golden_colours",), levels=(1,), n=1, split=split, suite=str(SPECS))
    m = generate(s, tmp_path, progress=False)
    assert m["shards"][0]["file"] == f"{split}-00000-of-00001.parquet"
    assert (tmp_path / m["shards"][0]["file"]).is_file()
