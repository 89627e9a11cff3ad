"""The spec stdlib: every function a `.tron` spec may call, registered in `registry.CATALOGUE`.

Importing this package registers all modules and re-exports each registered function under its
spec-visible name, so generated code calls `_rt.count(xs)` or `_rt.choice(rng, xs)` after
`from tron import stdlib as _rt`.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

from tron.stdlib.component import Component, SampleRejected, draw
from tron.stdlib.registry import CATALOGUE, OPAQUE, RECORDS, StdFn

# Every module of this package registers its functions on import; discovering them (in sorted
# order, so registration is deterministic) means a new stdlib module needs no edit here.
# Modules named with a leading underscore hold private helpers and register nothing.
for _mod in sorted(m.name for m in pkgutil.iter_modules(__path__)):
    if not _mod.startswith("_") and _mod not in ("component", "registry"):
        importlib.import_module(f"tron.stdlib.{_mod}")
__all__ = ["CATALOGUE", "OPAQUE", "RECORDS", "Component", "SampleRejected", "StdFn", "draw"]


def _export() -> None:
    # Registered names like `sum` or `len` shadow builtins only in this namespace, which holds
    # no code that runs after the export.
    env: dict[str, Any] = globals()
    for name, fn in CATALOGUE.items():
        env[name] = fn.impl
        __all__.append(name)


_export()
