"""What a line's surroundings say: the evidence the line model weighs.

Phrases catch the residue that names itself ("Share", "Advertisement"). The
rest (menu items, sidebar headlines, footer links) is recognised by where it
sits and what surrounds it: outside the stretch of prose that holds the story,
in a run of short lines full of known residue, repeated elsewhere on the page,
inside an HTML <nav> or a link list. Each line gets a short vector of such
facts; `model.py` weighs them.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache
from collections import Counter
from collections.abc import Iterator
from itertools import accumulate

from .features import Shape, headline_like
from .lines import Line

FEATURES = (
    "bias", "prose", "words", "sentence", "label", "title_case", "headline", "digit", "code",
    "all_caps", "starts_lower", "inside", "before", "after", "distance", "stretch_density",
    "stretch_hits", "hits_near", "hits_around", "prose_near", "prev_prose", "next_prose",
    "prev_hit", "next_hit", "run_length", "run_density", "region_holds_story", "region_share",
    "first_line", "position", "link_ratio", "chrome_context", "alone_in_block", "doc_length",
    "prose_share", "story_edge", "weak_phrase", "duplicate", "outside_short", "outside_dense",
    "inside_dense_run", "outside_page", "outside_prose", "outside_far", "inside_long_run",
    "page_like", "outside_title", "hits_around_outside", "very_short", "separators", "address",
    "question", "list_marker", "long_words", "prev_headline", "next_headline",
)

# Code or figures, as three tests (a lone character class is scanned far faster than an
# alternation): code or markup punctuation, a comment or prompt opening, figures only.
# (The classifier's code test, which keeps phrases off code samples, is narrower: there
# parentheses and "<" do not make a line code.)
_CODE_OR_MARKUP = re.compile(r"[{}();=<>\[\]]")
_COMMENT_OR_PROMPT = re.compile(r"\s*(//|#|\$ )")
_FIGURES = re.compile(r"[\d\s.,%$€£+-]+")

_DIGIT = re.compile(r"\d")
_SEPARATORS = re.compile(r"[|•·»›«‹/]")
_ADDRESS = re.compile(r"https?://|www\.|@\w|\.com\b")


# The marks of an ASCII line in one pass: each byte as its class (a digit "0", code or markup
# punctuation "c", a separator "s"), then a byte search for each class, instead of three
# regular-expression searches (for ASCII characters the classes are the expressions').
_MARK_CLASS = bytes(48 if chr(c).isdigit() else 99 if chr(c) in "{}();=<>[]" else 115 if chr(c) in "|/" else 120
                    for c in range(128)) + bytes([120]) * 128


def _marks(text: str) -> tuple[bool, bool, bool]:
    """(a digit, code or figures, a separator) in the line."""
    if text.isascii():
        classes = text.encode().translate(_MARK_CLASS)
        digit, code, separator = 48 in classes, 99 in classes, 115 in classes
    else:
        digit = _DIGIT.search(text) is not None
        code = _CODE_OR_MARKUP.search(text) is not None
        separator = _SEPARATORS.search(text) is not None
    if not code:  # a comment or prompt opens with one of its marks; figures alone
        code = ((("/" in text or "#" in text or "$" in text) and _COMMENT_OR_PROMPT.match(text) is not None)
                or _FIGURES.fullmatch(text) is not None)
    return digit, code, separator


def _has_address(text: str) -> bool:
    # The literal test first: most lines hold none of the address's marks.
    return ("/" in text or "www." in text or "@" in text or ".com" in text) and _ADDRESS.search(text) is not None


_LIST_MARKER = re.compile(r"^(\d{1,2}[.)]|[-*•▪])\s")
_MARKER_FIRST = frozenset("-*•▪")


def _list_marker(text: str) -> bool:
    """A numbered or bulleted item's opening ("1. ", "• "). The expression only on lines
    that open with a digit (isdigit() holds for every \\d) or a bullet: most lines don't."""
    first = text[:1]
    return (first in _MARKER_FIRST or first.isdigit()) and _LIST_MARKER.match(text) is not None


CHROME_CONTEXT = re.compile(
    r"(^|[>.#\s_-])(nav|footer|header|aside|menu|sidebar|breadcrumbs?|share|sharing|social|related|"
    r"newsletter|subscribe|signup|promo|advert|ads?|sponsor|comments?|cookie|banner|widget|tags?|"
    r"pagination|pager|byline|author|meta|toolbar|popup|modal)([>.#\s_-]|$)", re.I)


@lru_cache(maxsize=8192)
def chrome_context(context: str) -> bool:
    """Does the element chain name page chrome? (cached: a page's blocks share a few chains,
    and one can be 500 elements long)"""
    return CHROME_CONTEXT.search(context) is not None


def region_holds_story(shapes: list[Shape], span) -> bool:
    """Trust the region only when it holds most of the prose: a list-heavy article has
    no one stretch of prose, and its lists are not chrome."""
    if span is None:
        return False
    first, last = span
    total = sum(s.words for s in shapes if s.prose)
    inside = sum(s.words for s in shapes[first:last + 1] if s.prose)
    return total == 0 or inside >= 0.6 * total


def line_vectors(lines: list[Line], shapes: list[Shape], hit: list[bool], weak: list[bool],
                 span, wanted: list[int]) -> Iterator[tuple[int, list[float]]]:
    """(line, vector in FEATURES order) for each line of `wanted` (ascending; most lines are
    decided without the model, and their facts cost time), one at a time: a vector is
    about 600 bytes, and a text of a million short lines kept them all (1.5 KB a line)."""
    if not lines:
        return
    page = _Page(lines, shapes, hit, span, wanted)
    for i in wanted:
        yield i, _vector(i, lines[i], shapes[i], page, weak[i])


class _Page:
    """What every line's facts draw on: the story's stretch, running sums of known residue
    and of prose, runs of short lines, repeated lines."""

    def __init__(self, lines: list[Line], shapes: list[Shape], hit: list[bool], span, wanted):
        n = self.n = len(lines)
        self.hit, self.prose = hit, [s.prose for s in shapes]
        self.first, self.last = span if span is not None else (0, n - 1)
        self.holds = 1.0 if region_holds_story(shapes, span) else 0.0
        self.hits_sum = list(accumulate(hit, initial=0))
        self.prose_sum = list(accumulate(self.prose, initial=0))
        self.before_hits, self.after_hits = self.hits_in(0, self.first), self.hits_in(self.last + 1, n)
        self.run_of, self.runs = _short_runs(self.prose)
        # Repeated lines, in lower case, of the `wanted` lines (those given a vector). Lower
        # case never shortens a text, so a line longer than the longest of theirs is none of
        # them: the long paragraphs are neither lowered nor counted.
        self.lowered = {i: lines[i].text.lower() for i in wanted}
        longest = max(map(len, self.lowered.values()), default=-1)
        self.counts = Counter(ln.text.lower() for ln in lines if len(ln.text) <= longest)
        self.region_share = (self.last - self.first + 1) / n
        self.outside_holds = (1 - self.region_share) * self.holds
        self.doc_length = math.log1p(n) / 8
        self.prose_share = self.prose_sum[n] / n
        self.headline = [headline_like(s) for s in shapes]

    def hits_in(self, a: int, b: int) -> int:
        """Known residue among lines a..b-1, clipped."""
        a, b = max(0, a), min(self.n, b)
        return self.hits_sum[b] - self.hits_sum[a] if b > a else 0


def _short_runs(prose: list[bool]) -> tuple[list[int], list[tuple[int, int]]]:
    """Runs of consecutive non-prose lines: the run of each line, and each run's bounds."""
    n = len(prose)
    run_of = [0] * n
    runs: list[tuple[int, int]] = []
    i = 0
    while i < n:
        if prose[i]:
            i += 1
            continue
        j = i
        while j < n and not prose[j]:
            j += 1
        for k in range(i, j):
            run_of[k] = len(runs)
        runs.append((i, j))
        i = j
    return run_of, runs


def _vector(i: int, ln: Line, s: Shape, page: "_Page", weak: bool) -> list[float]:
    """The line's facts in FEATURES order, in one function: where it sits (inside, before
    or after the story's stretch, how far, in what stretch and run of short lines, the
    residue and prose near it), its shape and marks, its markup, and the page's."""
    first, last, n, hit, prose, headline = page.first, page.last, page.n, page.hit, page.prose, page.headline
    hits_sum, prose_sum, text = page.hits_sum, page.prose_sum, ln.text
    inside = first <= i <= last
    # The stretch the line is in: before the story, after it, or the story (no stretch).
    if i < first:
        distance, stretch_hits, stretch_len = first - i, page.before_hits, first
    elif i > last:
        distance, stretch_hits, stretch_len = i - last, page.after_hits, n - last - 1
    else:
        distance, stretch_hits, stretch_len = 0, 0, 1
    stretch_density = stretch_hits / stretch_len if stretch_len else 0.0
    short = not prose[i]
    if short:  # the run of consecutive short lines it is in
        a, b = page.runs[page.run_of[i]]
        run_len = b - a
        run_density = (hits_sum[b] - hits_sum[a]) / run_len
    else:
        run_len, run_density = 0, 0.0
    # Known residue and prose among the 3 and the 10 lines on either side (clipped).
    # (The bounds as conditional expressions: the same ints as min() and max(), no call.)
    near_lo, near_hi = (i - 3 if i > 3 else 0), (i + 4 if i + 4 < n else n)
    around_lo, around_hi = (i - 10 if i > 10 else 0), (i + 11 if i + 11 < n else n)
    hits_near = hits_sum[near_hi] - hits_sum[near_lo] - hit[i]
    hits_around = hits_sum[around_hi] - hits_sum[around_lo] - hit[i]
    prose_near = prose_sum[near_hi] - prose_sum[near_lo] - prose[i]
    far = math.log1p(distance) / 5
    run_log = math.log1p(run_len) / 5
    holds, region_share = page.holds, page.region_share
    context = ln.context
    digit, code, separator = _marks(text)
    return [
        # "bias" to "position": the line's shape, its place, its neighbours.
        1.0,
        0.0 if short else 1.0,
        (40 if s.words > 40 else s.words) / 40,
        1.0 if s.sentence else 0.0,
        1.0 if s.label else 0.0,
        1.0 if s.title_case else 0.0,
        1.0 if headline[i] else 0.0,
        1.0 if digit else 0.0,
        1.0 if code else 0.0,
        1.0 if len(text) >= 2 and text.isupper() else 0.0,
        1.0 if text[:1].islower() else 0.0,
        1.0 if inside else 0.0,
        1.0 if i < first else 0.0,
        1.0 if i > last else 0.0,
        far,
        stretch_density,
        (10 if stretch_hits > 10 else stretch_hits) / 10,
        hits_near / 6,
        hits_around / 20,
        prose_near / 6,
        1.0 if i > 0 and prose[i - 1] else 0.0,
        1.0 if i + 1 < n and prose[i + 1] else 0.0,
        1.0 if i > 0 and hit[i - 1] else 0.0,
        1.0 if i + 1 < n and hit[i + 1] else 0.0,
        run_log,
        run_density,
        holds,
        region_share,
        1.0 if i == 0 else 0.0,
        i / n,
        # "link_ratio" to "hits_around_outside": markup, the page, the place with the shape.
        # (A fact "x * y if c" is the product float(c) * x * y was: 1.0 * x is x, and the
        # other factors are finite and not negative, so 0.0 * x * y is 0.0.)
        ln.link_ratio,
        1.0 if context and chrome_context(context) else 0.0,
        1.0 if ln.first_in_block and ln.last_in_block else 0.0,
        page.doc_length,
        page.prose_share,
        1.0 if inside and (i - first <= 3 or last - i <= 3) else 0.0,
        1.0 if weak and not hit[i] else 0.0,
        1.0 if page.counts[page.lowered[i]] > 1 else 0.0,
        1.0 if short and not inside else 0.0,
        stretch_density * holds if short and not inside else 0.0,
        run_density if short and inside else 0.0,
        0.0 if inside else 1 - region_share,
        1.0 if not inside and not short else 0.0,
        0.0 if inside else far,
        run_log if inside and short else 0.0,
        page.outside_holds,
        1.0 if not inside and s.title_case else 0.0,
        0.0 if inside else hits_around / 20,
        # "very_short" to "next_headline": marks in the text, headlines beside it.
        1.0 if s.words <= 3 else 0.0,
        1.0 if separator else 0.0,
        1.0 if _has_address(text) else 0.0,
        1.0 if text.endswith("?") else 0.0,
        1.0 if _list_marker(text) else 0.0,
        (12 if s.chars > 12 * (s.words + 1) else s.chars / (s.words + 1)) / 12,
        1.0 if i > 0 and headline[i - 1] else 0.0,
        1.0 if i + 1 < n and headline[i + 1] else 0.0,
    ]
