"""Character offsets <-> LSP positions.

LSP lines end at LF, CRLF or a lone CR (and nothing else: not U+2028, not a form feed, which
`str.splitlines` would count); a column counts code units of the encoding negotiated at
initialize: UTF-16 (the default), UTF-8 or UTF-32.
"""
from __future__ import annotations

import re
from bisect import bisect_right

_LINE_END = re.compile(r"\r\n|\r|\n")

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"


def units(text: str, encoding: str) -> int:
    """Code units of `text` in `encoding`."""
    if encoding == UTF32:
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)


def chars_for_units(line: str, count: int, encoding: str) -> int:
    """How many characters of `line` make up `count` code units (clamped to the line)."""
    if encoding == UTF32:
        return min(count, len(line))
    used = 0
    for i, c in enumerate(line):
        if used >= count:
            return i
        o = ord(c)
        if encoding == UTF8:
            used += 1 if o < 0x80 else 2 if o < 0x800 else 3 if o < 0x10000 else 4
        else:
            used += 2 if o > 0xFFFF else 1
    return len(line)


class PositionIndex:
    """Line starts of one text, computed once; converts both ways."""

    __slots__ = ("text", "starts", "encoding")

    def __init__(self, text: str, encoding: str = UTF16):
        self.text = text
        self.encoding = encoding
        self.starts = [0] + [m.end() for m in _LINE_END.finditer(text)]

    def _line_text(self, line: int) -> str:
        start = self.starts[line]
        end = self.starts[line + 1] if line + 1 < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    def position(self, offset: int) -> tuple[int, int]:
        """0-based (line, character in code units) of a character offset."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self.starts, offset) - 1
        return line, units(self.text[self.starts[line]:offset], self.encoding)

    def offset(self, line: int, character: int) -> int:
        """The character offset of an LSP position (clamped to the text, as the spec asks)."""
        if line >= len(self.starts):
            return len(self.text)
        if line < 0:
            return 0
        return self.starts[line] + chars_for_units(self._line_text(line), max(0, character), self.encoding)
