"""Text forms, number words, ordinals and plurals."""

from __future__ import annotations

from tron import stdlib as rt


def test_text() -> None:
    assert rt.str(3.0) == "3" and rt.str(2.5) == "2.5" and rt.str(True) == "yes"
    assert rt.str([1, 2]) == "1, 2" and rt.str(rt.point(1, 2.5)) == "(1, 2.5)"
    assert rt.str(rt.grid_cell(2, 3)) == "(2, 3)"
    assert rt.join(["a", "b"], "-") == "a-b" and rt.upper("ab") == "AB"
    assert rt.lower("AB") == "ab" and rt.capitalize("red ball") == "Red ball"
    assert rt.number_word(0) == "zero" and rt.number_word(42) == "forty-two"
    assert rt.number_word(115) == "one hundred and fifteen"
    assert rt.number_word(-3001) == "minus three thousand and one"
    assert [rt.ordinal(i) for i in (1, 2, 3, 4, 11, 12, 13, 21, 102)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "102nd"
    ]  # fmt: skip
    assert rt.plural("box", 2) == "boxes" and rt.plural("box", 1) == "box"
    assert rt.plural("berry", 0) == "berries" and rt.plural("day", 3) == "days"
    assert rt.plural("mouse", 2) == "mice" and rt.plural("circle", 5) == "circles"
    assert [rt.letter(i) for i in (0, 25, 26, 27, 51, 52)] == ["A", "Z", "AA", "AB", "AZ", "BA"]
