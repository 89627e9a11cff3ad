"""Golden tests: specs -> the exact generated module, and bad specs -> the exact error text.
Run `pytest --update-golden` to regenerate after an intended change, and review the diff."""

from pathlib import Path

import pytest

from tron.compiler.diagnostics import SpecError
from tron.compiler.driver import compile_source, compile_spec

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden"
# language/: goldens of language features, kept out of specs/ (which other tests load as a
# suite of a known size).
SPECS = sorted((GOLDEN / "specs").rglob("*.tron")) + sorted((GOLDEN / "language").rglob("*.tron"))
ERRORS = sorted((GOLDEN / "errors").rglob("*.tron"))
# families/: specs with question families, one golden module per family (<stem>.<family>.py).
FAMILIES = sorted((GOLDEN / "families").rglob("*.tron"))


def rel(p: Path) -> str:
    return p.relative_to(ROOT).as_posix()


def compare(actual: str, expected_file: Path, update: bool) -> None:
    if update:
        expected_file.parent.mkdir(parents=True, exist_ok=True)
        expected_file.write_text(actual, encoding="utf-8")
    assert expected_file.exists(), f"no golden file {expected_file}; run pytest --update-golden"
    assert actual == expected_file.read_text(encoding="utf-8")


@pytest.mark.parametrize("spec", SPECS, ids=lambda p: p.stem)
def test_generated_module_matches_golden(spec, request):
    code = compile_source(spec.read_text(encoding="utf-8"), rel(spec)).code
    expected = GOLDEN / "expected" / (spec.stem + ".py")
    compare(code, expected, request.config.getoption("--update-golden"))


@pytest.mark.parametrize("spec", FAMILIES, ids=lambda p: p.stem)
def test_family_modules_match_golden(spec, request):
    compiled = compile_spec(spec.read_text(encoding="utf-8"), rel(spec))
    assert len(compiled) >= 2
    for c in compiled:
        family = c.env_id.rsplit(".", 1)[1]
        expected = GOLDEN / "expected" / f"{spec.stem}.{family}.py"
        compare(c.code, expected, request.config.getoption("--update-golden"))


@pytest.mark.parametrize("spec", ERRORS, ids=lambda p: p.stem)
def test_error_text_matches_golden(spec, request):
    with pytest.raises(SpecError) as info:
        compile_source(spec.read_text(encoding="utf-8"), rel(spec))
    expected = GOLDEN / "expected" / (spec.stem + ".errors.txt")
    compare(info.value.render() + "\n", expected, request.config.getoption("--update-golden"))


def test_goldens_exist():
    assert len(SPECS) >= 2 and len(ERRORS) >= 2 and FAMILIES


@pytest.mark.parametrize("spec", SPECS, ids=lambda p: p.stem)
def test_codegen_is_deterministic(spec):
    text = spec.read_text(encoding="utf-8")
    assert compile_source(text, rel(spec)).code == compile_source(text, rel(spec)).code


def test_language_reference_catalogue_is_current():
    from tron.compiler.docs import with_catalogue

    ref = (ROOT / "dsl" / "REFERENCE.md").read_text(encoding="utf-8")
    assert ref == with_catalogue(ref), "run: python -m tron.compiler.docs dsl/REFERENCE.md"


def test_readme_spec_example_is_the_bundled_spec():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    spec = (ROOT / "tasks" / "counting" / "count_by_colour.tron").read_text(encoding="utf-8")
    assert spec.split("\n", 1)[1].rstrip("\n") in readme


def test_language_reference_names_every_shape_kind_and_colour():
    from tron.render.colours import COLOURS
    from tron.stdlib.shapes import SHAPE_KINDS

    ref = (ROOT / "dsl" / "REFERENCE.md").read_text(encoding="utf-8")
    section = ref[ref.index("### Shape kinds and colour names") :]
    assert all(f'`"{name}"`' in section for name in (*SHAPE_KINDS, *COLOURS))
