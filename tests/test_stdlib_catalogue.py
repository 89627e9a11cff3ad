"""Every registered stdlib function is documented, typed consistently and exported."""

import inspect
import sys
from pathlib import Path

import pytest

from tron import stdlib
from tron.stdlib.registry import CATALOGUE, OPAQUE, RECORDS, split_types

BASE = {"int", "real", "bool", "str", "any"}


def _known(t: str) -> bool:
    if t.startswith("list[") and t.endswith("]"):
        return _known(t[5:-1])
    return t in BASE or t in RECORDS or t in OPAQUE or (len(t) == 1 and t.isupper())


@pytest.mark.parametrize("name", sorted(CATALOGUE))
def test_entry_is_documented_and_consistent(name: str) -> None:
    fn = CATALOGUE[name]
    assert fn.doc and (fn.doc[0].isupper() or fn.doc[0] == "`") and len(fn.doc) < 400, fn.doc
    assert fn.doc.endswith((".", ")")), fn.doc
    params = list(inspect.signature(fn.impl).parameters.values())
    if fn.random:
        assert params[0].name == "rng"
        params = params[1:]
    assert len(params) == len(fn.params)
    for p, sp in zip(params, fn.params, strict=True):
        assert p.name == sp.name
        assert (p.default is not inspect.Parameter.empty) == sp.has_default
        assert _known(sp.type), sp.type
    assert _known(fn.returns), fn.returns
    # Defaults may only follow other defaults (the compiler fills trailing arguments).
    flags = [sp.has_default for sp in fn.params]
    assert flags == sorted(flags)
    assert getattr(stdlib, name) is fn.impl


def test_split_types_nested() -> None:
    assert split_types("int, list[list[str]], Point") == ["int", "list[list[str]]", "Point"]


def test_catalogue_has_the_core_vocabulary() -> None:
    for name in (
        "count",
        "sum",
        "argmax",
        "choice",
        "sample",
        "scatter",
        "shape",
        "random_graph",
        "shortest_path_length",
        "grid",
        "maze",
        "bar_chart",
        "pie_chart",
        "clock",
    ):
        assert name in CATALOGUE


STDLIB = Path(stdlib.__file__).parent


@pytest.mark.parametrize("path", sorted(STDLIB.glob("*.py")), ids=lambda p: p.name)
def test_module_is_small_and_named_by_what_it_holds(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= 500, f"{path.name} has {lines} lines (max 500): split it by domain"
    for word in ("wave", "misc", "parts", "tools"):
        assert word not in path.stem, f"{path.name}: name the module by what it holds"


def test_every_registering_module_names_its_domain() -> None:
    # The catalogue in dsl/REFERENCE.md is grouped under each module's DOMAIN.
    for module in sorted({fn.impl.__module__ for fn in CATALOGUE.values()}):
        domain = getattr(sys.modules[module], "DOMAIN", None)
        assert isinstance(domain, str) and domain, f"{module} has no DOMAIN heading"
