"""Stage 2, local names: `where` bindings, module constants (`const`) and pure spec-local
functions (`def`). A mixin of `check.Checker`.

A function is checked once where it is declared (its parameters untyped), and again at each
call with the argument types, to give the call its result type; that second check reports
nothing itself, only the first mistake it finds, at the call. Functions may call each other in
any order, but never in a cycle: the call graph is checked for recursion first, so checking
(and running) a call always ends."""

from __future__ import annotations

from tron.compiler import syntax as s
from tron.compiler import types as t
from tron.compiler.check_expr import ExprChecks
from tron.compiler.diagnostics import DiagnosticSink, Span
from tron.stdlib.registry import CATALOGUE


def calls_in(e: s.Expr | s.CompFor) -> list[s.Call]:
    """Every call inside an expression, without recursion (depth is bounded, but be cheap)."""
    from tron.compiler.limits import children

    out, stack = [], [e]
    while stack:
        node = stack.pop()
        if isinstance(node, s.Call):
            out.append(node)
        stack.extend(children(node))
    return out


class DefChecks(ExprChecks):
    """Host provides scope, sink, error() and define()."""

    scope: dict[str, t.Type]
    sink: DiagnosticSink
    before_scene: dict[str, t.Type]

    def define(self, name: str, span: Span, typ: t.Type, track_use: bool) -> None:
        raise NotImplementedError

    def init_defs(self, stmts: tuple[s.Stmt, ...]) -> None:
        self.defs: dict[str, s.Def] = {}
        self.consts: dict[str, t.Type] = {}  # what a def or const body may read
        self.pure: str | None = None  # "a def" / "a const" while checking one
        self.call_types: dict[tuple[str, tuple[t.Type, ...]], t.Type] = {}
        self.recursive: set[str] = set()
        self.broken: set[str] = set()  # defs whose own check failed: calls say nothing more
        self.called: set[str] = set()
        for st in stmts:
            if not isinstance(st, s.Def):
                continue
            if st.name in self.defs:
                first = self.defs[st.name].name_span.line
                self.error(st.name_span, f"function '{st.name}' is already defined on line {first}")
            elif st.name in CATALOGUE:
                self.error(st.name_span, f"'{st.name}' is a stdlib function", "choose another name")
            else:
                self.defs[st.name] = st
        self.find_recursion()
        for st in stmts:  # module-level: checked first, in order, before any param
            if isinstance(st, s.Const):
                self.const_stmt(st)
            elif isinstance(st, s.Def):
                self.def_stmt(st)

    def find_recursion(self) -> None:
        """Report each cycle of the call graph once, at the call that closes it."""
        graph = {
            name: [c for c in calls_in(d.body) if c.func in self.defs]
            for name, d in self.defs.items()
        }
        done: set[str] = set()
        for root in self.defs:
            if root in done:
                continue
            path: list[str] = [root]
            stack = [iter(graph[root])]
            while stack:
                call = next(stack[-1], None)
                if call is None:
                    stack.pop()
                    done.add(path.pop())
                    continue
                if call.func in path:
                    cycle = path[path.index(call.func) :] + [call.func]
                    self.recursive.update(cycle)
                    how = (
                        "calls itself" if len(cycle) == 2 else "is recursive: " + " -> ".join(cycle)
                    )
                    self.error(
                        call.func_span,
                        f"function '{cycle[0]}' {how}",
                        "recursion is not allowed; write a comprehension or a stdlib call",
                    )
                elif call.func not in done:
                    path.append(call.func)
                    stack.append(iter(graph[call.func]))

    def const_stmt(self, st: s.Const) -> None:
        self.pure = "a const"
        typ = self.expr(st.value, dict(self.consts))
        self.pure = None
        self.define(st.name, st.name_span, typ, track_use=True)
        self.consts[st.name] = typ
        self.before_scene[st.name] = typ

    def def_stmt(self, st: s.Def) -> None:
        known = self.defs.get(st.name)
        if known is None or known.span != st.span:  # a duplicate or a stdlib name: reported
            return
        scope = dict(self.consts)
        for name, span in st.params:
            if name in scope or name == "level":
                self.error(span, f"parameter '{name}' of {st.name}() shadows '{name}'")
            scope[name] = t.ANY
        if len({n for n, _ in st.params}) != len(st.params):
            self.error(st.name_span, f"{st.name}() names a parameter twice")
        if st.name in self.recursive:
            return
        self.pure, before = "a def", len(self.sink.items)
        self.expr(st.body, scope)
        self.pure = None
        if len(self.sink.items) > before:
            self.broken.add(st.name)

    def unused_defs(self) -> None:
        for name, d in self.defs.items():
            if name not in self.called and name not in self.recursive:
                self.error(d.name_span, f"function '{name}' is never used", "remove it, or call it")

    def def_call(self, e: s.Call, scope: dict[str, t.Type]) -> t.Type:
        d = self.defs[e.func]
        self.called.add(d.name)
        args = tuple(self.expr(a, scope) for a in e.args)
        for k in e.kwargs:
            self.error(k.span, f"{d.name}() takes its arguments by position")
        if len(args) != len(d.params):
            self.error(
                e.span,
                f"{d.name}() takes {len(d.params)} argument(s), got {len(args)}",
                f"declared on line {d.span.line}",
            )
            return t.ANY
        if d.name in self.recursive or d.name in self.broken:
            return t.ANY
        key = (d.name, args)
        if key not in self.call_types:
            body_scope = dict(self.consts)
            body_scope.update({p: a for (p, _), a in zip(d.params, args, strict=True)})
            outer, self.sink = self.sink, DiagnosticSink(self.sink.path, self.sink.source)
            outer_pure, self.pure = self.pure, "a def"
            try:
                result = self.expr(d.body, body_scope)
            finally:
                found, self.sink, self.pure = self.sink.items, outer, outer_pure
            if found:
                self.error(e.span, f"in this call of {d.name}(): {found[0].message}")
                result = t.ANY
            self.call_types[key] = result
        return self.call_types[key]

    def where(self, e: s.Where, scope: dict[str, t.Type]) -> t.Type:
        inner = dict(scope)
        for name, span, value in e.bindings:
            typ = self.expr(value, inner)
            if name in inner or name in self.defs:
                self.error(span, f"local name '{name}' shadows '{name}'", "choose another name")
            inner[name] = typ
        return self.expr(e.body, inner)
