"""Plain text: paragraphs separated by blank lines; single line breaks stay inside a block.

A line that holds only a suppression comment (`<!-- edlint-disable RULE -->`)
is a directive, not prose: HTML comments don't show when a CMS renders the copy.
"""
from __future__ import annotations

import re

from ..document import Block, Document, IdentityMap, OffsetMap
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
        _paragraphs(source, blocks)
        return [doc]
    for m in _PARAGRAPH.finditer(source):
        for start, end in _without(m.start(), m.end(), directive_spans, source):
            text = source[start:end]
            blocks.append(Block("paragraph", text, OffsetMap.identity(start, len(text)), start, end))
    return [doc]


def _paragraphs(source: str, blocks: list) -> None:
    """Every `_PARAGRAPH` match of `source` as a block: a match neither opens nor closes
    with a line end and holds a visible character, so without directive lines to cut
    around it is a block as it stands. Most paragraphs are one line between blank lines
    written "\n\n": a piece between two of those that holds no line break is a paragraph
    as it stands unless it is blank, and only the other pieces (a paragraph of several
    lines, a blank line holding spaces, a run of three line ends) are searched; a CR
    anywhere and the whole text is searched, as it was (two pieces of CRLF text are split
    by "\r\n\r\n", and a lone CR ends a line too)."""
    append = blocks.append
    if "\r" in source:
        pieces = [source]
    else:
        pieces = source.split("\n\n")
    pos = 0
    for piece in pieces:
        n = len(piece)
        if "\n" not in piece and "\r" not in piece:
            if n and not piece.isspace():
                append(Block("paragraph", piece, IdentityMap(pos, n), pos, pos + n))
        else:
            for m in _PARAGRAPH.finditer(source, pos, pos + n):
                start, end = m.span()
                append(Block("paragraph", m.group(), IdentityMap(start, end - start), start, end))
        pos += n + 2


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
