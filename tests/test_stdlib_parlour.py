"""Letter sums, draughts captures and poker hands against brute-force references."""

import collections
import itertools
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from tron.stdlib.component import SampleRejected
from tron.stdlib.parlour import (
    crypt_solutions,
    draughts_take,
    poker_category,
    poker_hand,
    poker_winner,
    random_cryptarithm,
    random_draughts,
)

# ---------------------------------------------------------------------------------------------
# Cryptarithms: every assignment of digits to letters tried.


def _brute_crypt(addends, total):
    letters = sorted(set("".join(addends) + total))
    lead = {w[0] for w in [*addends, total] if len(w) > 1}
    out = []
    for digits in itertools.permutations(range(10), len(letters)):
        v = dict(zip(letters, digits, strict=True))
        if any(v[ch] == 0 for ch in lead):
            continue

        def num(w, v=v):
            return int("".join(str(v[ch]) for ch in w))

        if sum(num(a) for a in addends) == num(total):
            out.append(list(digits))
    return sorted(out)


words = st.text(alphabet="ABCDE", min_size=1, max_size=3)


@settings(max_examples=60, deadline=None)
@given(st.lists(words, min_size=1, max_size=3), words)
def test_crypt_solutions_match_brute_force(addends, total):
    assert crypt_solutions(addends, total, 100) == _brute_crypt(addends, total)[:100]


@settings(max_examples=20, deadline=None)
@given(
    st.integers(0, 10**6), st.lists(st.integers(2, 3), min_size=2, max_size=2), st.integers(3, 6)
)
def test_random_cryptarithm_has_one_solution(seed, lens, pool):
    try:
        w = random_cryptarithm(random.Random(seed), lens, pool)
    except SampleRejected:
        return  # a rejected draw is allowed: no single-solution sum among the bounded tries
    assert [len(x) for x in w[:-1]] == lens
    assert len(_brute_crypt(w[:-1], w[-1])) == 1


# ---------------------------------------------------------------------------------------------
# Draughts: every jump sequence enumerated as explicit states (square, pieces jumped).


def _brute_take(n, board, i):
    if board[i] not in (1, 2):
        return 0
    dirs = [(-1, -1), (-1, 1)] + ([(1, -1), (1, 1)] if board[i] == 2 else [])
    empty = {s for s in range(n * n) if board[s] == 0} | {i}
    best = 0
    states = [(i, frozenset())]
    while states:
        at, taken = states.pop()
        best = max(best, len(taken))
        r, c = divmod(at, n)
        for dr, dc in dirs:
            if 0 <= r + 2 * dr < n and 0 <= c + 2 * dc < n:
                over = (r + dr) * n + c + dc
                land = (r + 2 * dr) * n + c + 2 * dc
                if board[over] in (3, 4) and over not in taken and land in empty:
                    states.append((land, taken | {over}))
    return best


@st.composite
def boards(draw):
    n = draw(st.sampled_from([4, 6]))
    cells = draw(
        st.lists(st.sampled_from([0, 0, 0, 1, 2, 3, 3, 4]), min_size=n * n, max_size=n * n)
    )
    return n, [v if (k // n + k % n) % 2 == 1 else 0 for k, v in enumerate(cells)]


@settings(max_examples=200, deadline=None)
@given(boards())
def test_draughts_take_matches_state_search(nb):
    n, board = nb
    for i in range(n * n):
        assert draughts_take(n, board, i) == _brute_take(n, board, i)


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 10**6), st.integers(0, 3), st.integers(0, 3))
def test_random_draughts_meets_its_promise(seed, best, kings):
    takers = -1 if best else 0
    board = random_draughts(random.Random(seed), 8, 5, 6, kings, best, takers)
    whites = [s for s in range(64) if board[s] in (1, 2)]
    assert len(whites) == 5 and sum(1 for v in board if v in (3, 4)) == 6
    assert sum(1 for v in board if v in (2, 4)) == kings
    assert all((s // 8 + s % 8) % 2 == 1 for s in range(64) if board[s])
    assert max(_brute_take(8, board, s) for s in whites) == best


# ---------------------------------------------------------------------------------------------
# Poker: categories by rank counts, suits and rank runs written out directly.


def _brute_category(cards):
    ranks = [c // 4 + 2 for c in cards]
    shape = sorted(collections.Counter(ranks).values(), reverse=True)
    flush = len({c % 4 for c in cards}) == 1
    runs = [set(range(lo, lo + 5)) for lo in range(2, 11)] + [{14, 2, 3, 4, 5}]
    straight = set(ranks) in runs
    if straight and flush:
        return 8
    table = {(4, 1): 7, (3, 2): 6}
    if tuple(shape) in table:
        return table[tuple(shape)]
    if flush:
        return 5
    if straight:
        return 4
    return {(3, 1, 1): 3, (2, 2, 1): 2, (2, 1, 1, 1): 1}.get(tuple(shape), 0)


hands = st.lists(st.integers(0, 51), min_size=5, max_size=5, unique=True)


@settings(max_examples=300, deadline=None)
@given(hands)
def test_poker_category_matches_counts(cards):
    assert poker_category(cards) == _brute_category(cards)


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 8), st.integers(0, 10**6))
def test_poker_hand_has_its_category(cat, seed):
    cards = poker_hand(random.Random(seed), cat, list(range(0, 52, 7)))
    assert _brute_category(cards) == cat and not set(cards) & set(range(0, 52, 7))


def _brute_key(cards):
    # rank groups largest first (count, then rank), the wheel's ace low
    ranks = [c // 4 + 2 for c in cards]
    cat = _brute_category(cards)
    if cat in (4, 8) and sorted(ranks) == [2, 3, 4, 5, 14]:
        ranks = [1 if r == 14 else r for r in ranks]
    cnt = collections.Counter(ranks)
    return (cat, sorted(ranks, key=lambda r: (cnt[r], r), reverse=True))


@settings(max_examples=200, deadline=None)
@given(st.lists(hands, min_size=2, max_size=4))
def test_poker_winner_matches_keys(hs):
    keys = [_brute_key(h) for h in hs]
    top = max(keys)
    want = keys.index(top) if keys.count(top) == 1 else -1
    assert poker_winner(hs) == want


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 10**6), st.integers(0, 4), st.integers(0, 3))
def test_random_draughts_takers(seed, takers, kings):
    board = random_draughts(random.Random(seed), 8, 6, 7, kings, -1, takers)
    whites = [s for s in range(64) if board[s] in (1, 2)]
    assert len(whites) == 6 and sum(1 for v in board if v in (3, 4)) == 7
    assert sum(1 for v in board if v in (2, 4)) == kings
    assert not any(board[s] == 1 for s in range(8)) and not any(
        board[s] == 3 for s in range(56, 64)
    )
    assert sum(1 for s in whites if _brute_take(8, board, s) > 0) == takers
