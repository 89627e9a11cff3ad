"""A tiny vision-language model built on this machine, for smoke-testing a training setup on a
CPU without downloading anything: a Qwen2-VL architecture from a config (random weights, a few
thousand parameters per layer), a byte-level BPE tokenizer trained here with `tokenizers` on the
bundled suite's question texts, and a chat template in the Qwen2-VL format (user turns with
`<|vision_start|><|image_pad|><|vision_end|>` where a picture goes).

    from tron.integrations.tiny_model import tiny_vlm
    model, processor = tiny_vlm()
    trainer = trl.GRPOTrainer(model=model, processing_class=processor, ...)

It learns nothing useful; it runs every step a real Qwen2-VL run does (chat template, image
processor, vision tower, generation, the reward call). `max_pixels` bounds the picture size the
processor feeds the vision tower, the same setting a real Qwen2-VL / Qwen2.5-VL processor takes.

Needs the `trl` extra (`pip install 'tron-rl[trl]'`: torch, transformers, tokenizers).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

SPECIAL_TOKENS = [
    "<|endoftext|>",
    "<|im_start|>",
    "<|im_end|>",
    "<|vision_start|>",
    "<|vision_end|>",
    "<|image_pad|>",
    "<|video_pad|>",
]

# The Qwen2-VL chat format: <|im_start|>role\n...<|im_end|>\n per turn, pictures as vision
# tokens inside the turn's text, and an open assistant turn for generation.
CHAT_TEMPLATE = (
    "{% for message in messages %}"
    "<|im_start|>{{ message['role'] }}\n"
    "{% if message['content'] is string %}{{ message['content'] }}"
    "{% else %}{% for part in message['content'] %}"
    "{% if part['type'] == 'image' or 'image' in part %}<|vision_start|><|image_pad|><|vision_end|>"
    "{% elif part['type'] == 'text' %}{{ part['text'] }}{% endif %}"
    "{% endfor %}{% endif %}"
    "<|im_end|>\n"
    "{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)


def question_texts(per_env: int = 2, limit: int | None = None) -> list[str]:
    """Question texts of the bundled suite (a few instances per environment), the corpus the
    tiny tokenizer is trained on."""
    from tron.loading import bundled

    suite = bundled()
    texts = []
    for env_id in suite.list_envs()[:limit]:
        env = suite.make(env_id)
        lo, hi = env.info.levels
        for seed in range(per_env):
            inst = env.sample(lo if seed % 2 == 0 else hi, seed)
            texts += [inst.question, f"The answer is \\boxed{{{inst.answer_text}}}."]
    return texts


def tiny_tokenizer(texts: Iterable[str], vocab_size: int = 512) -> Any:
    """A byte-level BPE tokenizer trained on `texts`, wrapped as a transformers fast tokenizer
    with the Qwen2-VL special tokens and chat template."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    tok = Tokenizer(models.BPE(unk_token=None))
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size,
        special_tokens=SPECIAL_TOKENS,
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    tok.train_from_iterator(list(texts), trainer=trainer)
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tok,
        eos_token="<|im_end|>",
        pad_token="<|endoftext|>",
        padding_side="left",
        chat_template=CHAT_TEMPLATE,
    )
    return fast


def tiny_vlm(
    hidden_size: int = 32,
    layers: int = 2,
    max_pixels: int = 56 * 56,
    texts: Iterable[str] | None = None,
    seed: int = 0,
) -> tuple[Any, Any]:
    """(model, processor): a randomly initialised Qwen2-VL of `layers` text layers of width
    `hidden_size` and a one-block vision tower, with a processor whose image processor scales
    every picture to at most `max_pixels` pixels (56*56: 4 patches of 28x28, one vision token
    each after merging)."""
    import torch
    from transformers import (
        Qwen2VLConfig,
        Qwen2VLForConditionalGeneration,
        Qwen2VLProcessor,
    )

    try:  # transformers 5: the PIL backend (the default one needs torchvision)
        from transformers import Qwen2VLImageProcessorPil as ImageProcessor
    except ImportError:  # transformers 4: the slow processor is the PIL one
        from transformers import Qwen2VLImageProcessor as ImageProcessor  # type: ignore[assignment]

    tokenizer = tiny_tokenizer(texts if texts is not None else question_texts())
    ids = {t: tokenizer.convert_tokens_to_ids(t) for t in SPECIAL_TOKENS}
    heads = 2
    half_head = hidden_size // heads // 2
    section = [half_head - 2 * (half_head // 3), half_head // 3, half_head // 3]
    config = Qwen2VLConfig(
        text_config={
            "vocab_size": len(tokenizer),
            "hidden_size": hidden_size,
            "intermediate_size": 2 * hidden_size,
            "num_hidden_layers": layers,
            "num_attention_heads": heads,
            "num_key_value_heads": heads,
            "max_position_embeddings": 4096,
            "rope_parameters": {
                "rope_type": "default",
                "rope_theta": 10000.0,
                "mrope_section": section,
            },
            "bos_token_id": ids["<|endoftext|>"],
            "eos_token_id": ids["<|im_end|>"],
            "pad_token_id": ids["<|endoftext|>"],
        },
        vision_config={
            "depth": 1,
            "embed_dim": 32,
            "hidden_size": hidden_size,
            "num_heads": 2,
            "mlp_ratio": 2,
            "patch_size": 14,
            "spatial_merge_size": 2,
            "temporal_patch_size": 2,
        },
        image_token_id=ids["<|image_pad|>"],
        video_token_id=ids["<|video_pad|>"],
        vision_start_token_id=ids["<|vision_start|>"],
        vision_end_token_id=ids["<|vision_end|>"],
    )
    torch.manual_seed(seed)
    model = Qwen2VLForConditionalGeneration(config)
    model.generation_config.eos_token_id = ids["<|im_end|>"]
    model.generation_config.pad_token_id = ids["<|endoftext|>"]
    image_processor = ImageProcessor(
        min_pixels=28 * 28, max_pixels=max_pixels, patch_size=14, merge_size=2
    )
    processor = _processor_class(Qwen2VLProcessor)(
        image_processor=image_processor,
        tokenizer=tokenizer,
        video_processor=_no_video_processor(),
        chat_template=CHAT_TEMPLATE,
    )
    return model, processor


def _processor_class(base: Any) -> Any:
    class TinyQwen2VLProcessor(base):
        """Qwen2VLProcessor that takes the plain video processor below: without torchvision,
        transformers' name for the video base class is a placeholder no instance matches."""

        def check_argument_for_proper_class(self, argument_name: str, argument: Any) -> Any:
            if argument_name == "video_processor":
                return type(argument)
            return super().check_argument_for_proper_class(argument_name, argument)

    return TinyQwen2VLProcessor


def _no_video_processor() -> Any:
    # Qwen2VLProcessor insists on a video processor; Qwen2-VL's own needs torchvision, which has
    # no build for the CPU torch here. No video passes through, so the plain base class serves.
    from transformers.video_processing_utils import BaseVideoProcessor

    return BaseVideoProcessor()
