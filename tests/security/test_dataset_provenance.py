"""Audit #12, finding 7: a resume after a spec edit without a version bump, or under another
tron or compiler, is refused (naming what changed) instead of mixing two revisions."""

import json
import shutil
from pathlib import Path

import pytest

from tron._version import __version__
from tron.dataset import Spec, generate
from tron.integrations.manifest import manifest_path

SPECS = Path(__file__).resolve().parents[1] / "golden" / "specs"
ENV = "counting/golden_colours"


def interrupted(specs: Path, out: Path) -> Spec:
    """A run of 2 shards cut short after the first (its manifest lists only shard 0)."""
    s = Spec(env_ids=(ENV,), levels=(1,), n=4, seed=0, shard_size=2, suite=str(specs))
    generate(s, out, progress=False)
    m = json.loads((manifest_path(out)).read_text())
    m["shards"], m["complete"], m["rows"] = m["shards"][:1], False, 2
    (manifest_path(out)).write_text(json.dumps(m))
    (out / "train-00001-of-00002.parquet").unlink()
    return s


def test_manifest_records_what_made_the_rows(tmp_path):
    s = Spec(env_ids=(ENV,), levels=(1,), n=1, suite=str(SPECS))
    m = generate(s, tmp_path, progress=False)
    rec = m["envs"][ENV]
    assert m["tron_version"] == __version__
    assert rec["version"] == 1 and rec["compiler_version"] == __version__
    assert len(rec["source_hash"]) == 64


def test_spec_edited_without_version_bump_is_refused(tmp_path):
    specs = tmp_path / "specs"
    shutil.copytree(SPECS, specs)
    out = tmp_path / "out"
    s = interrupted(specs, out)
    old_hash = json.loads((manifest_path(out)).read_text())["envs"][ENV]["source_hash"]
    spec_file = specs / "counting" / "golden_colours.tron"
    spec_file.write_text(spec_file.read_text().replace("param n = 3 + 2", "param n = 4 + 2"))
    with pytest.raises(ValueError, match=rf"{ENV}: source_hash '{old_hash}' -> '[0-9a-f]{{64}}'"):
        generate(s, out, progress=False)
    assert not (out / "train-00001-of-00002.parquet").exists()  # nothing mixed in


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("tron_version", r"tron version '0\.0\.1' -> "),
        ("compiler_version", rf"{ENV}: compiler_version '0\.0\.1' -> "),
        ("version", rf"{ENV}: version '0\.0\.1' -> 1"),
    ],
)
def test_resume_under_another_tron_or_compiler_is_refused(tmp_path, field, message):
    s = interrupted(SPECS, tmp_path)
    m = json.loads((manifest_path(tmp_path)).read_text())
    if field == "tron_version":
        m[field] = "0.0.1"
    else:
        m["envs"][ENV][field] = "0.0.1"
    (manifest_path(tmp_path)).write_text(json.dumps(m))
    with pytest.raises(ValueError, match=message):
        generate(s, tmp_path, progress=False)


def test_manifest_without_a_record_is_refused(tmp_path):
    s = interrupted(SPECS, tmp_path)
    m = json.loads((manifest_path(tmp_path)).read_text())
    del m["envs"]
    (manifest_path(tmp_path)).write_text(json.dumps(m))
    with pytest.raises(ValueError, match="no record of the environments"):
        generate(s, tmp_path, progress=False)


def test_run_cut_short_before_any_shard_starts_afresh_under_a_new_tron(tmp_path):
    s = interrupted(SPECS, tmp_path)
    m = json.loads((manifest_path(tmp_path)).read_text())
    m["tron_version"], m["shards"], m["rows"] = "0.0.1", [], 0
    (manifest_path(tmp_path)).write_text(json.dumps(m))
    done = generate(s, tmp_path, progress=False)
    assert done["complete"] and done["tron_version"] == __version__
