"""Evidence from HTML structure: residue announces itself in the markup.

A block read from HTML carries its element chain ("body>div#main>aside.related>ul>li");
<nav>, <footer>, class names such as share, related or newsletter say what the
block is, whatever its words. The chain-to-kind rules are data
(rules/boilerplate/html-context.txt).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..datafile import DataFileError, compile_pattern, read_lines
from ..rule_files import bundled_rules_dir


@lru_cache(maxsize=2)
def load_context_rules(path: str | None = None) -> tuple[tuple[str, re.Pattern], ...]:
    """(kind, pattern) per line of html-context.txt: KIND, a tab, a regular expression."""
    p = path or str(bundled_rules_dir() / "boilerplate" / "html-context.txt")
    rules = []
    for line in read_lines(p).lines:
        kind, sep, pattern = line.text.partition("\t")
        if not sep:
            raise DataFileError(line.where, "expected KIND<tab>PATTERN")
        rules.append((kind.strip(), compile_pattern(pattern, line.where)))
    return tuple(rules)


# A page's blocks share a few element chains, and a chain can be 500 elements long:
# each distinct chain is matched once.
@lru_cache(maxsize=8192)
def context_kind(context: str, rules: tuple[tuple[str, re.Pattern], ...]) -> str | None:
    """The kind the element chain marks, if any."""
    if not context:
        return None
    for kind, rx in rules:
        if rx.search(context):
            return kind
    return None
