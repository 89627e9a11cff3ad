"""Stage 3: lower checked spec expressions to Python expression ASTs.

Every spec identifier becomes `v_<name>` (so it can never collide with a Python keyword, a
builtin or the generated module's own `_`-prefixed names); every string becomes an
`ast.Constant`; field access becomes a subscript with a constant key; calls go only to the
stdlib module `_rt`. Nothing else can appear in generated code.

Operators that can grow a value fast (`*` squares, `+` doubles a list or text, `/` builds
fractions) and comprehension iterables go through `_p` (tron.envs.program), which checks them
against tron.limits; `-`, `//` and unary minus cannot outgrow their operands.
"""

from __future__ import annotations

import ast
from contextvars import ContextVar

from tron.compiler import syntax as s
from tron.compiler.diagnostics import InternalCompilerError
from tron.stdlib.registry import CATALOGUE

RT = "_rt"  # the stdlib module, as generated code names it
RNG = "_rng"
SUPPORT = "_p"  # tron.envs.program: the runtime support every generated module uses
COMPARE_OPS: dict[str, ast.cmpop] = {
    "==": ast.Eq(),
    "!=": ast.NotEq(),
    "<": ast.Lt(),
    "<=": ast.LtE(),
    ">": ast.Gt(),
    ">=": ast.GtE(),
    "in": ast.In(),
    "not in": ast.NotIn(),
}
CONSTS = "_K"  # the module's table of `const` values, filled once at import
# The const names of the spec being lowered (codegen sets them): they read from the table.
CONST_NAMES: ContextVar[frozenset[str]] = ContextVar("tron_const_names", default=frozenset())
ARITH_OPS: dict[str, ast.operator] = {"+": ast.Add(), "-": ast.Sub(), "//": ast.FloorDiv()}


CHECKED_OPS = {"/": "div", "*": "mul", "+": "add", "%": "mod"}  # operator -> tron.envs.program fn


def support(fn: str, *args: ast.expr) -> ast.Call:
    """A call to the run-time support module, `_p.fn(*args)`."""
    func = ast.Attribute(value=load(SUPPORT), attr=fn, ctx=ast.Load())
    return ast.Call(func=func, args=list(args), keywords=[])


def number(e: s.Expr) -> bool:
    return isinstance(e, s.Literal) and type(e.value) in (int, float)


def var(name: str) -> str:
    """The Python name of a spec identifier (the grammar already restricts its characters)."""
    if not name.isidentifier():
        raise InternalCompilerError(f"identifier {name!r} escaped the grammar")
    return "level" if name == "level" else f"v_{name}"


def func(name: str) -> str:
    """The Python name of a spec-local function."""
    if not name.isidentifier():
        raise InternalCompilerError(f"identifier {name!r} escaped the grammar")
    return f"f_{name}"


def name_ref(name: str) -> ast.expr:
    if name in CONST_NAMES.get():
        return ast.Subscript(value=load(CONSTS), slice=ast.Constant(value=name), ctx=ast.Load())
    return load(var(name))


def load(name: str) -> ast.Name:
    return ast.Name(id=name, ctx=ast.Load())


def rt(fn: str) -> ast.Attribute:
    return ast.Attribute(value=load(RT), attr=fn, ctx=ast.Load())


def lower(e: s.Expr) -> ast.expr:
    if isinstance(e, s.Literal):
        return ast.Constant(value=e.value)
    if isinstance(e, s.Name):
        return name_ref(e.id)
    if isinstance(e, s.ListLit):
        return ast.List(elts=[lower(i) for i in e.items], ctx=ast.Load())
    if isinstance(e, s.RecordLit):
        return ast.Dict(
            keys=[ast.Constant(value=k) for k, _, _ in e.fields],
            values=[lower(v) for _, _, v in e.fields],
        )
    if isinstance(e, s.Comprehension):
        gens = [
            ast.comprehension(
                target=ast.Name(id=var(cf.var), ctx=ast.Store()),
                iter=support("each", lower(cf.iterable)),
                ifs=[lower(cf.cond)] if cf.cond else [],
                is_async=0,
            )
            for cf in e.fors
        ]
        return ast.ListComp(elt=lower(e.element), generators=gens)
    if isinstance(e, s.Field):
        return ast.Subscript(value=lower(e.value), slice=ast.Constant(value=e.name), ctx=ast.Load())
    if isinstance(e, s.Index):
        return ast.Subscript(value=lower(e.value), slice=lower(e.index), ctx=ast.Load())
    if isinstance(e, s.Call):
        fn = CATALOGUE.get(e.func)
        if fn is None:  # a spec-local function (the checker knows every one)
            return ast.Call(func=load(func(e.func)), args=[lower(a) for a in e.args], keywords=[])
        args = ([load(RNG)] if fn.random else []) + [lower(a) for a in e.args]
        kws = [ast.keyword(arg=k.name, value=lower(k.value)) for k in e.kwargs]
        return ast.Call(func=rt(fn.name), args=args, keywords=kws)
    if isinstance(e, s.BinOp):
        if e.op in CHECKED_OPS and not (e.op == "+" and (number(e.left) or number(e.right))):
            # `/` also: exact division, int / int is a Fraction. Adding a number literal
            # cannot join lists or texts, and grows a value only by the literal's size.
            return support(CHECKED_OPS[e.op], lower(e.left), lower(e.right))
        return ast.BinOp(left=lower(e.left), op=ARITH_OPS[e.op], right=lower(e.right))
    if isinstance(e, s.Compare):
        return ast.Compare(
            left=lower(e.first),
            ops=[COMPARE_OPS[op] for op, _ in e.rest],
            comparators=[lower(r) for _, r in e.rest],
        )
    if isinstance(e, s.BoolOp):
        op: ast.boolop = ast.And() if e.op == "and" else ast.Or()
        return ast.BoolOp(op=op, values=[lower(v) for v in e.values])
    if isinstance(e, s.Not):
        return ast.UnaryOp(op=ast.Not(), operand=lower(e.value))
    if isinstance(e, s.Neg):
        return ast.UnaryOp(op=ast.USub(), operand=lower(e.value))
    if isinstance(e, s.Where):
        # [body for a in [e1] for b in [e2]][0]: each name bound once, in order, and local
        gens = [
            ast.comprehension(
                target=ast.Name(id=var(name), ctx=ast.Store()),
                iter=ast.List(elts=[lower(value)], ctx=ast.Load()),
                ifs=[],
                is_async=0,
            )
            for name, _, value in e.bindings
        ]
        comp = ast.ListComp(elt=lower(e.body), generators=gens)
        return ast.Subscript(value=comp, slice=ast.Constant(value=0), ctx=ast.Load())
    if isinstance(e, s.Ternary):
        return ast.IfExp(test=lower(e.cond), body=lower(e.then), orelse=lower(e.other))
    raise InternalCompilerError(f"cannot lower {type(e).__name__}")


def source(e: s.Expr) -> str:
    """Python source text of a lowered expression."""
    return ast.unparse(ast.fix_missing_locations(lower(e)))
