"""Stage 2, expressions: the type of every spec expression, checked against the stdlib
catalogue (arity, argument types, colour literals) with did-you-mean hints. A mixin of
`check.Checker`, which owns the scope and the diagnostics."""

from __future__ import annotations

import difflib

from tron.compiler import syntax as s
from tron.compiler import types as t
from tron.compiler.diagnostics import Span
from tron.stdlib.registry import CATALOGUE

COLOUR_PARAMS = ("colour", "fill", "stroke")  # stdlib parameter names that take a colour
COLOUR_LIST_PARAMS = ("colours", "fills")


def did_you_mean(name: str, options: list[str]) -> str | None:
    close = difflib.get_close_matches(name, options, n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else None


class ExprChecks:
    """Expression checks; the host class provides scope, `used` and `error`."""

    used: set[str]
    defs: dict[str, s.Def]
    pure: str | None  # "a def" / "a const" while checking one: no random calls there
    sees: str | None  # in a restricted scope: what it sees (the hint for an unknown name)

    def error(self, span: Span, msg: str, hint: str | None = None) -> None:
        raise NotImplementedError

    def def_call(self, e: s.Call, scope: dict[str, t.Type]) -> t.Type:
        raise NotImplementedError

    def where(self, e: s.Where, scope: dict[str, t.Type]) -> t.Type:
        raise NotImplementedError

    # ---- expressions ---------------------------------------------------------------------

    def expect(self, e: s.Expr, scope: dict[str, t.Type], want: t.Type, what: str) -> None:
        got = self.expr(e, scope)
        if not t.unify(want, got, {}):
            self.error(e.span, f"expected {what} ({want}), got {got}")

    def comp_for(self, cf: s.CompFor, scope: dict[str, t.Type]) -> None:
        it = self.expr(cf.iterable, scope)
        if it.name not in ("list", "any"):
            self.error(cf.iterable.span, f"can only loop over a list, got {it}")
        if cf.var == "level":
            self.error(cf.var_span, f"loop variable '{cf.var}' shadows a built-in name")
        scope[cf.var] = it.elem if it.name == "list" and it.elem else t.ANY
        if cf.cond is not None:
            self.expect(cf.cond, scope, t.BOOL, "a condition")

    def expr(self, e: s.Expr, scope: dict[str, t.Type]) -> t.Type:
        if isinstance(e, s.Literal):
            v = e.value
            return (
                t.BOOL
                if isinstance(v, bool)
                else t.INT
                if isinstance(v, int)
                else (t.REAL if isinstance(v, float) else t.STR)
            )
        if isinstance(e, s.Name):
            if e.id in scope:
                self.used.add(e.id)
                return scope[e.id]
            hint = did_you_mean(e.id, list(scope) + list(CATALOGUE))
            if e.id in CATALOGUE:
                hint = f"'{e.id}' is a function: call it as {e.id}(...)"
            elif self.pure and e.id in getattr(self, "scope", {}):
                hint = f"{self.pure} sees only its own parameters and consts: pass it in"
            elif self.sees and e.id in getattr(self, "scope", {}):
                hint = self.sees
            other = getattr(self, "elsewhere", {}).get(e.id)
            if other is not None:  # defined in another question family's block
                msg = f"'{e.id}' is defined in family '{other}', not in this one"
                hint = "families never see each other's names: declare it before the blocks to share it"
                self.error(e.span, msg, hint)
                return t.ANY
            self.error(e.span, f"unknown name '{e.id}'", hint)
            return t.ANY
        if isinstance(e, s.ListLit):
            elem = t.ANY
            for item in e.items:
                it = self.expr(item, scope)
                j = t.join(elem, it)
                if j is None:
                    self.error(item.span, f"list items must share a type: {it} vs {elem}")
                else:
                    elem = j
            return t.list_of(elem)
        if isinstance(e, s.RecordLit):
            fields: dict[str, t.Type] = {}
            for name, span, val in e.fields:
                if name in fields:
                    self.error(span, f"field '{name}' given twice")
                fields[name] = self.expr(val, scope)
            return t.record(fields)
        if isinstance(e, s.Comprehension):
            inner = dict(scope)
            for cf in e.fors:
                self.comp_for(cf, inner)
            return t.list_of(self.expr(e.element, inner))
        if isinstance(e, s.Field):
            base = self.expr(e.value, scope)
            if base.name == "any":
                return t.ANY
            ftyp = base.field(e.name) if base.name == "record" else None
            if ftyp is None:
                names = [k for k, _ in base.fields or ()]
                self.error(
                    e.name_span,
                    f"{base} has no field '{e.name}'",
                    did_you_mean(e.name, names)
                    or (f"fields: {', '.join(names)}" if names else None),
                )
                return t.ANY
            return ftyp
        if isinstance(e, s.Index):
            base = self.expr(e.value, scope)
            self.expect(e.index, scope, t.INT, "an index")
            if base.name == "list" and base.elem:
                return base.elem
            if base.name != "any":
                self.error(e.value.span, f"can only index a list, got {base}")
            return t.ANY
        if isinstance(e, s.Call):
            return self.call(e, scope)
        if isinstance(e, s.BinOp):
            return self.binop(e, scope)
        if isinstance(e, s.Compare):
            self.compare(e, scope)
            return t.BOOL
        if isinstance(e, s.BoolOp):
            for v in e.values:
                self.expect(v, scope, t.BOOL, f"a condition for '{e.op}'")
            return t.BOOL
        if isinstance(e, s.Not):
            self.expect(e.value, scope, t.BOOL, "a condition for 'not'")
            return t.BOOL
        if isinstance(e, s.Neg):
            typ = self.expr(e.value, scope)
            if not t.is_numeric(typ):
                self.error(e.span, f"cannot negate {typ}")
            return typ
        if isinstance(e, s.Where):
            return self.where(e, scope)
        if isinstance(e, s.Ternary):
            self.expect(e.cond, scope, t.BOOL, "a condition")
            a, b = self.expr(e.then, scope), self.expr(e.other, scope)
            j = t.join(a, b)
            if j is None:
                self.error(e.span, f"both branches must have one type: {a} vs {b}")
                return t.ANY
            return j
        raise TypeError(f"unhandled expression {type(e).__name__}")

    def binop(self, e: s.BinOp, scope: dict[str, t.Type]) -> t.Type:
        a, b = self.expr(e.left, scope), self.expr(e.right, scope)
        if e.op == "+" and a.name == b.name and a.name in ("str", "list"):
            j = t.join(a, b)
            if j is None:
                self.error(e.span, f"cannot join {a} and {b}")
            return j or t.ANY
        if not (t.is_numeric(a) and t.is_numeric(b)):
            self.error(e.span, f"'{e.op}' needs numbers, got {a} and {b}")
            return t.ANY
        if a.name == "any" or b.name == "any":  # e.g. a def's parameter, checked untyped
            return t.ANY
        if e.op == "/":
            return t.REAL
        if e.op in ("//", "%") or (a.name == b.name == "int"):
            return t.INT if a.name == b.name == "int" else t.REAL
        return t.REAL

    def compare(self, e: s.Compare, scope: dict[str, t.Type]) -> None:
        left = self.expr(e.first, scope)
        for op, right_e in e.rest:
            right = self.expr(right_e, scope)
            if op in ("in", "not in"):
                if right.name not in ("list", "any", "str"):
                    self.error(right_e.span, f"'{op}' needs a list on the right, got {right}")
            elif op in ("<", "<=", ">", ">="):
                ok = (t.is_numeric(left) and t.is_numeric(right)) or left == right == t.STR
                if not ok:
                    self.error(e.span, f"cannot order {left} and {right}")
            elif t.join(left, right) is None:
                self.error(e.span, f"comparing {left} with {right} is always false")
            left = right

    def call(self, e: s.Call, scope: dict[str, t.Type]) -> t.Type:
        if e.func in self.defs:
            return self.def_call(e, scope)
        fn = CATALOGUE.get(e.func)
        if fn is not None and fn.random and self.pure:
            self.error(
                e.func_span,
                f"{fn.name}() is random; {self.pure} cannot draw",
                "draw the value in a param and pass it in",
            )
        arg_types = [self.expr(a, scope) for a in e.args]
        kw_types = {k.name: (k, self.expr(k.value, scope)) for k in e.kwargs}
        if fn is None:
            hint = did_you_mean(e.func, list(CATALOGUE))
            if e.func in scope:
                hint = f"'{e.func}' is a value, not a function"
            self.error(e.func_span, f"unknown function '{e.func}'", hint)
            return t.ANY
        params = list(fn.params)
        fixed = params[:-1] if fn.variadic else params
        if len(arg_types) > len(fixed) and not fn.variadic:
            self.error(
                e.span,
                f"{fn.name}() takes at most {len(fixed)} argument(s), got {len(arg_types)}",
                f"signature: {fn.signature}",
            )
            return t.substitute(t.parse_type(fn.returns), {})
        bindings: dict[str, t.Type] = {}
        given: set[str] = set()
        for i, (a, at) in enumerate(zip(e.args, arg_types, strict=True)):
            p = fixed[i] if i < len(fixed) else params[-1]
            given.add(p.name)
            self.bind(fn.name, p.name, p.type, a, at, bindings)
        for name, (kw, kt) in kw_types.items():
            match = [p for p in params if p.name == name]
            if not match:
                self.error(
                    kw.span,
                    f"{fn.name}() has no parameter '{name}'",
                    did_you_mean(name, [p.name for p in params]) or f"signature: {fn.signature}",
                )
                continue
            if name in given:
                self.error(kw.span, f"{fn.name}() got '{name}' twice")
            given.add(name)
            self.bind(fn.name, name, match[0].type, kw.value, kt, bindings)
        missing = [p.name for p in fixed if not p.has_default and p.name not in given]
        if missing:
            self.error(
                e.span,
                f"{fn.name}() is missing argument(s): {', '.join(missing)}",
                f"signature: {fn.signature}",
            )
        return t.substitute(t.parse_type(fn.returns), bindings)

    def colour_args(self, pname: str, a: s.Expr) -> None:
        """String literals given to a stdlib colour parameter are checked now, not at sampling
        time (palette names, #rrggbb, or "none" for no paint)."""
        from tron.render.colours import COLOURS, is_colour

        if pname in COLOUR_PARAMS:
            literals = [a]
        elif pname in COLOUR_LIST_PARAMS and isinstance(a, s.ListLit):
            literals = list(a.items)
        else:
            return
        for lit in literals:
            value = lit.value if isinstance(lit, s.Literal) else None
            if isinstance(value, str) and value != "none" and not is_colour(value):
                self.error(
                    lit.span,
                    f"unknown colour '{value}'",
                    did_you_mean(value, list(COLOURS))
                    or 'use a palette colour name, #rrggbb or "none"',
                )

    def bind(
        self, fname: str, pname: str, ptype: str, a: s.Expr, at: t.Type, bindings: dict[str, t.Type]
    ) -> None:
        self.colour_args(pname, a)
        want = t.parse_type(ptype)
        if not t.unify(want, at, bindings):
            self.error(
                a.span,
                f"argument '{pname}' of {fname}() must be {t.substitute(want, bindings)}, got {at}",
            )
