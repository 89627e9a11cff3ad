"""`tron validate`: every rule the reference promises, run over every level of an environment.

Per level: N draws (sampling errors, `check` statements, declared `layout`s, question wording,
distinct pictures, complexity), the per-instance checks of tron.quality.validate on the first few (visibility,
clipping, legibility, labels covering objects, answers and rewards), and the balance and blind gates of tron.quality.gates, which draw more (up to
8N) while their verdict is in doubt. Each failing rule becomes one Failure naming the spec line
where one applies."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from tron.envs.env import Env, Instance
from tron.quality import audit_checks, gates
from tron.quality.analyze import blind_accuracy, picture_key, question_key
from tron.quality.confusable import confusable_problems
from tron.quality.layout import layout_breaks
from tron.quality.relations import relation_breaks
from tron.quality.validate import (
    Problem,
    answer_problems,
    check_problems,
    key_line,
    scene_problems,
    statement_line,
)

DRAWS = 60  # draws per level before the sequential gates ask for more
DEEP_DRAWS = 12  # draws per level that get the (costly) per-instance checks
MIN_DISTINCT_SHARE = 0.9  # distinct pictures / draws at a level


@dataclass
class Failure:
    path: str
    line: int | None
    env_id: str
    level: int | None
    rule: str
    measured: str
    threshold: str
    hint: str

    def render(self) -> str:
        loc = f"{self.path}:{self.line}" if self.line else self.path
        where = self.env_id if self.level is None else f"{self.env_id} level {self.level}"
        return (
            f"{loc}: {where}: {self.rule}: measured {self.measured}, "
            f"threshold {self.threshold} ({self.hint})"
        )


@dataclass
class EnvResult:
    env_id: str
    path: str
    failures: list[Failure] = field(default_factory=list)
    draws: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "env_id": self.env_id,
            "path": self.path,
            "draws": self.draws,
            "failures": [asdict(f) | {"text": f.render()} for f in self.failures],
        }


@dataclass
class Seen:
    """What a rule saw at one level: how often, the first seed, one example."""

    count: int
    seed: int
    example: Any


@dataclass
class LevelDraws:
    level: int
    n: int = 0
    pairs: list[tuple[str, str]] = field(default_factory=list)  # (question, answer)
    pictures: set[str] = field(default_factory=set)
    picture_draws: int = 0
    deep_draws: int = 0
    complexity: list[float] = field(default_factory=list)
    errors: dict[str, Seen] = field(default_factory=dict)
    problems: dict[tuple[str, int | None, str], Seen] = field(default_factory=dict)

    def answers(self) -> Counter[str]:
        return Counter(a for _, a in self.pairs)


def note(table: dict[Any, Seen], key: Any, seed: int, example: Any) -> None:
    if key in table:
        table[key].count += 1
    else:
        table[key] = Seen(1, seed, example)


def draw(env: Env, ld: LevelDraws, seed: int, base: bool, deep: bool) -> None:
    """One draw: sample it; on base draws run the checks and record the picture; on deep
    draws also the per-instance validity checks."""
    ld.n += 1
    try:
        inst = env.sample(ld.level, seed, with_checks=base)
        found: list[Problem] = []
        if base:
            found += check_problems(inst) + wording(env, inst)
            found += layout(env, inst) + confusable(env, inst)
        if deep:
            ld.deep_draws += 1
            found += answer_problems(env, inst, None) + scene_problems(env, inst, True)
            found += label_cover(env, inst)
    except Exception as exc:  # noqa: BLE001 - every failure is reported, with its spec line
        # One entry per failure, not per rejection count ("most rejections (187)").
        note(ld.errors, re.sub(r"\(\d+\)", "(#)", str(exc)), seed, str(exc))
        return
    ld.pairs.append((question_key(inst), inst.answer_type.gate_key(inst.answer)))
    if base:
        record_picture(ld, inst)
    # One count per draw and kind of problem, however many objects of the draw have it.
    kinds = {(p.rule, p.line, re.sub(r"\d+", "#", p.text)): p for p in reversed(found)}
    for kind, p in kinds.items():
        note(ld.problems, kind, seed, p)


def wording(env: Env, inst: Instance) -> list[Problem]:
    """Template slips in the question as a reader sees it (doubled words or punctuation,
    unfilled placeholders, ...): tron.quality.audit_checks.wording_problems."""
    line = statement_line(env, "question")
    slips = [
        t.split(" in ")[0].removeprefix("wording: ")
        for t in audit_checks.wording_problems(inst.question)
    ]
    return [Problem("wording", f"the question has {s}", line, s, "no wording slip") for s in slips]


def layout(env: Env, inst: Instance) -> list[Problem]:
    """The spec's `layout` declarations, measured on the drawn scene: placements
    (tron.quality.layout) and margins of direction and rank (tron.quality.relations); a
    declaration whose `if` is false for this draw is skipped."""
    assert inst.generated is not None
    scene, off = inst.generated.scene, inst.generated.layouts_off
    out = []
    for i, (line, subject, relation, other, margin, unit) in enumerate(
        getattr(env.module, "LAYOUT", ())
    ):
        if i in off:
            continue
        if relation not in ("inside", "clears"):
            want = f">= {margin}{unit or (' : 1' if relation == 'straight_from' else ' px')}"
            for key, text, measured in relation_breaks(
                scene, subject, relation, other, margin, unit
            ):
                out.append(
                    Problem("layout", f"{relation}: object {key} {text}", line, measured, want)
                )
            continue
        for key, holder, px in layout_breaks(scene, subject, relation, other, margin):
            if math.isnan(px):
                text = f"layout container {key} is not a circle, ellipse, rectangle or polygon"
                out.append(Problem("layout", text, line, key, "a closed shape"))
                continue
            where = "inside" if relation == "inside" else "clear of"
            text = f"object {key} is {px:.1f} px {where} {holder}"
            out.append(Problem("layout", text, line, f"{px:.1f} px", f">= {margin} px"))
    return out


def confusable(env: Env, inst: Instance) -> list[Problem]:
    """A shape the question names that the picture lets a reader take two ways
    (tron.quality.confusable)."""
    assert inst.generated is not None
    line = statement_line(env, "question")
    return [
        Problem(
            "names",
            f"the question names a {word} while {what} is drawn",
            line,
            f"'{word}' beside {what}",
            "one reading",
        )
        for word, what in confusable_problems(inst.question, inst.generated.scene)
    ]


def label_cover(env: Env, inst: Instance) -> list[Problem]:
    """Opaque label boxes may hide at most a quarter of a keyed object, bare text most of it
    (the limits of tron.quality.audit_checks)."""
    shares = {
        k: (v, audit_checks.MAX_LABEL_COVER)
        for k, v in audit_checks.label_cover(inst, glyphs=False).items()
    }
    for k, v in audit_checks.label_cover(inst).items():
        if v > audit_checks.MAX_LABEL_HIDE:
            shares.setdefault(k, (v, audit_checks.MAX_LABEL_HIDE))
    return [
        Problem(
            "labels",
            f"object {key} is {share:.0%} covered by labels",
            key_line(env, key),
            f"object {key!r} {share:.0%} under label boxes",
            f"<= {limit:.0%} covered",
        )
        for key, (share, limit) in sorted(shares.items())
        if share > limit
    ]


def record_picture(ld: LevelDraws, inst: Instance) -> None:
    ld.picture_draws += 1
    ld.pictures.add(picture_key(inst))
    if isinstance(inst.meta["complexity"], int | float):
        ld.complexity.append(float(inst.meta["complexity"]))


def error_line(message: str) -> tuple[int | None, str]:
    """(spec line, message without the path) of an EnvError text."""
    m = re.match(r"^\S+?\.tron(?::(\d+))?: (.*)$", message, re.S)
    line, text = (int(m.group(1)) if m.group(1) else None, m.group(2)) if m else (None, message)
    if line is None and (r := re.search(r"on line (\d+)", text)):
        line = int(r.group(1))
    return line, re.sub(r"\S+\.tron: ", "", text)


def validate_env(
    env: Env,
    draws: int = DRAWS,
    levels: list[int] | None = None,
    seed: int = 0,
    deep: int = DEEP_DRAWS,
) -> EnvResult:
    """Every rule over the levels: `draws` per level (the gates may draw more), of which the
    first `deep` also get the costly per-instance checks (pixels, answers, rewards)."""
    path = str(env.module.SPEC_PATH)
    res = EnvResult(env.id, path)
    lo, hi = env.info.levels
    todo = [lv for lv in (levels or range(lo, hi + 1)) if lo <= lv <= hi]
    alpha = gates.level_alpha(len(todo))
    done: list[LevelDraws] = []
    for level in todo:
        ld = LevelDraws(level)
        for s in range(seed, seed + draws):
            draw(env, ld, s, base=True, deep=s < seed + deep)
        gated = sequential_gates(env, path, ld, draws, seed, alpha)  # may draw more
        res.failures += instance_failures(env, path, ld) + gated
        res.failures += distinct_failures(env, path, ld)
        res.draws += ld.n
        done.append(ld)
    res.failures += complexity_failures(env, path, done)
    return res


def instance_failures(env: Env, path: str, ld: LevelDraws) -> list[Failure]:
    out = []
    for seen in ld.errors.values():
        line, text = error_line(seen.example)
        out.append(
            Failure(
                path,
                line,
                env.id,
                ld.level,
                "sampling",
                f"{seen.count} of {ld.n} draws failed: {text}",
                "0 failed draws",
                f"first at seed {seen.seed}: tron.make({env.id!r}).sample({ld.level}, {seen.seed})",
            )
        )
    for (rule, line, _), seen in ld.problems.items():
        p: Problem = seen.example
        of = ld.picture_draws if rule in ("check", "wording", "layout", "names") else ld.deep_draws
        out.append(
            Failure(
                path,
                line,
                env.id,
                ld.level,
                rule,
                f"{p.measured or p.text} in {seen.count} of {of} draws",
                p.threshold or "every draw passes",
                f"{HINTS.get(rule, 'see Validation gates in the reference')}; first at seed "
                f"{seen.seed}",
            )
        )
    return out


HINTS = {
    "check": "the spec's own check is false: fix the generator or the check",
    "clipping": "keep the object inside the canvas (shrink it or move its placement)",
    "visibility": "the object is hidden or too small: leave room around it or draw it on top",
    "legibility": "use a larger text size",
    "determinism": "sample only from the instance's generator",
    "answer": "the answer does not read back through its answer type",
    "reward": "the reward scores the gold answer wrong or a wrong answer right",
    "options": "two options read the same, so more than one is correct",
    "wording": "fix the question template (a slip a reader stumbles on)",
    "names": "draw no shape the named one can be taken for (or name the colour with it)",
    "labels": "move the label off the object it names (or draw the object above the label)",
    "layout": "place the objects with the declared room or margin (shrink the placement area, "
    "or require the margin when sampling)",
}


def sequential_gates(
    env: Env, path: str, ld: LevelDraws, draws: int, seed: int, alpha: float
) -> list[Failure]:
    """Balance and blind baseline: each decides, or doubles the draws while in doubt."""

    def first(n: int) -> list[tuple[str, str]]:
        while ld.n < n:  # more draws (failed ones are reported as sampling failures)
            draw(env, ld, seed + ld.n, base=False, deep=False)
        return ld.pairs[:n]

    def balance(n: int) -> float:
        return gates.balance_p(Counter(a for _, a in first(n)))

    def blind(n: int) -> float:
        pairs = first(n)
        return gates.blind_p(*blind_accuracy(pairs), len(pairs))

    out = []
    v = gates.sequential(balance, draws, alpha)
    if v.failed:
        counts = Counter(a for _, a in ld.pairs[: v.n])
        n = sum(counts.values())
        top, c = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
        out.append(
            Failure(
                path,
                statement_line(env, "answer"),
                env.id,
                ld.level,
                "balance",
                f"answer {top!r} in {c}/{n} draws ({c / n:.0%}) over {len(counts)} value(s), "
                f"p={v.p:.1e}",
                f"share <= {gates.share_limit(max(len(counts), 2)):.1%} at alpha {alpha:.1e}",
                "answers must spread over their values: draw the answer first, then the scene",
            )
        )
    v = gates.sequential(blind, draws, alpha)
    if v.failed:
        pairs = ld.pairs[: v.n]
        right, chance = blind_accuracy(pairs)
        out.append(
            Failure(
                path,
                statement_line(env, "question"),
                env.id,
                ld.level,
                "blind",
                f"question-only guess right {right:.0%} of {len(pairs)} vs best constant "
                f"{chance:.0%}, p={v.p:.1e}",
                f"<= chance + {gates.BLIND_MARGIN:.0%} at alpha {alpha:.1e}",
                "the question text gives the answer away; word it without the answer's cues",
            )
        )
    return out


def distinct_failures(env: Env, path: str, ld: LevelDraws) -> list[Failure]:
    n, d = ld.picture_draws, len(ld.pictures)
    if n == 0 or d / n >= MIN_DISTINCT_SHARE:
        return []
    return [
        Failure(
            path,
            None,
            env.id,
            ld.level,
            "distinct",
            f"{d} distinct pictures in {n} draws ({d / n:.0%})",
            f">= {MIN_DISTINCT_SHARE:.0%}",
            "the picture space is small, so images recur: widen the random draws",
        )
    ]


def complexity_failures(env: Env, path: str, done: list[LevelDraws]) -> list[Failure]:
    cx = [(ld.level, float(np.mean(ld.complexity))) for ld in done if ld.complexity]
    if len(cx) < 2 or cx[-1][1] > cx[0][1]:
        return []
    (l0, c0), (l1, c1) = cx[0], cx[-1]
    return [
        Failure(
            path,
            None,
            env.id,
            None,
            "complexity",
            f"mean complexity {c0:.3g} at level {l0} -> {c1:.3g} at level {l1}",
            "higher at the top level than at the bottom",
            "set `complexity` to a measure that grows with the level",
        )
    ]


_SUITES: dict[str, Any] = {}  # compiled folder -> Suite, per worker process


def _job(job: tuple[str, str, int, list[int] | None, int, int]) -> EnvResult:
    from tron.loading import load_suite

    folder, env_id, draws, levels, seed, deep = job
    if folder not in _SUITES:
        _SUITES[folder] = load_suite(folder)
    return validate_env(_SUITES[folder].make(env_id), draws, levels, seed, deep)


def validate_paths(
    paths: list[str],
    draws: int = DRAWS,
    levels: list[int] | None = None,
    workers: int = 1,
    seed: int = 0,
    progress: bool = False,
    deep: int = DEEP_DRAWS,
    near_dups: bool = False,
) -> list[EnvResult]:
    """Compile every spec (errors raise before any sampling), then validate each environment,
    `workers` processes at a time; results come back in the order of the paths. With
    `near_dups`, each is also compared with the others and the bundled suite."""
    import tron

    jobs, envs = [], []
    for p in paths:
        suite = tron.load(p)
        jobs += [(str(suite.dir), e, draws, levels, seed, deep) for e in suite.list_envs()]
        if near_dups:  # only the near-duplicate pass needs the environments here
            envs += [suite.make(e) for e in suite.list_envs()]
    results = run_jobs(jobs, workers, progress)
    if near_dups:
        from tron.quality.near_dups import near_duplicate_pairs

        bundled = tron.bundled()
        others = [bundled.make(e) for e in bundled.list_envs()]
        by_id = {r.env_id: r for r in results}
        for a, b in near_duplicate_pairs(envs, others, progress):
            r = by_id[a]
            text = f"same pictures and questions as {b}"
            hint = "ask a different question or draw a different scene"
            r.failures.append(Failure(r.path, None, a, None, "near-duplicate", text, "none", hint))
    return results


def run_jobs(jobs: list[Any], workers: int, progress: bool) -> list[EnvResult]:
    from tqdm import tqdm

    bar = tqdm(total=len(jobs), desc="validate", unit="env", disable=not progress)
    try:
        if workers <= 1:
            results = []
            for j in jobs:
                results.append(_job(j))
                bar.update()
            return results
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(workers) as pool:
            futures = [pool.submit(_job, j) for j in jobs]
            for f in futures:
                f.add_done_callback(lambda _: bar.update())
            return [f.result() for f in futures]
    finally:
        bar.close()
