"""The catalogue without a browser: safe JSON in <script>, escaped HTML, the same files for
the same suite (whatever the number of workers), the image budget, the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import tron
from tron.cli import main
from tron.quality.catalogue import catalogue
from tron.quality.catalogue_data import BUDGET
from tron.quality.catalogue_pages import script_json

SPECS = Path(__file__).resolve().parent / "golden" / "specs"


def test_script_json_cannot_close_a_script_or_break_a_line():
    data = {"t": "</script><!-- & \u2028\u2029 >"}
    text = script_json(data)
    for bad in ("<", ">", "&", "\u2028", "\u2029"):
        assert bad not in text
    assert json.loads(text) == data


def files(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def test_same_suite_same_files_whatever_the_workers(tmp_path):
    suite = tron.load(SPECS)
    catalogue(suite, tmp_path / "a", levels=[0, 5], draws=2, workers=1)
    catalogue(suite, tmp_path / "b", levels=[0, 5], draws=2, workers=2)
    a, b = files(tmp_path / "a"), files(tmp_path / "b")
    assert a == b and "index.html" in a and "data.js" in a


def test_images_stay_within_budget(tmp_path):
    suite = tron.load(SPECS)
    catalogue(suite, tmp_path, draws=0)
    for folder in (tmp_path / "img").iterdir():
        total = sum(p.stat().st_size for p in folder.iterdir())
        assert total <= BUDGET, folder


def test_cli_catalogue_and_cached_analysis(tmp_path, capsys):
    from tron.quality.analyze import analyze_env

    suite = tron.load(SPECS)
    reports = [analyze_env(suite.make(e), 6).to_dict() for e in suite.list_envs()]
    analysis = tmp_path / "analysis.json"
    analysis.write_text(json.dumps({"n": 6, "envs": reports}), encoding="utf-8")
    out = tmp_path / "site"
    args = ["catalogue", "--suite", str(SPECS), "--out", str(out), "--levels", "0,2"]
    assert main([*args, "--instances", "1", "--analysis", str(analysis)]) == 0
    assert "index.html" in capsys.readouterr().out
    page = (out / "env" / "diagram__golden_choice.html").read_text(encoding="utf-8")
    assert "tron analyze (full gate)" in page and page.count("<svg") == 5
    assert len(list((out / "img" / "diagram__golden_choice").iterdir())) == 3  # 2 + thumb
