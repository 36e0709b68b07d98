"""What LanguageTool sees of a document, and the way back to source offsets.

LanguageTool gets prose only: the document's blocks joined as paragraphs. Parts
the engine excluded (boilerplate) are cut out; what the readers replaced by
their placeholder character (inline code, URLs) becomes a placeholder word, so
the sentence around it stays whole ("a Dummy0 call") and the code itself can't
be flagged (a match touching a placeholder word is dropped). Every run of
block text copied into the prose is recorded as a piece, so an offset in the
prose maps back through that block's OffsetMap to the source.
"""
from __future__ import annotations

from bisect import bisect_right
from math import inf
from dataclasses import dataclass, field

from ..document import Block, Document, OffsetMap
from ..readers.offsets import PLACEHOLDER

PARAGRAPH = "\n\n"


@dataclass
class Prose:
    """The prose of one document, picklable (collect() may run in a worker)."""
    text: str = ""
    # (prose start, length, block number in `maps`, text start in that block)
    pieces: list[tuple[int, int, int, int]] = field(default_factory=list)
    maps: list[OffsetMap] = field(default_factory=list)
    placeholders: list[tuple[int, int]] = field(default_factory=list)
    paragraphs: list[int] = field(default_factory=list)  # prose offsets where a paragraph starts

    def to_source(self, start: int, end: int) -> tuple[int, int, bool] | None:
        """Source span of prose[start:end] and whether that source is verbatim (safe to
        replace); None when the span touches a placeholder or has no text of its own."""
        for p0, p1 in self.placeholders:
            if start < p1 and p0 < end:
                return None
        first = self._piece_at(start, forward=True)
        last = self._piece_at(max(end - 1, start), forward=False)
        if first is None or last is None or first > last:
            return None
        ps, n, b, ts = self.pieces[first]
        i = ts + max(start - ps, 0)
        qs, m, c, us = self.pieces[last]
        j = us + min(max(end, start) - qs, m)
        src_start = self.maps[b].start(i)
        src_end = self.maps[c].end(j) if end > start else src_start
        verbatim = first == last and self.maps[b].is_verbatim(i, j)
        return src_start, max(src_end, src_start), verbatim

    def _piece_at(self, pos: int, forward: bool) -> int | None:
        i = bisect_right(self.pieces, (pos, inf)) - 1
        if i >= 0 and pos < self.pieces[i][0] + self.pieces[i][1]:
            return i
        # pos falls in a separator: take the nearest piece in the asked direction
        i = i + 1 if forward else i
        return i if 0 <= i < len(self.pieces) else None


def build_prose(doc: Document) -> Prose:
    prose = Prose()
    parts: list[str] = []
    length = 0
    excluded = sorted(doc.excluded)

    def paragraph_break():
        nonlocal length
        if parts and not parts[-1].endswith(PARAGRAPH):
            parts.append(PARAGRAPH)
            length += len(PARAGRAPH)

    for block in doc.blocks:
        if not block.text.strip(" \n" + PLACEHOLDER) or _covered(block.start, block.end, excluded):
            continue
        paragraph_break()
        prose.paragraphs.append(length)
        b = len(prose.maps)
        prose.maps.append(block.map)
        for kind, i, j in _runs(block, excluded):
            if kind == "cut":
                paragraph_break()
                if prose.paragraphs[-1] != length:
                    prose.paragraphs.append(length)
            elif kind == "code":
                for _ in range(i, j):
                    word = f"Dummy{len(prose.placeholders)}"
                    prose.placeholders.append((length, length + len(word)))
                    parts.append(word)
                    length += len(word)
            else:
                prose.pieces.append((length, j - i, b, i))
                parts.append(block.text[i:j])
                length += j - i
    if parts and parts[-1] == PARAGRAPH:
        parts.pop()
    prose.text = "".join(parts)
    return prose


def _covered(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _runs(block: Block, excluded: list[tuple[int, int]]):
    """Split block text into ("text" | "cut" | "code", i, j) runs: "cut" where the source
    is excluded, "code" for the readers' placeholders (inline code, URLs)."""
    n = len(block.text)
    cuts = [(s, e) for s, e in excluded if s < block.end and block.start < e]
    if not cuts and PLACEHOLDER not in block.text:
        yield "text", 0, n
        return

    def kind_of(pos: int) -> str:
        if block.text[pos] == PLACEHOLDER:
            return "code"
        if cuts:
            src = block.map.start(pos)
            if any(s <= src < e for s, e in cuts):
                return "cut"
        return "text"

    run_kind, run_start = kind_of(0), 0
    for pos in range(1, n):
        k = kind_of(pos)
        if k != run_kind:
            yield run_kind, run_start, pos
            run_kind, run_start = k, pos
    yield run_kind, run_start, n
