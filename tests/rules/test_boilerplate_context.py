"""The line model's facts (lint/boilerplate/context.py): fast paths agree with the expressions."""
from __future__ import annotations

import re

from lint.boilerplate.context import _LIST_MARKER, _list_marker, _marks


def _reference_marks(text: str) -> tuple[bool, bool, bool]:
    """(digit, code or figures, separator) as the three facts were first written."""
    code = (re.search(r"[{}();=<>\[\]]", text) is not None or re.match(r"\s*(//|#|\$ )", text) is not None
            or re.fullmatch(r"[\d\s.,%$€£+-]+", text) is not None)
    return re.search(r"\d", text) is not None, code, re.search(r"[|•·»›«‹/]", text) is not None


def test_the_marks_of_a_line_agree_with_the_expressions():
    # ASCII lines take one byte translation; others the expressions: the same answers on
    # each mark alone, every ASCII character, figures, prompts and comments, other scripts'
    # digits and separators, and lines that mix them.
    lines = ["", " ", "Share", "a = 1", "f(x)", "<b>", "[1]", "{", "}", ";", "x > y", "Home | News", "News / Sport",
             "// note", "  # heading", "#tag", "$ ls -l", "$5 off", "12.5%", "1,234 + 5", "€12", "£3.50 – £4",
             "Top 10", "٣ تعليقات", "Home • News", "A · B", "Next »", "‹ Back", "२०२४", "x²", "Page ۱",
             "".join(map(chr, range(32, 127))), "The council met on Tuesday.", "\t//x", "$ ", "$x"]
    lines += [chr(c) for c in range(32, 127)] + [chr(c) + " word" for c in range(32, 127)]
    for text in lines:
        assert _marks(text) == _reference_marks(text), text


def test_the_list_marker_test_agrees_with_its_expression():
    # Only lines that open with a digit or a bullet reach the expression: the same answers on
    # items, figures, other scripts' digits, every ASCII character alone and before a space.
    lines = ["", "1. First", "12) Twelfth", "123. No", "1.First", "- item", "* item", "• item", "▪ item", "-item",
             "٣. بند", "२) x", "². x", "Item 1. First", " 1. indented", "1.\tTab", "•\u00a0item"]
    lines += [chr(c) for c in range(32, 127)] + [chr(c) + " x" for c in range(32, 127)] + [chr(c) + ". x" for c in range(32, 127)]
    for text in lines:
        assert _list_marker(text) == (_LIST_MARKER.match(text) is not None), text
