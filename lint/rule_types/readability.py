"""Readability rule types: a document too hard for its audience, a paragraph far
harder than the target, a sentence too long to follow.

All three read the `[readability]` settings (preset, formula, target-grade,
min-words, long-sentence, very-long-sentence, hard-paragraph-margin; see
`lint/readability/presets.py`); a rule's own parameters of the same names
override them. The document is segmented and counted once, in `doc.cache`.

readability-grade      the document's grade above `target-grade`; nothing for
                       prose shorter than `min-words`. Points at the first line
                       (the headline, when there is one).
readability-paragraph  a paragraph of at least `paragraph-min-words` words whose
                       grade is above target + `hard-paragraph-margin`.
readability-sentence   a sentence of more than `long-sentence` words; above
                       `very-long-sentence` words the finding takes `very-long-level`.
                       Only the `max-per-article` longest are reported (0: all),
                       so the notes point at the sentences to split first.

Message placeholders: {grade}, {target}, {formula}, {words}, {limit}; and {length}
("long" or "very long") for sentences.
"""
from __future__ import annotations

from ..finding import SEVERITIES
from ..params import Param
from ..readability.formulas import GRADE_FORMULAS
from ._text import format_message
from .base import Rule

# The audience's settings, which a rule may set for itself (None: from [readability]).
_AUDIENCE = {
    "formula": Param("string", None, "The grade formula.", choices=tuple(GRADE_FORMULAS), optional=True),
    "target-grade": Param("number", None, "The grade the audience reads at.", minimum=0, optional=True),
    "min-words": Param("int", None, "Shorter prose gets no grade.", minimum=0, optional=True),
    "long-sentence": Param("int", None, "Words above which a sentence is long.", minimum=1, optional=True),
    "very-long-sentence": Param("int", None, "Words above which it is very long.", minimum=1, optional=True),
    "hard-paragraph-margin": Param("number", None, "Grades above target that make a paragraph hard.",
                                   minimum=0, optional=True),
}


def _document_metrics(doc, ctx) -> dict:
    from ..readability.metrics import document_metrics
    return document_metrics(doc, ctx.settings.get("readability", {}))


class _ReadabilityRule(Rule):
    PARAMS = dict(_AUDIENCE)
    needs_exclusions = True  # boilerplate lines are not prose to grade
    metrics = staticmethod(_document_metrics)

    def audience(self, ctx):
        from ..readability.presets import audience
        return audience(ctx.settings.get("readability", {}),
                        {k: self.params[k] for k in _AUDIENCE})

    @staticmethod
    def prose(doc):
        from ..readability.metrics import prose
        return prose(doc)

    def _report(self, block, start, end, **values):
        a, b = block.source_span(start, end)
        return self.finding(a, b, format_message(self.spec.message, **values), data=values)


class Grade(_ReadabilityRule):
    def check(self, doc, ctx):
        from ..readability.formulas import GRADE_FORMULAS
        aud = self.audience(ctx)
        p = self.prose(doc)
        if p.counts.words < aud.min_words or not p.paragraphs:
            return
        grade = GRADE_FORMULAS[aud.formula](p.counts)
        if grade <= aud.target_grade:
            return
        # A finding about the whole document: it points at the document's first line of
        # prose or headline (what the boilerplate rules left), as a linter points at line 1.
        block = p.first_block
        line_end = block.text.find("\n")
        yield self._report(block, 0, len(block.text) if line_end < 0 else line_end, grade=f"{grade:.1f}",
                           target=_number(aud.target_grade), formula=aud.formula, words=p.counts.words)


class HardParagraph(_ReadabilityRule):
    PARAMS = {**_AUDIENCE, "paragraph-min-words": Param("int", 40, "Shorter paragraphs are not graded.", minimum=0)}

    def check(self, doc, ctx):
        from ..readability.formulas import GRADE_FORMULAS
        aud = self.audience(ctx)
        formula = GRADE_FORMULAS[aud.formula]
        limit = aud.target_grade + aud.hard_paragraph_margin
        for par in self.prose(doc).paragraphs:
            if par.counts.words < self.params["paragraph-min-words"]:
                continue
            grade = formula(par.counts)
            if grade > limit:
                yield self._report(par.block, par.sentences[0].start, par.sentences[-1].end,
                                   grade=f"{grade:.1f}", target=_number(aud.target_grade),
                                   limit=_number(limit), formula=aud.formula, words=par.counts.words)


class LongSentence(_ReadabilityRule):
    PARAMS = {**_AUDIENCE, "very-long-level": Param("string", "warning", "The level of a very long sentence.",
                                                  choices=SEVERITIES),
              "max-per-article": Param("int", 3, "Report only this many of the longest sentences "
                                       "of an article (0: all).", minimum=0)}

    def check(self, doc, ctx):
        aud = self.audience(ctx)
        long = [(s.counts.words, par, s) for par in self.prose(doc).paragraphs
                for s in par.sentences if s.counts.words > aud.long_sentence]
        cap = int(self.params["max-per-article"])
        if cap > 0 and len(long) > cap:
            # The longest first (very long ones are the longest); ties keep text order.
            keep = {id(s) for _, _, s in sorted(long, key=lambda x: -x[0])[:cap]}
            long = [x for x in long if id(x[2]) in keep]
        for n, par, s in long:
            very = n > aud.very_long_sentence
            d = self._report(par.block, s.start, s.end, words=n, length="very long" if very else "long",
                             limit=aud.very_long_sentence if very else aud.long_sentence,
                             very_long=very)
            if very:
                d.severity = self.params["very-long-level"]
            yield d


def _number(x) -> str:
    return f"{x:g}"
