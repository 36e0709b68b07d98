"""The plain-text reader's paragraphs: each a run of lines holding a visible character,
from its first line's start to its last line's end, whatever the line ends (LF, CRLF, a
lone CR) and however the blank lines between are written."""
from __future__ import annotations

import random

import pytest

from lint.readers.plaintext import _PARAGRAPH, read


def _expected(source: str) -> list[tuple[str, int, int]]:
    # The paragraphs as the reader's expression finds them over the whole text.
    return [(m.group(), m.start(), m.end()) for m in _PARAGRAPH.finditer(source)]


def _blocks(source: str) -> list[tuple[str, int, int]]:
    doc = read(source, "t.txt")[0]
    for b in doc.blocks:
        assert b.kind == "paragraph" and source[b.start:b.end] == b.text
        assert list(b.map.segments()) == [(0, len(b.text), b.start, b.end, True)]
    return [(b.text, b.start, b.end) for b in doc.blocks]


@pytest.mark.parametrize("source", [
    "", "\n", "\n\n", "\n\n\n", "one", "  one  ", "one\n\ntwo", "one\n\n\ntwo", "one\n\n\n\n\ntwo\n",
    "one\n \ntwo", "one\n\n \n\ntwo", "\n\none\n\n", "one\ntwo\n\nthree\n four\n", "  \n  x  \n\n\t\n",
    "line\u2028break\n\nform\x0bfeed", "\xa0\n\nb", "\u3000\n\n\u2003x", "one\r\n\r\ntwo", "one\rtwo\n\nthree",
    "one\r\n\r\n  \r\ntwo\r\n", "one\n\r\ntwo", "x\n\n\n", "\n\n\n\nx\n\n\n\n",
])
def test_paragraphs_are_the_expressions_matches(source):
    assert _blocks(source) == _expected(source)


def test_random_texts_read_as_the_expression_finds_them():
    rng = random.Random(12)
    pieces = ["word", "Two words.", " ", "  ", "\t", "\n", "\n", "\n\n", "\n\n\n", "\n \n", "\r\n", "\r",
              "\xa0", "\u2028", "\x0c", "’", "é"]
    for _ in range(3000):
        source = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        assert _blocks(source) == _expected(source), repr(source)


def test_a_directive_line_is_cut_out_of_its_paragraph():
    source = "First line.\n<!-- edlint-disable spelling -->\nSecond line.\n\nThird."
    doc = read(source, "t.txt")[0]
    assert [b.text for b in doc.blocks] == ["First line.", "Second line.", "Third."]
    assert [d.rules for d in doc.directives] == [("spelling",)]
