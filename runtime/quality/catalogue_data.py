"""What the catalogue knows of one environment: its sample instances per level (written as
small WebP images), a thumbnail, its spec source, and quick quality numbers per level.

One function, `env_record`, does the work of one environment; it runs in a worker process
(it takes paths and ids, never live objects) and returns plain JSON-able data, so the site
does not depend on how many workers drew it."""

from __future__ import annotations

import hashlib
import io
import json
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any

from PIL import Image

from tron.envs.env import Env, Instance
from tron.envs.suite import Suite
from tron.quality.analyze import (
    THRESHOLDS,
    EnvReport,
    LevelReport,
    blind_accuracy,
    entropy_ratio,
    gate,
)

IMAGE_SIZE = 240  # longer side of an instance picture on an environment page
THUMB_SIZE = 160  # longer side of a card thumbnail
WEBP_QUALITY = 50
BUDGET = 50_000  # bytes of images per environment; over it, every picture is re-encoded ...
LOW_QUALITY = 30  # ... at this quality (busy pictures: photos of textures, dense grids)
MAX_SOURCE = 200_000  # characters of spec source shown on a page


def env_file(env_id: str) -> str:
    """The file stem of an environment's page and image folder ("bucket__name")."""
    return env_id.replace("/", "__")


def webp(image: Image.Image, quality: int = WEBP_QUALITY) -> bytes:
    buf = io.BytesIO()
    # method 2 (fast) and no metadata: the same picture gives the same bytes (CI diffs stay quiet)
    image.save(buf, "WEBP", quality=quality, method=2, exact=False)
    return buf.getvalue()


def write_pictures(pictures: dict[Path, Image.Image]) -> None:
    """Encode and write, within BUDGET bytes when the lower quality gets there."""
    data = {path: webp(im) for path, im in pictures.items()}
    if sum(map(len, data.values())) > BUDGET:
        data = {path: webp(im, LOW_QUALITY) for path, im in pictures.items()}
    for path, blob in data.items():
        path.write_bytes(blob)


def thumbnail(image: Image.Image) -> Image.Image:
    w, h = image.size
    k = THUMB_SIZE / max(w, h)
    return image.resize((max(1, round(w * k)), max(1, round(h * k))), Image.Resampling.LANCZOS)


def spec_source(spec_path: str, suite_dir: Path, source_hash: str) -> str | None:
    """The spec text a module was compiled from, when it can be found and still matches the
    compiled hash (a spec edited since compiling is not shown as if it were the source)."""
    rel = Path(spec_path)
    candidates = [rel, suite_dir / rel, suite_dir.parent / rel, suite_dir.parent.parent / rel]
    if rel.parts and rel.parts[0] == "tasks":  # the bundled suite, installed as tron.tasks
        candidates.append(Path(str(resources.files("tron.tasks"))).joinpath(*rel.parts[1:]))
    for path in candidates:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if hashlib.sha256(text.encode("utf-8")).hexdigest() == source_hash:
            return text[:MAX_SOURCE]
    return None


def draw(env: Env, level: int, seed: int) -> Instance | None:
    try:
        return env.sample(level, seed)
    except Exception:  # noqa: BLE001 - a failed draw is counted, as tron analyze counts it
        return None


def level_report(level: int, draws: list[Instance | None]) -> LevelReport:
    """analyze's numbers for one level from draws already made. Distinct: different
    (question, answer, latent state) triples; the latent state fixes the picture."""
    insts = [i for i in draws if i is not None]
    answers = Counter(i.answer_text for i in insts)
    distinct = len(
        {
            hashlib.sha256(
                json.dumps(
                    [i.question, i.answer_text, i.meta.get("state")], sort_keys=True
                ).encode()
            ).hexdigest()
            for i in insts
        }
    )
    blind, chance = blind_accuracy([(i.question, i.answer_text) for i in insts])
    cx = [
        float(i.meta["complexity"])
        for i in insts
        if isinstance(i.meta.get("complexity"), int | float)
    ]
    return LevelReport(
        level=level,
        draws=len(draws),
        accepted=len(insts),
        failed=len(draws) - len(insts),
        mean_tries=round(sum(i.meta.get("tries", 1) for i in insts) / len(insts), 3)
        if insts
        else 0.0,
        distinct=distinct,
        answers=dict(answers.most_common()),
        entropy_ratio=round(entropy_ratio(answers), 3),
        largest_share=round(max(answers.values()) / len(insts), 3) if insts else 0.0,
        chance=round(chance, 3),
        blind=round(blind, 3),
        complexity=round(sum(cx) / len(cx), 3) if cx else 0.0,
    )


FULL_GATE_DRAWS = 30  # below this many draws per level only the robust checks run


def quick_gate(rep: EnvReport) -> None:
    """The checks that hold at a few draws per level: every draw succeeds, complexity grows.
    (Balance and the blind baseline need tron analyze's draw count; at 4 draws they would
    raise false alarms.)"""
    for lv in rep.levels:
        if lv.accepted / lv.draws < THRESHOLDS["min_reliability"]:
            rep.failures.append(
                f"{rep.env_id} level {lv.level}: reliability {lv.accepted}/{lv.draws}"
            )
    cx = [lv.complexity for lv in rep.levels]
    if len(cx) > 1 and not cx[-1] > cx[0]:
        rep.failures.append(f"{rep.env_id}: complexity does not grow ({cx[0]} -> {cx[-1]})")


def quality_row(lv: LevelReport) -> dict[str, Any]:
    """The five numbers per level a page plots."""
    return {
        "level": lv.level,
        "reliability": round(lv.accepted / lv.draws, 3) if lv.draws else 0.0,
        "balance": lv.entropy_ratio,
        "blind_gap": round(lv.blind - lv.chance, 3),
        "distinct": round(lv.distinct / lv.accepted, 3) if lv.accepted else 0.0,
        "complexity": lv.complexity,
    }


def env_record(
    suite_dir: str,
    env_id: str,
    levels: list[int],
    instances: int,
    draws: int,
    seed: int,
    out: str,
) -> dict[str, Any]:
    """Sample, draw and measure one environment; images go to out/img/<env>/."""
    suite = Suite.from_compiled(suite_dir)
    env = suite.make(env_id)
    entry = suite.entries[env_id]
    lo, hi = env.info.levels
    own = sorted({min(max(lv, lo), hi) for lv in levels})
    stem = env_file(env_id)
    img_dir = Path(out) / "img" / stem
    img_dir.mkdir(parents=True, exist_ok=True)
    shown: dict[str, list[dict[str, Any]]] = {}
    rep = EnvReport(env_id, env.info.bucket)
    thumb_level = own[len(own) // 2]
    thumb = ""
    pictures: dict[Path, Image.Image] = {}
    for level in own:
        insts = [draw(env, level, seed + k) for k in range(max(draws, instances))]
        rep.levels.append(level_report(level, insts[:draws] if draws else []))
        cards = []
        for inst in [i for i in insts if i is not None][:instances]:
            picture = inst.render(IMAGE_SIZE)
            name = f"L{level}_s{inst.seed}.webp"
            pictures[img_dir / name] = picture
            if level == thumb_level and not thumb:
                thumb = f"img/{stem}/thumb.webp"
                pictures[img_dir / "thumb.webp"] = thumbnail(picture)
            cards.append(
                {
                    "id": inst.id,
                    "image": f"img/{stem}/{name}",
                    "size": list(picture.size),
                    "question": inst.question,
                    "answer": inst.answer_text,
                    "theme": str(inst.meta.get("theme", "")),
                }
            )
        shown[str(level)] = cards
    write_pictures(pictures)
    if draws >= FULL_GATE_DRAWS:
        gate(rep)
    elif draws:
        quick_gate(rep)
    info = env.info
    return {
        "id": env_id,
        "file": stem,
        "title": info.title,
        "description": info.description,
        "bucket": info.bucket,
        "tags": list(info.tags),
        "family": info.tags[0] if info.tags else info.bucket,
        "answer_kind": info.answer_kind,
        "version": info.version,
        "levels": own,
        "thumb": thumb,
        "shown": shown,
        "quality": [quality_row(lv) for lv in rep.levels] if draws else [],
        "failures": rep.failures,
        "draws": draws,
        "source": spec_source(
            str(entry.get("spec", "")), Path(suite_dir), str(entry.get("source_hash", ""))
        ),
        "spec_path": str(entry.get("spec", "")),
    }


def from_analysis(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Quality numbers per env id from a `tron analyze` analysis.json (the gate of record)."""
    out: dict[str, dict[str, Any]] = {}
    for e in data.get("envs", []):
        levels = [LevelReport(**lv) for lv in e.get("levels", [])]
        out[str(e["env_id"])] = {
            "quality": [quality_row(lv) for lv in levels],
            "failures": [str(f) for f in e.get("failures", [])],
            "draws": int(data.get("n", 0)),
        }
    return out
