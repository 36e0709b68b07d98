"""Where the article's own text is: the stretch of lines richest in prose.

A scraped page is chrome, then the story, then chrome again. Scoring each line
(prose earns its words, anything else costs a little) and taking the
contiguous stretch with the highest total (the maximum-sum segment) finds the
story without knowing the page's markup, the way body-text extraction has done
since Finn et al. (2001). Short lines *inside* the stretch (subheadings, list
items, table cells) cost little, so an article's own lists don't cut it apart.
"""
from __future__ import annotations

from .features import Shape

# A prose line earns its words minus this toll, so a stray teaser sentence doesn't pull
# a sidebar into the story; a short line costs its `costs` entry times SHORT_COST.
PROSE_TOLL = 4
SHORT_COST = 1.0


def main_region(shapes: list[Shape], costs: list[float]) -> tuple[int, int] | None:
    """(first, last) line of the best-scoring stretch, or None when the text has no prose.

    `costs[i]` is what a non-prose line i costs (residue found by phrase costs more)."""
    best, best_span = 0.0, None
    run, run_start = 0.0, 0
    for i, s in enumerate(shapes):
        gain = min(s.words, 60) - PROSE_TOLL if s.prose else -costs[i] * SHORT_COST
        if run <= 0:
            run, run_start = gain, i
        else:
            run += gain
        if run > best:
            best, best_span = run, (run_start, i)
    return best_span
