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

from ..rule_files import bundled_rules_dir

# Kinds whose phrase file is named differently from the rule id's suffix.
FILE_KIND: dict[str, str] = {}

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"',
                         "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u200b": ""})
# Bullets, arrows, pipes and punctuation that decorate buttons and menu items.
_EDGE = " \t\"'`.,;:!?*•·▪▸►▶◀◄→←↑↓⇒»«›‹|/\\-–—_~=+#>()[]{}…↗↘➔➜✓✔❯❮"


def normalize(text: str) -> str:
    # split() and join() fold runs of whitespace as re's \s+ would, several times faster.
    return " ".join(text.translate(_QUOTES).split()).strip(_EDGE)


class _Pattern:
    """One phrase pattern, compiled on first use: a document meets only a few of them."""

    __slots__ = ("text", "kind", "weak", "rank", "sentences", "origin", "_openings", "_rx")

    def __init__(self, text, kind, weak, rank, sentences, origin):
        self.text, self.kind, self.weak, self.rank = text, kind, weak, rank
        self.sentences, self.origin, self._rx = sentences, origin, None
        self._openings = False

    @property
    def openings(self) -> tuple[str, ...] | None:
        """None: the pattern may open with anything its first characters allow."""
        if self._openings is False:
            self._openings = prefixes(self.text)
        return self._openings

    @property
    def rx(self) -> re.Pattern:
        if self._rx is None:
            self._rx = _compile(self.text, self.origin)
        return self._rx


def _compile(pattern: str, origin: str | None) -> re.Pattern:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as e:
        raise ValueError(f"{origin or repr(pattern)}: bad pattern: {e}") from None


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
            if (p.openings is None or lowered.startswith(p.openings)) and p.rx.fullmatch(norm):
                return p
        return None


def _rank(p: _Pattern) -> int:
    return p.rank


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
                 origins: dict[str, list[str]] | None = None):
        self.kinds = tuple(patterns)
        self._anchored: list[tuple[_Pattern, frozenset]] = []
        self._floating: list[_Pattern] = []
        for k, (kind, items) in enumerate(patterns.items()):
            where = (origins or {}).get(kind) or [None] * len(items)
            for raw, origin in zip(items, where):
                weak = raw.startswith("~")
                pattern = raw.removeprefix("~")
                rank = (len(patterns) if weak else 0) + k  # strong before weak, then KIND_ORDER
                p = _Pattern(pattern, kind, weak, rank, kind in sentence_kinds, origin)
                chars = _first_chars(pattern)
                if chars is not None:
                    self._anchored.append((p, chars))
                else:
                    self._floating.append(p)
        self._anchored.sort(key=lambda a: a[0].rank)
        self._floating.sort(key=lambda p: p.rank)
        self._keywords: list | None = None
        self._screen: re.Pattern | None = None
        self._unscreened: list = []
        self._groups: dict[tuple[str, bool, bool], _Group] = {}
        self._openings: re.Pattern | None = None
        self._by_opening: dict[str, list[_Pattern]] = {}
        self._seen, self._screens = 0, False
        self.screen_after = _SCREEN_AFTER

    def match(self, norm: str, sentence: bool = False) -> tuple[str | None, bool]:
        """(kind, weak) of the first kind whose patterns match the whole normalised line.
        A `sentence` (a line of prose) is tried only against kinds that can be sentences."""
        if not norm:
            return None, False
        if not self._screens:
            self._seen += 1
            self._screens = self._seen > self.screen_after
        best = self._match_anchored(norm, sentence)
        floating = self._match_floating(norm, sentence)
        if floating is not None and (best is None or floating.rank < best.rank):
            best = floating
        return (best.kind, best.weak) if best is not None else (None, False)

    def _match_anchored(self, norm: str, sentence: bool) -> _Pattern | None:
        lowered = norm.lower()
        first = lowered[0]
        if not (first.isascii() and first.isalnum()):
            first = ""  # one shared group for lines that open with a symbol or a non-ASCII letter
        if not self._screens:
            return self._group(first, sentence, True).match(norm, lowered)
        # A corpus run: one search finds the longest literal opening ("next article") the
        # line starts with; only the patterns that open with it or a shorter part of it can
        # match, besides the few patterns without such openings. (Building that search
        # costs more than one article's lines save.)
        if self._openings is None:
            self._by_opening = {}
            for p, _ in self._anchored:  # rank order
                for opening in p.openings or ():
                    self._by_opening.setdefault(opening, []).append(p)
            self._openings = re.compile(_trie_pattern(self._by_opening))
        best = self._group(first, sentence, False).match(norm, lowered)
        m = self._openings.match(lowered)
        if m is not None:
            path = m.group()
            found = [p for k in range(1, len(path) + 1) for p in self._by_opening.get(path[:k], ())
                     if (p.sentences or not sentence) and (best is None or p.rank < best.rank)]
            for p in sorted(set(found), key=_rank):
                if p.rx.fullmatch(norm):
                    return p
        return best

    def _group(self, first: str, sentence: bool, opened: bool) -> _Group:
        """The anchored patterns a line can meet, by its first character, whether it is a
        sentence, and (`opened` False) only those without literal openings."""
        key = (first, sentence, opened)
        group = self._groups.get(key)
        if group is None:
            group = self._groups[key] = _Group([
                p for p, chars in self._anchored
                if (p.sentences or not sentence) and _may_start_with(chars, first)
                and (opened or p.openings is None)])
        return group

    def _match_floating(self, norm: str, sentence: bool) -> _Pattern | None:
        if self._keywords is None:
            self._keywords = [_quick_keywords(p.text) for p in self._floating]
        lowered = norm.lower()
        candidates = zip(self._floating, self._keywords)
        if self._screens:
            # One search for every pattern's keywords at once (most lines hold none, and
            # then only the patterns without keywords are left to try), shaped as a trie
            # so that the search does not try each keyword at each character.
            if self._screen is None:
                pieces = {piece for k in self._keywords if k is not None for piece in k[1]}
                self._screen = re.compile(_trie_pattern(pieces) or "(?!)")
                self._unscreened = [(p, k) for p, k in zip(self._floating, self._keywords) if k is None]
            if self._screen.search(lowered) is None:
                candidates = self._unscreened
        tokens = None
        for p, keywords in candidates:
            if sentence and not p.sentences:
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
                elif not any(map(lowered.__contains__, pieces)):
                    continue
            if p.rx.fullmatch(norm):
                return p
        return None


def _trie_pattern(words) -> str:
    """A regular expression matching any of `words`, their shared openings factored out
    ("ab|ac" -> "a(?:b|c)"): Python's re then tests one branch per character."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


_ANY_RUN = re.compile(r"(\.|\[\^[^\]]*\])(\{\d*,?\d*\}|[*+?])?")


def _quick_keywords(pattern: str):
    """`_keywords` read straight off the text for the usual floating pattern, a bounded
    run of any characters then plain words (`.{0,80}all rights reserved`); the regex
    parser, slow enough to matter at start-up, is asked about the others."""
    m = _ANY_RUN.match(pattern)
    if m and len(_alternatives(pattern)) == 1:
        found = prefixes(pattern[m.end():], 8)
        if found and all(len(w) >= 3 for w in found):
            return _whole_words(set(found)), found
    return _keywords(pattern)


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
        if words and all(len(w) >= 3 for w in words) and (best is None or _selectivity(words) > _selectivity(best)):
            best = words  # the most selective test
    if not best:
        return None
    return _whole_words(best), tuple(sorted(best))


def _selectivity(words: set[str]) -> tuple[int, int]:
    """Longer keywords rule out more lines (" subscribe" beats " to"), then fewer of them
    make the cheaper test."""
    return min(map(len, words)), -len(words)


_TOKEN = re.compile(r"[^\W\d_]+")


def _whole_words(pieces: set[str]) -> frozenset | None:
    """One word per keyword that is sure to stand whole in the line (it has a space on
    both sides inside the keyword), or None when a keyword has no such word."""
    out = set()
    for piece in pieces:
        inner = piece.split(" ")[1:-1]
        inner = [w for w in inner if w and _TOKEN.fullmatch(w)]
        if not inner or len(max(inner, key=len)) < 4:
            return None  # "of", "your": in most lines; the keyword itself is the better test
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
    """Lower-case characters a match of `pattern` can start with; None when any can.
    Most patterns open with a word or a group of words, read straight off the text;
    the regex parser (slow enough to matter at start-up) is asked about the rest."""
    quick = _quick_first(pattern)
    if quick is not None:
        return frozenset(quick)
    try:
        return _first_of(_sre.parse(pattern).data)
    except Exception:  # an unusual construct: try the pattern on every line
        return None


_SPECIAL = set("\\.^$*+?{}[]()|")
_PLAIN = re.compile(r"[^\\.^$*+?{}\[\]()|]+")  # a run of literal characters
_QUANTIFIERS = ("?", "*", "+", "{")


def _quick_first(pattern: str) -> set[str] | None:
    """The first characters of `pattern` when its openings are plain (see `prefixes`)."""
    found = prefixes(pattern, 1)
    return None if found is None else {p[0] for p in found}


_MAX_PREFIXES = 64


@lru_cache(maxsize=None)
def prefixes(pattern: str, limit: int = 10) -> tuple[str, ...] | None:
    """Lower-case literal openings, one of which every match of `pattern` starts with,
    read straight off the text (`(next|previous) (article|post)` -> "next article",
    "next post", ...); None when the opening is not plain (a class, an optional part, a
    look-around...). A line that starts with none of them need not meet the pattern,
    which then need not even be compiled. Openings stop growing at `limit` characters."""
    found: set[str] = set()
    for alt in _alternatives(pattern):
        got, _ = _sequence_prefixes(alt, limit)
        if not got or "" in got:
            return None
        found |= got
        if len(found) > _MAX_PREFIXES:
            return None
    return tuple(sorted(found))


def _sequence_prefixes(seq: str, limit: int) -> tuple[set[str], bool]:
    """(openings of `seq`, whether they are all of it)."""
    out, k = {""}, 0
    while k < len(seq):
        if min(map(len, out)) >= limit:
            return out, False
        c = seq[k]
        if c == "(":
            close = _closing(seq, k)
            if seq[k + 1:k + 2] == "?" or close is None:
                return out, False
            options, complete = set(), True
            for alt in _alternatives(seq[k + 1:close]):
                got, whole = _sequence_prefixes(alt, limit)
                options |= got
                complete = complete and whole
            after = close + 1
        elif c == "\\":
            nxt = seq[k + 1:k + 2]
            if not nxt or nxt.isalnum():
                if nxt == "d" and out == {""}:  # a leading digit: ten one-character openings
                    return set("0123456789"), False
                return out, False
            options, complete, after = {nxt.lower()}, True, k + 2
        elif c in _SPECIAL:
            return out, False
        else:
            run = _PLAIN.match(seq, k).group()
            if len(run) > 1 and seq[k + len(run):k + len(run) + 1] in _QUANTIFIERS:
                run = run[:-1]  # the last character is quantified: it is handled alone
            options, complete, after = {run.lower()}, True, k + len(run)
        quantifier = seq[after:after + 1]
        if quantifier in ("?", "*") and out == {""}:
            # An optional opening: the match opens with it or with what follows it.
            rest, _ = _sequence_prefixes(seq[after + 1:].removeprefix("?"), limit)
            return options | rest, False
        if quantifier in ("?", "*") or quantifier == "{" and not ("1" <= seq[after + 1:after + 2] <= "9"):
            return out, False  # the part may be absent: the openings end before it
        grown = {p + o for p in out for o in options}
        if len(grown) > _MAX_PREFIXES:
            return out, False
        out = grown
        if not complete or quantifier in ("+", "{"):
            return out, False  # what follows a repeated or open-ended part is not literal
        k = after
    return out, True


def _structure(seq: str, start: int = 0):
    """(index, character, depth) of each character of `seq` that is regex syntax outside a
    character class or an escape: the one scan both helpers below need."""
    depth, k, in_class = 0, start, False
    while k < len(seq):
        c = seq[k]
        if c == "\\":
            k += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if seq[k + 1:k + 2] == "]":
                k += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            yield k, c, depth
        elif c == "|":
            yield k, c, depth
        k += 1


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of `pattern`."""
    if "|" not in pattern:
        return [pattern]
    out, start = [], 0
    for k, c, depth in _structure(pattern):
        if c == "|" and depth == 0:
            out.append(pattern[start:k])
            start = k + 1
    out.append(pattern[start:])
    return out


def _closing(seq: str, open_at: int) -> int | None:
    """Index of the parenthesis closing the one at `open_at`."""
    for k, c, depth in _structure(seq, open_at):
        if c == ")" and depth == 0:
            return k
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


def _may_start_with(chars: frozenset, first: str) -> bool:
    if chars is None:
        return True
    if not first:  # the shared bucket: any pattern that may open with a character outside [a-z0-9]
        return any(not (c.isascii() and c.isalnum()) for c in chars)
    return first in chars


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
    items, sentences, origins = [], False, []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line.strip() == "#! sentences":
                sentences = True
                continue
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            items.append(line)
            origins.append(f"{path}:{n}")
    return items, sentences, origins


# Order matters when a line fits two kinds: the more specific kind wins.
KIND_ORDER = ("legal", "advertisement", "subscribe", "share", "credit", "caption", "byline", "tags",
              "related-headline", "navigation", "widget")


@lru_cache(maxsize=4)
def load_lexicon(directory: str | None = None) -> Lexicon:
    base = Path(directory) if directory else bundled_rules_dir() / "boilerplate" / "phrases"
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
    return Lexicon(ordered, frozenset(sentence_kinds), origins)
