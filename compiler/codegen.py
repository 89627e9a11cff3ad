"""Stage 4: assemble one Python module per checked spec.

The module is deterministic text (same spec and compiler version -> same bytes), carries the
spec's source hash and the compiler version, and a LINEMAP from generated lines to spec lines
so a failure at run time names the spec line. It imports only the runtime (`tron.stdlib` and
`tron.envs.program`); every spec string in it is a literal written by `repr`.
"""

from __future__ import annotations

import ast
import hashlib

from tron._version import __version__
from tron.compiler import syntax as s
from tron.compiler.check import Checked, Conditional, Placeholder
from tron.compiler.diagnostics import InternalCompilerError
from tron.compiler.lower import CONST_NAMES, CONSTS, func, name_ref, source, var

LITERAL_TYPES = (str, int, bool, type(None), list, tuple, dict)


def source_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def literal(value: object) -> str:
    """Python source of a plain data value (header fields, paths, tables). Only literal types
    are accepted and the text must read back as the same value, so nothing a spec or a file
    name holds can ever become code."""
    stack = [value]
    while stack:
        v = stack.pop()
        if not isinstance(v, LITERAL_TYPES):
            raise InternalCompilerError(f"{type(v).__name__} is not a literal type")
        if isinstance(v, list | tuple):
            stack.extend(v)
        elif isinstance(v, dict):
            stack.extend(v.keys())
            stack.extend(v.values())
    text = repr(value)
    if ast.literal_eval(text) != value:
        raise InternalCompilerError(f"{text[:80]} does not read back as itself")
    return text


class Emitter:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.linemap: dict[int, int] = {}

    def emit(self, text: str, spec_line: int | None = None, indent: int = 0) -> None:
        for part in text.split("\n"):
            self.lines.append("    " * indent + part if part else "")
            if spec_line is not None:
                self.linemap[len(self.lines)] = spec_line


def info(c: Checked) -> dict[str, object]:
    h = c.header
    return {
        "id": h.get("env"),
        "title": h.get("title"),
        "description": h.get("description"),
        "bucket": h.get("bucket"),
        "version": h.get("version"),
        "levels": [c.levels[0], c.levels[1]],
        "tags": list(c.tags),
        "answer_kind": c.answer.type.kind if c.answer else None,
        "canvas": list(c.canvas),
    } | family_info(c)


def family_info(c: Checked) -> dict[str, object]:
    """What a question family's INFO adds (nothing for a plain spec, whose INFO is as it was)."""
    if c.family is None or c.versions is None:
        return {}
    return {"family": c.family, "scene_version": c.versions[0], "family_version": c.versions[1]}


def answer_type_src(kind: str, args: tuple[s.Expr, ...]) -> str:
    """Python source building the runtime answer type, e.g. _p.answer_type('label', [...])."""
    parts = []
    for a in args:
        if isinstance(a, s.Name) and a.id in ("integer", "number", "yesno", "colour"):
            parts.append(f"_p.answer_type({a.id!r})")
        elif isinstance(a, s.Call) and kind in ("sequence", "set"):
            parts.append(answer_type_src(a.func, a.args))
        else:
            parts.append(source(a))
    return f"_p.answer_type({', '.join([repr(kind), *parts])})"


def template_src(parts: tuple[str | Placeholder | Conditional, ...]) -> str:
    pieces = []
    for part in parts:
        if isinstance(part, str):
            pieces.append(repr(part))
            continue
        value = ast.unparse(name_ref(part.path[0])) + "".join(f"[{f!r}]" for f in part.path[1:])
        if isinstance(part, Conditional):
            then, other = (part.other, part.then) if part.negate else (part.then, part.other)
            pieces.append(f"({literal(then)} if {value} else {literal(other)})")
            continue
        pieces.append(f"_p.fmt({value}, {part.fmt!r}, {part.arg!r})")
    return "''.join([" + ", ".join(pieces) + "])"


def generate_module(c: Checked) -> tuple[str, dict[int, int]]:
    consts = frozenset(st.name for st in c.spec.stmts if isinstance(st, s.Const))
    token = CONST_NAMES.set(consts)
    try:
        return module_text(c)
    finally:
        CONST_NAMES.reset(token)


def module_level(spec: s.Spec, out: Emitter) -> bool:
    """Spec-local functions and the const table (filled once, at import, under a sample's
    budget); True when the module has consts, which generate() must find computed."""
    defs = [st for st in spec.stmts if isinstance(st, s.Def)]
    consts = [st for st in spec.stmts if isinstance(st, s.Const)]
    if not defs and not consts:
        return False
    out.emit(f"{CONSTS} = {{}}")
    for d in defs:
        params = ", ".join(var(p) for p, _ in d.params)
        out.emit("")
        out.emit("")
        out.emit(f"def {func(d.name)}({params}):", d.span.line)
        out.emit("_p.spend(1)", d.span.line, 1)
        out.emit(f"return {source(d.body)}", d.body.span.line, 1)
    if not consts:
        out.emit("")
        out.emit("")
        return False
    out.emit("")
    out.emit("")
    out.emit("def _consts():")
    for k in consts:
        out.emit(f"{CONSTS}[{k.name!r}] = {source(k.value)}", k.span.line, 1)
    out.emit("")
    out.emit("")
    out.emit("_CONSTS = _p.constants(_consts)")
    out.emit("")
    out.emit("")
    return True


def module_text(c: Checked) -> tuple[str, dict[int, int]]:
    spec = c.spec
    out = Emitter()
    lines = spec.source.split("\n")  # Lark counts lines by \n only
    requirements = [
        (st.span.line, st.label.value if st.label else lines[st.span.line - 1].strip())
        for st in spec.stmts
        if isinstance(st, s.Require)
    ]
    checks = [st for st in spec.stmts if isinstance(st, s.Check)]
    # The docstring is a literal too: the spec path is any text a folder name can hold.
    out.emit(literal(f"Generated by tronc {__version__} from {spec.path}. Do not edit."))
    out.emit("from tron.envs import program as _p")
    out.emit("from tron import stdlib as _rt")
    out.emit("")
    out.emit(f"COMPILER_VERSION = {literal(__version__)}")
    out.emit(f"SOURCE_HASH = {literal(source_hash(spec.source))}")
    out.emit(f"SPEC_PATH = {literal(spec.path)}")
    out.emit(f"INFO = {literal(info(c))}")
    out.emit(f"REQUIREMENTS = {literal(tuple(requirements))}")
    check_rows = tuple((st.span.line, st.label.value if st.label else "") for st in checks)
    out.emit(f"CHECKS = {literal(check_rows)}")
    layout_stmts = [st for st in spec.stmts if isinstance(st, s.Layout)]
    layouts = tuple(
        (
            st.span.line,
            st.subject.value,
            st.relation,
            st.other.value if st.other else "",
            st.margin or 0,
            "%" if st.percent else "",
        )
        for st in layout_stmts
    )
    out.emit(f"LAYOUT = {literal(layouts)}")
    out.emit("")
    out.emit("")
    has_consts = module_level(spec, out)
    out.emit("def generate(level, _rng, _with_checks=False):")
    if has_consts:
        out.emit("_p.ready(_CONSTS)", indent=1)
    givens = [st for st in spec.stmts if isinstance(st, s.Given)]
    state_names: list[str] = [g.name for g in givens]
    if givens:  # answer first: drawn once, before the scene, kept across retries
        for name, colours in c.palettes.items():
            out.emit(f"{var(name)} = {list(colours)!r}", indent=1)
        for g in givens:
            out.emit(f"{var(g.name)} = {source(g.value)}", g.span.line, 1)
    out.emit("_tries = _p.Tries(REQUIREMENTS, SPEC_PATH)", indent=1)
    out.emit("for _attempt in _tries:", indent=1)
    body = 2
    out.emit("try:", indent=body)
    b = body + 1
    for name, colours in c.palettes.items() if not givens else ():
        out.emit(f"{var(name)} = {list(colours)!r}", indent=b)
    req_index = 0
    for st in spec.stmts:
        line = st.span.line
        if isinstance(st, s.Param):
            out.emit(f"{var(st.name)} = {source(st.value)}", line, b)
            state_names.append(st.name)
        elif isinstance(st, s.Require):
            out.emit(f"if not ({source(st.cond)}):", line, b)
            out.emit(f"_tries.reject({req_index})", line, b + 1)
            out.emit("continue", line, b + 1)
            req_index += 1
    w, h, bg = c.canvas
    out.emit(f"_scene = _p.new_scene({w}, {h}, {bg!r})", indent=b)
    for st in spec.stmts:
        if not isinstance(st, s.Draw):
            continue
        line = st.span.line
        key = st.key.value if st.key else f"L{line}"
        key_src = "None" if st.decor else repr(key)
        if st.loop is None:
            out.emit(f"_p.draw(_scene, {key_src}, {source(st.value)})", line, b)
            continue
        it = source(st.loop.iterable)
        out.emit(f"for _i, {var(st.loop.var)} in enumerate(_p.each({it})):", line, b)
        inner = b + 1
        if st.loop.cond is not None:
            out.emit(f"if not ({source(st.loop.cond)}):", line, inner)
            out.emit("continue", line, inner + 1)
        item_key = "None" if st.decor else f"{key!r} + '.' + str(_i)"
        out.emit(f"_p.draw(_scene, {item_key}, {source(st.value)})", line, inner)
    assert c.answer is not None
    ans = c.answer
    out.emit(f"_answer = {source(ans.value)}", ans.span.line, b)
    out.emit(f"_atype = {answer_type_src(ans.type.kind, ans.type.args)}", ans.span.line, b)
    out.emit("_p.check_answer(_atype, _answer)", ans.span.line, b)
    if c.distractors is not None:
        d = c.distractors
        out.emit(f"_options = _p.options(_rng, _answer, {source(d.value)})", d.span.line, b)
        out.emit("if _options is None:", d.span.line, b)
        out.emit(
            "_tries.reject_reason('distractors repeat the answer or each other')",
            d.span.line,
            b + 1,
        )
        out.emit("continue", d.span.line, b + 1)
    else:
        out.emit("_options = None", indent=b)
    qline = c.templates[0].span.line if c.templates else None
    out.emit(f"_phrasing = _rng.randrange({len(c.templates)})", qline, b)
    for i, tpl in enumerate(c.templates):
        kw = "if" if i == 0 else "elif"
        out.emit(f"{kw} _phrasing == {i}:", tpl.span.line, b)
        out.emit(f"_question = {template_src(tpl.parts)}", tpl.span.line, b + 1)
    cx = c.complexity
    out.emit(
        f"_complexity = {source(cx.value) if cx else 'level'}", cx.span.line if cx else None, b
    )
    out.emit("except _rt.SampleRejected as _why:", indent=body)
    out.emit("_tries.reject_reason(_why)", indent=body + 1)
    out.emit("continue", indent=body + 1)
    out.emit("break", indent=body)
    out.emit("_checks = []", indent=1)
    out.emit("_layouts_off = []", indent=1)
    out.emit("if _with_checks:", indent=1)
    for i, st in enumerate(checks):
        out.emit(f"_checks.append((CHECKS[{i}], bool({source(st.cond)})))", st.span.line, 2)
    out.emit("pass", indent=2)
    for i, st in enumerate(layout_stmts):
        if st.cond is not None:  # a conditional layout is measured only where it holds
            out.emit(f"if not ({source(st.cond)}):", st.span.line, 1)
            out.emit(f"_layouts_off.append({i})", st.span.line, 2)
    state = "{" + ", ".join(f"{n!r}: {var(n)}" for n in state_names) + "}"
    out.emit(f"_state = {state}", indent=1)
    out.emit(
        "return _p.Generated(state=_state, scene=_scene, question=_question, "
        "answer=_answer, answer_type=_atype, options=_options, complexity=_complexity, "
        "checks=_checks, tries=_tries.count, layouts_off=_layouts_off)",
        indent=1,
    )
    out.emit("")
    out.emit("")
    out.emit("# generated line -> spec line, so run-time failures name the spec line")
    out.emit(f"LINEMAP = {literal(dict(sorted(out.linemap.items())))}")
    return "\n".join(out.lines) + "\n", out.linemap
