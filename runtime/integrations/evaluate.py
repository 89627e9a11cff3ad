"""Evaluate a served model through an OpenAI-compatible chat completions endpoint (vLLM, SGLang,
...): pass rate per environment and level, as JSON, a markdown table and an HTML page with an
inline-SVG chart.

Each instance goes out as one user message holding the picture (a base64 PNG data URL) and the
question. Requests run with bounded concurrency, a timeout, and retries with exponential backoff
on transport errors, timeouts, 429 and 5xx. Finished items are appended to results.jsonl keyed
by instance id, so a rerun into the same folder asks only for what is missing.
"""

from __future__ import annotations

import asyncio
import base64
import html
import json
import random
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from tron.env import Env, Instance
from tron.raster import png_bytes
from tron.suite import Suite

RETRY_STATUS = frozenset({408, 409, 425, 429, 500, 502, 503, 504})
RESULTS = "results.jsonl"
CONFIG = "config.json"


@dataclass(frozen=True)
class EvalConfig:
    base_url: str  # e.g. http://localhost:8000/v1
    model: str
    max_tokens: int | None = 2048
    temperature: float = 0.0
    system: str | None = None

    def sampling(self) -> dict[str, Any]:
        """What changes the model's answers: results made under other values are not reused."""
        return asdict(self)


@dataclass(frozen=True)
class Limits:
    concurrency: int = 8
    timeout: float = 120.0  # seconds per request
    retries: int = 4  # further attempts after the first
    backoff: float = 0.5  # seconds before the first retry; doubles each time (capped)
    backoff_cap: float = 30.0


@dataclass(frozen=True)
class Item:
    id: str
    env_id: str
    level: int
    seed: int


class RequestFailed(RuntimeError):
    """An item's request failed for good (retries exhausted, or a non-retryable error)."""


def image_data_url(inst: Instance) -> str:
    return "data:image/png;base64," + base64.b64encode(png_bytes(inst.image)).decode("ascii")


def messages(inst: Instance, system: str | None = None) -> list[dict[str, Any]]:
    user = {
        "role": "user",
        "content": [
            {"type": "image_url", "image_url": {"url": image_data_url(inst)}},
            {"type": "text", "text": inst.question},
        ],
    }
    return ([{"role": "system", "content": system}] if system else []) + [user]


def plan_items(
    suite: Suite, env_ids: Sequence[str], levels: Sequence[int] | None, n: int, seed: int
) -> list[Item]:
    """n instances per environment and level (seeds seed..seed+n-1). Levels outside an
    environment's range are skipped rather than clamped, which would repeat instances."""
    items = []
    for env_id in env_ids:
        info = suite.make(env_id).info
        lo, hi = info.levels
        for level in range(lo, hi + 1) if levels is None else levels:
            if lo <= level <= hi:
                for s in range(seed, seed + n):
                    items.append(Item(f"{env_id}@{info.version}/{level}/{s}", env_id, level, s))
    return items


def read_results(path: Path) -> dict[str, dict[str, Any]]:
    """Finished items by id; a torn last line (a run killed mid-write) is ignored."""
    done: dict[str, dict[str, Any]] = {}
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(rec, dict) and "id" in rec:
                done[rec["id"]] = rec
    return done


async def _ask(
    client: Any, cfg: EvalConfig, limits: Limits, body: dict[str, Any]
) -> tuple[str, int]:
    """The reply text and the number of attempts it took."""
    import httpx

    url = cfg.base_url.rstrip("/") + "/chat/completions"
    last = "no attempt"
    for attempt in range(limits.retries + 1):
        retry_after = None
        try:
            r = await client.post(url, json=body)
            if r.status_code in RETRY_STATUS:
                last = f"HTTP {r.status_code}"
                retry_after = r.headers.get("retry-after")
            elif r.status_code >= 400:
                raise RequestFailed(f"HTTP {r.status_code}: {r.text[:200]}")
            else:
                content = r.json()["choices"][0]["message"].get("content")
                return (content if isinstance(content, str) else ""), attempt + 1
        except httpx.TransportError as exc:  # connection errors and timeouts
            last = f"{type(exc).__name__}: {exc}"
        except (ValueError, KeyError, IndexError, TypeError) as exc:  # a malformed reply
            last = f"bad reply: {exc!r}"
        if attempt < limits.retries:
            delay = min(limits.backoff_cap, limits.backoff * 2**attempt)
            if retry_after and retry_after.replace(".", "", 1).isdigit():
                delay = min(limits.backoff_cap, float(retry_after))
            await asyncio.sleep(delay * (0.5 + random.random() / 2))  # jitter: no thundering herd
    raise RequestFailed(f"gave up after {limits.retries + 1} attempts; last error: {last}")


async def _run(
    suite: Suite,
    items: list[Item],
    cfg: EvalConfig,
    limits: Limits,
    results: Path,
    progress: bool,
    api_key: str | None,
) -> list[tuple[Item, str]]:
    import httpx
    from tqdm import tqdm

    sem = asyncio.Semaphore(limits.concurrency)
    failures: list[tuple[Item, str]] = []
    bar = tqdm(total=len(items), desc="eval", unit="item", disable=not progress)
    # A torn last line must not swallow the first record appended now.
    if results.is_file() and results.stat().st_size:
        with results.open("rb+") as f:
            f.seek(-1, 2)
            if f.read(1) != b"\n":
                f.write(b"\n")

    def sample(item: Item) -> tuple[Env, Instance, dict[str, Any]]:
        env = suite.make(item.env_id)
        inst = env.sample(item.level, item.seed)
        body: dict[str, Any] = {
            "model": cfg.model,
            "messages": messages(inst, cfg.system),
            "temperature": cfg.temperature,
        }
        if cfg.max_tokens is not None:
            body["max_tokens"] = cfg.max_tokens
        return env, inst, body

    async def one(client: httpx.AsyncClient, item: Item, out: Any) -> None:
        async with sem:
            try:
                # Rendering is CPU work: keep it off the event loop.
                env, inst, body = await asyncio.to_thread(sample, item)
                t0 = time.monotonic()
                reply, attempts = await _ask(client, cfg, limits, body)
                rec = {
                    "id": item.id,
                    "env_id": item.env_id,
                    "level": item.level,
                    "seed": item.seed,
                    "reward": env.verify(inst, reply),
                    "answer": inst.answer_text,
                    "response": reply,
                    "attempts": attempts,
                    "seconds": round(time.monotonic() - t0, 3),
                }
                out.write(json.dumps(rec, sort_keys=True) + "\n")
                out.flush()
            except RequestFailed as exc:
                failures.append((item, str(exc)))
            finally:
                bar.update(1)

    headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
    timeout = httpx.Timeout(limits.timeout)
    pool = httpx.Limits(max_connections=limits.concurrency)
    try:
        with results.open("a", encoding="utf-8") as out:
            async with httpx.AsyncClient(timeout=timeout, headers=headers, limits=pool) as client:
                await asyncio.gather(*(one(client, it, out) for it in items))
    finally:
        bar.close()
    return failures


def evaluate(
    suite: Suite,
    env_ids: Sequence[str],
    levels: Sequence[int] | None,
    n: int,
    cfg: EvalConfig,
    out: str | Path,
    *,
    seed: int = 0,
    limits: Limits | None = None,
    api_key: str | None = None,
    progress: bool = True,
) -> dict[str, Any]:
    """Run (or resume) an evaluation into `out`; return the summary (also written there).
    `api_key` is sent as a bearer token and, unlike the sampling setup, never written down."""
    limits = limits or Limits()
    if limits.concurrency < 1 or limits.retries < 0 or n < 0:
        raise ValueError("concurrency must be >= 1, retries >= 0 and n >= 0")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    conf_path = out / CONFIG
    if conf_path.is_file():
        old = json.loads(conf_path.read_text(encoding="utf-8"))
        if old != cfg.sampling():
            raise ValueError(
                f"{out} holds results of another model or sampling setup ({old}); use another --out"
            )
    else:
        conf_path.write_text(json.dumps(cfg.sampling(), indent=1) + "\n", encoding="utf-8")
    items = plan_items(suite, env_ids, levels, n, seed)
    results = out / RESULTS
    done = read_results(results)
    todo = [it for it in items if it.id not in done]
    failures = (
        asyncio.run(_run(suite, todo, cfg, limits, results, progress, api_key)) if todo else []
    )
    done = read_results(results)
    summary = summarize(items, done, cfg)
    summary["failed"] = [{"id": it.id, "error": err} for it, err in failures]
    write_reports(summary, out)
    return summary


def summarize(
    items: list[Item], done: dict[str, dict[str, Any]], cfg: EvalConfig
) -> dict[str, Any]:
    cells: dict[tuple[str, int], list[float]] = {}
    for it in items:
        if it.id in done:
            cells.setdefault((it.env_id, it.level), []).append(float(done[it.id]["reward"]))
    rows: list[dict[str, Any]] = []
    for (env_id, level), rewards in sorted(cells.items()):
        passed = sum(1 for r in rewards if r >= 1.0)
        rows.append(
            {
                "env_id": env_id,
                "level": level,
                "n": len(rewards),
                "passed": passed,
                "pass_rate": passed / len(rewards),
            }
        )
    envs: dict[str, dict[str, Any]] = {}
    for c in rows:
        e = envs.setdefault(c["env_id"], {"n": 0, "passed": 0})
        e["n"] += c["n"]
        e["passed"] += c["passed"]
    for e in envs.values():
        e["pass_rate"] = e["passed"] / e["n"]
    total = sum(c["n"] for c in rows)
    passed = sum(c["passed"] for c in rows)
    return {
        "model": cfg.model,
        "base_url": cfg.base_url,
        "planned": len(items),
        "finished": total,
        "pass_rate": passed / total if total else None,
        "cells": rows,
        "envs": envs,
    }


def markdown(summary: dict[str, Any]) -> str:
    levels = sorted({c["level"] for c in summary["cells"]})
    by = {(c["env_id"], c["level"]): c for c in summary["cells"]}
    head = ["environment", *[f"L{lv}" for lv in levels], "all"]
    lines = [
        f"Pass rate of `{summary['model']}` ({summary['finished']}/{summary['planned']} items)",
        "",
        "| " + " | ".join(head) + " |",
        "|" + "---|" * len(head),
    ]
    for env_id, e in summary["envs"].items():
        cells = []
        for lv in levels:
            c = by.get((env_id, lv))
            cells.append(f"{c['pass_rate']:.2f} ({c['passed']}/{c['n']})" if c else "")
        cells.append(f"{e['pass_rate']:.2f} ({e['passed']}/{e['n']})")
        lines.append(f"| {env_id} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def _colour(rate: float) -> str:
    # red (0) -> amber (0.5) -> green (1): readable without a legend
    r, g = (220, int(60 + 300 * rate)) if rate < 0.5 else (int(220 - 340 * (rate - 0.5)), 210)
    return f"rgb({max(0, min(255, r))},{max(0, min(255, g))},80)"


def svg_chart(summary: dict[str, Any]) -> str:
    """A heat map: one row per environment, one column per level, each cell its pass rate."""
    levels = sorted({c["level"] for c in summary["cells"]})
    envs = list(summary["envs"])
    by = {(c["env_id"], c["level"]): c for c in summary["cells"]}
    label_w = 10 + 7 * max([len(e) for e in envs] + [11])
    cw, ch, top = 56, 24, 30
    width, height = label_w + cw * (len(levels) + 1) + 10, top + ch * len(envs) + 10
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        'font-family="sans-serif" font-size="12">'
    ]
    for j, lv in enumerate([*levels, "all"]):
        x = label_w + cw * j + cw / 2
        name = f"L{lv}" if lv != "all" else "all"
        parts.append(f'<text x="{x}" y="{top - 10}" text-anchor="middle">{name}</text>')
    for i, env_id in enumerate(envs):
        y = top + ch * i
        parts.append(f'<text x="4" y="{y + ch / 2 + 4}">{html.escape(env_id)}</text>')
        cells = [by.get((env_id, lv)) for lv in levels] + [summary["envs"][env_id]]
        for j, c in enumerate(cells):
            if c is None:
                continue
            x = label_w + cw * j
            tip = html.escape(f"{env_id} {c['passed']}/{c['n']}")
            parts.append(
                f'<rect x="{x}" y="{y}" width="{cw - 2}" height="{ch - 2}" '
                f'fill="{_colour(c["pass_rate"])}"><title>{tip}</title></rect>'
                f'<text x="{x + cw / 2 - 1}" y="{y + ch / 2 + 3}" text-anchor="middle">'
                f"{c['pass_rate']:.2f}</text>"
            )
    parts.append("</svg>")
    return "".join(parts)


def write_reports(summary: dict[str, Any], out: Path) -> None:
    (out / "summary.json").write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")
    (out / "summary.md").write_text(markdown(summary), encoding="utf-8")
    title = html.escape(f"TRON eval: {summary['model']}")
    rate = summary["pass_rate"]
    page = (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body style='font-family:sans-serif'><h1>{title}</h1>"
        f"<p>{summary['finished']}/{summary['planned']} items; overall pass rate "
        f"{'n/a' if rate is None else f'{rate:.3f}'}</p>{svg_chart(summary)}</body></html>\n"
    )
    (out / "summary.html").write_text(page, encoding="utf-8")
