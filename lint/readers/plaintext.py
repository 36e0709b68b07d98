"""Plain text: paragraphs separated by blank lines; single line breaks stay inside a block.

A line that holds only a suppression comment (`<!-- edlint-disable RULE -->`)
is a directive, not prose: HTML comments don't show when a CMS renders the copy.

A block whose lines are tab-separated, or columns aligned with spaces (every line has
a gap of two or more spaces over one shared column, in three rows or three columns,
the gaps not all after a full stop, which is the typewriter's two spaces, and the rows
not ending as sentences do) is a table: each cell is a
`table_cell` block, as in a Markdown table, so its alignment is not "double spaces"
and its figures are not prose.
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
    else:
        for m in _PARAGRAPH.finditer(source):
            for start, end in _without(m.start(), m.end(), directive_spans, source):
                text = source[start:end]
                blocks.append(Block("paragraph", text, OffsetMap.identity(start, len(text)), start, end))
    if "  " in source or "\t" in source:
        doc.blocks = with_tables(blocks)
    return [doc]


_LINE = re.compile(r"[^\r\n]+")
_GAP = re.compile(r"(?<=\S)(?: {2,}|[ ]*\t[ \t]*)(?=\S)")
_SENTENCE_END = re.compile(r"[.!?][\"”’')]*\Z")


def with_tables(blocks: list[Block]) -> list[Block]:
    """`blocks` with each aligned table replaced by its cells."""
    out = []
    for block in blocks:
        text = block.text
        cells = _table_cells(text, block.start) if ("\n" in text or "\r" in text) and (
            "  " in text or "\t" in text) else None
        if cells:
            out.extend(cells)
        else:
            out.append(block)
    return out


def _table_cells(text: str, base: int) -> list[Block] | None:
    """The cells of `text` (a block starting at source offset `base`) if it is a table,
    else None. Tab-separated rows are a table; rows aligned with spaces are one when
    there are three rows or three columns (two rows of two could be a hard-wrapped
    sentence with two double spaces), and the rows don't end as sentences do."""
    shared: set[int] | None = None
    rows = []
    all_after_sentence_end = tabbed = True
    columns_seen = 0
    for line in _LINE.finditer(text):
        row = line.group()
        gaps = [g.span() for g in _GAP.finditer(row)]
        if not gaps:
            return None
        tabbed = tabbed and any("\t" in row[s:e] for s, e in gaps)
        columns_seen = max(columns_seen, len(gaps) + 1)
        columns = set()
        for s, e in gaps:
            all_after_sentence_end = all_after_sentence_end and _SENTENCE_END.search(row, 0, s) is not None
            columns.update(range(len(row[:s].expandtabs(8)), len(row[:e].expandtabs(8))))
        shared = columns if shared is None else shared & columns
        if not shared and not tabbed:
            return None
        rows.append((line.start(), row, gaps))
    if len(rows) < 2 or all_after_sentence_end:
        return None
    if not tabbed:
        sentence_rows = sum(1 for _, row, _ in rows if _SENTENCE_END.search(row.rstrip()))
        if (len(rows) < 3 and columns_seen < 3) or sentence_rows * 2 > len(rows):
            return None
    cells = []
    for start, row, gaps in rows:
        lead = len(row) - len(row.lstrip())
        bounds = [lead] + [x for gap in gaps for x in gap] + [len(row.rstrip())]
        for s, e in zip(bounds[::2], bounds[1::2]):
            o = base + start + s
            cells.append(Block("table_cell", row[s:e], IdentityMap(o, e - s), o, o + e - s))
    return cells


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
