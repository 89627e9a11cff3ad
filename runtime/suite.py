"""Suites of environments: the bundled one, a folder of a user's specs, or compiled output."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import re
import sys
from importlib import resources
from pathlib import Path
from types import ModuleType
from typing import Any, cast

from tron._version import __version__
from tron.env import Env

BUCKETS = ("spatial", "mathematical", "diagram", "pattern_logic", "counting")
# What tronc names a module (env id with "/" as "__"): a manifest cannot point elsewhere.
MODULE_FILE = re.compile(r"[a-z][a-z0-9_]*__[a-z][a-z0-9_]*\.py\Z")


def cache_root() -> Path:
    """Where specs compiled on first use are kept ($TRON_CACHE, else ~/.cache/tron)."""
    base = os.environ.get("TRON_CACHE") or Path.home() / ".cache" / "tron"
    return Path(base) / __version__


def load_module(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load compiled environment {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def info(entry: dict[str, Any]) -> dict[str, Any]:
    return cast(dict[str, Any], entry["info"])


class Suite:
    """A set of environments: `list_envs()`, `make(env_id)`."""

    def __init__(self, compiled_dir: Path, entries: list[dict[str, Any]]):
        self.dir = compiled_dir
        self.entries = {str(e["id"]): e for e in entries}
        self._envs: dict[str, Env] = {}

    @classmethod
    def from_path(cls, path: str | Path, progress: bool = False, lenient: bool = False) -> Suite:
        """A folder of compiled output (it has a manifest.json), a folder of .tron specs, or
        one .tron file. `lenient` leaves out specs with errors (reported on stderr) instead of
        failing, for authors previewing a folder where another spec is half-written."""
        p = Path(path)
        if (p / "manifest.json").is_file():
            manifest = json.loads((p / "manifest.json").read_text(encoding="utf-8"))
            if manifest.get("compiler_version") != __version__:
                raise ValueError(
                    f"{p} was compiled by tronc {manifest.get('compiler_version')}"
                    f"; this is {__version__}: run `tronc compile` again"
                )
            for e in manifest["envs"]:
                if not MODULE_FILE.match(str(e.get("module"))):
                    raise ValueError(f"{p}: manifest names a module {e.get('module')!r}")
            return cls(p, manifest["envs"])
        if not p.exists():
            what = "dangling symbolic link" if p.is_symlink() else "no such file or folder"
            raise FileNotFoundError(f"{p}: {what}")
        from tron.compiler.driver import compile_dir

        key = hashlib.sha256(str(p.resolve()).encode()).hexdigest()[:16]
        out = cache_root() / key
        compiled, _ = compile_dir([p], out, progress, skip_broken=lenient)
        return cls(out, json.loads((out / "manifest.json").read_text(encoding="utf-8"))["envs"])

    def list_envs(self, bucket: str | None = None) -> list[str]:
        if bucket is not None and bucket not in BUCKETS:
            raise ValueError(f"unknown bucket {bucket!r}; buckets: {', '.join(BUCKETS)}")
        return sorted(
            i for i, e in self.entries.items() if bucket is None or info(e)["bucket"] == bucket
        )

    def make(self, env_id: str) -> Env:
        if env_id not in self.entries:
            import difflib

            close = difflib.get_close_matches(env_id, list(self.entries), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise KeyError(f"no environment {env_id!r}{hint}")
        if env_id not in self._envs:
            e = self.entries[env_id]
            name = (
                "tron_env_" + hashlib.sha256(f"{self.dir}/{e['module']}".encode()).hexdigest()[:12]
            )
            self._envs[env_id] = Env(load_module(self.dir / str(e["module"]), name))
        return self._envs[env_id]


_BUNDLED: Suite | None = None


def bundled() -> Suite:
    """The suite shipped in tron.tasks, compiled into the cache on first use."""
    global _BUNDLED
    if _BUNDLED is None:
        tasks = Path(str(resources.files("tron.tasks")))
        _BUNDLED = Suite.from_path(tasks)
    return _BUNDLED
