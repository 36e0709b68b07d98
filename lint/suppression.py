"""Suppression comments, applied by the engine to every rule's findings.

    <!-- edlint-disable RULE[, RULE...] -->     off from here (no RULE: every rule)
    <!-- edlint-enable RULE[, RULE...] -->      on again (no RULE: every rule)
    <!-- edlint-disable-next-line RULE -->     off for the next line that has text

RULE may be a full id (`spelling.unknown-word`) or a category (`spelling`).
"""
from __future__ import annotations

from .document import Directive, LineIndex


def _covers(rules: tuple[str, ...], rule_id: str) -> bool:
    return not rules or any(rule_id == r or rule_id.startswith(r + ".") for r in rules)


class Suppressions:
    def __init__(self, directives: list[Directive], source: str, lines: LineIndex):
        self._ranges: list[tuple[int, int, tuple[str, ...]]] = []  # (start, end, rules)
        self._next_lines: list[tuple[int, tuple[str, ...]]] = []  # (line, rules)
        open_: list[tuple[int, tuple[str, ...]]] = []
        for d in sorted(directives, key=lambda d: d.start):
            if d.action == "disable":
                open_.append((d.end, d.rules))
            elif d.action == "enable":
                still = []
                for start, rules in open_:
                    if not d.rules or set(d.rules) >= set(rules or ("*",)) or rules == d.rules:
                        self._ranges.append((start, d.start, rules))
                    else:
                        still.append((start, rules))
                open_ = still
            else:
                self._next_lines.append((self._next_text_line(d.end, source, lines), d.rules))
        for start, rules in open_:
            self._ranges.append((start, len(source), rules))

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
        return bool(self._ranges or self._next_lines)

    def suppressed(self, rule_id: str, start: int, line: int) -> bool:
        for s, e, rules in self._ranges:
            if s <= start < e and _covers(rules, rule_id):
                return True
        for ln, rules in self._next_lines:
            if ln == line and _covers(rules, rule_id):
                return True
        return False
