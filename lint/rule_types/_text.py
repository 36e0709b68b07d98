"""Small helpers the prose rule types share: phrase patterns, messages, safe fixes."""
from __future__ import annotations

import re

from ..finding import Fix, TextEdit
from ..document import Block
from ..patterns import IGNORECASE, GuardedPattern, PatternError, compile_pattern, guarded, rule_where, warn
from ..text import match_case  # noqa: F401  (substitution imports it from here)


class _KeepUnknown(dict):
    def __missing__(self, key):
        return "{" + key + "}"


def format_message(template: str, **values) -> str:
    """`template` with {name} placeholders filled; unknown placeholders stay as written,
    so a typo in a rule file's message shows up in the output instead of crashing the run."""
    try:
        return template.format_map(_KeepUnknown(values))
    except (ValueError, IndexError):  # stray braces in a hand-written message
        return template


def phrase_regex(phrase: str) -> str:
    """A literal phrase as a regex: any run of whitespace (a line break included)
    matches the phrase's spaces, and word boundaries are added only on the sides
    that begin or end with a word character (so "&nbsp;" and ",," work too)."""
    parts = [re.escape(p) for p in phrase.split()]
    body = r"\s+".join(parts)
    if not body:
        return body
    head = r"(?<!\w)" if re.match(r"\w", phrase.strip()) else ""
    tail = r"(?!\w)" if re.search(r"\w$", phrase.strip()) else ""
    return head + body + tail


def compile_phrases(phrases, ignorecase: bool, rule=None, name: str = "tokens") -> GuardedPattern | None:
    """One alternation for a list of literal phrases, longest first (so the longest wins)."""
    items = sorted({p for p in phrases if p.strip()}, key=len, reverse=True)
    if not items:
        return None
    flags = IGNORECASE if ignorecase else 0
    where = f"{rule.spec.path}: rule {rule.id}, parameter '{name}'" if rule is not None else "phrases"
    return guarded("|".join(f"(?:{phrase_regex(p)})" for p in items), flags, where, shown="(phrases)")


def word_bounded(pattern: str) -> str:
    """`pattern` matched only as whole words: no word character just before or after."""
    return rf"(?<!\w)(?:{pattern})(?!\w)"


def guarded_list(rule, name: str, flags: int, wrap=None) -> list[GuardedPattern]:
    """The patterns of parameter `name`, compiled under the time guard (lint/patterns.py);
    one that doesn't compile is left out with a warning naming the rule and its file."""
    out = []
    for pat in rule.params[name]:
        rx = guarded_one(rule, name, pat, flags, wrap)
        if rx is not None:
            out.append(rx)
    return out


def guarded_one(rule, name: str, pattern, flags: int, wrap=None) -> GuardedPattern | None:
    where = rule_where(rule, name, pattern)
    if wrap is not None:
        try:  # compiled as written first, so an error's position is the user's
            compile_pattern(pattern, flags, where)
        except PatternError as e:
            warn(f"{e}; the pattern is skipped")
            return None
        return guarded(wrap(pattern), flags, where, shown=pattern)
    return guarded(pattern, flags, where)


def normalize_phrase(text: str, ignorecase: bool) -> str:
    text = " ".join(text.split())
    return text.lower() if ignorecase else text


def replacement_fix(block: Block, start: int, end: int, replacement: str,
                    description: str = "", safe: bool = True) -> Fix | None:
    """A fix replacing block.text[start:end], or None when that text is not one
    unchanged run of the source (an entity, markup in between): rewriting the
    source there could break it, so such findings get suggestions only."""
    if not block.is_verbatim(start, end):
        return None
    s, e = block.source_span(start, end)
    return Fix((TextEdit(s, e, replacement),), safe=safe, description=description)


def first_nonspace(text: str) -> str:
    stripped = text.lstrip()
    return stripped[:1]
