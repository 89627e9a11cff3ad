"""The catalogue: a static site over a suite (`tron catalogue`, and what `tron demo` writes).

    index.html     cards of every environment, filtered, searched and sorted in the browser
                   from data.js (one global, so the site works from file:// and any host)
    summary.html   the suite in plots: buckets, families, answer kinds, complexity, the gate
    env/<id>.html  one page per environment: instances per level, answers to reveal, quality
                   numbers per level, the spec source and the neighbours in its family
    img/<id>/      small WebP pictures (256 px instances, a 160 px thumbnail)

Output is a function of the suite and the arguments only (sorted ids, no dates, the same
images whatever the number of workers)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

from tqdm import tqdm

from tron.envs.suite import Suite
from tron.quality.catalogue_data import FULL_GATE_DRAWS, env_record, from_analysis
from tron.quality.catalogue_pages import render_env, render_index, render_summary, script_json

STATIC = ("catalogue.css", "catalogue.js")
DEFAULT_INSTANCES = 2
DEFAULT_DRAWS = 4  # draws per level for the quick quality numbers (tron analyze uses 60)
MAX_NEIGHBOURS = 8
QUICK = "quick: reliability and complexity growth only"


def default_workers() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def records(
    suite: Suite,
    ids: list[str],
    levels: list[int],
    instances: int,
    draws: int,
    seed: int,
    out: Path,
    workers: int,
    progress: bool = False,
) -> list[dict[str, Any]]:
    """env_record for every id, in id order, over `workers` processes."""
    args = [(str(suite.dir), e, levels, instances, draws, seed, str(out)) for e in ids]
    bar = tqdm(total=len(ids), desc="catalogue", unit="env", disable=not progress)
    try:
        if workers <= 1 or len(ids) < 2:
            done = []
            for a in args:
                done.append(env_record(*a))
                bar.update()
            return done
        from tron.integrations.process_pool import process_pool

        with process_pool(min(workers, len(ids))) as pool:
            futures = [pool.submit(env_record, *a) for a in args]
            done = []
            for f in futures:
                done.append(f.result())
                bar.update()
            return done
    finally:
        bar.close()


def neighbours(recs: list[dict[str, Any]]) -> dict[str, list[str]]:
    """Per env, the envs most like it: most shared tags, then same bucket, then id."""
    by_tag: dict[str, set[str]] = {}
    for r in recs:
        for t in r["tags"]:
            by_tag.setdefault(t, set()).add(r["id"])
    bucket = {r["id"]: r["bucket"] for r in recs}
    out: dict[str, list[str]] = {}
    for r in recs:
        shared: dict[str, int] = {}
        for t in r["tags"]:
            for other in by_tag[t]:
                if other != r["id"]:
                    shared[other] = shared.get(other, 0) + 1
        ranked = sorted(shared, key=lambda o: (-shared[o], bucket[o] != r["bucket"], o))[
            :MAX_NEIGHBOURS
        ]
        if len(ranked) < 3:  # no tag in common: fall back to the bucket
            same = [o for o in sorted(bucket) if bucket[o] == r["bucket"] and o != r["id"]]
            ranked += [o for o in same if o not in ranked][: 3 - len(ranked)]
        out[r["id"]] = ranked
    return out


def card(r: dict[str, Any]) -> dict[str, Any]:
    """What the index page knows of an environment (kept small: 1,000 of these load at once)."""
    q = r["quality"]
    growth = (
        round(q[-1]["complexity"] / q[0]["complexity"], 2) if q and q[0]["complexity"] else None
    )
    return {
        "id": r["id"],
        "file": r["file"],
        "title": r["title"],
        "description": r["description"][:300],
        "bucket": r["bucket"],
        "tags": r["tags"],
        "family": r["family"],
        "answer_kind": r["answer_kind"],
        "levels": [r["levels"][0], r["levels"][-1]] if r["levels"] else [],
        "thumb": r["thumb"],
        "gate": ("fail" if r["failures"] else "pass") if q else "",
        "growth": growth,
    }


def write_if_changed(path: Path, text: str) -> None:
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def catalogue(
    suite: Suite,
    out: Path,
    ids: Iterable[str] | None = None,
    levels: list[int] | None = None,
    instances: int = DEFAULT_INSTANCES,
    draws: int = DEFAULT_DRAWS,
    seed: int = 0,
    workers: int = 1,
    analysis: Path | None = None,
    progress: bool = False,
) -> Path:
    """Write the site into `out`; returns the path of index.html. `analysis`: a `tron
    analyze` analysis.json whose numbers replace the quick ones (draws=0 skips those)."""
    ids = sorted(ids if ids is not None else suite.list_envs())
    levels = list(range(10)) if levels is None else levels
    (out / "env").mkdir(parents=True, exist_ok=True)
    cached = from_analysis(json.loads(analysis.read_text(encoding="utf-8"))) if analysis else {}
    quick = 0 if cached else draws
    recs = records(suite, ids, levels, instances, quick, seed, out, workers, progress)
    for r in recs:
        r.update(cached.get(r["id"], {}))
    near = neighbours(recs)
    titles = {r["id"]: (r["title"], r["file"]) for r in recs}
    source = (
        "tron analyze (full gate)"
        if cached
        else f"{draws} draws per level ({'full' if draws >= FULL_GATE_DRAWS else QUICK} gate)"
        if draws
        else ""
    )
    for i, r in enumerate(recs):
        links = {
            "prev": recs[i - 1] if i > 0 else None,
            "next": recs[i + 1] if i + 1 < len(recs) else None,
            "neighbours": [(o, *titles[o]) for o in near[r["id"]]],
        }
        write_if_changed(out / "env" / f"{r['file']}.html", render_env(r, links, source))
    cards = [card(r) for r in recs]
    data = {"envs": cards, "source": source}
    write_if_changed(out / "data.js", f"window.TRON_CATALOGUE = {script_json(data)};\n")
    write_if_changed(out / "summary.html", render_summary(recs, source))
    for name in STATIC:
        text = resources.files("tron.quality").joinpath("templates", name).read_text("utf-8")
        write_if_changed(out / name, text)
    index = out / "index.html"
    write_if_changed(index, render_index(len(recs), source))
    return index


__all__ = ["catalogue", "default_workers"]
