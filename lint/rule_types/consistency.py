"""consistency: two styles of the same thing used in one article (Vale's `consistency`),
e.g. straight and curly quotes, "e-mail" and "email".

Each group names its styles, each a regular expression. When an article uses
more than one style of a group, the rule reports once per minority style, at its
first occurrence, with the counts: the majority style is taken as the article's
choice (on a tie, the style seen first).

Parameters:
  groups      list of tables, each style name -> regular expression (one that
              doesn't compile or runs out of time is skipped with a warning)
  ignorecase  match regardless of case (default: false)
  screens     list of tables, one per group: style name -> characters of which every
              match of the style holds one, as written (case counts): a block with
              none of them is not searched for that style, and its pattern is
              compiled (and checked) only when a block has one (default: none)

The message may use {match} (the text at the finding), {style} and {count} (the
minority style and how often it occurs) and {other} and {other_count} (the majority).

    id = "typography.mixed-quotes"
    type = "consistency"
    message = "{style} quotes mixed with {other} quotes in this article ({count} vs {other_count})."
    [params]
    groups = [ { straight = '"', curly = "[“”]" } ]

fails:  '“One,” he said. "Two," she said. “Three.”'
passes: '“One,” he said. “Two,” she said.'
"""
from __future__ import annotations

from ..params import Param
from ..patterns import IGNORECASE
from ._text import format_message, guarded_one
from .base import Rule


class Consistency(Rule):
    PARAMS = {
        "groups": Param("string-tables", [], "Each table: style name = pattern; mixing styles is reported."),
        "ignorecase": Param("bool", False, "Match the patterns in any case."),
        "screens": Param("string-tables", [], "One table per group: style name = characters of which every "
                         "match holds one (case counts); a block with none is not searched for the style, "
                         "whose pattern is compiled only when a block has one."),
    }

    def setup(self) -> None:
        flags = IGNORECASE if self.params["ignorecase"] else 0
        screens = self.params["screens"]
        self._groups = []
        for k, group in enumerate(self.params["groups"]):
            screen = screens[k] if k < len(screens) else {}
            styles = [_Style(self, name, rx, flags, screen.get(name)) for name, rx in group.items()]
            self._groups.append([s for s in styles if not s.broken])

    def check(self, doc, ctx):
        for group in self._groups:
            # style -> [count, (block, match) of the first occurrence, order first seen]
            seen: dict[str, list] = {}
            order = 0
            for block in doc.blocks:
                for style in group:
                    rx = style.pattern(block.text)
                    if rx is None:
                        continue
                    name = style.name
                    for m in rx.finditer(block.text):
                        if m.end() == m.start():
                            continue
                        entry = seen.get(name)
                        if entry is None:
                            seen[name] = [1, block, m, (block.start, m.start(), order)]
                            order += 1
                        else:
                            entry[0] += 1
            if len(seen) < 2:
                continue
            ranked = sorted(seen.items(), key=lambda kv: (-kv[1][0], kv[1][3]))
            major, (major_count, *_rest) = ranked[0]
            for name, (count, block, m, _) in ranked[1:]:
                s, e = block.source_span(m.start(), m.end())
                yield self.finding(s, e, format_message(
                    self.spec.message, match=m.group(0), style=name, count=count,
                    other=major, other_count=major_count),
                    data={"count": count, "other_count": major_count})


_PENDING = object()  # a screened style's pattern, not compiled yet


class _Style:
    """One style of a group: its pattern, compiled at setup, or (with a screen) when the first
    block holding one of the screen's characters is searched."""

    __slots__ = ("name", "_rule", "_source", "_flags", "_screen", "_rx")

    def __init__(self, rule, name: str, source: str, flags: int, screen: str | None):
        self.name, self._rule, self._source, self._flags = name, rule, source, flags
        self._screen = screen
        self._rx = _PENDING if screen else guarded_one(rule, "groups", source, flags)

    @property
    def broken(self) -> bool:
        """Its pattern does not compile (a warning said so): the style is left out."""
        return self._rx is None

    def pattern(self, text: str):
        """The compiled pattern to search `text` with; None when `text` holds none of the
        screen's characters (or the pattern does not compile)."""
        if self._screen and not any(c in text for c in self._screen):
            return None
        if self._rx is _PENDING:
            self._rx = guarded_one(self._rule, "groups", self._source, self._flags)
        return self._rx
