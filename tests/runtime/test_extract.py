"""Answer extraction: wrapper priority, nesting, hedging candidates, malformed and huge input."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tron.answers.extract import WRAPPER_KINDS, Extraction, extract, extract_with

MB = 1 << 20

# (response, expected text, expected wrapper, expected candidates)
CASES: list[tuple[str, str | None, str | None, tuple[str, ...]]] = [
    ("\\boxed{3}", "3", "boxed", ("3",)),
    ("so \\boxed{ 3 } done", "3", "boxed", ("3",)),
    ("\\boxed {3}", "3", "boxed", ("3",)),
    ("\\fbox{B}", "B", "boxed", ("B",)),
    ("\\boxed{\\frac{3}{4}}", "\\frac{3}{4}", "boxed", ("\\frac{3}{4}",)),
    ("\\boxed{\\{1, 2\\}}", "\\{1, 2\\}", "boxed", ("\\{1, 2\\}",)),
    ("\\boxed{a\\}b}", "a\\}b", "boxed", ("a\\}b",)),
    ("\\boxed{3} then \\boxed{4}", "4", "boxed", ("3", "4")),
    ("\\boxed{\\boxed{3}}", "\\boxed{3}", "boxed", ("\\boxed{3}",)),
    ("\\boxed{3 \\boxed{4}", "4", "boxed", ("4",)),  # an unclosed box hides nothing
    ("\\boxed{}\\boxed{7}", "7", "boxed", ("7",)),  # empty boxes are not candidates
    ("\\boxedx{3}", None, None, ()),
    ("\\boxed3", None, None, ()),
    ("\\\\boxed{3}", None, None, ()),  # "\\" is an escaped backslash, then plain "boxed{"
    ("}}}\\boxed{5}{{{", "5", "boxed", ("5",)),
    ("<answer>3</answer>", "3", "answer_tag", ("3",)),
    ("<ANSWER> 3 </Answer>", "3", "answer_tag", ("3",)),
    ("<answer>3</answer> <answer>4</answer>", "4", "answer_tag", ("3", "4")),
    ("<answer>x <answer>5</answer>", "5", "answer_tag", ("5",)),
    ("<answer>5", None, None, ()),
    ("</answer>5<answer>", None, None, ()),
    ("<answer>\\boxed{3}</answer>", "3", "boxed", ("3",)),
    ("Answer: 3", "3", "final_line", ("3",)),
    ("work\nFinal answer: 3\n", "3", "final_line", ("3",)),
    ("final ANSWER: 3", "3", "final_line", ("3",)),
    ("**Answer:** 3", "3", "final_line", ("3",)),
    ("**Final Answer**: 3", "3", "final_line", ("3",)),
    ("**Answer: 3**", "3", "final_line", ("3",)),
    ("### Final answer: 3", "3", "final_line", ("3",)),
    ("- Answer: 3", "3", "final_line", ("3",)),
    ("Answer: 3\nmore\nAnswer: 4", "4", "final_line", ("3", "4")),
    ("The answer: 3", None, None, ()),  # not at the start of a line
    ("Answer:\n3", None, None, ()),
    ("Answer 3", None, None, ()),
    ("Answer: 3\n\\boxed{4}", "4", "boxed", ("4",)),  # boxed outranks a final line
    ("<answer>3</answer>\nFinal answer: 4", "3", "answer_tag", ("3",)),
    ("", None, None, ()),
    ("just text, 3", None, None, ()),
]


@pytest.mark.parametrize(("response", "text", "wrapper", "candidates"), CASES)
def test_extract(
    response: str, text: str | None, wrapper: str | None, candidates: tuple[str, ...]
) -> None:
    assert extract(response) == Extraction(text=text, wrapper=wrapper, candidates=candidates)


def test_extract_with_one_wrapper_only() -> None:
    response = "\\boxed{3}\n<answer>4</answer>\nFinal answer: 5"
    assert extract_with(response, "boxed").text == "3"
    assert extract_with(response, "answer_tag").text == "4"
    assert extract_with(response, "final_line").text == "5"
    assert extract_with("\\boxed{3}", "answer_tag") == Extraction(None, None, ())
    assert extract_with("<answer>3</answer>", "final_line").wrapper is None
    with pytest.raises(ValueError):
        extract_with("x", "bold")


def _huge_inputs() -> list[str]:
    return [
        "{" * MB,
        "}" * MB,
        "\\boxed{" * (MB // 7),
        "\\boxed{" * (MB // 8) + "}" * (MB // 8),
        "\\boxed{" + "{" * MB,
        "\\boxed{" + "{" * (MB // 2) + "}" * (MB // 2) + "}",
        "\\boxed" + " " * MB + "x",
        "\\" * MB,
        "<answer>" * (MB // 8),
        "</answer>" * (MB // 9),
        "<answer" + " " * MB,
        "Answer: " + " " * MB + "x",
        "*" * MB,
        "-" * MB + "answer",
        "Answer:" * (MB // 7),
        "\n" * MB,
        "final " * (MB // 6),
        "\\boxed{3}" * (MB // 9),
    ]


@pytest.mark.parametrize("index", range(len(_huge_inputs())))
def test_huge_inputs_return(index: int) -> None:
    response = _huge_inputs()[index]
    result = extract(response)
    assert isinstance(result, Extraction)
    for wrapper in WRAPPER_KINDS:
        assert isinstance(extract_with(response, wrapper), Extraction)


def test_deep_nesting_has_one_outer_candidate() -> None:
    depth = MB // 8
    response = "\\boxed{" * depth + "7" + "}" * depth
    result = extract(response)
    assert result.wrapper == "boxed"
    assert len(result.candidates) == 1
    assert result.text is not None and result.text.endswith("7" + "}" * (depth - 1))


_SIGNIFICANT = st.sampled_from(
    ["\\boxed{", "\\fbox{", "{", "}", "\\", "<answer>", "</answer>", "\n", "Answer:", "**", " "]
    + list("3AB,;()[]$.")
)


@given(st.lists(_SIGNIFICANT, max_size=60).map("".join))
def test_structured_noise_never_raises(response: str) -> None:
    result = extract(response)
    assert (result.text is None) == (result.wrapper is None) == (not result.candidates)
    if result.text is not None:
        assert result.text == result.candidates[-1]
        assert all(c and c == c.strip() for c in result.candidates)


@given(st.text())
def test_random_text_never_raises(response: str) -> None:
    assert isinstance(extract(response), Extraction)
