"""A suite: the environments of one folder of `tronc compile` output, loaded on first use.

Compiling specs into such a folder is tron.loading's job (it calls the compiler); this module
only reads compiled output, so the environment runtime never imports the compiler."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any, cast

from tron._version import __version__
from tron.envs.env import Env

BUCKETS = ("spatial", "mathematical", "diagram", "pattern_logic", "counting")
# What tronc names a module (env id with "/" as "__", a question family's ".name" kept):
# a manifest cannot point elsewhere.
MODULE_FILE = re.compile(r"[a-z][a-z0-9_]*__[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?\.py\Z")


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
    def from_compiled(cls, path: str | Path) -> Suite:
        """A folder of `tronc compile` output (it has a manifest.json)."""
        p = Path(path)
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
