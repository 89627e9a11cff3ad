"""Environments, instances and suites: what training code works with.

An instance is named by (env id, version, level, seed); the same name gives the same question,
answer and SVG bytes in any process. Content and style draw from separate seeded generators,
so a theme never changes what is asked."""

from __future__ import annotations

import json
import random
import traceback
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cached_property, partial
from types import ModuleType
from typing import Any

from PIL import Image

from tron.answers import rewards
from tron.answers import types as answers
from tron.answers.forms import asked_by, bounded_repr
from tron.envs.meta import STATE, LazyMeta
from tron.envs.program import Generated, SamplingError
from tron.limits import sample_budget
from tron.render.themes import THEMES, Theme, pick_theme

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
REWARD_SCHEMES = ("binary", "tron")


class EnvError(RuntimeError):
    """A compiled environment failed at run time; the message names the spec line."""


@dataclass(frozen=True)
class EnvInfo:
    id: str
    title: str
    description: str
    bucket: str
    levels: tuple[int, int]
    answer_kind: str
    version: int
    tags: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "description": self.description,
            "bucket": self.bucket,
            "levels": list(self.levels),
            "answer_kind": self.answer_kind,
            "version": self.version,
            "tags": list(self.tags),
        }


def jsonable(value: Any) -> Any:
    """State values as JSON (Fractions as "p/q"; opaque stdlib objects by their repr)."""
    if isinstance(value, bool | int | str) or value is None:
        return value
    if isinstance(value, float):
        return round(value, 6)
    if isinstance(value, Fraction):
        return f"{value.numerator}/{value.denominator}"
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    return type(value).__name__


@dataclass
class Instance:
    id: str
    env_id: str
    version: int
    level: int
    seed: int
    question: str
    answer: Any
    answer_text: str
    answer_type: answers.AnswerType
    choices: list[str] | None
    meta: dict[str, Any] = field(default_factory=dict)
    generated: Generated | None = field(default=None, repr=False, compare=False)
    theme: Theme | None = field(default=None, repr=False, compare=False)

    @cached_property
    def svg(self) -> str:
        """The canonical SVG text, written on first use: a trainer that takes only `image`
        never pays for it. Instances read back by from_dict carry it already."""
        if self.generated is None or self.theme is None:
            raise ValueError(f"{self.id}: no scene to draw and no stored SVG")
        from tron.render.svg import to_svg

        return to_svg(self.generated.scene, self.theme, seed=self.seed)

    @cached_property
    def image(self) -> Image.Image:
        """The picture as a PIL RGB image (rasterised on first use)."""
        if "_png" in self.__dict__:  # carried from a worker (`carry_png`): decode, same pixels
            from tron.render.raster import decode_png

            return decode_png(self.__dict__["_png"][1])
        if self.generated is not None and self.theme is not None:
            from tron.render.cairo_raster import to_image

            return to_image(self.generated.scene, self.theme, seed=self.seed)
        from tron.render.raster import svg_to_image

        return svg_to_image(self.svg)

    def render(self, size: int | tuple[int, int]) -> Image.Image:
        """The picture at another size (an int sets the longer side): drawn directly from the
        scene when this process sampled it, else rasterised from the stored SVG by cairosvg.
        Augmentation applies only to `image`."""
        if self.generated is not None and self.theme is not None:
            from tron.render.cairo_raster import to_image

            return to_image(self.generated.scene, self.theme, size, seed=self.seed)
        from tron.render.raster import svg_to_image

        return svg_to_image(self.svg, size)

    @property
    def png(self) -> bytes:
        """PNG bytes as they always were (Pillow, level 6). Export uses `png_bytes()`."""
        from tron.render.raster import png_bytes

        return png_bytes(self.image)

    def png_bytes(self, level: int = 1, fast: bool = True) -> bytes:
        """PNG bytes for export: the project's encoder (`fast`, lossless, the same pixels) at
        zlib `level` (1 for speed, 6 for size); `fast=False` is Pillow's encoder. Bytes a
        worker already encoded (`tron.sample_batch`) are handed back without encoding again."""
        carried = self.__dict__.get("_png")
        if carried is not None and carried[0] == (level, fast):
            return carried[1]
        from tron.render.raster import encode_png, png_bytes

        return encode_png(self.image, level) if fast else png_bytes(self.image, level)

    def carry_png(self, level: int = 1) -> None:
        """Encode the picture and keep only the bytes: a worker process sends these (about
        20 kB, not 0.8 MB of pixels); `image` is decoded from them on first use (lossless)."""
        data = self.png_bytes(level)
        self.__dict__.pop("image", None)
        self.__dict__["_png"] = ((level, True), data)

    def verify(self, response: str) -> float:
        return score(
            self.answer_type,
            self.answer,
            response,
            self.meta.get("reward", "binary"),
            self.meta.get("wrapper"),
            question=self.question,
            options=self.meta.get("options"),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "env_id": self.env_id,
            "version": self.version,
            "level": self.level,
            "seed": self.seed,
            "question": self.question,
            "answer": self.answer_type.value_to_json(self.answer),
            "answer_text": self.answer_text,
            "answer_type": self.answer_type.to_json(),
            "choices": self.choices,
            "svg": self.svg,
            "meta": self.meta,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Instance:
        atype = answers.answer_type_from_json(d["answer_type"])
        inst = cls(
            id=d["id"],
            env_id=d["env_id"],
            version=d["version"],
            level=d["level"],
            seed=d["seed"],
            question=d["question"],
            answer=atype.value_from_json(d["answer"]),
            answer_text=d["answer_text"],
            answer_type=atype,
            choices=d.get("choices"),
            meta=d.get("meta", {}),
        )
        inst.__dict__["svg"] = d["svg"]  # fills the cached property
        return inst

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), sort_keys=True)


def score(
    atype: answers.AnswerType,
    gold: Any,
    response: Any,
    scheme: str = "binary",
    wrapper: str | None = None,
    *,
    question: str | None = None,
    options: Sequence[str] | None = None,
) -> float:
    """Reward for a response under a scheme of REWARD_SCHEMES: "binary" 1.0 / 0.0, "tron"
    +1 / -0.5 (one wrong value) / -1 (malformed, hedged, wrapper missing, not text); a "tron"
    record without a wrapper accepts any wrapper kind. `question` and `options` (the option
    texts of a choice) enable the answer forms that depend on them ("30%", "2 shapes",
    "B. 3"). Never raises on any response value; ValueError for an unknown scheme, wrapper,
    or malformed question/options."""
    if not isinstance(scheme, str) or scheme not in REWARD_SCHEMES:
        raise ValueError(
            f"unknown reward scheme {bounded_repr(scheme)}; expected one of {REWARD_SCHEMES}"
        )
    if wrapper is not None and (not isinstance(wrapper, str) or wrapper not in rewards.WRAPPERS):
        raise ValueError(
            f"unknown wrapper {bounded_repr(wrapper)}; expected None or one of {rewards.WRAPPERS}"
        )
    if question is not None and not isinstance(question, str):
        raise ValueError(f"question must be text, got {bounded_repr(question)}")
    if options is not None and (
        not isinstance(options, list | tuple) or not all(isinstance(o, str) for o in options)
    ):
        raise ValueError(f"options must be a list of text, got {bounded_repr(options)}")
    if not isinstance(response, str):  # nothing to extract: malformed
        return 0.0 if scheme == "binary" else -1.0
    asked = asked_by(question, options)
    if scheme == "tron":
        return rewards.tron_reward(atype, gold, response, wrapper, asked)
    return rewards.verify(atype, gold, response, asked)


def verify(instance: dict[str, Any] | Instance, response: Any) -> float:
    """Score a response against a serialized instance alone (what a trainer's dataset stores).
    A malformed instance record raises ValueError naming the fault; a bad response only ever
    scores low."""
    if isinstance(instance, Instance):
        return instance.verify(response)
    if not isinstance(instance, dict):
        raise ValueError(f"not a TRON instance record: expected a dict, got {type(instance)}")
    meta = instance.get("meta")
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise ValueError(f"not a TRON instance record: meta must be an object, got {type(meta)}")
    try:
        atype = answers.answer_type_from_json(instance["answer_type"])
        gold = atype.value_from_json(instance["answer"])
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"not a TRON instance record: {exc}") from None
    return score(
        atype,
        gold,
        response,
        meta.get("reward", "binary"),
        meta.get("wrapper"),
        question=instance.get("question"),
        options=meta.get("options"),
    )


def answer_value(atype: answers.AnswerType, value: Any) -> Any:
    """Spec values -> the answer type's value (a Cell record becomes a (row, col) pair, also
    as an item of a sequence or set)."""
    if isinstance(atype, answers.SequenceAnswer | answers.SetAnswer) and isinstance(value, list):
        return [answer_value(atype.item, v) for v in value]
    if isinstance(atype, answers.CellAnswer) and isinstance(value, dict):
        return (value["row"], value["col"])
    if isinstance(atype, answers.NumberAnswer) and isinstance(value, int | Fraction):
        return Fraction(value)
    return value


class Env:
    """One compiled environment."""

    def __init__(self, module: ModuleType):
        self.module = module
        i = module.INFO
        self.info = EnvInfo(
            i["id"],
            i["title"],
            i["description"],
            i["bucket"],
            tuple(i["levels"]),
            i["answer_kind"],
            i["version"],
            tuple(i["tags"]),
        )

    @property
    def id(self) -> str:
        return self.info.id

    def __repr__(self) -> str:
        return f"Env({self.info.id!r}, version={self.info.version})"

    def run(self, level: int, seed: int, with_checks: bool = False) -> Generated:
        """The raw generated state and scene (no theme, no prompt text)."""
        lo, hi = self.info.levels
        if not isinstance(level, int) or not lo <= level <= hi:
            raise ValueError(f"{self.id}: level must be an int in {lo}..{hi}, got {level!r}")
        if not isinstance(seed, int) or isinstance(seed, bool):
            raise ValueError(f"{self.id}: seed must be an int, got {seed!r}")
        rng = random.Random(f"{self.id}@{self.info.version}/{level}/{seed}")
        try:
            with sample_budget():  # the caps of tron.limits on steps and time, per sample
                return self.module.generate(level, rng, with_checks)
        except Exception as exc:  # MemoryError and RecursionError too: a located EnvError
            raise EnvError(self.locate(exc)) from exc

    def locate(self, exc: BaseException) -> str:
        """Name the spec line where a generated module failed (for exhausted rejection
        sampling: the line that rejected most)."""
        where = self.module.SPEC_PATH
        for frame in reversed(traceback.extract_tb(exc.__traceback__)):
            if frame.filename == self.module.__file__ and frame.lineno in self.module.LINEMAP:
                return f"{where}:{self.module.LINEMAP[frame.lineno]}: {type(exc).__name__}: {exc}"
        line = getattr(exc, "line", None) if isinstance(exc, SamplingError) else None
        where = f"{where}:{line}" if line else where
        return f"{where}: {type(exc).__name__}: {exc}"

    def sample(
        self,
        level: int,
        seed: int,
        *,
        theme: str | None = None,
        reward: str = "binary",
        augment: bool | Sequence[str] = False,
        with_checks: bool = False,
    ) -> Instance:
        """The instance named (env, version, level, seed). `theme` forces a look (else drawn
        from the seed); `reward="tron"` names one required answer wrapper in the prompt;
        `augment` (True, or a list of ops from tron.render.augment.OPS) perturbs the raster for
        training, recorded in meta["augment"]. None of these changes the answer. `with_checks` also
        evaluates the spec's `check` statements, into `inst.generated.checks` (for validation)."""
        if reward not in REWARD_SCHEMES:
            raise ValueError(f"reward must be one of {REWARD_SCHEMES}, got {reward!r}")
        g = self.run(level, seed, with_checks)
        style_rng = random.Random(f"style:{self.id}@{self.info.version}/{level}/{seed}")
        if theme is None:
            th = pick_theme(style_rng)
        elif theme in THEMES:
            th = THEMES[theme]
        else:
            raise ValueError(f"unknown theme {theme!r}; themes: {', '.join(THEMES)}")
        question = g.question.strip()
        choices = None
        if g.options is not None:
            texts, correct = g.options
            choices = [f"{LETTERS[i]}" for i in range(len(texts))]
            question += "\n" + "\n".join(f"{LETTERS[i]}. {t}" for i, t in enumerate(texts))
            atype: answers.AnswerType = answers.ChoiceAnswer(len(texts))
            answer = LETTERS[correct]
        else:
            atype = g.answer_type
            answer = answer_value(atype, g.answer)
        wrapper = None
        if reward == "tron":
            wrapper = style_rng.choice(rewards.WRAPPERS)
        question += "\n" + atype.instruction() + " " + rewards.wrapper_instruction(wrapper)
        meta = LazyMeta(  # meta["state"] = jsonable(g.state), built when first read
            {
                "theme": th.name,
                "complexity": round(float(g.complexity), 6),
                "tries": g.tries,
                "reward": reward,
                "wrapper": wrapper,
                STATE: None,
                "options": g.options[0] if g.options else None,
            },
            partial(jsonable, g.state),
        )
        inst = Instance(
            id=f"{self.id}@{self.info.version}/{level}/{seed}",
            env_id=self.id,
            version=self.info.version,
            level=level,
            seed=seed,
            question=question,
            answer=answer,
            answer_text=atype.canonical(answer),
            answer_type=atype,
            choices=choices,
            meta=meta,
            generated=g,
            theme=th,
        )
        if augment:
            from tron.render.augment import OPS
            from tron.render.augment import augment as perturb

            ops = OPS if augment is True else tuple(augment)
            image, record = perturb(inst.image, style_rng, ops)
            inst.__dict__["image"] = image  # replaces the cached raster
            inst.meta["augment"] = record
        return inst

    def verify(self, instance: Instance | dict[str, Any], response: Any) -> float:
        return verify(instance, response)

    def stream(self, level: int, seed: int = 0) -> Iterator[Instance]:
        """Instances at one level with seeds seed, seed+1, ... (endless)."""
        s = seed
        while True:
            yield self.sample(level, s)
            s += 1
