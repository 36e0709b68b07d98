"""Markdown inline content: one inline token's children matched, left to right,
against the token's content, so every character of extracted text keeps its
source offset.

Each child's source form (text, `\\*` escape, `&amp;` entity, code span, link
tail) is the next occurrence after a cursor that only ever moves forward over
markup. Code spans, images, autolinks and bare URLs become one placeholder
character (`offsets.PLACEHOLDER`) over their whole source span; comments become
directives through the block walker (lint/readers/markdown.py).
"""
from __future__ import annotations

import re

from ..document import TextBuilder
from .offsets import PLACEHOLDER, emit

_URL = re.compile(r"(?<![\w/@.])(?:https?://|ftp://|www\.)[^\s<>]*[^\s<>.,;:!?'\")\]}*_]")
_BR = re.compile(r"<br\s*/?>", re.I)
_CODE_OPEN = re.compile(r"<code[\s>]", re.I)
_CODE_CLOSE = re.compile(r"</code\s*>", re.I)


class InlineWalker:
    """Walks one inline token's children against its content, left to right."""

    def __init__(self, walker, content: str, positions: list[int], builder: TextBuilder):
        self.walker = walker
        self.content = content
        self.pos = positions
        self.builder = builder
        self.cursor = 0
        self.links = 0
        self.link_chars = 0
        self.drop_space = False

    def find(self, needle: str) -> int:
        p = self.content.find(needle, self.cursor)
        # Not found (the walker and markdown-it disagree on a span): the cursor, but never
        # past the end, where no position is mapped (an IndexError on hostile markup).
        return min(self.cursor, len(self.content)) if p < 0 else p

    def walk(self, children) -> int:
        i = 0
        n = len(children)
        while i < n:
            t = children[i]
            typ = t.type
            if typ == "text":
                p = self.find(t.content)
                self.cursor = p + len(t.content)
                if self.drop_space and t.content.startswith(" "):
                    self.text(t.content[1:], p + 1)
                else:
                    self.text(t.content, p)
            elif typ == "text_special":  # `\*` or `&amp;`: replaced over its source form
                p = self.find(t.markup)
                end = min(p + len(t.markup), len(self.content))
                self.builder.add_replaced(t.content, self.pos[p], self.pos[end])
                self.count(len(t.content))
                self.cursor = end
            elif typ in ("softbreak", "hardbreak"):
                p = self.content.find("\n", self.cursor)
                if p >= 0:
                    self.builder.add_replaced(" ", self.pos[p], self.pos[p] + 1)
                    self.cursor = p + 1
                else:
                    self.builder.add_synthetic(" ")
            elif typ == "code_inline":
                p = self.find(t.markup)
                end = _code_end(self.content, p, len(t.markup))
                self.placeholder(p, end)
            elif typ == "html_inline":
                p = self.find(t.content)
                end = p + len(t.content)
                if t.content.startswith("<!--") and t.content.endswith("-->"):
                    self.walker.directive(t.content[4:-3], self.pos[p], self.pos[end - 1] + 1)
                    # An invisible comment between two spaces must not leave a double space.
                    self.drop_space = p > 0 and self.content[p - 1] == " "
                elif _BR.match(t.content):
                    if (p > 0 and self.content[p - 1] not in " \n"
                            and end < len(self.content) and self.content[end] not in " \n"):
                        self.builder.add_replaced(" ", self.pos[p], self.pos[end - 1] + 1)
                elif _CODE_OPEN.match(t.content):
                    # Raw <code>...</code> inside a paragraph: one placeholder, as a code span.
                    close = i + 1
                    while close < n and not (children[close].type == "html_inline"
                                             and _CODE_CLOSE.match(children[close].content)):
                        close += 1
                    if close < n:
                        q = self.content.find(children[close].content, end)
                        if q >= 0:
                            self.placeholder(p, q + len(children[close].content))
                            i = close + 1
                            continue
                self.cursor = end
            elif typ == "link_open" and t.info == "auto":
                p = self.find("<")
                end = self.content.find(">", p) + 1 or len(self.content)
                self.placeholder(p, end)
                while i < n and children[i].type != "link_close":
                    i += 1
            elif typ == "link_open":
                self.links += 1
            elif typ == "link_close":
                self.links -= 1
                p = self.find("]")
                self.cursor = self.link_tail(p + 1)
            elif typ == "image":  # alt text is not checked; a placeholder keeps the sentence whole
                p = self.find("![")
                close = _label_end(self.content, p + 1)
                self.placeholder(p, self.link_tail(close + 1) if close > p else p + 2)
            if typ != "html_inline":
                self.drop_space = False
            i += 1
        return self.link_chars

    def count(self, n: int) -> None:
        if self.links:
            self.link_chars += n

    def text(self, text: str, p: int) -> None:
        """Text found at content offset p; bare URLs inside it become placeholders."""
        if not self.content.startswith(text, p):  # never expected: keep the text, map it nowhere
            at = self.pos[min(p, len(self.content))]
            self.builder.add_replaced(text, at, at)
            return
        last = 0
        if "://" in text or "www." in text:
            for m in _URL.finditer(text):
                emit(self.builder, self.content, p + last, p + m.start(), self.pos)
                self.builder.add_replaced(PLACEHOLDER, self.pos[p + m.start()], self.pos[p + m.end()])
                last = m.end()
        emit(self.builder, self.content, p + last, p + len(text), self.pos)
        self.count(len(text))

    def placeholder(self, start: int, end: int) -> None:
        n = len(self.content)  # kept inside the content, even where the walker lost its place
        start, end = min(start, n), min(end, n)
        self.builder.add_replaced(PLACEHOLDER, self.pos[start],
                                  self.pos[end - 1] + 1 if end > start else self.pos[start])
        self.count(1)
        self.cursor = end

    def link_tail(self, i: int) -> int:
        """Content offset after a link's `(destination "title")` or `[label]`, from just
        after its closing bracket."""
        s = self.content
        n = len(s)
        if i < n and s[i] == "(":
            from markdown_it.helpers import parseLinkDestination, parseLinkTitle
            j = _skip_space(s, i + 1)
            if j < n and s[j] != ")":
                dest = parseLinkDestination(s, j, n)
                if dest.ok:
                    j = _skip_space(s, dest.pos)
                    title = parseLinkTitle(s, j, n)
                    if title.ok:
                        j = _skip_space(s, title.pos)
            if j < n and s[j] == ")":
                return j + 1
        if i < n and s[i] == "[":
            end = _label_end(s, i)
            label = s[i + 1:end]
            if end > i and (not label.strip() or self._is_reference(label)):
                return end + 1
        return i

    def _is_reference(self, label: str) -> bool:
        from markdown_it.common.utils import normalizeReference
        return normalizeReference(label) in self.walker.references


def _skip_space(s: str, i: int) -> int:
    while i < len(s) and s[i] in " \t\n":
        i += 1
    return i


def _label_end(s: str, i: int) -> int:
    """Offset of the `]` closing the `[` at s[i] (nested brackets, escapes and code spans),
    or -1."""
    depth = 0
    n = len(s)
    while i < n:
        ch = s[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "`":
            run = 1
            while i + run < n and s[i + run] == "`":
                run += 1
            end = _code_end(s, i, run)
            i = end if end <= n and s[end - run:end] == "`" * run and end > i + run else i + run
            continue
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


def _code_end(s: str, start: int, run: int) -> int:
    """End of the code span whose opening backtick run of length `run` starts at s[start]."""
    i = start + run
    n = len(s)
    while i < n:
        j = s.find("`" * run, i)
        if j < 0:
            return n
        k = j + run
        if (k >= n or s[k] != "`") and s[j - 1] != "`":
            return k
        while k < n and s[k] == "`":
            k += 1
        i = k
    return n
