"""TRON generation benchmark.

    python bench/run.py [--envs PREFIX ...] [-n N] [--out bench/results]

For every environment of the suite (tron.list_envs(), or --suite PATH): instances per second
on one core for the full sample (state, question, answer and PIL raster image), split into
sampling (compiled module: state, scene items, question, answer), scene building (scene ->
resolved outlines for the theme), rasterisation (Cairo -> PIL) and PNG encoding (only paid when
bytes are asked for); verify calls per second; and two baselines drawn from the same scenes:
the SVG text rasterised by cairosvg, and PIL ImageDraw at 4x size downsampled with LANCZOS.
Also a synthetic 30-shape 512x512 scene, `tronc compile` cold and warm, and 1 vs 2 worker
scaling of tron.sample_batch. Writes OUT/latest.md and OUT/latest.json.

Times are per-process CPU time by default (--clock cpu): on a shared machine wall time also
counts time spent waiting for other processes' turns. Worker scaling is always wall time.
Each phase runs --repeat times over the same instances and the fastest run is kept.
"""

from __future__ import annotations

import argparse
import io
import json
import math
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont

import tron
from tron.render.cairo_raster import outlines, paint_outlines
from tron.render.raster import load_cairosvg, png_bytes, svg_to_image
from tron.render.scene import Circle, Ellipse, Polygon, Rect, Scene, Style, Text, item_pieces
from tron.render.svg import to_svg
from tron.render.textpath import text_placement
from tron.render.themes import THEMES, Theme

ROOT = Path(__file__).resolve().parent.parent
Clock = Callable[[], float]


def per_item(fn: Callable[[Any], Any], items: Sequence[Any], clock: Clock, repeat: int) -> float:
    """Seconds per item of fn over items: the fastest of `repeat` passes."""
    best = math.inf
    for _ in range(repeat):
        t0 = clock()
        for x in items:
            fn(x)
        best = min(best, clock() - t0)
    return best / max(1, len(items))


# ---- the peer baseline: PIL ImageDraw at 4x, downsampled -------------------------------------


def _flatten(ops: Sequence[tuple[str, tuple[float, ...]]], k: float) -> list[list[tuple]]:
    """Outline ops -> polylines (one per subpath), curves cut into 12 segments, scaled by k."""
    paths: list[list[tuple]] = []
    cur = (0.0, 0.0)
    for op, a in ops:
        if op == "M":
            paths.append([(a[0] * k, a[1] * k)])
            cur = (a[0], a[1])
        elif op == "L":
            paths[-1].append((a[0] * k, a[1] * k))
            cur = (a[0], a[1])
        elif op == "C":
            for i in range(1, 13):
                t, u = i / 12, 1 - i / 12
                x = u**3 * cur[0] + 3 * u * u * t * a[0] + 3 * u * t * t * a[2] + t**3 * a[4]
                y = u**3 * cur[1] + 3 * u * u * t * a[1] + 3 * u * t * t * a[3] + t**3 * a[5]
                paths[-1].append((x * k, y * k))
            cur = (a[4], a[5])
        elif op == "Z" and paths:
            paths[-1].append(paths[-1][0])
    return paths


_FONT_FILES = {"sans": "DejaVuSans.ttf", "serif": "DejaVuSerif.ttf", "mono": "DejaVuSansMono.ttf"}
_PIL_FONTS: dict[tuple[str, int], Any] = {}


def _pil_font(font: str, bold: bool, px: int) -> Any:
    name = "DejaVuSans-Bold.ttf" if bold and font == "sans" else _FONT_FILES[font]
    if (name, px) not in _PIL_FONTS:
        path = ROOT / "runtime" / "fonts" / name
        _PIL_FONTS[name, px] = ImageFont.truetype(str(path), px)
    return _PIL_FONTS[name, px]


def pil_4x(scene: Scene, theme: Theme, k: int = 4) -> Image.Image:
    """How a typical procedural puzzle generator draws: PIL at k x size, LANCZOS down. Shapes
    follow the same outlines; text is PIL's own TrueType drawing; opacity is ignored."""
    from tron.render.colours import resolve

    img = Image.new("RGB", (scene.width * k, scene.height * k), resolve(scene.background, theme))
    draw = ImageDraw.Draw(img)
    for item, _key in scene.items:
        st = item.style
        if isinstance(item, Text):
            colour = st.fill if st.fill is not None else st.stroke
            if colour is None or not item.text:
                continue
            font = theme.font if item.font == "sans" else item.font
            x, y, _ = text_placement(
                item.text, item.x, item.y, item.size, item.anchor, font, item.bold
            )
            draw.text(
                (x * k, y * k),
                item.text,
                fill=resolve(colour, theme),
                font=_pil_font(font, item.bold, round(item.size * k)),
                anchor="ls",
            )
            continue
        for piece in item_pieces(item, theme.stroke_scale, theme.font):
            paths = _flatten(piece.ops, k)
            fill = resolve(piece.fill, theme) if piece.fill else None
            stroke = resolve(piece.stroke, theme) if piece.stroke else None
            for pts in paths:
                if fill and len(pts) > 2:
                    draw.polygon(pts, fill=fill)
                if stroke and piece.width > 0 and len(pts) > 1:
                    draw.line(pts, fill=stroke, width=max(1, round(piece.width * k)), joint="curve")
    return img.resize((scene.width, scene.height), Image.Resampling.LANCZOS)


# ---- the synthetic scene ---------------------------------------------------------------------


def synthetic_scene(n: int = 30, seed: int = 0) -> Scene:
    """n filled, outlined shapes on a 512 x 512 canvas (no text)."""
    rng = random.Random(seed)
    colours = ["red", "blue", "green", "orange", "purple", "yellow", "gray", "pink"]
    s = Scene(512, 512)
    for i in range(n):
        x, y = rng.uniform(40, 472), rng.uniform(40, 472)
        r = rng.uniform(12, 40)
        style = Style(fill=rng.choice(colours), stroke="black", stroke_width=2)
        kind = i % 4
        if kind == 0:
            s.add(Circle(x, y, r, style=style))
        elif kind == 1:
            s.add(Rect(x - r, y - r, 2 * r, 1.5 * r, rx=4, style=style))
        elif kind == 2:
            s.add(Polygon(((x, y - r), (x + r, y + r), (x - r, y + r)), style=style))
        else:
            s.add(Ellipse(x, y, r, r / 2, style=style))
    return s


def bench_synthetic(clock: Clock, repeat: int, n: int) -> dict[str, float]:
    cairosvg = load_cairosvg()
    scene, theme = synthetic_scene(), THEMES["clean"]
    svg = to_svg(scene, theme)
    items = [None] * n

    def csvg_draw(_: Any) -> Any:
        tree = cairosvg.parser.Tree(bytestring=svg.encode())
        return cairosvg.surface.PNGSurface(tree, io.BytesIO(), 96)

    surf = csvg_draw(None)
    img = paint_outlines(scene, theme, outlines(scene, theme))
    ms = {
        "svg_text": per_item(lambda _: to_svg(scene, theme), items, clock, repeat),
        "cairosvg_parse_draw": per_item(csvg_draw, items, clock, repeat),
        "cairosvg_png": per_item(
            lambda _: surf.cairo.write_to_png(io.BytesIO()), items, clock, repeat
        ),
        "direct_scene": per_item(lambda _: outlines(scene, theme), items, clock, repeat),
        "direct_draw": per_item(
            lambda _: paint_outlines(scene, theme, outlines(scene, theme)), items, clock, repeat
        ),
        "png_level1": per_item(lambda _: png_bytes(img, 1), items, clock, repeat),
        "png_level6": per_item(lambda _: png_bytes(img, 6), items, clock, repeat),
        "pil_4x": per_item(lambda _: pil_4x(scene, theme), items, clock, repeat),
    }
    return {k: v * 1e3 for k, v in ms.items()}


# ---- per environment -------------------------------------------------------------------------


def _responses(inst: tron.Instance) -> list[str]:
    gold = inst.answer_text
    return [
        f"Let me look at the picture carefully. The answer is \\boxed{{{gold}}}.",
        f"<answer>{gold}</answer>",
        "I count them one by one... Answer: 7",
        f"It is either \\boxed{{{gold}}} or \\boxed{{zz}}.",
        "no idea " * 200,
    ]


def bench_env(env: tron.Env, n: int, clock: Clock, repeat: int) -> dict[str, Any]:
    lo, hi = env.info.levels
    names = [(lo + i % (hi - lo + 1), i) for i in range(n)]  # every level, distinct seeds
    insts = [env.sample(level, seed) for level, seed in names]
    marks = [outlines(i.generated.scene, i.theme, i.seed) for i in insts]
    images = [i.image for i in insts]
    idx = list(range(n))
    responses = [(inst, r) for inst in insts for r in _responses(inst)]
    s = {
        "sample": per_item(lambda nm: env.sample(*nm), names, clock, repeat),
        "scene": per_item(
            lambda j: outlines(insts[j].generated.scene, insts[j].theme, insts[j].seed),
            idx,
            clock,
            repeat,
        ),
        "raster": per_item(
            lambda j: paint_outlines(insts[j].generated.scene, insts[j].theme, marks[j]),
            idx,
            clock,
            repeat,
        ),
        "png": per_item(lambda j: png_bytes(images[j], 1), idx, clock, repeat),
        "full": per_item(lambda nm: env.sample(*nm).image, names, clock, repeat),
        "svg_text": per_item(lambda nm: env.sample(*nm).svg, names, clock, repeat),
        "cairosvg_full": per_item(
            lambda nm: svg_to_image(env.sample(*nm).svg), names, clock, max(1, repeat - 1)
        ),
        "pil4x_full": per_item(
            lambda nm: pil_4x(*_scene_theme(env.sample(*nm))), names, clock, max(1, repeat - 1)
        ),
        "verify": per_item(lambda ir: ir[0].verify(ir[1]), responses, clock, repeat),
    }
    ms = {k: v * 1e3 for k, v in s.items()}
    ms["svg_text"] -= ms["sample"]  # env.sample(...).svg minus the sampling itself
    return {
        "env": env.id,
        "ms": {k: round(v, 4) for k, v in ms.items()},
        "inst_per_s": round(1e3 / ms["full"], 1),
        "verify_per_s": round(1e3 / ms["verify"]),
        "vs_cairosvg": round(ms["cairosvg_full"] / ms["full"], 2),
        "vs_pil4x": round(ms["pil4x_full"] / ms["full"], 2),
        "size": list(images[0].size),
        "items": round(statistics.mean(len(i.generated.scene.items) for i in insts), 1),
    }


def _scene_theme(inst: tron.Instance) -> tuple[Scene, Theme]:
    assert inst.generated is not None and inst.theme is not None
    return inst.generated.scene, inst.theme


# ---- compile and scaling ---------------------------------------------------------------------


def bench_compile(tasks: Path) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, "-m", "tron.compiler.cli", "compile", str(tasks), "-o", tmp]
        out: dict[str, Any] = {}
        for phase in ("cold", "warm"):
            t0 = time.perf_counter()
            res = subprocess.run(cmd, capture_output=True, text=True)
            out[f"{phase}_s"] = round(time.perf_counter() - t0, 3)
            if res.returncode != 0:
                out["error"] = (res.stdout + res.stderr).strip().splitlines()[:3]
                break
        out["specs"] = len(list(tasks.rglob("*.tron")))
        return out


def bench_scaling(env_ids: list[str], suite: str | None, n: int) -> dict[str, Any]:
    """Wall time of tron.sample_batch for the same n requests with 1 and 2 workers (pools are
    started and warmed first, so process start-up is reported apart)."""
    src = tron.load(suite) if suite else tron.bundled()
    reqs = []
    for i in range(n):
        env_id = env_ids[i % len(env_ids)]
        lo, hi = src.make(env_id).info.levels
        reqs.append((env_id, lo + i % (hi - lo + 1), 10_000 + i))
    t0 = time.perf_counter()
    tron.sample_batch(reqs[:4], workers=2, suite=suite)  # start + warm the pool
    startup = time.perf_counter() - t0
    tron.sample_batch(reqs[: 2 * len(env_ids)], workers=2, suite=suite)
    tron.sample_batch(reqs[: len(env_ids)], workers=1, suite=suite)
    walls = {}
    for w in (1, 2):
        t0 = time.perf_counter()
        tron.sample_batch(reqs, workers=w, suite=suite)
        walls[w] = time.perf_counter() - t0
    return {
        "instances": n,
        "pool_startup_s": round(startup, 3),
        "workers_1_per_s": round(n / walls[1], 1),
        "workers_2_per_s": round(n / walls[2], 1),
        "scaling": round(walls[1] / walls[2], 2),
        "cpus": os.cpu_count(),
    }


# ---- report ----------------------------------------------------------------------------------


def markdown(r: dict[str, Any]) -> str:
    m = r["machine"]
    lines = [
        "# TRON generation benchmark",
        "",
        f"{m['cpu']}, {m['cpus']} CPUs, Python {m['python']}, cairo {m['cairo']}, "
        f"Pillow {m['pillow']}; clock: {r['clock']}; n = {r['n']} per environment; "
        f"load average {m['load_before']} before, {m['load_after']} after.",
        "",
        "Per environment, ms per instance on one core. full = sample + scene + raster (a PIL "
        "image; no PNG). cairosvg = the same sample with its SVG rasterised by cairosvg; "
        "PIL 4x = the same sample drawn by PIL at 4x and downsampled.",
        "",
        "| environment | items | sample | scene | raster | full | inst/s | PNG (lvl 1) "
        "| SVG text | cairosvg | x faster | PIL 4x | x faster | verify/s |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for e in r["envs"]:
        ms = e["ms"]
        lines.append(
            f"| {e['env']} | {e['items']} | {ms['sample']:.2f} | {ms['scene']:.2f} "
            f"| {ms['raster']:.2f} | {ms['full']:.2f} | {e['inst_per_s']:.0f} | {ms['png']:.2f} "
            f"| {ms['svg_text']:.2f} | {ms['cairosvg_full']:.2f} | {e['vs_cairosvg']:.1f} "
            f"| {ms['pil4x_full']:.2f} | {e['vs_pil4x']:.1f} | {e['verify_per_s']:,} |"
        )
    s = r["summary"]
    lines += [
        "",
        f"Median environment: full sample {s['median_full_ms']:.2f} ms "
        f"({s['median_inst_per_s']:.0f} instances/s on one core); "
        f"{s['median_vs_cairosvg']:.1f}x faster than the cairosvg path "
        f"(min {s['min_vs_cairosvg']:.1f}x), {s['median_vs_pil4x']:.1f}x faster than PIL 4x "
        f"(min {s['min_vs_pil4x']:.1f}x); verify {s['median_verify_per_s']:,.0f} calls/s.",
    ]
    if r.get("synthetic"):
        y = r["synthetic"]
        lines += [
            "",
            "Synthetic 512x512 scene of 30 filled, outlined shapes (ms):",
            "",
            "| SVG text | cairosvg parse + draw | cairosvg PNG | direct scene | direct scene + draw "
            "| PNG level 1 | PNG level 6 | PIL 4x |",
            "|--:|--:|--:|--:|--:|--:|--:|--:|",
            f"| {y['svg_text']:.2f} | {y['cairosvg_parse_draw']:.2f} | {y['cairosvg_png']:.2f} "
            f"| {y['direct_scene']:.2f} | {y['direct_draw']:.2f} | {y['png_level1']:.2f} "
            f"| {y['png_level6']:.2f} | {y['pil_4x']:.2f} |",
        ]
    if r.get("compile"):
        c = r["compile"]
        got = f"cold {c.get('cold_s')} s, warm {c.get('warm_s')} s"
        lines += ["", f"`tronc compile tasks/` ({c['specs']} specs): {got}."]
        if "error" in c:
            lines.append(f"(compile failed: {' '.join(c['error'])})")
    if r.get("scaling"):
        g = r["scaling"]
        lines += [
            "",
            f"tron.sample_batch, {g['instances']} mixed instances, wall time: 1 worker "
            f"{g['workers_1_per_s']:.0f}/s, 2 workers {g['workers_2_per_s']:.0f}/s: "
            f"{g['scaling']:.2f}x ({g['cpus']} CPUs; pool start-up {g['pool_startup_s']} s, "
            "paid once per process).",
        ]
    return "\n".join(lines) + "\n"


def machine() -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import cairocffi
    import PIL

    return {
        "cpu": cpu,
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "cairo": cairocffi.cairo_version_string(),
        "pillow": PIL.__version__,
        "load_before": round(os.getloadavg()[0], 2),
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--envs", nargs="*", help="environment ids or prefixes (default: all)")
    p.add_argument("-n", type=int, default=40, help="instances per environment (40)")
    p.add_argument("--out", default=str(ROOT / "bench" / "results"), help="output folder")
    p.add_argument("--suite", help="a spec folder or compiled suite (default: the bundled one)")
    p.add_argument("--repeat", type=int, default=3, help="passes per phase; fastest kept (3)")
    p.add_argument("--clock", choices=["cpu", "wall"], default="cpu")
    p.add_argument("--scale-n", type=int, default=1200, help="instances for worker scaling")
    p.add_argument("--skip", nargs="*", default=[], choices=["compile", "scaling", "synthetic"])
    a = p.parse_args(argv)
    clock: Clock = time.process_time if a.clock == "cpu" else time.perf_counter

    suite = tron.load(a.suite) if a.suite else tron.bundled()
    ids = [i for i in suite.list_envs() if not a.envs or any(i.startswith(x) for x in a.envs)]
    if not ids:
        p.error("no environment matches --envs")
    report: dict[str, Any] = {"clock": a.clock, "n": a.n, "machine": machine(), "envs": []}
    for env_id in ids:
        row = bench_env(suite.make(env_id), a.n, clock, a.repeat)
        report["envs"].append(row)
        print(f"{env_id:40s} {row['ms']['full']:6.2f} ms  x{row['vs_cairosvg']:.1f} vs cairosvg"
              f"  x{row['vs_pil4x']:.1f} vs PIL 4x", flush=True)  # fmt: skip
    rows = report["envs"]
    report["summary"] = {
        "median_full_ms": statistics.median(e["ms"]["full"] for e in rows),
        "median_inst_per_s": statistics.median(e["inst_per_s"] for e in rows),
        "median_vs_cairosvg": statistics.median(e["vs_cairosvg"] for e in rows),
        "min_vs_cairosvg": min(e["vs_cairosvg"] for e in rows),
        "median_vs_pil4x": statistics.median(e["vs_pil4x"] for e in rows),
        "min_vs_pil4x": min(e["vs_pil4x"] for e in rows),
        "median_verify_per_s": statistics.median(e["verify_per_s"] for e in rows),
    }
    if "synthetic" not in a.skip:
        report["synthetic"] = {
            k: round(v, 3) for k, v in bench_synthetic(clock, a.repeat, 4 * a.n).items()
        }
    specs = Path(a.suite) if a.suite else ROOT / "tasks"
    if "compile" not in a.skip and not (specs / "manifest.json").exists():
        report["compile"] = bench_compile(specs)
    if "scaling" not in a.skip:
        # Workers load the very modules measured above (tasks/ may change meanwhile).
        try:
            report["scaling"] = bench_scaling(ids, str(suite.dir), a.scale_n)
        except Exception as exc:  # a report without scaling beats no report
            report["scaling_error"] = f"{type(exc).__name__}: {exc}"
        tron.training.batch.shutdown_pools()
    report["machine"]["load_after"] = round(os.getloadavg()[0], 2)
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "latest.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    (out / "latest.md").write_text(markdown(report), encoding="utf-8")
    print(markdown(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
