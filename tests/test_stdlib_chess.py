"""Chess: piece attacks and knight distances against brute force."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tron import stdlib as rt


def _slow_attacks(n: int, kind: str, at: int, occ: list[int]) -> list[int]:
    r0, c0 = divmod(at, n)
    out = []
    for t in range(n * n):
        if t == at:
            continue
        r, c = divmod(t, n)
        dr, dc = r - r0, c - c0
        if kind == "knight":
            if sorted((abs(dr), abs(dc))) == [1, 2]:
                out.append(t)
            continue
        if kind == "king":
            if max(abs(dr), abs(dc)) == 1:
                out.append(t)
            continue
        straight = dr == 0 or dc == 0
        diag = abs(dr) == abs(dc)
        ok = {"rook": straight, "bishop": diag, "queen": straight or diag}[kind]
        if not ok:
            continue
        k = max(abs(dr), abs(dc))
        sr, sc = (dr > 0) - (dr < 0), (dc > 0) - (dc < 0)
        between = [(r0 + sr * j) * n + c0 + sc * j for j in range(1, k)]
        if not any(b in occ for b in between):
            out.append(t)
    return out


@settings(max_examples=200, deadline=None)
@given(st.integers(3, 7), st.sampled_from(["king", "queen", "rook", "bishop", "knight"]), st.data())
def test_attacks_match_brute_force(n: int, kind: str, data: st.DataObject) -> None:
    at = data.draw(st.integers(0, n * n - 1))
    occ = data.draw(st.lists(st.integers(0, n * n - 1), max_size=8))
    assert rt.piece_attacks(n, kind, at, occ) == _slow_attacks(n, kind, at, occ)


@settings(max_examples=150, deadline=None)
@given(st.integers(3, 6), st.data())
def test_knight_distance_is_least_moves(n: int, data: st.DataObject) -> None:
    a = data.draw(st.integers(0, n * n - 1))
    b = data.draw(st.integers(0, n * n - 1))
    blocked = data.draw(st.lists(st.integers(0, n * n - 1), max_size=6))
    d = rt.knight_distance(n, a, b, blocked)
    # brute force: squares reachable in exactly k moves, k = 0..n*n
    frontier, k = {a}, 0
    bad = set(blocked) - {a}
    expect = -1
    seen = set(frontier)
    while frontier:
        if b in frontier:
            expect = k
            break
        nxt = set()
        for s in frontier:
            nxt |= {t for t in rt.piece_attacks(n, "knight", s, []) if t not in bad}
        frontier = nxt - seen
        seen |= nxt
        k += 1
    assert d == expect


def test_knight_corner_to_corner() -> None:
    assert rt.knight_distance(8, 0, 63, []) == 6
    assert rt.knight_distance(3, 0, 4, []) == -1
