"""Parlour puzzles and games: letter sums (cryptarithms), draughts captures and poker hands.

Cryptarithm words are upper-case strings; each letter stands for a different digit and no word
starts with 0. A draughts board is a row-major list of n x n squares: 0 empty, 1 white man,
2 white king, 3 black man, 4 black king; white men move up the picture (towards row 0). A
playing card is the code 4 * (rank - 2) + suit, rank 2..14 (11 jack, 12 queen, 13 king, 14 ace)
and suit 0 spades, 1 hearts, 2 diamonds, 3 clubs.
"""

from __future__ import annotations

import random

from tron.stdlib.component import SampleRejected
from tron.stdlib.registry import stdfn

DOMAIN = "Letter sums, draughts and poker"

# ---------------------------------------------------------------------------------------------
# Cryptarithms

_CRYPT_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"  # no I, O or Q: they read like digits


def _crypt_check(addends: list[str], total: str) -> list[str]:
    words = list(addends) + [total]
    if not addends or any(not w or not w.isalpha() or not w.isupper() for w in words):
        raise ValueError("cryptarithm: upper-case words of letters only, at least one addend")
    if max(len(w) for w in words) > 8 or len(addends) > 6:
        raise ValueError("cryptarithm: words of at most 8 letters, at most 6 addends")
    letters = sorted(set("".join(words)))
    if len(letters) > 10:
        raise ValueError("cryptarithm: at most 10 different letters")
    return letters


def _crypt_search(addends: list[str], total: str, limit: int) -> list[list[int]]:
    letters = _crypt_check(addends, total)
    words = list(addends) + [total]
    width = max(len(w) for w in words)
    order: list[str] = []
    ready: list[int] = []  # column c can be checked once the first ready[c] letters are set
    for c in range(width):
        for w in words:
            if c < len(w) and w[-1 - c] not in order:
                order.append(w[-1 - c])
        ready.append(len(order))
    lead = {w[0] for w in words if len(w) > 1}
    value: dict[str, int] = {}
    used = [False] * 10
    found: list[list[int]] = []
    # Columns are checked as they become complete (carries kept per column), not re-added from
    # the right at every step: the same cuts in the same order, in time linear in the columns.
    col_add = [[a[-1 - c] for a in addends if c < len(a)] for c in range(width)]
    col_sum = [total[-1 - c] if c < len(total) else None for c in range(width)]
    complete = [sum(1 for c in range(width) if ready[c] <= k) for k in range(len(order) + 1)]
    carries = [0] * (width + 1)  # carries[c]: the carry into column c

    def columns_ok(k: int) -> bool:
        # The columns completed by the k-th letter add up; with all columns, no carry is left.
        for c in range(complete[k - 1], complete[k]):
            s = carries[c] + sum(value[ch] for ch in col_add[c])
            t = col_sum[c]
            if s % 10 != (value[t] if t is not None else 0):
                return False
            carries[c + 1] = s // 10
        return complete[k] < width or carries[width] == 0

    def go(k: int) -> None:
        if len(found) >= limit:
            return
        if k == len(order):
            found.append([value[ch] for ch in letters])
            return
        ch = order[k]
        digits: range | list[int] = range(10)
        c = complete[k]
        if complete[k + 1] > c and col_sum[c] == ch and ch not in col_add[c]:
            # ch is the sum letter that completes column c: only one digit can make it add up
            digits = [(carries[c] + sum(value[a] for a in col_add[c])) % 10]
        for d in digits:
            if used[d] or (d == 0 and ch in lead):
                continue
            value[ch] = d
            used[d] = True
            if columns_ok(k + 1):
                go(k + 1)
            used[d] = False
            del value[ch]

    go(0)
    return found


@stdfn("list[str], str, int -> list[list[int]]")
def crypt_solutions(addends: list[str], total: str, limit: int) -> list[list[int]]:
    """Up to `limit` solutions of the letter sum addends[0] + addends[1] + ... = total (each letter a
    different digit, no word of two or more letters starting with 0), each listed as the digits of
    the sum's different letters in alphabetical order; ascending."""
    if limit < 1 or limit > 100:
        raise ValueError("crypt_solutions: limit 1..100")
    return sorted(_crypt_search(addends, total, limit))


@stdfn("list[int], int -> list[str]", random=True)
def random_cryptarithm(rng: random.Random, lens: list[int], pool: int) -> list[str]:
    """A letter sum with exactly one solution: addends of the given lengths (2 to 5 letters) and
    their total, listed addends first and the total last. Each addend's digits come from `pool`
    (3..10) drawn digits, so letters repeat; digits get random letters other than I, O and Q.
    A bounded number of sums is tried; the draw is rejected if none has one solution."""
    if not lens or len(lens) > 4 or any(not 2 <= n <= 5 for n in lens) or not 3 <= pool <= 10:
        raise ValueError("random_cryptarithm: 1-4 addends of 2-5 letters, pool 3..10")
    for _ in range(300):
        digits = rng.sample(range(10), pool)
        if all(d == 0 for d in digits):
            continue
        nums = []
        for n in lens:
            first = rng.choice([d for d in digits if d != 0])
            nums.append(int(str(first) + "".join(str(rng.choice(digits)) for _ in range(n - 1))))
        texts = [str(x) for x in nums] + [str(sum(nums))]
        seen = sorted(set("".join(texts)))
        names = rng.sample(_CRYPT_LETTERS, len(seen))
        code = dict(zip(seen, names, strict=True))
        words = ["".join(code[ch] for ch in t) for t in texts]
        if len(_crypt_search(words[:-1], words[-1], 2)) == 1:
            return words
    raise SampleRejected("no letter sum with a single solution was found")


# ---------------------------------------------------------------------------------------------
# Draughts

_DIAG = ((-1, -1), (-1, 1), (1, -1), (1, 1))


def _dr_check(n: int, board: list[int]) -> None:
    if (
        n not in (4, 6, 8, 10)
        or len(board) != n * n
        or any(v not in (0, 1, 2, 3, 4) for v in board)
    ):
        raise ValueError("draughts: an n x n board (n 4, 6, 8 or 10) of codes 0..4")


def _dr_best(n: int, board: list[int], i: int) -> int:
    """Most black pieces the white piece on i takes in one chain of short jumps; jumped pieces stay
    on the board (blocking) until the move ends and none is jumped twice."""
    king = board[i] == 2
    dirs = _DIAG if king else _DIAG[:2]
    grid = list(board)
    grid[i] = 0
    taken: set[int] = set()

    def go(at: int) -> int:
        r, c = divmod(at, n)
        best = 0
        for dr, dc in dirs:
            r1, c1, r2, c2 = r + dr, c + dc, r + 2 * dr, c + 2 * dc
            if not (0 <= r2 < n and 0 <= c2 < n):
                continue
            over, land = r1 * n + c1, r2 * n + c2
            if grid[over] in (3, 4) and over not in taken and grid[land] == 0:
                taken.add(over)
                best = max(best, 1 + go(land))
                taken.discard(over)
        return best

    return go(i)


@stdfn("int, list[int], int -> int")
def draughts_take(n: int, board: list[int], i: int) -> int:
    """The most black pieces the white piece on square i can capture in one move: a chain of jumps,
    each over a diagonally adjacent black piece onto the empty square just beyond it (men jump
    forward, up the board, only; kings any diagonal way); jumped pieces stay on the board until the
    move ends, so none is jumped twice. 0 when it cannot capture (or square i holds no white piece)."""
    _dr_check(n, board)
    if board[i] not in (1, 2):
        return 0
    return _dr_best(n, board, i)


def _dr_plant(
    rng: random.Random, n: int, board: list[int], dark: list[int], length: int, king: bool
) -> bool:
    """Lay out one white piece and a chain of `length` jumps over new black men on empty squares."""
    starts = [i for i in dark if board[i] == 0 and (king or i // n > 0)]
    if not starts:
        return False
    start = rng.choice(starts)
    board[start] = 2 if king else 1
    at = start
    for _step in range(length):
        opts = []
        for dr, dc in _DIAG if king else _DIAG[:2]:
            r2, c2 = at // n + 2 * dr, at % n + 2 * dc
            over = (at // n + dr) * n + at % n + dc
            if 0 <= r2 < n and 0 <= c2 < n and board[over] == 0 and board[r2 * n + c2] == 0:
                opts.append((over, r2 * n + c2))
        if not opts:
            return False
        over, at = rng.choice(opts)
        board[over] = 3
    board[at] = -1  # kept free while the rest is placed
    return True


@stdfn("int, int, int, int, int, int -> list[int]", random=True)
def random_draughts(
    rng: random.Random, n: int, whites: int, blacks: int, kings: int, best: int, takers: int
) -> list[int]:
    """A draughts position (see `draughts_take`) on the dark squares of an n x n board with `whites`
    white and `blacks` black pieces, exactly `kings` of them kings, whose best white capture takes
    exactly `best` black pieces and in which exactly `takers` white pieces can capture (-1: either
    left free). Bounded tries; the draw is rejected if none fits.

    Dark squares are those with (row + col) odd; no white man stands on row 0 and no black man on
    the last row. A chain of `best` jumps is laid out first; with `best` -1, one single jump is laid
    out for each of the `takers`."""
    if n not in (6, 8) or whites < 1 or blacks < 0 or whites + blacks > n * n // 2 - 2:
        raise ValueError("random_draughts: n 6 or 8 and pieces that fit")
    if best > blacks or takers > whites or (best == 0 and takers > 0) or (takers == 0 and best > 0):
        raise ValueError("random_draughts: best and takers must agree")
    dark = [i for i in range(n * n) if (i // n + i % n) % 2 == 1]
    plan = [best] if best > 0 else [1] * takers if best == -1 and takers > 0 else []
    if len(plan) > whites or sum(plan) > blacks:
        raise ValueError("random_draughts: too few pieces for the captures asked")
    share = kings / (whites + blacks)
    for _ in range(400):
        board = [0] * (n * n)
        planted_kings = 0
        ok = True
        for length in plan:
            # a man rises two rows a jump, so a longer chain needs a king
            king = kings > planted_kings and (length > (n - 2) // 2 or rng.random() < share)
            planted_kings += int(king)
            if not _dr_plant(rng, n, board, dark, length, king):
                ok = False
                break
        if not ok:
            continue
        fixed = {sq for sq in range(n * n) if board[sq] in (1, 2)}
        need_w = whites - len(plan)
        need_b = blacks - sum(1 for v in board if v == 3)
        for sq in rng.sample(dark, len(dark)):
            if board[sq]:
                continue
            if need_w and sq // n > 0:
                board[sq], need_w = 1, need_w - 1
            elif need_b and sq // n < n - 1:
                board[sq], need_b = 3, need_b - 1
        if need_w or need_b:
            continue
        board = [0 if v == -1 else v for v in board]
        crown = [sq for sq in range(n * n) if board[sq] in (1, 3) and sq not in fixed]
        for sq in rng.sample(crown, min(len(crown), max(0, kings - planted_kings))):
            board[sq] += 1
        takes = [_dr_best(n, board, sq) for sq in range(n * n) if board[sq] in (1, 2)]
        if (best == -1 or max(takes) == best) and (
            takers == -1 or sum(1 for t in takes if t > 0) == takers
        ):
            return board
    raise SampleRejected("no draughts position with the asked captures was found")


# ---------------------------------------------------------------------------------------------
# Poker hands

POKER_NAMES = [
    "high card",
    "pair",
    "two pair",
    "three of a kind",
    "straight",
    "flush",
    "full house",
    "four of a kind",
    "straight flush",
]


def _pk_check(cards: list[int]) -> None:
    if len(cards) != 5 or len(set(cards)) != 5 or any(not 0 <= c < 52 for c in cards):
        raise ValueError("poker: five different cards, codes 0..51")


def _pk_score(cards: list[int]) -> tuple[int, ...]:
    ranks = sorted((c // 4 + 2 for c in cards), reverse=True)
    flush = len({c % 4 for c in cards}) == 1
    counts = {r: ranks.count(r) for r in ranks}
    # ranks by (count, rank), largest first: the tie-break order of every category
    by = sorted(counts, key=lambda r: (counts[r], r), reverse=True)
    shape = sorted(counts.values(), reverse=True)
    straight_top = 0
    if len(counts) == 5:
        if ranks[0] - ranks[4] == 4:
            straight_top = ranks[0]
        elif ranks == [14, 5, 4, 3, 2]:
            straight_top = 5
    if straight_top and flush:
        return (8, straight_top)
    if shape == [4, 1]:
        return (7, *by)
    if shape == [3, 2]:
        return (6, *by)
    if flush:
        return (5, *ranks)
    if straight_top:
        return (4, straight_top)
    if shape == [3, 1, 1]:
        return (3, *by)
    if shape == [2, 2, 1]:
        return (2, *by)
    if shape == [2, 1, 1, 1]:
        return (1, *by)
    return (0, *ranks)


@stdfn("list[int] -> int")
def poker_category(cards: list[int]) -> int:
    """The category of a five-card poker hand: 0 high card, 1 pair, 2 two pair, 3 three of a kind,
    4 straight (five ranks in a row, the ace high or low), 5 flush (one suit), 6 full house,
    7 four of a kind, 8 straight flush."""
    _pk_check(cards)
    return _pk_score(cards)[0]


@stdfn("list[list[int]] -> int")
def poker_winner(hands: list[list[int]]) -> int:
    """Position of the best of several five-card poker hands (higher category first, then the
    ranks that make the category, then the kickers, highest first; suits never break ties);
    -1 when the best hands tie."""
    if len(hands) < 2:
        raise ValueError("poker_winner: at least two hands")
    for h in hands:
        _pk_check(h)
    scores = [_pk_score(h) for h in hands]
    top = max(scores)
    return scores.index(top) if scores.count(top) == 1 else -1


def _pk_shape(rng: random.Random, category: int) -> list[int]:
    """Five cards of the category, drawn loosely; the caller re-checks the category."""
    suits = [rng.randrange(4) for _ in range(5)]
    if category in (4, 8):
        top = rng.randint(5, 14)
        ranks = [top - k for k in range(5)]
        ranks = [14 if r == 1 else r for r in ranks]
        if category == 8:
            suits = [suits[0]] * 5
        return [4 * (r - 2) + s for r, s in zip(ranks, suits, strict=True)]
    if category == 5:
        ranks = rng.sample(range(2, 15), 5)
        s = suits[0]
        return [4 * (r - 2) + s for r in ranks]
    groups = {
        0: [1, 1, 1, 1, 1],
        1: [2, 1, 1, 1],
        2: [2, 2, 1],
        3: [3, 1, 1],
        6: [3, 2],
        7: [4, 1],
    }[category]
    ranks = rng.sample(range(2, 15), len(groups))
    out: list[int] = []
    for r, k in zip(ranks, groups, strict=True):
        out += [4 * (r - 2) + s for s in rng.sample(range(4), k)]
    return out


@stdfn("int, list[int] -> list[int]", random=True)
def poker_hand(rng: random.Random, category: int, avoid: list[int]) -> list[int]:
    """Five different cards (in random order) making a poker hand of the category (see
    `poker_category`), none of them in `avoid`; a bounded number of tries, then the draw is
    rejected."""
    if not 0 <= category <= 8:
        raise ValueError("poker_hand: category 0..8")
    banned = set(avoid)
    for _ in range(200):
        cards = _pk_shape(rng, category)
        if len(set(cards)) == 5 and not banned & set(cards) and _pk_score(cards)[0] == category:
            rng.shuffle(cards)
            return cards
    raise SampleRejected("no poker hand of the category avoids the given cards")
