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
    }

    def setup(self) -> None:
        flags = IGNORECASE if self.params["ignorecase"] else 0
        self._groups = []
        for group in self.params["groups"]:
            styles = [(name, guarded_one(self, "groups", rx, flags)) for name, rx in group.items()]
            self._groups.append([(name, rx) for name, rx in styles if rx is not None])

    def check(self, doc, ctx):
        for group in self._groups:
            # style -> [count, (block, match) of the first occurrence, order first seen]
            seen: dict[str, list] = {}
            order = 0
            for block in doc.blocks:
                for name, rx in group:
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
