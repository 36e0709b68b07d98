"""Offset helpers shared by the readers: per-character alignments and map composition.

A reader that knows, for each character of some derived string, where it sits
in the source (`positions[i]`, plus one past the end) emits runs of it into a
`TextBuilder` with `emit()`: contiguous runs stay verbatim, anything else
(an escape, an entity) becomes a replaced piece over its exact source span.

`compose()` chains two maps, for a reader run on a string that itself came
out of another format (Markdown inside a JSON string): text -> inner source
-> file.
"""
from __future__ import annotations

from ..document import OffsetMap, TextBuilder

# Stands in for inline code, autolinks and bare URLs inside a sentence: one
# character that no word pattern matches, so the sentence stays whole (no
# double space, no glued words) and a finding that covers it maps onto the
# code's whole source span.
PLACEHOLDER = "\ufffc"


def emit(builder: TextBuilder, text: str, start: int, end: int, positions: list[int]) -> None:
    """Add text[start:end] whose characters sit at positions[i] in the source.

    positions has one entry per character of `text` plus one for its end; a
    character whose source span is longer than one (an escape) is added as a
    replaced piece, runs of one-to-one characters as verbatim text.
    """
    if start >= end:
        return
    p0 = positions[start]
    if positions[start:end + 1] == list(range(p0, p0 + end - start + 1)):  # the usual case
        builder.add(text[start:end], p0)
        return
    i = start
    while i < end:
        j = i
        while j < end and positions[j + 1] == positions[j] + 1:
            j += 1
        if j > i:
            builder.add(text[i:j], positions[i])
            i = j
        else:  # one character that stands for a longer (or empty) source span
            s, e = positions[i], positions[i + 1]
            if e <= s:
                e = s + 1
            builder.add_replaced(text[i], s, e)
            i += 1


def segments(offset_map: OffsetMap):
    """(text_start, text_len, source_start, source_end, linear) of each segment."""
    return offset_map.segments()


def compose(text: str, inner: OffsetMap, outer: OffsetMap, outer_len: int,
            outer_segments: list | None = None) -> OffsetMap:
    """Map of `text` straight to the file, where `inner` maps text -> an intermediate
    string of length `outer_len` and `outer` maps that string -> the file.

    A caller composing many blocks over one `outer` (the paragraphs of one JSON string)
    passes `list(segments(outer))` once as `outer_segments`: rebuilt per block, the list
    made a long record quadratic."""
    if outer_segments is None:
        outer_segments = list(segments(outer))
    builder = TextBuilder()
    pos = 0
    for t_start, t_len, s_start, s_end, linear in segments(inner):
        if t_start > pos:  # synthetic text between segments has no source
            builder.add_synthetic(text[pos:t_start])
        piece = text[t_start:t_start + t_len]
        if linear:
            _add_linear(builder, piece, s_start, outer, outer_segments)
        else:
            builder.add_replaced(piece, outer.start(min(s_start, outer_len)),
                                 outer.end(min(s_end, outer_len)) if s_end > s_start
                                 else outer.start(min(s_start, outer_len)))
        pos = t_start + t_len
    if pos < len(text):
        builder.add_synthetic(text[pos:])
    return builder.offset_map()


def _add_linear(builder: TextBuilder, piece: str, s_start: int, outer: OffsetMap,
                outer_segments: list) -> None:
    """`piece` is verbatim at s_start in the intermediate string: split it along the
    outer map's segments (a JSON escape inside it is not verbatim in the file)."""
    i = 0
    n = len(piece)
    while i < n:
        pos = s_start + i
        seg = _segment_at(outer_segments, pos)
        if seg is None:  # a gap in the outer map: no source of its own
            builder.add_synthetic(piece[i])
            i += 1
            continue
        t0, tl, so, se, lin = seg
        take = min(n - i, t0 + tl - pos)
        if lin:
            builder.add(piece[i:i + take], so + (pos - t0))
        else:  # an escape decodes to one character (or a surrogate pair to one)
            builder.add_replaced(piece[i:i + take], so, se)
        i += take


def _segment_at(outer_segments: list, pos: int):
    lo, hi = 0, len(outer_segments)
    while lo < hi:
        mid = (lo + hi) // 2
        if outer_segments[mid][0] <= pos:
            lo = mid + 1
        else:
            hi = mid
    if lo == 0:
        return None
    seg = outer_segments[lo - 1]
    return seg if pos < seg[0] + seg[1] else None
