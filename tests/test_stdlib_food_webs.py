"""Food webs: the random web's shape, the longest chain against a brute force, and the
starvation cascade against a direct fixed-point check."""

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from tron.stdlib.food_webs import food_web, longest_food_chain, random_food_web, starved_species

_levels = st.lists(st.integers(1, 3), min_size=2, max_size=4)


def _level_of(levels):
    return [k for k, s in enumerate(levels) for _ in range(s)]


@settings(max_examples=60, deadline=None)
@given(_levels, st.integers(0, 3), st.integers(0, 2), st.integers(0, 10**6))
def test_random_web_feeds_every_animal_from_below(levels, extra, skips, seed):
    eats = random_food_web(random.Random(seed), levels, extra, skips)
    lv = _level_of(levels)
    pairs = {(e["a"], e["b"]) for e in eats}
    assert len(pairs) == len(eats)
    for a, b in pairs:
        assert lv[b] - lv[a] in (1, 2)
    for s, k in enumerate(lv):
        if k > 0:  # every animal eats something on the level just below
            assert any(b == s and lv[a] == k - 1 for a, b in pairs)


def _chains(n, pairs, s):
    # Longest chain ending at s, by trying every food of s.
    foods = [a for a, b in pairs if b == s]
    return 1 + max((_chains(n, pairs, a) for a in foods), default=0)


@settings(max_examples=60, deadline=None)
@given(_levels, st.integers(0, 3), st.integers(0, 2), st.integers(0, 10**6))
def test_longest_chain_and_starvation(levels, extra, skips, seed):
    eats = random_food_web(random.Random(seed), levels, extra, skips)
    n = sum(levels)
    pairs = [(e["a"], e["b"]) for e in eats]
    assert longest_food_chain(n, eats) == max(_chains(n, pairs, s) for s in range(n))
    for r in range(n):
        dead = set(starved_species(n, eats, r)) | {r}
        assert r not in starved_species(n, eats, r)
        for s in range(n):
            foods = {a for a, b in pairs if b == s}
            # The dead set is exactly the fixed point: a live animal keeps a live food.
            if s != r:
                assert (s in dead) == (bool(foods) and foods <= dead)


def test_removing_the_only_plant_starves_every_animal():
    eats = [{"a": 0, "b": 1, "w": 1}, {"a": 1, "b": 2, "w": 1}, {"a": 0, "b": 2, "w": 1}]
    assert starved_species(3, eats, 0) == [1, 2]
    assert starved_species(3, eats, 1) == []


def test_drawing_keys_species_and_links():
    eats = random_food_web(random.Random(1), [2, 2, 1], 1, 1)
    comp = food_web(random.Random(2), ["Grass", "Moss", "Deer", "Mouse", "Owl"], [2, 2, 1], eats)
    keys = set(comp.subkeys())
    assert {f"s{i}" for i in range(5)} | {f"e{k}" for k in range(len(eats))} <= keys
