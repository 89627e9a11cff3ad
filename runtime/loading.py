"""Opening suites from spec folders: the one place the runtime calls the compiler.

`tron.load(path)` and the bundled suite compile `.tron` specs on first use into a cache keyed
by the folder and TRON's version, then hand the compiled folder to `envs.Suite`.
"""

from __future__ import annotations

import hashlib
import os
from importlib import resources
from pathlib import Path

from tron._version import __version__
from tron.envs.suite import Suite


def cache_root() -> Path:
    """Where specs compiled on first use are kept ($TRON_CACHE, else ~/.cache/tron)."""
    base = os.environ.get("TRON_CACHE") or Path.home() / ".cache" / "tron"
    return Path(base) / __version__


def load_suite(path: str | Path, progress: bool = False, lenient: bool = False) -> Suite:
    """A folder of compiled output (it has a manifest.json), a folder of .tron specs, or
    one .tron file. `lenient` leaves out specs with errors (reported on stderr) instead of
    failing, for authors previewing a folder where another spec is half-written."""
    p = Path(path)
    if (p / "manifest.json").is_file():
        return Suite.from_compiled(p)
    if not p.exists():
        what = "dangling symbolic link" if p.is_symlink() else "no such file or folder"
        raise FileNotFoundError(f"{p}: {what}")
    from tron.compiler.driver import compile_dir

    key = hashlib.sha256(str(p.resolve()).encode()).hexdigest()[:16]
    out = cache_root() / key
    compile_dir([p], out, progress, skip_broken=lenient)
    return Suite.from_compiled(out)


_BUNDLED: Suite | None = None


def bundled() -> Suite:
    """The suite shipped in tron.tasks, compiled into the cache on first use."""
    global _BUNDLED
    if _BUNDLED is None:
        _BUNDLED = load_suite(Path(str(resources.files("tron.tasks"))))
    return _BUNDLED
