"""Evidence from neighbours: what a known line says about the lines next to it.

"Previous Article" is followed by another story's headline; a "Related stories"
header by a list of them; a photo credit sits right under its caption. And a
byline or date belongs at the top or bottom of a story: in the middle, or in a
series down the page ("Date: ..." in a list of events), it is content.
"""
from __future__ import annotations

import re
from collections import Counter

from .features import Shape, headline_like
from .lexicon import normalize

_PREV_NEXT = re.compile(r"(previous|prev|next|older|newer)( (article|post|story|entry|item|page))?", re.I)
# Buttons that link to one page ("Read more", "Read the full review"), not headers of a list.
_LINK_BUTTON = re.compile(r"(read|see|view|show) (more|all)|(continue|keep) reading|"
                          r"(read|see|view|watch|listen to) (the )?(full|whole|original|complete) \w+( \w+)?", re.I)
_LABELLED = re.compile(r"[:|]")
_LIST_MAX_ITEMS = 12
_CAPTION_MAX_WORDS = 20
_BYLINE_EDGE = 3  # lines from either end of the story where bylines and dates belong


def drop_misplaced_bylines(lines, kinds, span) -> None:
    if "byline" not in kinds:  # most pages: no line is looked at
        return
    starts = Counter(_label(ln.text) for ln, k in zip(lines, kinds) if k == "byline")
    first, last = span if span else (0, len(lines) - 1)
    for i, kind in enumerate(kinds):
        if kind == "byline" and (first + _BYLINE_EDGE <= i <= last - _BYLINE_EDGE
                                 or starts[_label(lines[i].text)] >= 3):
            kinds[i] = None


def _label(text: str) -> str:
    """What the lines of a series share: the label before a colon ("Date: ..."), or, for
    a line without one, its shape with figures, month and weekday names folded
    ("Tuesday, January 15, 2008" and "Monday, March 3, 2008" are one shape)."""
    if ":" in text:
        return text.split(":", 1)[0].lower()
    return _CALENDAR.sub("m", _FIGURES.sub("0", text.lower()))


_FIGURES = re.compile(r"\d+")
_CALENDAR = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|tues|wed|thu|thurs|"
                       r"fri|sat|sun)[a-z]*\b\.?")


_NEIGHBOUR_KINDS = frozenset({"navigation", "related-headline", "credit"})  # the kinds from_neighbours follows


def from_neighbours(lines, shapes, kinds) -> dict[int, tuple[str, str]]:
    """Line index -> (kind, why) for lines known by a neighbour with a phrase kind."""
    found: dict[int, tuple[str, str]] = {}
    if _NEIGHBOUR_KINDS.isdisjoint(kinds):  # no line to look beside
        return found
    n = len(lines)
    for i, kind in enumerate(kinds):
        if kind == "navigation" and _PREV_NEXT.fullmatch(normalize(lines[i].text)):
            j = i + 1
            if j < n and kinds[j] is None and headline_like(shapes[j]):
                found.setdefault(j, ("related-headline", "after a previous/next link"))
        elif kind == "related-headline" and _is_header(lines[i].text, shapes[i]):
            for j in _listed_under(i, shapes, kinds):
                found.setdefault(j, ("related-headline", "listed under a related-stories header"))
        elif kind == "credit" and _caption_above(i, lines, shapes, kinds):
            found.setdefault(i - 1, ("caption", "above a photo credit"))
    return found


# A star, a bar, a bullet: one or two marks alone on a line. A rule line ("___", "* * *",
# "-----") may be the article's own section break, so it is never one of them.
_GLYPHS_MAX = 2


def glyph_lines(lines, norms, kinds: dict[int, str]) -> dict[int, str]:
    """Line index -> kind for lines of a mark or two alone ("*", "|", "»") in a run of such
    lines that touches known residue (`kinds`, by line): the icons and separators of that
    widget (a font-size control's stars, a tool bar's bars). Their words-free text gives
    no phrase a hold, and the line model should not have to guess them."""
    if "" not in norms:  # a glyph's line has no words: its normalised text is empty
        return {}
    n = len(lines)
    glyph = [not norms[i] and 0 < len("".join(lines[i].text.split())) <= _GLYPHS_MAX for i in range(n)]
    out: dict[int, str] = {}
    for i in range(n):
        if not glyph[i] or i in kinds:
            continue
        up = i - 1
        while up >= 0 and glyph[up] and up not in kinds:
            up -= 1
        down = i + 1
        while down < n and glyph[down] and down not in kinds:
            down += 1
        kind = kinds.get(up) if up >= 0 else None
        if kind is None and down < n:
            kind = kinds.get(down)
        if kind is not None:
            out[i] = kind
    return out


def _caption_above(i, lines, shapes, kinds) -> bool:
    """Whether the line above the credit at `i` is its picture's caption."""
    if i == 0 or shapes[i].words > 8 or not _story_goes_on(i, shapes):
        return False
    if i + 1 < len(kinds) and kinds[i + 1] == "caption":
        # The credit's picture has its caption below it ("Image copyright Example Agency" /
        # "Image caption Crowds on the quay"): the line above is the story's paragraph.
        return False
    j = i - 1
    return (kinds[j] is None and _caption_like(shapes[j]) and not _LABELLED.search(lines[j].text)
            and not _list_item_above(j, shapes, kinds))


def _list_item_above(j, shapes, kinds) -> bool:
    """Whether the line at `j`, without a closing stop, follows another short line that is
    not prose: the last item of a list (a checklist's "Order the cake"), which a picture
    with only a credit follows, not a caption."""
    return j > 0 and not shapes[j].sentence and kinds[j - 1] is None and not shapes[j - 1].prose


def _story_goes_on(i, shapes) -> bool:
    # A credit in the page's tail (after the last paragraph of prose) follows the story's
    # closing paragraph, not a caption: a caption sits beside its picture inside the story.
    return any(s.prose for s in shapes[i + 1:])


def _listed_under(i, shapes, kinds):
    j, taken = i + 1, 0
    while j < len(shapes) and taken < _LIST_MAX_ITEMS:
        s = shapes[j]
        if kinds[j] is None:
            if s.prose or s.words == 0 or s.words > 22 or s.label:
                return
            yield j
            taken += 1
        j += 1  # a date or a credit inside the list: step over it


def _is_header(text: str, s: Shape) -> bool:
    # "Read more" under a teaser is a link, not the header of a list.
    return ":" not in text.rstrip(":") and s.words <= 8 and not _LINK_BUTTON.fullmatch(normalize(text))


def _caption_like(s: Shape) -> bool:
    # Captions describe a picture in a sentence or two; a longer sentence is the paragraph
    # before a picture that has no caption. A title-case line is a heading, a line with a
    # colon or bars is a label or a spec sheet.
    return 3 <= s.words <= _CAPTION_MAX_WORDS and not s.label and not s.title_case
