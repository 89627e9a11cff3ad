"""Quality report per environment and level: reliability, diversity, answer balance, blind
baseline, level progression and cross-environment near-duplicates; with a gate that fails
when an environment breaks a documented threshold (see THRESHOLDS)."""

from __future__ import annotations

import hashlib
import math
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
from PIL import Image

from tron.envs.env import Env, Instance
from tron.envs.program import SamplingError
from tron.quality import gates

THRESHOLDS = {
    "min_reliability": 0.99,  # accepted draws / all draws
    "alpha_per_env": gates.ALPHA,  # balance and blind: exact tests, see tron.quality.gates
    "max_blind_over_chance": gates.BLIND_MARGIN,  # question-only guesser vs best constant
    "max_share_over_uniform": gates.SHARE_TWICE_UNIFORM,  # ... and at most 1/k + 1/6
    "near_duplicate_hash_bits": 4,  # perceptual hashes this close (of 64 bits) ...
    "near_duplicate_question": 0.9,  # ... with questions this similar are near-duplicates
}


@dataclass
class LevelReport:
    level: int
    draws: int
    accepted: int
    failed: int
    mean_tries: float
    distinct: int
    answers: dict[str, int]
    entropy_ratio: float  # answer entropy / log(distinct answers); 1 = uniform
    largest_share: float
    chance: float  # accuracy of the best constant guess
    blind: float  # held-out accuracy of the best guess from the question text alone
    complexity: float
    errors: dict[str, int] = field(default_factory=dict)  # why draws failed (with spec line)


@dataclass
class EnvReport:
    env_id: str
    bucket: str
    levels: list[LevelReport] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)  # gate violations
    hashes: list[int] = field(default_factory=list, repr=False)
    questions: list[str] = field(default_factory=list, repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "env_id": self.env_id,
            "bucket": self.bucket,
            "levels": [asdict(lv) for lv in self.levels],
            "failures": self.failures,
        }


def phash(image: Image.Image) -> int:
    """64-bit difference hash of the picture (robust to small rendering differences)."""
    g = np.asarray(image.convert("L").resize((9, 8), Image.Resampling.BILINEAR), dtype=np.int16)
    bits = (g[:, 1:] > g[:, :-1]).ravel()
    return int("".join("1" if b else "0" for b in bits), 2)


def entropy_ratio(counts: Counter[str]) -> float:
    n = sum(counts.values())
    if len(counts) <= 1 or n == 0:
        return 0.0 if len(counts) <= 1 else 1.0
    h = -sum(c / n * math.log(c / n) for c in counts.values())
    return h / math.log(len(counts))


def picture_key(inst: Instance) -> str:
    """A digest that tells pictures apart: the drawn scene (every item, position and style)
    where this process sampled it, else the stored SVG. The scene is the same test without
    writing the SVG, whose glyph outlines made it half the time of a validation run; the theme
    is left out, as the same scene in another look is no new picture."""
    if inst.generated is not None:
        return hashlib.sha256(repr(inst.generated.scene).encode()).hexdigest()
    return hashlib.sha256(inst.svg.encode()).hexdigest()


def question_key(inst: Instance) -> str:
    """The question text without numbers that only echo the options (blind-guess features)."""
    return inst.question


def blind_accuracy(pairs: list[tuple[str, str]]) -> tuple[float, float]:
    """(blind, chance). chance: accuracy of the best constant guess (the largest answer share).
    blind: each draw guessed from the OTHER draws with the same question text (their majority
    answer, when at least 3 share the text), else the constant guess. Leave-one-out uses every
    draw, so the estimate stays steady at a modest sample count; a question that gives its
    answer away still scores near 1."""
    if not pairs:
        return 0.0, 0.0
    by_q: dict[str, Counter[str]] = defaultdict(Counter)
    overall: Counter[str] = Counter()
    for q, a in pairs:
        by_q[q][a] += 1
        overall[a] += 1
    # Ties break by answer text, so the estimate never depends on dict order.
    const = max(overall.items(), key=lambda kv: (kv[1], kv[0]))[0]
    blind = 0
    for q, a in pairs:
        others = by_q[q].copy()
        others[a] -= 1
        if sum(others.values()) >= 3:
            guess = max(others.items(), key=lambda kv: (kv[1], kv[0]))[0]
        else:
            guess = const
        blind += guess == a
    return blind / len(pairs), overall[const] / len(pairs)


def analyze_env(env: Env, n: int, seed: int = 0) -> EnvReport:
    rep = EnvReport(env.id, env.info.bucket)
    lo, hi = env.info.levels
    for level in range(lo, hi + 1):
        insts, failed, tries = [], 0, []
        errors: Counter[str] = Counter()
        for s in range(seed, seed + n):
            try:
                inst = env.sample(level, s)
            except (SamplingError, Exception) as exc:  # noqa: BLE001 - every failure is counted
                failed += 1
                errors[str(exc)] += 1
                continue
            insts.append(inst)
            tries.append(inst.meta["tries"])
        keys = [(question_key(i), i.answer_type.gate_key(i.answer)) for i in insts]
        answers = Counter(k for _, k in keys)
        distinct = len({(i.question, i.answer_text, picture_key(i)) for i in insts})
        blind, chance = blind_accuracy(keys)
        cx = [
            float(i.meta["complexity"])
            for i in insts
            if isinstance(i.meta["complexity"], int | float)
        ]
        rep.levels.append(
            LevelReport(
                level=level,
                draws=n,
                accepted=len(insts),
                failed=failed,
                mean_tries=float(np.mean(tries)) if tries else 0.0,
                distinct=distinct,
                answers=dict(answers.most_common()),
                entropy_ratio=round(entropy_ratio(answers), 3),
                largest_share=round(max(answers.values()) / len(insts), 3) if insts else 0.0,
                chance=round(chance, 3),
                blind=round(blind, 3),
                complexity=round(float(np.mean(cx)), 3) if cx else 0.0,
                errors=dict(errors.most_common()),
            )
        )
        for inst in insts[:3]:
            rep.hashes.append(phash(inst.image))
            rep.questions.append(inst.question)
    gate(rep)
    return rep


def gate(rep: EnvReport) -> None:
    """The documented gates of tron.quality.gates at this report's fixed draw count (tron validate also
    draws more while a verdict is in doubt, so it catches milder skews)."""
    t = THRESHOLDS
    alpha = gates.level_alpha(len(rep.levels))
    for lv in rep.levels:
        where = f"{rep.env_id} level {lv.level}"
        if lv.accepted / lv.draws < t["min_reliability"]:
            why = "; ".join(f"{c}x {e}" for e, c in lv.errors.items())
            rep.failures.append(f"{where}: reliability {lv.accepted}/{lv.draws} ({why})")
        p = gates.blind_p(lv.blind, lv.chance, lv.accepted)
        if p <= alpha:
            rep.failures.append(
                f"{where}: blind baseline {lv.blind} > chance {lv.chance} + "
                f"{gates.BLIND_MARGIN} (p={p:.1e} <= alpha {alpha:.1e})"
            )
        k = len(lv.answers)
        if k <= 1 and lv.accepted > 1:
            rep.failures.append(f"{where}: always the same answer")
            continue
        p = gates.balance_p(Counter(lv.answers))
        if p <= alpha:
            rep.failures.append(
                f"{where}: largest answer share {lv.largest_share} > "
                f"{gates.share_limit(k):.3f} (k={k}, p={p:.1e} <= alpha {alpha:.1e})"
            )
    cx = [lv.complexity for lv in rep.levels]
    if len(cx) > 1 and not cx[-1] > cx[0]:
        rep.failures.append(f"{rep.env_id}: complexity does not grow ({cx[0]} -> {cx[-1]})")


def similar(a: str, b: str) -> float:
    import difflib

    return difflib.SequenceMatcher(None, a, b).ratio()


def near_duplicates(reports: list[EnvReport]) -> list[tuple[str, str]]:
    t = THRESHOLDS
    pairs = []
    for i, a in enumerate(reports):
        for b in reports[i + 1 :]:
            hit = any(
                bin(ha ^ hb).count("1") <= t["near_duplicate_hash_bits"]
                and similar(qa, qb) >= t["near_duplicate_question"]
                for ha, qa in zip(a.hashes, a.questions, strict=True)
                for hb, qb in zip(b.hashes, b.questions, strict=True)
            )
            if hit:
                pairs.append((a.env_id, b.env_id))
    return pairs


def bar_svg(
    title: str,
    labels: list[str],
    values: list[float],
    vmax: float | None = None,
    colour: str = "#4a7bd0",
) -> str:
    """A small inline SVG bar chart (no plotting library needed for a report page)."""
    from html import escape

    w, h, pad = 320, 160, 24
    top = vmax if vmax else max(values + [1e-9])
    bw = (w - 2 * pad) / max(len(values), 1)
    parts = [
        f'<svg width="{w}" height="{h + 30}" role="img" aria-label="{escape(title)}">',
        f'<text x="{pad}" y="12">{escape(title)}</text>',
    ]
    for i, (lab, v) in enumerate(zip(labels, values, strict=True)):
        bh = (h - 2 * pad) * (v / top if top else 0)
        x = pad + i * bw
        parts.append(
            f'<rect x="{x + 1:.1f}" y="{h - pad - bh:.1f}" width="{bw - 2:.1f}" '
            f'height="{bh:.1f}" fill="{colour}"><title>{escape(lab)}: {v}</title></rect>'
        )
        if len(labels) <= 12:
            parts.append(
                f'<text x="{x + bw / 2:.1f}" y="{h - pad + 12}" '
                f'text-anchor="middle">{escape(lab[:6])}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


def summary_row(r: EnvReport) -> dict[str, Any]:
    lv = r.levels
    n = sum(x.draws for x in lv) or 1
    return {
        "env_id": r.env_id,
        "bucket": r.bucket,
        "failures": r.failures,
        "reliability": sum(x.accepted for x in lv) / n,
        "tries": float(np.mean([x.mean_tries for x in lv])) if lv else 0.0,
        "distinct": float(np.mean([x.distinct / max(x.accepted, 1) for x in lv])) if lv else 0.0,
        "entropy": float(np.mean([x.entropy_ratio for x in lv])) if lv else 0.0,
        "share": max((x.largest_share for x in lv), default=0.0),
        "blind_gap": max((x.blind - x.chance for x in lv), default=0.0),
        "cx_first": lv[0].complexity if lv else 0,
        "cx_last": lv[-1].complexity if lv else 0,
    }


def report_html(reports: list[EnvReport], dups: list[tuple[str, str]], n: int) -> str:
    from importlib import resources

    import jinja2

    rows = []
    for r in reports:
        row = summary_row(r)
        levels = [str(x.level) for x in r.levels]
        row["complexity_chart"] = bar_svg(
            "complexity per level", levels, [x.complexity for x in r.levels]
        )
        last = r.levels[-1] if r.levels else None
        answers = list(last.answers.items())[:16] if last else []
        row["answer_chart"] = bar_svg(
            f"answers at level {last.level if last else '-'}",
            [a for a, _ in answers],
            [float(c) for _, c in answers],
            colour="#d08a4a",
        )
        row["blind_chart"] = bar_svg(
            "blind − chance per level",
            levels,
            [max(x.blind - x.chance, 0.0) for x in r.levels],
            vmax=0.5,
            colour="#888",
        )
        rows.append(row)
    failures = [f for r in reports for f in r.failures] + [
        f"near-duplicates: {a} ~ {b}" for a, b in dups
    ]
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(resources.files("tron.quality").joinpath("templates"))),
        autoescape=True,
    )
    return env.get_template("analysis.html.j2").render(
        reports=rows, dups=dups, failures=failures, n=n, thresholds=THRESHOLDS
    )


def markdown_table(reports: list[EnvReport]) -> str:
    lines = [
        "| environment | reliability | mean tries | distinct/draw | entropy | max share "
        "| blind − chance | complexity L0 → L9 | gate |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in reports:
        s = summary_row(r)
        lines.append(
            f"| {s['env_id']} | {s['reliability']:.3f} | {s['tries']:.2f} | "
            f"{s['distinct']:.2f} | {s['entropy']:.2f} | {s['share']:.2f} | "
            f"{s['blind_gap']:+.2f} | {s['cx_first']} → {s['cx_last']} | "
            f"{'fail' if s['failures'] else 'pass'} |"
        )
    return "\n".join(lines)
