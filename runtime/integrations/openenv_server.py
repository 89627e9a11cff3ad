"""OpenEnv (openenv-core 0.3): TRON as an OpenEnv environment server, built with OpenEnv's own
app factory (`create_app`) and types (`Action`, `Observation`, `State`, `Environment`), and a
client (`TronEnvClient`, OpenEnv's `EnvClient`).

An episode is one question: `reset(env_id=..., level=..., seed=...)` shows an instance (the
picture as a base64 PNG data URL and the question); without `env_id` the server's curriculum
picks the environment and level (TRON's `Curriculum`, shared by all sessions and fed by every
step's reward). `step(TronAction(answer=text))` scores the answer with TRON's exact verifier and
returns the reward with `done=True` and the gold answer. `state` is OpenEnv's `State`
(`episode_id`, `step_count`) plus the instance's name.

Sessions are OpenEnv's WebSocket sessions (`/ws`, one `TronEnvironment` each, up to
`max_sessions`). OpenEnv's HTTP `/reset` and `/step` are stateless (a fresh environment per
request), so an HTTP step names its instance in the action (`env_id`, `level`, `seed`).

The server trusts no input (`Guard`, an ASGI wrapper): HTTP bodies are capped in bytes (413)
and JSON nesting depth (400), every HTTP request is bounded in time (504), WebSocket messages
are capped by uvicorn's `ws_max_size` and checked for depth, an unknown environment or a bad
level is a 400 (HTTP) or an error message (WebSocket) that names it.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import threading
from dataclasses import dataclass, field
from typing import Any
from uuid import uuid4

from openenv.core import EnvClient
from openenv.core.client_types import StepResult
from openenv.core.env_server.http_server import create_app
from openenv.core.env_server.interfaces import Environment
from openenv.core.env_server.types import Action, ConcurrencyConfig, Observation, State
from pydantic import Field

from tron.envs.env import Env, Instance
from tron.envs.suite import Suite
from tron.integrations.common import record, score_record
from tron.integrations.evaluate import image_data_url
from tron.training.curriculum import Curriculum

MAX_ANSWER_CHARS = 1 << 20  # responses are verified in bounded time at any length
MAX_SEED = 2**62


class TronAction(Action):
    """The model's answer. Over HTTP (stateless) it also names the instance it answers."""

    answer: str = Field(..., max_length=MAX_ANSWER_CHARS, description="the model's response")
    env_id: str | None = Field(None, max_length=200, description="HTTP /step only")
    level: int | None = Field(None, ge=0, le=1000, description="HTTP /step only")
    seed: int | None = Field(None, ge=0, le=MAX_SEED, description="HTTP /step only")


class TronObservation(Observation):
    image: str = Field("", description="the picture as a data:image/png;base64 URL")
    question: str = Field("", description="the question, stating the answer format")
    env_id: str = ""
    level: int = 0
    seed: int = 0
    instance_id: str = ""
    answer_type: dict[str, Any] = Field(default_factory=dict)
    gold: str | None = Field(None, description="the gold answer, shown once answered")
    correct: bool | None = None


class TronState(State):
    env_id: str | None = None
    level: int | None = None
    seed: int | None = None
    instance_id: str | None = None
    answered: bool = False


@dataclass
class ServeConfig:
    envs: list[str]  # the curriculum's environments (reset without env_id draws from them)
    levels: list[int] = field(default_factory=lambda: list(range(10)))
    seed: int = 0
    suite: str | None = None
    max_sessions: int = 64
    session_timeout: float | None = 600.0  # idle WebSocket sessions are closed after this
    max_body_bytes: int = 1 << 20  # HTTP request bodies and WebSocket messages
    max_json_depth: int = 32
    request_timeout: float = 60.0  # seconds per HTTP request


class Shared:
    """What all sessions share: the suite, the curriculum and the seed counter."""

    def __init__(self, config: ServeConfig, suite: Suite) -> None:
        self.config = config
        self.suite = suite
        for env_id in config.envs:
            suite.make(env_id)
        self.curriculum = Curriculum(config.envs, levels=config.levels, seed=config.seed)
        self.lock = threading.Lock()
        self.draws = 0

    def env(self, env_id: str) -> Env:
        if not isinstance(env_id, str) or len(env_id) > 200:
            raise ValueError("env_id must be a string of at most 200 characters")
        try:
            return self.suite.make(env_id)
        except KeyError as exc:
            raise ValueError(
                str(exc.args[0]) if exc.args else f"no environment {env_id!r}"
            ) from None

    def draw(self) -> tuple[str, int, int]:
        with self.lock:
            env_id, level = self.curriculum.draw()
            seed = self.config.seed + self.draws
            self.draws += 1
        return env_id, level, seed

    def update(self, env_id: str, level: int, reward: float) -> None:
        if env_id in self.curriculum.envs and level in self.curriculum.levels:
            with self.lock:
                self.curriculum.update(env_id, level, [reward])


def sample(shared: Shared, env_id: str, level: int | None, seed: int) -> tuple[Env, Instance]:
    env = shared.env(env_id)
    lo, hi = env.info.levels
    level = lo if level is None else level
    if isinstance(level, bool) or not isinstance(level, int) or not lo <= level <= hi:
        raise ValueError(f"{env_id}: level must be an integer in {lo}..{hi}, got {level!r:.40}")
    if isinstance(seed, bool) or not isinstance(seed, int) or not 0 <= seed <= MAX_SEED:
        raise ValueError(f"seed must be an integer in 0..{MAX_SEED}, got {seed!r:.40}")
    return env, env.sample(level, seed)


def observe(inst: Instance, **extra: Any) -> TronObservation:
    return TronObservation(
        image=image_data_url(inst),
        question=inst.question,
        env_id=inst.env_id,
        level=inst.level,
        seed=inst.seed,
        instance_id=inst.id,
        answer_type=inst.answer_type.to_json(),
        **extra,
    )


class TronEnvironment(Environment[TronAction, TronObservation, TronState]):
    """One session: one instance at a time."""

    SUPPORTS_CONCURRENT_SESSIONS = True
    shared: Shared  # set by make_app on a subclass

    def __init__(self) -> None:
        super().__init__()
        self._state = TronState(episode_id=str(uuid4()), step_count=0)
        self._inst: Instance | None = None
        self._record: dict[str, Any] | None = None

    def reset(
        self,
        seed: int | None = None,
        episode_id: str | None = None,
        env_id: str | None = None,
        level: int | None = None,
    ) -> TronObservation:
        if env_id is None:
            env_id, drawn_level, drawn_seed = self.shared.draw()
            level = drawn_level if level is None else level
            seed = drawn_seed if seed is None else seed
        env, inst = sample(self.shared, env_id, level, 0 if seed is None else seed)
        self._inst, self._record = inst, record(inst)
        self._state = TronState(
            episode_id=episode_id or str(uuid4()),
            step_count=0,
            env_id=inst.env_id,
            level=inst.level,
            seed=inst.seed,
            instance_id=inst.id,
        )
        return observe(inst, done=False, reward=None)

    def step(
        self, action: TronAction, timeout_s: float | None = None, **kwargs: Any
    ) -> TronObservation:
        if action.env_id is not None:  # a stateless (HTTP) step names its instance
            self.reset(seed=action.seed or 0, env_id=action.env_id, level=action.level)
        if self._inst is None or self._record is None:
            raise ValueError("step before reset: call reset first (or name env_id over HTTP)")
        if self._state.answered:
            raise ValueError("this episode is done (one answer per question): call reset")
        reward = score_record(self._record, action.answer)
        self._state.step_count += 1
        self._state.answered = True
        self.shared.update(self._inst.env_id, self._inst.level, reward)
        return observe(
            self._inst,
            done=True,
            reward=reward,
            gold=self._inst.answer_text,
            correct=reward >= 1.0,
        )

    @property
    def state(self) -> TronState:
        return self._state


def _depth_over(raw: bytes, limit: int) -> bool:
    """Whether JSON text nests deeper than `limit` (brackets inside strings skipped)."""
    depth, in_str, esc = 0, False, False
    for b in raw:
        if in_str:
            if esc:
                esc = False
            elif b == 0x5C:
                esc = True
            elif b == 0x22:
                in_str = False
        elif b == 0x22:
            in_str = True
        elif b in (0x5B, 0x7B):
            depth += 1
            if depth > limit:
                return True
        elif b in (0x5D, 0x7D):
            depth -= 1
    return False


class Guard:
    """ASGI wrapper: caps HTTP bodies (bytes, JSON depth) and time; checks WebSocket
    messages' depth (their size is capped by uvicorn's ws_max_size)."""

    def __init__(self, app: Any, config: ServeConfig) -> None:
        self.app = app
        self.config = config

    async def _reply(self, send: Any, status: int, message: str) -> None:
        body = json.dumps({"detail": message}).encode()
        headers = [(b"content-type", b"application/json"), (b"content-length", b"%d" % len(body))]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "websocket":
            from starlette.websockets import WebSocketDisconnect

            # OpenEnv closes a socket the client already closed: not an error
            with contextlib.suppress(WebSocketDisconnect):
                await self.app(scope, self._ws_receive(receive), send)
            return
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        cap, body = self.config.max_body_bytes, bytearray()
        for name, value in scope.get("headers", []):
            if name == b"content-length" and (not value.isdigit() or int(value) > cap):
                await self._reply(send, 413, f"request body over {cap} bytes")
                return
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            more = message.get("more_body", False)
            if len(body) > cap:
                await self._reply(send, 413, f"request body over {cap} bytes")
                return
        if _depth_over(bytes(body), self.config.max_json_depth):
            await self._reply(send, 400, f"JSON nested deeper than {self.config.max_json_depth}")
            return
        sent = False

        async def replay() -> dict[str, Any]:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": bytes(body), "more_body": False}
            return await receive()

        started = False

        async def track(message: dict[str, Any]) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            async with asyncio.timeout(self.config.request_timeout):
                await self.app(scope, replay, track)
        except TimeoutError:
            if not started:
                await self._reply(send, 504, f"no reply within {self.config.request_timeout} s")

    def _ws_receive(self, receive: Any) -> Any:
        limit = self.config.max_json_depth

        async def checked() -> dict[str, Any]:
            message = await receive()
            if message["type"] == "websocket.receive":
                raw = message.get("text") or message.get("bytes") or ""
                data = raw.encode() if isinstance(raw, str) else raw
                if _depth_over(data, limit):
                    # answered by OpenEnv's own error path, naming the problem; the session
                    # goes on
                    text = json.dumps({"type": f"rejected: JSON nested deeper than {limit}"})
                    return {"type": "websocket.receive", "text": text}
            return message

        return checked


def make_app(config: ServeConfig, suite: Suite | None = None) -> Any:
    """The ASGI app: OpenEnv's FastAPI app for `TronEnvironment`, behind the guard."""
    from fastapi import Request
    from fastapi.responses import JSONResponse

    if suite is None:
        from tron.loading import bundled, load_suite

        suite = load_suite(config.suite) if config.suite else bundled()
    shared = Shared(config, suite)
    env_cls = type("TronServedEnvironment", (TronEnvironment,), {"shared": shared})
    app = create_app(
        env_cls,
        TronAction,
        TronObservation,
        env_name="tron",
        concurrency_config=ConcurrencyConfig(
            max_concurrent_envs=config.max_sessions, session_timeout=config.session_timeout
        ),
    )

    async def bad_input(request: Request, exc: Exception) -> JSONResponse:
        return JSONResponse({"detail": " ".join(str(exc).split())[:500]}, status_code=400)

    app.add_exception_handler(ValueError, bad_input)
    return Guard(app, config)


def serve(config: ServeConfig, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the server until SIGINT/SIGTERM (uvicorn's graceful shutdown: open requests
    finish, WebSockets are closed, within 5 s)."""
    import uvicorn

    uvicorn.run(
        make_app(config),
        host=host,
        port=port,
        ws_max_size=config.max_body_bytes,
        timeout_graceful_shutdown=5,
        limit_concurrency=max(64, 4 * config.max_sessions),
        log_level="info",
    )


class TronEnvClient(EnvClient[TronAction, TronObservation, TronState]):
    """OpenEnv's WebSocket client for a `tron serve` server:

    with TronEnvClient(base_url="http://127.0.0.1:8000").sync() as env:
        result = env.reset(env_id="counting/count_by_colour", level=2, seed=7)
        result = env.step(TronAction(answer=model(result.observation)))
    """

    def _step_payload(self, action: TronAction) -> dict[str, Any]:
        return action.model_dump(exclude_none=True, exclude={"metadata"})

    def _parse_result(self, payload: dict[str, Any]) -> StepResult[TronObservation]:
        obs = TronObservation(
            **payload.get("observation", {}),
            done=payload.get("done", False),
            reward=payload.get("reward"),
        )
        return StepResult(observation=obs, reward=payload.get("reward"), done=obs.done)

    def _parse_state(self, payload: dict[str, Any]) -> TronState:
        return TronState(**payload)
