"""The catalogue in a real headless Chromium, driven through the DevTools protocol over a
pipe (`--remote-debugging-pipe`: no port, no websocket library): every image loads (lazy
ones are switched to eager first), no script fails, and the controls do what they say:
search, the bucket / tag filters, sorting, the `/` key, the state in the URL, the level
selector (buttons and arrow keys) and the answer reveal. Screenshots are written under the
pytest tmp folder and their paths printed (`pytest -s` shows them)."""

from __future__ import annotations

import base64
import contextlib
import json
import os
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

import tron
from tests.test_html_pages import FLAGS, assert_not_blank, chromium
from tron.quality.catalogue import catalogue

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "tests" / "golden" / "specs"
HOSTILE = '</script><script>window.pwned=1</script><img src=x onerror="window.pwned=1"> & <!--'


class Browser:
    """Chromium with the DevTools protocol on fds 3 (commands in) and 4 (replies out)."""

    def __init__(self, tmp: Path):
        to_child, self._w = os.pipe()
        self._r, from_child = os.pipe()

        def fds() -> None:  # in the child: its fd 3 reads our commands, fd 4 writes replies
            a, b = os.dup(to_child), os.dup(from_child)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.proc = subprocess.Popen(
            [
                chromium(),
                *FLAGS,
                f"--user-data-dir={tmp / 'cdp-profile'}",
                "--remote-debugging-pipe",
                "about:blank",
            ],
            preexec_fn=fds,
            close_fds=False,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_child)
        os.close(from_child)
        self._buf = b""
        self._id = 0
        self.events: list[dict[str, Any]] = []
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"
        ]
        for domain in ("Page", "Runtime"):
            self.call(f"{domain}.enable", session=True)
        self.call(
            "Emulation.setDeviceMetricsOverride",
            {"width": 1280, "height": 1000, "deviceScaleFactor": 1, "mobile": False},
            session=True,
        )

    def _read(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buf:
            if time.monotonic() > deadline:
                raise TimeoutError("no reply from chromium")
            chunk = os.read(self._r, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the DevTools pipe")
            self._buf += chunk
        msg, _, self._buf = self._buf.partition(b"\0")
        return json.loads(msg)  # type: ignore[no-any-return]

    def call(
        self, method: str, params: dict[str, Any] | None = None, session: bool = False
    ) -> dict[str, Any]:
        self._id += 1
        msg: dict[str, Any] = {"id": self._id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = self.session
        os.write(self._w, json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + 60
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self._id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})  # type: ignore[no-any-return]
            self.events.append(reply)

    def wait_event(self, method: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while not any(e.get("method") == method for e in self.events):
            self.events.append(self._read(deadline))
        self.events = [e for e in self.events if e.get("method") != method]

    def open(self, page: Path) -> None:
        self.call("Page.navigate", {"url": page.as_uri()}, session=True)
        self.wait_event("Page.loadEventFired")

    def js(self, expression: str) -> Any:
        reply = self.call(
            "Runtime.evaluate",
            {"expression": expression, "awaitPromise": True, "returnByValue": True},
            session=True,
        )
        if "exceptionDetails" in reply:
            raise AssertionError(f"{expression!r:.200}: {reply['exceptionDetails']}")
        return reply["result"].get("value")

    def key(self, key: str, code: str, vk: int, text: str = "") -> None:
        down = {"type": "keyDown", "key": key, "code": code, "windowsVirtualKeyCode": vk}
        if text:
            down["text"] = text
        self.call("Input.dispatchKeyEvent", down, session=True)
        self.call(
            "Input.dispatchKeyEvent",
            {"type": "keyUp", "key": key, "code": code, "windowsVirtualKeyCode": vk},
            session=True,
        )

    def type(self, text: str) -> None:
        self.call("Input.insertText", {"text": text}, session=True)

    def errors(self) -> list[Any]:
        return [e for e in self.events if e.get("method") == "Runtime.exceptionThrown"]

    def all_images_load(self) -> dict[str, int]:
        """Every image, the lazy and the hidden ones too, loaded: (count, broken)."""
        return self.js(  # type: ignore[no-any-return]
            """(async () => {
              const imgs = [...document.images];
              imgs.forEach(i => { i.loading = "eager"; });
              await Promise.all(imgs.map(i => i.decode().catch(() => null)));
              return {images: imgs.length,
                      broken: imgs.filter(i => !(i.complete && i.naturalWidth > 0)).length};
            })()"""
        )

    def screenshot(self, path: Path) -> Path:
        self.js("window.scrollTo(0, 0)")
        shot = self.call("Page.captureScreenshot", {"format": "png"}, session=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(shot["data"]))
        print(f"screenshot: {path}")
        return path

    def close(self) -> None:
        with contextlib.suppress(RuntimeError, TimeoutError, OSError):
            self.call("Browser.close")
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._r)
        os.close(self._w)


@pytest.fixture
def browser(tmp_path):
    b = Browser(tmp_path)
    yield b
    b.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    suite = tron.load(SPECS)
    out = tmp_path_factory.mktemp("catalogue")
    catalogue(suite, out, instances=2, draws=4)
    return out, suite


def visible_cards(b: Browser) -> list[str]:
    return b.js(  # type: ignore[no-any-return]
        "[...document.querySelectorAll('#cards li')].map(li => li.dataset.id)"
    )


def choose(b: Browser, select: str, value: str) -> None:
    """Pick an option the way a user does: set the value, fire `change`."""
    b.js(
        f"{{ const s = document.getElementById({json.dumps(select)}); "
        f"s.value = {json.dumps(value)}; s.dispatchEvent(new Event('change')); }}"
    )


def test_index_filters_search_sort_and_keys(site, browser, tmp_path):
    out, suite = site
    ids = suite.list_envs()
    browser.open(out / "index.html")
    assert visible_cards(browser) == ids
    assert browser.all_images_load() == {"images": len(ids), "broken": 0}
    assert browser.js("document.body.dataset.errors") == "0"
    # `/` focuses the search box; typing filters the cards
    browser.js("document.body.focus()")
    browser.key("/", "Slash", 191, "/")
    assert browser.js("document.activeElement.id") == "q"
    browser.type("golden: choice")
    assert visible_cards(browser) == ["diagram/golden_choice"]
    assert browser.js("document.getElementById('count').textContent").startswith("1 of ")
    browser.key("Escape", "Escape", 27)
    assert visible_cards(browser) == ids
    # bucket and tag filters, and the state kept in the URL
    choose(browser, "bucket", "counting")
    assert visible_cards(browser) == suite.list_envs("counting")
    assert "bucket=counting" in browser.js("location.hash")
    browser.js("document.getElementById('reset').click()")
    browser.js("document.querySelector('#cards li button.chip').click()")  # a card's tag
    tag = browser.js("document.getElementById('tag').value")
    tagged = [e for e in ids if tag in suite.make(e).info.tags]
    assert tag and visible_cards(browser) == tagged
    # sorting by title
    browser.js("document.getElementById('reset').click()")
    choose(browser, "sort", "title")
    titles = browser.js("[...document.querySelectorAll('#cards .title')].map(t => t.textContent)")
    assert titles == sorted(titles, key=str.lower) and len(titles) == len(ids)
    # a link with a filter in its hash opens filtered
    browser.open(out / "index.html")
    browser.js("location.hash = 'bucket=diagram'")
    assert visible_cards(browser) == suite.list_envs("diagram")
    browser.js("location.hash = ''")
    assert browser.errors() == []
    assert_not_blank(browser.screenshot(tmp_path / "screenshots" / "catalogue-index.png"))


def test_env_page_levels_and_answers(site, browser, tmp_path):
    out, suite = site
    env = suite.make("counting/golden_colours")
    page = out / "env" / "counting__golden_colours.html"
    browser.open(page)
    seen = browser.all_images_load()
    assert seen == {"images": 20, "broken": 0}  # 10 levels x 2 instances
    shown = "[...document.querySelectorAll('section.level')].filter(s => !s.hidden)"
    assert browser.js(f"{shown}.map(s => s.dataset.level)") == ["0"]
    browser.js("document.querySelector('.levels button[data-level=\"3\"]').click()")
    assert browser.js(f"{shown}.map(s => s.dataset.level)") == ["3"]
    assert browser.js("document.querySelector('.levels [aria-pressed=true]').dataset.level") == "3"
    # arrow keys move between levels
    browser.js("document.querySelector('.levels button[data-level=\"3\"]').focus()")
    browser.key("ArrowRight", "ArrowRight", 39)
    assert browser.js(f"{shown}.map(s => s.dataset.level)") == ["4"]
    # the gold answer is hidden until asked for, and it is the instance's answer
    first = f"{shown}[0].querySelector('figure')"
    assert browser.js(f"{first}.querySelector('.answer').hidden") is True
    browser.js(f"{first}.querySelector('button.reveal').click()")
    assert browser.js(f"{first}.querySelector('.answer').hidden") is False
    assert browser.js(f"{first}.querySelector('button.reveal').getAttribute('aria-expanded')") == (
        "true"
    )
    gold = env.sample(4, 0).answer_text
    assert browser.js(f"{first}.querySelector('.answer b').textContent") == gold
    assert browser.js("document.querySelectorAll('svg.plot').length") == 5
    assert browser.js("document.querySelector('pre.source').textContent").startswith("# Scattered")
    assert browser.errors() == []
    browser.js(f"{first}.scrollIntoView()")
    assert_not_blank(browser.screenshot(tmp_path / "screenshots" / "catalogue-env.png"))


def test_summary_page(site, browser):
    out, _ = site
    browser.open(out / "summary.html")
    assert browser.js("document.querySelectorAll('svg.plot').length") >= 5
    assert browser.js("document.body.dataset.errors") == "0"
    assert browser.errors() == []


def test_hostile_strings_stay_text(tmp_path, browser):
    spec = (SPECS / "counting" / "golden_colours.tron").read_text(encoding="utf-8")
    hostile = HOSTILE.replace('"', "'")
    spec = spec.replace("env counting/golden_colours", "env counting/hostile")
    spec = spec.replace('title "Count shapes of one colour"', f'title "{hostile}"')
    spec = spec.replace('tags "shapes", "colour"', f'tags "shapes", "{hostile}"')
    spec = spec.replace('question "', f'question "{hostile} ').replace('| "', f'| "{hostile} ')
    (tmp_path / "specs" / "counting").mkdir(parents=True)
    (tmp_path / "specs" / "counting" / "hostile.tron").write_text(spec, encoding="utf-8")
    out = tmp_path / "site"
    catalogue(tron.load(tmp_path / "specs"), out, levels=[0], instances=2, draws=0)
    browser.open(out / "index.html")
    assert browser.js("document.querySelector('#cards .title').textContent") == hostile
    assert browser.js("window.pwned === undefined")
    browser.open(out / "env" / "counting__hostile.html")
    assert browser.js("document.querySelector('h1').textContent") == hostile
    questions = browser.js("[...document.querySelectorAll('.question')].map(q => q.textContent)")
    assert any(q.startswith(hostile) for q in questions)
    assert browser.js("window.pwned === undefined")
    assert browser.errors() == []
