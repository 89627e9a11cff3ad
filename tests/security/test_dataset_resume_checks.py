"""Audit #12, finding 2 and 12: a resume re-hashes the shards it keeps, refuses a manifest the
writer could not have made, and removes the temporary files a killed run left behind."""

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from tron.dataset import Spec, generate, shard_files
from tron.integrations.manifest import manifest_path, sidecar

SPECS = Path(__file__).resolve().parents[1] / "golden" / "specs"
ENVS = ("counting/golden_colours", "diagram/golden_choice")


def spec(**kw):
    args = dict(env_ids=ENVS, levels=(1, 2), n=12, seed=3, shard_size=4, suite=str(SPECS))
    return Spec(**{**args, **kw})


def files(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.glob("train-*"))}


def edit_manifest(out: Path, change) -> None:
    m = json.loads((manifest_path(out)).read_text())
    change(m)
    (manifest_path(out)).write_text(json.dumps(m))


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    out = tmp_path_factory.mktemp("reference")
    generate(spec(), out, progress=False)
    return files(out)


def test_truncated_shard_is_regenerated_and_reported(tmp_path, reference, capsys):
    generate(spec(), tmp_path, progress=False)
    shard = tmp_path / "train-00001-of-00003.parquet"
    shard.write_bytes(shard.read_bytes()[:100])
    capsys.readouterr()
    m = generate(spec(), tmp_path, progress=False)
    assert files(tmp_path) == reference
    assert m["complete"] and m["rows"] == 12
    err = capsys.readouterr().err
    assert "train-00001-of-00003.parquet" in err and "sha256" in err and "again" in err


def test_edited_gold_answer_in_jsonl_is_regenerated(tmp_path, capsys):
    s = spec(file_format="jsonl", target="trl")
    generate(s, tmp_path, progress=False)
    shard = tmp_path / "train-00000-of-00003.jsonl"
    original = shard.read_bytes()
    rows = [json.loads(line) for line in original.decode().splitlines()]
    rows[0]["answer_text"] = "999"  # the falsified gold answer
    rows[0]["answer"] = json.dumps(999)
    shard.write_text("".join(json.dumps(r, sort_keys=True) + "\n" for r in rows))
    generate(s, tmp_path, progress=False)
    assert shard.read_bytes() == original
    assert "train-00000-of-00003.jsonl" in capsys.readouterr().err


def test_shard_files_refuses_a_shard_that_does_not_match(tmp_path):
    generate(spec(), tmp_path, progress=False)
    shard = tmp_path / "train-00002-of-00003.parquet"
    table = pq.read_table(shard)
    pq.write_table(table.slice(0, 2), shard)  # a valid parquet file, but not the one recorded
    with pytest.raises(ValueError, match=r"train-00002-of-00003\.parquet.*sha256"):
        shard_files(tmp_path)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda m: m["shards"][0].update(file="../../../../../etc/hostname"), "file is"),
        (lambda m: m["shards"][0].update(file="/etc/hostname"), "file is"),
        (lambda m: m["shards"].append({**m["shards"][0], "index": 7}), "not in 0..2"),
        (lambda m: m["shards"].append({**m["shards"][0], "index": -1}), "not in 0..2"),
        (lambda m: m["shards"].append(dict(m["shards"][0])), "listed twice"),
        (lambda m: m["shards"][1].update(index=0), "listed twice"),
        (lambda m: m["shards"][0].update(rows=400), "rows is 400"),
        (lambda m: m["shards"][0].update(first_row=4), "first_row"),
        (lambda m: m["shards"][0].update(sha256="x"), "sha256"),
        (lambda m: m["shards"][0].update(extra=1), "unexpected keys"),
        (lambda m: m.update(shards={"0": 1}), "'shards' must be a list"),
        (lambda m: m["shards"].append("train-00000-of-00003.parquet"), "not an object"),
    ],
)
def test_hand_edited_manifest_is_refused_by_resume_and_loader(tmp_path, change, message):
    generate(spec(), tmp_path, progress=False)
    edit_manifest(tmp_path, change)
    with pytest.raises(ValueError, match=message):
        shard_files(tmp_path)
    with pytest.raises(ValueError, match=message):
        generate(spec(), tmp_path, progress=False)


def test_shard_file_symlinked_outside_the_folder_is_refused(tmp_path):
    out = tmp_path / "d"
    generate(spec(), out, progress=False)
    shard = out / "train-00000-of-00003.parquet"
    outside = tmp_path / "elsewhere.parquet"
    outside.write_bytes(shard.read_bytes())  # even the right bytes: only files in the folder
    shard.unlink()
    shard.symlink_to(outside)
    with pytest.raises(ValueError, match="outside the dataset folder"):
        shard_files(out)


def test_manifest_that_is_not_an_object_is_refused(tmp_path):
    manifest_path(tmp_path).parent.mkdir()
    (manifest_path(tmp_path)).write_text("[]")
    with pytest.raises(ValueError, match=r"manifest\.json: expected a JSON object"):
        generate(spec(), tmp_path, progress=False)
    (manifest_path(tmp_path)).write_text('{"args": ')
    with pytest.raises(ValueError, match=r"manifest\.json: not valid JSON"):
        shard_files(tmp_path)


def test_stale_temporary_files_are_removed(tmp_path, capsys):
    s = spec(file_format="jsonl")
    generate(s, tmp_path, progress=False)
    dead = 2**22 + 12345  # above Linux's largest pid (2**22): never alive
    stale = [
        tmp_path / f".train-00001-of-00003.jsonl.{dead}.tmp",
        sidecar(tmp_path) / f".manifest.json.{dead}.tmp",
        sidecar(tmp_path) / "images" / f".x.png.{dead}.tmp",
    ]
    for p in stale:
        p.write_bytes(b"partial")
    foreign = tmp_path / "notes.tmp"  # not a name our writer makes: not ours to delete
    foreign.write_text("keep me")
    generate(s, tmp_path, progress=False)
    assert not any(p.exists() for p in stale)
    assert foreign.read_text() == "keep me"
    assert "left by an interrupted run" in capsys.readouterr().err
