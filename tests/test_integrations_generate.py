"""`tron generate`: sharded, resumable, worker-independent dataset export."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from tron.cli import main
from tron.integrations.dataset import Spec, generate, plan, plan_row, shard_files
from tron.integrations.manifest import manifest_path, sidecar

SPECS = Path(__file__).parent / "golden" / "specs"
ENVS = ("counting/golden_colours", "diagram/golden_choice")


def spec(**kw):
    args = dict(env_ids=ENVS, levels=(1, 2, 3, 4, 5), n=40, seed=3, shard_size=12, suite=str(SPECS))
    args.update(kw)
    return Spec(**args)


def shard_hashes(manifest):
    return [(s["file"], s["rows"], s["sha256"]) for s in manifest["shards"]]


def ids(out):
    return [i for f in shard_files(out) for i in pq.read_table(f, columns=["id"])["id"].to_pylist()]


def test_plan_is_a_pure_function_of_the_arguments():
    rows = plan(list(ENVS), [1, 2], 6, 10)
    assert rows == [plan_row(i, ENVS, [1, 2], 10) for i in range(6)]
    assert rows[:4] == [(ENVS[0], 1, 10), (ENVS[1], 1, 11), (ENVS[0], 2, 12), (ENVS[1], 2, 13)]


def test_same_rows_whatever_the_number_of_workers(tmp_path):
    one = generate(spec(), tmp_path / "w1", workers=1, progress=False)
    two = generate(spec(), tmp_path / "w2", workers=2, progress=False)
    assert one["complete"] and two["complete"]
    assert one["rows"] == 40 and len(one["shards"]) == 4
    assert shard_hashes(one) == shard_hashes(two)
    got = ids(tmp_path / "w1")
    assert len(got) == len(set(got)) == 40
    # levels beyond an environment's range are clamped to it (golden_choice has 0..3)
    table = pq.read_table(shard_files(tmp_path / "w1")[0], columns=["level", "env_id"]).to_pydict()
    pairs = zip(table["level"], table["env_id"], strict=True)
    assert max(lv for lv, e in pairs if e == ENVS[1]) == 3


def test_rerun_after_a_lost_shard_completes_without_duplicates(tmp_path):
    out = tmp_path / "d"
    full = generate(spec(), out, progress=False)
    # as if killed: shard 1 never renamed into place, its manifest entry never written,
    # a temporary file left behind
    manifest = json.loads((manifest_path(out)).read_text())
    lost = manifest["shards"].pop(1)
    manifest["complete"] = False
    (manifest_path(out)).write_text(json.dumps(manifest))
    (out / lost["file"]).unlink()
    (out / f".{lost['file']}.123.tmp").write_bytes(b"partial")
    again = generate(spec(), out, progress=False)
    assert shard_hashes(again) == shard_hashes(full)
    got = ids(out)
    assert len(got) == len(set(got)) == 40


def test_resume_after_killing_a_run(tmp_path):
    out = tmp_path / "killed"
    cmd = [
        sys.executable,
        "-m",
        "tron.cli",
        "generate",
        "--suite",
        str(SPECS),
        "--env",
        ENVS[0],
        "--env",
        ENVS[1],
        "--levels",
        "1-5",
        "-n",
        "300",
        "--seed",
        "3",
        "--shard-size",
        "10",
        "--out",
        str(out),
    ]
    proc = subprocess.Popen(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ}
    )
    try:
        deadline = time.time() + 120
        while time.time() < deadline:
            m = manifest_path(out)
            if m.is_file() and json.loads(m.read_text())["rows"] >= 20:
                break
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
    killed = json.loads((manifest_path(out)).read_text())
    assert not killed["complete"], "the run finished before it could be killed"
    for s in killed["shards"]:  # only whole shards are listed
        assert pq.read_table(out / s["file"]).num_rows == s["rows"]
    assert main(cmd[3:]) == 0
    resumed = json.loads((manifest_path(out)).read_text())
    reference = generate(
        Spec(
            env_ids=ENVS,
            levels=(1, 2, 3, 4, 5),
            n=300,
            seed=3,
            shard_size=10,
            suite=str(SPECS.resolve()),
        ),
        tmp_path / "ref",
        workers=2,
        progress=False,
    )
    assert shard_hashes(resumed) == shard_hashes(reference)
    got = ids(out)
    assert len(got) == len(set(got)) == 300


def test_other_arguments_into_the_same_folder_are_refused(tmp_path):
    generate(spec(), tmp_path, progress=False)
    with pytest.raises(ValueError, match="seed"):
        generate(spec(seed=4), tmp_path, progress=False)


def test_jsonl_rows_with_image_files(tmp_path):
    m = generate(spec(file_format="jsonl", target="trl", n=5), tmp_path, progress=False)
    lines = [ln for f in shard_files(tmp_path) for ln in Path(f).read_text().splitlines()]
    rows = [json.loads(ln) for ln in lines]
    assert m["rows"] == len(rows) == 5
    for r in rows:  # image paths are relative to the sidecar folder, outside the data folder
        assert (sidecar(tmp_path) / r["image"]).read_bytes().startswith(b"\x89PNG")
        assert r["prompt"][0]["role"] == "user"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        Path(f).name for f in shard_files(tmp_path)
    ]


@pytest.mark.parametrize("file_format", ["parquet", "jsonl"])
def test_data_folder_holds_only_shards(tmp_path, file_format):
    # EasyR1 picks its loader from the first name os.listdir returns; datasets makes splits of
    # every file: the manifest and the JSONL pictures live in the sidecar folder DIR.tron/
    out = tmp_path / "train"
    generate(spec(file_format=file_format, n=5, shard_size=2), out, progress=False)
    names = sorted(os.listdir(out))
    assert names == [f"train-0000{k}-of-00003.{file_format}" for k in range(3)]
    assert manifest_path(out) == tmp_path / "train.tron" / "manifest.json"
    assert json.loads(manifest_path(out).read_text())["complete"] is True


def test_older_layout_is_read_and_moved_out_on_resume(tmp_path):
    out = tmp_path / "old"
    s = spec(file_format="jsonl", n=5, shard_size=2)
    generate(s, out, progress=False)
    files = shard_files(out)
    # an older tron's layout: manifest and pictures inside the data folder
    manifest_path(out).rename(out / "manifest.json")
    (sidecar(out) / "images").rename(out / "images")
    assert shard_files(out) == files  # still loads
    generate(s, out, progress=False)  # a resume moves both out, keeping every shard
    assert sorted(os.listdir(out)) == sorted(Path(f).name for f in files)
    assert (sidecar(out) / "images").is_dir() and manifest_path(out).is_file()


def test_cli_generate_every_environment_by_default(tmp_path, capsys):
    out = tmp_path / "cli"
    code = main(
        [
            "generate",
            "--suite",
            str(SPECS),
            "--levels",
            "0-2",
            "-n",
            "6",
            "--out",
            str(out),
            "--for",
            "easyr1",
            "--shard-size",
            "4",
        ]
    )
    assert code == 0
    manifest = json.loads((manifest_path(out)).read_text())
    assert manifest["args"]["env_ids"] == list(ENVS) and manifest["args"]["target"] == "easyr1"
    assert [s["rows"] for s in manifest["shards"]] == [4, 2]
    assert "wrote 6 rows" in capsys.readouterr().out


def test_cli_generate_unknown_env_is_a_clean_error(tmp_path, capsys):
    code = main(
        [
            "generate",
            "--suite",
            str(SPECS),
            "--env",
            "counting/golden_colour",
            "--out",
            str(tmp_path),
        ]
    )
    assert code == 2
    assert "did you mean" in capsys.readouterr().err
