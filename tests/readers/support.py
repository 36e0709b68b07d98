"""Helpers for the reader tests: where a word of the extracted prose lands in the source."""
from __future__ import annotations

import re


def find(doc, word: str, nth: int = 0):
    """(block, text start, text end) of the nth whole-word occurrence of `word` across
    the document's blocks, in block order."""
    pattern = re.compile(r"(?<!\w)" + re.escape(word) + r"(?!\w)")
    seen = 0
    for block in doc.blocks:
        for m in pattern.finditer(block.text):
            if seen == nth:
                return block, m.start(), m.end()
            seen += 1
    raise AssertionError(f"{word!r} (occurrence {nth}) not in the prose: "
                         f"{[b.text for b in doc.blocks]}")


def where(doc, word: str, nth: int = 0):
    """(line, column, end_line, end_column, source slice) of a word of the prose,
    1-based, end column exclusive, as the reports print them."""
    block, start, end = find(doc, word, nth)
    s, e = block.source_span(start, end)
    line, col = doc.position(s)
    end_line, end_col = doc.position(e)
    return line, col, end_line, end_col, doc.source[s:e]


def texts(doc, kind: str | None = None) -> list[str]:
    return [b.text for b in doc.blocks if kind is None or b.kind == kind]
