"""The document model every rule sees.

A reader turns a source file into a `Document`: the decoded source text, the
prose `Block`s found in it, and the suppression directives written in it.
Each block's text is what the rules check (markup removed, entities decoded);
its `OffsetMap` carries every character back to its exact place in the source,
so positions come from the parser, never from searching the source for text.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field


@dataclass(slots=True)
class _Segment:
    text_start: int
    text_len: int
    source_start: int
    source_end: int

    @property
    def linear(self) -> bool:
        # A linear segment is copied verbatim from the source; any other segment
        # (an entity, an escape) maps as a whole onto its source span.
        return self.source_end - self.source_start == self.text_len


class OffsetMap:
    """Maps offsets in a derived text to offsets in the source text."""

    __slots__ = ("_segments", "_starts", "_text_len")

    def __init__(self, segments: list[_Segment], text_len: int):
        self._segments = segments
        self._starts = [s.text_start for s in segments]
        self._text_len = text_len

    @classmethod
    def identity(cls, source_start: int, length: int) -> "OffsetMap":
        return IdentityMap(source_start, length)

    def segments(self):
        """(text_start, text_len, source_start, source_end, linear) of each mapped piece, in order."""
        for s in self._segments:
            yield s.text_start, s.text_len, s.source_start, s.source_end, s.linear

    def _find(self, pos: int) -> _Segment | None:
        i = bisect_right(self._starts, pos) - 1
        return self._segments[i] if i >= 0 else (self._segments[0] if self._segments else None)

    def start(self, pos: int) -> int:
        """Source offset of the character at text offset `pos`."""
        seg = self._find(pos)
        if seg is None:
            return 0
        if pos >= seg.text_start + seg.text_len:  # synthetic text after the segment
            return seg.source_end
        if pos < seg.text_start:
            return seg.source_start
        if seg.linear:
            return seg.source_start + (pos - seg.text_start)
        return seg.source_start

    def end(self, pos: int) -> int:
        """Source offset just after the character at text offset `pos - 1`."""
        if pos <= 0:
            return self.start(0)
        seg = self._find(pos - 1)
        if seg is None:
            return 0
        if pos - 1 >= seg.text_start + seg.text_len or pos - 1 < seg.text_start:
            return seg.source_end if pos - 1 >= seg.text_start else seg.source_start
        if seg.linear:
            return seg.source_start + (pos - seg.text_start)
        return seg.source_end

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Source span of text[start:end]."""
        if end <= start:
            s = self.start(start)
            return s, s
        return self.start(start), self.end(end)

    def is_verbatim(self, start: int, end: int) -> bool:
        """True when text[start:end] is one unbroken, unchanged run of the source,
        so replacing that source span is a safe edit."""
        if end <= start:
            return False
        seg = self._find(start)
        return (seg is not None and seg.linear and seg.text_start <= start
                and end <= seg.text_start + seg.text_len)


class IdentityMap(OffsetMap):
    """The map of a text copied verbatim from source[base:base + length] (a plain-text
    paragraph, a JSON field): the answers of its one linear segment, by arithmetic. The
    boilerplate pass asks a block's map for the span of each of its lines."""

    __slots__ = ("base",)

    def __init__(self, base: int, length: int):
        self.base, self._text_len = base, length

    def segments(self):
        yield 0, self._text_len, self.base, self.base + self._text_len, True

    def start(self, pos: int) -> int:
        # Before the text: its first character's place; past it: just after its last.
        n = self._text_len
        return self.base + (pos if 0 <= pos <= n else (0 if pos < 0 else n))

    end = start  # the same offset: a character ends where the next one starts

    def span(self, start: int, end: int) -> tuple[int, int]:
        s = self.start(start)
        return (s, s) if end <= start else (s, self.start(end))

    def is_verbatim(self, start: int, end: int) -> bool:
        return 0 <= start < end <= self._text_len


class TextBuilder:
    """Builds a block's text piece by piece while recording where each piece came from."""

    __slots__ = ("_parts", "_segments", "_len")

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._segments: list[_Segment] = []
        self._len = 0

    def __len__(self) -> int:
        return self._len

    def add(self, text: str, source_start: int) -> None:
        """Text copied verbatim from source[source_start:source_start+len(text)]."""
        if not text:
            return
        n = len(text)
        last = self._segments[-1] if self._segments else None
        if (last is not None and last.linear and last.text_start + last.text_len == self._len
                and last.source_end == source_start):
            last.text_len += n
            last.source_end += n
        else:
            self._segments.append(_Segment(self._len, n, source_start, source_start + n))
        self._parts.append(text)
        self._len += n

    def add_replaced(self, text: str, source_start: int, source_end: int) -> None:
        """Text that stands for source[source_start:source_end] as a whole (an entity, an escape).
        It is never treated as verbatim, so fixes don't rewrite it."""
        if not text:
            return
        self._segments.append(_AtomicSegment(self._len, len(text), source_start, source_end))
        self._parts.append(text)
        self._len += len(text)

    def add_synthetic(self, text: str) -> None:
        """Text with no source of its own (a space that joins two inline runs)."""
        if not text:
            return
        self._parts.append(text)
        self._len += len(text)

    def text(self) -> str:
        return "".join(self._parts)

    def offset_map(self) -> OffsetMap:
        return OffsetMap(list(self._segments), self._len)


class _AtomicSegment(_Segment):
    __slots__ = ()

    @property
    def linear(self) -> bool:
        return False


@dataclass(slots=True)
class Block:
    kind: str
    text: str
    map: OffsetMap
    start: int  # source span of the whole block, markup included
    end: int
    level: int = 0  # heading level, list depth
    # HTML only: the element chain above the block, e.g. "body>div#main>aside.related>ul>li",
    # and how many of the block's characters sit inside links (for link density).
    context: str = ""
    link_chars: int = 0

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        return self.map.span(start, end)

    def is_verbatim(self, start: int, end: int) -> bool:
        return self.map.is_verbatim(start, end)


class LineIndex:
    """Offset -> 1-based (line, column) in characters, computed once per source.

    Lines end as editors end them: LF, CRLF, or a lone CR (old Mac files), so
    a position means the same line in every editor and report."""

    __slots__ = ("starts",)

    def __init__(self, source: str):
        starts = [0]
        if "\r" in source:
            starts += [m.end() for m in _LINE_END.finditer(source)]
        else:  # the common case, without a regex
            find = source.find
            i = find("\n")
            while i != -1:
                starts.append(i + 1)
                i = find("\n", i + 1)
        self.starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def line_start(self, line: int) -> int:
        return self.starts[line - 1]

    @property
    def line_count(self) -> int:
        return len(self.starts)


_LINE_END = re.compile(r"\r\n?|\n")


@dataclass(slots=True)
class Directive:
    """A suppression comment found by a reader: `edlint-disable`, `-enable`, `-disable-next-line`."""
    action: str  # "disable" | "enable" | "disable-next-line"
    rules: tuple[str, ...]  # empty = every rule
    start: int  # source offset of the comment
    end: int


@dataclass(slots=True)
class Document:
    path: str
    source: str
    format: str  # "text" | "markdown" | "html" | "json"
    blocks: list[Block] = field(default_factory=list)
    directives: list[Directive] = field(default_factory=list)
    # For multi-record files (JSON Lines): which record, and its source span.
    record: int | None = None
    record_span: tuple[int, int] | None = None
    title: str | None = None
    # Source spans the boilerplate rules flagged, filled in by the engine before the
    # other categories run, so that e.g. readability scores only the article's prose.
    excluded: list[tuple[int, int]] = field(default_factory=list)
    # Results shared between rules of one run over this document (sentences, metrics).
    cache: dict = field(default_factory=dict)
    _lines: LineIndex | None = None

    @property
    def lines(self) -> LineIndex:
        if self._lines is None:
            self._lines = LineIndex(self.source)
        return self._lines

    def position(self, offset: int) -> tuple[int, int]:
        return self.lines.position(offset)
