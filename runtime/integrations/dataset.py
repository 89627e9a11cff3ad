"""Dataset export: N rows of instances in sharded parquet or JSONL files, in the row shape of a
target trainer (tron, verl, easyr1, trl), with a manifest that makes a run resumable.

Row i holds the instance `plan_row(i, ...)` names: a pure function of the arguments, so the rows
do not depend on the number of workers, on shard boundaries, or on how often the run was
interrupted. Shards are written to a temporary file and renamed, and the manifest (itself
replaced atomically) lists only shards whose rename completed; a rerun with the same arguments
skips those whose bytes still match their recorded sha256 and writes the rest
(`tron.integrations.manifest` holds the checks).
"""

from __future__ import annotations

import hashlib
import itertools
import json
import math
import os
import re
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future
from dataclasses import asdict, dataclass
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from tron._version import __version__
from tron.envs.env import Env
from tron.envs.suite import Suite
from tron.integrations import manifest as dm
from tron.integrations.manifest import MANIFEST, load_manifest, manifest_path
from tron.integrations.process_pool import process_pool
from tron.loading import bundled, load_suite

Request = tuple[str, int, int]  # (env_id, level, seed)
FILE_FORMATS = ("parquet", "jsonl")
# Hugging Face's split-name rule (ASCII): a split becomes a file name prefix, so no separators
SPLIT_NAME = re.compile(r"[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*")
CHUNK = 16  # rows per worker task: small enough to keep every worker busy on small shards


def plan_row(i: int, env_ids: Sequence[str], levels: Sequence[int], seed: int) -> Request:
    """Which (env, level, seed) row i holds: round-robin over environments, then levels, so any
    prefix of the rows is mixed; the seed is seed + i, so every row is a distinct instance."""
    if not env_ids:
        raise ValueError("no environments selected")
    if not levels:
        raise ValueError("no levels selected")
    env_id = env_ids[i % len(env_ids)]
    level = levels[(i // len(env_ids)) % len(levels)]
    return env_id, level, seed + i


def plan(env_ids: list[str], levels: list[int], n: int, seed: int) -> list[Request]:
    """The requests of rows 0..n-1."""
    return [plan_row(i, env_ids, levels, seed) for i in range(n)]


def clamp_level(env: Env, level: int) -> int:
    """A requested level outside an environment's range becomes its nearest level."""
    lo, hi = env.info.levels
    return min(max(level, lo), hi)


@dataclass(frozen=True)
class Spec:
    """Everything that determines a dataset's rows and files (not how fast it is made)."""

    env_ids: tuple[str, ...]
    levels: tuple[int, ...]
    n: int
    seed: int = 0
    target: str = "tron"  # row shape: tron | verl | easyr1 | trl
    file_format: str = "parquet"
    shard_size: int = 1000
    split: str = "train"
    suite: str | None = None  # folder of specs / compiled output; None: the bundled suite
    # Pictures: the project's PNG encoder at this zlib level (1 "fast", 6 "small"); the SVG
    # text column only when asked (it is the same picture, and (id, version, level, seed)
    # remakes it byte for byte); `tron.verify(row, text)` never needs it.
    png_level: int = 1
    svg: bool = False

    def __post_init__(self) -> None:
        from tron.integrations.formats import FORMATS

        if type(self.svg) is not bool or self.png_level not in range(10):
            raise ValueError(f"svg must be a bool and png_level 0..9, got {self.png_level!r:.9}")
        for name in ("n", "seed", "shard_size", "png_level"):
            if type(getattr(self, name)) is not int:
                raise ValueError(f"{name} must be an int, got {getattr(self, name)!r:.40}")
        if not all(isinstance(e, str) for e in self.env_ids):
            raise ValueError("environment ids must be strings")
        if not all(type(lv) is int for lv in self.levels):
            raise ValueError("levels must be ints")
        if not isinstance(self.split, str) or not (
            len(self.split) <= 64 and SPLIT_NAME.fullmatch(self.split)
        ):
            raise ValueError(
                f"bad split name {self.split!r:.80}: letters, digits and '_', parts joined by "
                "'.', at most 64 characters"
            )
        if self.suite is not None and not isinstance(self.suite, str):
            raise ValueError(f"suite must be a path string, got {self.suite!r:.40}")
        if self.n < 0:
            raise ValueError(f"-n must be at least 0, got {self.n}")
        if self.shard_size < 1:
            raise ValueError(f"rows per shard must be at least 1, got {self.shard_size}")
        if self.file_format not in FILE_FORMATS:
            raise ValueError(f"unknown file format {self.file_format!r}; one of {FILE_FORMATS}")
        if self.target not in FORMATS:
            raise ValueError(f"unknown target {self.target!r}; one of {', '.join(FORMATS)}")
        if not self.env_ids:
            raise ValueError("no environments selected")

    @property
    def num_shards(self) -> int:
        return math.ceil(self.n / self.shard_size)

    def shard_name(self, k: int) -> str:
        ext = "parquet" if self.file_format == "parquet" else "jsonl"
        return f"{self.split}-{k:05d}-of-{self.num_shards:05d}.{ext}"

    def shard_rows(self, k: int) -> range:
        return range(k * self.shard_size, min((k + 1) * self.shard_size, self.n))

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["env_ids"], d["levels"] = list(self.env_ids), list(self.levels)
        return d


# ---- workers ----------------------------------------------------------------------------------

_SUITES: dict[str | None, Suite] = {}


def suite_at(path: str | None, reload: bool = False) -> Suite:
    """The suite at `path` (None: the bundled one), loaded once per process, or again when
    `reload` (a long-lived process must see a spec edited since; compiling is cached)."""
    if reload:
        tasks = str(resources.files("tron.tasks"))
        _SUITES[path] = load_suite(path or tasks)
    elif path not in _SUITES:
        _SUITES[path] = load_suite(path) if path else bundled()
    return _SUITES[path]


@dataclass(frozen=True)
class _Task:
    target: str
    file_format: str
    rows: tuple[tuple[int, Request], ...]  # (row index, request)
    out: str  # dataset folder (JSONL images are written under it)
    suite: str | None
    # env id -> the spec source hash the manifest records; a worker whose compiled spec
    # differs (edited mid-run) must fail rather than mix revisions
    sources: tuple[tuple[str, str | None], ...] = ()
    png_level: int = 1
    svg: bool = False


def image_name(inst_id: str) -> str:
    return inst_id.replace("/", "__").replace("@", "_v") + ".png"


def _make_rows(task: _Task) -> list[dict[str, Any]]:
    """Sample, rasterise, encode and format one chunk of rows (runs in a worker process)."""
    from tron.integrations.common import hf_image
    from tron.integrations.formats import get_format

    suite = suite_at(task.suite)
    fmt = get_format(task.target)
    sources = dict(task.sources)
    rows = []
    for index, (env_id, level, seed) in task.rows:
        env = suite.make(env_id)
        if sources and getattr(env.module, "SOURCE_HASH", None) != sources[env_id]:
            raise ValueError(f"{env_id}: its spec changed while the dataset was being written")
        inst = env.sample(clamp_level(env, level), seed)
        png = inst.png_bytes(task.png_level)  # the fast encoder: same pixels as inst.png
        if not task.svg:
            inst.__dict__["svg"] = None  # not written, so never drawn (the column stays, empty)
        image: Any
        if task.file_format == "parquet":
            image = hf_image(png)
        else:  # JSONL keeps pictures as files in the sidecar folder (paths relative to it), so
            # the data folder holds only shards; same bytes on every rerun
            rel = f"images/{image_name(inst.id)}"
            _atomic_write(dm.sidecar(task.out) / rel, png)
            image = rel
        rows.append(fmt.row(inst, env.info, image, index))
    return rows


K = TypeVar("K")
T = TypeVar("T")
R = TypeVar("R")


def _ordered(
    pool: Executor | None, fn: Callable[[T], R], items: Iterable[tuple[K, T]], window: int
) -> Iterator[tuple[K, R]]:
    """(key, fn(task)) for (key, task) items, in item order, with at most `window` tasks in
    flight (so memory stays bounded however many rows there are)."""
    if pool is None:
        for key, task in items:
            yield key, fn(task)
        return
    it = iter(items)
    pending: deque[tuple[K, Future[R]]] = deque()
    for key, task in itertools.islice(it, window):
        pending.append((key, pool.submit(fn, task)))
    while pending:
        key, future = pending.popleft()
        result = future.result()
        for k2, t2 in itertools.islice(it, 1):
            pending.append((k2, pool.submit(fn, t2)))
        yield key, result


def iter_rows(
    env_ids: Sequence[str],
    levels: Sequence[int],
    indices: Iterable[int],
    seed: int = 0,
    *,
    target: str = "tron",
    suite: str | Path | None = None,
    workers: int = 1,
    png_level: int = 1,
    svg: bool = False,
) -> Iterator[dict[str, Any]]:
    """Rows (images as the HF Image struct) for the given row indices, in order; `indices` may
    be endless when workers == 1. `png_level` and `svg` as in `Spec`."""
    path = str(Path(suite).resolve()) if suite else None

    def tasks() -> Iterator[tuple[int, _Task]]:
        it = iter(indices)
        while chunk := list(itertools.islice(it, CHUNK)):
            rows = tuple((i, plan_row(i, env_ids, levels, seed)) for i in chunk)
            yield 0, _Task(target, "parquet", rows, "", path, (), png_level, svg)

    if workers <= 1:
        for _, rows in _ordered(None, _make_rows, tasks(), 1):
            yield from rows
        return
    with process_pool(workers) as pool:
        for _, rows in _ordered(pool, _make_rows, tasks(), 4 * workers):
            yield from rows


# ---- files ------------------------------------------------------------------------------------


def _atomic_write(path: Path, data: bytes) -> None:
    """Write via a temporary file in the same folder and rename: readers (and a resumed run)
    never see a partial file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)  # a full disk should not stay full of our partial file
        if exc.filename is None:  # write() errors name no file; the user needs to know which
            raise OSError(exc.errno, exc.strerror, str(path)) from exc
        raise


def _shard_bytes(spec: Spec, rows: list[dict[str, Any]]) -> bytes:
    if spec.file_format == "jsonl":
        return "".join(json.dumps(r, sort_keys=True) + "\n" for r in rows).encode("utf-8")
    import io

    import pyarrow as pa
    import pyarrow.parquet as pq

    from tron.integrations.formats import get_format

    table = pa.Table.from_pylist(rows, schema=get_format(spec.target).arrow_schema())
    buf = io.BytesIO()
    pq.write_table(table, buf, compression="zstd")
    return buf.getvalue()


def _write_manifest(
    out: Path, spec: Spec, envs: dict[str, Any], shards: dict[int, dict[str, Any]]
) -> dict[str, Any]:
    done = [shards[k] for k in sorted(shards)]
    manifest = {
        "tron_version": __version__,
        "envs": envs,
        "args": spec.to_json(),
        "num_shards": spec.num_shards,
        "rows": sum(s["rows"] for s in done),
        "complete": len(done) == spec.num_shards,
        "shards": done,
    }
    _atomic_write(manifest_path(out), (json.dumps(manifest, indent=1) + "\n").encode("utf-8"))
    dm.legacy_manifest_path(out).unlink(missing_ok=True)  # an older tron's, now moved out
    return manifest


def _completed(
    out: Path, spec: Spec, envs: dict[str, Any], note: Callable[[str], None]
) -> dict[int, dict[str, Any]]:
    """Shards a previous run finished: listed in a manifest made with the same arguments,
    specs and tron, and still holding the bytes it recorded. A listed shard that is missing or
    differs is left out (so it is written again) and reported through `note`."""
    old = load_manifest(out)
    path = dm.find_manifest(out)
    if old is None or path is None:
        return {}
    old_args = old.get("args") if isinstance(old.get("args"), dict) else {}
    if old_args != spec.to_json():
        changed = sorted(
            k
            for k in set(old_args) | set(spec.to_json())
            if old_args.get(k) != spec.to_json().get(k)
        )
        raise ValueError(
            f"{out} holds a dataset made with other arguments ({', '.join(changed)} differ); "
            "use another --out, or delete it to start over"
        )
    shards = dm.checked_shards(path, old, spec)
    changes = dm.provenance_changes(old, __version__, envs)
    if changes and shards:  # with no shard kept there is nothing to mix: start afresh
        raise ValueError(
            f"{path}: refusing to resume, the rows on disk were made by other specs or another "
            f"tron ({'; '.join(changes)}); use another --out, or delete it to start over"
        )
    done = {}
    for k, entry in shards.items():
        problem = dm.shard_problem(out, entry)
        if problem is None:
            done[k] = entry
        else:
            note(f"{problem}; writing shard {k} again")
    return done


class RayExecutor(Executor):
    """Runs chunks as Ray tasks on a cluster (a local one when no address is given). A task
    whose worker dies is retried by Ray; chunks are pure functions of their rows, so a retry
    writes the same bytes, and shards still land whole and in order."""

    def __init__(self, address: str | None = None, retries: int = 3):
        try:
            import ray
        except ImportError as exc:  # an optional extra
            raise ImportError("Ray is not installed: pip install 'tron-rl[ray]'") from exc
        if not ray.is_initialized():
            ray.init(address=address or None, ignore_reinit_error=True, log_to_driver=False)
        self.ray = ray
        self.call = ray.remote(max_retries=retries, retry_exceptions=False)(_call)

    def submit(self, fn: Callable[..., R], /, *args: Any, **kwargs: Any) -> Future[R]:
        future: Future[R] = self.call.remote(fn, *args, **kwargs).future()
        return future

    def workers(self) -> int:
        return max(1, int(self.ray.cluster_resources().get("CPU", 1)))


def _call(fn: Callable[..., R], *args: Any, **kwargs: Any) -> R:
    return fn(*args, **kwargs)


def generate(
    spec: Spec,
    out: str | Path,
    workers: int = 1,
    progress: bool = True,
    ray_address: str | None = None,
    use_ray: bool = False,
    note: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Write the dataset `spec` names into `out` (resuming a run that was cut short) and return
    its manifest. The files do not depend on `workers`, nor on whether Ray ran them. `note`
    hears about what a resume repairs (default: a line on stderr each)."""
    from tqdm import tqdm

    if note is None:
        note = _note
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise ValueError(f"{out}: is a file; the output must be a folder")
    out.mkdir(parents=True, exist_ok=True)
    suite = str(Path(spec.suite).resolve()) if spec.suite else None
    envs = dm.provenance(suite_at(suite, reload=True), spec.env_ids)
    sources = tuple((e, r["source_hash"]) for e, r in envs.items())
    done = _completed(out, spec, envs, note)
    legacy_images, images = out / "images", dm.sidecar(out) / "images"
    if legacy_images.is_dir() and not images.exists():  # an older tron's JSONL layout
        images.parent.mkdir(parents=True, exist_ok=True)
        legacy_images.rename(images)
    for path in dm.clean_stale_tmp(out):
        note(f"removed {path}, left by an interrupted run")
    todo = [k for k in range(spec.num_shards) if k not in done]
    manifest = _write_manifest(out, spec, envs, done)
    if not todo:
        return manifest

    def tasks() -> Iterator[tuple[int, _Task]]:
        for k in todo:
            rows = [
                (i, plan_row(i, spec.env_ids, spec.levels, spec.seed)) for i in spec.shard_rows(k)
            ]
            for j in range(0, len(rows), CHUNK):
                chunk = tuple(rows[j : j + CHUNK])
                yield (
                    k,
                    _Task(
                        spec.target,
                        spec.file_format,
                        chunk,
                        str(out.resolve()),
                        suite,
                        sources,
                        spec.png_level,
                        spec.svg,
                    ),
                )

    pool: Executor | None = None
    if use_ray:
        ray_pool = RayExecutor(ray_address)
        workers = max(workers, ray_pool.workers())
        pool = ray_pool
    elif workers > 1:
        pool = process_pool(workers)
    bar = tqdm(
        total=spec.n, initial=manifest["rows"], desc="generate", unit="row", disable=not progress
    )
    try:
        rows: list[dict[str, Any]] = []
        for k, chunk_rows in _ordered(pool, _make_rows, tasks(), window=4 * max(workers, 1)):
            rows.extend(chunk_rows)  # chunks never straddle shards, and arrive in order
            bar.update(len(chunk_rows))
            if len(rows) == len(spec.shard_rows(k)):
                manifest = _finish_shard(out, spec, envs, k, rows, done)
                rows = []
    finally:
        bar.close()
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
    return manifest


def _note(message: str) -> None:
    print(f"tron generate: {message}", file=sys.stderr)


def _finish_shard(
    out: Path,
    spec: Spec,
    envs: dict[str, Any],
    k: int,
    rows: list[dict[str, Any]],
    done: dict[int, dict[str, Any]],
) -> dict[str, Any]:
    data = _shard_bytes(spec, rows)
    name = spec.shard_name(k)
    _atomic_write(out / name, data)
    done[k] = {
        "index": k,
        "file": name,
        "rows": len(rows),
        "first_row": spec.shard_rows(k).start,
        "sha256": hashlib.sha256(data).hexdigest(),
    }
    return _write_manifest(out, spec, envs, done)


def shard_files(out: str | Path, verify: bool = True) -> list[str]:
    """The finished shard files of a dataset folder, in row order (for `load_dataset`). The
    manifest is checked as a resume checks it, and (unless `verify` is False) every shard's
    bytes against its sha256: a loader never reads a truncated, edited or foreign file."""
    out = Path(out)
    manifest = load_manifest(out)
    path = dm.find_manifest(out)
    if manifest is None or path is None:
        raise FileNotFoundError(f"no {MANIFEST} for {out} (looked for {manifest_path(out)})")
    shards = dm.checked_shards(path, manifest, dm.spec_of(path, manifest))
    files = []
    for k in sorted(shards):
        problem = dm.shard_problem(out, shards[k]) if verify else None
        if problem is not None:
            raise ValueError(f"{problem}; run the same `tron generate` again to repair it")
        files.append(str(dm.inside(out, shards[k]["file"])))
    return files
