"""One spelling pass over a document: every word is looked at once, and the
findings are shared by the spelling rules (misspelling, unknown word, variant).

The order of the decisions matters:
1. accepted terms are words;
2. a known common misspelling is reported with its correction, whatever its case;
3. in US copy a British spelling, in British copy a US spelling, is a variant;
4. a word of the lexicon, or one built from lexicon words (a compound, a plural),
   is correct;
5. names, acronyms and brands are not checked, unless the article spells the
   same name differently elsewhere;
6. anything left is an unknown word, with ranked suggestions for the first
   MAX_SUGGESTED of a document (a document with more unknown words than that is
   not prose to correct word by word, and ranking costs about 0.5 ms a word).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from ..vocabulary import Vocabulary
from .lexicon import Lexicon, get_lexicon
from .names import NameIndex, is_acronym, is_mixed_case
from .tokens import Token, tokenize
from .words import is_derived

MIN_LENGTH = 3  # two-letter tokens are too often abbreviations and units
MAX_SUGGESTED = 1000  # unknown words of one document that get suggestions


@dataclass(slots=True)
class Finding:
    kind: str  # "misspelling" | "unknown" | "name" | "variant"
    block: object  # the Block the word is in
    start: int  # offsets in the block text
    end: int
    word: str
    suggestions: list[str]


def match_case(model: str, word: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


class SpellChecker:
    def __init__(self, language: str = "en-US", accept=(), lexicon: Lexicon | None = None,
                 min_length: int = MIN_LENGTH, check_names: bool = False, suggestions: int = 5):
        self.lexicon = lexicon or get_lexicon()
        self.min_length = min_length
        self.check_names = check_names
        self.max_suggestions = suggestions
        self.british = language.lower().replace("_", "-") in ("en-gb", "en-uk", "en-au", "en-nz", "en-ie")
        self.vocabulary = accept if isinstance(accept, Vocabulary) else Vocabulary(tuple(accept))
        self._suggester = None
        self._derived: dict[str, bool] = {}
        self._stops_text: str | None = None  # the block whose sentence-end offsets are in _stops
        self._stops: list[int] = []
        self._suggestions_left = MAX_SUGGESTED  # reset per document by check_blocks
        # Words that need no further look: in the lexicon and not a variant of the other
        # language. Misspellings are never in the lexicon.
        self.known = self.lexicon.freqs
        self.variants = self.lexicon.us_to_gb if self.british else self.lexicon.gb_to_us
        self._variant_words = frozenset(self.variants)  # a set: set & set iterates the smaller

    @property
    def suggester(self):
        if self._suggester is None:
            from .suggest import Suggester
            self._suggester = Suggester(self.lexicon)
        return self._suggester

    def variant_of(self, lower: str) -> str | None:
        table = self.lexicon.us_to_gb if self.british else self.lexicon.gb_to_us
        return table.get(lower)

    def is_word(self, lower: str) -> bool:
        found = self._derived.get(lower)
        if found is None:
            found = self._derived[lower] = lower in self.lexicon or is_derived(lower, self.lexicon)
        return found

    def check_blocks(self, blocks) -> list[Finding]:
        known, variants = self.known, self._variant_words
        tokens = [(block, t) for block in blocks for t in tokenize(block.text, known, variants)]
        names = NameIndex((b.text for b in blocks), [t for _, t in tokens])
        self._suggestions_left = MAX_SUGGESTED
        findings = []
        for block, t in tokens:
            finding = self._check_token(block, t, names)
            if finding is not None:
                findings.append(finding)
        return findings

    def _check_token(self, block, t: Token, names: NameIndex) -> Finding | None:
        word = t.stem
        if len(word) < self.min_length:
            return None
        lower = word.lower()
        if ((lower in self.known and lower not in self.variants)
                or self.vocabulary.accepts(word) or self.vocabulary.accepts(t.text)):
            return None
        end = t.start + len(word)
        corrections = self.lexicon.corrections(lower)
        if corrections and not is_acronym(word) and not is_mixed_case(word):
            if len(corrections) > 1:  # codespell's order is arbitrary: let the context choose
                before, after = self._neighbours(block.text, t)
                corrections = self.suggester.rank(lower, dict.fromkeys(corrections, 1), before, after)
            return Finding("misspelling", block, t.start, end, word,
                           [match_case(word, c) for c in corrections])
        variant = self.variant_of(lower)
        if variant:
            return Finding("variant", block, t.start, end, word, [match_case(word, variant)])
        if not word.isascii() or self.is_word(lower):
            return None
        if is_acronym(word) or is_mixed_case(word):
            return None
        if word[0].isupper():
            other = names.other_spelling(word)
            if other:
                return Finding("name", block, t.start, end, word, [other])
            if not self.check_names and (t.compound_part or names.is_name(word, t.sentence_initial)):
                return None
        elif t.compound_part and lower in _COMPOUND_PREFIXES:
            return None
        suggestions = []
        if self._suggestions_left > 0:
            self._suggestions_left -= 1
            suggestions = self.suggest(word, block.text, t)
        return Finding("unknown", block, t.start, end, word, suggestions)

    def suggest(self, word: str, text: str = "", token: Token | None = None) -> list[str]:
        before, after = self._neighbours(text, token) if token is not None else ("", "")
        found = self.suggester.suggest(word.lower(), before, after)
        return [match_case(word, s) for s in found[: self.max_suggestions]]


    def _neighbours(self, text: str, token: Token) -> tuple[str, str]:
        # Windows of 40 characters, never text[:start] or text[end:]: copying the block
        # for each word made a paragraph of unknown words quadratic.
        return self._word_before(text, token.start), _neighbour(text[token.end:token.end + 40], last=False)

    def _word_before(self, text: str, start: int) -> str:
        window_start = max(0, start - 40)
        m = _NEIGHBOUR_BEFORE.search(text, window_start, start)
        if not m:
            return ""
        # No sentence end from m.end(1) - window_start on: the suggester's weights were
        # measured with this reach, so it is kept, found by bisection instead of a scan.
        if self._stops_text is not text:
            self._stops_text = text
            self._stops = [stop.start() for stop in _SENTENCE_END.finditer(text)]
        stops = self._stops
        k = bisect_left(stops, start) - 1
        return "" if k >= 0 and stops[k] >= m.end(1) - window_start else m.group(1).lower()


# Prefixes written with a hyphen, which are not words on their own ("pre-", "neo-").
_COMPOUND_PREFIXES = {"pre", "neo", "non", "anti", "multi", "semi", "quasi", "mid", "post",
                      "pro", "sub", "inter", "intra", "ultra", "mega", "micro", "macro", "socio",
                      "geo", "bio", "eco", "euro", "cyber", "tele", "mis", "uni", "tri", "bi",
                      "hyper", "para", "trans", "sci", "fi", "co", "ex", "re", "de", "un", "self"}

_NEIGHBOUR_BEFORE = re.compile(r"([^\W\d_]+)\W*$")
_SENTENCE_END = re.compile(r"[.!?]")
_NEIGHBOUR_AFTER = re.compile(r"^\W*?([^\W\d_]+)")


def _neighbour(text: str, last: bool) -> str:
    m = (_NEIGHBOUR_BEFORE if last else _NEIGHBOUR_AFTER).search(text[-40:] if last else text[:40])
    if not m:
        return ""
    # Don't look across a sentence end: the neighbour must be in the same sentence.
    between = text[m.end(1):] if last else text[:m.start(1)]
    return "" if any(c in between for c in ".!?") else m.group(1).lower()


def document_findings(doc, ctx) -> list[Finding]:
    """The spelling findings of a document, computed once and shared by the spelling rules."""
    settings = ctx.settings.get("spelling", {})
    key = ("spelling", ctx.language, tuple(ctx.accept), tuple(sorted(settings.items())))
    found = doc.cache.get(key)
    if found is None:
        found = doc.cache[key] = checker_for(key).check_blocks(doc.blocks)
    return found


_CHECKERS: dict[tuple, SpellChecker] = {}


def checker_for(key: tuple) -> SpellChecker:
    """One checker per language, vocabulary and settings, per process."""
    if key not in _CHECKERS:
        _, language, accept, settings = key
        s = dict(settings)
        _CHECKERS[key] = SpellChecker(language, accept, min_length=s.get("min-length", MIN_LENGTH),
                                      check_names=s.get("check-names", False),
                                      suggestions=s.get("suggestions", 5))
    return _CHECKERS[key]
