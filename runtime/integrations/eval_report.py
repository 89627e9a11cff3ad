"""The reports of `tron eval`: pass rates per environment and level as JSON, a markdown table
and an HTML page with an inline-SVG chart."""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # annotations only: evaluate imports this module
    from tron.integrations.evaluate import EvalConfig, Item


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
    # finished items whose reply could not be scored (counted as failed answers)
    errors = [
        {"id": it.id, "error": str(done[it.id]["error"])}
        for it in items
        if it.id in done and "error" in done[it.id]
    ]
    return {
        "model": cfg.model,
        "base_url": cfg.base_url,
        "planned": len(items),
        "finished": total,
        "pass_rate": passed / total if total else None,
        "cells": rows,
        "envs": envs,
        "errors": errors,
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
