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
  screen      strings of which every match of `patterns` contains one, as written
              (case counts): a block with none is not searched with them, and they
              are compiled (and checked) only when a block has one (default: none)

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
from ._text import (IGNORECASE_PARAM, LEAVE_OUT_PARAMS, SCREEN_PARAM, compile_phrases, format_message, guarded_list,
                    screened, word_bounded)
from .base import Rule
from .quotations import unquoted


class Existence(Rule):
    PARAMS = {
        "tokens": Param("strings", [], "Words and phrases to report, matched as whole words."),
        "patterns": Param("strings", [], "Regular expressions to report."),
        "ignorecase": IGNORECASE_PARAM,
        "nonword": Param("bool", False, "Patterns may match inside words."),
        "screen": SCREEN_PARAM,
        **LEAVE_OUT_PARAMS,
    }

    def setup(self) -> None:
        p = self.params
        flags = IGNORECASE if p["ignorecase"] else 0
        self._phrases = compile_phrases(p["tokens"], p["ignorecase"], self)
        self._screen = tuple(p["screen"])
        self._patterns = None
        if not self._screen:  # compiled now, as the rule loads: a bad pattern is reported at once
            self._compiled_patterns()
        self._exceptions = guarded_list(self, "exceptions", flags)

    def _compiled_patterns(self) -> list:
        """`patterns`, compiled once: at setup, or with a screen when the first block that
        passes it is searched."""
        if self._patterns is None:
            p = self.params
            self._patterns = guarded_list(self, "patterns", IGNORECASE if p["ignorecase"] else 0,
                                          None if p["nonword"] else word_bounded)
        return self._patterns

    def _matches(self, text: str):
        found = []
        patterns = self._compiled_patterns() if screened(self._screen, text) else []
        for rx in ([self._phrases] if self._phrases else []) + patterns:
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
