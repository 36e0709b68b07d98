"""Readability of one document: its prose split into sentences and counted once,
shared through `doc.cache` by the readability rules and the reports.

Only the article's prose is scored:
- spans the boilerplate rules flagged (`doc.excluded`, filled by the engine
  before readability runs) are left out, sentence by sentence;
- headings, titles and headline-like lines (one line, no final stop, at most
  `HEADLINE_WORDS` words: plain text has no markup for them) are counted apart;
- table cells are left out (figures, not prose);
- a run of more than `UNGRADED_RUN` words without a sentence end is kept as a
  sentence (readability.long-sentence reports it) but not graded: it is a list,
  a table or text without punctuation, and a grade formula fed one "sentence" of
  20,000 words said grade 7796.

The counts come from edlint's own news-aware segmentation (`sentences`), not
textstat's, and every score is computed from the counts reported beside it.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from . import formulas
from ..text import split_sentences
from .counts import WORD, Counts, count_sentence, total
from .presets import audience

HEADING_KINDS = frozenset({"title", "heading"})
SKIPPED_KINDS = frozenset({"table_cell"})
HEADLINE_WORDS = 20
# The longest sentences of edited news copy run to about 90 words (1,000 BBC articles:
# 86, once lists are read as items); a run of words past this is not a sentence to grade.
UNGRADED_RUN = 150
READING_WPM = 238  # average silent reading speed of adults for non-fiction (Brysbaert 2019)
_FINAL_STOP = tuple(".!?\u2026:;\"'\u201d\u2019)")


@dataclass(slots=True)
class Sentence:
    start: int  # offsets in the block's text
    end: int
    counts: Counts
    graded: bool = True  # False: a run of words too long to be a sentence (UNGRADED_RUN)


@dataclass(slots=True)
class Paragraph:
    block: object  # lint.document.Block
    sentences: list[Sentence]
    counts: Counts = field(default_factory=Counts)


@dataclass(slots=True)
class Prose:
    paragraphs: list[Paragraph]
    counts: Counts  # the body: what the formulas score
    headings: int = 0
    heading_words: int = 0
    first_block: object = None  # the first block not left out: the headline, or the first paragraph


class _Excluded:
    """Source spans to leave out, merged and sorted for quick overlap tests."""

    def __init__(self, spans):
        merged: list[list[int]] = []
        for s, e in sorted(spans):
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self.starts = [s for s, _ in merged]
        self.spans = merged

    def covered(self, start: int, end: int) -> int:
        """How many characters of source[start:end] are excluded."""
        n = 0
        i = max(bisect_right(self.starts, start) - 1, 0)
        while i < len(self.spans) and self.spans[i][0] < end:
            s, e = self.spans[i]
            n += max(0, min(e, end) - max(s, start))
            i += 1
        return n


def _is_headline(block) -> bool:
    text = block.text.strip()
    return ("\n" not in text and not text.endswith(_FINAL_STOP)
            and len(WORD.findall(text)) <= HEADLINE_WORDS)


def prose(doc) -> Prose:
    """The document's prose, segmented and counted (cached in `doc.cache`)."""
    cached = doc.cache.get("readability.prose")
    if cached is not None:
        return cached
    excluded = _Excluded(doc.excluded) if doc.excluded else None
    paragraphs, headings, heading_words, first_block = [], 0, 0, None
    for block in doc.blocks:
        if _left_out(block, excluded):
            continue
        first_block = first_block or block
        if block.kind in HEADING_KINDS or _is_headline(block):
            headings += 1
            heading_words += len(WORD.findall(block.text))
            continue
        kept = _sentences(block, excluded)
        if kept:
            paragraphs.append(Paragraph(block, kept, total(s.counts for s in kept if s.graded)))
    result = Prose(paragraphs, total(p.counts for p in paragraphs), headings, heading_words, first_block)
    doc.cache["readability.prose"] = result
    return result


def _left_out(block, excluded: _Excluded | None) -> bool:
    """A table cell, or a block the boilerplate rules flagged whole."""
    return block.kind in SKIPPED_KINDS or bool(
        excluded and excluded.covered(block.start, block.end) >= block.end - block.start)


def _sentences(block, excluded: _Excluded | None) -> list[Sentence]:
    """The block's sentences that have words, each counted; a sentence mostly inside
    flagged boilerplate is left out."""
    kept = []
    for s, e in split_sentences(block.text):
        if excluded:
            a, b = block.source_span(s, e)
            if excluded.covered(a, b) * 2 >= b - a:
                continue
        c = count_sentence(block.text[s:e])
        if c.words:
            kept.append(Sentence(s, e, c, c.words <= UNGRADED_RUN))
    return kept


def scores(c: Counts) -> dict[str, float]:
    return {
        "flesch_reading_ease": formulas.flesch_reading_ease(c),
        "flesch_kincaid_grade": formulas.flesch_kincaid_grade(c),
        "gunning_fog": formulas.gunning_fog(c),
        "smog_index": formulas.smog_index(c),
        "coleman_liau_index": formulas.coleman_liau_index(c),
        "automated_readability_index": formulas.automated_readability_index(c),
        "dale_chall_score": formulas.dale_chall_score(c),
        "linsear_write": formulas.linsear_write(c),
        "consensus_grade": formulas.consensus_grade(c),
    }


def document_metrics(doc, settings: dict | None = None) -> dict:
    """Counts and scores of the document's prose, for `documents[].metrics` in the
    JSON report, `--statistics` and `edlint stats`. Scores are null when the prose
    has fewer words than the audience's `min-words`: formulas mean nothing there."""
    aud = audience(settings)
    key = ("readability.metrics", aud)
    cached = doc.cache.get(key)
    if cached is not None:
        return dict(cached)
    p = prose(doc)
    c = p.counts
    too_short = c.words < aud.min_words
    longest = max((s.counts.words for par in p.paragraphs for s in par.sentences), default=0)
    # Reading time counts every word read, the ungraded runs' too.
    read_words = c.words + sum(s.counts.words for par in p.paragraphs for s in par.sentences if not s.graded)
    metrics = {
        "preset": aud.preset,
        "formula": aud.formula,
        "target_grade": aud.target_grade,
        "grade": None if too_short else round(formulas.GRADE_FORMULAS[aud.formula](c), 2),
        "too_short": too_short,
        **c.as_dict(),
        "paragraphs": len(p.paragraphs),
        "headings": p.headings,
        "heading_words": p.heading_words,
        "words_per_sentence": round(c.words / c.sentences, 2) if c.sentences else 0.0,
        "longest_sentence_words": longest,
        "reading_time_s": round(read_words * 60 / READING_WPM),
    }
    for name, value in scores(c).items():
        metrics[name] = None if too_short else round(value, 2)
    doc.cache[key] = metrics
    return dict(metrics)
