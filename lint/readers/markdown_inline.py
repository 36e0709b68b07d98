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
        self._label_state = None  # markdown-it's inline state over the content, made on first use

    def find(self, needle: str) -> int:
        p = self.content.find(needle, self.cursor)
        # Not found (the walker and markdown-it disagree on a span): the cursor, but never
        # past the end, where no position is mapped (an IndexError on hostile markup).
        return min(self.cursor, len(self.content)) if p < 0 else p

    def walk(self, children) -> int:
        i = 0
        n = len(children)
        while i < n:
            typ = children[i].type
            handler = _HANDLERS.get(typ)
            after = handler(self, children, i) if handler is not None else i + 1
            if typ != "html_inline":
                self.drop_space = False
            i = after
        return self.link_chars

    # One handler per kind of child: each takes the children and the index of its own,
    # and returns the index of the next child to walk.
    def _text(self, children, i: int) -> int:
        t = children[i]
        p = self.find(t.content)
        self.cursor = p + len(t.content)
        if self.drop_space and t.content.startswith(" "):
            self.text(t.content[1:], p + 1)
        else:
            self.text(t.content, p)
        return i + 1

    def _text_special(self, children, i: int) -> int:
        """`\\*` or `&amp;`: replaced over its source form."""
        t = children[i]
        p = self.find(t.markup)
        end = min(p + len(t.markup), len(self.content))
        self.builder.add_replaced(t.content, self.pos[p], self.pos[end])
        self.count(len(t.content))
        self.cursor = end
        return i + 1

    def _break(self, children, i: int) -> int:
        p = self.content.find("\n", self.cursor)
        if p >= 0:
            self.builder.add_replaced(" ", self.pos[p], self.pos[p] + 1)
            self.cursor = p + 1
        else:
            self.builder.add_synthetic(" ")
        return i + 1

    def _code_inline(self, children, i: int) -> int:
        t = children[i]
        p = self.find(t.markup)
        self.placeholder(p, _code_end(self.content, p, len(t.markup)))
        return i + 1

    def _html_inline(self, children, i: int) -> int:
        t = children[i]
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
            after = self._raw_code(children, i, p, end)
            if after is not None:
                return after
        self.cursor = end
        return i + 1

    def _raw_code(self, children, i: int, p: int, end: int) -> int | None:
        """Raw <code>...</code> inside a paragraph: one placeholder, as a code span; the
        index after its closing tag, or None when it has none."""
        n = len(children)
        close = i + 1
        while close < n and not (children[close].type == "html_inline"
                                 and _CODE_CLOSE.match(children[close].content)):
            close += 1
        if close < n:
            q = self.content.find(children[close].content, end)
            if q >= 0:
                self.placeholder(p, q + len(children[close].content))
                return close + 1
        return None

    def _link_open(self, children, i: int) -> int:
        if children[i].info != "auto":
            self.links += 1
            return i + 1
        # An autolink <https://...>: one placeholder, its text skipped.
        p = self.find("<")
        end = self.content.find(">", p) + 1 or len(self.content)
        self.placeholder(p, end)
        n = len(children)
        while i < n and children[i].type != "link_close":
            i += 1
        return i + 1

    def _link_close(self, children, i: int) -> int:
        self.links -= 1
        p = self.find("]")
        self.cursor = self.link_tail(p + 1)
        return i + 1

    def _image(self, children, i: int) -> int:
        """Alt text is not checked; a placeholder keeps the sentence whole."""
        p = self.find("![")
        close = self.label_end(p + 1)
        self.placeholder(p, self.link_tail(close + 1) if close > p else p + 2)
        return i + 1

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
            from markdown_it.helpers import parseLinkTitle

            from .markdown_links import parse_link_destination
            j = _skip_space(s, i + 1)
            if j < n and s[j] != ")":
                dest = parse_link_destination(s, j, n)
                if dest.ok:
                    j = _skip_space(s, dest.pos)
                    title = parseLinkTitle(s, j, n)
                    if title.ok:
                        j = _skip_space(s, title.pos)
            if j < n and s[j] == ")":
                return j + 1
        if i < n and s[i] == "[":
            end = self.label_end(i)
            label = s[i + 1:end]
            if end > i and (not label.strip() or self._is_reference(label)):
                return end + 1
        return i

    def label_end(self, i: int) -> int:
        """Offset of the `]` closing the `[` at content offset i, or -1: found by markdown-it's
        own label scan, so it is the end markdown-it found (code spans, inline HTML and
        autolinks hide brackets), over one inline state per paragraph, whose cache of
        skipped tokens keeps a paragraph of many images linear (a scan of its own from
        each image could run on to the end of the paragraph)."""
        state = self._label_state
        if state is None:
            from markdown_it.rules_inline import StateInline

            from .markdown import _markdown
            state = self._label_state = StateInline(self.content, _markdown(),
                                                    {"references": self.walker.references}, [])
        if not (0 <= i < len(self.content)) or self.content[i] != "[":
            return -1
        return state.md.helpers.parseLinkLabel(state, i, False)

    def _is_reference(self, label: str) -> bool:
        from markdown_it.common.utils import normalizeReference
        return normalizeReference(label) in self.walker.references


_HANDLERS = {
    "text": InlineWalker._text,
    "text_special": InlineWalker._text_special,
    "softbreak": InlineWalker._break,
    "hardbreak": InlineWalker._break,
    "code_inline": InlineWalker._code_inline,
    "html_inline": InlineWalker._html_inline,
    "link_open": InlineWalker._link_open,
    "link_close": InlineWalker._link_close,
    "image": InlineWalker._image,
}


def _skip_space(s: str, i: int) -> int:
    while i < len(s) and s[i] in " \t\n":
        i += 1
    return i


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
