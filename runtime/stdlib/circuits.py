"""Circuits: logic-gate networks (AND, OR, XOR, NAND, NOR, NOT).

A gate network is given as signals: signals 0..k-1 are the inputs, signal k + j is gate j's
output; gate j reads signals a[j] and b[j] (b is ignored by NOT), which must come before it.
The last gate is the circuit's output. Drawn circuits are trees (each signal read once; an
input may appear in several boxes), laid out so that no two wires cross.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from tron.render.scene import Line, Polyline, Rect, Style, Text
from tron.stdlib._style import INK
from tron.stdlib.component import CANVAS, Component, SampleRejected
from tron.stdlib.registry import stdfn

DOMAIN = "Circuits"

GATES = ("AND", "OR", "XOR", "NAND", "NOR", "NOT")


def _check(k: int, gates: Sequence[str], a: Sequence[int], b: Sequence[int]) -> None:
    if not (len(gates) == len(a) == len(b)) or k < 1 or not gates:
        raise ValueError("logic circuit: one a and one b per gate, at least one input and gate")
    for j, g in enumerate(gates):
        if g not in GATES:
            raise ValueError(f"logic circuit: unknown gate {g!r} (one of {', '.join(GATES)})")
        if not (0 <= a[j] < k + j and (g == "NOT" or 0 <= b[j] < k + j)):
            raise ValueError(f"logic circuit: gate {j} must read earlier signals")


def _gate(kind: str, x: int, y: int) -> int:
    if kind == "AND":
        return x & y
    if kind == "OR":
        return x | y
    if kind == "XOR":
        return x ^ y
    if kind == "NAND":
        return 1 - (x & y)
    if kind == "NOR":
        return 1 - (x | y)
    return 1 - x


@stdfn("list[int], list[str], list[int], list[int] -> list[int]")
def circuit_signals(inputs: list[int], gates: list[str], a: list[int], b: list[int]) -> list[int]:
    """Every signal's value (0/1): the inputs, then gate j's output at k + j, where gate j
    applies gates[j] ("AND", "OR", "XOR", "NAND", "NOR" or "NOT") to signals a[j] and b[j]."""
    k = len(inputs)
    _check(k, gates, a, b)
    if any(v not in (0, 1) for v in inputs):
        raise ValueError("circuit_signals: inputs are 0 or 1")
    sig = list(inputs)
    for j, g in enumerate(gates):
        sig.append(_gate(g, sig[a[j]], sig[b[j]] if g != "NOT" else 0))
    return sig


def _heights(k: int, gates: Sequence[str], a: Sequence[int], b: Sequence[int]) -> list[int]:
    d = [0] * k
    for j, g in enumerate(gates):
        d.append(1 + max(d[a[j]], d[b[j]] if g != "NOT" else 0))
    return d


def _reads(gates: Sequence[str], a: Sequence[int], b: Sequence[int]) -> list[list[int]]:
    return [[a[j]] if g == "NOT" else [a[j], b[j]] for j, g in enumerate(gates)]


@stdfn("int, int, int -> list[list[int]]", random=True)
def random_gate_tree(rng: random.Random, k: int, nots: int, max_height: int) -> list[list[int]]:
    """Wiring of a random tree of gates over k input signals, each signal read exactly once:
    [a, b, unary] where gate j reads signals a[j] and b[j] (b[j] == a[j] and unary[j] == 1 for
    the `nots` one-input gates, none of them last). No input is deeper than `max_height`
    gates below the last one; the draw is rejected when that cannot be met."""
    if k < 2 or nots < 0:
        raise ValueError("random_gate_tree: at least 2 inputs")
    for _ in range(60):
        pool, height = list(range(k)), [0] * k
        a: list[int] = []
        b: list[int] = []
        unary: list[int] = []
        left = nots
        while len(pool) > 1:
            sig = k + len(a)
            if left and (len(pool) == 2 or rng.random() < 0.4):
                x = pool.pop(rng.randrange(len(pool)))
                a.append(x)
                b.append(x)
                unary.append(1)
                height.append(height[x] + 1)
                left -= 1
            else:
                x = pool.pop(rng.randrange(len(pool)))
                y = pool.pop(rng.randrange(len(pool)))
                a.append(x)
                b.append(y)
                unary.append(0)
                height.append(max(height[x], height[y]) + 1)
            pool.append(sig)
        if not left and height[-1] <= max_height:
            return [a, b, unary]
    raise SampleRejected("random_gate_tree: no tree low enough")


@stdfn("list[str], list[int], list[str], list[int], list[int] -> Component")
def logic_circuit(
    names: list[str], inputs: list[int], gates: list[str], a: list[int], b: list[int]
) -> Component:
    """A tree of gates (every signal read exactly once, e.g. from `random_gate_tree`) drawn
    left to right without crossings: input signal i as a box "names[i] = inputs[i]" (names
    may repeat; subkey "in<i>"), gate j as a box with its name (subkey "g<j>"), the wire
    leaving signal s "net<s>", and the last gate's output to a box "OUT ?" (subkey "out")."""
    k = len(inputs)
    _check(k, gates, a, b)
    reads = _reads(gates, a, b)
    used = sorted(s for r in reads for s in r)
    if len(names) != k or used != list(range(k + len(gates) - 1)):
        raise ValueError("logic_circuit: one name per input; every signal but the last read once")
    height = _heights(k, gates, a, b)
    cols = height[-1] + 1
    box_w, box_h = 56.0, 34.0
    col_w = (CANVAS - 24 - 76) / cols  # 76 px on the right for the OUT box
    if col_w - box_w < 24:
        raise SampleRejected("logic_circuit: too many gate columns")
    # Leaves in the order a walk from the output meets them; a gate sits level with the middle
    # of what it reads, so subtrees keep to their own bands and no wires cross.
    order: list[int] = []
    todo = [k + len(gates) - 1]
    while todo:
        s = todo.pop()
        if s < k:
            order.append(s)
        else:
            todo.extend(reversed(reads[s - k]))
    gap = (CANVAS - 40) / k
    if gap < box_h + 8:
        raise SampleRejected("logic_circuit: too many inputs")
    ys: dict[int, float] = {s: 20 + gap * (i + 0.5) for i, s in enumerate(order)}
    for j in range(len(gates)):
        ys[k + j] = sum(ys[s] for s in reads[j]) / len(reads[j])
    xs = [12 + col_w * h + (col_w - box_w) / 2 for h in height]
    comp = Component()
    wire = Style(stroke="black", stroke_width=2.0)
    for j, r in enumerate(reads):
        tx, ty = xs[k + j], ys[k + j]
        mid = tx - (col_w - box_w) / 2
        for p, s in enumerate(r):
            end_y = ty if len(r) == 1 else ty + box_h * (-0.22 if p == 0 else 0.22)
            pts = ((xs[s] + box_w, ys[s]), (mid, ys[s]), (mid, end_y), (tx, end_y))
            line = Polyline(tuple((round(x, 2), round(y, 2)) for x, y in pts), style=wire)
            comp.add(line, f"net{s}")
    root = k + len(gates) - 1
    ox, oy = xs[root] + box_w, ys[root]
    comp.add(Line(ox, oy, ox + 20, oy, arrow=True, style=wire), "out")
    out_box = Rect(ox + 22, oy - box_h / 2, box_w, box_h, rx=6, style=Style(fill="#fff4cc"))
    comp.add(out_box, "out")
    comp.add(Text(ox + 22 + box_w / 2, oy, "OUT ?", size=14, bold=True, style=INK), "out")
    for s in range(k + len(gates)):
        x, y = xs[s], ys[s] - box_h / 2
        text = f"{names[s]} = {inputs[s]}" if s < k else gates[s - k]
        fill, key = ("#e8f0ff", f"in{s}") if s < k else ("white", f"g{s - k}")
        comp.add(Rect(x, y, box_w, box_h, rx=4 if s < k else 12, style=Style(fill=fill)), key)
        comp.add(Text(x + box_w / 2, ys[s], text, size=15, bold=True, style=INK), key)
    return comp
