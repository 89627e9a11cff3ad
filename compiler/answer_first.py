"""Stage 2, a warning: a `require` that depends on a random draw the answer is made from.

Balancing by drawing the answer first (`param hits = randint(1, 6)`) and then `require`-ing
the scene to match silently skews the answers: a rejected draw redraws `hits` too, and the
values that are harder to match come out less often. `given hits = randint(1, 6)` draws it
once per sample and keeps it across retries. The analysis follows parameters by name: the
answer's drawn values are the parameters it reaches that call a random function and are not
themselves computed from other random parameters, reached from the answer through computed
(non-random) parameters only: a count of a random scatter is made from the scene, not drawn."""

from __future__ import annotations

from tron.compiler import syntax as s
from tron.compiler.diagnostics import Diagnostic
from tron.compiler.limits import children
from tron.stdlib.registry import CATALOGUE


def scan(e: s.Expr) -> tuple[set[str], bool]:
    """The names an expression reads, and whether it calls a random stdlib function."""
    names: set[str] = set()
    random = False
    stack: list[s.Expr | s.CompFor] = [e]
    while stack:
        node = stack.pop()
        if isinstance(node, s.Name):
            names.add(node.id)
        elif isinstance(node, s.Call):
            fn = CATALOGUE.get(node.func)
            random = random or bool(fn and fn.random)
        stack.extend(children(node))
    return names, random


# Draws of one value. A root made by another random call (a scatter, a tree, a shuffled
# list) or by a comprehension is the scene itself: rejecting it is ordinary sampling, and
# the balance gate measures what comes out.
SCALAR_DRAWS = frozenset({"randint", "choice", "coin", "uniform", "weighted_choice"})


def scalar_draw(e: s.Expr) -> bool:
    """Whether an expression draws one value (no structure-making random call, no list)."""
    stack: list[s.Expr | s.CompFor] = [e]
    while stack:
        node = stack.pop()
        if isinstance(node, s.Comprehension | s.ListLit):
            return False
        if isinstance(node, s.Call):
            fn = CATALOGUE.get(node.func)
            if fn and fn.random and node.func not in SCALAR_DRAWS:
                return False
        stack.extend(children(node))
    return True


def closure(start: set[str], refs: dict[str, set[str]]) -> set[str]:
    seen, todo = set(), [n for n in start if n in refs]
    while todo:
        n = todo.pop()
        if n not in seen:
            seen.add(n)
            todo.extend(m for m in refs[n] if m in refs and m not in seen)
    return seen


def warnings(spec: s.Spec) -> list[Diagnostic]:
    params = [st for st in spec.stmts if isinstance(st, s.Param)]
    answer = next((st for st in spec.stmts if isinstance(st, s.Answer)), None)
    if answer is None:
        return []
    refs: dict[str, set[str]] = {}
    random: set[str] = set()
    for p in params:
        names, rnd = scan(p.value)
        refs[p.name] = names
        if rnd:
            random.add(p.name)
    values = {p.name: p.value for p in params}
    roots = {n for n in random if not (closure(refs[n], refs) & random) and scalar_draw(values[n])}
    # The draws the answer reads directly or through computed (non-random) parameters only.
    determined = {n: (set() if n in random else refs[n]) for n in refs}
    drawn = closure(scan(answer.value)[0], determined) & roots
    order = [p.name for p in params]
    out = []
    for st in spec.stmts:
        if not isinstance(st, s.Require):
            continue
        hit = [n for n in order if n in closure(scan(st.cond)[0], refs) & drawn]
        if hit:
            name = hit[0]
            out.append(
                Diagnostic(
                    spec.path,
                    st.cond.span,
                    f"this requirement depends on '{name}', a random draw the answer is made "
                    "from: a rejected draw redraws it too, which skews the answers",
                    f"draw it with 'given {name} = ...' (kept across retries) if the scene "
                    "should be made to fit it",
                    severity="warning",
                )
            )
    return out
