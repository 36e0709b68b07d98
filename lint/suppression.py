"""Suppression comments, applied by the engine to every rule's findings.

    <!-- edlint-disable RULE[, RULE...] -->     off from here (no RULE: every rule)
    <!-- edlint-enable RULE[, RULE...] -->      on again (no RULE: every rule)
    <!-- edlint-disable-next-line RULE -->     off for the next line that has text

RULE may be a full id (`spelling.unknown-word`) or a category (`spelling`).
"""
from __future__ import annotations

from .document import Directive, LineIndex
from .text import names_rule


def _covers(rules: tuple[str, ...], rule_id: str) -> bool:
    return not rules or any(names_rule(r, rule_id) for r in rules)


class Suppressions:
    """Replays the disable/enable comments before a finding, in order: the last one that
    covers the finding's rule decides, so "disable everything, enable one rule" works."""

    def __init__(self, directives: list[Directive], source: str, lines: LineIndex):
        self._events: list[tuple[int, bool, tuple[str, ...]]] = []  # (offset, disabled?, rules)
        self._next_lines: list[tuple[int, tuple[str, ...]]] = []  # (line, rules)
        for d in sorted(directives, key=lambda d: d.start):
            if d.action == "disable-next-line":
                self._next_lines.append((self._next_text_line(d.end, source, lines), d.rules))
            else:
                self._events.append((d.end if d.action == "disable" else d.start, d.action == "disable", d.rules))

    @staticmethod
    def _next_text_line(offset: int, source: str, lines: LineIndex) -> int:
        line, _ = lines.position(offset)
        n = lines.line_count
        for ln in range(line + 1, n + 1):
            s = lines.line_start(ln)
            e = lines.line_start(ln + 1) if ln < n else len(source)
            if source[s:e].strip():
                return ln
        return line + 1

    def __bool__(self) -> bool:
        return bool(self._events or self._next_lines)

    def suppressed(self, rule_id: str, start: int, line: int) -> bool:
        disabled = False
        for offset, disable, rules in self._events:
            if offset > start:
                break
            if _covers(rules, rule_id):
                disabled = disable
        if disabled:
            return True
        return any(ln == line and _covers(rules, rule_id) for ln, rules in self._next_lines)
