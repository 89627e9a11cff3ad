"""`tron eval` against a small local OpenAI-compatible server (http.server in a thread) that
answers some items right and some wrong, fails transiently, and stalls past the timeout."""

import contextlib
import hashlib
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

import tron
from tron.cli import main
from tron.integrations.evaluate import EvalConfig, Limits, evaluate, messages, plan_items

SPECS = Path(__file__).parent / "golden" / "specs"
ENVS = ["counting/golden_colours", "diagram/golden_choice"]
LEVELS = [1, 2]
N = 4


def key(msgs):
    parts = msgs[-1]["content"]
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


class Server:
    """Answers item i right when its seed is even; the first request for every third item gets
    a 503, every fifth item's first request stalls past the client's timeout; items listed in
    `down` always get a 500."""

    def __init__(self, answers):
        self.answers = answers  # key -> (gold text, seed)
        self.requests: dict[str, int] = {}
        self.down: set[str] = set()
        self.lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                assert self.path == "/v1/chat/completions"
                k = key(body["messages"])
                gold, seed = server.answers[k]
                with server.lock:
                    server.requests[k] = server.requests.get(k, 0) + 1
                    nth = server.requests[k]
                index = sorted(server.answers).index(k)
                if k in server.down:
                    return self.reply(500, {"error": "down"})
                if nth == 1 and index % 3 == 0:
                    return self.reply(503, {"error": "busy"})
                if nth == 1 and index % 5 == 1:
                    threading.Event().wait(2.0)  # the client times out first
                text = f"\\boxed{{{gold}}}" if seed % 2 == 0 else "\\boxed{nonsense}"
                self.reply(200, {"choices": [{"message": {"role": "assistant", "content": text}}]})

            def reply(self, code, data):
                raw = json.dumps(data).encode()
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(raw)  # the client may have timed out and gone

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    suite = tron.load(SPECS)
    answers = {}
    for it in plan_items(suite, ENVS, LEVELS, N, 0):
        inst = suite.make(it.env_id).sample(it.level, it.seed)
        answers[key(messages(inst))] = (inst.answer_text, it.seed)
    s = Server(answers)
    yield s
    s.close()


LIMITS = Limits(concurrency=4, timeout=1.0, retries=3, backoff=0.01)


def run(server, out, **kw):
    cfg = EvalConfig(base_url=server.url, model="dummy", max_tokens=64)
    return evaluate(
        tron.load(SPECS), ENVS, LEVELS, N, cfg, out, limits=LIMITS, progress=False, **kw
    )


def check_complete(summary, out):
    assert summary["finished"] == summary["planned"] == len(ENVS) * len(LEVELS) * N
    for cell in summary["cells"]:  # seeds 0..3: the even ones are answered right
        assert (cell["n"], cell["passed"], cell["pass_rate"]) == (N, N // 2, 0.5)
    assert summary["pass_rate"] == 0.5
    ids = []
    for line in (out / "results.jsonl").read_text().splitlines():
        with contextlib.suppress(json.JSONDecodeError):  # a killed run's torn line
            ids.append(json.loads(line)["id"])
    assert len(ids) == len(set(ids)) == summary["planned"]


def test_eval_with_retries(server, tmp_path):
    summary = run(server, tmp_path)
    assert summary["failed"] == [] and summary["errors"] == []
    check_complete(summary, tmp_path)
    assert max(server.requests.values()) >= 2  # retried after 503s and timeouts
    results = [json.loads(x) for x in (tmp_path / "results.jsonl").read_text().splitlines()]
    assert any(r["attempts"] > 1 for r in results)
    table = (tmp_path / "summary.md").read_text()
    assert "| counting/golden_colours | 0.50 (2/4) | 0.50 (2/4) | 0.50 (4/8) |" in table
    assert json.loads((tmp_path / "summary.json").read_text())["pass_rate"] == 0.5
    assert "<svg" in (tmp_path / "summary.html").read_text()


def test_eval_resumes_only_what_is_missing(server, tmp_path):
    down = sorted(server.answers)[::4]
    server.down = set(down)
    first = run(server, tmp_path)
    assert len(first["failed"]) == len(down)
    assert first["finished"] == first["planned"] - len(down)
    # a run killed mid-write leaves a torn last line
    with (tmp_path / "results.jsonl").open("a") as f:
        f.write('{"id": "counting/golden_col')
    server.down = set()
    before = dict(server.requests)
    second = run(server, tmp_path)
    assert second["failed"] == []
    asked = {k for k in server.requests if server.requests[k] != before.get(k)}
    assert asked == set(down)  # finished items were not asked again
    check_complete(second, tmp_path)


def test_other_model_into_same_folder_is_refused(server, tmp_path):
    run(server, tmp_path)
    cfg = EvalConfig(base_url=server.url, model="other")
    with pytest.raises(ValueError, match="another model"):
        evaluate(tron.load(SPECS), ENVS, LEVELS, N, cfg, tmp_path, progress=False)


def test_cli_eval(server, tmp_path, capsys):
    code = main(
        [
            "eval",
            "--base-url",
            server.url,
            "--model",
            "dummy",
            "--suite",
            str(SPECS),
            "--levels",
            "1-2",
            "-n",
            str(N),
            "--out",
            str(tmp_path),
            "--timeout",
            "0.4",
            "--retries",
            "3",
            "--max-tokens",
            "64",
        ]
    )
    assert code == 0
    assert "0.50 (2/4)" in capsys.readouterr().out
    check_complete(json.loads((tmp_path / "summary.json").read_text()), tmp_path)
