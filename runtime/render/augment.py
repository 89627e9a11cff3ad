"""Optional training-time image augmentation that keeps the answer intact.

Every op is mild on purpose: colours stay nameable (tint is a few percent), rotation is small
and expands the canvas so nothing is cut off, padding only adds background. The returned dict
records exactly what was applied, and the result depends only on the rng state.
"""

from __future__ import annotations

import io
import random
from collections.abc import Sequence
from typing import Any

import numpy as np
from PIL import Image, ImageFilter

OPS: tuple[str, ...] = ("pad", "jpeg", "tint", "blur", "noise", "rotate")


def _background(image: Image.Image) -> tuple[int, int, int]:
    # The top-left pixel is background for every TRON scene (items keep off the edges).
    px = image.getpixel((0, 0))
    assert isinstance(px, tuple)
    return (int(px[0]), int(px[1]), int(px[2]))


def _pad(image: Image.Image, rng: random.Random) -> tuple[Image.Image, dict[str, Any]]:
    w, h = image.size
    left, top, right, bottom = (rng.randint(0, max(1, round(0.08 * s))) for s in (w, h, w, h))
    fill = _background(image)
    out = Image.new("RGB", (w + left + right, h + top + bottom), fill)
    out.paste(image, (left, top))
    return out, {"left": left, "top": top, "right": right, "bottom": bottom, "fill": list(fill)}


def _jpeg(image: Image.Image, rng: random.Random) -> tuple[Image.Image, dict[str, Any]]:
    quality = rng.randint(50, 90)
    buf = io.BytesIO()
    image.save(buf, format="JPEG", quality=quality)
    buf.seek(0)
    return Image.open(buf).convert("RGB"), {"quality": quality}


def _tint(image: Image.Image, rng: random.Random) -> tuple[Image.Image, dict[str, Any]]:
    gains = [round(rng.uniform(0.94, 1.06), 3) for _ in range(3)]
    arr = np.asarray(image, dtype=np.float32) * np.array(gains, dtype=np.float32)
    out = Image.fromarray(np.clip(arr + 0.5, 0, 255).astype(np.uint8), "RGB")
    return out, {"gains": gains}


def _blur(image: Image.Image, rng: random.Random) -> tuple[Image.Image, dict[str, Any]]:
    radius = round(rng.uniform(0.3, 1.0), 3)
    return image.filter(ImageFilter.GaussianBlur(radius)), {"radius": radius}


def _noise(image: Image.Image, rng: random.Random) -> tuple[Image.Image, dict[str, Any]]:
    sigma = round(rng.uniform(2.0, 6.0), 3)
    seed = rng.getrandbits(64)  # numpy gets its own generator, seeded from ours
    noise = np.random.Generator(np.random.PCG64(seed)).normal(0.0, sigma, (*image.size[::-1], 3))
    arr = np.asarray(image, dtype=np.float32) + noise
    out = Image.fromarray(np.clip(arr + 0.5, 0, 255).astype(np.uint8), "RGB")
    return out, {"sigma": sigma, "seed": seed}


def _rotate(image: Image.Image, rng: random.Random) -> tuple[Image.Image, dict[str, Any]]:
    degrees = round(rng.uniform(3.0, 8.0), 3) * rng.choice((-1, 1))
    fill = _background(image)
    out = image.rotate(degrees, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=fill)
    return out, {"degrees": degrees, "fill": list(fill)}


_APPLY = {
    "pad": _pad,
    "jpeg": _jpeg,
    "tint": _tint,
    "blur": _blur,
    "noise": _noise,
    "rotate": _rotate,
}


def augment(
    image: Image.Image, rng: random.Random, ops: Sequence[str] = OPS, p: float = 1.0
) -> tuple[Image.Image, dict[str, dict[str, Any]]]:
    """Apply `ops` in the given order, each with probability `p` and random parameters from
    `rng`. Returns the new RGB image and {op name: parameters} for the ops actually applied,
    in order of application."""
    for op in ops:
        if op not in _APPLY:
            raise ValueError(f"unknown augmentation {op!r}: use some of {', '.join(OPS)}")
    if len(set(ops)) != len(ops):
        raise ValueError(f"augmentation ops repeat: {list(ops)!r}")
    out = image.convert("RGB")
    applied: dict[str, dict[str, Any]] = {}
    for op in ops:
        if p < 1.0 and rng.random() >= p:
            continue
        out, params = _APPLY[op](out, rng)
        applied[op] = params
    return out, applied
