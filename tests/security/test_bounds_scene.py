"""Scenes stay within limits.MAX_ITEMS, MAX_TEXT and MAX_COORD, whatever the theme."""

from bounds_attack import attack, expect_limit, spec_line, tail


def test_bounds_huge_circle_in_the_sketch_theme(tmp_path):
    body = 'draw circle(256, 256, 1000000000000.0, "red")\n' + tail()
    report, elapsed = attack(tmp_path, body, theme="sketch")
    expect_limit(report, spec_line(body, "draw circle"), "Circle.r of 1e+12 exceeds the limit")
    assert elapsed < 30


def test_bounds_a_million_draw_items(tmp_path):
    body = """\
    param xs = range(0, 50000)
    draw circle(10 + i % 490, 10 + i // 100, 2, "red") for i in xs
    draw circle(10 + i % 490, 10 + i // 100, 2, "blue") for i in xs
    """
    report, _ = attack(tmp_path, body + tail())
    expect_limit(report, spec_line(body, "draw circle"), "scene of over 20000 items")


def test_bounds_long_text_item(tmp_path):
    body = """\
    param s = "abcdefghij" + "abcdefghij" + "abcdefghij" + "abcdefghij" + "abcdefghij"
    param t = concat([s for i in range(0, 1000)], [])
    draw text(join(t, ""), 256, 256)
    """
    report, _ = attack(tmp_path, body + tail())
    expect_limit(report, spec_line(body, "draw text"), "text of 50000 characters exceeds")


def test_bounds_ten_million_iso_cubes(tmp_path):
    body = "draw iso_cubes(repeat(1000000, 10), 2, 5)\n" + tail()
    report, _ = attack(tmp_path, body)
    expect_limit(report, spec_line(body, "draw iso_cubes"), "iso_cubes() would build 10000010")
