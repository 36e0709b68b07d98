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
from functools import lru_cache
from pathlib import Path

from ..datafile import compile_pattern, read_lines
from ..rule_files import bundled_rules_dir
from . import prebuilt_regex
from .keyword_index import KeywordIndex
from .pattern_facts import Facts
from .regex_analysis import WORD_TOKEN, may_start_with, trie_pattern

# Kinds whose phrase file is named differently from the rule id's suffix.
FILE_KIND: dict[str, str] = {}

# Typographic quotes and odd spaces, folded to what the patterns are written with.
_QUOTES = (("‘", "'"), ("’", "'"), ("‚", "'"), ("‛", "'"), ("“", '"'), ("”", '"'), ("„", '"'),
           ("\u00a0", " "), ("\u2009", " "), ("\u202f", " "), ("\u200b", ""))
# Bullets, arrows, pipes and punctuation that decorate buttons and menu items.
_EDGE = " \t\"'`.,;:!?*•·▪▸►▶◀◄→←↑↓⇒»«›‹|/\\-–—_~=+#>()[]{}…↗↘➔➜✓✔❯❮"


def normalize(text: str) -> str:
    # Every folded character is outside ASCII, and a replace() per character the line
    # holds is several times faster than str.translate (no replacement is itself folded).
    if not text.isascii():
        for typographic, plain in _QUOTES:
            if typographic in text:
                text = text.replace(typographic, plain)
    if "  " not in text and text.isprintable():
        # No run of whitespace to fold: the only printable whitespace is " " (in any
        # script), and one at either end goes with the edge's decoration (" " is in _EDGE).
        return text.strip(_EDGE)
    # split() and join() fold runs of whitespace as re's \s+ would, several times faster.
    return " ".join(text.split()).strip(_EDGE)


class _Pattern:
    """One phrase pattern, compiled on first use: a document meets only a few of them."""

    __slots__ = ("text", "kind", "weak", "rank", "sentences", "origin", "_facts", "_openings", "_screen", "_rx")

    def __init__(self, text, kind, weak, rank, sentences, origin, facts: Facts):
        self.text, self.kind, self.weak, self.rank = text, kind, weak, rank
        self.sentences, self.origin, self._rx = sentences, origin, None
        self._facts, self._openings, self._screen = facts, False, False

    @property
    def openings(self) -> tuple[str, ...] | None:
        """None: the pattern may open with anything its first characters allow."""
        if self._openings is False:
            self._openings = self._facts.prefixes(self.text)
        return self._openings

    def may_match(self, norm: str, lowered: str) -> bool:
        """False when the shipped facts rule the line out: a match has another length, or
        holds one of keywords the (ASCII) line lacks. Spares the compilation a cold check
        would pay for a pattern that meets a line only by its first character."""
        screen = self._screen
        if screen is False:
            screen = self._screen = self._screen_of()
        if screen is None:
            return True
        least, most, needed = screen
        return least <= len(norm) <= most and (needed is None or not lowered.isascii()
                                               or any(map(lowered.__contains__, needed)))

    def _screen_of(self):
        # Only shipped facts: working them out costs about what the compilation spares.
        if not self._facts.shipped(self.text):
            return None
        width, needed = self._facts.width(self.text), self._facts.contained_keywords(self.text)
        if width is None and needed is None:
            return None
        least, most = width if width is not None else (0, float("inf"))
        return least, most, needed

    @property
    def rx(self) -> re.Pattern:
        if self._rx is None:
            self._rx = _compile(self.text, self.origin)
        return self._rx


def _compile(pattern: str, origin: str | None) -> re.Pattern:
    # Shipped compiled for the bundled patterns (prebuilt_regex.py); compiled here otherwise.
    return prebuilt_regex.compiled(pattern, re.IGNORECASE) or compile_pattern(pattern, origin, re.IGNORECASE)


# Lines a first-character group must see before its patterns are joined into one
# expression: joining costs a compilation, paid back only over many lines (a corpus).
_JOIN_AFTER = 400


# Lines the lexicon must see before it builds its two screens (searches that rule out
# most patterns for most lines): building them pays back only over many articles.
_SCREEN_AFTER = 2000


class _Group:
    """The anchored patterns a line opening with one character can match, in rank order.
    Tried one by one (each compiled when first needed) until the group has seen enough
    lines to be worth one joined expression."""

    __slots__ = ("patterns", "seen", "joined")

    def __init__(self, patterns: list[_Pattern]):
        self.patterns, self.seen, self.joined = patterns, 0, None

    def match(self, norm: str, lowered: str) -> _Pattern | None:
        if not self.patterns:
            return None
        if self.joined is not None:
            m = self.joined.fullmatch(norm)
            return self.patterns[int(m.lastgroup[1:])] if m is not None else None
        self.seen += 1
        if self.seen > _JOIN_AFTER:
            for p in self.patterns:
                p.rx  # a bad pattern raises here, naming its file and line
            # The leftmost alternative wins, as the lowest rank does below.
            self.joined = re.compile("|".join(f"(?P<p{k}>{p.text})" for k, p in enumerate(self.patterns)),
                                     re.IGNORECASE)
            return self.match(norm, lowered)
        for p in self.patterns:
            if (p.openings is None or lowered.startswith(p.openings)) and p.may_match(norm, lowered) \
                    and p.rx.fullmatch(norm):
                return p
        return None


def _rank(p: _Pattern) -> int:
    return p.rank


def _group_char(lowered: str) -> str:
    """The first character of the line as the anchored groups are keyed: one shared group
    ("") for lines that open with a symbol or a non-ASCII letter."""
    first = lowered[0]
    return first if first.isascii() and first.isalnum() else ""


class Lexicon:
    """Phrase patterns, grouped so that a line meets only the ones that can match it.

    Loading must be cheap (a cold `edlint check` of one file), so nothing is compiled
    up front: *anchored* patterns (that open with known characters) are grouped by the
    first character they accept, and each is compiled when a line of its group first
    needs it; *floating* ones (that open with a bounded run of any characters,
    `.{0,80}all rights reserved`) are tried only on lines that contain one of the
    literal keywords every match of theirs must contain.
    """

    def __init__(self, patterns: dict[str, list[str]], sentence_kinds: frozenset = frozenset(),
                 origins: dict[str, list[str]] | None = None, facts: Facts | None = None):
        """`facts`: the patterns' regex-analysis facts, shipped or worked out on first use."""
        self.kinds = tuple(patterns)
        self._facts = facts = facts if facts is not None else Facts()
        self._anchored: list[tuple[_Pattern, frozenset]] = []
        self._floating: list[_Pattern] = []
        for k, (kind, items) in enumerate(patterns.items()):
            where = (origins or {}).get(kind) or [None] * len(items)
            for raw, origin in zip(items, where):
                weak = raw.startswith("~")
                pattern = raw.removeprefix("~")
                rank = (len(patterns) if weak else 0) + k  # strong before weak, then KIND_ORDER
                p = _Pattern(pattern, kind, weak, rank, kind in sentence_kinds, origin, facts)
                chars = facts.first_chars(pattern)
                if chars is not None:
                    self._anchored.append((p, chars))
                else:
                    self._floating.append(p)
        self._anchored.sort(key=lambda a: a[0].rank)
        self._floating.sort(key=lambda p: p.rank)
        self._keywords: list | None = None
        # Keywords of the floating patterns `keywords` finds none for, good for ASCII lines.
        self._ascii_keywords: list | None = None
        self._keyword_index: KeywordIndex | None = None
        self._unscreened: frozenset[int] = frozenset()  # floating patterns without keywords
        self._always: list[int] = []  # the same, in rank order
        self._ascii_unscreened: frozenset[int] = frozenset()  # ...without keywords for ASCII lines
        self._ascii_always: list[int] = []
        self._groups: dict[tuple[str, bool, bool], _Group] = {}
        self._openings: re.Pattern | None = None
        self._openings_match = None
        self._scan = None  # the keyword index's scanner: a line's owners, or None
        self._sentence_scan = None  # the same for a sentence: only owners that may match one
        self._by_opening: dict[tuple[str, bool], list[_Pattern]] = {}
        self._unopened_owner: dict[_Pattern, int] = {}  # keyword-index owner of an anchored pattern without openings
        self._unopened_plans: dict[tuple[str, bool], tuple] = {}
        self._opened: dict[tuple[str, bool], list[tuple]] = {}  # the openings' candidates
        self._ascii_owners: set[int] = set()  # those whose keywords are good for ASCII lines only
        self._floating_widths: list[tuple] = []
        self._seen, self._screens = 0, False
        self.screen_after = _SCREEN_AFTER

    def match(self, norm: str, sentence: bool = False) -> tuple[str | None, bool]:
        """(kind, weak) of the first kind whose patterns match the whole normalised line.
        A `sentence` (a line of prose) is tried only against kinds that can be sentences."""
        if not norm:
            return None, False
        if self._screens:
            best = self._match_screened(norm, norm.lower(), sentence)
        else:
            self._seen += 1
            self._screens = self._seen > self.screen_after
            lowered = norm.lower()
            if self._screens:
                best = self._match_screened(norm, lowered, sentence)
            else:
                best = self._match_anchored(norm, lowered, sentence)
                floating = self._match_floating(norm, lowered, sentence)
                if floating is not None and (best is None or floating.rank < best.rank):
                    best = floating
        return (best.kind, best.weak) if best is not None else (None, False)

    def _match_anchored(self, norm: str, lowered: str, sentence: bool) -> _Pattern | None:
        return self._group(_group_char(lowered), sentence, True).match(norm, lowered)

    def _match_screened(self, norm: str, lowered: str, sentence: bool) -> _Pattern | None:
        """A corpus run: one pass of the keyword automaton over the line says which
        floating patterns, and which anchored ones without literal openings, can match it
        (most lines hold no keyword at all); the anchored ones with openings are found by
        the line's longest literal opening. (Building those searches costs more than one
        article's lines save.) In one function: it runs for every line of a corpus.

        The anchored patterns: only the patterns that open with the line's longest literal
        opening ("next article") or a shorter part of it can match, besides the few without
        such openings, which are tried only when the automaton found one of their keywords
        (or they have none, or only keywords good for ASCII lines and the line is not one)
        and the line has a length their matches can have."""
        if self._scan is None:
            self._build_keyword_index()
            self._build_openings()
        found = (self._sentence_scan if sentence else self._scan)(lowered)
        ascii_line = lowered.isascii()
        if found:  # the owners whose keywords are good for this line
            found = {k if k >= 0 else -k - 1 for k in found} if ascii_line else {k for k in found if k >= 0}
        first = lowered[0]  # _group_char, inline
        if not (first.isascii() and first.isalnum()):
            first = ""
        plan = self._unopened_plans.get((first, sentence))
        if plan is None:
            plan = self._unopened_plan(first, sentence)
        always, always_unicode, owners = plan
        if not ascii_line:
            always = always_unicode
        length = len(norm)
        best = None
        owned = [owners[k] for k in found if k in owners] if found and owners else None
        if owned:  # rare: merged with the others in rank order
            tried = [p for p, least, most, _ in always if least <= length <= most] + owned
            for p in sorted(tried, key=_rank):
                if p.rx.fullmatch(norm):
                    best = p
                    break
        else:
            for p, least, most, rx in always:
                if least <= length <= most and rx.fullmatch(norm):
                    best = p
                    break
        m = self._openings_match(lowered)
        if m is not None:
            key = m.group(), sentence
            candidates = self._opened.get(key)
            if candidates is None:
                candidates = self._opened_candidates(key)
            for p, least, most, rx in candidates:
                if best is not None and p.rank >= best.rank:
                    break  # rank order: the group's match wins from here on
                if least <= length <= most and rx.fullmatch(norm):
                    best = p
                    break
        # Without a keyword found, only the floating patterns without keywords can match
        # (for ASCII lines there are usually none): no call then.
        if found or (self._ascii_always if ascii_line else self._always):
            floating = self._match_floating_screened(norm, sentence, found, ascii_line)
            if floating is not None and (best is None or floating.rank < best.rank):
                best = floating
        return best

    def _opened_candidates(self, key: tuple[str, bool]) -> list[tuple]:
        """(pattern, fewest and most characters of its matches, its expression) of each
        pattern a line opening with the key's opening can match (as a sentence or not),
        in rank order."""
        found = self._opened[key] = [self._tried(p) for p in self._by_opening[key]]
        return found

    def _tried(self, p: _Pattern) -> tuple:
        """(p, fewest and most characters of its matches, its expression)."""
        return (p, *self._width(p), p.rx)

    def _width(self, p: _Pattern) -> tuple:
        """The fewest and most characters of p's matches (0 and infinity when unknown)."""
        width = self._facts.width(p.text)
        return width if width is not None else (0, float("inf"))

    def _unopened_plan(self, first: str, sentence: bool):
        """(patterns tried on every line of a length their matches can have, as `_tried`
        gives them, for ASCII lines and for others; patterns tried only when the automaton
        finds one of their keywords, by owner) for the anchored patterns without literal
        openings of one group."""
        always, always_unicode, owners = [], [], {}
        for p in self._group(first, sentence, False).patterns:  # rank order
            owner = self._unopened_owner.get(p)
            tried = self._tried(p)
            if owner is None:
                always.append(tried)
                always_unicode.append(tried)
            else:
                owners[owner] = p
                if owner in self._ascii_owners:  # its keywords say nothing of other lines
                    always_unicode.append(tried)
        plan = self._unopened_plans[first, sentence] = (always, always_unicode, owners)
        return plan

    def _build_openings(self) -> None:
        """The openings search, and for each opening it can return, the patterns that open
        with it or a shorter part of it, in rank order, for lines and for sentences."""
        by_opening: dict[str, list[_Pattern]] = {}
        for p, _ in self._anchored:  # rank order
            for opening in p.openings or ():
                by_opening.setdefault(opening, []).append(p)
        self._by_opening = {}
        for path in by_opening:
            found = {p for k in range(1, len(path) + 1) for p in by_opening.get(path[:k], ())}
            ordered = sorted(found, key=_rank)
            self._by_opening[path, False] = ordered
            self._by_opening[path, True] = [p for p in ordered if p.sentences]
        self._openings = re.compile(trie_pattern(by_opening))
        self._openings_match = self._openings.match

    def _group(self, first: str, sentence: bool, opened: bool) -> _Group:
        """The anchored patterns a line can meet, by its first character, whether it is a
        sentence, and (`opened` False) only those without literal openings."""
        key = (first, sentence, opened)
        group = self._groups.get(key)
        if group is None:
            group = self._groups[key] = _Group([
                p for p, chars in self._anchored
                if (p.sentences or not sentence) and may_start_with(chars, first)
                and (opened or p.openings is None)])
        return group

    def _floating_keywords(self) -> None:
        if self._keywords is None:
            facts = self._facts
            self._keywords = [facts.keywords(p.text) for p in self._floating]
            self._ascii_keywords = [facts.contained_keywords(p.text) if needed is None else None
                                    for p, needed in zip(self._floating, self._keywords)]

    def _match_floating(self, norm: str, lowered: str, sentence: bool) -> _Pattern | None:
        self._floating_keywords()
        tokens = None
        ascii_line = None
        for p, needed, ascii_needed in zip(self._floating, self._keywords, self._ascii_keywords):
            if sentence and not p.sentences:
                continue
            if ascii_needed is not None:
                if ascii_line is None:
                    ascii_line = lowered.isascii()
                if ascii_line and not any(map(lowered.__contains__, ascii_needed)):
                    continue
            if needed is not None:
                # Each match contains one of the pattern's keywords: testing for them is far
                # cheaper than the pattern. Whole words are looked up in the line's word set.
                words, pieces = needed
                if words is not None:
                    if tokens is None:
                        tokens = set(WORD_TOKEN.findall(lowered))
                    if tokens.isdisjoint(words):
                        continue
                elif not any(map(lowered.__contains__, pieces)):
                    continue
            if p.may_match(norm, lowered) and p.rx.fullmatch(norm):
                return p
        return None

    def _match_floating_screened(self, norm: str, sentence: bool, found, ascii_line: bool) -> _Pattern | None:
        """A corpus run: only the floating patterns one of whose keywords the line holds
        (`found`, by the automaton), and the few without keywords, are tried, in rank order."""
        floating = len(self._floating)
        unscreened, always = ((self._ascii_unscreened, self._ascii_always) if ascii_line
                              else (self._unscreened, self._always))
        if found:
            found = {k for k in found if k < floating}  # not the anchored patterns' owners
        candidates = sorted(found | unscreened) if found else always
        widths, length = self._floating_widths, len(norm)
        for k in candidates:
            p = self._floating[k]
            least, most = widths[k]
            if (p.sentences or not sentence) and least <= length <= most and p.rx.fullmatch(norm):
                return p
        return None

    def _build_keyword_index(self) -> None:
        """The automaton of every floating pattern's keywords: a pattern k owns its own
        keywords as k, and the keywords good for ASCII lines only as ~k (-k - 1)."""
        self._floating_keywords()
        owned = {k: needed[1] for k, needed in enumerate(self._keywords) if needed is not None}
        owned.update({-k - 1: words for k, words in enumerate(self._ascii_keywords) if words is not None})
        # The anchored patterns without literal openings (in every letter's group: credits,
        # datelines) are owners too, numbered after the floating ones.
        facts, owner = self._facts, len(self._floating)
        patterns = list(self._floating)  # by owner
        for p, _ in self._anchored:
            if p.openings is not None:
                continue
            needed = facts.keywords(p.text)
            if needed is not None:
                owned[owner] = needed[1]
            else:
                words = facts.contained_keywords(p.text)
                if words is None:
                    continue
                owned[-owner - 1] = words
                self._ascii_owners.add(owner)
            self._unopened_owner[p] = owner
            patterns.append(p)
            owner += 1
        self._keyword_index = KeywordIndex(owned)
        self._scan = self._keyword_index.scanner()
        # A sentence meets only the patterns that may match one: a scanner of their keywords
        # alone spares it the owners it could not use (" for " of a credit in most prose).
        self._sentence_scan = KeywordIndex({k: words for k, words in owned.items()
                                            if patterns[k if k >= 0 else -k - 1].sentences}).scanner()
        self._unscreened = frozenset(k for k, needed in enumerate(self._keywords) if needed is None)
        self._always = sorted(self._unscreened)
        self._ascii_unscreened = frozenset(k for k in self._unscreened if self._ascii_keywords[k] is None)
        self._ascii_always = sorted(self._ascii_unscreened)
        # The fewest and most characters of each floating pattern's matches.
        self._floating_widths = [self._width(p) for p in self._floating]


def read_patterns(path: Path) -> list[str]:
    """The patterns of a phrase file, each checked (a bad one names its file and line)."""
    items, _, origins = _read(path)
    for item, origin in zip(items, origins):
        _compile(item.removeprefix("~"), origin)
    return items


def _read(path: Path) -> tuple[list[str], bool, list[str]]:
    """The patterns of a phrase file, whether it says `#! sentences` (its patterns may
    match a whole sentence of prose, like a cookie notice or an affiliate disclosure),
    and where each pattern was written (for the error a bad one raises when compiled)."""
    data = read_lines(path, directives=("sentences",))
    return [ln.text for ln in data.lines], "sentences" in data.directives, [ln.where for ln in data.lines]


# Order matters when a line fits two kinds: the more specific kind wins.
KIND_ORDER = ("legal", "advertisement", "subscribe", "share", "credit", "caption", "byline", "tags",
              "related-headline", "navigation", "widget")


def _bundled_dir() -> Path:
    return bundled_rules_dir() / "boilerplate" / "phrases"


def bundled_phrase_patterns() -> list[str]:
    """Every bundled phrase pattern, without a weak one's "~" (what pattern_facts ships)."""
    patterns, _, _ = read_phrase_files(_bundled_dir())
    return [raw.removeprefix("~") for items in patterns.values() for raw in items]


@lru_cache(maxsize=1)
def _facts() -> Facts:
    """The shipped facts of the bundled patterns (a custom phrase file shares those of the
    patterns it has in common with them), read once per process."""
    from . import pattern_facts

    return Facts(pattern_facts.load())


@lru_cache(maxsize=4)
def load_lexicon(directory: str | None = None) -> Lexicon:
    return Lexicon(*read_phrase_files(Path(directory) if directory else _bundled_dir()), _facts())


def read_phrase_files(base: Path) -> tuple[dict[str, list[str]], frozenset, dict[str, list[str]]]:
    """(patterns by kind in KIND_ORDER, the kinds that may match sentences, where each
    pattern was written) of a directory of phrase files."""
    found: dict[str, list[str]] = {}
    origins: dict[str, list[str]] = {}
    sentence_kinds = set()
    for path in sorted(base.glob("*.txt")):
        kind = FILE_KIND.get(path.stem, path.stem)
        found[kind], sentences, origins[kind] = _read(path)
        if sentences:
            sentence_kinds.add(kind)
    ordered = {k: found.pop(k) for k in KIND_ORDER if k in found}
    ordered.update(found)  # kinds an editor added, after the bundled ones
    return ordered, frozenset(sentence_kinds), origins
