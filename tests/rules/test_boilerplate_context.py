"""The line model's facts (lint/boilerplate/context.py): fast paths agree with the expressions."""
from __future__ import annotations

import re

from lint.boilerplate.context import _marks


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
