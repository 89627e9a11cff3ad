"""Polyominoes: transforms, chirality, random and free polyominoes, drawing."""

from __future__ import annotations

import random

from tron import stdlib as rt
from tron.render.scene import Rect


def cells(*pairs: tuple[int, int]) -> list[dict[str, int]]:
    return [{"row": r, "col": c} for r, c in pairs]


def free_polyominoes(n: int) -> set[tuple[tuple[int, int], ...]]:
    """Every free n-omino, as the smallest key over its eight orientations."""

    def key(cs: list[dict[str, int]]) -> tuple[tuple[int, int], ...]:
        return min(
            tuple((c["row"], c["col"]) for c in rt.cells_transform(cs, k, m))
            for k in range(4)
            for m in (False, True)
        )

    shapes = {key(cells((0, 0)))}
    for _ in range(n - 1):
        grown = set()
        for s in shapes:
            have = set(s)
            for r, c in s:
                for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
                    if (r + dr, c + dc) not in have:
                        grown.add(key(cells(*s, (r + dr, c + dc))))
        shapes = grown
    return shapes


def test_transform_rotates_clockwise_and_mirrors() -> None:
    ell = cells((0, 0), (1, 0), (2, 0), (2, 1))  # an L
    assert rt.cells_transform(ell, 1, False) == cells((0, 0), (0, 1), (0, 2), (1, 0))
    assert rt.cells_transform(ell, 4, False) == rt.normalise_cells(ell)
    assert rt.cells_transform(ell, 0, True) == cells((0, 1), (1, 1), (2, 0), (2, 1))
    assert rt.normalise_cells(cells((3, 5), (3, 4), (3, 5))) == cells((0, 0), (0, 1))


def test_rotation_and_chirality() -> None:
    ell = cells((0, 0), (1, 0), (2, 0), (2, 1))
    assert rt.is_rotation_of(ell, rt.cells_transform(ell, 3, False))
    assert not rt.is_rotation_of(ell, rt.cells_transform(ell, 1, True))
    assert rt.is_chiral(ell)
    tee = cells((0, 0), (0, 1), (0, 2), (1, 1))
    assert not rt.is_chiral(tee)
    # 5 of the 12 free pentominoes are symmetric under a mirror (I, T, U, V, W, X -> 6).
    pents = free_polyominoes(5)
    assert len(pents) == 12
    assert sum(not rt.is_chiral(cells(*p)) for p in pents) == 6


def test_random_polyomino_connected_and_deterministic() -> None:
    for seed in range(20):
        p = rt.random_polyomino(random.Random(seed), 7)
        assert p == rt.random_polyomino(random.Random(seed), 7)
        assert len(p) == 7 and p == rt.normalise_cells(p)
        have = {(c["row"], c["col"]) for c in p}
        seen, todo = {next(iter(have))}, [next(iter(have))]
        while todo:
            r, c = todo.pop()
            for q in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
                if q in have and q not in seen:
                    seen.add(q)
                    todo.append(q)
        assert seen == have


def test_cells_figure_centred() -> None:
    comp = rt.cells_figure(cells((0, 0), (0, 1), (1, 1)), 100, 100, 20, "red")
    assert all(isinstance(item, Rect) for item, _ in comp.items)
    assert len(comp.items) == 3
    assert comp.bbox()[0] < 80.5 and comp.bbox()[2] > 119.5


def test_free_polyominoes_counts() -> None:
    assert [len(rt.free_polyominoes(n)) for n in range(1, 8)] == [1, 1, 2, 5, 12, 35, 108]
    assert {tuple((c["row"], c["col"]) for c in p) for p in rt.free_polyominoes(6)} == set(
        free_polyominoes(6)
    )
    assert sum(rt.is_cube_net(p) for p in rt.free_polyominoes(6)) == 11
    assert all(p == rt.normalise_cells(p) for p in rt.free_polyominoes(5))
