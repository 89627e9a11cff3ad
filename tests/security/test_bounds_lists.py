"""Lists, texts and loops a spec builds stay within limits.MAX_LIST and limits.MAX_STEPS."""

from bounds_attack import attack, expect_limit, spec_line, tail


def test_bounds_comprehension_of_10_to_the_12_items_fails_before_allocating(tmp_path):
    body = "param xs = [i for i in range(0, 1000000000000)]\n" + tail("xs")
    report, elapsed = attack(tmp_path, body)
    expect_limit(report, spec_line(body, "param xs"), "range() would build 1000000000000 items")
    assert elapsed < 30


def test_bounds_nested_comprehension_runs_out_of_steps(tmp_path):
    body = "param n = count([1 for i in range(0, 100000) for j in range(0, 100000)])\n" + tail("n")
    report, _ = attack(tmp_path, body)
    expect_limit(report, spec_line(body, "param n"), "exceeds the limit of 5000000 steps")


def test_bounds_list_doubling_by_concat(tmp_path):
    body = "param l0 = [1, 2, 3, 4, 5, 6, 7, 8]\n" + "".join(
        f"param l{i} = concat(l{i - 1}, l{i - 1})\n" for i in range(1, 40)
    )
    report, _ = attack(tmp_path, body + tail("l39"))
    # 8 * 2**14 = 131,072 items is the first list over 100,000.
    expect_limit(report, spec_line(body, "param l14 "), "list of 131072 items exceeds the limit")


def test_bounds_list_doubling_by_plus(tmp_path):
    body = "param l0 = [1, 2, 3, 4, 5, 6, 7, 8]\n" + "".join(
        f"param l{i} = l{i - 1} + l{i - 1}\n" for i in range(1, 40)
    )
    report, _ = attack(tmp_path, body + tail("l39"))
    expect_limit(report, spec_line(body, "param l14 "), "list of 131072 items exceeds the limit")


def test_bounds_text_doubling(tmp_path):
    # A 2-million-character text: 8 characters doubled 18 times.
    body = 'param s0 = "abcdefgh"\n' + "".join(
        f"param s{i} = s{i - 1} + s{i - 1}\n" for i in range(1, 19)
    )
    report, _ = attack(tmp_path, body + tail("s18"))
    expect_limit(report, spec_line(body, "param s14 "), "text of 131072 characters")


def test_bounds_grid_points_fails_before_allocating_10_to_the_10_points(tmp_path):
    body = "param pts = grid_points(100000, 100000, 0, 0, 512, 512)\n" + tail("pts")
    report, elapsed = attack(tmp_path, body)
    expect_limit(report, spec_line(body, "param pts"), "grid_points() would build 10000000000")
    assert elapsed < 30


def test_bounds_tally_of_ten_million(tmp_path):
    body = "draw tally(10000000, 256, 256, 70)\n" + tail()
    report, _ = attack(tmp_path, body)
    expect_limit(report, spec_line(body, "draw tally"), "tally() would build 10000000 items")


def test_bounds_long_list_in_a_question_fails_before_joining(tmp_path):
    body = """\
    param s = "abcdefghij" + "abcdefghij"
    param xs = [s for i in range(0, 90000)]
    question "Which of {xs}?"
    answer integer = 1
    """
    report, _ = attack(tmp_path, body)
    expect_limit(report, spec_line(body, "question"), "text of a list exceeds the limit")
