"""Phrase knowledge: which whole lines are residue of which kind.

The patterns are data, in `rules/boilerplate/phrases/<kind>.txt`, one regular
expression per line. Each is matched against the *whole* line after
`normalize()`, case-insensitively (a pattern can ask for case with `(?-i:...)`).
Matching whole lines is what keeps prose safe: "Share" alone is a button,
"Share prices fell" is news. A pattern written after "~" is weak: "Facebook"
alone is a share button next to "Twitter" and "Email", and content in a list of
platforms, so a weak match counts only beside other residue.
"""
from __future__ import annotations

import re
import re._constants as _c
import re._parser as _sre
from functools import lru_cache
from pathlib import Path

from ..rulespec import bundled_rules_dir

# Kinds whose phrase file is named differently from the rule id's suffix.
FILE_KIND = {"related": "related-headline"}

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"',
                         "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u200b": ""})
# Bullets, arrows, pipes and punctuation that decorate buttons and menu items.
_EDGE = " \t\"'`.,;:!?*•·▪▸►▶◀◄→←↑↓⇒»«›‹|/\\-–—_~=+#>()[]{}…↗↘➔➜✓✔❯❮"
_SPACES = re.compile(r"\s+")


def normalize(text: str) -> str:
    text = _SPACES.sub(" ", text.translate(_QUOTES))
    return text.strip(_EDGE)


class Lexicon:
    """Compiled phrase patterns, one alternation per kind."""

    def __init__(self, patterns: dict[str, list[str]], sentence_kinds: frozenset = frozenset()):
        self.kinds = tuple(patterns)
        self._names = {f"k{i}": kind for i, kind in enumerate(patterns)}
        self._items = [(name, p.startswith("~"), p.removeprefix("~"), kind in sentence_kinds)
                       for (name, kind), items in zip(self._names.items(), patterns.values()) for p in items]
        self._by_first: dict[tuple[str, bool], re.Pattern | None] = {}

    def match(self, norm: str, sentence: bool = False) -> tuple[str | None, bool]:
        """(kind, weak) of the first kind whose patterns match the whole normalised line.
        A `sentence` (a line of prose) is tried only against kinds that can be sentences."""
        if not norm:
            return None, False
        first = norm[0].lower()
        if not (first.isascii() and first.isalnum()):
            first = ""  # one shared bucket for lines that open with a symbol or a non-ASCII letter
        key = (first, sentence)
        if key not in self._by_first:
            self._by_first[key] = self._compile_for(first, sentence)
        compiled = self._by_first[key]
        m = compiled.fullmatch(norm) if compiled is not None else None
        if m is None:
            return None, False
        name = m.lastgroup
        return self._names[name.lstrip("w")], name.startswith("w")

    def _compile_for(self, first: str, sentence: bool) -> re.Pattern | None:
        """The patterns that can match a line starting with `first`, as one regular
        expression with a named group per kind ("w" + name for weak patterns): a line
        costs one match, and the leftmost alternative wins (strong before weak, kinds in
        KIND_ORDER). Splitting by first character keeps each expression small."""
        groups: dict[str, list[str]] = {}
        for weak in (False, True):  # strong patterns first: they win over weak ones
            for name, w, p, can_be_sentence in self._items:
                if w == weak and (can_be_sentence or not sentence) and _may_start_with(p, first):
                    groups.setdefault("w" + name if weak else name, []).append(p)
        if not groups:
            return None
        body = "|".join(f"(?P<{name}>" + "|".join(f"(?:{p})" for p in items) + ")"
                        for name, items in groups.items())
        return re.compile(body, re.IGNORECASE)


@lru_cache(maxsize=None)
def _first_chars(pattern: str) -> frozenset | None:
    """Lower-case characters a match of `pattern` can start with; None when any can."""
    try:
        return _first_of(_sre.parse(pattern).data)
    except Exception:  # an unusual construct: try the pattern on every line
        return None


def _first_of(nodes) -> frozenset | None:
    chars: set[str] = set()
    for op, arg in nodes:
        if op is _c.LITERAL:
            return frozenset(chars | {chr(arg).lower()})
        if op is _c.IN:
            got = _charset(arg)
            return None if got is None else frozenset(chars | got)
        if op is _c.SUBPATTERN:
            got = _first_of(arg[-1])
            if got is None:
                return None
            chars |= got
            if not _may_be_empty(arg[-1]):
                return frozenset(chars)
            continue
        if op is _c.BRANCH:
            for alt in arg[1]:
                got = _first_of(alt)
                if got is None:
                    return None
                chars |= got
            if not any(_may_be_empty(alt) for alt in arg[1]):
                return frozenset(chars)
            continue
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            lo, _, sub = arg
            got = _first_of(sub)
            if got is None:
                return None
            chars |= got
            if lo > 0 and not _may_be_empty(sub):
                return frozenset(chars)
            continue
        if op is _c.AT:
            continue
        return None  # ANY, lookarounds, backreferences...
    return None  # the pattern can match the empty string


def _may_be_empty(nodes) -> bool:
    for op, arg in nodes:
        if op is _c.AT:
            continue
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and (arg[0] == 0 or _may_be_empty(arg[2])):
            continue
        if op is _c.SUBPATTERN and _may_be_empty(arg[-1]):
            continue
        if op is _c.BRANCH and any(_may_be_empty(alt) for alt in arg[1]):
            continue
        return False
    return True


def _charset(items) -> set[str] | None:
    out: set[str] = set()
    for op, arg in items:
        if op is _c.LITERAL:
            out.add(chr(arg).lower())
        elif op is _c.RANGE:
            lo, hi = arg
            if hi - lo > 400:
                return None
            out.update(chr(c).lower() for c in range(lo, hi + 1))
        elif op is _c.CATEGORY and arg is _c.CATEGORY_DIGIT:
            out.update("0123456789")
        else:  # NEGATE, other categories: too wide to list
            return None
    return out


def _may_start_with(pattern: str, first: str) -> bool:
    chars = _first_chars(pattern)
    if chars is None:
        return True
    if not first:  # the shared bucket: any pattern that may open with a character outside [a-z0-9]
        return any(not (c.isascii() and c.isalnum()) for c in chars)
    return first in chars


def read_patterns(path: Path) -> list[str]:
    return _read(path)[0]


def _read(path: Path) -> tuple[list[str], bool]:
    """The patterns of a phrase file, and whether it says `#! sentences` (its patterns
    may match a whole sentence of prose, like a cookie notice or an affiliate disclosure)."""
    items, sentences = [], False
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line.strip() == "#! sentences":
                sentences = True
                continue
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            try:
                re.compile(line.removeprefix("~"))
            except re.error as e:
                raise ValueError(f"{path}:{n}: bad pattern: {e}") from None
            items.append(line)
    return items, sentences


# Order matters when a line fits two kinds: the more specific kind wins.
KIND_ORDER = ("legal", "advertisement", "subscribe", "share", "credit", "byline", "tags",
              "related-headline", "navigation", "widget")


@lru_cache(maxsize=4)
def load_lexicon(directory: str | None = None) -> Lexicon:
    base = Path(directory) if directory else bundled_rules_dir() / "boilerplate" / "phrases"
    found: dict[str, list[str]] = {}
    sentence_kinds = set()
    for path in sorted(base.glob("*.txt")):
        kind = FILE_KIND.get(path.stem, path.stem)
        found[kind], sentences = _read(path)
        if sentences:
            sentence_kinds.add(kind)
    ordered = {k: found.pop(k) for k in KIND_ORDER if k in found}
    ordered.update(found)  # kinds an editor added, after the bundled ones
    return Lexicon(ordered, frozenset(sentence_kinds))
