"""Prime Intellect's `verifiers` (v1 stack, 0.4): TRON as a taskset whose tasks are one
question with its picture, scored by TRON's exact verifier.

verifiers resolves an environment package by name (`vf-eval tron-visual` imports
`tron_visual`) and takes the `Taskset` and `Harness` subclasses it exports in `__all__`. The
package `environments/tron_visual` does exactly that with the classes below:

- `TronTaskset` (config `TronTasksetConfig`: envs, buckets, levels, size, seed, suite) yields
  row i = `plan_row(i, envs, levels, seed)` (the same instance `tron generate` writes as row i);
  each `TronTask` holds its prompt as chat messages (one user message: the picture as a base64
  PNG data URL, then the question) and the verification record;
- `TronTask.correct` is the `@vf.reward`: 1.0 when the final answer is right, else 0.0;
- `SingleTurnHarness` is the single-turn harness: one chat-completions call through the
  rollout's interception endpoint, made in-process (no sandbox, no program to install), as the
  `Harness.launch` contract allows. A taskset package that exports it makes it the default.

`load_environment(envs=..., levels=..., n=..., seed=...)` builds the `vf.Env` directly (for
training code and tests); `vf-eval tron-visual --env.taskset.levels 1-3 ...` builds the same.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import verifiers.v1 as vf
from pydantic import Field, field_validator

from tron.envs.suite import Suite
from tron.integrations.common import record, score_record
from tron.integrations.dataset import clamp_level, plan_row
from tron.integrations.evaluate import image_data_url

TASKSET_ID = "tron-visual"
MAX_TASKS = 1_000_000
MAX_REPLY_BYTES = 8 << 20  # a longer chat-completion body is not read (the rollout errors)
MAX_LEVEL = 1000


def parse_levels(value: Any) -> list[int]:
    """[1, 2], "3", "1-5" or "0,2,4" -> a list of levels in 0..MAX_LEVEL."""
    parts = value if isinstance(value, list | tuple) else [value]
    out: list[int] = []
    try:
        for item in parts:
            for part in str(item).split(","):
                lo, _, hi = part.strip().partition("-")
                a, b = int(lo), int(hi or lo)
                if not (0 <= a <= MAX_LEVEL and 0 <= b <= MAX_LEVEL):
                    raise ValueError(f"level out of 0..{MAX_LEVEL} in {value!r:.80}")
                out.extend(range(a, b + 1))
    except ValueError as exc:
        raise ValueError(f"bad levels {value!r:.80} ({exc}); write 3, 1-5 or 0,2,4") from None
    if not out or any(not 0 <= v <= MAX_LEVEL for v in out):
        raise ValueError(f"levels must be a non-empty list in 0..{MAX_LEVEL}, got {value!r:.80}")
    return out


class TronData(vf.TaskData):
    """One instance: its name and the verification record (JSON text, as in every row)."""

    env_id: str
    level: int
    seed: int
    bucket: str
    answer_text: str
    record: str


class TronTask(vf.Task[TronData]):
    """The reward is TRON's exact verifier on the rollout's last reply."""

    @property
    def key(self) -> str:
        return self.data.id or self.hash

    @vf.reward(weight=1.0)
    async def correct(self, trace: vf.Trace) -> float:
        return score_record(self.data.record, trace.last_reply)


class TronTasksetConfig(vf.TasksetConfig):
    envs: list[str] = Field(default_factory=list)
    """Environment ids (default: every environment of the selected buckets, or all)."""
    buckets: list[str] = Field(default_factory=list)
    """Ability buckets whose environments are used (when `envs` is empty)."""
    levels: list[int] = Field(default_factory=lambda: list(range(10)))
    """Levels, e.g. [1, 2, 3] or "1-3"; a level outside an environment's range is clamped."""
    size: int = Field(100, ge=0, le=MAX_TASKS)
    """Number of tasks (row i is `plan_row(i, envs, levels, seed)`)."""
    seed: int = Field(0, ge=0, le=2**62)
    suite: str | None = None
    """A folder of .tron specs or compiled output (default: the bundled suite)."""
    system_prompt_text: str | None = None

    @field_validator("levels", mode="before")
    @classmethod
    def _levels(cls, value: Any) -> list[int]:
        return parse_levels(value)


def _suite(path: str | None) -> Suite:
    from tron.loading import bundled, load_suite

    return load_suite(path) if path else bundled()


def select_envs(suite: Suite, envs: list[str], buckets: list[str]) -> list[str]:
    if envs:
        for env_id in envs:
            suite.make(env_id)  # unknown ids fail here, with a suggestion
        return list(envs)
    if buckets:
        ids = [e for b in buckets for e in suite.list_envs(b)]
        if not ids:
            raise ValueError(f"no environments in buckets {buckets}")
        return ids
    return suite.list_envs()


def prompt_messages(inst: Any) -> list[vf.UserMessage]:
    """The instance as one user message: the picture (data URL), then the question (which
    states the answer format)."""
    return [
        vf.UserMessage(
            content=[
                vf.ImageUrlContentPart(image_url=vf.ImageUrlSource(url=image_data_url(inst))),
                vf.TextContentPart(text=inst.question),
            ]
        )
    ]


class TronTaskset(vf.Taskset[TronTask, TronTasksetConfig]):
    """`size` TRON instances over the chosen environments and levels."""

    def load(self) -> Iterator[TronTask]:
        cfg = self.config
        suite = _suite(cfg.suite)
        ids = select_envs(suite, cfg.envs, cfg.buckets)
        for i in range(cfg.size):
            env_id, level, seed = plan_row(i, ids, cfg.levels, cfg.seed)
            env = suite.make(env_id)
            inst = env.sample(clamp_level(env, level), seed)
            data = TronData(
                id=inst.id,
                name=inst.id,
                prompt=prompt_messages(inst),
                system_prompt=cfg.system_prompt_text,
                env_id=inst.env_id,
                level=inst.level,
                seed=inst.seed,
                bucket=env.info.bucket,
                answer_text=inst.answer_text,
                record=json.dumps(record(inst), sort_keys=True),
            )
            yield TronTask(data, cfg.task)


class SingleTurnHarnessConfig(vf.HarnessConfig):
    request_timeout: float = Field(600.0, gt=0, le=86_400)
    """Seconds for the one model call (connect to last byte)."""


class SingleTurnHarness(vf.Harness[SingleTurnHarnessConfig]):
    """One chat-completions call with the task's messages, through the interception endpoint
    (which records it in the trace); no tools, no program in the runtime."""

    APPENDS_SYSTEM_PROMPT = True
    EXECUTES_CODE = False
    NEEDS_CONTAINER = False

    async def launch(
        self,
        ctx: vf.ModelContext,
        trace: vf.Trace,
        runtime: vf.Runtime,
        endpoint: str,
        secret: str,
        mcp_urls: dict[str, str],
        data: vf.TaskData,
        tool_interception_url: str | None = None,
    ) -> vf.ProgramResult:
        import asyncio

        import httpx
        from verifiers.v1.dialects.chat import message_to_wire

        system, prompt = self.resolve_prompt(data)
        messages: list[dict[str, Any]] = [{"role": "system", "content": system}] if system else []
        if isinstance(prompt, str):
            messages.append({"role": "user", "content": prompt})
        else:
            messages += [message_to_wire(m) for m in prompt or []]
        body = {"model": ctx.model, "messages": messages}
        url = endpoint.rstrip("/") + "/chat/completions"
        headers = {"Authorization": f"Bearer {secret}", "Accept-Encoding": "identity"}
        try:
            async with asyncio.timeout(self.config.request_timeout):
                async with (
                    httpx.AsyncClient(timeout=self.config.request_timeout) as client,
                    client.stream("POST", url, json=body, headers=headers) as r,
                ):
                    raw = bytearray()
                    async for chunk in r.aiter_raw():
                        raw += chunk
                        if len(raw) > MAX_REPLY_BYTES:
                            return vf.ProgramResult(1, "", "reply over the byte cap")
            if r.status_code >= 400:
                text = bytes(raw[:400]).decode("utf-8", "replace")
                return vf.ProgramResult(1, "", f"HTTP {r.status_code}: {text}")
        except (TimeoutError, httpx.HTTPError) as exc:
            return vf.ProgramResult(1, "", f"model call failed: {type(exc).__name__}: {exc}")
        return vf.ProgramResult(0, "", "")


def load_environment(
    envs: list[str] | None = None,
    buckets: list[str] | None = None,
    levels: list[int] | str = "0-9",
    n: int = 100,
    seed: int = 0,
    suite: str | None = None,
    **env_kwargs: Any,
) -> vf.Env:
    """The `vf.Env` of a TRON taskset with the single-turn harness, on the host
    (subprocess runtime: nothing runs there). verifiers resolves the taskset by its id,
    `tron-visual`, so the `tron-visual` package (environments/tron_visual) must be installed."""
    taskset = {
        "id": TASKSET_ID,
        "envs": list(envs or []),
        "buckets": list(buckets or []),
        "levels": parse_levels(levels),
        "size": n,
        "seed": seed,
        "suite": suite,
    }
    agent = {"harness": {"id": TASKSET_ID}, "runtime": {"type": "subprocess"}}
    config = vf.resolve_env_config({"taskset": taskset, "agent": agent, **env_kwargs})
    return vf.load_environment(config)
