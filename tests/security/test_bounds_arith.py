"""Integers a spec computes stay within limits.MAX_INT_BITS; a huge answer is a located error."""

from bounds_attack import attack, expect_limit, spec_line, tail

# a0..a39, each the square of the previous: a39 would have about 2**39 bits.
SQUARING = "param a0 = 3\n" + "".join(f"param a{i} = a{i - 1} * a{i - 1}\n" for i in range(1, 40))
SQUARING += tail("a39")


def test_bounds_repeated_squaring_stops_at_the_first_oversized_product(tmp_path):
    report, elapsed = attack(tmp_path, SQUARING)
    # 3**(2**12) has 6,492 bits, the first over 4,096.
    expect_limit(report, spec_line(SQUARING, "param a12 "), "exceeds the limit of 4096 bits")
    assert elapsed < 30


def test_bounds_integer_answer_over_100_digits_names_the_answer_line(tmp_path):
    body = """\
    param p = 10000000000
    param q = p * p * p * p * p * p * p * p * p * p * 10
    question "How big?"
    answer integer = q
    """
    report, _ = attack(tmp_path, body)
    expect_limit(report, spec_line(body, "answer integer"), "more than 100 digits")


def test_bounds_fraction_growth_is_capped(tmp_path):
    # x -> x + 1/x doubles the size of numerator and denominator at every step.
    body = "param x0 = 3 / 7\n" + "".join(
        f"param x{i} = x{i - 1} + 1 / x{i - 1}\n" for i in range(1, 30)
    )
    body += tail("x29")
    report, _ = attack(tmp_path, body)
    assert report.startswith("ENVERROR "), report
    assert "ResourceLimit: fraction of" in report and "attack.tron:" in report, report
