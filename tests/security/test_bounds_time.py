"""Sampling time is bounded: crowded placements fail fast, slow specs meet the clock."""

from bounds_attack import attack, expect_limit, spec_line, tail


def test_bounds_crowded_scatter_fails_fast(tmp_path):
    # 800 discs of radius 3 (+ margin 8) need 0.485 of the canvas: it took ~6 minutes to fail.
    body = "param pts = scatter(800, 3)\n" + tail("pts")
    report, elapsed = attack(tmp_path, body)
    expect_limit(report, spec_line(body, "param pts"), "cannot fit", kind="SamplingError")
    assert elapsed < 10  # child start-up and compiling included; scatter itself is instant


def test_bounds_slow_sample_meets_the_clock(tmp_path):
    # 100,000 membership tests in a 100,000-item list: hours of work within the step budget.
    body = """\
    param xs = range(0, 100000)
    param ys = [x for x in xs if x + 1 in xs]
    """
    report, elapsed = attack(tmp_path, body + tail("ys"), seconds=1.0)
    expect_limit(report, spec_line(body, "param ys"), "exceeds the time limit of 1 s")
    assert elapsed < 30
