"""The manifest of an exported dataset, read without trusting it.

A dataset folder may have been edited, truncated or half-written by a killed run, so every
read checks: the manifest is a JSON object of bounded size whose shard entries are exactly the
ones the writer makes (index in range, unique, file name, row count, first row, sha256), shard
paths stay inside the folder, and a shard's bytes hash to the recorded sha256 before a resume
keeps it or a loader uses it. The manifest also records what made the rows (the tron version
and each environment's version, spec source hash and compiler version), so a resume under
other specs or another tron is refused instead of mixing two revisions in one dataset.

Where it lives: beside the dataset folder, in `DIR.tron/manifest.json` (with JSONL pictures in
`DIR.tron/images/`), so that `DIR` holds only shard files. Loaders that read a whole folder
(EasyR1 picks its file type from the first name `os.listdir` returns; `datasets` builds splits
from every file it finds) then see only data. A manifest an older tron wrote at
`DIR/manifest.json` is still read, and a resume moves it (and `DIR/images/`) out.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tron.envs.suite import Suite
    from tron.integrations.dataset import Spec

MANIFEST = "manifest.json"
MAX_MANIFEST_BYTES = 64 << 20  # about 300k shard entries: far beyond a real dataset
SHA256 = re.compile(r"[0-9a-f]{64}")
TMP = re.compile(r"\..+\.(\d+)\.tmp")  # `_atomic_write`'s temporary names: .<name>.<pid>.tmp


SIDECAR_SUFFIX = ".tron"


def sidecar(out: str | Path) -> Path:
    """The folder beside dataset folder `out` that holds its manifest and JSONL pictures
    (`DIR` -> `DIR.tron`; the name as given, symlinks not followed)."""
    absolute = Path(os.path.abspath(out))
    if not absolute.name:
        raise ValueError(f"{out}: a dataset folder cannot be a filesystem root")
    return absolute.with_name(absolute.name + SIDECAR_SUFFIX)


def manifest_path(out: str | Path) -> Path:
    """Where the writer puts the manifest of dataset folder `out`."""
    return sidecar(out) / MANIFEST


def legacy_manifest_path(out: str | Path) -> Path:
    """Where a tron before the sidecar folder wrote it (inside the data folder)."""
    return Path(out) / MANIFEST


def find_manifest(out: str | Path) -> Path | None:
    """The manifest file of `out` (the sidecar's, else an older tron's), or None."""
    for path in (manifest_path(out), legacy_manifest_path(out)):
        if path.is_file():
            return path
    return None


def load_manifest(out: Path) -> dict[str, Any] | None:
    """The manifest of `out` as a JSON object, or None when there is none."""
    path = find_manifest(out)
    if path is None:
        return None
    if path.stat().st_size > MAX_MANIFEST_BYTES:
        raise ValueError(f"{path}: larger than {MAX_MANIFEST_BYTES >> 20} MiB; not a manifest")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(
            f"{path}: not valid JSON ({exc}); delete the folder to start over"
        ) from None
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a JSON object, got {type(data).__name__}")
    return data


def spec_of(path: Path, manifest: dict[str, Any]) -> Spec:
    """The arguments a manifest records, validated like the writer's own."""
    from tron.integrations.dataset import Spec

    args = manifest.get("args")
    if not isinstance(args, dict):
        raise ValueError(f"{path}: 'args' must be an object")
    try:
        return Spec(**{**args, "env_ids": tuple(args["env_ids"]), "levels": tuple(args["levels"])})
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"{path}: bad 'args': {exc}") from None


def checked_shards(path: Path, manifest: dict[str, Any], spec: Spec) -> dict[int, dict[str, Any]]:
    """The manifest's shard entries by index, each exactly as the writer makes it for `spec`
    (anything else was edited by hand and is refused, never interpreted)."""
    shards = manifest.get("shards")
    if not isinstance(shards, list):
        raise ValueError(f"{path}: 'shards' must be a list")
    out: dict[int, dict[str, Any]] = {}
    for s in shards:
        if not isinstance(s, dict):
            raise ValueError(f"{path}: a shard entry is not an object: {s!r:.80}")
        k = s.get("index")
        if type(k) is not int or not 0 <= k < spec.num_shards:
            raise ValueError(f"{path}: shard index {k!r:.40} is not in 0..{spec.num_shards - 1}")
        if k in out:
            raise ValueError(f"{path}: shard {k} is listed twice")
        rows = spec.shard_rows(k)
        want = {"file": spec.shard_name(k), "rows": len(rows), "first_row": rows.start}
        for key, value in want.items():
            if s.get(key) != value or type(s.get(key)) is not type(value):
                raise ValueError(
                    f"{path}: shard {k}: {key} is {s.get(key)!r:.80}, the writer makes {value!r}"
                )
        if not isinstance(s.get("sha256"), str) or not SHA256.fullmatch(s["sha256"]):
            raise ValueError(f"{path}: shard {k}: sha256 is not 64 hex digits")
        if extra := set(s) - {"index", "sha256", *want}:
            raise ValueError(f"{path}: shard {k}: unexpected keys {sorted(extra)}")
        out[k] = s
    return out


def inside(out: Path, name: str) -> Path:
    """out/name, refused unless it resolves (symlinks followed) to a path inside `out`."""
    path = out / name
    if not path.resolve().is_relative_to(out.resolve()):
        raise ValueError(f"{path}: resolves outside the dataset folder {out}")
    return path


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(1 << 20):  # bounded memory whatever the shard size
            h.update(block)
    return h.hexdigest()


def shard_problem(out: Path, entry: dict[str, Any]) -> str | None:
    """Why a listed shard cannot be used (missing, not a file, bytes differ), else None."""
    path = inside(out, entry["file"])
    if not path.is_file():
        return f"{path} is missing"
    if file_sha256(path) != entry["sha256"]:
        return f"{path} does not match its sha256 in the manifest (truncated or edited)"
    return None


def provenance(suite: Suite, env_ids: tuple[str, ...]) -> dict[str, dict[str, Any]]:
    """What made each environment's rows: its version, spec source hash and compiler."""
    out = {}
    for env_id in sorted(set(env_ids)):
        env = suite.make(env_id)
        out[env_id] = {
            "version": env.info.version,
            "source_hash": getattr(env.module, "SOURCE_HASH", None),
            "compiler_version": getattr(env.module, "COMPILER_VERSION", None),
        }
    return out


def provenance_changes(
    old: dict[str, Any], tron_version: str, envs: dict[str, dict[str, Any]]
) -> list[str]:
    """What differs between a manifest's record and the current tron and specs."""
    changes = []
    if old.get("tron_version") != tron_version:
        changes.append(f"tron version {old.get('tron_version')!r:.40} -> {tron_version!r}")
    old_envs = old.get("envs")
    if not isinstance(old_envs, dict):
        return [*changes, "no record of the environments' spec hashes (an older tron wrote it)"]
    for env_id, now in envs.items():
        was = old_envs.get(env_id)
        if not isinstance(was, dict):
            changes.append(f"{env_id}: not recorded")
            continue
        for key, value in now.items():
            if was.get(key) != value:
                changes.append(f"{env_id}: {key} {was.get(key)!r:.80} -> {value!r}")
    return changes


def clean_stale_tmp(out: Path) -> list[Path]:
    """Delete the temporary files a killed run of this output left (in the folder, its sidecar
    and the JSONL images/), unless the process that writes one is still alive. Returns what was
    deleted."""
    gone = []
    side = sidecar(out)
    for folder in (out, out / "images", side, side / "images"):
        if not folder.is_dir():
            continue
        for path in folder.iterdir():
            m = TMP.fullmatch(path.name)
            if m and not path.is_dir() and not _alive(int(m.group(1))):
                path.unlink(missing_ok=True)
                gone.append(path)
    return gone


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # ours, from an earlier call that failed; nothing of ours is in flight
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # exists but not ours (or not a pid at all): leave it alone
    return True
