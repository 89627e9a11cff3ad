"""Look at environments the way a person does: preview pages and contact sheets."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
from PIL import Image, ImageDraw, ImageFont
from tqdm import tqdm

from tron.envs.env import Env, Instance
from tron.render.raster import png_bytes


@dataclass(frozen=True)
class Shown:
    id: str
    image: str
    question: str
    answer: str
    theme: str


def levels_for(env: Env, n: int, level: int | None) -> list[int]:
    if level is not None:
        return [level] * n
    lo, hi = env.info.levels
    return [lo + (hi - lo) * i // max(n - 1, 1) for i in range(n)]


def samples(env: Env, n: int, level: int | None, seed: int) -> list[Instance]:
    return [env.sample(lv, seed + i) for i, lv in enumerate(levels_for(env, n, level))]


def write_images(insts: list[Instance], img_dir: Path, rel: str) -> list[Shown]:
    img_dir.mkdir(parents=True, exist_ok=True)
    out = []
    for inst in insts:
        name = inst.id.replace("/", "_").replace("@", "_") + ".png"
        (img_dir / name).write_bytes(png_bytes(inst.image, compress_level=1))
        out.append(
            Shown(
                inst.id,
                f"{rel}/{name}",
                inst.question,
                inst.answer_text,
                inst.meta.get("theme", ""),
            )
        )
    return out


def render_page(title: str, subtitle: str, envs: list[dict[str, Any]]) -> str:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(resources.files("tron.quality").joinpath("templates"))),
        autoescape=True,
        keep_trailing_newline=True,
    )
    return env.get_template("gallery.html.j2").render(title=title, subtitle=subtitle, envs=envs)


def font(size: int) -> ImageFont.FreeTypeFont:
    path = resources.files("tron.render.fonts").joinpath("DejaVuSans.ttf")
    return ImageFont.truetype(str(path), size)


def contact_sheet(insts: list[Instance], cols: int = 4, thumb: int = 256) -> Image.Image:
    """A grid of instances, each with its (first question line) and answer under it."""
    rows = (len(insts) + cols - 1) // cols
    cap = 64
    sheet = Image.new("RGB", (cols * thumb, rows * (thumb + cap)), "white")
    draw = ImageDraw.Draw(sheet)
    f = font(11)
    for i, inst in enumerate(insts):
        x, y = (i % cols) * thumb, (i // cols) * (thumb + cap)
        sheet.paste(inst.image.resize((thumb, thumb), Image.Resampling.LANCZOS), (x, y))
        q = inst.question.splitlines()[0]
        lines = wrap(q, f, thumb - 8)[:3] + [f"Answer: {inst.answer_text}"]
        for j, line in enumerate(lines):
            draw.text((x + 4, y + thumb + 2 + 14 * j), line, fill="black", font=f)
    return sheet


def wrap(text: str, f: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines, cur = [], ""
    for word in text.split():
        trial = f"{cur} {word}".strip()
        if f.getlength(trial) <= width or not cur:
            cur = trial
        else:
            lines.append(cur)
            cur = word
    return lines + ([cur] if cur else [])


def preview(env: Env, out: Path, n: int = 16, level: int | None = None, seed: int = 0) -> Path:
    """Contact-sheet PNG plus an HTML page for one environment; returns the HTML path."""
    insts = samples(env, n, level, seed)
    # Only a page or sheet suffix is dropped: a family id's dot ("x.count") is part of the name.
    stem = out.with_suffix("") if out.suffix in (".html", ".png") else out
    stem.parent.mkdir(parents=True, exist_ok=True)
    contact_sheet(insts).save(stem.parent / (stem.name + ".png"))
    shown = write_images(insts, stem.parent / (stem.name + "_files"), stem.name + "_files")
    page = render_page(
        env.info.title,
        env.info.description,
        [{"info": env.info, "anchor": "env", "samples": shown}],
    )
    html_path = stem.parent / (stem.name + ".html")
    html_path.write_text(page, encoding="utf-8")
    return html_path


def gallery(envs: list[Env], out: Path, n: int = 4, seed: int = 0) -> Path:
    """One page showing every environment; returns the index.html path."""
    out.mkdir(parents=True, exist_ok=True)
    blocks = []
    for env in tqdm(envs, desc="gallery", unit="env"):
        insts = samples(env, n, None, seed)
        anchor = env.id.replace("/", "-")
        shown = write_images(insts, out / "img", "img")
        contact_sheet(insts).save(out / f"{anchor}.png")
        blocks.append({"info": env.info, "anchor": anchor, "samples": shown})
    page = render_page(
        "TRON environment gallery",
        f"{len(envs)} environments, {n} instances each across levels",
        blocks,
    )
    index = out / "index.html"
    index.write_text(page, encoding="utf-8")
    return index


__all__ = ["contact_sheet", "gallery", "preview"]
