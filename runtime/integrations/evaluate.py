"""Evaluate a served model through an OpenAI-compatible chat completions endpoint (vLLM, SGLang,
...): pass rate per environment and level, as JSON, a markdown table and an HTML page with an
inline-SVG chart.

Each instance goes out as one user message holding the picture (a base64 PNG data URL) and the
question. Requests run with bounded concurrency, a timeout, and retries with exponential backoff
on transport errors, timeouts, 429 and 5xx. Finished items are appended to results.jsonl keyed
by instance id, so a rerun into the same folder asks only for what is missing.

The server is not trusted: the timeout bounds a whole attempt (not each read), a reply body is
read up to a byte cap, a reply that is too big or is not a chat completion is scored as a
failure with an `error` field (the run goes on), stored model text is capped per item, and an
output folder is locked for the run so two runs never ask the same items.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import fcntl
import json
import math
import os
import random
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from tron.envs.env import Env, Instance
from tron.envs.suite import Suite
from tron.integrations.eval_report import summarize, write_reports

RETRY_STATUS = frozenset({408, 409, 425, 429, 500, 502, 503, 504})
RESULTS = "results.jsonl"
CONFIG = "config.json"
LOCK = ".lock"
# json.loads turns each "{" or "[" into a Python object (about 25x the bytes for "[{},{},...]").
# A real chat completion has a few dozen; this bounds the memory one reply can cost.
MAX_JSON_CONTAINERS = 100_000
ERROR_SNIPPET = 200  # characters of an error reply's body kept in the message


@dataclass(frozen=True)
class EvalConfig:
    base_url: str  # e.g. http://localhost:8000/v1
    model: str
    max_tokens: int | None = 2048
    temperature: float = 0.0
    system: str | None = None

    def sampling(self) -> dict[str, Any]:
        """What changes the model's answers: results made under other values are not reused."""
        return asdict(self)


@dataclass(frozen=True)
class Limits:
    concurrency: int = 8
    timeout: float = 120.0  # seconds per request
    retries: int = 4  # further attempts after the first
    backoff: float = 0.5  # seconds before the first retry; doubles each time (capped)
    backoff_cap: float = 30.0
    max_response_bytes: int = 8 << 20  # a longer reply body is not read; the item scores 0
    max_stored_chars: int = 1 << 16  # model text kept in results.jsonl (scoring sees it all)


@dataclass(frozen=True)
class Item:
    id: str
    env_id: str
    level: int
    seed: int


class RequestFailed(RuntimeError):
    """An item's request failed for good (retries exhausted, or a non-retryable error)."""


class BadReply(ValueError):
    """The server answered, but not with a usable chat completion (too big, malformed): the
    item is scored as a failure, not retried (at a fixed setup the answer would not change)."""


class FolderBusy(ValueError):
    """Another run holds the output folder. A ValueError, so the CLI prints one line."""


def _clean(text: str, limit: int = 300) -> str:
    """Server-chosen text made safe to print: bounded, control characters escaped (an error
    message reaches the terminal, where ESC sequences would be obeyed)."""
    text = text if len(text) <= limit else text[:limit] + "..."
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def image_data_url(inst: Instance) -> str:
    return "data:image/png;base64," + base64.b64encode(inst.png_bytes()).decode("ascii")


def messages(inst: Instance, system: str | None = None) -> list[dict[str, Any]]:
    user = {
        "role": "user",
        "content": [
            {"type": "image_url", "image_url": {"url": image_data_url(inst)}},
            {"type": "text", "text": inst.question},
        ],
    }
    return ([{"role": "system", "content": system}] if system else []) + [user]


def plan_items(
    suite: Suite, env_ids: Sequence[str], levels: Sequence[int] | None, n: int, seed: int
) -> list[Item]:
    """n instances per environment and level (seeds seed..seed+n-1). Levels outside an
    environment's range are skipped rather than clamped, which would repeat instances."""
    items = []
    for env_id in env_ids:
        info = suite.make(env_id).info
        lo, hi = info.levels
        for level in range(lo, hi + 1) if levels is None else levels:
            if lo <= level <= hi:
                for s in range(seed, seed + n):
                    items.append(Item(f"{env_id}@{info.version}/{level}/{s}", env_id, level, s))
    return items


def read_results(path: Path) -> dict[str, dict[str, Any]]:
    """Finished items by id. A torn last line (a run killed mid-write) is ignored; any other
    line that is not a record is corruption, reported with the file and line."""
    done: dict[str, dict[str, Any]] = {}
    if not path.exists():
        return done
    if not path.is_file():
        raise ValueError(f"{path}: not a file")
    with path.open("rb") as f:
        lines = f.read().split(b"\n")
    torn = lines.pop()  # after the last newline: b"" or an unfinished record
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        rec = _record(line)
        if rec is None:
            raise ValueError(
                f"{path}:{lineno}: not a results record; fix or delete that line, or use another --out"
            )
        done[rec["id"]] = rec
    rec = _record(torn) if torn else None
    if rec is not None:
        done[rec["id"]] = rec
    return done


def _record(line: bytes) -> dict[str, Any] | None:
    """A results line as a record, or None if it is not one."""
    try:
        rec = json.loads(line)
    except (ValueError, RecursionError):  # ValueError covers JSON and UTF-8 errors
        return None
    ok = (
        isinstance(rec, dict)
        and isinstance(rec.get("id"), str)
        and isinstance(rec.get("reward"), int | float)
        and math.isfinite(rec["reward"])
    )
    return rec if ok else None


def _drop_torn_tail(path: Path) -> None:
    """Cut an unfinished last record (a killed run) so the next appended one starts a line."""
    if not path.is_file() or not path.stat().st_size:
        return
    with path.open("rb+") as f:
        data = f.read()
        if data.endswith(b"\n"):
            return
        cut = data.rfind(b"\n") + 1
        if _record(data[cut:]) is not None:
            f.write(b"\n")  # a whole record that only lacks its newline
        else:
            f.truncate(cut)


@contextlib.contextmanager
def lock_folder(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on an output folder for a run: two runs into one folder would
    ask every item twice. The lock goes with the process, so a killed run leaves none."""
    fd = os.open(folder / LOCK, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pid = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
            by = f" (pid {pid})" if pid.isdigit() else ""
            raise FolderBusy(
                f"{folder}: another tron eval is running into this folder{by}; "
                "wait for it or use another --out"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
    finally:
        os.close(fd)  # releases the lock


async def _read_body(r: Any, cap: int) -> tuple[bytes, bool]:
    """At most about `cap` bytes of the body, and whether there was more. Raw bytes: a small
    compressed body could inflate far past the cap."""
    buf = bytearray()
    async for chunk in r.aiter_raw():
        buf += chunk
        if len(buf) > cap:
            return bytes(buf[:cap]), True
    return bytes(buf), False


def reply_text(raw: bytes) -> str:
    """The assistant text of a chat-completions reply body; BadReply if it is not one."""
    if raw.count(b"{") + raw.count(b"[") > MAX_JSON_CONTAINERS:
        raise BadReply(f"reply has more than {MAX_JSON_CONTAINERS} JSON objects and arrays")
    try:
        data = json.loads(raw)
    except RecursionError:
        raise BadReply("reply JSON is nested too deeply") from None
    except ValueError as exc:  # JSON, UTF-8 and int-size errors
        raise BadReply(f"reply is not JSON: {exc}") from None
    choices = data.get("choices") if isinstance(data, dict) else None
    if not isinstance(choices, list) or not choices or not isinstance(choices[0], dict):
        raise BadReply("reply has no choices[0] object")
    message = choices[0].get("message")
    if not isinstance(message, dict):
        raise BadReply(f"choices[0].message is {type(message).__name__}, not an object")
    content = message.get("content")
    if content is None:  # no text (a refusal, a tool call): scored like a wrong answer
        return ""
    if not isinstance(content, str):
        raise BadReply(f"choices[0].message.content is {type(content).__name__}, not a string")
    return content


def _retry_delay(retry_after: str | None) -> float | None:
    """Retry-After in seconds if it is a sane number (the server picks it: "²", "inf", "-5")."""
    try:
        delay = float(retry_after) if retry_after else math.nan
    except ValueError:
        return None
    return delay if 0 <= delay < math.inf else None


async def _attempt(client: Any, url: str, body: dict[str, Any], limits: Limits) -> str:
    """One request: the reply text, or BadReply, RequestFailed, _Retry."""
    async with client.stream("POST", url, json=body) as r:
        if r.status_code in RETRY_STATUS:
            raise _Retry(f"HTTP {r.status_code}", _retry_delay(r.headers.get("retry-after")))
        if r.status_code >= 400:
            raw, _ = await _read_body(r, ERROR_SNIPPET * 4)
            snippet = raw.decode("utf-8", "replace")[:ERROR_SNIPPET]
            raise RequestFailed(f"HTTP {r.status_code}: {snippet!r}")
        encoding = r.headers.get("content-encoding", "identity").strip().lower()
        if encoding not in ("", "identity"):
            raise BadReply(f"reply is compressed ({encoding}) though identity was asked for")
        cap = limits.max_response_bytes
        try:
            declared = int(r.headers.get("content-length", "0"))
        except ValueError:
            declared = 0
        if declared > cap:  # refused before reading a byte of it
            raise BadReply(f"reply of {declared} bytes is over the {cap}-byte cap; not read")
        raw, more = await _read_body(r, cap)
        if more:
            raise BadReply(f"reply is over the {cap}-byte cap; stopped reading")
    return reply_text(raw)


class _Retry(Exception):
    def __init__(self, why: str, delay: float | None = None) -> None:
        super().__init__(why)
        self.delay = delay


async def _ask(
    client: Any, cfg: EvalConfig, limits: Limits, body: dict[str, Any]
) -> tuple[str, int, str | None]:
    """The reply text, the number of attempts it took, and why the reply could not be scored
    (None if it could). RequestFailed when no usable answer came back."""
    import httpx

    url = cfg.base_url.rstrip("/") + "/chat/completions"
    last = "no attempt"
    for attempt in range(limits.retries + 1):
        delay = None
        try:
            # Bounds the whole attempt (connect, send, every header and body byte): httpx's
            # own timeout is per read, so a reply dripping one byte at a time never hits it.
            async with asyncio.timeout(limits.timeout):
                return await _attempt(client, url, body, limits), attempt + 1, None
        except BadReply as exc:
            return "", attempt + 1, _clean(str(exc))
        except _Retry as exc:
            last, delay = str(exc), exc.delay
        except TimeoutError:
            last = f"no complete reply within {limits.timeout} s"
        except httpx.TransportError as exc:  # connection and protocol errors, httpx timeouts
            last = f"{type(exc).__name__}: {exc}"
        if attempt < limits.retries:
            backoff = limits.backoff * 2**attempt if delay is None else delay
            await asyncio.sleep(min(limits.backoff_cap, backoff) * (0.5 + random.random() / 2))
    raise RequestFailed(_clean(f"gave up after {limits.retries + 1} attempts; last error: {last}"))


async def _run(
    suite: Suite,
    items: list[Item],
    cfg: EvalConfig,
    limits: Limits,
    results: Path,
    progress: bool,
    api_key: str | None,
) -> list[tuple[Item, str]]:
    import httpx
    from tqdm import tqdm

    sem = asyncio.Semaphore(limits.concurrency)
    failures: list[tuple[Item, str]] = []
    bar = tqdm(total=len(items), desc="eval", unit="item", disable=not progress)
    _drop_torn_tail(results)  # or the first record appended now would share its line

    def sample(item: Item) -> tuple[Env, Instance, dict[str, Any]]:
        env = suite.make(item.env_id)
        inst = env.sample(item.level, item.seed)
        body: dict[str, Any] = {
            "model": cfg.model,
            "messages": messages(inst, cfg.system),
            "temperature": cfg.temperature,
        }
        if cfg.max_tokens is not None:
            body["max_tokens"] = cfg.max_tokens
        return env, inst, body

    async def one(client: httpx.AsyncClient, item: Item, out: Any) -> None:
        async with sem:
            try:
                # Rendering is CPU work: keep it off the event loop.
                env, inst, body = await asyncio.to_thread(sample, item)
                t0 = time.monotonic()
                reply, attempts, error = await _ask(client, cfg, limits, body)
                # Scored on the whole (capped) reply; verifying megabytes takes a while.
                reward = await asyncio.to_thread(env.verify, inst, reply) if error is None else 0.0
                keep = limits.max_stored_chars
                rec = {
                    "id": item.id,
                    "env_id": item.env_id,
                    "level": item.level,
                    "seed": item.seed,
                    "reward": reward,
                    "answer": inst.answer_text,
                    "response": reply[:keep],
                    "attempts": attempts,
                    "seconds": round(time.monotonic() - t0, 3),
                }
                if len(reply) > keep:
                    rec["truncated"] = True
                if error is not None:
                    rec["error"] = error
                out.write(json.dumps(rec, sort_keys=True) + "\n")
                out.flush()
            except RequestFailed as exc:
                failures.append((item, str(exc)))
            except Exception as exc:  # a bug or a surprise in one item must not end the run
                failures.append((item, _clean(f"{type(exc).__name__}: {exc}")))
            finally:
                bar.update(1)

    # identity: the byte cap is on what we hold, and a compressed body could inflate past it
    headers = {"Accept-Encoding": "identity"}
    if api_key:
        headers["Authorization"] = f"Bearer {api_key}"
    timeout = httpx.Timeout(limits.timeout)
    pool = httpx.Limits(max_connections=limits.concurrency)
    try:
        with results.open("a", encoding="utf-8") as out:
            async with httpx.AsyncClient(timeout=timeout, headers=headers, limits=pool) as client:
                await asyncio.gather(*(one(client, it, out) for it in items))
    finally:
        bar.close()
    return failures


def evaluate(
    suite: Suite,
    env_ids: Sequence[str],
    levels: Sequence[int] | None,
    n: int,
    cfg: EvalConfig,
    out: str | Path,
    *,
    seed: int = 0,
    limits: Limits | None = None,
    api_key: str | None = None,
    progress: bool = True,
) -> dict[str, Any]:
    """Run (or resume) an evaluation into `out`; return the summary (also written there).
    `api_key` is sent as a bearer token and, unlike the sampling setup, never written down."""
    limits = limits or Limits()
    if limits.concurrency < 1 or limits.retries < 0 or n < 0:
        raise ValueError("concurrency must be >= 1, retries >= 0 and n >= 0")
    if not 0 < limits.timeout < math.inf or limits.max_response_bytes < 1:
        raise ValueError("timeout must be a positive number of seconds, max_response_bytes >= 1")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    with lock_folder(out):
        check_config(out / CONFIG, cfg)
        items = plan_items(suite, env_ids, levels, n, seed)
        results = out / RESULTS
        done = read_results(results)
        todo = [it for it in items if it.id not in done]
        failures = (
            asyncio.run(_run(suite, todo, cfg, limits, results, progress, api_key)) if todo else []
        )
        done = read_results(results)
        summary = summarize(items, done, cfg)
        summary["failed"] = [{"id": it.id, "error": err} for it, err in failures]
        write_reports(summary, out)
    return summary


def check_config(path: Path, cfg: EvalConfig) -> None:
    """Pin the model and sampling setup of a folder; refuse results made under another one."""
    if not path.exists():
        path.write_text(json.dumps(cfg.sampling(), indent=1) + "\n", encoding="utf-8")
        return
    try:
        old = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError) as exc:
        raise ValueError(f"{path}: not a readable eval config ({_clean(str(exc))})") from None
    if not isinstance(old, dict):
        raise ValueError(f"{path}: not an eval config (a JSON object)")
    if old != cfg.sampling():
        raise ValueError(
            f"{path.parent} holds results of another model or sampling setup "
            f"({_clean(repr(old))}); use another --out"
        )
