"""The catalogue's HTML: jinja2 templates (autoescaped) and data safe inside <script>."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from functools import cache
from importlib import resources
from typing import Any

import jinja2
from markupsafe import Markup

from tron.quality.catalogue_plots import PALETTE, bars, level_plot, lines

PLOTS = (  # (key, title, lowest, highest or None for the data's own)
    ("reliability", "reliability (accepted / draws)", 0.0, 1.0),
    ("balance", "answer balance (entropy ratio)", 0.0, 1.0),
    ("blind_gap", "blind baseline − chance", -0.2, 0.5),
    ("distinct", "distinct share of draws", 0.0, 1.0),
    ("complexity", "complexity", 0.0, None),
)


def script_json(data: Any) -> str:
    """JSON that cannot end a <script> element or a JS string early: `<`, `>` and `&` as
    \\u escapes (so no `</script>` or `<!--`), and U+2028/U+2029 escaped (line terminators
    in older JavaScript). Every one of these can only occur inside a JSON string."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    for ch in ("<", ">", "&", "\u2028", "\u2029"):
        text = text.replace(ch, f"\\u{ord(ch):04x}")
    return text


@cache
def templates() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(resources.files("tron.quality").joinpath("templates"))),
        autoescape=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["script_json"] = lambda v: Markup(script_json(v))
    return env


def render_index(count: int, source: str) -> str:
    return templates().get_template("catalogue_index.html.j2").render(count=count, source=source)


def quality_plots(r: dict[str, Any]) -> list[Markup]:
    q = r["quality"]
    levels = [row["level"] for row in q]
    return [
        Markup(level_plot(title, levels, [float(row[key]) for row in q], lo, hi))
        for key, title, lo, hi in PLOTS
    ]


def render_env(r: dict[str, Any], links: dict[str, Any], source: str) -> str:
    return (
        templates()
        .get_template("catalogue_env.html.j2")
        .render(e=r, links=links, plots=quality_plots(r) if r["quality"] else [], source=source)
    )


def growth_by_bucket(recs: list[dict[str, Any]]) -> tuple[list[int], list[tuple[str, list[float]]]]:
    """Mean complexity per level relative to level 0, per bucket (envs over all 10 levels
    with a positive level-0 complexity)."""
    per: dict[str, list[list[float]]] = defaultdict(list)
    width = max((len(r["quality"]) for r in recs), default=0)
    for r in recs:
        q = r["quality"]
        if len(q) == width and width and q[0]["complexity"] > 0:
            per[r["bucket"]].append([row["complexity"] / q[0]["complexity"] for row in q])
    levels = [row["level"] for r in recs if len(r["quality"]) == width for row in r["quality"]][
        :width
    ]
    series = [
        (b, [round(sum(col) / len(col), 3) for col in zip(*rows, strict=True)])
        for b, rows in sorted(per.items())
    ]
    return levels, series


def render_summary(recs: list[dict[str, Any]], source: str) -> str:
    buckets = Counter(r["bucket"] for r in recs)
    families = Counter(r["family"] for r in recs)
    kinds = Counter(r["answer_kind"] for r in recs)
    measured = [r for r in recs if r["quality"]]
    gate: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in measured:
        gate[r["bucket"]][1 if r["failures"] else 0] += 1
    levels, series = growth_by_bucket(measured)
    plots = [
        bars("environments per bucket", sorted(buckets.items())),
        bars("answer kinds", sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])), PALETTE[1]),
        bars(
            f"families (first tag; {len(families)} in all, largest 40)",
            sorted(families.items(), key=lambda kv: (-kv[1], kv[0]))[:40],
            PALETTE[2],
        ),
    ]
    if series:
        plots.append(lines("complexity relative to level 0, mean per bucket", series, levels))
    if measured:
        plots.append(
            bars(
                "gate: environments passing, per bucket",
                [(b, v[0]) for b, v in sorted(gate.items())],
                PALETTE[2],
            )
        )
        plots.append(
            bars(
                "gate: environments failing, per bucket",
                [(b, v[1]) for b, v in sorted(gate.items())],
                PALETTE[4],
            )
        )
    failures = [(r["id"], r["file"], f) for r in measured for f in r["failures"]]
    return (
        templates()
        .get_template("catalogue_summary.html.j2")
        .render(
            count=len(recs),
            plots=[Markup(p) for p in plots],
            failures=failures,
            failing=sum(1 for r in measured if r["failures"]),
            measured=len(measured),
            source=source,
        )
    )
