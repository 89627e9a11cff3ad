"""The `tron` subcommands for spec authors: list, preview, gallery, catalogue, analyze, validate."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from tron.cli_support import (
    output_folder,
    select,
    suite_of,
)


def cmd_list(args: argparse.Namespace) -> int:
    suite = suite_of(args)
    for env_id in suite.list_envs(args.bucket):
        info = suite.make(env_id).info
        print(f"{env_id:45s} {info.answer_kind:9s} {info.title}")
    return 0


def cmd_preview(args: argparse.Namespace) -> int:
    from tron.quality.gallery import preview

    # Authoring: a broken sibling spec should not stop the preview of this one.
    suite = suite_of(args, lenient=True)
    env = suite.make(args.env)
    out = Path(args.out or f"out/preview/{args.env.replace('/', '__')}.html")
    out.parent.mkdir(parents=True, exist_ok=True)
    page = preview(env, out, n=args.n, level=args.level, seed=args.seed)
    print(f"tron: wrote {page} and {page.parent / (page.stem + '.png')}")
    return 0


def cmd_gallery(args: argparse.Namespace) -> int:
    from tron.quality.gallery import gallery

    suite = suite_of(args)
    envs = [suite.make(e) for e in select(args)]
    index = gallery(envs, Path(args.out), n=args.n, seed=args.seed)
    print(f"tron: wrote {index} ({len(envs)} environments)")
    return 0


def cmd_catalogue(args: argparse.Namespace) -> int:
    from tron.quality.catalogue import catalogue

    suite = suite_of(args)
    out = output_folder(Path(args.out))
    index = catalogue(
        suite,
        out,
        select(args),
        levels=args.levels,
        instances=args.instances,
        draws=args.draws,
        seed=args.seed,
        workers=args.workers,
        analysis=Path(args.analysis) if args.analysis else None,
        progress=sys.stderr.isatty(),
    )
    print(f"tron: wrote {index} (open it in a browser; summary.html has the suite in plots)")
    return 0


def cmd_analyze(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from tron.quality.analyze import analyze_env, markdown_table, near_duplicates, report_html

    suite = suite_of(args)
    ids = list(args.envs) or suite.list_envs()
    reports = [
        analyze_env(suite.make(e), args.n, args.seed) for e in tqdm(ids, desc="analyze", unit="env")
    ]
    dups = near_duplicates(reports)
    shortcuts = shortcut_report(suite, ids, args) if args.shortcuts else {}
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    data = {"n": args.n, "envs": [r.to_dict() for r in reports], "near_duplicates": dups}
    data["shortcuts"] = shortcuts
    (out / "analysis.json").write_text(json.dumps(data, indent=1), encoding="utf-8")
    (out / "analysis.html").write_text(report_html(reports, dups, args.n), encoding="utf-8")
    (out / "analysis.md").write_text(markdown_table(reports) + "\n", encoding="utf-8")
    failures = [f for r in reports for f in r.failures]
    failures += [f"near-duplicate environments: {a} ~ {b}" for a, b in dups]
    for f in failures:
        print(f"tron analyze: FAIL {f}", file=sys.stderr)
    print(
        f"tron: wrote {out / 'analysis.html'} and analysis.json; {len(reports)} environments, "
        f"{len(failures)} gate violation(s)"
    )
    return 1 if failures else 0


def shortcut_report(suite: Any, ids: list[str], args: argparse.Namespace) -> dict[str, list[str]]:
    """A trivial feature of the state (the first or last item of a list) that predicts the
    answer well above chance, at the lowest and highest level: printed for review, not a
    gate (a state list that is the answer itself is flagged too)."""
    from tqdm import tqdm

    from tron.quality.audit_checks import shortcut_problems

    found: dict[str, list[str]] = {}
    seeds = range(args.seed, args.seed + 4 * args.n)
    for e in tqdm(ids, desc="shortcuts", unit="env"):
        env = suite.make(e)
        for level in sorted(set(env.info.levels)):
            for text in shortcut_problems(env, level, seeds):
                found.setdefault(e, []).append(f"level {level}: {text}")
                print(f"tron analyze: review {e} level {level}: {text}", file=sys.stderr)
    return found


def cmd_validate(args: argparse.Namespace) -> int:
    from tron.compiler.diagnostics import SpecError
    from tron.quality.validate_env import validate_paths

    if args.draws < 1 or args.workers < 1 or args.deep < 0:
        print(
            "tron validate: error: --draws and --workers must be at least 1, --deep at least 0",
            file=sys.stderr,
        )
        return 2
    try:
        results = validate_paths(
            args.paths,
            args.draws,
            args.levels,
            args.workers,
            args.seed,
            sys.stderr.isatty(),
            deep=args.deep,
            near_dups=args.near_duplicates,
        )
    except SpecError as exc:
        print(exc.render(), file=sys.stderr)
        return 2
    if not results:
        print("tron validate: error: no environments found", file=sys.stderr)
        return 2
    failures = [f for r in results for f in r.failures]
    for f in failures:
        print(f.render())
    bad = sum(1 for r in results if r.failures)
    print(
        f"tron validate: {len(results)} environment(s), {sum(r.draws for r in results)} draws: "
        f"{len(results) - bad} pass, {bad} fail ({len(failures)} failure(s))"
    )
    if args.json:
        data = {"draws": args.draws, "envs": [r.to_dict() for r in results]}
        Path(args.json).write_text(json.dumps(data, indent=1), encoding="utf-8")
    return 1 if failures else 0
