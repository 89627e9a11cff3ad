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
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import tron
from tron.render.cairo_raster import outlines, paint_outlines
from tron.render.raster import encode_png, load_cairosvg, png_bytes, svg_to_image
from tron.render.scene import Scene
from tron.render.svg import to_svg
from tron.render.themes import THEMES, Theme

sys.path.insert(0, str(Path(__file__).resolve().parent))
from baselines import mpl_draw, pil_4x, synthetic_scene  # noqa: E402
from export import bench_export, bench_scaling  # noqa: E402

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
        "png_small": per_item(lambda _: encode_png(img, 6), items, clock, repeat),
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
        "png_pillow6": per_item(lambda j: png_bytes(images[j], 6), idx, clock, repeat),
        "full": per_item(lambda nm: env.sample(*nm).image, names, clock, repeat),
        "full_png": per_item(lambda nm: env.sample(*nm).png_bytes(), names, clock, repeat),
        "full_svg": per_item(
            lambda nm: (lambda i: (i.image, i.svg))(env.sample(*nm)), names, clock, repeat
        ),
        "mpl_full": per_item(
            lambda nm: mpl_draw(*_scene_theme(env.sample(*nm))), names[:4], clock, 1
        ),
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
        "vs_mpl": round(ms["mpl_full"] / ms["full"], 2),
        "size": list(images[0].size),
        "items": round(statistics.mean(len(i.generated.scene.items) for i in insts), 1),
    }


def _scene_theme(inst: tron.Instance) -> tuple[Scene, Theme]:
    assert inst.generated is not None and inst.theme is not None
    return inst.generated.scene, inst.theme


# ---- compile and scaling ---------------------------------------------------------------------


def bench_compile(tasks: Path, rounds: int = 3) -> dict[str, Any]:
    """Wall time of `tronc compile` cold with -j 1 and -j 2 (interleaved, medians), and warm."""
    walls: dict[str, list[float]] = {"cold_j1": [], "cold_j2": [], "warm": []}
    out: dict[str, Any] = {}
    for _ in range(rounds):
        with tempfile.TemporaryDirectory() as tmp:
            for j in (1, 2):
                cmd = [sys.executable, "-m", "tron.compiler.cli", "compile", str(tasks)]
                cmd += ["-o", f"{tmp}/j{j}", "-j", str(j)]
                for phase in ("cold", "warm"):
                    t0 = time.perf_counter()
                    res = subprocess.run(cmd, capture_output=True, text=True)
                    walls["warm" if phase == "warm" else f"cold_j{j}"].append(
                        time.perf_counter() - t0
                    )
                    if res.returncode != 0:
                        out["error"] = (res.stdout + res.stderr).strip().splitlines()[:3]
                        return out
    out.update({f"{k}_s": round(statistics.median(v), 3) for k, v in walls.items()})
    out["specs"] = len(list(tasks.rglob("*.tron")))
    return out


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
        "image; no PNG). full+PNG = the same with `png_bytes()` (as exported: the project's "
        "encoder, level 1). full+SVG = the image and the SVG text. cairosvg = the same sample "
        "with its SVG rasterised by cairosvg; PIL 4x = drawn by PIL at 4x and downsampled; "
        "mpl = drawn by matplotlib (Agg), on the first 4 instances.",
        "",
        "| environment | items | sample | scene | raster | full | full+PNG | full+SVG "
        "| PNG Pillow 6 | cairosvg | x | PIL 4x | x | mpl | x | verify/s |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for e in r["envs"]:
        ms = e["ms"]
        lines.append(
            f"| {e['env']} | {e['items']} | {ms['sample']:.2f} | {ms['scene']:.2f} "
            f"| {ms['raster']:.2f} | {ms['full']:.2f} | {ms['full_png']:.2f} "
            f"| {ms['full_svg']:.2f} | {ms['png_pillow6']:.2f} "
            f"| {ms['cairosvg_full']:.2f} | {e['vs_cairosvg']:.1f} "
            f"| {ms['pil4x_full']:.2f} | {e['vs_pil4x']:.1f} | {ms['mpl_full']:.1f} "
            f"| {e['vs_mpl']:.0f} | {e['verify_per_s']:,} |"
        )
    s = r["summary"]
    lines += [
        "",
        f"Median environment: full sample {s['median_full_ms']:.2f} ms "
        f"({s['median_inst_per_s']:.0f} instances/s on one core); "
        f"{s['median_vs_cairosvg']:.1f}x faster than the cairosvg path "
        f"(min {s['min_vs_cairosvg']:.1f}x), {s['median_vs_pil4x']:.1f}x faster than PIL 4x "
        f"(min {s['min_vs_pil4x']:.1f}x), {s['median_vs_mpl']:.0f}x faster than matplotlib "
        f"(min {s['min_vs_mpl']:.0f}x); verify {s['median_verify_per_s']:,.0f} calls/s. "
        f"Slowest full sample: {s['max_full_env']} {s['max_full_ms']:.2f} ms = "
        f"{s['max_over_median']:.2f}x the median; full+PNG median {s['median_full_png_ms']:.2f} "
        f"ms, full+SVG median {s['median_full_svg_ms']:.2f} ms.",
    ]
    if r.get("export"):
        x = r["export"]
        lines += [
            "",
            f"Export, `tron` rows into parquet structs, {x['rows']} mixed rows, CPU time on one "
            "core (interleaved rounds, medians):",
            "",
            "| variant | ms per row | rows per CPU-second | x before |",
            "|---|--:|--:|--:|",
        ]
        for k, v in x["ms_per_row"].items():
            lines.append(
                f"| {k} | {v:.2f} | {x['rows_per_cpu_s'][k]:.0f} | {x['speedup'][k]:.2f} |"
            )
        lines += [
            "",
            f"Mean PNG size: Pillow level 6 {x['png_pillow6_bytes']:,} B, fast (level 1) "
            f"{x['png_fast_bytes']:,} B, small (level 6) {x['png_small_bytes']:,} B.",
        ]
    if r.get("synthetic"):
        y = r["synthetic"]
        lines += [
            "",
            "Synthetic 512x512 scene of 30 filled, outlined shapes (ms):",
            "",
            "| SVG text | cairosvg parse + draw | cairosvg PNG | direct scene | direct scene + draw "
            "| PNG fast (1) | PNG Pillow 6 | PNG small (6) | PIL 4x |",
            "|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
            f"| {y['svg_text']:.2f} | {y['cairosvg_parse_draw']:.2f} | {y['cairosvg_png']:.2f} "
            f"| {y['direct_scene']:.2f} | {y['direct_draw']:.2f} | {y['png_level1']:.2f} "
            f"| {y['png_level6']:.2f} | {y['png_small']:.2f} | {y['pil_4x']:.2f} |",
        ]
    if r.get("compile"):
        c = r["compile"]
        got = (
            f"cold {c.get('cold_j1_s')} s with -j 1, {c.get('cold_j2_s')} s with -j 2 "
            f"(wall, medians), warm {c.get('warm_s')} s"
        )
        lines += ["", f"`tronc compile tasks/` ({c['specs']} specs): {got}."]
        if "error" in c:
            lines.append(f"(compile failed: {' '.join(c['error'])})")
    if r.get("scaling"):
        g = r["scaling"]
        w = g["wall_s"]
        lines += [
            "",
            f"Worker scaling, wall time, {g['cpus']} CPUs, {g['rounds']} interleaved rounds, "
            f"medians (pool start-up {g['pool_startup_s']} s, paid once per process):",
            "",
            "| work | 1 worker (s) | 2 workers (s) | scaling |",
            "|---|--:|--:|--:|",
            f"| sample_batch, {g['instances']} instances | {w['batch_1']:.2f} "
            f"| {w['batch_2']:.2f} | {g['batch_scaling']:.2f}x |",
            f"| same, every image decoded in the parent | {w['batch_1_decoded']:.2f} "
            f"| {w['batch_2_decoded']:.2f} | {g['batch_scaling_decoded']:.2f}x |",
            f"| tron generate, {g['generate_rows']} parquet rows (pool start included) "
            f"| {w['generate_1']:.2f} | {w['generate_2']:.2f} | {g['generate_scaling']:.2f}x |",
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
    p.add_argument("--rounds", type=int, default=3, help="interleaved rounds per comparison")
    p.add_argument("--export-n", type=int, default=240, help="rows for the export comparison")
    p.add_argument(
        "--skip", nargs="*", default=[], choices=["compile", "scaling", "synthetic", "export"]
    )
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
        "median_vs_mpl": statistics.median(e["vs_mpl"] for e in rows),
        "min_vs_mpl": min(e["vs_mpl"] for e in rows),
        "median_full_png_ms": statistics.median(e["ms"]["full_png"] for e in rows),
        "median_full_svg_ms": statistics.median(e["ms"]["full_svg"] for e in rows),
    }
    slowest = max(rows, key=lambda e: e["ms"]["full"])
    report["summary"].update(
        max_full_env=slowest["env"],
        max_full_ms=slowest["ms"]["full"],
        max_over_median=round(slowest["ms"]["full"] / report["summary"]["median_full_ms"], 2),
    )
    if "export" not in a.skip:
        report["export"] = bench_export(ids, str(suite.dir), a.export_n, a.rounds)
    if "synthetic" not in a.skip:
        report["synthetic"] = {
            k: round(v, 3) for k, v in bench_synthetic(clock, a.repeat, 4 * a.n).items()
        }
    specs = Path(a.suite) if a.suite else ROOT / "tasks"
    if "compile" not in a.skip and not (specs / "manifest.json").exists():
        report["compile"] = bench_compile(specs, a.rounds)
    if "scaling" not in a.skip:
        # Workers load the very modules measured above (tasks/ may change meanwhile).
        try:
            report["scaling"] = bench_scaling(ids, str(suite.dir), a.scale_n, a.rounds)
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
