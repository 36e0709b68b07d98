"""Documents packed into LanguageTool requests within the server's size limit.

A document's prose is cut at paragraph starts into parts no longer than the
limit (an overlong paragraph at its last sentence end before the limit); parts
of many documents then share a request, joined by a paragraph break, so 1,000
short articles need a few dozen requests, not 1,000. Limits count UTF-16 code
units, as LanguageTool (Java) does.

LanguageTool's offsets are UTF-16 code units too: `Utf16Index` turns them back
into Python string indices, also when a non-BMP character (an emoji) lies
inside the flagged span.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from .prose import PARAGRAPH, Prose

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+|\n")


def utf16_len(text: str) -> int:
    return len(text) if text.isascii() else len(text) + sum(1 for _ in _ASTRAL.finditer(text))


class Utf16Index:
    """Converts UTF-16 offsets into a string into Python (code point) offsets."""

    __slots__ = ("_astral",)

    def __init__(self, text: str):
        # UTF-16 offset of each non-BMP character (it takes two code units there)
        self._astral = [] if text.isascii() else [
            m.start() + i for i, m in enumerate(_ASTRAL.finditer(text))]

    def to_index(self, utf16_offset: int) -> int:
        return utf16_offset - bisect_left(self._astral, utf16_offset)


@dataclass(frozen=True)
class Part:
    doc: int  # document number in the run
    offset: int  # where `text` starts in that document's prose
    text: str


@dataclass
class Request:
    parts: list[Part] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)  # where each part starts in `text`
    size: int = 0  # UTF-16 units
    chars: int = 0  # code points
    alone: bool = False  # a document checked again on its own (service._recheck_alone)

    @property
    def text(self) -> str:
        return PARAGRAPH.join(p.text for p in self.parts)

    def locate(self, start: int, end: int) -> tuple[Part, int, int] | None:
        """The part holding text[start:end] and the span in its document's prose;
        None for a span that crosses from one part into another."""
        i = bisect_right(self.starts, start) - 1
        if i < 0:
            return None
        part, base = self.parts[i], self.starts[i]
        if end > base + len(part.text):
            return None
        return part, part.offset + start - base, part.offset + end - base


def split_prose(doc: int, prose: Prose, limit: int) -> list[Part]:
    """Cut one document's prose into parts of at most `limit` UTF-16 units."""
    text = prose.text
    bounds = [*prose.paragraphs, len(text) + len(PARAGRAPH)]
    paragraphs = []
    for a, b in zip(bounds, bounds[1:]):
        para = text[a:b - len(PARAGRAPH)] if b <= len(text) else text[a:]
        if para.strip():
            paragraphs.extend(_cut_long(a, para, limit))
    parts: list[Part] = []
    cur_start, cur_end, cur_size = None, 0, 0
    sep = len(PARAGRAPH)
    for a, para in paragraphs:
        size = utf16_len(para)
        if cur_start is not None and cur_size + sep + size <= limit:
            cur_end, cur_size = a + len(para), cur_size + sep + size
            continue
        if cur_start is not None:
            parts.append(Part(doc, cur_start, text[cur_start:cur_end]))
        cur_start, cur_end, cur_size = a, a + len(para), size
    if cur_start is not None:
        parts.append(Part(doc, cur_start, text[cur_start:cur_end]))
    return parts


def _cut_long(offset: int, para: str, limit: int) -> list[tuple[int, str]]:
    out = []
    while utf16_len(para) > limit:
        # A code point budget that is safe even if every character needs two units.
        budget = limit if para.isascii() else limit // 2
        cut = 0
        for m in _SENTENCE_END.finditer(para, 0, budget):
            cut = m.end()
        if cut == 0:
            cut = para.rfind(" ", 0, budget) + 1 or budget
        out.append((offset, para[:cut]))
        offset, para = offset + cut, para[cut:]
    if para:
        out.append((offset, para))
    return out


def pack(parts: list[Part], limit: int) -> list[Request]:
    """Fill requests in order, each at most `limit` UTF-16 units."""
    requests: list[Request] = []
    cur = Request()
    sep = len(PARAGRAPH)
    for part in parts:
        size = utf16_len(part.text)
        extra = size + (sep if cur.parts else 0)
        if cur.parts and cur.size + extra > limit:
            requests.append(cur)
            cur, extra = Request(), size
        if cur.parts:
            cur.chars += sep
        cur.starts.append(cur.chars)
        cur.parts.append(part)
        cur.chars += len(part.text)
        cur.size += extra
    if cur.parts:
        requests.append(cur)
    return requests


@dataclass
class _Slice:
    """A part's text seen as prose of its own, for split_prose."""
    text: str
    paragraphs: list[int]


def repack(request: Request, limit: int) -> list[Request]:
    """The parts of `request` cut and packed again into requests of at most `limit` units:
    for a server whose maxTextLength turned out smaller than the configured size."""
    parts = []
    for part in request.parts:
        if utf16_len(part.text) <= limit:
            parts.append(part)
            continue
        starts = [0] + [m.end() for m in re.finditer(PARAGRAPH, part.text)]
        for p in split_prose(part.doc, _Slice(part.text, starts), limit):
            parts.append(Part(p.doc, part.offset + p.offset, p.text))
    return pack(parts, limit)
