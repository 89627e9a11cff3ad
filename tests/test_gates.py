"""The validation gates' statistics, proven by seeded simulation: an environment that meets a
rule fails it at most 1% of the time over 10 levels (plus sampling tolerance), and the faults
the gates exist for are caught at least 95% of the time."""

import math
from collections import Counter
from fractions import Fraction

import numpy as np
import pytest

from tron.quality import gates
from tron.quality.analyze import blind_accuracy

LEVELS = 10
DRAWS = 60
ENVS = 400  # simulated environments per false-alarm estimate
TOLERANCE = 3 * math.sqrt(0.01 * 0.99 / ENVS)  # three standard errors at the 1% rate


def exact_sf(k, n, p):
    p = Fraction(p)
    return float(sum(math.comb(n, i) * p**i * (1 - p) ** (n - i) for i in range(k, n + 1)))


@pytest.mark.parametrize("n,p", [(10, 0.5), (60, 2 / 3), (200, 0.05), (7, 0.9)])
def test_binomial_tail_is_exact(n, p):
    for k in [-1, 0, 1, 2, n // 3, n // 2, 2 * n // 3, n - 1, n, n + 1]:
        assert gates.binom_sf(k, n, p) == pytest.approx(exact_sf(max(k, 0), n, p), rel=1e-9)


def balance_fails(rng, probs, alpha):
    """One level through the sequential balance gate, answers drawn from `probs`."""
    answers = rng.choice(len(probs), size=DRAWS * 2**gates.DOUBLINGS, p=probs)

    def p(n):
        return gates.balance_p(Counter(answers[:n].tolist()))

    return gates.sequential(p, DRAWS, alpha).failed


def env_fails(rng, probs):
    alpha = gates.level_alpha(LEVELS)
    return any(balance_fails(rng, probs, alpha) for _ in range(LEVELS))


@pytest.mark.parametrize("k", [2, 4, 39])
def test_balance_false_alarms_on_uniform_answers(k):
    rng = np.random.default_rng(k)
    rate = np.mean([env_fails(rng, np.ones(k) / k) for _ in range(ENVS)])
    assert rate <= 0.01 + TOLERANCE, rate


def test_balance_false_alarms_at_the_limit_itself():
    rng = np.random.default_rng(7)  # yes/no at exactly the allowed 2/3 share still meets it
    rate = np.mean([env_fails(rng, [2 / 3, 1 / 3]) for _ in range(ENVS)])
    assert rate <= 0.01 + TOLERANCE, rate


@pytest.mark.parametrize(
    "probs",
    [[0.82, 0.18], [1.0], [0.6, 0.4 / 3, 0.4 / 3, 0.4 / 3]],
    ids=["82-18", "constant", "4-skewed"],
)
def test_balance_detects_a_skewed_level(probs):
    rng = np.random.default_rng(1)  # one bad level, judged at the 10-level alpha
    alpha = gates.level_alpha(LEVELS)
    rate = np.mean([balance_fails(rng, probs, alpha) for _ in range(400)])
    assert rate >= 0.95, rate


def blind_fails(rng, leak, k, alpha, templates=3):
    """One level through the sequential blind gate: uniform answers over k values; with
    probability `leak` the question text names the answer, else it is one of a few templates."""
    size = DRAWS * 2**gates.DOUBLINGS
    answers = rng.integers(k, size=size)
    leaks = rng.random(size) < leak
    qs = [
        f"a{a}" if lk else f"t{t}"
        for a, lk, t in zip(answers, leaks, rng.integers(templates, size=size), strict=True)
    ]
    pairs = list(zip(qs, map(str, answers), strict=True))

    def p(n):
        return gates.blind_p(*blind_accuracy(pairs[:n]), n)

    return gates.sequential(p, DRAWS, alpha).failed


@pytest.mark.parametrize("k", [2, 4, 39])
def test_blind_false_alarms_when_the_question_says_nothing(k):
    rng = np.random.default_rng(10 + k)
    alpha = gates.level_alpha(LEVELS)
    rate = np.mean(
        [any(blind_fails(rng, 0.0, k, alpha) for _ in range(LEVELS)) for _ in range(100)]
    )
    assert rate <= 0.01 + 3 * math.sqrt(0.01 * 0.99 / 100), rate


@pytest.mark.parametrize("k,leak", [(2, 0.7), (3, 0.6), (4, 0.5)])
def test_blind_detects_a_question_that_often_gives_the_answer_away(k, leak):
    # Questions that name the answer in a share `leak` of draws: the guesser is right about
    # 35 points above chance or more (the leave-one-out majority runs a little below chance
    # elsewhere). Each answer text must recur: the guesser learns from repeated question texts.
    rng = np.random.default_rng(20 + k)
    alpha = gates.level_alpha(LEVELS)
    rate = np.mean([blind_fails(rng, leak, k, alpha) for _ in range(200)])
    assert rate >= 0.95, rate
