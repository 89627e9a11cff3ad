"""Pull the final answer out of a model's response text.

Three wrapper kinds, tried in this order: `\\boxed{...}` (or `\\fbox{...}`), `<answer>...</answer>`,
and a line `Answer: X` / `Final answer: X`. The first kind with at least one non-empty candidate
wins; its LAST candidate is the answer, and all its candidates are kept so the verifier can tell
a committed answer from a hedge ("\\boxed{3} ... \\boxed{4}").

Every scan is one left-to-right pass (hand-written brace matching, regexes without nested or
ambiguous quantifiers), so a response of any size is handled in linear time, and malformed
input (unbalanced braces, unclosed tags) never raises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["WRAPPER_KINDS", "Extraction", "extract", "extract_with"]

WRAPPER_KINDS = ("boxed", "answer_tag", "final_line")

# Tokens the brace scan stops at; all other text is skipped by the regex engine in C.
# `\s*` before the brace is bounded by the next token, so the scan stays linear.
_BRACE_TOKEN = re.compile(r"\\(?:boxed|fbox)(?![A-Za-z])\s*\{|\\.|[{}]", re.DOTALL)
_ANSWER_TAG = re.compile(r"<(/?)answer\s*>", re.IGNORECASE)
# One line starting (after list/heading/bold marks) with "answer" or "final answer" and a colon.
_FINAL_LINE = re.compile(
    r"^[ \t>*_#-]*(?:final[ \t]+)?answer[ \t*_]*[:\uff1a](.*)$",
    re.IGNORECASE | re.MULTILINE,
)


@dataclass(frozen=True)
class Extraction:
    """The extracted answer text (last candidate), its wrapper kind, and all candidates."""

    text: str | None
    wrapper: str | None
    candidates: tuple[str, ...]


_NOTHING = Extraction(text=None, wrapper=None, candidates=())


def _boxed(response: str) -> list[str]:
    """Contents of every outermost balanced `\\boxed{...}` / `\\fbox{...}`, in order."""
    stack: list[int] = []  # per open brace: content start for a box, -1 for a plain brace
    closed: list[tuple[int, int]] = []  # (content start, content end) of each closed box
    for m in _BRACE_TOKEN.finditer(response):
        tok = m.group()
        if tok == "{":
            stack.append(-1)
        elif tok == "}":
            if stack:
                start = stack.pop()
                if start >= 0:
                    closed.append((start, m.start()))
        elif tok.endswith("{") and tok[1] in "bf":  # \boxed{ or \fbox{ (not an escaped "\{")
            stack.append(m.end())
        # any other "\x" is an escaped character: skipped so "\{" / "\}" are not braces
    # Keep boxes not nested in another closed box; an unclosed box does not hide later ones.
    closed.sort()
    out: list[str] = []
    outer_end = -1
    for start, end in closed:
        if start > outer_end:
            out.append(response[start:end])
            outer_end = end
    return out


def _answer_tags(response: str) -> list[str]:
    """Contents of `<answer>...</answer>` pairs; the latest opening tag pairs with a close."""
    out: list[str] = []
    open_end = -1
    for m in _ANSWER_TAG.finditer(response):
        if m.group(1):  # closing tag
            if open_end >= 0:
                out.append(response[open_end : m.start()])
                open_end = -1
        else:
            open_end = m.end()
    return out


def _final_lines(response: str) -> list[str]:
    # Markdown bold around the whole line ("**Answer: 3**") leaves stray asterisks at the end.
    return [m.group(1).strip().strip("*") for m in _FINAL_LINE.finditer(response)]


_SCANNERS = {"boxed": _boxed, "answer_tag": _answer_tags, "final_line": _final_lines}


def extract_with(response: str, wrapper: str) -> Extraction:
    """Extract using one wrapper kind only (the strict reward scheme requires a given kind)."""
    scan = _SCANNERS.get(wrapper)
    if scan is None:
        raise ValueError(f"unknown wrapper {wrapper!r}; expected one of {WRAPPER_KINDS}")
    # Empty candidates ("put it in \boxed{}" echoed from the prompt) are not answers.
    candidates = tuple(c for c in (c.strip() for c in scan(response)) if c)
    if not candidates:
        return _NOTHING
    return Extraction(text=candidates[-1], wrapper=wrapper, candidates=candidates)


def extract(response: str) -> Extraction:
    """Extract with the first wrapper kind (boxed, answer tag, final line) that has a candidate."""
    for wrapper in WRAPPER_KINDS:
        found = extract_with(response, wrapper)
        if found.text is not None:
            return found
    return _NOTHING
