"""OpenEnv: `tron serve` as a real server on a loopback port, driven with OpenEnv's own client
(WebSocket sessions), plain HTTP for the stateless routes, concurrent sessions, malformed and
oversized requests, and a graceful shutdown."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

pytest.importorskip("openenv.core", reason="openenv-core is not installed (tron-rl[openenv])")
httpx = pytest.importorskip("httpx")

import tron  # noqa: E402
from tron.integrations.openenv_server import TronAction, TronEnvClient  # noqa: E402

ENVS = ["counting/count_by_colour", "spatial/closest_pair"]
MAX_BODY = 64 * 1024


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server():
    port = _free_port()
    cmd = [sys.executable, "-m", "tron.cli", "serve", "--host", "127.0.0.1", "--port", str(port)]
    cmd += [a for e in ENVS for a in ("--env", e)]
    cmd += ["--levels", "1-2", "--max-sessions", "8", "--max-body-bytes", str(MAX_BODY)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    try:
        while True:
            assert proc.poll() is None, proc.stdout.read() if proc.stdout else ""
            try:
                if httpx.get(base + "/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "server did not come up in 90 s"
            time.sleep(0.3)
        yield {"base": base, "proc": proc}
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)


def _client(server) -> TronEnvClient:
    return TronEnvClient(base_url=server["base"], message_timeout_s=60)


def test_health_and_schema(server):
    r = httpx.get(server["base"] + "/health", timeout=5)
    assert r.status_code == 200 and r.json()["status"] == "healthy"
    schema = httpx.get(server["base"] + "/schema", timeout=5).json()
    assert "answer" in schema["action"]["properties"]
    assert "image" in schema["observation"]["properties"]


def test_reset_step_state_with_the_spec_client(server):
    inst = tron.make(ENVS[0]).sample(2, 7)
    with _client(server).sync() as env:
        result = env.reset(env_id=ENVS[0], level=2, seed=7)
        obs = result.observation
        assert not result.done and result.reward is None
        assert obs.question == inst.question and obs.instance_id == inst.id
        assert obs.image.startswith("data:image/png;base64,") and obs.gold is None
        state = env.state()
        assert state.instance_id == inst.id and state.step_count == 0 and state.episode_id
        result = env.step(TronAction(answer=f"\\boxed{{{inst.answer_text}}}"))
        assert result.done and result.reward == 1.0
        assert result.observation.correct and result.observation.gold == inst.answer_text
        assert env.state().step_count == 1
        with pytest.raises(RuntimeError, match="episode is done"):
            env.step(TronAction(answer="again"))
        result = env.reset(env_id=ENVS[0], level=2, seed=8)
        result = env.step(TronAction(answer="\\boxed{-1}"))
        assert result.done and result.reward == 0.0 and result.observation.correct is False


def test_reset_without_an_env_draws_from_the_curriculum(server):
    with _client(server).sync() as env:
        seen = set()
        for _ in range(4):
            obs = env.reset().observation
            assert obs.env_id in ENVS and obs.level in (1, 2)
            seen.add(obs.instance_id)
            env.step(TronAction(answer="x"))
        assert len(seen) == 4  # a fresh seed per draw


def test_concurrent_sessions(server):
    def episode(i: int) -> tuple[float, float]:
        env_id = ENVS[i % 2]
        inst = tron.make(env_id).sample(1, 100 + i)
        want = 1.0 if i % 2 == 0 else 0.0
        answer = f"Answer: {inst.answer_text}" if want else "Answer: (none)"
        with _client(server).sync() as env:
            obs = env.reset(env_id=env_id, level=1, seed=100 + i).observation
            assert obs.instance_id == inst.id
            return env.step(TronAction(answer=answer)).reward, want

    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(episode, range(6), timeout=120))
    assert all(got == want for got, want in results)


def test_unknown_environment_and_bad_level_are_clear_errors(server):
    with _client(server).sync() as env:
        with pytest.raises(RuntimeError, match="no environment 'counting/nope'"):
            env.reset(env_id="counting/nope")
        with pytest.raises(RuntimeError, match=r"level must be an integer in \d+\.\.\d+, got 99"):
            env.reset(env_id=ENVS[0], level=99)
        assert env.reset(env_id=ENVS[0], level=1).observation.env_id == ENVS[0]  # still usable
    r = httpx.post(server["base"] + "/reset", json={"env_id": "counting/nope"}, timeout=10)
    assert r.status_code == 400 and "no environment" in r.json()["detail"]


def test_stateless_http_step_names_its_instance(server):
    inst = tron.make(ENVS[1]).sample(2, 3)
    body = {
        "action": {
            "answer": f"\\boxed{{{inst.answer_text}}}",
            "env_id": ENVS[1],
            "level": 2,
            "seed": 3,
        }
    }
    r = httpx.post(server["base"] + "/step", json=body, timeout=30)
    assert r.status_code == 200, r.text
    assert r.json()["reward"] == 1.0 and r.json()["done"] is True
    r = httpx.post(server["base"] + "/step", json={"action": {"answer": "x"}}, timeout=30)
    assert r.status_code == 400 and "reset" in r.json()["detail"]


def test_malformed_and_oversized_http_requests(server):
    base = server["base"]
    post = lambda content, **h: httpx.post(  # noqa: E731
        base + "/step",
        content=content,
        headers={"content-type": "application/json", **h},
        timeout=10,
    )
    assert post(b"{not json").status_code == 422
    assert post(b'{"action": {"answer": 5}}').status_code == 422
    assert post(b'{"action": {"answer": "x", "bogus": 1}}').status_code == 422
    deep = b"[" * 10_000 + b"]" * 10_000
    r = post(deep)
    assert r.status_code == 400 and "nested deeper" in r.json()["detail"]
    big = json.dumps({"action": {"answer": "x" * (MAX_BODY + 1)}}).encode()
    r = post(big)
    assert r.status_code == 413 and "over" in r.json()["detail"]
    assert httpx.get(base + "/health", timeout=5).status_code == 200


def test_malformed_websocket_messages(server):
    from websockets.sync.client import connect

    url = server["base"].replace("http://", "ws://") + "/ws"
    with connect(url, open_timeout=30, close_timeout=5) as ws:
        ws.send("{not json")
        assert json.loads(ws.recv(timeout=10))["type"] == "error"
        ws.send("[" * 5000 + "]" * 5000)
        reply = json.loads(ws.recv(timeout=10))
        assert reply["type"] == "error" and "nested deeper" in reply["data"]["message"]
        ws.send(json.dumps({"type": "step", "data": {"answer": 3}}))
        assert json.loads(ws.recv(timeout=10))["type"] == "error"
        ws.send(json.dumps({"type": "reset", "data": {"env_id": ENVS[0], "level": 1}}))
        assert json.loads(ws.recv(timeout=30))["type"] == "observation"  # session goes on
    with connect(url, open_timeout=30, close_timeout=5) as ws:
        ws.send("x" * (MAX_BODY + 10))
        from websockets.exceptions import ConnectionClosed

        with pytest.raises(ConnectionClosed) as closed:
            ws.recv(timeout=10)
        assert closed.value.rcvd is not None and closed.value.rcvd.code == 1009  # message too big


def test_graceful_shutdown_is_last(server):
    proc = server["proc"]
    proc.send_signal(signal.SIGTERM)
    # uvicorn finishes open requests, closes the sockets, runs the shutdown hooks, then
    # re-raises the signal it caught, so the exit status says "terminated by SIGTERM"
    assert proc.wait(timeout=30) in (0, -signal.SIGTERM)
    out = proc.stdout.read() if proc.stdout else ""
    assert "Application shutdown complete" in out, out[-2000:]
    assert "Traceback" not in out, out[-3000:]
