"""quotes: quotation marks opened and never closed, or closed and never opened,
within one paragraph.

Double quotes are paired by position, not only by glyph (see quotations.py),
so scraped copy's ”Bird flu...” still balances; double quotes may nest, and a
straight " right after a digit with no quote open is an inch mark.

Single quotes are mostly apostrophes (O’Brien, ’90s, rock ’n’ roll, the
students’ union), so only an opening ‘ is checked: it is reported when no ’ or
' follows it in the paragraph. A ‘ before a digit or an elision (‘em, ‘til) is
an apostrophe typed the wrong way round; a ‘ in a closing position ("the
Message ‘,") is a closing mark typed the wrong way round. Neither opens a quote.

News style continues a quote into the next paragraph by leaving it open and
opening the next paragraph with a quotation mark: a quote left open at the end
of a paragraph is not reported when the next paragraph that holds a quotation
mark of its kind starts with one, up to `continuation_gap` quote-free
paragraphs later (an embedded post's caption can sit in between). Exports
that join those paragraphs into one line (or put one per line with no blank
line between) leave the same convention inside one block: a mark that opens a
new sentence while a quote of its kind is open ('... late. "Then we won."')
continues that quote (`joined_paragraphs`).

Parameters:
  double                  check double quotes (default: true)
  single                  check opening single quotes ‘ (default: true)
  continue_across_blocks  allow the news-style continued quote (default: true)
  continuation_gap        quote-free paragraphs allowed before the continuation (default: 2)
  joined_paragraphs       allow the continued quote inside one block, where paragraphs
                          were joined into a line (default: true)
  elisions                words a leading apostrophe may shorten (default: em, til, cause, ...)

The message may use {match} (the mark) and {problem} ("is not closed in this
paragraph" or "has no matching opening mark"). A paragraph with more than ten
problems is not prose: its first ten are reported, the tenth saying how many more.

fails:  '“We will win, he said.', 'We will win,” he said.'
passes: '“We will win,” he said.', 'The ’90s were O’Brien’s years.'
"""
from __future__ import annotations

import re

from ..params import Param
from ._text import MAX_PER_PARAGRAPH, first_nonspace, format_message, more_in_paragraph
from .base import Rule
from .quotations import DOUBLE as _DOUBLE, SINGLE as _SINGLE, Pairing, role as _role, starts_sentence

UNCLOSED = "is not closed in this paragraph"
UNOPENED = "has no matching opening mark"

_QUOTE_START = set('"“”„‘\'`')
_ELISIONS = ["em", "til", "cause", "cos", "tis", "twas", "bout", "round", "n", "s", "nuff", "ello"]


def double_problems(text: str, joined_paragraphs: bool = True) -> list[tuple[int, int, str]]:
    p = Pairing(text, joined_paragraphs)
    return [(i, j, UNOPENED) for i, j in p.unopened] + [(i, j, UNCLOSED) for i, j in p.unclosed]


class Quotes(Rule):
    PARAMS = {
        "double": Param("bool", True, "Check double quotation marks."),
        "single": Param("bool", True, "Check single quotation marks."),
        "continue_across_blocks": Param("bool", True, "A quotation may run on into the next paragraphs."),
        "continuation_gap": Param("int", 2, "Paragraphs a continued quotation may span.", minimum=0),
        "joined_paragraphs": Param("bool", True, "A quotation may run on into a paragraph joined onto "
                                   "the same line (a mark opening a sentence continues it)."),
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
        doubled = _doubled_singles(text)
        stack: list[int] = []
        for m in _SINGLE.finditer(text):
            i = m.start()
            if i in doubled:
                continue
            opens = m.group() == "‘" and _role(text, i, i + 1) == "open"
            if opens and not self._apostrophe.match(text, i):
                if stack and self.params["joined_paragraphs"] and starts_sentence(text, i):
                    stack.pop()  # a quote continued into a joined paragraph
                stack.append(i)
            elif stack and not opens:
                stack.pop()
        return [(i, i + 1, UNCLOSED) for i in stack]

    def _problems(self, text: str) -> list[tuple[int, int, str]]:
        found = []
        if self.params["double"]:
            found.extend(double_problems(text, bool(self.params["joined_paragraphs"])))
        if self.params["single"]:
            found.extend(self.single_problems(text))
        found.sort()
        return found

    def check(self, doc, ctx):
        blocks = doc.blocks
        found = [self._problems(block.text) for block in blocks]
        if self.params["continue_across_blocks"]:
            gap = int(self.params["continuation_gap"])
            for n, block in enumerate(blocks):
                if found[n]:
                    found[n] = self._drop_continued(found[n], block.text, blocks[n + 1:n + 2 + gap])
            _join_broken_paragraphs(blocks, found, gap)
        for block, problems in zip(blocks, found):
            for n, (i, j, problem) in enumerate(problems[:MAX_PER_PARAGRAPH], 1):
                s, e = block.source_span(i, j)
                message = format_message(self.spec.message, match=block.text[i:j], problem=problem)
                if n == MAX_PER_PARAGRAPH and len(problems) > n:
                    message += more_in_paragraph(len(problems), "unbalanced quotation marks")
                yield self.finding(s, e, message)

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


def _doubled_singles(text: str) -> set[int]:
    """Offsets of the single marks that are half of a doubled one (‘‘ or ’’ for “ or ”)."""
    doubled = set()
    for m in _DOUBLE.finditer(text):
        if len(m.group()) == 2:
            doubled.update((m.start(), m.start() + 1))
    return doubled


def _join_broken_paragraphs(blocks, found, gap: int) -> None:
    """A paragraph that stops mid-sentence ("... the role they took, i.e. like an")
    was broken by an export, not ended: a double quote left open there is closed by
    the first closing mark with no opening in the next block that has a double
    mark, when the text resumes in lower case. Both marks are dropped."""
    for n, block in enumerate(blocks):
        last = _open_at_break(block.text, found[n])
        if last is None:
            continue
        closing = _closing_after_break(blocks, found, n + 1, min(len(blocks), n + 2 + gap))
        if closing is not None:
            m, k = closing
            del found[m][k]
            del found[n][last]


def _open_at_break(text: str, problems) -> int | None:
    """Which of `problems` is the block's last open double quote, when no quote is left
    open after it and the block stops mid-sentence (on a letter, a digit or a comma)."""
    last = next((k for k in range(len(problems) - 1, -1, -1)
                 if problems[k][2] == UNCLOSED and text[problems[k][0]] != "‘"), None)
    if last is None or problems[last][0] != max(i for i, _, p in problems if p == UNCLOSED):
        return None
    tail = text.rstrip()
    if not tail or not (tail[-1].isalnum() or tail[-1] == ","):
        return None
    return last


def _closing_after_break(blocks, found, start: int, stop: int) -> tuple[int, int] | None:
    """(block, problem) of the unopened closing mark that is the first double mark of the
    next block with one (blocks[start:stop]), when the text resumes there in lower case.
    A block with no double mark is passed over only when it resumes in lower case too."""
    for m in range(start, stop):
        text = blocks[m].text
        first = _DOUBLE.search(text)
        resumes = text.lstrip()[:1].islower()
        if first is None:
            if not resumes:
                return None
            continue
        k = next((k for k, (i, _, p) in enumerate(found[m]) if i == first.start() and p == UNOPENED), None)
        return (m, k) if resumes and k is not None else None
    return None
