"""A tiny OpenAI-compatible chat-completions stub for the integration tests: it answers each
request from a table keyed by the picture's data URL (gold for some items, wrong for others).
Listens on 127.0.0.1 only; the tests shut it down."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

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
