"""The HTML pages, checked the way a person sees them: in a real headless browser (Debian's
chromium), every image must load and no script may fail; a screenshot is kept (under the
pytest tmp folder; its path is printed, `pytest -s` shows it). The catalogue's controls are
driven through Chromium's DevTools protocol over a pipe (tests/cdp.py)."""

import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

import tron
from tron.quality.analyze import analyze_env, near_duplicates, report_html
from tron.quality.gallery import gallery, preview

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "tests" / "golden" / "specs"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--allow-file-access-from-files",
]


def chromium() -> str:
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        pytest.fail("chromium is not installed (.ci/run installs Debian's chromium)")
    return exe


def browse(page: Path, tmp: Path) -> dict[str, int]:
    proc = subprocess.run(
        [
            chromium(),
            *FLAGS,
            f"--user-data-dir={tmp / 'profile'}",
            "--virtual-time-budget=10000",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    body = re.search(r"<body([^>]*)>", proc.stdout)
    assert body, proc.stderr[-2000:]
    attrs = dict(re.findall(r'data-(\w+)="(\d+)"', body.group(1)))
    assert attrs, f"the page's self-check did not run: {body.group(0)}"
    return {k: int(v) for k, v in attrs.items()}


def screenshot(page: Path, tmp: Path, name: str) -> Path:
    shot = tmp / "screenshots" / name
    shot.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            chromium(),
            *FLAGS,
            f"--user-data-dir={tmp / 'profile2'}",
            "--window-size=1280,1400",
            "--virtual-time-budget=10000",
            f"--screenshot={shot}",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=True,
    )
    print(f"screenshot: {shot}")
    return shot


def assert_not_blank(shot: Path) -> None:
    pixels = np.asarray(Image.open(shot).convert("L"))
    assert pixels.std() > 5, "screenshot is blank"


def test_gallery_page_in_a_browser(tmp_path):
    suite = tron.load(SPECS)
    index = gallery([suite.make(e) for e in suite.list_envs()], tmp_path / "gallery", n=3)
    seen = browse(index, tmp_path)
    assert seen == {"images": 6, "broken": 0, "errors": 0}
    assert_not_blank(screenshot(index, tmp_path, "gallery.png"))


def test_preview_page_in_a_browser(tmp_path):
    env = tron.load(SPECS).make("diagram/golden_choice")
    page = preview(env, tmp_path / "p" / "choice.html", n=4)
    assert browse(page, tmp_path) == {"images": 4, "broken": 0, "errors": 0}
    assert (tmp_path / "p" / "choice.png").exists()


def test_analysis_page_in_a_browser(tmp_path):
    suite = tron.load(SPECS)
    reports = [analyze_env(suite.make(e), 8) for e in suite.list_envs()]
    page = tmp_path / "analysis.html"
    page.write_text(report_html(reports, near_duplicates(reports), 8), encoding="utf-8")
    assert browse(page, tmp_path) == {"images": 0, "broken": 0, "errors": 0}
    assert_not_blank(screenshot(page, tmp_path, "analysis.png"))


def test_broken_image_is_detected(tmp_path):
    page = tmp_path / "bad.html"
    src = (ROOT / "runtime" / "quality" / "templates" / "gallery.html.j2").read_text(
        encoding="utf-8"
    )
    script = src[src.index("<script>") : src.index("</script>") + 9]
    page.write_text(f"<html><head>{script}</head><body><img src='missing.png'></body></html>")
    assert browse(page, tmp_path)["broken"] == 1


def test_previews_of_sibling_families_do_not_overwrite_each_other(tmp_path):
    for fam in ("read", "best_skill"):
        env = tron.make(f"diagram/radar_compare.{fam}")
        page = preview(env, tmp_path / f"diagram__radar_compare.{fam}.html", n=2)
        assert page.name == f"diagram__radar_compare.{fam}.html"
    names = sorted(p.name for p in tmp_path.iterdir() if p.is_file())
    assert names == [
        "diagram__radar_compare.best_skill.html",
        "diagram__radar_compare.best_skill.png",
        "diagram__radar_compare.read.html",
        "diagram__radar_compare.read.png",
    ]
