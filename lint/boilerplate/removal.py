"""Source edits that remove flagged lines and leave exactly the article.

Removing a line also removes one separator next to it, and which one depends on
its neighbours: in "A\\n\\nX\\nB" the "\\n" after X goes, in "A\\nX\\n\\nB" the one
before it. Lines removed one by one can't get this right when their deletions
touch (two lines each taking the same separator leave a doubled blank line), so
spans are computed per *run* of adjacent flagged lines: the run's span, then
cut at each line start into shares that tile it. `edlint fix` merges touching
deletions, so applying every share removes the run with the right separator.
"""
from __future__ import annotations

from ..finding import Fix, TextEdit
from ..document import Document
from .lines import Line


def removal_spans(lines: list[Line], flagged: set[int]) -> dict[int, tuple[int, int]]:
    """Line index -> source span to delete, for every flagged line of a plain-text document."""
    spans: dict[int, tuple[int, int]] = {}
    order = sorted(flagged)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and order[j + 1] == order[j] + 1:
            j += 1
        a, b = order[i], order[j]
        start, end = _run_span(lines, a, b)
        cuts = [start] + [lines[k].start for k in range(a + 1, b + 1)] + [end]
        for k in range(a, b + 1):
            spans[k] = (cuts[k - a], cuts[k - a + 1])
        i = j + 1
    return spans


def removal_span(lines: list[Line], i: int) -> tuple[int, int]:
    """`removal_spans(lines, {i})[i]`: the span that removes line i alone."""
    return _run_span(lines, i, i)


def _run_span(lines: list[Line], a: int, b: int) -> tuple[int, int]:
    """The source span that removes the run of lines a..b with the right separator."""
    first, last = lines[a], lines[b]
    prev_end = lines[a - 1].end if a > 0 else None
    next_start = lines[b + 1].start if b + 1 < len(lines) else None
    if next_start is None:
        # The run closes the document: take the separator before it, keep the file's final newline.
        return (prev_end if prev_end is not None else first.start), last.end
    if prev_end is None or first.first_in_block or not last.last_in_block:
        return first.start, next_start
    # Starts inside a block and ends one: keep the blank line that follows.
    return prev_end, last.end


def removal_fix(doc: Document, line: Line, span: tuple[int, int], what: str) -> Fix:
    description = f"Remove the {what}"
    if doc.format == "text":
        return Fix((TextEdit(span[0], span[1], ""),), safe=True, description=description)
    block = doc.blocks[line.block]
    if line.first_in_block and line.last_in_block and doc.format == "html":
        # The whole element goes, markup included.
        return Fix((TextEdit(block.start, block.end, ""),), safe=True, description=description)
    if line.first_in_block and line.last_in_block and doc.format == "markdown":
        # The whole block, markup included, with the blank line after it (before it, at the end).
        blocks = doc.blocks
        if line.block + 1 < len(blocks):
            start, end = block.start, blocks[line.block + 1].start
        else:
            start, end = (blocks[line.block - 1].end if line.block else block.start), block.end
        return Fix((TextEdit(start, end, ""),), safe=True, description=description)
    # Elsewhere (a line inside a block, a JSON string) only the line's own text, and only
    # when it is an unchanged run of the source.
    return Fix((TextEdit(line.start, line.end, ""),), safe=_verbatim(doc, line), description=description)


def _verbatim(doc: Document, line: Line) -> bool:
    block = doc.blocks[line.block]
    pos = block.text.find(line.text)
    return pos >= 0 and block.is_verbatim(pos, pos + len(line.text))
