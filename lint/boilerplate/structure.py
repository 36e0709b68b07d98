"""Evidence from HTML structure: residue announces itself in the markup.

A block read from HTML carries its element chain ("body>div#main>aside.related>ul>li");
<nav>, <footer>, class names such as share, related or newsletter say what the
block is, whatever its words. The chain-to-kind rules are data
(rules/boilerplate/html-context.txt).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..rule_files import bundled_rules_dir


@lru_cache(maxsize=2)
def load_context_rules(path: str | None = None) -> tuple[tuple[str, re.Pattern], ...]:
    p = path or str(bundled_rules_dir() / "boilerplate" / "html-context.txt")
    rules = []
    with open(p, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip() or line.startswith("#"):
                continue
            kind, sep, pattern = line.rstrip("\n").partition("\t")
            if not sep:
                raise ValueError(f"{p}:{n}: expected KIND<tab>PATTERN")
            rules.append((kind.strip(), re.compile(pattern, re.IGNORECASE)))
    return tuple(rules)


def context_kind(context: str, rules) -> str | None:
    """The kind the element chain marks, if any."""
    if not context:
        return None
    for kind, rx in rules:
        if rx.search(context):
            return kind
    return None
