"""Where the quotation marks of a paragraph open and close, and so where its
direct quotations are. Shared by the quotes rule type (which reports marks left
unpaired) and the rule types that leave a speaker's words alone (style rules
with `skip_quotations`).

Double quotes (" “ ” „, and ’’ ‘‘ '' `` typed for them) are read by position,
not only by glyph: a mark after a space and before a word opens, a mark after a
word and before a space or punctuation closes, and only where the position says
nothing does the glyph decide (a straight " then closes an open quote or opens
a new one). Double quotes may nest. A straight " right after a digit with no
quote open is an inch mark (a 12" pizza, a 70"+ TV), not a quote.

A quotation that runs over several paragraphs opens each paragraph with a mark
and closes only the last. Many exports put those paragraphs on one line each
with no blank line between, or join them into one line, so a mark that opens
a new sentence while a quote of its kind is still open ('... he said. "It was
late. "Then we won."') starts the next paragraph of the same quotation: the
quote left open before it is continued, not unclosed.
"""
from __future__ import annotations

import re

DOUBLE = re.compile("’’|‘‘|''|``|[\"“”„]")
SINGLE = re.compile("[‘’']")
_OPENS_BEFORE = "([{—–-/‘“„'\""  # a quote after these (or a space) opens
_CLOSES_AFTER = ".,;:!?)]}—–-…’”'\""  # a quote before these (or a space) closes
_PUNCTUATION_AFTER = ".,;:!?)]}…"  # a mark before these never opens, even after a space
# A sentence's end (a quoted thought's closing single mark may follow it), then the
# space before the next sentence; or a line break.
_SENTENCE_END = re.compile(r"[.!?…]['’]?[)\]]?[ \t]*\n?[ \t]*$|\n[ \t]*$")


def role(text: str, start: int, end: int) -> str:
    """'open', 'close' or 'either' for the quotation mark at text[start:end]."""
    prev = text[start - 1] if start > 0 else " "
    nxt = text[end] if end < len(text) else " "
    opens = ((prev.isspace() or prev in _OPENS_BEFORE)
             and not nxt.isspace() and nxt not in _PUNCTUATION_AFTER)
    closes = not prev.isspace() and (nxt.isspace() or nxt in _CLOSES_AFTER)
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    glyph = text[start:end]
    return "open" if glyph in ("“", "„", "‘‘", "``") else "close" if glyph in ("”", "’’") else "either"


def starts_sentence(text: str, start: int) -> bool:
    """True when the mark at `start` follows the end of a sentence (or a line break)."""
    if start == 0:
        return False
    return _SENTENCE_END.search(text, max(0, start - 8), start) is not None


class Pairing:
    """The double quotation marks of one paragraph, paired.

    pairs      (open start, open end, close start, close end) of each closed quotation
    continued  (open start, open end, next start) of openings whose quotation ran on
               into a later paragraph of the same line ('. "' while a quote was open),
               with the start of the mark that opens that paragraph
    unclosed   (start, end) of marks still open at the paragraph's end
    unopened   (start, end) of closing marks with nothing open
    """

    __slots__ = ("pairs", "continued", "unclosed", "unopened")

    def __init__(self, text: str, joined_paragraphs: bool = True):
        self.pairs: list[tuple[int, int, int, int]] = []
        self.continued: list[tuple[int, int, int]] = []
        self.unopened: list[tuple[int, int]] = []
        stack: list[tuple[int, int]] = []
        for m in DOUBLE.finditer(text):
            i, j = m.span()
            if m.group() == '"' and i > 0 and text[i - 1].isdigit() and not stack:
                continue  # an inch mark: a 12" pizza, 70"+ sets
            r = role(text, i, j)
            if r == "either":
                r = "close" if stack else "open"
            if r == "open":
                if stack and joined_paragraphs and starts_sentence(text, i):
                    self.continued.append((*stack.pop(), i))
                stack.append((i, j))
            elif stack:
                oi, oj = stack.pop()
                self.pairs.append((oi, oj, i, j))
            else:
                self.unopened.append((i, j))
        self.unclosed = stack


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the text inside direct quotations, marks included, merged.
    A quotation left open runs to the paragraph's end (it continues in the next
    paragraph, or its closing mark is missing: the words are still the speaker's);
    a quotation continued into a joined paragraph runs to where that one opens."""
    if not DOUBLE.search(text) and "‘" not in text:
        return []
    p = Pairing(text)
    spans = [(a, d) for a, _, _, d in p.pairs]
    spans += [(a, len(text)) for a, _ in p.unclosed]
    spans += [(a, nxt) for a, _, nxt in p.continued]
    spans += _single_spans(text)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def _single_spans(text: str) -> list[tuple[int, int]]:
    """‘…’ quotations: an opening ‘ up to the next ’ in a closing position (one
    before a space or punctuation, so the apostrophes of O’Brien and ’90s don't
    end it; the students’ union may, which only makes the span shorter)."""
    spans = []
    pos = 0
    while True:
        i = text.find("‘", pos)
        if i < 0:
            return spans
        pos = i + 1
        if role(text, i, i + 1) != "open":
            continue
        k = i + 1
        while True:
            k = text.find("’", k)
            if k < 0 or role(text, k, k + 1) == "close":
                break
            k += 1
        end = len(text) if k < 0 else k + 1
        spans.append((i, end))
        pos = end


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """True when text[start:end] overlaps one of `spans`."""
    return any(s < end and start < e for s, e in spans)


def skips_quotations(rule) -> bool:
    """The `skip_quotations` parameter of a rule; unset, true for style rules: a
    speaker's words are not the writer's to restyle."""
    value = rule.params.get("skip_quotations")
    return rule.spec.category == "style" if value is None else bool(value)


def unquoted(rule, text: str, found, span=lambda m: (m.start(), m.end())):
    """The items of `found` (matches in `text`) that lie outside direct quotations,
    when `rule` skips quotations; all of them otherwise. The quotations are found
    only once there is a match to test."""
    if not skips_quotations(rule):
        yield from found
        return
    spans = None
    for f in found:
        if spans is None:
            spans = quotation_spans(text)
        if not inside(spans, *span(f)):
            yield f
