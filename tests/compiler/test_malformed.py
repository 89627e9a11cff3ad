"""One malformed spec per kind of mistake, each asserting the exact line and column reported."""

import pytest

from tron.compiler.diagnostics import SpecError
from tron.compiler.driver import compile_source

HEAD = """env counting/demo
title "Demo"
description "A demo."
bucket counting
levels 0 to 9
version 1
"""
BODY = """param n = 2 + level
question "How many?"
answer integer = n
"""
H = HEAD.count("\n")  # body lines start at H + 1

CASES = [
    # (name, spec text, line, col, message fragment)
    ("syntax: missing operand", HEAD + "param n = 2 +\n" + BODY, H + 2, 7, "unexpected 'n'"),
    ("syntax: bad character", HEAD + "param n = 2 $ 3\n" + BODY, H + 1, 13, "unexpected character"),
    ("unterminated string", HEAD + 'question "abc\n' + BODY, H + 1, 10, "unterminated string"),
    ("unknown escape", HEAD + BODY + 'check n > 0 as "a\\qb"\n', H + 4, 18, "unknown escape"),
    ("unknown name", HEAD + "param n = 2 + levle\n" + BODY[19:], H + 1, 15, "unknown name 'levle'"),
    ("unknown function", HEAD + BODY + "check cnt([1]) > 0\n", H + 4, 7, "unknown function 'cnt'"),
    ("wrong arity", HEAD + BODY + "check randint(1) > 0\n", H + 4, 7, "missing argument"),
    ("too many args", HEAD + BODY + "check abs(1, 2) > 0\n", H + 4, 7, "at most 1 argument"),
    (
        "unknown keyword",
        HEAD + BODY + "check randint(1, 2, step=3) > 0\n",
        H + 4,
        21,
        "no parameter 'step'",
    ),
    ("type error", HEAD + BODY + 'check n + "a" > 0\n', H + 4, 7, "'+' needs numbers"),
    ("condition type", HEAD + BODY + "check n\n", H + 4, 7, "expected a condition"),
    ("bad field", HEAD + "param p = {x: 1}\n" + BODY + "check p.y > 0\n", H + 5, 9, "no field 'y'"),
    (
        "placeholder names nothing",
        HEAD + 'param n = 2\nquestion "How {m}?"\nanswer integer = n\n',
        H + 2,
        15,
        "names nothing",
    ),
    (
        "placeholder in the second of two joined strings",
        HEAD + 'param n = 2\nquestion "How many "\n  "of {m}?"\nanswer integer = n\n',
        H + 3,
        7,
        "names nothing",
    ),
    (
        "bad placeholder format",
        HEAD + 'param n = 2\nquestion "How {n:shout}?"\nanswer integer = n\n',
        H + 2,
        15,
        "unknown placeholder format",
    ),
    (
        "unmatched brace",
        HEAD + 'param n = 2\nquestion "How } many"\nanswer integer = n\n',
        H + 2,
        15,
        "unmatched '}'",
    ),
    ("unused parameter", HEAD + "param unused = 3\n" + BODY, H + 1, 7, "never used"),
    (
        "draw loop variable overwrites a parameter",
        HEAD + BODY + 'draw circle(9 * n, 9, 4, "red") for n in range(0, 3)\n',
        H + 4,
        37,
        "draw loop variable 'n' has the name of the one defined on line",
    ),
    (
        "layout names no draw key",
        HEAD + BODY + 'draw circle(9, 9, 4, "red") key "dot"\nlayout "dot" clears "rim" by 2\n',
        H + 5,
        21,
        "'rim', which no draw statement keys",
    ),
    (
        "layout names a decor",
        HEAD
        + BODY
        + 'draw circle(9, 9, 4, "red") key "dot"\ndecor circle(9, 9, 40, "red") key "rim"\n'
        + 'layout "dot" inside "rim"\n',
        H + 6,
        21,
        "'rim', which no draw statement keys",
    ),
    (
        "misspelt layout relation",
        HEAD + BODY + 'draw circle(9, 9, 4, "red") key "dot"\nlayout "dot" nearest "dot" by 2\n',
        H + 5,
        14,
        "unknown layout relation 'nearest'",
    ),
    (
        "layout rank with a second object",
        HEAD
        + BODY
        + 'draw circle(9, 9, 4, "red") for i in range(0, 2) key "dot"\n'
        + 'layout "dot" largest "dot.1" by 20%\n',
        H + 5,
        1,
        "layout relation 'largest' takes no second object",
    ),
    (
        "layout area margin in pixels",
        HEAD
        + BODY
        + 'draw circle(9, 9, 4, "red") for i in range(0, 2) key "dot"\n'
        + 'layout "dot" largest by 20\n',
        H + 5,
        1,
        "layout relation 'largest' measures in percent",
    ),
    (
        "layout item of a draw that is not a loop",
        HEAD
        + BODY
        + 'draw circle(9, 9, 4, "red") key "dot"\ndraw circle(9, 9, 4, "red") key "b"\n'
        + 'layout "dot.0" straight_from "b" by 2\n',
        H + 6,
        8,
        "'dot.0', which no draw statement keys",
    ),
    (
        "layout condition type",
        HEAD
        + BODY
        + 'draw circle(9, 9, 4, "red") for i in range(0, 2) key "dot"\n'
        + 'layout "dot" longest by 20% if n\n',
        H + 5,
        32,
        "expected a condition",
    ),
    (
        "layout margin operator",
        HEAD
        + BODY
        + 'draw circle(9, 9, 4, "red") for i in range(0, 2) key "dot"\n'
        + 'layout "dot" longest by 20 /\n',
        H + 5,
        28,
        "unexpected '/' after a layout margin",
    ),
    (
        "answer type mismatch",
        HEAD + 'param n = 2\nquestion "?"\nanswer yesno = n\n',
        H + 3,
        16,
        "needs a value of type bool",
    ),
    (
        "unknown answer type",
        HEAD + 'param n = 2\nquestion "?"\nanswer integr = n\n',
        H + 3,
        8,
        "unknown answer type",
    ),
    (
        "reversed levels",
        HEAD.replace("levels 0 to 9", "levels 5 to 2") + BODY,
        5,
        1,
        "reversed level range",
    ),
    (
        "unknown bucket",
        HEAD.replace("bucket counting", "bucket countng") + BODY,
        4,
        8,
        "unknown bucket",
    ),
    (
        "env id vs path",
        HEAD.replace("counting/demo", "counting/other") + BODY,
        1,
        5,
        "does not match its path",
    ),
    ("missing title", HEAD.replace('title "Demo"\n', "") + BODY, 1, 1, "missing 'title'"),
    ("duplicate header", HEAD + 'title "Again"\n' + BODY, H + 1, 1, "declared twice"),
    (
        "choice without distractors",
        HEAD + 'param n = 2\nquestion "?"\nanswer choice = n\n',
        H + 3,
        1,
        "needs a 'distractors",
    ),
    ("redefined parameter", HEAD + "param n = 1\n" + BODY, H + 2, 7, "already defined"),
    (
        "unknown colour",
        HEAD + 'canvas 512 x 512 background "whte"\n' + BODY,
        H + 1,
        29,
        "unknown colour",
    ),
    ("draw non-component", HEAD + BODY + "draw n\n", H + 4, 6, "draw needs a Component"),
    ("unexpected end", HEAD + "param n = (2", H + 1, 13, "unexpected end of file"),
    (
        "unknown colour argument",
        HEAD + BODY + 'draw shape("circle", 100, 100, 20, "skyblue")\n',
        H + 4,
        36,
        "unknown colour 'skyblue'",
    ),
    ("list item types", HEAD + BODY + 'check [1, "a"] == [1]\n', H + 4, 11, "share a type"),
]


@pytest.mark.parametrize("src,line,col,fragment", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_malformed_spec_reports_location(src, line, col, fragment):
    with pytest.raises(SpecError) as info:
        compile_source(src, "tasks/counting/demo.tron")
    diags = info.value.diagnostics
    hits = [d for d in diags if fragment in d.message]
    assert hits, f"no diagnostic containing {fragment!r}; got: {[d.message for d in diags]}"
    assert (hits[0].span.line, hits[0].span.col) == (line, col), info.value.render()
    text = info.value.render()
    assert "__ANON" not in text and "Traceback" not in text
    assert text.startswith("tasks/counting/demo.tron:")


def test_valid_base_spec_compiles():
    assert compile_source(HEAD + BODY, "tasks/counting/demo.tron").env_id == "counting/demo"
