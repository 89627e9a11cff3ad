"""The spec stdlib: every function a `.tron` spec may call, registered in `registry.CATALOGUE`.

Importing this package registers all modules and re-exports each registered function under its
spec-visible name, so generated code calls `_rt.count(xs)` or `_rt.choice(rng, xs)` after
`from tron import stdlib as _rt`.
"""

from __future__ import annotations

from typing import Any

from tron.stdlib import (  # noqa: F401 - imported for their registrations
    charts,
    core,
    graphs,
    grids,
    misc_components,
    placement,
    rand,
    shapes,
)
from tron.stdlib.component import Component, SampleRejected, draw
from tron.stdlib.registry import CATALOGUE, OPAQUE, RECORDS, StdFn

__all__ = ["CATALOGUE", "OPAQUE", "RECORDS", "Component", "SampleRejected", "StdFn", "draw"]


def _export() -> None:
    # Registered names like `sum` or `len` shadow builtins only in this namespace, which holds
    # no code that runs after the export.
    env: dict[str, Any] = globals()
    for name, fn in CATALOGUE.items():
        env[name] = fn.impl
        __all__.append(name)


_export()
