"""Small helpers the prose rule types share: phrase patterns, messages, safe fixes."""
from __future__ import annotations

import re

from ..finding import Fix, TextEdit
from ..document import Block
from ..params import Param
from ..patterns import IGNORECASE, GuardedPattern, PatternError, compile_pattern, guarded, rule_where, warn
from ..text import match_case  # noqa: F401  (substitution imports it from here)


# Parameters of the types that match phrases or patterns (existence, substitution),
# declared once: matching in any case, and the matches a rule file leaves out.
IGNORECASE_PARAM = Param("bool", True, "Match in any case.")
LEAVE_OUT_PARAMS = {
    "exceptions": Param("strings", [], "Regular expressions: a match inside one is not reported."),
    "skip_quotations": Param("bool", None, "Skip matches inside direct quotations (unset: yes for "
                             "style rules).", optional=True),
}
# For the regular expressions of a rule: what every match contains, tested before the
# patterns are compiled or run (most blocks hold none of it).
SCREEN_PARAM = Param("strings", [], "Strings of which every match of the regular expressions contains one, "
                     "as written (case counts); a block with none of them is not searched with them, "
                     "and they are compiled only when a block has one.")


# A paragraph with more problems of one kind than this is not prose (code, a pasted table,
# a corrupt file): one finding each was 400,000 findings for 400 KB of "(". The last one
# reported says how many more there are.
MAX_PER_PARAGRAPH = 10


def more_in_paragraph(found: int, what: str) -> str:
    """The note on a paragraph's last reported finding when `found` exceeds the limit."""
    return f" ({found - MAX_PER_PARAGRAPH:,} more {what} in this paragraph are not reported)"


def screened(screen, text: str) -> bool:
    """Whether `text` may hold a match: it contains one of `screen` (or there is no screen)."""
    return not screen or any(s in text for s in screen)


class _KeepUnknown(dict):
    def __missing__(self, key):
        return "{" + key + "}"


# The most of a quoted value a message shows: a message is read by a person, the finding's
# span says where the text is (a token of a million letters was printed whole, in every
# output format).
MAX_QUOTED = 80


def _quoted(value):
    if isinstance(value, str) and len(value) > MAX_QUOTED:
        return value[:MAX_QUOTED - 1] + "…"
    return value


def format_message(template: str, **values) -> str:
    """`template` with {name} placeholders filled; unknown placeholders stay as written,
    so a typo in a rule file's message shows up in the output instead of crashing the run.
    A text value longer than MAX_QUOTED characters is cut, with an ellipsis."""
    try:
        return template.format_map(_KeepUnknown({k: _quoted(v) for k, v in values.items()}))
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


def compile_phrases(phrases, ignorecase: bool, rule=None, name: str = "tokens") -> PhrasePattern | None:
    """One alternation for a list of literal phrases, longest first (so the longest wins)."""
    items = sorted({p for p in phrases if p.strip()}, key=len, reverse=True)
    if not items:
        return None
    where = f"{rule.spec.path}: rule {rule.id}, parameter '{name}'" if rule is not None else "phrases"
    return PhrasePattern("|".join(f"(?:{phrase_regex(p)})" for p in items), ignorecase, where, items)


class PhrasePattern:
    """The alternation of literal phrases, compiled (under the time guard) when a text first
    may hold one of them. A text holds one only if, with its runs of whitespace read as one
    space (and in lower case, when case is ignored), it contains the phrase so written: most
    blocks contain none, so most runs never compile the alternation nor import `regex`.

    The test is made only on ASCII text against ASCII phrases, where it is exact: Unicode
    case folding matches letters that lower() does not ("\u212a", the Kelvin sign, and
    "k"), so any other text is searched as before."""

    __slots__ = ("_source", "_flags", "_where", "_shown", "_rx", "_needles", "_lower")

    def __init__(self, source: str, ignorecase: bool, where: str, phrases: list[str] | None,
                 shown: str = "(phrases)"):
        """`source`: the alternation, each branch a phrase of `phrases` with its words joined by
        \\s+ and look-arounds at its ends, and nothing else; phrases=None: no test."""
        self._source = source
        self._flags = IGNORECASE if ignorecase else 0
        self._where, self._shown = where, shown
        self._rx: GuardedPattern | None | bool = False  # False: not compiled yet
        self._lower = ignorecase
        needles = [" ".join(p.split()) for p in phrases or ()]
        self._needles = None
        if phrases is not None and all(n.isascii() for n in needles):
            self._needles = tuple(n.lower() for n in needles) if ignorecase else tuple(needles)

    def may_match(self, text: str) -> bool:
        if self._needles is None or not text.isascii():
            return True
        flat = _flat(text, self._lower)
        return any(n in flat for n in self._needles)

    def finditer(self, text: str) -> list:
        if not self.may_match(text):
            return []
        if self._rx is False:
            self._rx = guarded(self._source, self._flags, self._where, shown=self._shown)
        return self._rx.finditer(text) if self._rx is not None else []


# (text, lower, its flat form) of the last block: the rules of a block share it. One tuple,
# read and replaced whole, so that threads (the editor's server) never mix two blocks' parts.
_last_flat: list = [None]


def _flat(text: str, lower: bool) -> str:
    cached = _last_flat[0]
    if cached is None or cached[0] is not text or cached[1] != lower:
        flat = " ".join(text.split())
        cached = _last_flat[0] = (text, lower, flat.lower() if lower else flat)
    return cached[2]


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
