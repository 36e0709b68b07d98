"""The unit of boilerplate detection: one visible line of a block.

Residue is line-shaped: a share bar, "Previous Article", a headline of another
story. A plain-text block may hold several such lines joined by single line
breaks, so every block is cut at "\\n" and each line keeps its source span
(through the block's offset map) and the HTML facts of its block. A data table's
cells (a Markdown table, an HTML table the reader did not take for layout) are not
lines: they are the story's figures, names and marks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import Document, IdentityMap

_LINE = re.compile(r"[^\r\n]+")  # lines end at LF, CRLF or a lone CR, as in editors


@dataclass(slots=True)
class Line:
    index: int  # position among the document's non-blank lines
    text: str  # stripped
    start: int  # source span of the stripped text
    end: int
    block: int  # index of the block in doc.blocks
    first_in_block: bool
    last_in_block: bool
    kind: str = "paragraph"  # the block's kind (title, heading, list_item...)
    level: int = 0  # the block's heading level
    context: str = ""  # HTML element chain of the block ("" for plain text)
    link_ratio: float = 0.0  # share of the block's characters inside links (HTML only)


def _pieces(text: str) -> list[tuple[str, int, int]]:
    """(stripped line, start, end in the block's text) of each non-blank line of a block
    that holds a line break."""
    pieces = []
    for m in _LINE.finditer(text):
        raw, pos = m.group(), m.start()
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            pieces.append((stripped, pos + lead, pos + lead + len(stripped)))
    return pieces


def split_lines(doc: Document) -> list[Line]:
    lines: list[Line] = []
    append = lines.append
    for b, block in enumerate(doc.blocks):
        if block.kind == "table_cell":
            continue  # a data table's cells are the story's figures and marks ("x" is no share button)
        text = block.text
        link_ratio = block.link_chars / len(text) if text and block.link_chars else 0.0
        if "\n" not in text and "\r" not in text:  # most blocks are one line: no search
            stripped = text.strip()
            if stripped:
                lead = 0 if stripped is text else len(text) - len(text.lstrip())
                if type(block.map) is IdentityMap:  # a verbatim copy: its span by arithmetic
                    start = block.map.base + lead
                    end = start + len(stripped)
                else:
                    start, end = block.map.span(lead, lead + len(stripped))
                append(Line(len(lines), stripped, start, end, b, True, True,
                            block.kind, block.level, block.context, link_ratio))
            continue
        span = block.map.span
        pieces = _pieces(text)
        last = len(pieces) - 1
        for i, (stripped, ts, te) in enumerate(pieces):
            start, end = span(ts, te)
            append(Line(len(lines), stripped, start, end, b, i == 0, i == last,
                        block.kind, block.level, block.context, link_ratio))
    return lines
