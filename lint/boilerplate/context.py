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


def _code_or_figures(text: str) -> bool:
    return (_CODE_OR_MARKUP.search(text) is not None or _COMMENT_OR_PROMPT.match(text) is not None
            or _FIGURES.fullmatch(text) is not None)


def _has_address(text: str) -> bool:
    # The literal test first: most lines hold none of the address's marks.
    return ("/" in text or "www." in text or "@" in text or ".com" in text) and _ADDRESS.search(text) is not None


_LIST_MARKER = re.compile(r"^(\d{1,2}[.)]|[-*•▪])\s")
CHROME_CONTEXT = re.compile(
    r"(^|[>.#\s_-])(nav|footer|header|aside|menu|sidebar|breadcrumbs?|share|sharing|social|related|"
    r"newsletter|subscribe|signup|promo|advert|ads?|sponsor|comments?|cookie|banner|widget|tags?|"
    r"pagination|pager|byline|author|meta|toolbar|popup|modal)([>.#\s_-]|$)", re.I)


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
                 span, only=None) -> list[list[float] | None]:
    """One vector (in FEATURES order) per line; None for lines not in `only` (when given:
    most lines are decided without the model, and their facts cost time)."""
    n = len(lines)
    if n == 0:
        return []
    first, last = span if span is not None else (0, n - 1)
    holds = 1.0 if region_holds_story(shapes, span) else 0.0
    prose = [s.prose for s in shapes]
    hits_sum = [0]
    prose_sum = [0]
    for i in range(n):
        hits_sum.append(hits_sum[-1] + hit[i])
        prose_sum.append(prose_sum[-1] + prose[i])

    def hits_in(a, b):  # lines a..b-1, clipped
        a, b = max(0, a), min(n, b)
        return hits_sum[b] - hits_sum[a] if b > a else 0

    before_hits, after_hits = hits_in(0, first), hits_in(last + 1, n)
    before_len, after_len = first, n - last - 1
    # Runs of consecutive non-prose lines.
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
    counts: dict[str, int] = {}
    for ln in lines:
        key = ln.text.lower()
        counts[key] = counts.get(key, 0) + 1
    region_share = (last - first + 1) / n
    doc_length = math.log1p(n) / 8
    prose_share = prose_sum[n] / n
    headline = [headline_like(s) for s in shapes]
    out: list[list[float] | None] = [None] * n
    for i in (range(n) if only is None else sorted(only)):
        ln, s = lines[i], shapes[i]
        inside = first <= i <= last
        before = i < first
        after = i > last
        distance = first - i if before else (i - last if after else 0)
        if before:
            stretch_hits, stretch_len = before_hits, before_len
        elif after:
            stretch_hits, stretch_len = after_hits, after_len
        else:
            stretch_hits, stretch_len = 0, 1
        stretch_density = stretch_hits / stretch_len if stretch_len else 0.0
        if prose[i]:
            run_len, run_density = 0, 0.0
        else:
            a, b = runs[run_of[i]]
            run_len = b - a
            run_density = hits_in(a, b) / run_len
        text = ln.text
        all_caps = len(text) >= 2 and text.isupper()
        short = not prose[i]
        # Known residue and prose among the 3 and the 10 lines on either side (clipped).
        hits_near = hits_sum[min(n, i + 4)] - hits_sum[max(0, i - 3)] - hit[i]
        hits_around = hits_sum[min(n, i + 11)] - hits_sum[max(0, i - 10)] - hit[i]
        prose_near = prose_sum[min(n, i + 4)] - prose_sum[max(0, i - 3)] - prose[i]
        out[i] = ([
            1.0,
            float(prose[i]),
            min(s.words, 40) / 40,
            float(s.sentence),
            float(s.label),
            float(s.title_case),
            float(headline[i]),
            1.0 if _DIGIT.search(text) else 0.0,
            1.0 if _code_or_figures(text) else 0.0,
            float(all_caps),
            1.0 if text[:1].islower() else 0.0,
            float(inside),
            float(before),
            float(after),
            math.log1p(distance) / 5,
            stretch_density,
            min(stretch_hits, 10) / 10,
            hits_near / 6,
            hits_around / 20,
            prose_near / 6,
            float(i > 0 and prose[i - 1]),
            float(i + 1 < n and prose[i + 1]),
            float(i > 0 and hit[i - 1]),
            float(i + 1 < n and hit[i + 1]),
            math.log1p(run_len) / 5,
            run_density,
            holds,
            region_share,
            float(i == 0),
            i / n,
            ln.link_ratio,
            1.0 if ln.context and CHROME_CONTEXT.search(ln.context) else 0.0,
            float(ln.first_in_block and ln.last_in_block),
            doc_length,
            prose_share,
            float(inside and min(i - first, last - i) <= 3),
            float(weak[i] and not hit[i]),
            1.0 if counts[text.lower()] > 1 else 0.0,
            float(short and not inside),
            float(short and not inside) * stretch_density * holds,
            float(short and inside) * run_density,
            float(not inside) * (1 - region_share),
            float(not inside and prose[i]),
            float(not inside) * math.log1p(distance) / 5,
            float(inside and short) * math.log1p(run_len) / 5,
            (1 - region_share) * holds,
            float(not inside and s.title_case),
            float(not inside) * hits_around / 20,
            float(s.words <= 3),
            1.0 if _SEPARATORS.search(text) else 0.0,
            1.0 if _has_address(text) else 0.0,
            float(text.endswith("?")),
            1.0 if _LIST_MARKER.match(text) else 0.0,
            min(s.chars / (s.words + 1), 12) / 12,
            float(i > 0 and headline[i - 1]),
            float(i + 1 < n and headline[i + 1]),
        ])
    return out
