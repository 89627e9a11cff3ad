"""Stage 2 for a spec with question families (decision 0003): one scene grammar, several
environments.

A `family NAME { ... }` block holds what one question needs on top of the shared statements
(everything outside the blocks). Each family is checked as if its block were pasted at the end
of the shared part (`synthetic`), by the ordinary Checker, so every rule of a plain spec holds
per family. What only makes sense across families is checked here: the block structure, names
the shared part declares that no family uses, and a family reading another family's name.
Every mistake of every family is collected (the shared part's once) before anything is raised.
"""

from __future__ import annotations

import re

from tron.compiler import syntax as s
from tron.compiler.answer_first import warnings
from tron.compiler.check import Checked, Checker, check
from tron.compiler.diagnostics import Diagnostic, DiagnosticSink, SpecError

FAMILY_NAME = re.compile(r"[a-z][a-z0-9_]*\Z")
# A family's environment version is scene * VERSION_STEP + family: still one integer, so
# instance ids, Gymnasium ids (-v<int>) and every record that holds a version keep their type.
VERSION_STEP = 1000
BLOCK_HEADERS = ("title", "description", "version")
BLOCK_STMTS: tuple[type[s.Stmt], ...] = (s.Param, s.Given, s.Require, s.Draw, s.Question)
BLOCK_STMTS += (s.Answer, s.Distractors, s.Check, s.Layout, s.Complexity, s.Tags)
PER_FAMILY = {s.Question: "question", s.Answer: "answer", s.Distractors: "distractors"}
KEYWORD = {s.Levels: "levels", s.Canvas: "canvas", s.Palette: "palette", s.Const: "const"}
KEYWORD |= {s.Def: "def", s.Family: "family"}


def check_all(spec: s.Spec) -> list[Checked]:
    """Check a spec: one Checked for a plain spec, one per family (in source order) for a
    spec with family blocks. Raises SpecError listing every mistake found."""
    fams = [st for st in spec.stmts if isinstance(st, s.Family)]
    if not fams:
        return [check(spec)]
    sink = DiagnosticSink(spec.path, spec.source)
    skip = (s.Family, *PER_FAMILY)
    shared = tuple(st for st in spec.stmts if not isinstance(st, skip))
    fams = structure(spec, fams, sink)
    owners: dict[str, str] = {}  # a name a block declares -> the first family declaring it
    for fam in fams:
        for st in fam.stmts:
            if isinstance(st, s.Param | s.Given):
                owners.setdefault(st.name, fam.name)
    # consts too: one read only inside a family block is used (judged over every family)
    shareable = s.Param | s.Given | s.Const
    shared_names = {st.name: st.name_span for st in shared if isinstance(st, shareable)}
    diags: list[Diagnostic] = []
    used: set[str] = set()
    called: set[str] = set()
    recursive: set[str] = set()
    out: list[Checked] = []
    for fam in fams:
        ch = Checker(synthetic(spec, shared, fam), fam)
        ch.shared = frozenset(shared_names)
        own = {st.name for st in fam.stmts if isinstance(st, s.Param | s.Given)}
        ch.elsewhere = {n: f for n, f in owners.items() if f != fam.name and n not in own}
        ch.collect()
        diags.extend(ch.sink.items)
        used |= ch.used
        called |= ch.called
        recursive |= ch.recursive
        out.append(finish(ch, spec, fam, sink))
    for name, span in shared_names.items():
        if name not in used:
            msg = f"parameter '{name}' is never used"
            sink.error(span, msg, "no family and no shared draw uses it: remove it")
    for st in shared:
        if isinstance(st, s.Def) and st.name not in called | recursive:
            sink.error(st.name_span, f"function '{st.name}' is never used", "remove it, or call it")
    unique = dedupe(diags + sink.items)
    if unique:
        raise SpecError(unique, {spec.path: spec.source})
    for c in out:
        c.warnings = warnings(c.spec)
    return out


def dedupe(diags: list[Diagnostic]) -> list[Diagnostic]:
    """The shared part is checked once per family: report each of its mistakes once."""
    seen: set[Diagnostic] = set()
    out = []
    for d in diags:
        if d not in seen:
            seen.add(d)
            out.append(d)
    return out


def structure(spec: s.Spec, fams: list[s.Family], sink: DiagnosticSink) -> list[s.Family]:
    """Block-level mistakes; returns the families to check (the first of each name)."""
    for st in spec.stmts:
        kind = next((k for typ, k in PER_FAMILY.items() if isinstance(st, typ)), None)
        if kind is not None:
            sink.error(
                st.span,
                f"'{kind}' belongs inside the family blocks when a spec has families",
                "move it into each family block: every family asks its own question",
            )
    first: dict[str, s.Family] = {}
    for fam in fams:
        if not FAMILY_NAME.match(fam.name):
            sink.error(
                fam.name_span,
                f"family name '{fam.name}' must be lower_snake_case",
                "a-z, 0-9 and _, starting with a letter: it becomes part of the environment id",
            )
        if fam.name in first:
            line = first[fam.name].name_span.line
            sink.error(
                fam.name_span, f"family '{fam.name}' is declared twice", f"first on line {line}"
            )
            continue
        first[fam.name] = fam
        versions = 0
        for st in fam.stmts:
            if isinstance(st, s.HeaderField) and st.key == "version":
                versions += 1
                if versions > 1:
                    sink.error(st.span, "'version' is declared twice in this family block")
                elif not 0 <= int(st.value) < VERSION_STEP:
                    msg = f"a family version is 0 to {VERSION_STEP - 1}, got {st.value}"
                    sink.error(st.value_span, msg, "bump the scene's version instead")
            elif not allowed(st):
                what = st.key if isinstance(st, s.HeaderField) else KEYWORD.get(type(st), "?")
                hint = "it is shared by every family: declare it before the family blocks"
                if isinstance(st, s.Family):
                    hint = "family blocks do not nest: close this block first"
                sink.error(st.span, f"'{what}' cannot be declared inside a family block", hint)
    return list(first.values())


def allowed(st: s.Stmt) -> bool:
    if isinstance(st, s.HeaderField):
        return st.key in BLOCK_HEADERS
    return isinstance(st, BLOCK_STMTS)


def synthetic(spec: s.Spec, shared: tuple[s.Stmt, ...], fam: s.Family) -> s.Spec:
    """The spec one family compiles to: the shared statements, then the block's, with the
    block's title/description replacing the shared ones, its tags added to them, and its
    complexity replacing a shared one (a default for families that declare none)."""
    block = [st for st in fam.stmts if allowed(st)]
    keys = {st.key for st in block if isinstance(st, s.HeaderField)}
    tags = next((st for st in block if isinstance(st, s.Tags)), None)
    has_cx = any(isinstance(st, s.Complexity) for st in block)
    out: list[s.Stmt] = []
    merged = False
    for st in shared:
        if isinstance(st, s.HeaderField) and st.key in keys and st.key != "version":
            continue
        if isinstance(st, s.Tags) and tags is not None and not merged:
            out.append(s.Tags(st.span, st.tags + tags.tags))
            merged = True
            continue
        if isinstance(st, s.Complexity) and has_cx:
            continue
        out.append(st)
    for st in block:
        if isinstance(st, s.HeaderField) and st.key == "version":
            continue
        if st is tags and merged:
            continue
        out.append(st)
    return s.Spec(spec.path, spec.source, tuple(out))


def finish(ch: Checker, spec: s.Spec, fam: s.Family, sink: DiagnosticSink) -> Checked:
    """The family's id, title and version, from the shared header and its block."""
    c = ch.out
    c.family = fam.name
    h = c.header
    h["env"] = f"{h.get('env')}.{fam.name}"
    if not any(isinstance(st, s.HeaderField) and st.key == "title" for st in fam.stmts):
        h["title"] = f"{h.get('title')}: {fam.name.replace('_', ' ')}"
    own = [st.value for st in fam.stmts if isinstance(st, s.HeaderField) and st.key == "version"]
    scene = int(h.get("version") or 0)
    family = int(own[0]) if own else 1
    c.versions = (scene, family)
    h["version"] = scene * VERSION_STEP + family
    return c
