"""`tron validate --near-duplicates`: a renamed copy of a bundled environment is caught, a
different one is not, and fingerprints are cached per spec source."""

import json
from pathlib import Path

import tron
from tron.loading import cache_root
from tron.quality.near_dups import fingerprint, near_duplicate_pairs

ROOT = Path(__file__).resolve().parent.parent
ORIGINAL = ROOT / "tasks" / "counting" / "count_tally_marks.tron"


def copy_of_tally_marks(tmp_path: Path) -> tron.Env:
    folder = tmp_path / "tasks" / "counting"
    folder.mkdir(parents=True)
    text = ORIGINAL.read_text(encoding="utf-8").replace(
        "env counting/count_tally_marks", "env counting/tally_copy"
    )
    (folder / "tally_copy.tron").write_text(text, encoding="utf-8")
    return tron.load(folder / "tally_copy.tron").make("counting/tally_copy")


def test_a_renamed_copy_is_a_near_duplicate_of_its_original(tmp_path, monkeypatch):
    monkeypatch.setenv("TRON_CACHE", str(tmp_path / "cache"))
    copy = copy_of_tally_marks(tmp_path)
    suite = [tron.make("counting/count_tally_marks"), tron.make("spatial/compass_turns")]
    assert near_duplicate_pairs([copy], suite) == [
        ("counting/tally_copy", "counting/count_tally_marks")
    ]
    assert near_duplicate_pairs([copy], suite[1:]) == []


def test_fingerprints_are_cached_and_a_damaged_entry_is_recomputed(tmp_path, monkeypatch):
    monkeypatch.setenv("TRON_CACHE", str(tmp_path / "cache"))
    env = tron.make("spatial/compass_turns")
    first = fingerprint(env)
    (entry,) = (cache_root() / "fingerprints").iterdir()
    assert json.loads(entry.read_text())["questions"] == first.questions
    entry.write_text("{not json")
    again = fingerprint(env)
    assert (again.hashes, again.questions) == (first.hashes, first.questions)
    assert json.loads(entry.read_text())["hashes"] == first.hashes
