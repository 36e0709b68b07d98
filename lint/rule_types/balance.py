"""balance: brackets and parentheses opened and never closed (or closed and never
opened) within one paragraph.

Pairs nest and are matched with a stack, so "(see [1])" is fine and "(see [1)"
reports the "[". What looks like a bracket but isn't one is left alone:
  - emoticons: ":)", ";-)", ":(", "(:", ":-<(";
  - list numbering: "1)", "b)", "iv)" after a space or at a line start, unless
    reading it as a bracket balances the paragraph ("(ages 3 to 8)");
  - brackets inside a URL.

Parameters:
  pairs          opening and closing characters, two per string (default: "()", "[]", "{}")
  emoticons      skip emoticons (default: true)
  list_markers   skip list numbering (default: true)

The message may use {match} (the bracket) and {problem} ("is not closed in this
paragraph" or "has no matching opening bracket"). A paragraph with more than ten
problems is not prose: its first ten are reported, the tenth saying how many more.

fails:  "The bill (passed in May was vetoed."
passes: "The bill (passed in May) was vetoed.", "Choose 1) red or 2) blue :)"
"""
from __future__ import annotations

import re

from ..params import Param
from ._text import MAX_PER_PARAGRAPH, format_message, more_in_paragraph
from .base import Rule

# ":)", ";-(", "(:", and a pouting ":- <(" (its "<" still escaped in scraped copy: "&lt;(").
_EMOTICON = re.compile(r"(?<!\S)(?:[:;=][-^']?(?:\s?(?:[<>]|&lt;|&gt;))?[()\[\]]|[()\[\]][-^']?[:;=])"
                       r"(?=$|[\s.,!?])")
_LIST_MARKER = re.compile(r"(?:^|(?<=\s))(?:\d{1,3}|[A-Za-z]|[ivxIVX]{1,4})\)")
_URL = re.compile(r"\b(?:https?://|www\.)[^\s()<>]*(?:\([^\s()<>]*\)[^\s()<>]*)*", re.IGNORECASE)

UNCLOSED = "is not closed in this paragraph"
UNOPENED = "has no matching opening bracket"


class Balance(Rule):
    PARAMS = {
        "pairs": Param("strings", ["()", "[]", "{}"], "Opening and closing characters, two per entry.",
                       check=lambda v: next((f"must hold two characters per entry, not {p!r}"
                                             for p in v if len(p) != 2), None)),
        "emoticons": Param("bool", True, "Skip the brackets of emoticons such as :-)."),
        "list_markers": Param("bool", True, "Skip closers that number a list: 1) 2) a)."),
    }

    def setup(self) -> None:
        self._close_of = {p[0]: p[1] for p in self.params["pairs"]}
        self._open_of = {p[1]: p[0] for p in self.params["pairs"]}
        self._chars = re.compile("[" + re.escape("".join(self.params["pairs"])) + "]")

    def _ignored(self, text: str) -> tuple[set[int], set[int]]:
        """Offsets that are never brackets, and closers that are list numbering."""
        skip: set[int] = set()
        for m in _URL.finditer(text):
            skip.update(range(m.start(), m.end()))
        if self.params["emoticons"]:
            for m in _EMOTICON.finditer(text):
                skip.update(range(m.start(), m.end()))
        markers = {m.end() - 1 for m in _LIST_MARKER.finditer(text)} if self.params["list_markers"] else set()
        return skip, markers

    def problems(self, text: str):
        """(offset, problem) of every unbalanced bracket in `text`, in text order."""
        if not self._chars.search(text):
            return []
        skip, markers = self._ignored(text)
        if not markers:
            return self._match(text, skip)
        # A ")" after "1" or "b" may be list numbering or may close "(ages 3 to 8)":
        # read it both ways and keep the reading with fewer problems.
        as_numbering = self._match(text, skip | markers)
        if not as_numbering:
            return as_numbering
        as_brackets = [p for p in self._match(text, skip) if not (p[0] in markers and p[1] == UNOPENED)]
        return min(as_numbering, as_brackets, key=len)

    def _match(self, text: str, skip: set[int]):
        stack: list[int] = []
        open_count = dict.fromkeys(self._close_of, 0)  # openers of each kind on the stack
        found = []
        for m in self._chars.finditer(text):
            i, ch = m.start(), m.group(0)
            if i in skip:
                continue
            if ch in self._close_of:
                stack.append(i)
                open_count[ch] += 1
                continue
            opener = self._open_of[ch]
            if not open_count[opener]:  # known without searching the stack, which stays linear
                found.append((i, UNOPENED))
                continue
            depth = next(k for k in range(len(stack) - 1, -1, -1) if text[stack[k]] == opener)
            # Openers above the match were never closed: "(see [1)" leaves the "[".
            found.extend((j, UNCLOSED) for j in stack[depth + 1:])
            for j in stack[depth:]:
                open_count[text[j]] -= 1
            del stack[depth:]
        found.extend((j, UNCLOSED) for j in stack)
        found.sort()
        return found

    def check(self, doc, ctx):
        for block in doc.blocks:
            problems = self.problems(block.text)
            for n, (i, problem) in enumerate(problems[:MAX_PER_PARAGRAPH], 1):
                s, e = block.source_span(i, i + 1)
                message = format_message(self.spec.message, match=block.text[i], problem=problem)
                if n == MAX_PER_PARAGRAPH and len(problems) > n:
                    message += more_in_paragraph(len(problems), "unbalanced brackets")
                yield self.finding(s, e, message)
