"""Plain text: paragraphs separated by blank lines; single line breaks stay inside a block.

A line that holds only a suppression comment (`<!-- edlint-disable RULE -->`)
is a directive, not prose: HTML comments don't show when a CMS renders the copy.
"""
from __future__ import annotations

import re

from ..document import Block, Document, OffsetMap
from .directives import parse_directive

# Lines end with LF, CRLF or a lone CR, as in editors (see LineIndex).
_PARAGRAPH = re.compile(r"[^\r\n]*\S[^\r\n]*(?:(?:\r\n?|\n)[^\r\n]*\S[^\r\n]*)*")
_COMMENT_LINE = re.compile(r"(?:^|(?<=\r))[ \t]*<!--([^\r\n]*?)-->[ \t]*(?=[\r\n]|\Z)", re.M)


def read(source: str, path: str, options: dict | None = None) -> list[Document]:
    doc = Document(path=path, source=source, format="text")
    directive_spans = []
    if "edlint-" in source:
        for m in _COMMENT_LINE.finditer(source):
            d = parse_directive(m.group(1), m.start(), m.end())
            if d is not None:
                doc.directives.append(d)
                directive_spans.append((m.start(), m.end()))
    blocks = doc.blocks
    if not directive_spans:
        # A paragraph match neither opens nor closes with a line end and holds a visible
        # character: without directive lines to cut around, it is a block as it stands.
        for m in _PARAGRAPH.finditer(source):
            start, end = m.span()
            blocks.append(Block("paragraph", m.group(), OffsetMap.identity(start, end - start), start, end))
        return [doc]
    for m in _PARAGRAPH.finditer(source):
        for start, end in _without(m.start(), m.end(), directive_spans, source):
            text = source[start:end]
            blocks.append(Block("paragraph", text, OffsetMap.identity(start, len(text)), start, end))
    return [doc]


def _without(start: int, end: int, spans, source: str):
    """Split [start, end) around directive lines, trimming the newlines they leave."""
    pos = start
    for s, e in spans:
        if e <= start or s >= end:
            continue
        if s > pos:
            yield from _trimmed(pos, s, source)
        pos = e
    if pos < end:
        yield from _trimmed(pos, end, source)


def _trimmed(start: int, end: int, source: str):
    while start < end and source[start] in "\r\n":
        start += 1
    while end > start and source[end - 1] in "\r\n":
        end -= 1
    if end > start and source[start:end].strip():
        yield start, end
