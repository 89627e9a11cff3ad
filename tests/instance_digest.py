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


def update(path: str, env_ids: list[str]) -> dict[str, str]:
    """The recorded digests with `env_ids` rerecorded, environments not yet recorded added and
    environments that no longer exist dropped; every other entry kept as it was."""
    import json
    from pathlib import Path

    old = json.loads(Path(path).read_text(encoding="utf-8"))
    live = set(tron.list_envs())
    recorded = {k.rsplit("/", 2)[0] for k in old}
    redo = set(env_ids) | (live - recorded)
    out = {k: v for k, v in old.items() if k.rsplit("/", 2)[0] in live - redo}
    for env_id in sorted(redo & live):
        out.update({f"{env_id}/{lv}/{s}": digest(env_id, lv, s) for lv, s in sample_points(env_id)})
    return out


if __name__ == "__main__":
    # python tests/instance_digest.py > tests/fixtures/instance_digests.json   (everything), or
    # python tests/instance_digest.py --update FIXTURE [ENV_ID ...]  (bumped and new envs only)
    import json
    import sys

    if sys.argv[1:2] == ["--update"]:
        fixture = sys.argv[2]
        data = update(fixture, sys.argv[3:])
        with open(fixture, "w", encoding="utf-8") as f:
            f.write(json.dumps(data, indent=0, sort_keys=True) + "\n")
    else:
        print(json.dumps(all_digests(), indent=0, sort_keys=True))
