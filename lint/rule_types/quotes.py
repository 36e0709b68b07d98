"""quotes: quotation marks opened and never closed, or closed and never opened,
within one paragraph.

Double quotes (" “ ” „, and ’’ ‘‘ '' `` typed for them) are read by position,
not only by glyph: a mark after a space and before a word opens, a mark after a
word and before a space or punctuation closes, and only where the position
says nothing does the glyph decide (a straight " then closes an open quote or
opens a new one). So scraped copy's ”Bird flu...” still balances. Double quotes
may nest. A straight " right after a digit with no quote open is an inch mark
(a 12" pizza, a 70"+ TV), not a quote.

Single quotes are mostly apostrophes (O’Brien, ’90s, rock ’n’ roll, the
students’ union), so only an opening ‘ is checked: it is reported when no ’ or
' follows it in the paragraph. A ‘ before a digit or an elision (‘em, ‘til) is
an apostrophe typed the wrong way round; a ‘ in a closing position ("the
Message ‘,") is a closing mark typed the wrong way round. Neither opens a quote.

News style continues a quote into the next paragraph by leaving it open and
opening the next paragraph with a quotation mark: a quote left open at the end
of a paragraph is not reported when the next paragraph that holds a quotation
mark of its kind starts with one, up to `continuation_gap` quote-free
paragraphs later (an embedded post's caption can sit in between).

Parameters:
  double                  check double quotes (default: true)
  single                  check opening single quotes ‘ (default: true)
  continue_across_blocks  allow the news-style continued quote (default: true)
  continuation_gap        quote-free paragraphs allowed before the continuation (default: 2)
  elisions                words a leading apostrophe may shorten (default: em, til, cause, ...)

The message may use {match} (the mark) and {problem} ("is not closed in this
paragraph" or "has no matching opening mark").

fails:  '“We will win, he said.', 'We will win,” he said.'
passes: '“We will win,” he said.', 'The ’90s were O’Brien’s years.'
"""
from __future__ import annotations

import re

from ..params import Param
from ._text import first_nonspace, format_message
from .base import Rule

UNCLOSED = "is not closed in this paragraph"
UNOPENED = "has no matching opening mark"

# Two single marks typed for a double one (’’ for ”, AP wire style) count as one double mark.
_DOUBLE = re.compile("’’|‘‘|''|``|[\"“”„]")
_SINGLE = re.compile("[‘’']")
_OPENS_BEFORE = "([{—–-/‘“„'\""  # a quote after these (or a space) opens
_CLOSES_AFTER = ".,;:!?)]}—–-…’”'\""  # a quote before these (or a space) closes
_PUNCTUATION_AFTER = ".,;:!?)]}…"  # a mark before these never opens, even after a space
_QUOTE_START = set('"“”„‘\'`')
_ELISIONS = ["em", "til", "cause", "cos", "tis", "twas", "bout", "round", "n", "s", "nuff", "ello"]


def _role(text: str, start: int, end: int) -> str:
    """'open', 'close' or 'either' for the quotation mark at text[start:end]."""
    prev = text[start - 1] if start > 0 else " "
    nxt = text[end] if end < len(text) else " "
    opens = ((prev.isspace() or prev in _OPENS_BEFORE)
             and not nxt.isspace() and nxt not in _PUNCTUATION_AFTER)
    closes = not prev.isspace() and (nxt.isspace() or nxt in _CLOSES_AFTER)
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    glyph = text[start:end]
    return "open" if glyph in ("“", "„", "‘‘", "``") else "close" if glyph in ("”", "’’") else "either"


def double_problems(text: str) -> list[tuple[int, int, str]]:
    stack: list[tuple[int, int]] = []
    found = []
    for m in _DOUBLE.finditer(text):
        i, j = m.span()
        if m.group() == '"' and i > 0 and text[i - 1].isdigit() and not stack:
            continue  # an inch mark: a 12" pizza, 70"+ sets
        role = _role(text, i, j)
        if role == "either":
            role = "close" if stack else "open"
        if role == "open":
            stack.append((i, j))
        elif stack:
            stack.pop()
        else:
            found.append((i, j, UNOPENED))
    found.extend((i, j, UNCLOSED) for i, j in stack)
    return found


class Quotes(Rule):
    PARAMS = {
        "double": Param("bool", True, "Check double quotation marks."),
        "single": Param("bool", True, "Check single quotation marks."),
        "continue_across_blocks": Param("bool", True, "A quotation may run on into the next paragraphs."),
        "continuation_gap": Param("int", 2, "Paragraphs a continued quotation may span.", minimum=0),
        "elisions": Param("strings", _ELISIONS, "Words an opening ‘ may elide the start of (‘til, ‘em)."),
    }

    def setup(self) -> None:
        words = "|".join(re.escape(w) for w in self.params["elisions"])
        self._apostrophe = re.compile(rf"‘(?:\d|(?:{words})\b)", re.IGNORECASE)

    def single_problems(self, text: str) -> list[tuple[int, int, str]]:
        """Opening ‘ with no ’ after it. Any ’ or ' may close (it may be an apostrophe:
        we can't tell, so we assume the kinder reading); a ‘ in a closing position
        ("the Message ‘,") is a closing mark typed the wrong way round."""
        if "‘" not in text:
            return []
        doubled = set()
        for m in _DOUBLE.finditer(text):
            if len(m.group()) == 2:
                doubled.update((m.start(), m.start() + 1))
        stack: list[int] = []
        for m in _SINGLE.finditer(text):
            i = m.start()
            if i in doubled:
                continue
            if m.group() == "‘" and not self._apostrophe.match(text, i) and _role(text, i, i + 1) == "open":
                stack.append(i)
            elif stack and (m.group() != "‘" or _role(text, i, i + 1) != "open"):
                stack.pop()
        return [(i, i + 1, UNCLOSED) for i in stack]

    def check(self, doc, ctx):
        blocks = doc.blocks
        for n, block in enumerate(blocks):
            text = block.text
            found = []
            if self.params["double"]:
                found.extend(double_problems(text))
            if self.params["single"]:
                found.extend(self.single_problems(text))
            if not found:
                continue
            found.sort()
            if self.params["continue_across_blocks"]:
                found = self._drop_continued(found, text, blocks[n + 1:n + 2 + int(self.params["continuation_gap"])])
            for i, j, problem in found:
                s, e = block.source_span(i, j)
                yield self.diagnostic(s, e, format_message(self.spec.message, match=text[i:j], problem=problem))

    @staticmethod
    def _drop_continued(found, text: str, following):
        """The last quote left open continues when the next paragraph with a
        quotation mark of its kind (within a few quote-free paragraphs, such as an
        embedded post's caption) opens with one."""
        for single in (False, True):
            opened = [k for k, (i, _, p) in enumerate(found) if p == UNCLOSED and (text[i] == "‘") == single]
            if not opened:
                continue
            for block in following:
                if not (("‘" in block.text) if single else _DOUBLE.search(block.text)):
                    continue
                start = first_nonspace(block.text)
                if start in _QUOTE_START and (start in "‘'") == single or (
                        not single and block.text.lstrip()[:2] in ("‘‘", "''", "``")):
                    found = found[:opened[-1]] + found[opened[-1] + 1:]
                break
        return found
