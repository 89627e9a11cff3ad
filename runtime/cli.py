"""tron: runtime tools (list, preview, gallery, catalogue, generate, eval, demo).

Every failure is one line on stderr naming the file (or argument) and the problem: exit status
2 for bad input (arguments, specs, manifests, configs), 1 for a failing environment (a full
disk, a missing permission, a dead worker). A traceback means a bug in tron.
"""

from __future__ import annotations

import argparse
import errno
import json
import sys
from pathlib import Path

from tron._version import __version__
from tron.cli_authoring import (
    cmd_analyze,
    cmd_catalogue,
    cmd_gallery,
    cmd_list,
    cmd_preview,
    cmd_validate,
)
from tron.cli_support import (
    MAX_EVAL_N,
    MAX_LEVEL,
    MAX_ROWS,
    MAX_SEED,
    Parser,
    float_in,
    int_in,
    output_folder,
    parse_levels,
    png_option,
    positive_float,
    seed,
    select,
    suite_of,
)
from tron.integrations.manifest import manifest_path


def cmd_generate(args: argparse.Namespace) -> int:
    from tron.integrations.dataset import Spec, generate

    suite = suite_of(args)
    ids = select(args)
    for env_id in ids:
        suite.make(env_id)  # an unknown id fails here, with a suggestion, not in a worker
    spec = Spec(
        env_ids=tuple(ids),
        levels=tuple(args.levels),
        n=args.n,
        seed=args.seed,
        target=getattr(args, "target", "tron"),
        file_format=getattr(args, "format", "jsonl"),  # `tron demo` writes readable JSONL
        shard_size=getattr(args, "shard_size", 1000),
        split=getattr(args, "split", "train"),
        suite=str(Path(args.suite).resolve()) if getattr(args, "suite", None) else None,
        png_level=getattr(args, "png", 1),
        svg=getattr(args, "svg", False),
    )
    out = Path(args.out)
    try:
        ray = getattr(args, "ray", None)
        manifest = generate(
            spec,
            output_folder(out),
            workers=getattr(args, "workers", 1),
            use_ray=ray is not None,
            ray_address=ray or None,
            progress=sys.stderr.isatty(),  # a bar is for a person watching, not for logs
        )
    except KeyboardInterrupt:
        print(f"tron: interrupted; rerun the same command to resume into {out}", file=sys.stderr)
        return 130
    print(
        f"tron: wrote {manifest['rows']} rows in {len(manifest['shards'])} shard(s) to {out} "
        f"(manifest: {manifest_path(out)})"
    )
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    """The quickstart's main job: a catalogue of the whole suite plus a small dataset."""
    from tron.quality.catalogue import DEFAULT_DRAWS, DEFAULT_INSTANCES, default_workers

    out = Path(args.out)
    args.env, args.bucket = None, None
    site = {"instances": DEFAULT_INSTANCES, "draws": DEFAULT_DRAWS, "levels": None}
    site |= {"workers": default_workers(), "analysis": None, "out": str(out / "catalogue")}
    cmd_catalogue(argparse.Namespace(**{**vars(args), **site}))
    cmd_generate(
        argparse.Namespace(
            **{**vars(args), "out": str(out / "dataset"), "levels": list(range(10)), "n": args.rows}
        )
    )
    summary = {
        "catalogue": str(out / "catalogue" / "index.html"),
        "dataset": str(manifest_path(out / "dataset")),
    }
    print(json.dumps(summary, indent=1))
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    import os

    from tron.integrations.evaluate import EvalConfig, Limits, evaluate

    suite = suite_of(args)
    ids = select(args)
    for env_id in ids:
        suite.make(env_id)
    cfg = EvalConfig(
        base_url=args.base_url,
        model=args.model,
        max_tokens=args.max_tokens or None,
        temperature=args.temperature,
        system=args.system,
    )
    limits = Limits(concurrency=args.concurrency, timeout=args.timeout, retries=args.retries)
    out = output_folder(Path(args.out or f"out/eval/{args.model.replace('/', '__')}"))
    api_key = args.api_key or os.environ.get("OPENAI_API_KEY")
    summary = evaluate(
        suite, ids, args.levels, args.n, cfg, out, seed=args.seed, limits=limits, api_key=api_key
    )
    from tron.integrations.eval_report import markdown

    print(markdown(summary))
    print(f"tron: wrote {out / 'summary.md'}, summary.json and summary.html")
    for f in summary["failed"]:
        print(f"tron eval: FAILED {f['id']}: {f['error']}", file=sys.stderr)
    if summary["failed"]:
        print("tron eval: rerun the same command to retry the failed items", file=sys.stderr)
    return 1 if summary["failed"] else 0


def cmd_serve(args: argparse.Namespace) -> int:
    from tron.integrations.openenv_server import ServeConfig, serve

    suite = suite_of(args)
    config = ServeConfig(
        envs=select(args),
        levels=args.levels,
        seed=args.seed,
        suite=str(Path(args.suite).resolve()) if args.suite else None,
        max_sessions=args.max_sessions,
        max_body_bytes=args.max_body_bytes,
        request_timeout=args.request_timeout,
    )
    for env_id in config.envs:
        suite.make(env_id)
    serve(config, host=args.host, port=args.port)
    return 0


# ---- tron validate (the authoring gate; logic in tron.quality.validate_env) ----------------------------


def build_parser() -> argparse.ArgumentParser:
    p = Parser(prog="tron", description="TRON runtime tools.")
    p.add_argument("--version", action="version", version=f"tron {__version__}")
    sub = p.add_subparsers(dest="cmd", required=True)

    def with_suite(sp: argparse.ArgumentParser) -> None:
        sp.add_argument(
            "--suite", help="folder of .tron specs or compiled output (default: the bundled suite)"
        )

    ls = sub.add_parser("list", help="list environments")
    ls.add_argument("--bucket")
    with_suite(ls)
    ls.set_defaults(fn=cmd_list)

    pv = sub.add_parser("preview", help="contact sheet + HTML page of one environment")
    pv.add_argument("env")
    pv.add_argument("--level", type=int_in(0, MAX_LEVEL))
    pv.add_argument("-n", type=int_in(1, 1000), default=16)
    pv.add_argument("--seed", type=seed, default=0)
    pv.add_argument("-o", "--out", help="output .html path (a .png is written beside it)")
    with_suite(pv)
    pv.set_defaults(fn=cmd_preview)

    ga = sub.add_parser("gallery", help="HTML gallery of the whole suite")
    ga.add_argument("-o", "--out", default="out/gallery")
    ga.add_argument("-n", type=int_in(1, 1000), default=4, help="instances per environment")
    ga.add_argument("--seed", type=seed, default=0)
    ga.add_argument("--env", action="append")
    ga.add_argument("--bucket", action="append")
    with_suite(ga)
    ga.set_defaults(fn=cmd_gallery)

    ca = sub.add_parser("catalogue", help="static site: cards, a page per environment, a summary")
    ca.add_argument("-o", "--out", default="out/catalogue")
    ca.add_argument("--env", action="append", help="environment id (repeatable; default: all)")
    ca.add_argument("--bucket", action="append", help="every environment of a bucket")
    ca.add_argument("--levels", type=parse_levels, help="levels shown (default: 0-9)")
    ca.add_argument("--instances", type=int_in(1, 50), default=2, help="instances per level")
    ca.add_argument(
        "--draws",
        type=int_in(0, 1000),
        default=4,
        help="draws per level for quick quality numbers (30 or more: the full gate)",
    )
    ca.add_argument("--analysis", help="a `tron analyze` analysis.json to show instead")
    ca.add_argument("--seed", type=seed, default=0)
    ca.add_argument("--workers", type=int_in(1, 256), default=1, help="processes")
    with_suite(ca)
    ca.set_defaults(fn=cmd_catalogue)

    ge = sub.add_parser(
        "generate",
        help="write a sharded, resumable dataset (parquet or JSONL) for tron/verl/easyr1/trl",
    )
    ge.add_argument("--env", action="append", help="environment id (repeatable; default: all)")
    ge.add_argument("--bucket", action="append", help="every environment of a bucket")
    ge.add_argument("--levels", type=parse_levels, default=list(range(10)))
    ge.add_argument("-n", type=int_in(0, MAX_ROWS), default=100, help="rows in all")
    ge.add_argument("--seed", type=seed, default=0)
    ge.add_argument("-o", "--out", default="out/dataset")
    ge.add_argument("--format", choices=["parquet", "jsonl"], default="parquet")
    ge.add_argument(
        "--for",
        dest="target",
        choices=["tron", "verl", "easyr1", "trl"],
        default="tron",
        help="row shape of the target trainer",
    )
    ge.add_argument(
        "--workers", type=int_in(1, 256), default=1, help="processes (the rows do not change)"
    )
    ge.add_argument("--shard-size", type=int_in(1, 10**6), default=1000, help="rows per shard file")
    ge.add_argument(
        "--ray",
        nargs="?",
        const="",
        metavar="ADDRESS",
        help="spread the work over a Ray cluster (ADDRESS, e.g. ray://host:10001 or "
        "auto; a local cluster when omitted)",
    )
    ge.add_argument("--split", default="train", help="shard file name prefix (HF split name)")
    ge.add_argument(
        "--png",
        type=png_option,
        default=1,
        metavar="fast|small|0-9",
        help="PNG encoding: fast (zlib level 1, the default), small (level 6: smaller and "
        "slower) or a zlib level; the pixels are the same",
    )
    ge.add_argument(
        "--svg",
        action=argparse.BooleanOptionalAction,
        default=False,
        help="also store each picture's SVG text (default: no; the instance name remakes it)",
    )
    with_suite(ge)
    ge.set_defaults(fn=cmd_generate)

    ev = sub.add_parser("eval", help="pass rate of a model behind an OpenAI-compatible endpoint")
    ev.add_argument("--base-url", required=True, help="e.g. http://localhost:8000/v1")
    ev.add_argument("--model", required=True)
    ev.add_argument("--env", action="append", help="environment id (repeatable; default: all)")
    ev.add_argument("--bucket", action="append")
    ev.add_argument("--levels", type=parse_levels, help="default: every level of each env")
    ev.add_argument(
        "-n", type=int_in(0, MAX_EVAL_N), default=20, help="instances per environment and level"
    )
    ev.add_argument("--seed", type=seed, default=0)
    ev.add_argument("-o", "--out", help="results folder (default out/eval/<model>); reruns resume")
    ev.add_argument("--concurrency", type=int_in(1, 1024), default=8)
    ev.add_argument("--timeout", type=positive_float, default=120.0, help="seconds per request")
    ev.add_argument("--retries", type=int_in(0, 100), default=4)
    ev.add_argument(
        "--max-tokens", type=int_in(0, 10**7), default=2048, help="0: the server's default"
    )
    ev.add_argument("--temperature", type=float_in(0.0, 100.0), default=0.0)
    ev.add_argument("--system", help="system prompt")
    ev.add_argument("--api-key", help="bearer token (default: $OPENAI_API_KEY)")
    with_suite(ev)
    ev.set_defaults(fn=cmd_eval)

    se = sub.add_parser("serve", help="an OpenEnv-compatible HTTP/WebSocket environment server")
    se.add_argument("--host", default="127.0.0.1", help="address to listen on")
    se.add_argument("--port", type=int_in(0, 65535), default=8000)
    se.add_argument("--env", action="append", help="curriculum environment (default: all)")
    se.add_argument("--bucket", action="append", help="every environment of a bucket")
    se.add_argument("--levels", type=parse_levels, default=list(range(10)))
    se.add_argument("--seed", type=int_in(0, MAX_SEED), default=0, help="curriculum seed")
    se.add_argument("--max-sessions", type=int_in(1, 4096), default=64)
    se.add_argument("--max-body-bytes", type=int_in(1024, 64 << 20), default=1 << 20)
    se.add_argument("--request-timeout", type=positive_float, default=60.0, help="seconds")
    with_suite(se)
    se.set_defaults(fn=cmd_serve)

    an = sub.add_parser("analyze", help="quality report + gate (exit 1 on any violation)")
    an.add_argument("envs", nargs="*", help="environment ids (default: all)")
    an.add_argument("-n", type=int_in(1, 100_000), default=60, help="draws per level")
    an.add_argument("--seed", type=seed, default=0)
    an.add_argument("-o", "--out", default="out/analysis")
    an.add_argument(
        "--shortcuts",
        action="store_true",
        help="also probe for trivial state features (first/last list item) that predict the "
        "answer, at the lowest and highest level over 4n draws (reported, not a gate)",
    )
    with_suite(an)
    an.set_defaults(fn=cmd_analyze)

    de = sub.add_parser("demo", help="catalogue of the suite + a small dataset (the quickstart)")
    de.add_argument("-o", "--out", default="out")
    de.add_argument("--rows", type=int_in(0, 100_000), default=50)
    de.add_argument("--seed", type=seed, default=0)
    with_suite(de)
    de.set_defaults(fn=cmd_demo)

    # tron validate
    va = sub.add_parser("validate", help="every validity rule over every level (exit 1 on any)")
    va.add_argument("paths", nargs="+", metavar="SPEC_OR_FOLDER")
    va.add_argument("--draws", type=int, default=60, help="draws per level before gates draw more")
    va.add_argument("--levels", type=parse_levels, help="default: every level of each env")
    va.add_argument("--workers", type=int, default=1, help="processes (one env each)")
    va.add_argument("--seed", type=int, default=0, help="first seed")
    va.add_argument(
        "--deep",
        type=int,
        default=12,
        help="draws per level that also get the pixel, answer and reward checks (default 12)",
    )
    va.add_argument(
        "--near-duplicates",
        action="store_true",
        help="also compare with each other and the bundled suite (the first run fingerprints "
        "the whole suite, a few minutes; later runs reuse the cache)",
    )
    va.add_argument("--json", help="also write the results to this JSON file")
    va.set_defaults(fn=cmd_validate)
    return p


def one_line(text: str) -> str:
    return " ".join(part.strip() for part in str(text).splitlines() if part.strip())


def failure(exc: BaseException) -> tuple[int, str] | None:
    """(exit status, one-line message) for a failure that is the user's or the machine's;
    None for anything else, which is a bug in tron and keeps its traceback."""
    from tron.compiler.diagnostics import SpecError  # loaded already if a spec was compiled
    from tron.envs.env import EnvError
    from tron.envs.program import SamplingError

    if isinstance(exc, SpecError):  # first diagnostic's `file:line:col: error: ...` line
        more = len(exc.diagnostics) - 1
        extra = f" (and {more} more; `tronc check` lists them all)" if more > 0 else ""
        return 2, (str(exc).splitlines() or ["error in a spec"])[0] + extra
    if isinstance(exc, KeyError):
        return 2, one_line(str(exc.args[0]) if exc.args else "missing key")
    if isinstance(exc, ValueError | EnvError | SamplingError):
        return 2, one_line(str(exc))
    if isinstance(exc, OSError):
        where = f"{exc.filename}: " if exc.filename else ""
        what = exc.strerror or one_line(str(exc)) or type(exc).__name__
        # a path the user gave that is missing or of the wrong kind is bad input; the rest
        # (full disk, permissions, I/O errors) is the machine's
        bad_path = (FileNotFoundError, NotADirectoryError, IsADirectoryError, FileExistsError)
        user = isinstance(exc, bad_path) or exc.errno == errno.ENAMETOOLONG
        return (2 if user else 1), one_line(where + what)
    if isinstance(exc, ImportError | MemoryError):  # a missing extra (Ray, cairo); no memory
        return 1, one_line(str(exc)) or type(exc).__name__
    from concurrent.futures.process import BrokenProcessPool

    if isinstance(exc, BrokenProcessPool):
        return 1, "a worker process died (out of memory or killed?); rerun to resume"
    return None


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # usage error (already printed, one line), --help or --version
        return exc.code if isinstance(exc.code, int) else 2
    try:
        return int(args.fn(args))
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        known = failure(exc)
        if known is None:
            raise
        code, message = known
        print(f"tron {args.cmd}: error: {message}", file=sys.stderr)
        return code


if __name__ == "__main__":
    sys.exit(main())
