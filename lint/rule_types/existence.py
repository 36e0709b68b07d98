"""existence: flag every occurrence of a phrase or pattern (Vale's `existence`).

Parameters:
  tokens      literal words or phrases; a space in a phrase matches any run of
              whitespace, line breaks included (default: none)
  patterns    regular expressions (Python `re` syntax), for what a list can't say;
              one that doesn't compile or runs out of time is skipped with a warning
  ignorecase  match regardless of case (default: true)
  nonword     don't add word boundaries around patterns (default: false); literal
              tokens always get boundaries only on their word-character sides
  exceptions  regular expressions; a match that fully matches one is not flagged
  skip_quotations  don't flag matches inside direct quotations (default: unset,
              which means true for style rules; see quotations.py)

The message may use {match}, the text found.

    id = "style.cliches"
    type = "existence"
    severity = "info"
    message = "“{match}” is a cliché."
    [params]
    tokens = ["at the end of the day", "perfect storm"]

fails:  "At the end of the day, the vote passed."
passes: "At the end of the session, the vote passed."
"""
from __future__ import annotations

from ..params import Param
from ..patterns import IGNORECASE
from ._text import compile_phrases, format_message, guarded_list, word_bounded
from .base import Rule
from .quotations import unquoted


class Existence(Rule):
    PARAMS = {
        "tokens": Param("strings", [], "Words and phrases to report, matched as whole words."),
        "patterns": Param("strings", [], "Regular expressions to report."),
        "ignorecase": Param("bool", True, "Match in any case."),
        "nonword": Param("bool", False, "Patterns may match inside words."),
        "exceptions": Param("strings", [], "Regular expressions: a match inside one is not reported."),
        "skip_quotations": Param("bool", None, "Skip matches inside direct quotations (unset: yes for "
                                 "style rules).", optional=True),
    }

    def setup(self) -> None:
        p = self.params
        flags = IGNORECASE if p["ignorecase"] else 0
        self._phrases = compile_phrases(p["tokens"], p["ignorecase"], self)
        wrap = None if p["nonword"] else word_bounded
        self._patterns = guarded_list(self, "patterns", flags, wrap)
        self._exceptions = guarded_list(self, "exceptions", flags)

    def _matches(self, text: str):
        found = []
        for rx in ([self._phrases] if self._phrases else []) + self._patterns:
            found.extend(m for m in rx.finditer(text) if m.end() > m.start())
        found.sort(key=lambda m: (m.start(), -m.end()))
        last_end = -1
        for m in found:
            if m.start() < last_end:  # overlapping: the earlier, longer match wins
                continue
            if any(e.fullmatch(m.group(0)) for e in self._exceptions):
                continue
            last_end = m.end()
            yield m

    def check(self, doc, ctx):
        for block in doc.blocks:
            for m in unquoted(self, block.text, self._matches(block.text)):
                s, e = block.source_span(m.start(), m.end())
                yield self.finding(s, e, format_message(self.spec.message, match=m.group(0)))
