"""Stage 2: static checks. Every mistake in a spec is collected and reported in one run:
unknown names (with did-you-mean), type errors, wrong arity, bad placeholders, unused
parameters, answer type mismatches, bad level ranges, unknown buckets, missing headers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from tron.compiler import syntax as s
from tron.compiler import types as t
from tron.compiler.answer_first import warnings
from tron.compiler.check_defs import DefChecks
from tron.compiler.check_expr import did_you_mean
from tron.compiler.check_scene import SceneChecks
from tron.compiler.diagnostics import Diagnostic, DiagnosticSink, Span
from tron.compiler.limits import MAX_CANVAS, MAX_LEVEL, MIN_CANVAS

BUCKETS = ("spatial", "mathematical", "diagram", "pattern_logic", "counting")
HEADER_KEYS = ("env", "title", "description", "bucket", "version")
FORMATS = ("word", "ordinal", "upper", "lower", "title")
IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
ESTIMATE_WORDS = re.compile(r"\b(about|approximately|roughly|estimate)\b", re.IGNORECASE)

# Answer kinds: the value type they take and how many (non-type) arguments they need.
ANSWER_KINDS: dict[str, tuple[t.Type, int]] = {
    "integer": (t.INT, 0),
    "number": (t.REAL, 0),
    "estimate": (t.REAL, 1),
    "yesno": (t.BOOL, 0),
    "choice": (t.ANY, 0),
    "label": (t.STR, 1),
    "colour": (t.STR, 0),
    "cell": (t.parse_type("Cell"), 2),
    "sequence": (t.list_of(t.ANY), 1),
    "set": (t.list_of(t.ANY), 1),
}


@dataclass(frozen=True)
class Placeholder:
    path: tuple[str, ...]
    fmt: str | None
    arg: str | None  # plural(noun)
    span: Span


@dataclass(frozen=True)
class Conditional:
    """`{if flag: text | other}`: one of two literal texts, chosen by a yes/no value."""

    path: tuple[str, ...]
    negate: bool
    then: str
    other: str
    span: Span


@dataclass(frozen=True)
class Template:
    parts: tuple[str | Placeholder | Conditional, ...]
    span: Span


@dataclass
class Checked:
    spec: s.Spec
    header: dict[str, object] = field(default_factory=dict)
    levels: tuple[int, int] = (0, 9)
    tags: tuple[str, ...] = ()
    canvas: tuple[int, int, str] = (512, 512, "white")
    palettes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    templates: tuple[Template, ...] = ()
    answer: s.Answer | None = None
    distractors: s.Distractors | None = None
    complexity: s.Complexity | None = None
    warnings: list[Diagnostic] = field(default_factory=list)
    family: str | None = None  # the question family this environment is (check_family)
    versions: tuple[int, int] | None = None  # (scene, family) versions of a family


def expected_env_id(path: str) -> str | None:
    """tasks/<bucket>/<name>.tron -> '<bucket>/<name>' (None when the path has no bucket dir)."""
    p = PurePosixPath(path.replace("\\", "/"))
    if p.suffix != ".tron" or len(p.parts) < 2:
        return None
    return f"{p.parent.name}/{p.stem}"


class Checker(DefChecks, SceneChecks):
    def __init__(self, spec: s.Spec, family: s.Family | None = None):
        self.spec = spec
        # Checking one question family (spec = the shared statements and the block's): a
        # missing question is the block's fault, and the names of the shared part are judged
        # unused over every family (check_family), not here.
        self.family = family
        self.shared: frozenset[str] = frozenset()
        self.elsewhere: dict[str, str] = {}  # name -> the other family that defines it
        self.sink = DiagnosticSink(spec.path, spec.source)
        self.out = Checked(spec)
        self.scope: dict[str, t.Type] = {"level": t.INT}
        self.defined_at: dict[str, Span] = {}
        self.used: set[str] = set()
        self.sees: str | None = None  # what a restricted scope can see, for hints
        # What a `given` may read: it is drawn before the scene (consts join in init_defs).
        self.before_scene: dict[str, t.Type] = {"level": t.INT}

    def error(self, span: Span, msg: str, hint: str | None = None) -> None:
        self.sink.error(span, msg, hint)

    # ---- statements ----------------------------------------------------------------------

    def run(self) -> Checked:
        self.collect()
        self.sink.raise_if_any()
        self.out.warnings = warnings(self.spec)
        return self.out

    def missing(self, what: str) -> None:
        if self.family is None:
            self.error(Span(1, 1, 1, 2), f"missing '{what}' statement")
        else:
            fam = self.family
            msg = f"family '{fam.name}' has no '{what}' statement"
            self.error(fam.name_span, msg, f"every family block needs its own '{what}'")

    def collect(self) -> None:
        """Every check of the spec, its mistakes left in the sink."""
        seen: dict[str, s.Stmt] = {}
        templates: list[Template] = []
        whole = Span(1, 1, 1, 2)
        self.init_defs(self.spec.stmts)
        for st in self.spec.stmts:
            kind = st.key if isinstance(st, s.HeaderField) else type(st).__name__
            once = isinstance(st, s.HeaderField | s.Levels | s.Tags | s.Canvas | s.Question)
            once = once or isinstance(st, s.Answer | s.Distractors | s.Complexity)
            if once and kind in seen:
                self.error(
                    st.span,
                    f"'{kind.lower()}' is declared twice",
                    f"first declared on line {seen[kind].span.line}",
                )
                continue
            seen[kind] = st
            self.statement(st, templates)
        for key in HEADER_KEYS:
            if key not in seen:
                self.error(whole, f"missing '{key}' declaration in the header")
        if "Levels" not in seen:
            self.error(whole, "missing 'levels' declaration (e.g. levels 0 to 9)")
        if "Question" not in seen:
            self.missing("question")
        if "Answer" not in seen:
            self.missing("answer")
        self.check_choice(seen)
        self.check_estimate(templates)
        self.layouts()
        self.draw_loop_names()
        if self.family is None:
            self.unused_defs()
        for name, span in self.defined_at.items():
            if name not in self.used and name not in self.shared:
                self.error(
                    span,
                    f"parameter '{name}' is never used",
                    "remove it, or use it in the scene, question or answer",
                )
        self.out.templates = tuple(templates)

    def statement(self, st: s.Stmt, templates: list[Template]) -> None:
        if isinstance(st, s.HeaderField):
            self.header(st)
        elif isinstance(st, s.Levels):
            if st.lo < 0:
                self.error(st.span, f"level range starts below 0 ({st.lo})")
            elif st.lo > st.hi:
                self.error(
                    st.span,
                    f"reversed level range {st.lo} to {st.hi}",
                    f"write levels {st.hi} to {st.lo}",
                )
            elif st.hi > MAX_LEVEL:  # tools sample and analyse every level: keep it bounded
                self.error(st.span, f"level range ends above {MAX_LEVEL} ({st.hi})")
            self.out.levels = (st.lo, st.hi)
        elif isinstance(st, s.Tags):
            self.out.tags = tuple(i.value for i in st.tags)
        elif isinstance(st, s.Canvas):
            sizes = (st.width, st.height)
            if not all(MIN_CANVAS <= n <= MAX_CANVAS for n in sizes):
                msg = f"canvas size must be between {MIN_CANVAS} and {MAX_CANVAS} pixels"
                self.error(st.span, msg)
            bg = st.background.value if st.background else "white"
            if st.background:
                self.colour_literal(st.background)
            self.out.canvas = (st.width, st.height, bg)
        elif isinstance(st, s.Palette):
            for c in st.colours:
                self.colour_literal(c)
            self.define(st.name, st.name_span, t.list_of(t.STR), track_use=False)
            self.before_scene[st.name] = t.list_of(t.STR)
            self.out.palettes[st.name] = tuple(c.value for c in st.colours)
        elif isinstance(st, s.Given):
            self.sees = "a given is drawn before the scene: it sees level, palettes, consts and earlier givens"
            typ = self.expr(st.value, dict(self.before_scene))
            self.sees = None
            self.define(st.name, st.name_span, typ, track_use=True)
            self.before_scene[st.name] = typ
        elif isinstance(st, s.Param):
            typ = self.expr(st.value, self.scope)
            self.define(st.name, st.name_span, typ, track_use=True)
        elif (
            isinstance(st, s.Require | s.Check) or isinstance(st, s.Layout) and st.cond is not None
        ):
            self.expect(st.cond, self.scope, t.BOOL, "a condition")
        elif isinstance(st, s.Draw):
            scope = dict(self.scope)
            if st.loop:
                self.comp_for(st.loop, scope)
            typ = self.expr(st.value, scope)
            if typ.name not in ("opaque", "any") or (
                typ.name == "opaque" and typ.label != "Component"
            ):
                self.error(
                    st.value.span,
                    f"draw needs a Component, got {typ}",
                    "call a component such as shape(...), bar_chart(...) or text(...)",
                )
        elif isinstance(st, s.Question):
            templates.extend(self.template(p) for p in st.phrasings)
        elif isinstance(st, s.Answer):
            self.answer(st)
        elif isinstance(st, s.Distractors):
            self.out.distractors = st
        elif isinstance(st, s.Complexity):
            typ = self.expr(st.value, self.scope)
            if not t.is_numeric(typ):
                self.error(st.value.span, f"complexity must be a number, got {typ}")
            self.out.complexity = st

    def header(self, st: s.HeaderField) -> None:
        self.out.header[st.key] = st.value
        if st.key == "bucket" and st.value not in BUCKETS:
            self.error(
                st.value_span,
                f"unknown bucket '{st.value}'",
                did_you_mean(str(st.value), list(BUCKETS)) or "one of: " + ", ".join(BUCKETS),
            )
        if st.key == "env":
            want = expected_env_id(self.spec.path)
            if want and want != st.value:
                self.error(
                    st.value_span,
                    f"environment id '{st.value}' does not match its path",
                    f"a spec at this path must be 'env {want}'",
                )
            bucket = self.out.header.get("bucket")
            if bucket and str(st.value).split("/")[0] != bucket:
                self.error(st.value_span, "environment id must start with its bucket")
        env_id = str(self.out.header.get("env", ""))
        if st.key == "bucket" and env_id and env_id.split("/")[0] != st.value:
            self.error(
                st.value_span,
                f"bucket '{st.value}' differs from the environment id's first part",
            )
        if st.key in ("title", "description") and not str(st.value).strip():
            self.error(st.value_span, f"{st.key} is empty")
        if st.key == "description" and "\n" in str(st.value):
            self.error(st.value_span, "description must be one line")

    def colour_literal(self, item: s.StrItem) -> None:
        from tron.render.colours import COLOURS

        if item.value not in COLOURS and not re.fullmatch(r"#[0-9a-fA-F]{6}", item.value):
            self.error(
                item.span,
                f"unknown colour '{item.value}'",
                did_you_mean(item.value, list(COLOURS)) or "use a palette colour name or #rrggbb",
            )

    def define(self, name: str, span: Span, typ: t.Type, track_use: bool) -> None:
        if name in self.scope:
            first = self.defined_at.get(name)
            where = f" on line {first.line}" if first else " (a built-in name)"
            self.error(span, f"'{name}' is already defined{where}", "choose another name")
            return
        self.scope[name] = typ
        if track_use:
            self.defined_at[name] = span

    def answer(self, st: s.Answer) -> None:
        self.out.answer = st
        kind = st.type.kind
        if kind not in ANSWER_KINDS:
            self.error(
                st.type.span,
                f"unknown answer type '{kind}'",
                did_you_mean(kind, list(ANSWER_KINDS)) or "one of: " + ", ".join(ANSWER_KINDS),
            )
            self.expr(st.value, self.scope)
            return
        self.answer_args(st.type)
        want, _ = ANSWER_KINDS[kind]
        got = self.expr(st.value, self.scope)
        if not t.unify(want, got, {}):
            self.error(
                st.value.span,
                f"answer type '{kind}' needs a value of type {want}, "
                f"but this expression has type {got}",
            )

    def answer_args(self, typ: s.AnswerType) -> None:
        kind = typ.kind
        _, nargs = ANSWER_KINDS[kind]
        if kind in ("sequence", "set"):
            if len(typ.args) != 1:
                self.error(typ.span, f"{kind}(...) takes one item type, e.g. {kind}(integer)")
                return
            item = typ.args[0]
            name = (
                item.id
                if isinstance(item, s.Name)
                else (item.func if isinstance(item, s.Call) else None)
            )
            if name not in ANSWER_KINDS or name in ("sequence", "set", "choice", "estimate"):
                self.error(
                    item.span,
                    f"{kind}(...) needs an item answer type such as "
                    "integer, label([...]) or colour",
                )
                return
            args = item.args if isinstance(item, s.Call) else ()
            self.answer_args(s.AnswerType(item.span, str(name), args))
            return
        if kind == "colour" and len(typ.args) <= 1:
            for a in typ.args:
                self.expect(a, self.scope, t.list_of(t.STR), "a list of colour names")
            return
        if len(typ.args) != nargs:
            self.error(
                typ.span, f"answer type '{kind}' takes {nargs} argument(s), got {len(typ.args)}"
            )
            return
        if kind == "label":
            self.expect(typ.args[0], self.scope, t.list_of(t.STR), "a list of labels")
        if kind == "cell":
            for a in typ.args:
                self.expect(a, self.scope, t.INT, "a grid size")
        if kind == "estimate":
            self.expect(typ.args[0], self.scope, t.REAL, "a tolerance (a positive number)")

    def check_estimate(self, templates: list[Template]) -> None:
        """Answers are exact unless the question itself asks for an estimate."""
        ans = self.out.answer
        if ans is None or ans.type.kind != "estimate":
            return
        for tpl in templates:
            words = "".join(p for p in tpl.parts if isinstance(p, str))
            if not ESTIMATE_WORDS.search(words):
                self.error(
                    tpl.span,
                    "an 'estimate' answer needs a question that asks for an estimate",
                    "say 'about', 'approximately', 'roughly' or 'estimate' in every phrasing",
                )

    def check_choice(self, seen: dict[str, s.Stmt]) -> None:
        ans = self.out.answer
        is_choice = ans is not None and ans.type.kind == "choice"
        d = self.out.distractors
        if is_choice and d is None and ans is not None:
            self.error(ans.span, "a 'choice' answer needs a 'distractors = [...]' statement")
        if d is not None and not is_choice:
            self.error(d.span, "'distractors' only applies to 'answer choice'")
        if d is not None and is_choice and ans is not None:
            correct = self.expr(ans.value, self.scope)
            self.expect(d.value, self.scope, t.list_of(correct), "a list of wrong options")

    # ---- templates -----------------------------------------------------------------------

    def template(self, item: s.StrItem) -> Template:
        parts: list[str | Placeholder | Conditional] = []
        text, i, buf = item.value, 0, ""
        while i < len(text):
            ch = text[i]
            if text.startswith("{{", i) or text.startswith("}}", i):
                buf += ch
                i += 2
                continue
            if ch == "}":
                self.error(
                    Span.point(*item.point(i)),
                    "unmatched '}' in question",
                    "write '}}' for a literal brace",
                )
                i += 1
                continue
            if ch != "{":
                buf += ch
                i += 1
                continue
            end = text.find("}", i)
            span = Span.point(*item.point(i), (end - i + 1) if end > 0 else 1)
            if end < 0:
                self.error(span, "unclosed '{' in question", "write '{{' for a literal brace")
                break
            if buf:
                parts.append(buf)
                buf = ""
            ph = self.placeholder(text[i + 1 : end], span)
            if ph:
                parts.append(ph)
            i = end + 1
        if buf:
            parts.append(buf)
        return Template(tuple(parts), item.span)

    def placeholder(self, body: str, span: Span) -> Placeholder | Conditional | None:
        if re.match(r"\s*if\s", body):
            return self.conditional(body, span)
        m = re.fullmatch(r"\s*([A-Za-z_][\w.]*)\s*(?::\s*(\w+)(?:\((\w[\w ]*)\))?)?\s*", body)
        if not m:
            self.error(
                span,
                f"malformed placeholder '{{{body}}}'",
                "write {name}, {name.field} or {name:word|ordinal|plural(noun)}",
            )
            return None
        path, fmt, arg = tuple(m.group(1).split(".")), m.group(2), m.group(3)
        if not all(IDENT.match(p) for p in path):
            self.error(span, f"malformed placeholder '{{{body}}}'")
            return None
        typ = self.scope.get(path[0])
        if typ is None and path[0] in self.elsewhere:
            msg = (
                f"placeholder '{{{body}}}' names '{path[0]}' of family '{self.elsewhere[path[0]]}'"
            )
            self.error(span, msg, "families never see each other's names")
            return None
        if typ is None:
            self.error(
                span,
                f"placeholder '{{{body}}}' names nothing",
                did_you_mean(path[0], list(self.scope)),
            )
            return None
        self.used.add(path[0])
        for name in path[1:]:
            ftyp = typ.field(name) if typ.name == "record" else None
            if ftyp is None:
                self.error(span, f"{typ} has no field '{name}'")
                return None
            typ = ftyp
        if fmt is not None:
            ok = fmt in FORMATS and arg is None or fmt == "plural" and arg is not None
            if not ok:
                self.error(
                    span,
                    f"unknown placeholder format '{fmt}'",
                    "use word, ordinal, upper, lower, title or plural(noun)",
                )
                return None
            if fmt in ("word", "ordinal", "plural") and typ.name not in ("int", "any"):
                self.error(span, f"format '{fmt}' needs an int, got {typ}")
        return Placeholder(path, fmt, arg, span)

    def conditional(self, body: str, span: Span) -> Conditional | None:
        m = re.fullmatch(r"\s*if\s+(not\s+)?([A-Za-z_][\w.]*)\s*:([^|]*)(?:\|([^|]*))?", body)
        if not m:
            self.error(
                span,
                f"malformed conditional text '{{{body}}}'",
                "write {if flag: text} or {if flag: text | other text}, flag a yes/no value",
            )
            return None
        flag = m.group(2).split(".")[0]
        if flag not in self.scope:
            hint = did_you_mean(flag, list(self.scope))
            self.error(span, f"the condition '{flag}' of '{{{body}}}' names nothing", hint)
            return None
        ref = self.placeholder(m.group(2), span)  # the flag: a name or field, checked as one
        if not isinstance(ref, Placeholder):
            return None
        typ = self.scope[ref.path[0]]
        for name in ref.path[1:]:
            typ = typ.field(name) or t.ANY
        if typ.name not in ("bool", "any"):
            self.error(span, f"the condition of '{{{body}}}' must be yes/no (bool), got {typ}")
        other = (m.group(4) or "").strip()
        return Conditional(ref.path, bool(m.group(1)), m.group(3).strip(), other, span)


def check(spec: s.Spec) -> Checked:
    """Check a parsed spec; raises SpecError listing every mistake found."""
    return Checker(spec).run()
