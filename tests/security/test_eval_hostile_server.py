"""Audit #12, finding 4: `tron eval` against a hostile OpenAI-compatible server.

A real HTTP server on 127.0.0.1 (random port, a thread per connection) that claims or streams
huge bodies, drips one byte at a time, and answers with malformed JSON. Every server loop is
bounded in bytes and seconds and stops when the test ends."""

import contextlib
import gzip
import hashlib
import json
import threading
import time
import tracemalloc
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

import tron
from tron.cli import main
from tron.integrations.evaluate import EvalConfig, Limits, evaluate, messages, plan_items

SPECS = Path(__file__).parents[1] / "golden" / "specs"
ENV = "counting/golden_colours"
MiB = 1 << 20


def key(msgs):
    return hashlib.sha256(json.dumps(msgs[-1]["content"], sort_keys=True).encode()).hexdigest()


def completion(text):
    return json.dumps({"choices": [{"message": {"role": "assistant", "content": text}}]}).encode()


class Hostile:
    """`behave(handler, seed, gold, nth)` writes the whole raw response; `nth` counts requests
    for that item. Handlers write through `send` / `drip`, which count bytes and give up on a
    closed connection, after `budget` bytes, or when the test is over."""

    def __init__(self, suite, behave, n=1):
        self.behave = behave
        self.stop = threading.Event()
        self.sent = 0
        self.requests: dict[int, int] = {}
        self.lock = threading.Lock()
        self.items = {}  # request key -> (seed, gold answer)
        for it in plan_items(suite, [ENV], [1], n, 0):
            inst = suite.make(ENV).sample(it.level, it.seed)
            self.items[key(messages(inst))] = (it.seed, inst.answer_text)
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                seed, gold = server.items[key(body["messages"])]
                with server.lock:
                    nth = server.requests[seed] = server.requests.get(seed, 0) + 1
                self.close_connection = True
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    server.behave(self, seed, gold, nth)

            def send(self, data):
                if server.stop.is_set():
                    raise BrokenPipeError
                self.wfile.write(data)
                with server.lock:
                    server.sent += len(data)

            def head(self, status=200, **headers):
                lines = [f"HTTP/1.1 {status} X", "Connection: close"]
                lines += [f"{k.replace('_', '-')}: {v}" for k, v in headers.items()]
                self.send(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))

            def reply(self, raw, status=200, **headers):
                self.head(
                    status, Content_Type="application/json", Content_Length=len(raw), **headers
                )
                self.send(raw)

            def stream(self, chunk, budget):
                """`chunk` again and again, up to `budget` bytes or 20 s."""
                deadline = time.monotonic() + 20
                for _ in range(budget // len(chunk)):
                    if time.monotonic() > deadline:
                        break
                    self.send(chunk)

            def drip(self, data, every, limit=40.0):
                """One byte of `data` every `every` seconds, for at most `limit` seconds."""
                for i in range(min(len(data), int(limit / every))):
                    if server.stop.wait(every):
                        break
                    self.send(data[i : i + 1])

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True).start()

    def close(self):
        self.stop.set()
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="module")
def suite():
    return tron.load(SPECS)


@pytest.fixture
def hostile(suite):
    servers = []

    def start(behave, n=1):
        servers.append(Hostile(suite, behave, n))
        return servers[-1]

    yield start
    for s in servers:
        s.close()


def run(suite, server, out, n=1, **limits):
    cfg = EvalConfig(base_url=server.url, model="dummy", max_tokens=64)
    lim = Limits(**{"concurrency": 2, "timeout": 5.0, "retries": 2, "backoff": 0.01, **limits})
    return evaluate(suite, [ENV], [1], n, cfg, out, limits=lim, progress=False)


def records(out):
    return [json.loads(x) for x in (out / "results.jsonl").read_text().splitlines()]


def assert_scored_failure(summary, out, match):
    """The item is finished, scored 0, its error recorded; the summary is written."""
    assert summary["finished"] == summary["planned"] == 1
    assert summary["pass_rate"] == 0.0 and summary["failed"] == []
    [err] = summary["errors"]
    assert match in err["error"]
    [rec] = records(out)
    assert rec["reward"] == 0.0 and rec["response"] == "" and match in rec["error"]
    assert json.loads((out / "summary.json").read_text())["errors"] == summary["errors"]


# --- bodies too big to hold ------------------------------------------------------------------


def huge_declared(h, seed, gold, nth):  # claims 6 GB, then streams (up to 256 MiB)
    h.head(Content_Type="application/json", Content_Length=6_000_000_000)
    h.stream(b'{"choices": ' + b" " * (MiB - 12), 256 * MiB)


def huge_chunked(h, seed, gold, nth):  # no length given: 1 MiB chunks, up to 256 MiB
    h.head(Content_Type="application/json", Transfer_Encoding="chunked")
    h.stream(b"%x\r\n%s\r\n" % (MiB, b" " * MiB), 256 * MiB)


def huge_until_close(h, seed, gold, nth):  # no length, no chunking: the body ends at close
    h.head(Content_Type="application/json")
    h.stream(b'{"choices": [' + b"[]," * (MiB // 3), 256 * MiB)


@pytest.mark.parametrize("behave", [huge_declared, huge_chunked, huge_until_close])
def test_eval_huge_body_is_cut_at_the_cap(suite, hostile, tmp_path, behave):
    server = hostile(behave)
    tracemalloc.start()
    try:
        t0 = time.monotonic()
        summary = run(suite, server, tmp_path)  # the default cap: 8 MiB
        elapsed = time.monotonic() - t0
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert_scored_failure(summary, tmp_path, "8388608-byte cap")
    assert server.requests == {0: 1}  # a reply over the cap is not asked for again
    assert peak < 48 * MiB  # the cap and a copy of it, not the 6 GB claimed or 256 MiB sent
    assert server.sent < 48 * MiB  # what the kernel's socket buffers took beyond the cap
    assert elapsed < 15


def gzip_bomb(h, seed, gold, nth):  # 64 MiB of text in a small gzip body
    raw = gzip.compress(completion("x" * (64 * MiB)))
    h.reply(raw, Content_Encoding="gzip")


def test_eval_compressed_reply_is_refused(suite, hostile, tmp_path):
    summary = run(suite, hostile(gzip_bomb), tmp_path)
    assert_scored_failure(summary, tmp_path, "compressed (gzip)")


# --- replies that never finish ----------------------------------------------------------------


def drip_body(h, seed, gold, nth):  # headers at once, then one body byte every 0.5 s
    raw = completion(f"\\boxed{{{gold}}}")
    h.head(Content_Type="application/json", Content_Length=len(raw))
    h.drip(raw, 0.5)


def drip_head(h, seed, gold, nth):  # the status line and headers one byte every 0.2 s
    h.drip(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" + b"X: y\r\n" * 100, 0.2)


@pytest.mark.parametrize("behave", [drip_body, drip_head])
def test_eval_timeout_bounds_the_whole_request(suite, hostile, tmp_path, behave):
    server = hostile(behave)
    t0 = time.monotonic()
    summary = run(suite, server, tmp_path, timeout=1.0, retries=1)
    assert time.monotonic() - t0 < 5  # two attempts of 1 s, not 40 s of dripping
    [failed] = summary["failed"]
    assert "gave up after 2 attempts" in failed["error"] and "within 1.0 s" in failed["error"]
    assert server.requests == {0: 2}
    assert summary["finished"] == 0 and (tmp_path / "summary.json").is_file()


def test_eval_cli_timeout_3_retries_0_against_a_drip(suite, hostile, tmp_path, capsys):
    """The audit's case: one byte every 0.5 s held a request for 40 s."""
    server = hostile(drip_body)
    t0 = time.monotonic()
    argv = ["eval", "--base-url", server.url, "--model", "dummy", "--suite", str(SPECS)]
    argv += ["--env", ENV, "--levels", "1", "-n", "1", "--out", str(tmp_path)]
    code = main([*argv, "--timeout", "3", "--retries", "0"])
    assert time.monotonic() - t0 < 6
    assert code == 1
    assert "no complete reply within 3.0 s" in capsys.readouterr().err


# --- malformed replies -------------------------------------------------------------------------

DEEP = 200_000
MALFORMED = {
    "message null": (b'{"choices":[{"message":null}]}', "message is NoneType"),
    "message a string": (b'{"choices":[{"message":"\\\\boxed{4}"}]}', "message is str"),
    "nested 200000 deep": (b"[" * DEEP + b"]" * DEEP, "more than 100000 JSON objects"),
    "content nested 5000 deep": (
        b'{"choices":[{"message":{"content":' + b"[" * 5000 + b"]" * 5000 + b"}}]}",
        "nested too deeply",
    ),
    "many small objects": (b"[" + b"{}," * 200_000 + b"{}]", "more than 100000 JSON objects"),
    "content a number": (b'{"choices":[{"message":{"content":4}}]}', "content is int"),
    "no choices": (b'{"choices":[]}', "no choices[0]"),
    "choices an object": (b'{"choices":{"0":{}}}', "no choices[0]"),
    "null": (b"null", "no choices[0]"),
    "not JSON": (b"<html>busy</html>", "not JSON"),
    "not UTF-8": (b'{"choices":"\xff\xfe"}', "not JSON"),
    "a 5000-digit number": (b'{"n":' + b"9" * 5000 + b"}", "not JSON"),
}


@pytest.mark.parametrize("name", MALFORMED)
def test_eval_malformed_reply_is_a_scored_failure(suite, hostile, tmp_path, name):
    raw, match = MALFORMED[name]
    server = hostile(lambda h, seed, gold, nth: h.reply(raw))
    summary = run(suite, server, tmp_path)
    assert_scored_failure(summary, tmp_path, match)
    assert server.requests == {0: 1}  # the same setup would get the same reply: no retry


def mixed(h, seed, gold, nth):
    """Seeds 0 and 3 answer right; 1, 2 and 4 are malformed."""
    bad = {1: b'{"choices":[{"message":null}]}', 2: b"[" * DEEP, 4: b'{"choices":[1]}'}
    h.reply(bad.get(seed) or completion(f"\\boxed{{{gold}}}"))


def test_eval_run_goes_on_past_malformed_replies(suite, hostile, tmp_path):
    summary = run(suite, hostile(mixed, n=5), tmp_path, n=5)
    assert summary["finished"] == summary["planned"] == 5
    assert summary["pass_rate"] == 2 / 5 and summary["failed"] == []
    assert sorted(e["id"].rsplit("/", 1)[1] for e in summary["errors"]) == ["1", "2", "4"]
    assert "0.40 (2/5)" in (tmp_path / "summary.md").read_text()


# --- what is stored ----------------------------------------------------------------------------


def big_answer(h, seed, gold, nth):  # 1 MiB of reasoning, the answer at the very end
    h.reply(completion("x" * MiB + f"\\boxed{{{gold}}}"))


def test_eval_stores_a_capped_response_but_scores_all_of_it(suite, hostile, tmp_path):
    summary = run(suite, hostile(big_answer), tmp_path)
    assert summary["pass_rate"] == 1.0 and summary["errors"] == []
    [rec] = records(tmp_path)
    assert rec["truncated"] is True and rec["response"] == "x" * 65536
    assert (tmp_path / "results.jsonl").stat().st_size < 70_000


def test_eval_stores_a_short_response_whole(suite, hostile, tmp_path):
    summary = run(suite, hostile(lambda h, s, gold, n: h.reply(completion(gold))), tmp_path)
    [rec] = records(tmp_path)
    assert summary["finished"] == 1 and "truncated" not in rec and "error" not in rec


# --- headers and error text chosen by the server ----------------------------------------------


@pytest.mark.parametrize("value", ["\u00b2", "1e999", "-5", "nan", "inf", "9" * 400, ""])
def test_eval_odd_retry_after_does_not_crash(suite, hostile, tmp_path, value):
    def busy_then_right(h, seed, gold, nth):
        if nth == 1:
            return h.reply(b"{}", 503, Retry_After=value)
        h.reply(completion(f"\\boxed{{{gold}}}"))

    summary = run(suite, hostile(busy_then_right), tmp_path)
    assert summary["pass_rate"] == 1.0
    assert records(tmp_path)[0]["attempts"] == 2


def test_eval_error_text_cannot_drive_the_terminal(suite, hostile, tmp_path, capsys):
    ansi = b"\x1b]0;owned\x07\x1b[2J\x1b[31m" + b"A" * 10_000
    server = hostile(lambda h, seed, gold, nth: h.reply(ansi, 400))
    argv = ["eval", "--base-url", server.url, "--model", "dummy", "--suite", str(SPECS)]
    assert main([*argv, "--env", ENV, "--levels", "1", "-n", "1", "--out", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "HTTP 400" in err and "\\x1b[2J" in err
    assert "\x1b" not in err and "\x07" not in err and len(err) < 1000
