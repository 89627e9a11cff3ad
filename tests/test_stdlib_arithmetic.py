"""Arithmetic, rounding and binary digits."""

from __future__ import annotations

import pytest

from tron import stdlib as rt


def test_arithmetic() -> None:
    assert rt.round(2.5) == 3 and rt.round(3.5) == 4 and rt.round(-2.5) == -2
    assert rt.round(2.49) == 2
    assert rt.round_to(2.345, 2) == 2.35 and rt.round_to(1.005, 2) == 1.01
    assert rt.floor(-1.5) == -2 and rt.ceil(1.2) == 2
    assert rt.abs(-3) == 3 and rt.fabs(-1.5) == 1.5
    assert rt.sqrt(9) == 3.0
    assert rt.gcd(12, 18) == 6 and rt.lcm(4, 6) == 12
    assert rt.mod(-1, 3) == 2 and rt.div(-7, 2) == -4
    assert rt.clamp(15, 0, 10) == 10
    assert rt.distance(rt.point(0, 0), rt.point(3, 4)) == 5.0
    with pytest.raises(ValueError):
        rt.mod(1, 0)


def test_bits_round_trip() -> None:
    assert rt.bits_of(5, 4) == [0, 1, 0, 1]
    assert rt.bits_of(0, 3) == [0, 0, 0]
    assert rt.from_bits([1, 1, 0]) == 6
    assert rt.from_bits([]) == 0
    for n in range(32):
        assert rt.from_bits(rt.bits_of(n, 5)) == n
    with pytest.raises(ValueError):
        rt.bits_of(8, 3)
    with pytest.raises(ValueError):
        rt.from_bits([2])
