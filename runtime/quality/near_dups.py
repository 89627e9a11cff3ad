"""`tron validate --near-duplicates`: the validated environments against each other and the
bundled suite, by the rule of tron.quality.analyze.near_duplicates (pictures whose perceptual
hashes nearly agree, with nearly the same question, at some level and seed).

Fingerprints (the first draws of every level: hash and question) are cached per environment
and spec source under the compile cache, so only the first run pays for the whole suite."""

from __future__ import annotations

import json
import re

from tron.envs.env import Env
from tron.loading import cache_root
from tron.quality.analyze import EnvReport, analyze_env, near_duplicates

FINGERPRINT_DRAWS = 3  # the draws per level analyze_env fingerprints (as the suite test does)


def fingerprint(env: Env) -> EnvReport:
    name = re.sub(r"[^A-Za-z0-9_.-]", "_", env.id)
    path = cache_root() / "fingerprints" / f"{name}-{env.module.SOURCE_HASH}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return EnvReport(
            env.id, env.info.bucket, hashes=data["hashes"], questions=data["questions"]
        )
    except (OSError, ValueError, KeyError):
        pass  # not cached yet, or a damaged entry: recompute it
    rep = analyze_env(env, FINGERPRINT_DRAWS)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"hashes": rep.hashes, "questions": rep.questions}), encoding="utf-8")
    tmp.replace(path)
    return rep


def near_duplicate_pairs(
    envs: list[Env], suite: list[Env], progress: bool = False
) -> list[tuple[str, str]]:
    """Pairs (validated id, other id) that are near-duplicates: each validated environment
    against the others and against the suite (whose copy of it, the same id, is skipped)."""
    from tqdm import tqdm

    mine = {e.id for e in envs}
    every = envs + [e for e in suite if e.id not in mine]
    bar = tqdm(every, desc="fingerprints", unit="env", disable=not progress)
    reports = [fingerprint(e) for e in bar]
    pairs = []
    for i, a in enumerate(reports[: len(envs)]):
        for b in reports[i + 1 :]:
            pairs += near_duplicates([a, b])
    return pairs
