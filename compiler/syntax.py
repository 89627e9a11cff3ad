"""The spec's abstract syntax tree: frozen nodes, each with the Span it came from."""

from __future__ import annotations

from dataclasses import dataclass

from tron.compiler.diagnostics import Span

# ---- expressions -------------------------------------------------------------------------


@dataclass(frozen=True)
class Expr:
    span: Span


@dataclass(frozen=True)
class Literal(Expr):
    value: int | float | str | bool


@dataclass(frozen=True)
class Name(Expr):
    id: str


@dataclass(frozen=True)
class ListLit(Expr):
    items: tuple[Expr, ...]


@dataclass(frozen=True)
class RecordLit(Expr):
    fields: tuple[tuple[str, Span, Expr], ...]


@dataclass(frozen=True)
class CompFor:
    span: Span
    var: str
    var_span: Span
    iterable: Expr
    cond: Expr | None


@dataclass(frozen=True)
class Comprehension(Expr):
    element: Expr
    fors: tuple[CompFor, ...]


@dataclass(frozen=True)
class Field(Expr):
    value: Expr
    name: str
    name_span: Span


@dataclass(frozen=True)
class Index(Expr):
    value: Expr
    index: Expr


@dataclass(frozen=True)
class KwArg:
    name: str
    span: Span
    value: Expr


@dataclass(frozen=True)
class Call(Expr):
    func: str
    func_span: Span
    args: tuple[Expr, ...]
    kwargs: tuple[KwArg, ...]


@dataclass(frozen=True)
class BinOp(Expr):
    op: str  # + - * / // %
    left: Expr
    right: Expr


@dataclass(frozen=True)
class Compare(Expr):
    first: Expr
    rest: tuple[tuple[str, Expr], ...]  # op in == != < <= > >= in "not in"


@dataclass(frozen=True)
class BoolOp(Expr):
    op: str  # and | or
    values: tuple[Expr, ...]


@dataclass(frozen=True)
class Not(Expr):
    value: Expr


@dataclass(frozen=True)
class Neg(Expr):
    value: Expr


@dataclass(frozen=True)
class Ternary(Expr):
    then: Expr
    cond: Expr
    other: Expr


@dataclass(frozen=True)
class Where(Expr):
    """`body where a = e1, b = e2`: each binding sees the ones before it; the body sees all."""

    body: Expr
    bindings: tuple[tuple[str, Span, Expr], ...]


# ---- statements --------------------------------------------------------------------------


@dataclass(frozen=True)
class Stmt:
    span: Span


@dataclass(frozen=True)
class StrItem:
    value: str
    span: Span
    # Joined adjacent strings: (offset in value, line, column after the quote) per piece.
    pieces: tuple[tuple[int, int, int], ...] = ()

    def point(self, i: int) -> tuple[int, int]:
        """Line and column of the value's i-th character (escapes aside)."""
        offset, line, col = 0, self.span.line, self.span.col + 1
        for start, ln, c in self.pieces:
            if start <= i:
                offset, line, col = start, ln, c
        return line, col + i - offset


@dataclass(frozen=True)
class HeaderField(Stmt):
    key: str  # env, title, description, bucket, version
    value: str | int
    value_span: Span


@dataclass(frozen=True)
class Levels(Stmt):
    lo: int
    hi: int


@dataclass(frozen=True)
class Tags(Stmt):
    tags: tuple[StrItem, ...]


@dataclass(frozen=True)
class Canvas(Stmt):
    width: int
    height: int
    background: StrItem | None


@dataclass(frozen=True)
class Palette(Stmt):
    name: str
    name_span: Span
    colours: tuple[StrItem, ...]


@dataclass(frozen=True)
class Param(Stmt):
    name: str
    name_span: Span
    value: Expr


@dataclass(frozen=True)
class Given(Stmt):
    """A value drawn once per sample and kept across rejection retries (answer first)."""

    name: str
    name_span: Span
    value: Expr


@dataclass(frozen=True)
class Require(Stmt):
    cond: Expr
    label: StrItem | None


@dataclass(frozen=True)
class Check(Stmt):
    cond: Expr
    label: StrItem | None


@dataclass(frozen=True)
class Layout(Stmt):
    """`layout "a" RELATION ["b"] [by n[%]] [if cond]`: a placement or margin the validator
    measures on pictures (the relations are listed in check_scene.LAYOUT_RELATIONS)."""

    subject: StrItem
    relation: str
    relation_span: Span
    other: StrItem | None  # the container, outline or reference object
    margin: int | None
    percent: bool
    cond: Expr | None


@dataclass(frozen=True)
class Draw(Stmt):
    decor: bool  # decorations are not subject to the visibility check
    value: Expr
    loop: CompFor | None
    key: StrItem | None


@dataclass(frozen=True)
class Question(Stmt):
    phrasings: tuple[StrItem, ...]


@dataclass(frozen=True)
class AnswerType:
    span: Span
    kind: str
    args: tuple[Expr, ...]


@dataclass(frozen=True)
class Answer(Stmt):
    type: AnswerType
    value: Expr


@dataclass(frozen=True)
class Distractors(Stmt):
    value: Expr


@dataclass(frozen=True)
class Complexity(Stmt):
    value: Expr


@dataclass(frozen=True)
class Const(Stmt):
    """A module constant, computed once when the module is imported."""

    name: str
    name_span: Span
    value: Expr


@dataclass(frozen=True)
class Def(Stmt):
    """A pure spec-local function."""

    name: str
    name_span: Span
    params: tuple[tuple[str, Span], ...]
    body: Expr


@dataclass(frozen=True)
class Family(Stmt):
    """`family NAME { ... }`: the statements of one question over the shared scene."""

    name: str
    name_span: Span
    stmts: tuple[Stmt, ...]


def flat(stmts: tuple[Stmt, ...]) -> list[Stmt]:
    """Every statement, those inside family blocks too (blocks do not nest in a valid spec,
    but the parser accepts it, so this walks without recursion)."""
    out: list[Stmt] = []
    stack = list(reversed(stmts))
    while stack:
        st = stack.pop()
        out.append(st)
        if isinstance(st, Family):
            stack.extend(reversed(st.stmts))
    return out


@dataclass(frozen=True)
class Spec:
    path: str
    source: str
    stmts: tuple[Stmt, ...]
