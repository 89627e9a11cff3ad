"""Question families (decision 0003): one spec, one scene grammar, several environments, each
with its own id, version, seed stream, module and manifest entry."""

import hashlib
import json
import re
from pathlib import Path

import pytest

import tron
from tron.compiler.diagnostics import SpecError
from tron.compiler.driver import compile_dir, compile_source, compile_spec, module_file
from tron.envs.suite import MODULE_FILE

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden" / "families" / "counting" / "golden_families.tron"

SPEC = """env counting/scene
title "Scene"
description "Discs in a row."
bucket counting
levels 0 to 2
version 3

param n = 3 + level
param cols = [choice(["red", "blue"]) for i in range(0, n)]
draw circle(60 + i * 80, 200, 18, cols[i]) for i in range(0, n)

family reds {
  version {a}
  param hits = count([c for c in cols if c == "red"])
  question "How many red discs?"
  answer integer = hits
}

family blues {
  version {b}
  question "How many blue discs?"
  answer integer = count([c for c in cols if c == "blue"])
}
"""


def write(tmp_path: Path, a: int = 1, b: int = 1) -> Path:
    folder = tmp_path / "tasks" / "counting"
    folder.mkdir(parents=True, exist_ok=True)
    text = SPEC.replace("{a}", str(a)).replace("{b}", str(b))
    (folder / "scene.tron").write_text(text, encoding="utf-8")
    return tmp_path / "tasks"


def digests(suite: tron.Suite, env_id: str) -> list[str]:
    env = suite.make(env_id)
    out = []
    for seed in range(4):
        inst = env.sample(1, seed)
        out.append(
            hashlib.sha256((inst.svg + inst.question + inst.answer_text).encode()).hexdigest()
        )
    return out


def test_each_family_is_an_environment_with_its_own_id_and_version():
    compiled = compile_spec(
        GOLDEN.read_text(encoding="utf-8"), "tasks/counting/golden_families.tron"
    )
    ids = [c.env_id for c in compiled]
    assert ids == ["counting/golden_families.count_red", "counting/golden_families.first_colour"]
    red, colour = (c.info for c in compiled)
    assert (red["version"], red["scene_version"], red["family_version"]) == (2004, 2, 4)
    assert colour["version"] == 2001  # no `version` in the block: family version 1
    assert red["title"] == "Golden: families: count red"  # default: spec title + family name
    assert colour["title"] == "Golden: colour of a disc"
    assert colour["tags"] == ["discs", "colour"]  # the block's tags join the shared ones
    assert {c.source_hash for c in compiled} == {compiled[0].source_hash}  # one spec, one hash
    assert (
        compile_source(GOLDEN.read_text(encoding="utf-8"), "x/counting/golden_families.tron").env_id
        == ids[0]
    )


def test_module_files_of_families_are_accepted_by_the_suite():
    name = module_file("counting/golden_families.count_red")
    assert name == "counting__golden_families.count_red.py" and MODULE_FILE.match(name)
    assert not MODULE_FILE.match("counting__a.b.c.py") and not MODULE_FILE.match("counting__a..py")


def test_families_load_sample_and_have_independent_seed_streams(tmp_path):
    suite = tron.load(write(tmp_path))
    assert suite.list_envs() == ["counting/scene.blues", "counting/scene.reds"]
    reds, blues = suite.make("counting/scene.reds"), suite.make("counting/scene.blues")
    inst = reds.sample(2, 7)
    assert inst.id == "counting/scene.reds@3001/2/7" and inst.version == 3001
    assert inst.verify(f"\\boxed{{{inst.answer_text}}}") == 1.0
    # Same scene code, different ids: the same seed gives a different scene in each family.
    assert reds.sample(2, 7).svg != blues.sample(2, 7).svg


def test_bumping_one_family_leaves_the_other_unchanged(tmp_path):
    before = tron.load(write(tmp_path / "a"))
    after = tron.load(write(tmp_path / "b", a=2))
    assert digests(before, "counting/scene.blues") == digests(after, "counting/scene.blues")
    assert digests(before, "counting/scene.reds") != digests(after, "counting/scene.reds")
    assert after.make("counting/scene.reds").info.version == 3002


def test_manifest_has_an_entry_per_family_and_recompiles_incrementally(tmp_path):
    tasks = write(tmp_path)
    out = tmp_path / "out"
    compiled, written = compile_dir([tasks], out)
    assert written == 2 and len(compiled) == 2
    entries = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["envs"]
    assert [e["id"] for e in entries] == ["counting/scene.blues", "counting/scene.reds"]
    assert len({e["spec"] for e in entries}) == 1 and entries[0]["spec"].endswith("scene.tron")
    assert len({e["source_hash"] for e in entries}) == 1
    again, written = compile_dir([tasks], out)
    assert written == 0 and sorted(c.env_id for c in again) == sorted(c.env_id for c in compiled)
    write(tmp_path, b=5)  # a changed spec rewrites its families
    _, written = compile_dir([tasks], out)
    assert written == 2


def test_gymnasium_ids_of_families_parse():
    gym = pytest.importorskip("gymnasium")
    from tron.integrations.gym import gym_id

    gid = gym_id("counting/scene.reds", 3001)
    ns, name, version = gym.envs.registration.parse_env_id(gid)
    assert (ns, name, version) == ("tron", "counting.scene.reds", 3001)


def test_every_family_module_is_safe():
    from tests.security.test_compiler_literals import assert_safe_module

    text = GOLDEN.read_text(encoding="utf-8")
    for c in compile_spec(text, "tasks/counting/golden_families.tron"):
        assert_safe_module(c.code)
    for spec in sorted((ROOT / "tasks").rglob("*.tron")):
        if re.search(r"^family ", spec.read_text(encoding="utf-8"), re.M):
            rel = spec.relative_to(ROOT).as_posix()
            for c in compile_spec(spec.read_text(encoding="utf-8"), rel):
                assert_safe_module(c.code)


def test_a_plain_spec_compiles_to_one_module_without_family_info():
    spec = ROOT / "tests" / "golden" / "language" / "counting" / "golden_locals.tron"
    (only,) = compile_spec(spec.read_text(encoding="utf-8"), "tasks/counting/golden_locals.tron")
    assert "family" not in only.info and isinstance(only.info["version"], int)


def test_a_const_read_only_inside_family_blocks_counts_as_used(tmp_path):
    with_const = SPEC.replace("param n = 3 + level", "const BASE = 3\nparam n = 3 + level")
    used = with_const.replace('"How many red discs?"', '"How many red discs (of {BASE} or more)?"')
    compile_source(used.replace("{a}", "1").replace("{b}", "1"), "tasks/counting/scene.tron")
    with pytest.raises(SpecError, match="'BASE' is never used"):
        compile_source(
            with_const.replace("{a}", "1").replace("{b}", "1"), "tasks/counting/scene.tron"
        )
