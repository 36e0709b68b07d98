"""markdown-it's link helpers, the same results found faster.

A paragraph dense with brackets and parentheses spends most of markdown-it's
time in two helpers that walk the text one character at a time in Python:
`parseLinkLabel` (to the `]` of every `[`) and `parseLinkDestination` (the
`(...)` after it), 70% of a 1 MB run of markup. markdown-it reads its helpers
from the parser instance (`md.helpers`), so the reader's own parser gets these
versions and no other parser is touched. They give exactly the results of the
originals (tests/readers/test_markdown_links.py compares both on random markup):
the destination is scanned from one special character to the next with a regular
expression, and the label scan takes the inline parser's cache of skipped tokens
directly instead of through a call per character.
"""
from __future__ import annotations

import re
from types import SimpleNamespace

# What ends or nests a destination without angle brackets: spaces, control
# characters, backslash escapes and parentheses. Everything else is skipped at C speed.
_DESTINATION_STOP = re.compile(r"[\x00-\x20\x7f\\()]")
_MAX_NESTING = 32  # markdown-it's limit of nested parentheses in a destination


class _Result:
    """What markdown-it's helpers return: ok, the position after, the string."""

    __slots__ = ("ok", "pos", "str")

    def __init__(self) -> None:
        self.ok = False
        self.pos = 0
        self.str = ""


def link_helpers():
    """A `helpers` namespace for a MarkdownIt instance: markdown-it's, with the two fast ones."""
    from markdown_it import helpers

    return SimpleNamespace(parseLinkLabel=parse_link_label, parseLinkDestination=parse_link_destination,
                           parseLinkTitle=helpers.parseLinkTitle)


def parse_link_destination(string: str, pos: int, maximum: int):
    if pos < maximum and string[pos] == "<":  # <...>: short and rare, markdown-it's own
        from markdown_it.helpers import parseLinkDestination

        return parseLinkDestination(string, pos, maximum)
    maximum = min(maximum, len(string))  # callers pass at most the length: never read past it
    start = pos
    level = 0
    search = _DESTINATION_STOP.search
    while pos < maximum:
        m = search(string, pos, maximum)
        if m is None:
            pos = maximum
            break
        pos = m.start()
        ch = string[pos]
        if ch == "\\" and pos + 1 < maximum:
            if string[pos + 1] == " ":
                break
            pos += 2
            continue
        if ch == "(":
            level += 1
            if level > _MAX_NESTING:
                return _Result()
        elif ch == ")":
            if level == 0:
                break
            level -= 1
        elif ch != "\\":  # a space or a control character (a last backslash is a character)
            break
        pos += 1
    return _destination(string, start, pos, level)


def _destination(string: str, start: int, end: int, level: int):
    from markdown_it.common.utils import unescapeAll

    result = _Result()
    if start == end or level != 0:
        return result
    result.str = unescapeAll(string[start:end])
    result.pos = end
    result.ok = True
    return result


def parse_link_label(state, start: int, disableNested: bool = False) -> int:  # noqa: N803 (markdown-it's name)
    """Offset of the `]` closing the `[` at `start`, or -1; state.pos is left as it was."""
    old_pos = state.pos
    src, maximum, cache = state.src, state.posMax, state.cache
    skip = state.md.inline.skipToken
    pos = start + 1
    level = 1
    while pos < maximum:
        marker = src[pos]
        if marker == "]":
            level -= 1
            if level == 0:
                state.pos = old_pos
                return pos
        after = cache.get(pos)  # what skipToken would answer from its cache, without the call
        if after is None:
            state.pos = pos
            skip(state)
            after = state.pos
        if marker == "[":
            if after == pos + 1:  # a bare `[`, not part of any token
                level += 1
            elif disableNested:
                state.pos = old_pos
                return -1
        pos = after
    state.pos = old_pos
    return -1
