"""One digest per instance: SVG, question, answer and PNG bytes, so any change to what an
environment produces (picture, wording, gold answer, raster) changes it."""

from __future__ import annotations

import hashlib

import tron

LEVELS = (0, 5, 9)
SEEDS = (11, 4242)


def digest(env_id: str, level: int, seed: int) -> str:
    inst = tron.make(env_id).sample(level, seed)
    h = hashlib.sha256()
    for part in (inst.svg, inst.question, inst.answer_text, inst.answer_type.to_json()):
        h.update(repr(part).encode("utf-8"))
    h.update(inst.png)
    return h.hexdigest()


def sample_points(env_id: str) -> list[tuple[int, int]]:
    lo, hi = tron.make(env_id).info.levels
    return [(lv, seed) for lv in LEVELS if lo <= lv <= hi for seed in SEEDS]


def all_digests() -> dict[str, str]:
    return {
        f"{env_id}/{lv}/{seed}": digest(env_id, lv, seed)
        for env_id in tron.list_envs()
        for lv, seed in sample_points(env_id)
    }


if __name__ == "__main__":  # python tests/instance_digest.py > tests/fixtures/instance_digests.json
    import json

    print(json.dumps(all_digests(), indent=0, sort_keys=True))
