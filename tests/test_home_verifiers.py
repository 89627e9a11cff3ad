"""verifiers (v1): the tron-visual environment package, its taskset rows, its reward, and
`vf-eval` end to end against a local chat-completions stub."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

vf = pytest.importorskip("verifiers.v1", reason="verifiers is not installed (tron-rl[verifiers])")

from tron.integrations.verifiers_env import (  # noqa: E402
    TronTaskset,
    TronTasksetConfig,
    load_environment,
    parse_levels,
)

ROOT = Path(__file__).resolve().parents[1]

# ---- a tiny OpenAI-compatible chat-completions stub on 127.0.0.1: it answers each request
# from a table keyed by the picture's data URL (gold for some items, wrong for others)
MAX_BODY = 64 << 20


def _image_url(body: Any) -> str | None:
    for m in body.get("messages", []) if isinstance(body, dict) else []:
        content = m.get("content") if isinstance(m, dict) else None
        if isinstance(content, list):
            for part in content:
                if isinstance(part, dict) and part.get("type") == "image_url":
                    return str(part["image_url"]["url"])
    return None


@contextmanager
def chat_stub(replies: dict[str, str], default: str = "no idea") -> Iterator[dict[str, Any]]:
    """Yields {"base_url": ..., "requests": [...]} while the stub serves."""
    seen: list[dict[str, Any]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            n = int(self.headers.get("content-length") or 0)
            if not self.path.endswith("/chat/completions") or n > MAX_BODY:
                self.send_error(404 if n <= MAX_BODY else 413)
                return
            body = json.loads(self.rfile.read(n) or b"{}")
            url = _image_url(body)
            seen.append({"path": self.path, "model": body.get("model"), "has_image": bool(url)})
            text = replies.get(url or "", default)
            out = json.dumps(
                {
                    "id": f"stub-{len(seen)}",
                    "object": "chat.completion",
                    "created": 0,
                    "model": body.get("model", "stub"),
                    "choices": [
                        {
                            "index": 0,
                            "message": {"role": "assistant", "content": text},
                            "finish_reason": "stop",
                        }
                    ],
                    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
                }
            ).encode()
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(out)))
            self.end_headers()
            self.wfile.write(out)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield {"base_url": f"http://127.0.0.1:{server.server_address[1]}/v1", "requests": seen}
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


PACKAGE = ROOT / "environments" / "tron_visual"
ENVS = ["counting/count_by_colour", "spatial/closest_pair"]


@pytest.fixture(autouse=True)
def _package_importable(monkeypatch):
    # verifiers resolves the id `tron-visual` by importing `tron_visual` (the package under
    # environments/, installed with `pip install -e environments/tron_visual` outside tests)
    monkeypatch.syspath_prepend(str(PACKAGE))


def _taskset(**kw) -> TronTaskset:
    return TronTaskset(TronTasksetConfig(id="tron-visual", **kw))


def test_rows_carry_the_picture_and_question_as_chat_messages():
    import tron

    tasks = list(_taskset(buckets=["counting"], levels="1-2", size=3, seed=5))
    assert [t.data.idx for t in tasks] == [0, 1, 2]
    for t in tasks:
        (msg,) = t.data.prompt
        assert msg.role == "user"
        image, text = msg.content
        assert image.type == "image_url" and image.image_url.url.startswith(
            "data:image/png;base64,"
        )
        inst = tron.make(t.data.env_id).sample(t.data.level, t.data.seed)
        assert text.text == inst.question
        assert t.data.id == inst.id and t.data.answer_text == inst.answer_text
        assert t.key == inst.id


def test_arguments_choose_envs_levels_size_and_seed():
    tasks = list(_taskset(envs=["counting/count_by_colour"], levels=[2], size=4, seed=10))
    assert {t.data.env_id for t in tasks} == {"counting/count_by_colour"}
    assert [t.data.seed for t in tasks] == [10, 11, 12, 13]
    assert {t.data.level for t in tasks} == {2}
    assert parse_levels("0,2-3") == [0, 2, 3]
    with pytest.raises(ValueError, match="levels"):
        TronTasksetConfig(id="tron-visual", levels="x")
    with pytest.raises(Exception, match="no_such"):
        list(_taskset(envs=["counting/no_such"], size=1))


def test_load_environment_returns_a_verifiers_env():
    env = load_environment(buckets=["counting"], levels="1", n=2, seed=0)
    assert isinstance(env, vf.Env)
    assert [t.data.idx for t in env.taskset] == [0, 1]


def test_the_package_exports_one_taskset_and_one_harness():
    from verifiers.v1.utils.loaders import default_harness_id, taskset_class

    assert taskset_class("tron-visual") is TronTaskset
    assert default_harness_id("tron-visual") == "tron-visual"
    meta = (PACKAGE / "pyproject.toml").read_text()
    assert 'name = "tron-visual"' in meta and "tron-rl[verifiers]" in meta


def test_vf_eval_end_to_end_scores_with_the_exact_verifier(tmp_path):
    tasks = list(_taskset(envs=ENVS, levels="1-2", size=6, seed=3))
    replies, expected = {}, {}
    for t in tasks:
        url = t.data.prompt[0].content[0].image_url.url
        right = t.data.idx % 3 != 1  # 2 of 3 right; the rest a wrong (but well-formed) answer
        replies[url] = (
            f"Looking at it... \\boxed{{{t.data.answer_text}}}" if right else "\\boxed{zz}"
        )
        expected[t.data.id] = 1.0 if right else 0.0
    out = tmp_path / "vf"
    with chat_stub(replies) as stub:
        cmd = [
            str(Path(sys.executable).with_name("vf-eval")),
            "tron-visual",
            "--model", "stub-model",
            "--client.base-url", stub["base_url"],
            "--client.api-key-var", "TRON_STUB_KEY",
            "--env.agent.runtime.type", "subprocess",
            "--env.taskset.envs", json.dumps(ENVS),
            "--env.taskset.levels", "1-2",
            "--env.taskset.size", "6",
            "--env.taskset.seed", "3",
            "-n", "6", "-r", "1",
            "--push", "false",
            "--output-dir", str(out),
        ]  # fmt: skip
        env = {**os.environ, "PYTHONPATH": str(PACKAGE), "TRON_STUB_KEY": "k", "NO_COLOR": "1"}
        proc = subprocess.run(
            cmd, capture_output=True, text=True, timeout=240, env=env, cwd=tmp_path
        )
        assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
        assert len(stub["requests"]) == 6
        assert all(r["has_image"] and r["model"] == "stub-model" for r in stub["requests"])
    (traces,) = out.rglob("traces.jsonl")
    got = {}
    for line in traces.read_text().splitlines():
        rec = json.loads(line)
        got[rec["task"]["data"]["id"]] = rec["traces"][0]["rewards"]["correct"]["score"]
    assert got == expected
