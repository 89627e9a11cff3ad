"""Located diagnostics: every user-facing error names its file, line and column.

User mistakes in a spec are `SpecError`s (carrying one or more `Diagnostic`s); a failure
inside the compiler itself is an `InternalCompilerError`, a different type, so a bug in
tronc is never mistaken for a bug in the spec (and vice versa).
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_ERRORS = 100  # diagnostics collected per spec; checking stops after that many


@dataclass(frozen=True)
class Span:
    """1-based line and column of the first character; end is exclusive."""

    line: int
    col: int
    end_line: int
    end_col: int

    @staticmethod
    def point(line: int, col: int, width: int = 1) -> Span:
        return Span(line, col, line, col + max(width, 1))


@dataclass(frozen=True)
class Diagnostic:
    path: str
    span: Span
    message: str
    hint: str | None = None
    severity: str = "error"  # or "warning": reported, never stops a compile

    def render(self, source: str | list[str] | None) -> str:
        """`path:line:col: error: message`, the source line, and a caret/tilde underline.
        `source` may be given already split into lines (by \n only, as Lark counts them)."""
        head = f"{self.path}:{self.span.line}:{self.span.col}: {self.severity}: {self.message}"
        lines = [head]
        if source is not None:
            src_lines = source.split("\n") if isinstance(source, str) else source
            if 1 <= self.span.line <= len(src_lines):
                text = src_lines[self.span.line - 1].removesuffix("\r").expandtabs(1)
                start = self.span.col - 1
                end = self.span.end_col - 1 if self.span.end_line == self.span.line else len(text)
                width = max(1, min(end, len(text)) - start)
                lines.append(f"    {text}")
                lines.append("    " + " " * start + "^" + "~" * (width - 1))
        if self.hint:
            lines.append(f"    hint: {self.hint}")
        return "\n".join(lines)


class SpecError(Exception):
    """One or more mistakes in spec files: the user's to fix."""

    def __init__(self, diagnostics: list[Diagnostic], sources: dict[str, str] | None = None):
        self.diagnostics = sorted(diagnostics, key=lambda d: (d.path, d.span.line, d.span.col))
        self.sources = sources or {}
        super().__init__(self.render())

    def render(self) -> str:
        split: dict[str, list[str]] = {}  # each source split once, not once per diagnostic
        for path, text in self.sources.items():
            if any(d.path == path for d in self.diagnostics):
                split[path] = text.split("\n")
        return "\n".join(d.render(split.get(d.path)) for d in self.diagnostics)


class InputError(ValueError):
    """A path the user gave that cannot be used (missing, unreadable, not a regular file, an
    output folder that is a file): the user's to fix, reported as one line."""

    def __init__(self, path: str, problem: str):
        self.path, self.problem = path, problem
        super().__init__(f"{path}: {problem}")


class InternalCompilerError(Exception):
    """A bug in tronc itself, not in the spec being compiled."""


class DiagnosticSink:
    """Collects every error of a run, so one compile reports all mistakes at once."""

    def __init__(self, path: str, source: str):
        self.path = path
        self.source = source
        self.items: list[Diagnostic] = []

    def error(self, span: Span, message: str, hint: str | None = None) -> None:
        self.items.append(Diagnostic(self.path, span, message, hint))
        if len(self.items) >= MAX_ERRORS:  # bounded work and output on a hostile spec
            self.items.append(Diagnostic(self.path, span, "too many errors; stopping here"))
            self.raise_if_any()

    def raise_if_any(self) -> None:
        if self.items:
            raise SpecError(self.items, {self.path: self.source})
