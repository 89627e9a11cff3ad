"""Compile specs: one file, or a whole tasks folder (incremental, with a manifest)."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TypeAlias

from tron._version import __version__
from tron.compiler.check_family import check_all
from tron.compiler.codegen import generate_module, source_hash
from tron.compiler.diagnostics import (
    Diagnostic,
    InputError,
    InternalCompilerError,
    Span,
    SpecError,
)
from tron.compiler.limits import MAX_SPEC_BYTES
from tron.compiler.parse import parse

MANIFEST = "manifest.json"


@lru_cache(maxsize=1)
def compiler_key() -> str:
    """Fingerprint of the compiler itself (its code and grammar), so that cached output from a
    different compiler build is never reused, even when the version number did not change."""
    h = hashlib.sha256(__version__.encode())
    for pkg in ("tron.compiler", "tron.dsl"):
        root = resources.files(pkg)
        for entry in sorted(root.iterdir(), key=lambda e: e.name):
            if entry.name.endswith((".py", ".lark")):
                h.update(entry.name.encode() + b"\0" + entry.read_bytes())
    return h.hexdigest()[:16]


@dataclass(frozen=True)
class Compiled:
    env_id: str
    spec_path: str
    module_name: str  # file name of the generated module
    code: str
    info: dict[str, object]
    source_hash: str
    warnings: str = ""  # rendered warning diagnostics (tronc check prints them)


def module_file(env_id: str) -> str:
    return env_id.replace("/", "__") + ".py"


def compile_spec(source: str, path: str) -> list[Compiled]:
    """Spec text -> its generated modules: one for a plain spec, one per question family
    (in source order). SpecError for mistakes in the spec; InternalCompilerError for anything
    else that goes wrong inside the compiler."""
    from tron.compiler.codegen import info as info_of

    out = []
    try:
        for checked in check_all(parse(source, path)):
            code, _ = generate_module(checked)
            compile(code, path, "exec")  # generated code must always be valid Python
            env_id = str(checked.header["env"])
            warned = "\n".join(w.render(source) for w in checked.warnings)
            out.append(
                Compiled(
                    env_id,
                    path,
                    module_file(env_id),
                    code,
                    info_of(checked),
                    source_hash(source),
                    warned,
                )
            )
    except SpecError:
        raise
    except Exception as exc:  # a bug in tronc, not in the spec
        raise InternalCompilerError(
            f"internal compiler error while compiling {path}: {type(exc).__name__}: {exc}"
        ) from exc
    return out


def compile_source(source: str, path: str) -> Compiled:
    """The first environment of a spec (its only one, unless it has question families:
    `compile_spec` gives them all)."""
    return compile_spec(source, path)[0]


def read_spec(path: Path) -> str:
    """A spec's text. Only a regular file is read, and at most MAX_SPEC_BYTES + 1 bytes of it,
    so a FIFO, a device such as /dev/zero or a huge file never hangs or fills memory."""
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then rejects it.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        dangling = path.is_symlink() and not path.exists()
        raise InputError(str(path), "dangling symbolic link" if dangling else why(exc)) from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise InputError(str(path), f"not a regular file ({file_kind(mode)})")
    with os.fdopen(fd, "rb") as f:
        try:
            data = f.read(MAX_SPEC_BYTES + 1)
        except OSError as exc:
            raise InputError(str(path), why(exc)) from None
    if len(data) > MAX_SPEC_BYTES:
        msg = f"spec is larger than {MAX_SPEC_BYTES} bytes, the limit"
        raise SpecError([Diagnostic(str(path), Span.point(1, 1), msg)])
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SpecError(
            [Diagnostic(str(path), Span.point(1, 1), f"not UTF-8 text: {exc}")]
        ) from None


def why(exc: OSError) -> str:
    return (exc.strerror or type(exc).__name__).lower()


def file_kind(mode: int) -> str:
    kinds = [
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ]
    return next((name for test, name in kinds if test(mode)), "not a file")


def find_specs(paths: Iterable[str | Path]) -> list[Path]:
    """Every .tron file under the given files/folders, in sorted order. Folders whose name
    ends in .tron are walked, not read; anything else that is not a regular file is left to
    read_spec, which rejects it by name."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*.tron") if not f.is_dir()))
        elif p.exists() or p.is_symlink():
            out.append(p)
        else:
            raise InputError(str(p), "no such file or folder")
    return out


def display_path(p: Path) -> str:
    try:
        return os.path.relpath(p)
    except ValueError:
        return str(p)


Outcome: TypeAlias = "list[Compiled] | SpecError | InputError"  # a spec gives one module per family


def compile_many(
    specs: list[Path],
    cached: dict[str, list[Compiled]] | None = None,
    progress: bool = False,
    skip_broken: bool = False,
    jobs: int = 1,
) -> list[Compiled]:
    """Compile all specs, collecting every error of every file before raising. With
    `skip_broken`, specs with errors are left out instead (their diagnostics go to stderr), so
    one half-written spec does not stop an author previewing the others. `jobs` > 1 compiles
    the specs that changed in that many processes; the result is the same, in the same order."""
    from tqdm import tqdm

    cached = cached or {}
    results: list[Compiled] = []
    errors: list[Diagnostic] = []
    sources: dict[str, str] = {}
    todo: list[tuple[str, str]] = []  # (text, shown) of the specs to compile, in order
    slots: list[list[Compiled] | int] = []  # cached results, or an index into todo
    for spec in specs:
        shown = display_path(spec)
        try:
            text = read_spec(spec)
        except InputError as exc:
            if not skip_broken:
                raise
            print(f"tronc: skipped {exc}", file=sys.stderr)
            continue
        sources[shown] = text
        hit = cached.get(shown)
        if hit and all(c.source_hash == source_hash(text) for c in hit):
            slots.append(hit)
        else:
            slots.append(len(todo))
            todo.append((text, shown))
    bar = tqdm(total=len(todo), desc="tronc", unit="spec", disable=None if progress else True)
    outcomes = list(_compile_all(todo, jobs, bar.update))
    bar.close()
    for slot in slots:
        got = slot if isinstance(slot, list) else outcomes[slot]
        if isinstance(got, InputError):
            if not skip_broken:
                raise got
            print(f"tronc: skipped {got}", file=sys.stderr)
        elif isinstance(got, SpecError):
            errors.extend(got.diagnostics)
            sources.update(got.sources)
        else:
            results.extend(got)
    seen: dict[str, Compiled] = {}
    for c in results:
        if c.env_id in seen:
            errors.append(
                Diagnostic(
                    c.spec_path,
                    Span.point(1, 1),
                    f"duplicate environment id '{c.env_id}'",
                    f"also declared in {seen[c.env_id].spec_path}",
                )
            )
        seen[c.env_id] = c
    if errors and skip_broken:
        broken = {d.path for d in errors}
        print(SpecError(errors, sources).render(), file=sys.stderr)
        print(f"tronc: skipped {len(broken)} spec(s) with errors", file=sys.stderr)
        return [c for c in results if c.spec_path not in broken]
    if errors:
        raise SpecError(errors, sources)
    return results


def _compile_one(item: tuple[str, str]) -> list[Compiled] | tuple[str, object, object]:
    """compile_spec, with a user's error returned as plain data (the exceptions' own
    pickling loses their fields on the way back from a worker)."""
    try:
        return compile_spec(*item)
    except SpecError as exc:
        return ("spec", exc.diagnostics, exc.sources)
    except InputError as exc:
        return ("input", exc.path, exc.problem)


def _outcome(got: list[Compiled] | tuple[str, object, object]) -> Outcome:
    if isinstance(got, list):
        return got
    kind, a, b = got
    return SpecError(a, b) if kind == "spec" else InputError(a, b)


def _compile_all(
    todo: list[tuple[str, str]], jobs: int, tick: Callable[[int], object]
) -> Iterator[Outcome]:
    """compile_source over (text, shown) pairs, in order; a user's error is returned.
    With jobs > 1 a process pool (forked where the OS allows, so the parser built here is
    shared) parses and checks several specs at once: most of a cold compile is Lark parsing."""
    if jobs <= 1 or len(todo) < 2:
        for item in todo:
            yield _outcome(_compile_one(item))
            tick(1)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from tron.compiler.parse import parser

    parser()  # built once here: forked workers share it rather than each building its own
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with ProcessPoolExecutor(min(jobs, len(todo)), mp_context=ctx) as pool:
        for got in pool.map(_compile_one, todo, chunksize=4):
            yield _outcome(got)
            tick(1)


def load_manifest(out_dir: Path) -> dict[str, list[Compiled]]:
    """Previously compiled modules in out_dir, by spec path (empty when none or stale); a spec
    with question families has one entry per family."""
    try:
        manifest = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
        if manifest.get("compiler_key") != compiler_key():
            return {}
        out: dict[str, list[Compiled]] = {}
        for e in manifest["envs"]:
            code = (out_dir / e["module"]).read_text(encoding="utf-8")
            out.setdefault(e["spec"], []).append(
                Compiled(e["id"], e["spec"], e["module"], code, e["info"], e["source_hash"])
            )
        return out
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def write_output(compiled: list[Compiled], out_dir: Path) -> int:
    """Write modules whose text changed, and the manifest. Returns how many files were written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = 0
    for c in compiled:
        target = out_dir / c.module_name
        if not target.exists() or target.read_text(encoding="utf-8") != c.code:
            write_atomic(target, c.code)
            written += 1
    manifest = {
        "compiler_version": __version__,
        "compiler_key": compiler_key(),
        "envs": [
            {
                "id": c.env_id,
                "spec": c.spec_path,
                "module": c.module_name,
                "info": c.info,
                "source_hash": c.source_hash,
            }
            for c in sorted(compiled, key=lambda c: c.env_id)
        ],
    }
    text = json.dumps(manifest, indent=1, sort_keys=True) + "\n"
    path = out_dir / MANIFEST
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        write_atomic(path, text)
    return written


def write_atomic(path: Path, text: str) -> None:
    """Readers (other processes sharing a cache) never see a half-written file."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def compile_dir(
    paths: Iterable[str | Path],
    out_dir: Path,
    progress: bool = False,
    skip_broken: bool = False,
    jobs: int = 1,
) -> tuple[list[Compiled], int]:
    if out_dir.exists() and not out_dir.is_dir():  # checked before any work is done
        raise InputError(str(out_dir), "output path exists and is not a folder")
    specs = find_specs(paths)
    compiled = compile_many(specs, load_manifest(out_dir), progress, skip_broken, jobs)
    return compiled, write_output(compiled, out_dir)
