"""Surface forms of answers: the text helpers the answer types in `tron.answers.types` share.

Decoration peeled from a whole answer (`$...$`, `\\text{...}`, `**...**`, quotes, one final
period), bracket matching and top-level splitting for lists, unit suffixes ("30%", "50°",
"26 cents", "2 shapes"), compass/rotation direction synonyms, and what a question asks
(`Asked`). Every helper is total and linear in its input (or works on a bounded prefix).
"""

from __future__ import annotations

import re
import reprlib
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction

__all__ = [
    "UNITS",
    "Asked",
    "asked_by",
    "bounded_repr",
    "direction_aliases",
    "label_key",
    "split_suffix",
    "split_top_level",
    "stages",
    "strip_brackets",
]

# Normalisation peels at most this many layers ("$**3**$." is three).
_MAX_UNWRAP = 8

# LaTeX commands whose single argument is the whole answer when they span the whole text.
_LATEX_WRAPPERS = (
    "\\text",
    "\\textbf",
    "\\textrm",
    "\\texttt",
    "\\textit",
    "\\mathrm",
    "\\mathbf",
    "\\mathit",
    "\\mbox",
    "\\boxed",
    "\\fbox",
)
# Symmetric/asymmetric delimiters that may surround a whole answer.
_DELIMITER_PAIRS = (
    ("$$", "$$"),
    ("$", "$"),
    ("\\(", "\\)"),
    ("\\[", "\\]"),
    ("**", "**"),
    ("`", "`"),
    ('"', '"'),
    ("'", "'"),
    ("\u201c", "\u201d"),
)
OPENERS = {"(": ")", "[": "]", "{": "}"}
_CLOSERS = {")", "]", "}"}


def bounded_repr(value: object) -> str:
    """repr for error messages about untrusted data: bounded depth and length, never raises
    RecursionError on deeply nested JSON."""
    r = reprlib.Repr()
    r.maxlevel, r.maxstring, r.maxother = 3, 80, 80
    return r.repr(value)


def _scan(s: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """(index, char, bracket depth after it) for each char from `start`; a backslash escapes
    the next char (neither is yielded)."""
    depth = 0
    i = start
    n = len(s)
    while i < n:
        ch = s[i]
        if ch == "\\":
            i += 2
            continue
        if ch in OPENERS:
            depth += 1
        elif ch in _CLOSERS:
            depth -= 1
        yield i, ch, depth
        i += 1


def matching_close(s: str, start: int) -> int:
    """Index of the bracket closing the one at s[start], or -1. Backslash escapes one char."""
    for i, ch, depth in _scan(s, start):
        if depth == 0 and ch in _CLOSERS:
            return i
    return -1


def encloses(s: str, start: int) -> bool:
    """True when the bracket at s[start] is closed by the last character of s."""
    return matching_close(s, start) == len(s) - 1


def _unwrap_once(s: str) -> str | None:
    """Peel one layer of decoration from an already stripped text, or None if there is none."""
    if len(s) >= 2 and s.endswith(".") and not s.endswith(".."):
        return s[:-1].rstrip()
    for left, right in _DELIMITER_PAIRS:
        if len(s) >= len(left) + len(right) and s.startswith(left) and s.endswith(right):
            return s[len(left) : len(s) - len(right)].strip()
    if s.startswith("\\") and s.endswith("}"):
        brace = s.find("{")
        if brace > 0 and s[:brace].rstrip() in _LATEX_WRAPPERS and encloses(s, brace):
            return s[brace + 1 : -1].strip()
    return None


def stages(text: str) -> list[str]:
    """The text and each successively unwrapped form of it (at most _MAX_UNWRAP + 1)."""
    s = text.replace("\u2212", "-").strip()  # U+2212 MINUS SIGN is a plain minus to a reader
    out = [s]
    for _ in range(_MAX_UNWRAP):
        nxt = _unwrap_once(s)
        if nxt is None or nxt == s:
            break
        s = nxt
        out.append(s)
    return out


def label_key(s: str) -> str:
    """Case- and whitespace-insensitive comparison key."""
    return " ".join(s.split()).casefold()


# --- lists ----------------------------------------------------------------------------------


def _top_level_positions(s: str) -> tuple[list[int], list[int]] | None:
    """Positions of top-level commas and semicolons, or None if brackets do not balance."""
    commas: list[int] = []
    semis: list[int] = []
    depth = 0
    for i, ch, depth in _scan(s):
        if depth < 0:
            return None
        if depth == 0 and ch == ",":
            commas.append(i)
        elif depth == 0 and ch == ";":
            semis.append(i)
    return (commas, semis) if depth == 0 else None


_AND = re.compile(r"\s+and\s+", re.IGNORECASE)


def split_top_level(s: str, conjunction: bool = False) -> list[str] | None:
    """Split at top-level semicolons if there are any, else at top-level commas.

    Semicolons win so that items holding commas can be listed: "1, 2; 3, 4" is two cells.
    Empty items ("1,,2", "1, 2,") make the text malformed. With `conjunction`, the last item
    is also split at " and " ("1, 2 and 3", "1, 2, and 3", "A and B"): in a list, "and" joins
    items, it never offers alternatives.
    """
    found = _top_level_positions(s)
    if found is None:
        return None
    commas, semis = found
    cuts = semis or commas
    bounds = [-1, *cuts, len(s)]
    parts = [s[a + 1 : b].strip() for a, b in zip(bounds, bounds[1:], strict=False)]
    if conjunction:
        last = parts.pop()
        if len(parts) > 0 and last[:4].casefold() == "and ":  # Oxford comma: "A, B, and C"
            last = last[4:]
        pieces = [p.strip() for p in _AND.split(last)]
        # "and" inside brackets ("(1 and 2)") is not a top-level separator.
        if any(_top_level_positions(p) is None for p in pieces):
            return None
        parts.extend(pieces)
    return None if any(not p for p in parts) else parts


def strip_brackets(s: str, pairs: tuple[tuple[str, str], ...]) -> str | None:
    """The inside of s when one bracket pair from `pairs` encloses all of it, else None."""
    for left, right in pairs:
        fits = s.startswith(left) and s.endswith(right) and len(s) >= len(left) + len(right)
        # "(1, 2), (3, 4)" starts and ends with brackets that are not one pair.
        if fits and (left.startswith("\\") or encloses(s, 0)):
            inner = s[len(left) : len(s) - len(right)].strip()
            return inner or None
    return None


# --- numbers: fraction characters -----------------------------------------------------------

# The explicit fraction characters a reader writes for a number. All other non-ASCII digits
# (Arabic-Indic, fullwidth, superscripts, ...) stay rejected: the number regexes are ASCII.
VULGAR_FRACTIONS = {
    "\u00bd": Fraction(1, 2),
    "\u2153": Fraction(1, 3),
    "\u2154": Fraction(2, 3),
    "\u00bc": Fraction(1, 4),
    "\u00be": Fraction(3, 4),
    "\u2155": Fraction(1, 5),
    "\u2156": Fraction(2, 5),
    "\u2157": Fraction(3, 5),
    "\u2158": Fraction(4, 5),
    "\u2159": Fraction(1, 6),
    "\u215a": Fraction(5, 6),
    "\u2150": Fraction(1, 7),
    "\u215b": Fraction(1, 8),
    "\u215c": Fraction(3, 8),
    "\u215d": Fraction(5, 8),
    "\u215e": Fraction(7, 8),
    "\u2151": Fraction(1, 9),
    "\u2152": Fraction(1, 10),
}


# --- units and count words ------------------------------------------------------------------

# Unit families a numeric answer may carry, with the suffixes that write each.
UNITS = ("percent", "degrees", "cents")
_UNIT_SUFFIX = {
    "percent": r"\\?%|per\s?cent",
    "degrees": r"\u00b0|\^\s*\\circ|\^\s*\{\s*\\circ\s*\}|\\degree|degrees?",
    "cents": r"\u00a2|cents?",
}
# A value with a suffix is short; longer texts are rejected before any regex runs, so the
# lazy value group below never backtracks over a long input.
MAX_SUFFIXED_CHARS = 320
_SUFFIXED = re.compile(
    r"(?P<value>.+?)(?:\s*(?:"
    + "|".join(f"(?P<{name}>{pattern})" for name, pattern in _UNIT_SUFFIX.items())
    + r")|(?<=[0-9])\s+(?P<word>[a-z]{2,24}))",
    re.IGNORECASE | re.DOTALL | re.ASCII,  # ASCII: [a-z] never matches long s or the Kelvin sign
)


def split_suffix(s: str) -> tuple[str, str, str] | None:
    """(value text, kind, suffix) when s is something followed by a unit suffix or by one plain
    word ("30%" -> ("30", "percent", "%"); "2 shapes" -> ("2", "word", "shapes")), else None."""
    if len(s) > MAX_SUFFIXED_CHARS:
        return None
    m = _SUFFIXED.fullmatch(s)
    if m is None:
        return None
    for kind in (*UNITS, "word"):
        if m[kind] is not None:
            return m["value"], kind, m[kind].casefold()
    return None  # pragma: no cover - one group always matches


# Words that change or qualify a number, join alternatives, or name a unit family: never a
# count word, even when the question uses them ("3 thousand" is not 3, "3 or" is a hedge).
_NOT_COUNT_TEXT = (
    "or and nor to than plus minus times over by of per more less fewer most least about "
    "around approx approximately roughly nearly almost maybe perhaps probably possibly "
    "likely ish total hundred thousand million billion trillion dozen score half quarter "
    "third zero one two three four five six seven eight nine ten eleven twelve "
    "percent percentage cent cents degree degrees is are was were be the an it its this "
    "that there what which how many much"
)
_NOT_COUNT_WORDS = frozenset(_NOT_COUNT_TEXT.split())
_WORD = re.compile(r"[a-z]{2,24}", re.ASCII)


def _word_forms(word: str) -> set[str]:
    """A word and its singular guesses, so "shape" and "shapes" (or "box"/"boxes") meet."""
    forms = {word}
    if word.endswith("ies"):
        forms.add(word[:-3] + "y")
    if word.endswith("es"):
        forms.add(word[:-2])
    if word.endswith("s"):
        forms.add(word[:-1])
    return forms


# What a question asks, recognised by explicit phrases only ("the degree of node A" is not
# an angle; "in degrees" / "how many degrees" is).
_ASKED_UNIT = {
    "percent": re.compile(r"\bper\s?cent(?:age)?\b|%", re.IGNORECASE),
    "degrees": re.compile(r"\b(?:in|how many) degrees\b", re.IGNORECASE),
    "cents": re.compile(r"\b(?:in|how many) cents\b", re.IGNORECASE),
}
# Questions are short; a huge "question" field in an untrusted row is only read this far.
_MAX_QUESTION_CHARS = 20_000


@dataclass(frozen=True)
class Asked:
    """What the question asks beyond its answer type: the unit of a numeric answer, the
    words a count may carry ("2 shapes"), and the texts of lettered options ("B. 3")."""

    unit: str | None = None
    count_words: frozenset[str] = frozenset()
    options: tuple[str, ...] | None = None

    def counts(self, word: str) -> bool:
        """True when `word` (lower case) names what the question counts."""
        if word in _NOT_COUNT_WORDS:
            return False
        return not _word_forms(word).isdisjoint(self.count_words)


def asked_by(question: str | None, options: list[str] | tuple[str, ...] | None = None) -> Asked:
    """Read the unit and the count words from a question text (None: nothing is known)."""
    if question is None:
        return Asked(options=None if options is None else tuple(options))
    q = question[:_MAX_QUESTION_CHARS]
    units = [u for u, pattern in _ASKED_UNIT.items() if pattern.search(q)]
    words: set[str] = set()
    for w in _WORD.findall(q.lower()):
        if w not in _NOT_COUNT_WORDS:
            words |= _word_forms(w)
    return Asked(
        unit=units[0] if len(units) == 1 else None,  # two units asked: accept neither
        count_words=frozenset(words),
        options=None if options is None else tuple(options),
    )


# --- directions -----------------------------------------------------------------------------

# Families of direction labels; each group lists the compact forms of one direction.
_DIRECTION_FAMILIES: tuple[tuple[frozenset[str], ...], ...] = tuple(
    tuple(frozenset(g.split()) for g in family)
    for family in (
        ("north n", "northeast ne", "east e", "southeast se", "south s", "southwest sw")
        + ("west w", "northwest nw"),
        ("clockwise cw", "anticlockwise counterclockwise ccw"),
        ("up", "upright", "right", "downright", "down", "downleft", "left", "upleft"),
    )
)
_COMPACT_DROP = re.compile(r"[\s.\-_]+")


def compact(s: str) -> str | None:
    """Lower case without spaces, hyphens, dots: "North-East" -> "northeast" (ASCII only,
    since casefold maps some other letters onto ASCII ones)."""
    return _COMPACT_DROP.sub("", s.casefold()) if s.isascii() and len(s) <= 64 else None


def direction_aliases(labels: list[str]) -> dict[str, str]:
    """Compact synonym -> label, when every label is a direction of one family
    (["north", "north-east", ...] gets "ne", "northeast", "north east"; ["clockwise",
    "anticlockwise"] gets "counterclockwise", "ccw", ...); else no aliases."""
    for family in _DIRECTION_FAMILIES:
        groups: dict[frozenset[str], str] = {}
        for label in labels:
            key = compact(label)
            group = next((g for g in family if key in g), None)
            if group is None or group in groups:
                break
            groups[group] = label
        else:
            return {form: label for group, label in groups.items() for form in group}
    return {}
