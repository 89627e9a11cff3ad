"""Word-search grids: words hidden along the eight directions of a letter grid.

Directions: 0 right, 1 down-right, 2 down, 3 down-left, 4 left, 5 up-left, 6 up, 7 up-right.
"""

from __future__ import annotations

import random

from tron.stdlib.component import SampleRejected
from tron.stdlib.registry import stdfn

DOMAIN = "Word-search grids"

_DIRS = ((0, 1), (1, 1), (1, 0), (1, -1), (0, -1), (-1, -1), (-1, 0), (-1, 1))
_MAX_CELLS = 225  # 15 x 15
_TRIES = 60  # placements tried per word before the draw is rejected


def _check(rows: int, cols: int, n_letters: int | None = None) -> None:
    if rows < 1 or cols < 1 or rows * cols > _MAX_CELLS:
        raise ValueError(f"word grid: 1 to {_MAX_CELLS} cells, got {rows} x {cols}")
    if n_letters is not None and n_letters != rows * cols:
        raise ValueError(f"word grid: {n_letters} letters for {rows} x {cols} cells")


def _fits(rows: int, cols: int, start: int, d: int, n: int) -> bool:
    r, c = divmod(start, cols)
    dr, dc = _DIRS[d]
    return 0 <= r + dr * (n - 1) < rows and 0 <= c + dc * (n - 1) < cols


def _cells(cols: int, start: int, d: int, n: int) -> list[int]:
    r, c = divmod(start, cols)
    dr, dc = _DIRS[d]
    return [(r + dr * i) * cols + c + dc * i for i in range(n)]


@stdfn("list[str], int, int, str -> list[list[int]]")
def word_hits(letters: list[str], rows: int, cols: int, word: str) -> list[list[int]]:
    """Every place the word reads in the grid (row-major letters): [start cell, direction] for
    each of the eight directions (0 right, then clockwise: 1 down-right ... 7 up-right)."""
    _check(rows, cols, len(letters))
    if not word:
        raise ValueError("word_hits: an empty word")
    n = len(word)
    return [
        [s, d]
        for s in range(rows * cols)
        for d in range(8)
        if _fits(rows, cols, s, d, n)
        and all(letters[i] == ch for i, ch in zip(_cells(cols, s, d, n), word, strict=True))
    ]


@stdfn("int, int, list[str], list[int], str -> list[str]", random=True)
def hide_words(
    rng: random.Random, rows: int, cols: int, words: list[str], dirs: list[int], alphabet: str
) -> list[str]:
    """A rows x cols grid (row-major letters) with each word written once along one of the
    directions in `dirs` (crossings share a letter) and the other cells filled from `alphabet`,
    so that every word reads exactly once in any of the eight directions; the draw is rejected
    when the words cannot be placed so."""
    _check(rows, cols)
    if not words or not dirs or not alphabet or any(d not in range(8) for d in dirs):
        raise ValueError("hide_words: words, directions (0..7) and an alphabet are needed")
    grid: list[str | None] = [None] * (rows * cols)
    for word in words:
        for _ in range(_TRIES):
            s, d = rng.randrange(rows * cols), rng.choice(dirs)
            if not _fits(rows, cols, s, d, len(word)):
                continue
            cells = _cells(cols, s, d, len(word))
            if all(grid[i] in (None, ch) for i, ch in zip(cells, word, strict=True)):
                for i, ch in zip(cells, word, strict=True):
                    grid[i] = ch
                break
        else:
            raise SampleRejected(f"hide_words: no room for {word!r}")
    letters = [ch if ch is not None else rng.choice(alphabet) for ch in grid]
    if any(len(word_hits(letters, rows, cols, w)) != 1 for w in words):
        raise SampleRejected("hide_words: a word reads more than once")
    return letters
