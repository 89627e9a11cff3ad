"""Stage 1: spec text -> AST, with a Span on every node and located syntax errors."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import lark
from lark import Token, Transformer_NonRecursive, v_args
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken
from lark.lexer import PatternStr

from tron.compiler import limits
from tron.compiler import syntax as s
from tron.compiler.diagnostics import Diagnostic, Span, SpecError

# What the user reads instead of Lark's terminal names (which never reach them).
FRIENDLY = {
    "ENV_ID": "an environment id like counting/count_by_colour",
    "NAME": "a name",
    "INT": "a whole number",
    "SIGNED_INT": "a whole number",
    "DECIMAL": "a decimal number",
    "STRING": 'a "string"',
    "ADD_OP": "'+' or '-'",
    "MUL_OP": "'*', '/', '//' or '%'",
    "DRAW": "'draw' or 'decor'",
    "$END": "the end of the file",
}


@lru_cache(maxsize=1)
def parser() -> lark.Lark:
    grammar = resources.files("tron.dsl").joinpath("tron.lark").read_text(encoding="utf-8")
    return lark.Lark(grammar, parser="lalr", propagate_positions=True, maybe_placeholders=True)


def describe_terminal(name: str) -> str:
    if name in FRIENDLY:
        return FRIENDLY[name]
    for term in parser().terminals:
        if term.name == name and isinstance(term.pattern, PatternStr):
            return f"'{term.pattern.value}'"
    return "a token"


def span_of(meta: Any) -> Span:
    return Span(meta.line, meta.column, meta.end_line, meta.end_column)


def tok_span(tok: Token) -> Span:
    return Span(tok.line or 1, tok.column or 1, tok.end_line or 1, tok.end_column or 1)


def too_long(tok: Token, what: str, limit: int) -> SpecErrorAt:
    return SpecErrorAt(
        tok_span(tok), f"{what} is {len(tok.value)} characters; the limit is {limit}"
    )


def int_value(tok: Token) -> int:
    """An integer literal, capped before int() (which is slow and refuses > 4300 digits)."""
    if len(tok.value.lstrip("-")) > limits.MAX_INT_DIGITS:
        raise SpecErrorAt(
            tok_span(tok), f"integer literal has more than {limits.MAX_INT_DIGITS} digits"
        )
    return int(tok)


def decode_string(tok: Token) -> str:
    """Decode a STRING token: \\" \\\\ \\n \\t are the only escapes."""
    if len(tok.value) - 2 > limits.MAX_STRING_CHARS:
        raise too_long(tok, "string", limits.MAX_STRING_CHARS)
    body, out, i = tok.value[1:-1], [], 0
    escapes = {'"': '"', "\\": "\\", "n": "\n", "t": "\t"}
    while i < len(body):
        ch = body[i]
        if ch == "\\":
            nxt = body[i + 1]
            if nxt not in escapes:
                col = (tok.column or 1) + 1 + i
                raise SpecErrorAt(
                    Span.point(tok.line or 1, col, 2), f"unknown escape '\\{nxt}' in string"
                )
            out.append(escapes[nxt])
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


class SpecErrorAt(Exception):
    def __init__(self, span: Span, message: str):
        self.span, self.message = span, message


def str_item(tok: Token) -> s.StrItem:
    return s.StrItem(decode_string(tok), tok_span(tok))


@v_args(meta=True, inline=True)
class ToAst(Transformer_NonRecursive[Token, Any]):  # no recursion: depth is checked later
    # ---- statements
    def start(self, meta: Any, *stmts: s.Stmt) -> tuple[s.Stmt, ...]:
        return stmts

    def env_decl(self, meta: Any, tok: Token) -> s.Stmt:
        return s.HeaderField(span_of(meta), "env", str(tok), tok_span(tok))

    def text(self, meta: Any, *toks: Token) -> s.StrItem:
        pieces, parts, at = [], [], 0
        for tok in toks:
            pieces.append((at, tok.line or 1, (tok.column or 1) + 1))
            parts.append(decode_string(tok))
            at += len(parts[-1])
        if at > limits.MAX_STRING_CHARS:
            msg = f"joined string is {at} characters; the limit is {limits.MAX_STRING_CHARS}"
            raise SpecErrorAt(span_of(meta), msg)
        return s.StrItem("".join(parts), span_of(meta), tuple(pieces) if len(toks) > 1 else ())

    def title_decl(self, meta: Any, item: s.StrItem) -> s.Stmt:
        return s.HeaderField(span_of(meta), "title", item.value, item.span)

    def desc_decl(self, meta: Any, item: s.StrItem) -> s.Stmt:
        return s.HeaderField(span_of(meta), "description", item.value, item.span)

    def bucket_decl(self, meta: Any, tok: Token) -> s.Stmt:
        return s.HeaderField(span_of(meta), "bucket", str(tok), tok_span(tok))

    def version_decl(self, meta: Any, tok: Token) -> s.Stmt:
        return s.HeaderField(span_of(meta), "version", int_value(tok), tok_span(tok))

    def levels_decl(self, meta: Any, lo: Token, hi: Token) -> s.Stmt:
        return s.Levels(span_of(meta), int_value(lo), int_value(hi))

    def tags_decl(self, meta: Any, *toks: Token) -> s.Stmt:
        return s.Tags(span_of(meta), tuple(str_item(t) for t in toks))

    def canvas_decl(self, meta: Any, w: Token, h: Token, bg: Token | None) -> s.Stmt:
        return s.Canvas(span_of(meta), int_value(w), int_value(h), str_item(bg) if bg else None)

    def palette_decl(self, meta: Any, name: Token, *toks: Token) -> s.Stmt:
        return s.Palette(span_of(meta), str(name), tok_span(name), tuple(map(str_item, toks)))

    def param_decl(self, meta: Any, name: Token, value: s.Expr) -> s.Stmt:
        return s.Param(span_of(meta), str(name), tok_span(name), value)

    def given_decl(self, meta: Any, name: Token, value: s.Expr) -> s.Stmt:
        return s.Given(span_of(meta), str(name), tok_span(name), value)

    def require_decl(self, meta: Any, cond: s.Expr, label: Token | None) -> s.Stmt:
        return s.Require(span_of(meta), cond, str_item(label) if label else None)

    def check_decl(self, meta: Any, cond: s.Expr, label: Token | None) -> s.Stmt:
        return s.Check(span_of(meta), cond, str_item(label) if label else None)

    def layout_decl(
        self,
        meta: Any,
        subject: Token,
        relation: Token,
        other: Token | None,
        by: tuple[int, bool] | None,
        cond: s.Expr | None,
    ) -> s.Stmt:
        margin, percent = by if by is not None else (None, False)
        return s.Layout(
            span_of(meta),
            str_item(subject),
            str(relation),
            tok_span(relation),
            str_item(other) if other is not None else None,
            margin,
            percent,
            cond,
        )

    def layout_by(self, meta: Any, value: Token, op: Token | None) -> tuple[int, bool]:
        if op is not None and str(op) != "%":
            raise SpecErrorAt(
                tok_span(op), f"unexpected '{op}' after a layout margin (write N or N%)"
            )
        return int_value(value), op is not None

    def draw_decl(
        self, meta: Any, kw: Token, value: s.Expr, loop: s.CompFor | None, key: Token | None
    ) -> s.Stmt:
        return s.Draw(span_of(meta), kw == "decor", value, loop, str_item(key) if key else None)

    def question_decl(self, meta: Any, *items: s.StrItem) -> s.Stmt:
        return s.Question(span_of(meta), items)

    def answer_type(self, meta: Any, name: Token, args: Any) -> s.AnswerType:
        positional = tuple(a for a in (args or ()) if not isinstance(a, s.KwArg))
        return s.AnswerType(span_of(meta), str(name), positional)

    def answer_decl(self, meta: Any, typ: s.AnswerType, value: s.Expr) -> s.Stmt:
        return s.Answer(span_of(meta), typ, value)

    def distractors_decl(self, meta: Any, value: s.Expr) -> s.Stmt:
        return s.Distractors(span_of(meta), value)

    def complexity_decl(self, meta: Any, value: s.Expr) -> s.Stmt:
        return s.Complexity(span_of(meta), value)

    def const_decl(self, meta: Any, name: Token, value: s.Expr) -> s.Stmt:
        return s.Const(span_of(meta), str(name), tok_span(name), value)

    def def_decl(self, meta: Any, name: Token, *rest: Any) -> s.Stmt:
        *params, body = (r for r in rest if r is not None)
        ps = tuple((str(p), tok_span(p)) for p in params)
        return s.Def(span_of(meta), str(name), tok_span(name), ps, body)

    def family_decl(self, meta: Any, name: Token, *stmts: s.Stmt) -> s.Stmt:
        return s.Family(span_of(meta), str(name), tok_span(name), stmts)

    # ---- expressions
    def where_expr(self, meta: Any, body: s.Expr, *bindings: tuple[str, Span, s.Expr]) -> s.Expr:
        return s.Where(span_of(meta), body, bindings)

    def binding(self, meta: Any, name: Token, value: s.Expr) -> tuple[str, Span, s.Expr]:
        return (str(name), tok_span(name), value)

    def int_lit(self, meta: Any, tok: Token) -> s.Expr:
        return s.Literal(span_of(meta), int_value(tok))

    def real_lit(self, meta: Any, tok: Token) -> s.Expr:
        if len(tok.value) > limits.MAX_DECIMAL_CHARS:
            raise too_long(tok, "decimal literal", limits.MAX_DECIMAL_CHARS)
        return s.Literal(span_of(meta), float(tok))

    def str_lit(self, meta: Any, tok: Token) -> s.Expr:
        return s.Literal(span_of(meta), decode_string(tok))

    def true_lit(self, meta: Any) -> s.Expr:
        return s.Literal(span_of(meta), True)

    def false_lit(self, meta: Any) -> s.Expr:
        return s.Literal(span_of(meta), False)

    def name(self, meta: Any, tok: Token) -> s.Expr:
        return s.Name(span_of(meta), str(tok))

    def list_lit(self, meta: Any, *items: s.Expr | None) -> s.Expr:
        return s.ListLit(span_of(meta), tuple(i for i in items if i is not None))

    def comprehension(self, meta: Any, element: s.Expr, *fors: s.CompFor) -> s.Expr:
        return s.Comprehension(span_of(meta), element, fors)

    def comp_for(self, meta: Any, var: Token, it: s.Expr, cond: s.Expr | None) -> s.CompFor:
        return s.CompFor(span_of(meta), str(var), tok_span(var), it, cond)

    def record_lit(self, meta: Any, *fields: tuple[str, Span, s.Expr]) -> s.Expr:
        return s.RecordLit(span_of(meta), fields)

    def field_init(self, meta: Any, name: Token, value: s.Expr) -> tuple[str, Span, s.Expr]:
        return (str(name), tok_span(name), value)

    def field(self, meta: Any, value: s.Expr, name: Token) -> s.Expr:
        return s.Field(span_of(meta), value, str(name), tok_span(name))

    def index(self, meta: Any, value: s.Expr, idx: s.Expr) -> s.Expr:
        return s.Index(span_of(meta), value, idx)

    def call(self, meta: Any, name: Token, args: list[Any] | None) -> s.Expr:
        args = args or []
        pos = tuple(a for a in args if not isinstance(a, s.KwArg))
        kws = tuple(a for a in args if isinstance(a, s.KwArg))
        return s.Call(span_of(meta), str(name), tok_span(name), pos, kws)

    def args(self, meta: Any, *items: Any) -> list[Any]:
        return list(items)

    def kwarg(self, meta: Any, name: Token, value: s.Expr) -> s.KwArg:
        return s.KwArg(str(name), tok_span(name), value)

    def binop(self, meta: Any, first: s.Expr, *rest: Any) -> s.Expr:
        out = first
        for op, right in zip(rest[::2], rest[1::2], strict=True):
            out = s.BinOp(
                Span(out.span.line, out.span.col, right.span.end_line, right.span.end_col),
                str(op),
                out,
                right,
            )
        return out

    def comparison(self, meta: Any, first: s.Expr, *rest: Any) -> s.Expr:
        pairs = tuple((op, right) for op, right in zip(rest[::2], rest[1::2], strict=True))
        return s.Compare(span_of(meta), first, pairs)

    def comp_op(self, meta: Any, *toks: Token) -> str:
        return " ".join(str(t) for t in toks)

    def or_(self, meta: Any, *values: s.Expr) -> s.Expr:
        return values[0] if len(values) == 1 else s.BoolOp(span_of(meta), "or", values)

    def and_(self, meta: Any, *values: s.Expr) -> s.Expr:
        return values[0] if len(values) == 1 else s.BoolOp(span_of(meta), "and", values)

    def not_(self, meta: Any, value: s.Expr) -> s.Expr:
        return s.Not(span_of(meta), value)

    def neg(self, meta: Any, value: s.Expr) -> s.Expr:
        return s.Neg(span_of(meta), value)

    def ternary(self, meta: Any, then: s.Expr, cond: s.Expr, other: s.Expr) -> s.Expr:
        return s.Ternary(span_of(meta), then, cond, other)


def parse(source: str, path: str = "<spec>") -> s.Spec:
    """Parse spec text. Raises SpecError (with a located Diagnostic) on any syntax error or
    on a spec over one of the caps in `limits`."""
    early = limits.scan_source(source, path)
    if early:
        raise SpecError(early, {path: source})
    try:
        tree = parser().parse(source)
        stmts = ToAst().transform(tree)
    except UnexpectedInput as exc:
        raise SpecError([syntax_diagnostic(exc, source, path)], {path: source}) from None
    except lark.exceptions.VisitError as exc:
        if isinstance(exc.orig_exc, SpecErrorAt):
            diag = Diagnostic(path, exc.orig_exc.span, exc.orig_exc.message)
            raise SpecError([diag], {path: source}) from None
        raise
    every = tuple(s.flat(stmts))  # statements inside family blocks count too
    if len(every) > limits.MAX_STATEMENTS:
        st = every[limits.MAX_STATEMENTS]
        msg = f"more than {limits.MAX_STATEMENTS} statements in one spec"
        raise SpecError([Diagnostic(path, st.span, msg)], {path: source})
    deep = limits.depth_errors(every, path)
    if deep:
        raise SpecError(deep, {path: source})
    return s.Spec(path, source, tuple(stmts))


def syntax_diagnostic(exc: UnexpectedInput, source: str, path: str) -> Diagnostic:
    if isinstance(exc, UnexpectedCharacters):
        pos = exc.pos_in_stream or 0
        ch = source[pos] if pos < len(source) else ""
        what = "unterminated string" if ch == '"' else f"unexpected character {ch!r}"
        return Diagnostic(path, Span.point(exc.line, exc.column), what)
    if isinstance(exc, UnexpectedToken) and exc.token.type != "$END":
        tok = exc.token
        expected = sorted({describe_terminal(t) for t in exc.expected})
        hint = "expected " + (", ".join(expected[:12]) + (", ..." if len(expected) > 12 else ""))
        return Diagnostic(path, tok_span(tok), f"unexpected {tok.value!r}", hint)
    # Unexpected end of input: point just past the last character.
    lines = source.splitlines() or [""]
    expected = sorted({describe_terminal(t) for t in getattr(exc, "expected", ()) or ()})
    eof_hint = ("expected " + ", ".join(expected[:12])) if expected else None
    assert isinstance(exc, UnexpectedEOF | UnexpectedToken)
    return Diagnostic(
        path, Span.point(len(lines), len(lines[-1]) + 1), "unexpected end of file", eof_hint
    )
