"""Small helpers the prose rule types share: phrase patterns, messages, safe fixes."""
from __future__ import annotations

import re

from ..diagnostic import Fix, TextEdit
from ..document import Block


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


def compile_phrases(phrases, ignorecase: bool) -> re.Pattern | None:
    """One alternation for a list of literal phrases, longest first (so the longest wins)."""
    items = sorted({p for p in phrases if p.strip()}, key=len, reverse=True)
    if not items:
        return None
    flags = re.IGNORECASE if ignorecase else 0
    return re.compile("|".join(f"(?:{phrase_regex(p)})" for p in items), flags)


def normalize_phrase(text: str, ignorecase: bool) -> str:
    text = " ".join(text.split())
    return text.lower() if ignorecase else text


def match_case(replacement: str, original: str) -> str:
    """Carry the original's capitalisation over to a replacement ("Added bonus" -> "Bonus")."""
    if not replacement or not original:
        return replacement
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    if original[0].isupper() and replacement[0].islower():
        return replacement[0].upper() + replacement[1:]
    return replacement


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
