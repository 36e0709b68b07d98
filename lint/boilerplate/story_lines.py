"""Lines beyond the story's stretch of prose that are still the article's own: the line
model (classifier.candidates) never takes them. A long table, a list of names or a
schedule cuts the stretch of prose short; a hand-wrapped paragraph has no sentence stops
on its lines; a story ends with its data table or with the list its last line announces.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from operator import attrgetter

from .features import headline_like

_CONTINUES_WORDS = 15  # a paragraph this long beyond a table says the story goes on


def story_lines(state, hit, first, last) -> set[int]:
    """Every line these tests give to the article (`state`: classifier.State; `hit`: lines
    with phrase or neighbour evidence; first, last: the story's stretch)."""
    kept = (continuation(state, hit, first, last) | announced_list(state, hit, last) | wrapped_prose(state)
            | lead_in_block(state, hit, first, last)
            | table_after(state, hit, last) | ranked_results(state, hit, last) | resumed_story(state, hit, first, last))
    return kept | between(kept, hit, first, last, len(state.lines))


_BETWEEN = 2  # lines, at most, between two of the article's own: its subheading


def between(kept: set[int], hit, first, last, n) -> set[int]:
    """Short runs of lines outside the story's stretch with the article's own lines (kept
    ones or the stretch's) on both sides and nothing known as residue among them: the
    subheadings of a hand-wrapped guide that goes on after its stretch."""
    out: set[int] = set()
    # The stretch's lines are all the article's own: the runs lie before it or after it.
    for i, stop in ((0, first), (last + 1, n)):
        while i < stop:
            if i in kept or hit[i]:
                i += 1
                continue
            j = i
            while j < stop and j not in kept and not hit[j]:
                j += 1
            if j - i <= _BETWEEN and (i - 1 in kept or first <= i - 1 <= last) and (j in kept or first <= j <= last):
                out.update(range(i, j))
            i = j + 1
    return out


def continuation(state, hit, first, last) -> set[int]:
    """Lines outside the story's stretch that the article's own text encloses: nothing
    known as residue between them and the story, and a paragraph of the article's prose
    beyond them (a long table, a list of names or a schedule cut the stretch short, and
    the story goes on after it)."""
    shapes, n = state.shapes, len(state.shapes)

    def paragraph(k: int) -> bool:
        s = shapes[k]
        return (s.sentence or s.label) and s.words >= _CONTINUES_WORDS and not s.title_case

    out: set[int] = set()
    stop = last + 1
    while stop < n and not hit[stop]:
        stop += 1  # the first known residue after the story (or the end)
    beyond = next((k for k in range(stop - 1, last, -1) if paragraph(k)), None)
    if beyond is not None:
        # A long lead-in ("...these were the most popular titles of the year:") announces
        # the list that follows it, up to the first known residue.
        out.update(range(last + 1, stop if shapes[beyond].label else beyond))
    start = first - 1
    while start >= 0 and not hit[start]:
        start -= 1  # the last known residue before the story (or the start)
    beyond = next((k for k in range(start + 1, first) if paragraph(k)), None)
    if beyond is not None:
        out.update(range(beyond + 1, first))
    return out


# A block of this many lines, most of them this long and a good share of them opening in
# lower case, is one paragraph of running prose wrapped by hand (a press release, a wire
# story pasted as it was sent): its lines carry no stop of their own, but they are prose.
_WRAPPED_LINES = 3
_WRAPPED_WORDS = 6
_WRAPPED_LOWER = 0.3


def wrapped_prose(state) -> set[int]:
    """Lines of hand-wrapped paragraphs (`_WRAPPED_*`): the line model never takes them."""
    out: set[int] = set()
    lines, shapes = state.lines, state.shapes
    # A block's lines follow one another, in block order: its size is its count, and its
    # first line is found by bisection (most blocks are one line, and no loop visits them).
    block_of = list(map(_BLOCK, lines))
    for b, size in Counter(block_of).items():
        if size >= _WRAPPED_LINES:
            i = bisect_left(block_of, b)
            block = range(i, i + size)
            long = sum(1 for k in block if shapes[k].words >= _WRAPPED_WORDS)
            lower = sum(1 for k in block if lines[k].text[:1].islower())
            if long >= 0.75 * len(block) and lower >= _WRAPPED_LOWER * len(block) or _one_sentence(block, state):
                out.update(block)
    return out


_BLOCK = attrgetter("block")


# One sentence wrapped over short lines (an infographic's "1 in 4 adults / ages 20 to 64 /
# currently has / cavities.2"): only its last line ends like a sentence (a footnote's
# figure may follow the stop), and a good share of the lines after the first go on in
# lower case.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\d{0,2}$")
_WRAPPED_SENTENCE_WORDS = 6


def _one_sentence(block: range, state) -> bool:
    lines, shapes = state.lines, state.shapes
    texts = [lines[k].text for k in block]
    if not _SENTENCE_END.search(texts[-1]) or any(_SENTENCE_END.search(t) for t in texts[:-1]):
        return False
    if sum(shapes[k].words for k in block) < _WRAPPED_SENTENCE_WORDS:
        return False
    lower = sum(1 for t in texts[1:] if t[:1].islower())
    return lower >= _WRAPPED_LOWER * (len(texts) - 1)


# A table's cells, one a line: a figure ("13", "$14.55", "+2.4%", "1.") or words.
_FIGURE_CELL = re.compile(r"[#(]?[-+]?[$€£¥]?\d[\d,.:/%-]*\)?[.*]?")
_TABLE_PERIODS = range(2, 9)  # cells per row
_TABLE_ROWS = 4  # rows in a row that repeat the same pattern of cells
_TABLE_CELL_WORDS = 4  # words per cell of words, on average
_TABLE_HEAD = 6  # lines of caption and column labels above the first row


def _cell(text: str) -> str:
    return "n" if _FIGURE_CELL.fullmatch(text) else "w"


def table_after(state, hit, last) -> set[int]:
    """The article's own table right after its last sentence (a data table, a scoreboard):
    rows of figures and names, one cell a line, repeating one pattern of cells ("1" /
    "Alaska" / "$14.55"), with nothing known as residue between it and the story. A
    page's menus and teasers are rows of words alone; a calendar's, of figures alone."""
    n = len(state.lines)
    stop = last + 1
    while stop < n and not hit[stop]:
        stop += 1
    cells = [_cell(state.lines[i].text) for i in range(last + 1, stop)]
    for head in range(min(_TABLE_HEAD, len(cells)) + 1):
        for period in _TABLE_PERIODS:
            row = cells[head:head + period]
            if len(row) < period or "n" not in row or "w" not in row:
                continue
            end = head + period
            while end < len(cells) and cells[end] == cells[end - period]:
                end += 1
            if end - head >= _TABLE_ROWS * period and _short_cells(state, last + 1 + head, last + 1 + end, cells, head):
                return set(range(last + 1, last + 1 + end))
    return set()


# A results table, one row a line: ranks in order, each row a few words and another figure
# ("1. Bayliss (Ducati) 1'32.2", "2. Kagayama (Suzuki) 1'32.3"). A list of the most-read
# stories is ranked too, but its rows are headlines without a figure of their own.
_RANKED_ROW = re.compile(r"(\d{1,3})[.)]\s+(\S.*)")
_RANKED_ROWS = 4
_RANKED_ROW_WORDS = 8


def ranked_results(state, hit, last) -> set[int]:
    """The story's own results table right after it (within a caption's few lines), up to
    its last row, with nothing known as residue between."""
    lines, shapes, n = state.lines, state.shapes, len(state.lines)
    stop = last + 1
    while stop < n and not hit[stop]:
        stop += 1

    def rank(i: int):
        m = _RANKED_ROW.fullmatch(lines[i].text)
        if m is None or shapes[i].words > _RANKED_ROW_WORDS or not re.search(r"\d", m.group(2)):
            return None
        return int(m.group(1))

    for start in range(last + 1, min(stop, last + 1 + _TABLE_HEAD)):
        end = start
        while end < stop and rank(end) is not None and rank(end) == (rank(start) or 0) + end - start:
            end += 1
        if end - start >= _RANKED_ROWS:
            return set(range(last + 1, end))
    return set()


def _short_cells(state, start, stop, cells, head) -> bool:
    """A table's cells are names and labels of a few words; a list of other stories'
    headlines, each under its rank or over its date, is teasers."""
    words = [state.shapes[i].words for i, c in zip(range(start, stop), cells[head:]) if c == "w"]
    return sum(words) <= _TABLE_CELL_WORDS * len(words)


def announced_list(state, hit, last) -> set[int]:
    """The list or table the story announces at its end ("The tour's dates:", "Results:"):
    the lines from that lead-in to the first known residue are the article's."""
    n = len(state.lines)
    lead = next((k for k in (last, last + 1) if 0 <= k < n and not hit[k] and state.lines[k].text.endswith(":")),
                None)
    if lead is None:
        return set()
    stop = lead + 1
    while stop < n and not hit[stop]:
        stop += 1
    return set(range(lead, stop))


_LEAD_IN_WORDS = 15  # a lead-in ("Key findings include:", "CONTACT:") is shorter than this
_LEAD_IN_GAP = 2  # ...and comes this close after a paragraph of the story's running prose
_RUNNING_WORDS = 12


def lead_in_block(state, hit, first, last) -> set[int]:
    """The lines a lead-in ending in ":" carries in its own block, right after a paragraph
    of the story's running prose (a press release's "CONTACT:" block under its "SOURCE"
    line: names and telephone numbers): the release's own, not the line model's. Only the
    lead-in's block: a lead-in over separate lines after the story is as often a
    sidebar's ("TEAM NEWS:", "Tools:"), and announced_list takes the story's own."""
    lines, shapes, n = state.lines, state.shapes, len(state.lines)

    def running(j: int) -> bool:
        s = shapes[j]
        return first <= j <= last and s.sentence and s.words >= _RUNNING_WORDS and not s.title_case

    out: set[int] = set()
    for k in range(first + 1, min(n, last + 1 + _LEAD_IN_GAP)):
        ln = lines[k]
        if hit[k] or ln.last_in_block or not ln.text.endswith(":") or not 0 < shapes[k].words < _LEAD_IN_WORDS:
            continue
        above = [j for j in range(max(0, k - _LEAD_IN_GAP), k) if running(j)]
        if not above or any(hit[j] or shapes[j].prose for j in range(above[-1] + 1, k)):
            continue
        end = k + 1
        while end < n and lines[end].block == ln.block:
            end += 1
        out.update(j for j in range(k, end) if not hit[j])
    return out


def teaser_blurb(i: int, state) -> bool:
    """A sentence with a teaser card's shape: the blurb under another story's headline
    (a short title-like line right above it), in a series of such cards."""
    shapes, n = state.shapes, len(state.shapes)
    if i == 0 or not headline_like(shapes[i - 1]) or shapes[i - 1].prose:
        return False
    # Another card within a few lines, above or below: one headline over one sentence is
    # how an article's own subheading opens its section.
    for j in list(range(max(1, i - 4), i - 1)) + list(range(i + 1, min(n, i + 5))):
        if j != i and shapes[j].prose and headline_like(shapes[j - 1]) and not shapes[j - 1].prose:
            return True
    return False


# The story resumes after a block of residue (a product card's prices, a gallery's
# credits) when paragraphs of running prose follow again, this close to one another,
# this many of them, holding this share of the story's own prose words.
_RESUMED_WORDS = 20
_RESUMED_GAP = 16
_RESUMED_PARAGRAPHS = 3
_RESUMED_SHARE = 0.3
_RESUMED_REACH = 10  # lines around each paragraph, at most (not a whole spec table)


def resumed_story(state, hit, first, last) -> set[int]:
    """Lines after the story's stretch that belong to the story going on: its resumed
    paragraphs and the lines around each up to the known residue on either side.
    A run of prices or credits can end the stretch of prose early (its lines cost the
    region more than the next paragraphs earn back); the subheadings and lists between
    the paragraphs that follow are then still the article's."""
    shapes, n = state.shapes, len(state.shapes)

    def paragraph(k: int) -> bool:
        s = shapes[k]
        return (not hit[k] and s.sentence and s.words >= _RESUMED_WORDS and not s.title_case
                and not teaser_blurb(k, state))

    chain = []
    for k in range(last + 1, n):
        if paragraph(k):
            if chain and k - chain[-1] > _RESUMED_GAP:
                break
            chain.append(k)
        elif chain and k - chain[-1] > _RESUMED_GAP:
            break
    if len(chain) < _RESUMED_PARAGRAPHS:
        return set()
    story_words = sum(s.words for s in shapes[first:last + 1] if s.prose)
    if sum(shapes[k].words for k in chain) < _RESUMED_SHARE * story_words:
        return set()
    # The resumed story's lines: the paragraphs and what they run into without a line of
    # known residue between (a subheading above, a list of pros and cons below).
    out: set[int] = set()
    for k in chain:
        if k in out:
            continue
        start = k
        while start - 1 > last and not hit[start - 1] and k - start < _RESUMED_REACH:
            start -= 1
        stop = k + 1
        while stop < n and not hit[stop] and stop - k <= _RESUMED_REACH:
            stop += 1
        out.update(range(start, stop))
    return out
