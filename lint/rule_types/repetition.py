"""repetition: a word written twice in a row ("the the"), Vale's `repetition`.

The two words may differ in case ("The the") and may be split by a line break
inside a paragraph. Only words of letters count: numbers ("7-6 (5), 6 6") are
data, not slips. The safe fix deletes the second word and the space before it.

Parameters:
  allow           words that are often rightly doubled ("had had", "that that",
                  "is is"), compared in lower case (default: none)
  skip_names      skip a pair where both words are capitalised: "Walla Walla",
                  the band The The, a table header's "Change Change" and title-case
                  headings are names or labels, not slips; and a lower-case word
                  followed by the same word capitalised that opens a name, as a
                  title does ("the state governor Governor Reyes") (default: true).
                  "The the" and "the\nThe end" are still reported.
  particles       prepositions that may end a phrasal verb and then start a phrase
                  of their own ("saving for for a decade", "took over over the
                  summer"); their doubling is left alone right after a verb form
                  ending in -ing or -ed (default: none)

The message may use {match} (the doubled text) and {word} (the word). A paragraph
with more than ten is not prose: its first ten are reported, the tenth saying how
many more.

    id = "typography.repeated-word"
    type = "repetition"
    message = "Repeated word: “{word}”."

fails:  "It was the the end."   (fix: "It was the end.")
passes: "He had had enough.", "They flew to Walla Walla."
"""
from __future__ import annotations

import re

from ..params import Param
from ._text import MAX_PER_PARAGRAPH, format_message, more_in_paragraph, replacement_fix
from .base import Rule

# A word of letters, not glued to another word by an apostrophe, hyphen or digit.
_DOUBLED = re.compile(r"(?<![\w'’\-])([^\W\d_]+)(\s+)(\1)(?![\w'’\-])", re.IGNORECASE)
_NEXT_WORD = re.compile(r"\s+(\w)")
_PREVIOUS_WORD = re.compile(r"(\w+)\s+$")


class Repetition(Rule):
    PARAMS = {
        "allow": Param("strings", [], "Words that may be written twice (\"had had\")."),
        "skip_names": Param("bool", True, "Two capitalised words in a row, or a title before a name, "
                            "are not reported."),
        "particles": Param("strings", [], "Prepositions whose doubling after an -ing or -ed word is a "
                           "phrasal verb (\"saving for for a decade\")."),
    }

    def setup(self) -> None:
        self._allow = {w.lower() for w in self.params["allow"]}
        self._particles = {w.lower() for w in self.params["particles"]}

    def _is_slip(self, text: str, m: re.Match) -> bool:
        first, second = m.group(1), m.group(3)
        if first.lower() in self._allow:
            return False
        if self.params["skip_names"]:
            if first[0].isupper() and second[0].isupper():
                return False
            nxt = _NEXT_WORD.match(text, m.end())
            if first[0].islower() and second[0].isupper() and nxt and nxt.group(1).isupper():
                return False  # a title before a name: "governor Governor Reyes"
        if first.lower() in self._particles:
            prev = _PREVIOUS_WORD.search(text, max(0, m.start() - 40), m.start())
            if prev and prev.group(1).lower().endswith(("ing", "ed")):
                return False  # a phrasal verb, then a phrase: "saving for for a decade"
        return True

    def check(self, doc, ctx):
        for block in doc.blocks:
            text = block.text
            slips = []
            pos = 0
            while True:
                m = _DOUBLED.search(text, pos)
                if m is None:
                    break
                # Continue from the second word, so "the the the" reports both doublings.
                pos = m.start(3)
                if m.group(2).count("\n") > 1 or not self._is_slip(text, m):
                    continue
                slips.append(m)
            for n, m in enumerate(slips[:MAX_PER_PARAGRAPH], 1):
                first, second = m.group(1), m.group(3)
                s, e = block.source_span(m.start(), m.end())
                fix = replacement_fix(block, m.end(1), m.end(3), "", f"Delete the second “{second}”")
                message = format_message(self.spec.message, match=m.group(0), word=first)
                if n == MAX_PER_PARAGRAPH and len(slips) > n:
                    message += more_in_paragraph(len(slips), "repeated words")
                yield self.finding(s, e, message, suggestions=(first,), fix=fix)
