"""Resource caps on what a spec may ask of the compiler, each reported as a located error.

The caps are far above what the bundled suite needs (largest spec about 6 KB, longest string
about 400 characters, 7-digit integers, levels 0 to 9, expressions about 15 levels deep) and far
below what would exhaust the compiler's stack, memory or time. dsl/REFERENCE.md lists them.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterator

from tron.compiler import syntax as s
from tron.compiler.diagnostics import MAX_ERRORS, Diagnostic, Span

MAX_SPEC_BYTES = 128 * 1024
MAX_TOKENS = 20_000  # parsing costs about 0.1 ms a token: this bounds it to seconds
MAX_STATEMENTS = 1000
MAX_DEPTH = 100  # nesting of one expression; a chain `a + b + c` nests one level per operator
MAX_INT_DIGITS = 18
MAX_DECIMAL_CHARS = 40
MAX_STRING_CHARS = 10_000
MAX_LEVEL = 99
MIN_CANVAS, MAX_CANVAS = 16, 4096  # pixels per side

# Invisible characters that make text read differently from what it is ("Trojan Source" bidi
# controls, line separators Lark does not count as lines), and C0/C1 controls: none belongs in
# a prompt or a spec. Tab, newline and a CR of a CRLF pair are the only controls allowed.
FORBIDDEN = re.compile(
    "[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]|\r(?!\n)"
)


# A cheap over-approximation of the lexer: strings, comments, words/numbers, other characters.
TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"?|#[^\n]*|[A-Za-z0-9_]+(?:\.[0-9]+)?|\S')


def char_name(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return f"U+{ord(ch):04X}" + (f" {name}" if name else "")


def scan_source(source: str, path: str) -> list[Diagnostic]:
    """Size and character checks on the raw text, before Lark sees it."""
    size = len(source.encode("utf-8", "surrogatepass"))
    if size > MAX_SPEC_BYTES:
        msg = f"spec is {size} bytes; the limit is {MAX_SPEC_BYTES}"
        return [Diagnostic(path, Span.point(1, 1), msg, "split it into several environments")]
    out: list[Diagnostic] = []
    for m in FORBIDDEN.finditer(source):
        if len(out) == MAX_ERRORS:
            break
        msg = f"invisible control character {char_name(m.group())} is not allowed in a spec"
        out.append(Diagnostic(path, position(source, m.start()), msg, "delete it"))
    count = 0
    for m in TOKEN.finditer(source):
        count += not m.group().startswith("#")
        if count > MAX_TOKENS:
            msg = f"more than {MAX_TOKENS} tokens in one spec"
            out.append(Diagnostic(path, position(source, m.start()), msg))
            break
    return out


def position(source: str, pos: int) -> Span:
    line = source.count("\n", 0, pos) + 1
    return Span.point(line, pos - (source.rfind("\n", 0, pos) + 1) + 1)


def children(node: object) -> Iterator[s.Expr | s.CompFor]:
    """Sub-expressions of an expression (or comprehension clause), in field order."""
    assert dataclasses.is_dataclass(node)
    for f in dataclasses.fields(node):
        stack = [getattr(node, f.name)]
        while stack:
            v = stack.pop()
            if isinstance(v, s.Expr | s.CompFor):
                yield v
            elif isinstance(v, s.KwArg):
                yield v.value
            elif isinstance(v, tuple):
                stack.extend(reversed(v))


def too_deep(root: s.Expr | s.CompFor) -> s.Expr | s.CompFor | None:
    """The first node nested deeper than MAX_DEPTH, found without recursion (the checker,
    lowering and Python's own compiler all recurse, so depth must be bounded first)."""
    stack: list[tuple[s.Expr | s.CompFor, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            return node
        stack.extend((c, depth + 1) for c in children(node))
    return None


def depth_errors(stmts: tuple[s.Stmt, ...], path: str) -> list[Diagnostic]:
    out = []
    for st in stmts:
        for top in children(st) if dataclasses.is_dataclass(st) else ():
            deep = too_deep(top)
            if deep is not None:
                msg = f"expression nested more than {MAX_DEPTH} levels deep"
                hint = "name parts of it with 'param'; each operator of a chain is one level"
                out.append(Diagnostic(path, deep.span, msg, hint))
                break
    return out
