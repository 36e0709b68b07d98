"""Deciding, line by line, what is residue and of which kind.

Three kinds of evidence, strongest first:
1. phrases (data in rules/boilerplate/phrases): the whole line is a known button,
   label or notice ("Share this", "Advertisement", "© 2024 ...");
2. neighbours: a headline right after "Previous Article"/"Next Article" or under
   a "Related stories" header belongs to another story; the line beside a photo
   credit is its caption;
3. position and shape: short, non-sentence lines outside the stretch of prose
   that holds the story (menus, footers, sidebars of a whole scraped page).
The first line of a document that looks like a headline is its title, and
kept: an editor wants the headline.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..document import Document
from .features import Shape, headline_like, shape
from .lexicon import Lexicon, load_lexicon, normalize
from .lines import Line, split_lines
from .region import main_region

_PREV_NEXT = re.compile(r"(previous|prev|next|older|newer)( (article|post|story|entry|item|page))?", re.I)
_LIST_HEADER_MAX_ITEMS = 12
_LINK_BUTTON = re.compile(r"(read|see|view|show) (more|all)|(continue|keep) reading", re.I)
_BYLINE_EDGE = 3  # lines from either end of the story where bylines and dates belong
_STRETCH_MIN_DENSITY = 0.08  # share of known residue that makes a stretch chrome
_LONG_STRETCH_MIN_DENSITY = 0.015
_CLUSTER_MIN_HITS = 2  # a run of short lines with this many known residue lines...
_CLUSTER_MIN_DENSITY = 0.5  # ...making up this share of it is residue as a whole  # the same for long menus and footers (4+ known lines)
# Code and markup: a line of an article's code sample is never a button, whatever it says.
_CODE = re.compile(r"[{}\[\];=]|^\s*(//|#!?\s*\w+\s*=)|\bHTTP/\d")
# Code, markup and figures: lines of an article's own code samples and tables.
_CODE_OR_FIGURES = re.compile(r"[{}();=<>\[\]]|^\s*(//|#|\$ )|^[\d\s.,%$€£+-]+$")
# Element names and class/id words of HTML chrome (readers fill Block.context).
_CHROME_CONTEXT = re.compile(
    r"(^|[>.#\s_-])(nav|footer|header|aside|menu|sidebar|breadcrumbs?|share|sharing|social|related|"
    r"newsletter|subscribe|signup|promo|advert|ads?|sponsor|comments?|cookie|banner|widget|tags?|"
    r"pagination|pager|byline|author|meta|toolbar|popup|modal)([>.#\s_-]|$)", re.I)


@dataclass(slots=True)
class Finding:
    line: Line
    kind: str  # rule name after "boilerplate."
    why: str  # a few words for the message


@dataclass
class Analysis:
    lines: list[Line]
    findings: dict[int, Finding]  # line index -> finding


def analyse(doc: Document, lexicon: Lexicon | None = None) -> Analysis:
    """The classification of `doc`, computed once and shared by every boilerplate rule."""
    key = ("boilerplate.analysis", id(lexicon))
    cached = doc.cache.get(key)
    if cached is None:
        cached = doc.cache[key] = _classify(doc, lexicon or load_lexicon())
    return cached


def _classify(doc: Document, lexicon: Lexicon) -> Analysis:
    lines = split_lines(doc)
    shapes = [shape(ln.text) for ln in lines]
    kinds, weak = _phrase_kinds(lines, shapes, lexicon)
    span = main_region(shapes, _costs(lines, kinds))
    _drop_misplaced_bylines(lines, kinds, span)
    found: dict[int, Finding] = {}
    for i, kind in enumerate(kinds):
        if kind is not None:
            found[i] = Finding(lines[i], kind, "phrase")
    _neighbours(lines, shapes, kinds, found, lexicon)
    if span is not None:
        _outside_story(lines, shapes, kinds, found, span)
    _residue_clusters(lines, shapes, kinds, found)
    _keep_title(lines, shapes, found)
    return Analysis(lines, found)


def _phrase_kinds(lines, shapes, lexicon: Lexicon):
    kinds: list[str | None] = []
    weak: list[bool] = []
    for ln, s in zip(lines, shapes):
        if s.words > 60 or _CODE.search(ln.text):
            kinds.append(None)
            weak.append(False)
            continue
        kind, w = lexicon.match(normalize(ln.text) or ln.text, s.prose)
        kinds.append(kind)
        weak.append(w)
    n = len(lines)
    for i in [i for i, w in enumerate(weak) if w]:
        if not any(kinds[j] is not None and not weak[j] for j in range(max(0, i - 2), min(n, i + 3)) if j != i) \
                and not any(weak[j] for j in (i - 1, i + 1) if 0 <= j < n):
            kinds[i] = None
    return kinds, weak


def _neighbours(lines, shapes, kinds, found, lexicon: Lexicon) -> None:
    n = len(lines)
    for i, kind in enumerate(kinds):
        if kind == "navigation" and _PREV_NEXT.fullmatch(normalize(lines[i].text)):
            # "Previous Article" / "Next Article" is followed by the other story's headline.
            j = i + 1
            if j < n and j not in found and headline_like(shapes[j]):
                found[j] = Finding(lines[j], "related-headline", "after a previous/next link")
        elif kind == "related-headline" and _is_header(lines[i].text, shapes[i]):
            # A "Related stories" header: the headlines listed under it.
            j, taken = i + 1, 0
            while j < n and taken < _LIST_HEADER_MAX_ITEMS:
                s = shapes[j]
                if kinds[j] is not None:  # a date or credit inside the list
                    j += 1
                    continue
                if s.prose or not headline_like(s):
                    break
                found.setdefault(j, Finding(lines[j], "related-headline", "listed under a related-stories header"))
                taken += 1
                j += 1
        elif kind == "credit":
            # The caption sits right above (or below) the credit of its picture.
            for j in (i - 1, i + 1):
                if 0 <= j < n and kinds[j] is None and j not in found and _caption_like(shapes[j]):
                    found[j] = Finding(lines[j], "caption", "next to a photo credit")
                    break


def _is_header(text: str, s: Shape) -> bool:
    # "Read more" under a teaser is a link, not the header of a list.
    return ":" not in text.rstrip(":") and s.words <= 8 and not _LINK_BUTTON.fullmatch(normalize(text))


def _caption_like(s: Shape) -> bool:
    # Captions describe a picture in plain words; a title-case line is a heading.
    return 3 <= s.words <= 30 and not s.label and not s.title_case


def _costs(lines, kinds) -> list[float]:
    costs = []
    for i, ln in enumerate(lines):
        cost = 4.0 if kinds[i] is not None else 1.0
        if ln.context and _CHROME_CONTEXT.search(ln.context):
            cost += 4.0
        if ln.link_ratio > 0.5:
            cost += 3.0
        costs.append(cost)
    return costs


def _drop_misplaced_bylines(lines, kinds, span) -> None:
    """An author or date line belongs at the top or bottom of a story. In the middle,
    or repeated down the page ("Date: ..." in a list of events), it is content."""
    starts = Counter(ln.text.split(":", 1)[0].lower() for ln, k in zip(lines, kinds) if k == "byline")
    first, last = span if span else (0, len(lines) - 1)
    for i, kind in enumerate(kinds):
        if kind != "byline":
            continue
        inside = first + _BYLINE_EDGE <= i <= last - _BYLINE_EDGE
        if inside or starts[lines[i].text.split(":", 1)[0].lower()] >= 3:
            kinds[i] = None


def _outside_story(lines, shapes, kinds, found, span) -> None:
    """Lines before and after the story are chrome when the stretch they sit in holds
    enough known residue; an article's own closing table or code keeps its lines."""
    first, last = span
    if not _region_holds_story(shapes, span):
        return
    for stretch in (range(0, first), range(last + 1, len(lines))):
        if not stretch:
            continue
        hits = sum(1 for i in stretch if kinds[i] is not None)
        density = hits / len(stretch)
        if hits < 2 or density < _STRETCH_MIN_DENSITY and not (hits >= 4 and density >= _LONG_STRETCH_MIN_DENSITY):
            continue
        # In a dense stretch even sentences are residue (teasers, notices); elsewhere keep them.
        take_prose = hits >= 4 and density >= 0.1
        for i in stretch:
            if i in found or (shapes[i].prose and not take_prose) or _CODE_OR_FIGURES.search(lines[i].text):
                continue
            found[i] = Finding(lines[i], "page-chrome", "outside the article's text")


def _residue_clusters(lines, shapes, kinds, found) -> None:
    """A run of short lines between two paragraphs that is mostly known residue (a share
    bar, a sidebar, a "Most read" box) is residue as a whole, even inside the story."""
    n = len(lines)
    i = 0
    while i < n:
        if shapes[i].prose:
            i += 1
            continue
        j = i
        while j < n and not shapes[j].prose:
            j += 1
        run = range(i, j)
        hits = sum(1 for k in run if kinds[k] is not None)
        if hits >= _CLUSTER_MIN_HITS and hits >= _CLUSTER_MIN_DENSITY * len(run):
            for k in run:
                if k not in found and not _CODE_OR_FIGURES.search(lines[k].text):
                    found[k] = Finding(lines[k], "page-chrome", "among other residue")
        i = j


def _region_holds_story(shapes, span) -> bool:
    """Trust the region only when it holds most of the prose: a list-heavy article
    has no one stretch of prose, and its lists are not chrome."""
    first, last = span
    total = sum(s.words for s in shapes if s.prose)
    inside = sum(s.words for s in shapes[first:last + 1] if s.prose)
    return total == 0 or inside >= 0.6 * total


def _keep_title(lines, shapes, found) -> None:
    if lines and found.get(0) is not None and found[0].kind == "page-chrome" and headline_like(shapes[0]):
        del found[0]
