"""The statistics behind `tron validate`: exact binomial tails and the balance and blind gates.

Every gate tests a rule about the environment (the true answer distribution), not about one
sample of it, so a spec that meets the rule fails by bad luck with a known, small probability:
at most ALPHA per environment per gate over all its levels (Sidak over levels, Bonferroni over
answer values and over the looks of the sequential test). See "Validation gates" in
dsl/REFERENCE.md."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

ALPHA = 0.01  # false-alarm rate per gate per environment, over all its levels
MORE_DRAWS_BELOW = 0.5  # p-values between the failing alpha and this draw more before deciding
DOUBLINGS = 3  # the sequential test looks at N, 2N, 4N and 8N draws at most
BLIND_MARGIN = 0.10  # a question-only guesser may beat the best constant guess by this much
SHARE_TWICE_UNIFORM = 2.0  # no answer value more than twice as common as uniform ...
SHARE_OVER_UNIFORM = 1 / 6  # ... nor more than 1/6 above uniform (2/3 for yes/no)


def log_binom_pmf(k: int, n: int, p: float) -> float:
    return (
        math.lgamma(n + 1)
        - math.lgamma(k + 1)
        - math.lgamma(n - k + 1)
        + k * math.log(p)
        + (n - k) * math.log1p(-p)
    )


def binom_sf(k: int, n: int, p: float) -> float:
    """P(X >= k) for X ~ Binomial(n, p), exact (summed in log space, largest term first)."""
    if k <= 0:
        return 1.0
    if k > n or p <= 0.0:
        return 0.0
    if p >= 1.0:
        return 1.0
    logs = [log_binom_pmf(i, n, p) for i in range(k, n + 1)]
    top = max(logs)
    return min(1.0, math.exp(top) * sum(math.exp(v - top) for v in logs))


def level_alpha(levels: int, alpha: float = ALPHA) -> float:
    """Per-level alpha so that `levels` independent levels fail together with rate `alpha`
    (Sidak), shared by the looks of the sequential test (Bonferroni)."""
    return (1 - (1 - alpha) ** (1 / max(levels, 1))) / (DOUBLINGS + 1)


def share_limit(k: int) -> float:
    """Largest true share one answer value may have when the level answers k values."""
    u = 1 / k
    return min(SHARE_TWICE_UNIFORM * u, u + SHARE_OVER_UNIFORM)


def balance_p(counts: Counter[str]) -> float:
    """p-value of "no answer value's true share exceeds share_limit(k)": the largest count
    against an exact binomial tail, Bonferroni over the k values. A constant answer is judged
    as a yes/no answer with one side never drawn (k counts at least 2)."""
    n = sum(counts.values())
    if n == 0:
        return 1.0
    k = max(len(counts), 2)
    return min(1.0, k * binom_sf(max(counts.values()), n, share_limit(k)))


def blind_p(blind: float, chance: float, n: int) -> float:
    """p-value of "a question-only guesser is right at most chance + BLIND_MARGIN of the time"
    (blind correct count against an exact binomial tail at that rate)."""
    limit = chance + BLIND_MARGIN
    if n == 0 or limit >= 1.0:
        return 1.0
    return binom_sf(round(blind * n), n, limit)


@dataclass(frozen=True)
class Verdict:
    decided: bool  # False: inconclusive, draw more
    failed: bool
    p: float
    n: int = 0  # draws the verdict rests on


def decide(p: float, alpha: float, last_look: bool) -> Verdict:
    """One look of the sequential test: fail below alpha, pass well above it, else draw more
    (at the last look, pass: the gate only fails on evidence)."""
    if p <= alpha:
        return Verdict(True, True, p)
    return Verdict(p > MORE_DRAWS_BELOW or last_look, False, p)


def sequential(pvalue: Callable[[int], float], draws: int, alpha: float) -> Verdict:
    """Look at draws, 2 x draws, ... (DOUBLINGS times): `pvalue(n)` is the p-value over the
    first n draws (the caller draws more as needed). Stops at the first decided look."""
    for look in range(DOUBLINGS + 1):
        n = draws * 2**look
        v = decide(pvalue(n), alpha, look == DOUBLINGS)
        if v.decided:
            return Verdict(v.decided, v.failed, v.p, n)
    raise AssertionError("the last look always decides")
