"""Audit #12, finding 12 (eval part): the output folder of `tron eval`.

Two runs into one folder asked every item twice: the folder is locked for a run. A corrupt
results file or config gives a message naming the file (the CLI: one line, exit 2). The
server is a real one on 127.0.0.1 that holds every request until the test lets it go."""

import json
import os
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

import tron
from tron.cli import main
from tron.integrations.evaluate import EvalConfig, FolderBusy, Limits, evaluate

SPECS = Path(__file__).parents[1] / "golden" / "specs"
ENV = "counting/golden_colours"
CFG = EvalConfig(base_url="http://127.0.0.1:9/v1", model="m", max_tokens=64)  # never contacted


class Gate:
    """Answers every request with a wrong answer, but only once `open` is set (10 s at most)."""

    def __init__(self):
        self.open = threading.Event()
        self.asked = threading.Event()
        self.requests = 0
        gate = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                self.rfile.read(int(self.headers["Content-Length"]))
                gate.requests += 1
                gate.asked.set()
                gate.open.wait(10)
                raw = json.dumps({"choices": [{"message": {"content": "no idea"}}]}).encode()
                self.send_response(200)
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True).start()

    def close(self):
        self.open.set()
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def gate():
    g = Gate()
    yield g
    g.close()


def run(out, cfg=CFG, n=1):
    limits = Limits(concurrency=1, timeout=15, retries=0)
    return evaluate(tron.load(SPECS), [ENV], [1], n, cfg, out, limits=limits, progress=False)


def cli(out, url=CFG.base_url):
    argv = ["eval", "--base-url", url, "--model", "m", "--suite", str(SPECS), "--env", ENV]
    return main([*argv, "--levels", "1", "-n", "1", "--out", str(out), "--retries", "0"])


def test_eval_second_run_into_a_busy_folder_fails_at_once(gate, tmp_path, capsys):
    cfg = EvalConfig(base_url=gate.url, model="m", max_tokens=64)
    first = threading.Thread(target=run, args=(tmp_path, cfg))
    first.start()
    try:
        assert gate.asked.wait(10)  # the first run holds the folder and waits for its reply
        t0 = time.monotonic()
        with pytest.raises(
            FolderBusy, match=rf"{tmp_path}: another tron eval .*\(pid {os.getpid()}\)"
        ):
            run(tmp_path, cfg)
        assert cli(tmp_path, gate.url) == 2
        assert time.monotonic() - t0 < 5  # at once, not after the first run
        err = capsys.readouterr().err.strip()
        assert "\n" not in err and str(tmp_path) in err and f"pid {os.getpid()}" in err
        assert gate.requests == 1  # the second runs asked nothing
    finally:
        gate.open.set()
        first.join(15)
    assert not first.is_alive()
    assert run(tmp_path, cfg)["finished"] == 1  # released at the end: a later run resumes
    assert gate.requests == 1


def test_eval_lock_is_released_when_a_run_fails(tmp_path):
    (tmp_path / "config.json").write_text("{}")
    for _ in range(2):  # the second attempt is refused for the config again, not the lock
        with pytest.raises(ValueError, match="another model"):
            run(tmp_path)


CORRUPT_CONFIGS = {
    "not JSON": b'{"model": ',
    "not UTF-8": b"\xff\xfe\x00garbage",
    "not an object": b"[1, 2, 3]",
    "nested 100000 deep": b"[" * 100_000 + b"]" * 100_000,
}


@pytest.mark.parametrize("name", CORRUPT_CONFIGS)
def test_eval_corrupt_config_is_named(tmp_path, capsys, name):
    path = tmp_path / "config.json"
    path.write_bytes(CORRUPT_CONFIGS[name])
    with pytest.raises(ValueError, match=f"^{path}: not"):
        run(tmp_path)
    assert cli(tmp_path) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"tron eval: error: {path}: not") and "\n" not in err


def test_eval_config_that_is_a_folder_is_named(tmp_path):
    (tmp_path / "config.json").mkdir()
    with pytest.raises(ValueError, match=f"^{tmp_path / 'config.json'}: not"):
        run(tmp_path)


GOOD = json.dumps({"id": f"{ENV}@1/1/0", "reward": 1.0}).encode()
CORRUPT_RESULTS = {
    "garbage line": (b"garbage\n" + GOOD + b"\n", 1),
    "not UTF-8": (GOOD + b"\n\xff\xfe\n", 2),
    "no reward": (b'{"id": "x"}\n', 1),
    "reward a string": (b'{"id": "x", "reward": "1"}\n', 1),
    "reward NaN": (b'{"id": "x", "reward": NaN}\n', 1),
    "id a number": (b'{"id": 3, "reward": 1}\n', 1),
    "nested 100000 deep": (b"[" * 100_000 + b"]" * 100_000 + b"\n", 1),
}


@pytest.mark.parametrize("name", CORRUPT_RESULTS)
def test_eval_corrupt_results_are_named(tmp_path, name):
    data, lineno = CORRUPT_RESULTS[name]
    run(tmp_path, n=0)  # pins the config
    path = tmp_path / "results.jsonl"
    path.write_bytes(data)
    with pytest.raises(ValueError, match=f"^{path}:{lineno}: not a results record"):
        run(tmp_path)


def test_eval_torn_last_line_survives_reruns(gate, tmp_path):
    """A killed run's unfinished record is dropped, so later runs still read the file."""
    gate.open.set()
    cfg = EvalConfig(base_url=gate.url, model="m", max_tokens=64)
    run(tmp_path, cfg, n=1)
    path = tmp_path / "results.jsonl"
    path.write_bytes(path.read_bytes() + b'{"id": "counting/gold')
    assert run(tmp_path, cfg, n=2)["finished"] == 2
    assert run(tmp_path, cfg, n=3)["finished"] == 3
    assert gate.requests == 3 and b"gold\n" not in path.read_bytes()


def test_eval_whole_last_record_without_newline_is_kept(gate, tmp_path):
    gate.open.set()
    cfg = EvalConfig(base_url=gate.url, model="m", max_tokens=64)
    run(tmp_path, cfg, n=1)
    path = tmp_path / "results.jsonl"
    path.write_bytes(path.read_bytes().rstrip(b"\n"))  # e.g. saved by an editor
    assert run(tmp_path, cfg, n=2)["finished"] == 2
    assert gate.requests == 2  # the first item was not asked again
