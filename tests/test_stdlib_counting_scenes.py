"""Counting scenes: the open curve component."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tron import stdlib as rt
from tron.render.scene import Polyline

coords = st.floats(min_value=0, max_value=512, allow_nan=False)


@given(st.lists(st.tuples(coords, coords), min_size=2, max_size=60))
def test_open_curve_keeps_every_point_in_order(pts: list[tuple[float, float]]) -> None:
    comp = rt.open_curve([{"x": x, "y": y} for x, y in pts], "blue", 3)
    items = [item for item, _ in comp.items]
    assert len(items) == 1 and isinstance(items[0], Polyline)
    assert items[0].points == tuple(pts)
    assert items[0].style.fill is None


def test_open_curve_needs_two_points() -> None:
    with pytest.raises(ValueError):
        rt.open_curve([{"x": 1.0, "y": 2.0}], "blue", 3)


# Graph counts, each against a brute force over small random graphs.

import itertools  # noqa: E402

pair_lists = st.integers(min_value=2, max_value=7).flatmap(
    lambda n: st.tuples(
        st.just(n),
        st.lists(
            st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)).filter(lambda p: p[0] < p[1]),
            unique=True,
            max_size=12,
        ),
    )
)


def _edges(pairs: list[tuple[int, int]]) -> list[dict[str, int]]:
    return [{"a": a, "b": b, "w": 1} for a, b in pairs]


def _pieces(n: int, pairs: list[tuple[int, int]]) -> int:
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            x = parent[x]
        return x

    for a, b in pairs:
        parent[find(a)] = find(b)
    return len({find(i) for i in range(n)})


@given(pair_lists)
def test_bridge_count_matches_removal(case: tuple[int, list[tuple[int, int]]]) -> None:
    n, pairs = case
    want = sum(1 for p in pairs if _pieces(n, [q for q in pairs if q != p]) > _pieces(n, pairs))
    assert rt.bridge_count(n, _edges(pairs)) == want


@given(pair_lists, st.integers(3, 5))
def test_cycle_count_matches_permutations(case: tuple[int, list[tuple[int, int]]], k: int) -> None:
    n, pairs = case
    es = set(pairs)
    cycles = set()
    for nodes in itertools.permutations(range(n), k):
        if all(tuple(sorted((nodes[i], nodes[(i + 1) % k]))) in es for i in range(k)):
            cycles.add(frozenset(tuple(sorted((nodes[i], nodes[(i + 1) % k]))) for i in range(k)))
    assert rt.cycle_count(n, _edges(pairs), k) == len(cycles)


@given(pair_lists)
def test_simple_path_count_matches_permutations(case: tuple[int, list[tuple[int, int]]]) -> None:
    n, pairs = case
    es = set(pairs)
    want = 0
    middle = list(range(1, n - 1))
    for size in range(len(middle) + 1):
        for inner in itertools.permutations(middle, size):
            route = (0, *inner, n - 1)
            if all(tuple(sorted(route[i : i + 2])) in es for i in range(len(route) - 1)):
                want += 1
    assert rt.simple_path_count(n, _edges(pairs), 0, n - 1) == want


def test_euler_start_count_cases() -> None:
    square = _edges([(0, 1), (1, 2), (2, 3), (0, 3)])
    assert rt.euler_start_count(4, square) == 4
    path = _edges([(0, 1), (1, 2)])
    assert rt.euler_start_count(4, path) == 2  # node 3 is isolated and does not matter
    star = _edges([(0, 1), (0, 2), (0, 3)])
    assert rt.euler_start_count(4, star) == 0
    two_pieces = _edges([(0, 1), (2, 3)])
    assert rt.euler_start_count(4, two_pieces) == 0
    with pytest.raises(ValueError):
        rt.bridge_count(3, _edges([(0, 5)]))
