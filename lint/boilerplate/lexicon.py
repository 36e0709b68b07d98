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
    """Compiled phrase patterns.

    Speed matters (hundreds of patterns, every line of every article), and Python's
    regex engine tries the alternatives of one big expression one by one. So the
    patterns are split: *anchored* ones (that open with known characters) are
    grouped by the first character they accept, and a line is tried only against
    its group; *floating* ones (that open with a bounded run of any characters,
    `.{0,80}all rights reserved`) are tried only on lines that contain one of the
    literal keywords every match of theirs must contain.
    """

    def __init__(self, patterns: dict[str, list[str]], sentence_kinds: frozenset = frozenset()):
        self.kinds = tuple(patterns)
        self._anchored = []  # (group name, weak, pattern, may match a sentence)
        self._floating = []  # (rank, kind, weak, compiled pattern, keywords, may match a sentence)
        self._names: dict[str, tuple[str, bool, int]] = {}  # group name -> (kind, weak, rank)
        for k, (kind, items) in enumerate(patterns.items()):
            for raw in items:
                weak = raw.startswith("~")
                pattern = raw.removeprefix("~")
                rank = (len(patterns) if weak else 0) + k  # strong before weak, then KIND_ORDER
                name = f"{'w' if weak else 's'}{k}"
                self._names[name] = (kind, weak, rank)
                if _first_chars(pattern) is not None:
                    self._anchored.append((name, weak, pattern, kind in sentence_kinds))
                else:
                    self._floating.append((rank, kind, weak, re.compile(pattern, re.IGNORECASE),
                                           _keywords(pattern), kind in sentence_kinds))
        self._floating.sort(key=lambda f: f[0])
        self._by_first: dict[tuple[str, bool], re.Pattern | None] = {}

    def match(self, norm: str, sentence: bool = False) -> tuple[str | None, bool]:
        """(kind, weak) of the first kind whose patterns match the whole normalised line.
        A `sentence` (a line of prose) is tried only against kinds that can be sentences."""
        if not norm:
            return None, False
        best = self._match_anchored(norm, sentence)
        floating = self._match_floating(norm, sentence)
        if floating is not None and (best is None or floating[2] < best[2]):
            best = floating
        return (best[0], best[1]) if best is not None else (None, False)

    def _match_anchored(self, norm: str, sentence: bool):
        first = norm[0].lower()
        if not (first.isascii() and first.isalnum()):
            first = ""  # one shared group for lines that open with a symbol or a non-ASCII letter
        key = (first, sentence)
        if key not in self._by_first:
            self._by_first[key] = self._compile_for(first, sentence)
        compiled = self._by_first[key]
        m = compiled.fullmatch(norm) if compiled is not None else None
        return self._names[m.lastgroup] if m is not None else None

    def _match_floating(self, norm: str, sentence: bool):
        lowered = norm.lower()
        tokens = None
        for rank, kind, weak, rx, keywords, can_be_sentence in self._floating:
            if sentence and not can_be_sentence:
                continue
            if keywords is not None:
                # Each match contains one of the pattern's keywords: testing for them is far
                # cheaper than the pattern. Whole words are looked up in the line's word set.
                words, pieces = keywords
                if words is not None:
                    if tokens is None:
                        tokens = set(_TOKEN.findall(lowered))
                    if tokens.isdisjoint(words):
                        continue
                elif not any(k in lowered for k in pieces):
                    continue
            if rx.fullmatch(norm):
                return kind, weak, rank
        return None

    def _compile_for(self, first: str, sentence: bool) -> re.Pattern | None:
        """The anchored patterns that can match a line starting with `first`, as one
        expression with a named group per kind and strength; the leftmost alternative
        wins, so strong patterns come first, then kinds in KIND_ORDER."""
        groups: dict[str, list[str]] = {}
        for name, weak, pattern, can_be_sentence in sorted(self._anchored, key=lambda a: self._names[a[0]][2]):
            if (can_be_sentence or not sentence) and _may_start_with(pattern, first):
                groups.setdefault(name, []).append(pattern)
        if not groups:
            return None
        body = "|".join(f"(?P<{name}>" + "|".join(f"(?:{p})" for p in items) + ")"
                        for name, items in groups.items())
        return re.compile(body, re.IGNORECASE)


def _keywords(pattern: str) -> tuple[frozenset | None, tuple[str, ...]] | None:
    """Lower-case literal strings one of which every match of `pattern` contains (and
    whole words standing for them, when there are), or None when no such short list is
    found (the pattern is then always tried)."""
    try:
        nodes = list(_sre.parse(pattern).data)
    except Exception:
        return None
    best = None
    for k, (op, arg) in enumerate(nodes):
        if _may_be_empty([(op, arg)]):
            continue  # optional: not in every match
        words = _literal_run(nodes[k:])
        if words and all(len(w) >= 3 for w in words) and (best is None or len(words) < len(best)):
            best = words  # the shortest list makes the cheapest test
    if not best:
        return None
    return _whole_words(best), tuple(sorted(best))


_TOKEN = re.compile(r"[^\W\d_]+")


def _whole_words(pieces: set[str]) -> frozenset | None:
    """One word per keyword that is sure to stand whole in the line (it has a space on
    both sides inside the keyword), or None when a keyword has no such word."""
    out = set()
    for piece in pieces:
        inner = piece.split(" ")[1:-1]
        inner = [w for w in inner if w and _TOKEN.fullmatch(w)]
        if not inner:
            return None
        out.add(max(inner, key=len))
    return frozenset(out)


def _literal_run(nodes, limit: int = 64) -> set[str] | None:
    """The literal strings a match of `nodes` can open with (cut at the first
    non-literal part), or None when there are too many or none."""
    prefixes = {""}
    for op, arg in nodes:
        if op is _c.AT:  # \\b, ^, $: zero-width
            continue
        if op is _c.LITERAL:
            prefixes = {p + chr(arg).lower() for p in prefixes}
            continue
        if op is _c.SUBPATTERN:
            alternatives = [arg[-1]]
        elif op is _c.BRANCH:
            alternatives = arg[1]
        else:
            break
        options: set[str] = set()
        complete = True
        for alt in alternatives:
            inner = _literal_run(alt, limit)
            if inner is None:
                return None
            options |= inner
            complete = complete and _all_literal(alt)
        prefixes = {p + o for p in prefixes for o in options}
        if len(prefixes) > limit:
            return None
        if not complete:
            break
    prefixes.discard("")
    return prefixes or None


def _all_literal(nodes) -> bool:
    for op, arg in nodes:
        if op is _c.LITERAL or op is _c.AT:
            continue
        if op is _c.SUBPATTERN and _all_literal(arg[-1]):
            continue
        if op is _c.BRANCH and all(_all_literal(alt) for alt in arg[1]):
            continue
        return False
    return True


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
KIND_ORDER = ("legal", "advertisement", "subscribe", "share", "credit", "caption", "byline", "tags",
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
