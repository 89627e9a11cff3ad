"""tronc: the .tron compiler's command line."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from tron._version import __version__
from tron.compiler.diagnostics import InputError, InternalCompilerError, SpecError

DEFAULT_OUT = "build/tasks"

SKELETON = """# {title}: one line on what the model must see and reason about.
env {env_id}
title "{title}"
description "TODO: one line describing the task."
bucket {bucket}
levels 0 to 9
version 1
tags "todo"

canvas 512 x 512 background "white"

# Parameters: level-dependent values and random draws from the instance's generator.
param n = randint(2, 4 + level)      # random per draw, so the answer is not constant
param spots = scatter(n, 26)

# Rejection sampling: a draw that breaks a requirement is redrawn (with a hard cap).
require n >= 2 as "at least two shapes"

# The scene: components from the stdlib (see the language reference).
draw shape("circle", p.x, p.y, 22, "blue") for p in spots

question "How many circles are there?"
       | "Count the circles in the picture."

answer integer = count(spots)
check count(spots) == n
complexity = n
"""


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="tronc", description="Compile .tron environment specs.")
    p.add_argument("--version", action="version", version=f"tronc {__version__}")
    sub = p.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("compile", help="compile specs into Python modules (incremental)")
    c.add_argument("paths", nargs="+", help="spec files or folders (e.g. tasks/)")
    c.add_argument("-o", "--out", default=DEFAULT_OUT, help=f"output folder ({DEFAULT_OUT})")
    c.add_argument("-j", "--jobs", type=int, default=1, help="processes (the output is the same)")
    k = sub.add_parser("check", help="check specs, write nothing")
    k.add_argument("paths", nargs="+")
    k.add_argument("-j", "--jobs", type=int, default=1, help="processes")
    s = sub.add_parser("show", help="print the module generated from one spec")
    s.add_argument("spec")
    n = sub.add_parser("new", help="write a commented skeleton spec")
    n.add_argument("name", help="BUCKET/NAME, e.g. counting/count_stars")
    n.add_argument("--tasks", default="tasks", help="tasks folder (tasks)")
    return p


def run(args: argparse.Namespace) -> int:
    from tron.compiler import driver

    if args.cmd == "compile":
        compiled, written = driver.compile_dir(
            args.paths, Path(args.out), progress=True, jobs=args.jobs
        )
        print(
            f"tronc: {len(compiled)} environment(s) in {args.out} "
            f"({written} module(s) written, {len(compiled) - written} unchanged)"
        )
    elif args.cmd == "check":
        specs = driver.find_specs(args.paths)
        compiled = driver.compile_many(specs, progress=True, jobs=args.jobs)
        warned = [c.warnings for c in compiled if c.warnings]
        for text in warned:
            print(text, file=sys.stderr)
        note = f" ({sum(t.count(': warning: ') for t in warned)} warning(s))" if warned else ""
        print(f"tronc: {len(specs)} spec(s) OK{note}")
    elif args.cmd == "show":
        path = Path(args.spec)
        text = driver.read_spec(path)
        modules = driver.compile_spec(text, driver.display_path(path))
        for i, c in enumerate(modules):  # one module per question family
            if len(modules) > 1:
                sys.stdout.write(("\n" if i else "") + f"# ---- {c.module_name}\n")
            sys.stdout.write(c.code)
    elif args.cmd == "new":
        return new_spec(args.name, Path(args.tasks))
    return 0


def env_id_pattern() -> str:
    """The grammar's own ENV_ID pattern, so `new` accepts exactly what `check` will."""
    from tron.compiler.parse import parser

    (term,) = [t for t in parser().terminals if t.name == "ENV_ID"]
    return term.pattern.value


def new_spec(name: str, tasks: Path) -> int:
    from tron.compiler.check import BUCKETS

    bucket, _, stem = name.partition("/")
    if bucket not in BUCKETS or not re.fullmatch(env_id_pattern(), name, flags=re.ASCII):
        print(
            f"tronc: error: {name!r}: name must be BUCKET/name with BUCKET one of "
            f"{', '.join(BUCKETS)} and name in ASCII lower_snake_case (a-z, 0-9, _)",
            file=sys.stderr,
        )
        return 2
    target = tasks / bucket / f"{stem}.tron"
    if target.exists():
        print(f"tronc: error: {target}: already exists; not overwriting it", file=sys.stderr)
        return 2
    target.parent.mkdir(parents=True, exist_ok=True)
    title = stem.replace("_", " ").capitalize()
    target.write_text(SKELETON.format(env_id=name, title=title, bucket=bucket), encoding="utf-8")
    print(f"tronc: wrote {target}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Exit 0 on success, 1 for mistakes in specs, 2 for bad input (paths, arguments),
    3 for a bug in tronc. A user error is never shown as a traceback."""
    args = build_parser().parse_args(argv)
    try:
        return run(args)
    except SpecError as exc:
        print(exc.render(), file=sys.stderr)
        n = len(exc.diagnostics)
        print(f"tronc: {n} error{'s' if n != 1 else ''}", file=sys.stderr)
        return 1
    except InputError as exc:
        print(f"tronc: error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # e.g. an output folder that cannot be written
        where = exc.filename if exc.filename is not None else "tronc"
        print(f"tronc: error: {where}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    except InternalCompilerError as exc:
        print(
            f"tronc: internal compiler error (a bug in tronc, please report it): {exc}",
            file=sys.stderr,
        )
        return 3
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug outside compile_source: still not a user's traceback
        print(
            "tronc: internal compiler error (a bug in tronc, please report it): "
            f"{type(exc).__name__}: {exc}",
            file=sys.stderr,
        )
        return 3


if __name__ == "__main__":
    sys.exit(main())
