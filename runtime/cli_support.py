"""What the `tron` subcommands share: argument types (ranged integers and floats, seeds, level
lists, the PNG setting), each refusing bad input with a one-line message before any work starts,
and the choice of suite and environments."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

from tron.envs.suite import Suite
from tron.loading import load_suite

MAX_LEVEL = 1000  # far above any spec's levels (a level beyond an env's range is clamped)
MAX_ROWS = 10**9  # `tron generate -n`
MAX_EVAL_N = 100_000  # `tron eval -n`: instances per environment and level, planned in memory
MAX_SEED = 2**62  # seed + row index must fit the int64 seed column


class Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line (argparse prints the whole usage first)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def int_in(lo: int, hi: int) -> Callable[[str], int]:
    """An argparse type: an int in lo..hi."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not an integer: {text!r:.40}") from None
        if not lo <= value <= hi:
            raise argparse.ArgumentTypeError(f"{value} is not in {lo}..{hi}")
        return value

    parse.__name__ = "int"
    return parse


def seed(text: str) -> int:
    return int_in(-MAX_SEED, MAX_SEED)(text)


def float_in(lo: float, hi: float) -> Callable[[str], float]:
    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {text!r:.40}") from None
        if not lo <= value <= hi:
            raise argparse.ArgumentTypeError(f"{text!r:.40} is not in {lo}..{hi}")
        return value

    return parse


def positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r:.40}") from None
    if not 0 < value < float("inf"):
        raise argparse.ArgumentTypeError(f"{text!r:.40} is not a positive number")
    return value


def parse_levels(text: str) -> list[int]:
    """ "3" -> [3]; "1-5" -> [1..5]; "0,2,4" -> [0, 2, 4]; each level in 0..MAX_LEVEL."""
    out: list[int] = []
    try:
        for part in text.split(","):
            lo, _, hi = part.partition("-")
            a, b = int(lo), int(hi or lo)
            if not (0 <= a <= MAX_LEVEL and 0 <= b <= MAX_LEVEL):  # before range(): no 10**9 list
                raise argparse.ArgumentTypeError(
                    f"level {max(a, b) if a >= 0 else a} is not in 0..{MAX_LEVEL}"
                )
            out.extend(range(a, b + 1))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"bad level list {text!r:.80}; write 3, 1-5 or 0,2,4"
        ) from None
    if not out:
        raise argparse.ArgumentTypeError(f"empty level list {text!r:.80}")
    return out


def png_option(text: str) -> int:
    from tron.render.raster import png_level

    try:
        return png_level(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def suite_of(args: argparse.Namespace, lenient: bool = False) -> Suite:
    from tron.loading import bundled

    if not getattr(args, "suite", None):
        return bundled()
    json_object_or_none(Path(args.suite) / "manifest.json")  # compiled output: named if corrupt
    return load_suite(args.suite, lenient=lenient)


def json_object_or_none(path: Path) -> dict[str, Any] | None:
    """A resumable folder's JSON file checked up front, so a corrupt one is reported by name."""
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path}: not valid JSON ({exc})") from None
    except RecursionError:
        raise ValueError(f"{path}: not valid JSON (nested too deeply)") from None
    if not isinstance(data, dict):
        raise ValueError(f"{path}: not a JSON object (got {type(data).__name__})")
    return data


def output_folder(path: Path) -> Path:
    if path.exists() and not path.is_dir():
        raise ValueError(f"{path}: is a file; --out must name a folder")
    return path


def select(args: argparse.Namespace) -> list[str]:
    suite = suite_of(args)
    if getattr(args, "env", None):
        return list(args.env)
    if getattr(args, "bucket", None):
        return [e for b in args.bucket for e in suite.list_envs(b)]
    return suite.list_envs()
