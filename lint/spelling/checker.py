"""One spelling pass over a document: every word is looked at once, and the
findings are shared by the spelling rules (misspelling, unknown word, variant).

The order of the decisions matters:
1. accepted terms are words; a word cut by a character reference or written
   with a dropped g ("tryin'") is not checked;
2. a known common misspelling is reported with its correction, unless it is a
   name (capitalised mid-sentence, or a name elsewhere in the article) or a
   short part of a hyphenated compound ("add-ons"); its fix is safe only where
   a copy editor would accept it unseen (see `_safe`);
3. a British or a US spelling is a variant, with its variety: the rules decide,
   from the configured language or the document's own spelling, which to report;
   capitalised variants in names ("Labour", "Windows Media Center") are not;
4. a word of the lexicon, or one built from lexicon words (a compound, a plural),
   is correct;
5. names, acronyms and brands are not checked, unless the article spells the
   same name differently elsewhere; a capitalised word in a title-case run or
   after a list colon is a name even at the start of a sentence;
6. anything left is an unknown word, with ranked suggestions for the first
   MAX_SUGGESTED of a document (a document with more unknown words than that is
   not prose to correct word by word, and ranking costs about 0.5 ms a word).

A document with more than MAX_UNKNOWN_WORDS words outside the lexicon (each use
of an unknown word or a name counts) is not prose either: a word list, encoded
data, another language, or input built to be slow. The pass looks at that many
and stops there with one "limit" finding, as a compiler stops after its error
limit: every word past it would cost the decisions above (about 70 µs a word),
for a report no editor reads. Published articles come nowhere near it (at most
112 in 1,000 BBC articles, 1,773 on a boilerplate-heavy web page); `[spelling]
max-unknown-words` moves it, 0 removes it.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from itertools import islice

from ..text import match_case as _match_case
from ..vocabulary import Vocabulary
from .lexicon import Lexicon, get_lexicon
from .names import NameIndex, is_acronym, is_mixed_case
from .surroundings import (adjacent, after_list_mark, before_list_mark, hyphenated_whole, in_quotes_alone,
                           in_title_case_run, touches_entity)
from .tokens import Token, tokenize
from .varieties import regular_british
from .words import is_derived

MIN_LENGTH = 3  # two-letter tokens are too often abbreviations and units
MAX_SUGGESTED = 1000  # unknown words of one document that get suggestions
MAX_UNKNOWN_WORDS = 5000  # words outside the lexicon one document may have (0: no limit)
# A known misspelling that is part of a hyphenated compound is reported only from
# this length: short parts are bound pieces ("add-ons", "mis-steps"), not typos.
MIN_COMPOUND_MISSPELLING = 4
# An unknown lower-case part of a compound is reported only from this length
# ("pre-empt", "docu-drama", "Dai-ichi" are not).
MIN_COMPOUND_UNKNOWN = 5


@dataclass(slots=True)
class SpellingHit:
    kind: str  # "misspelling" | "unknown" | "name" | "variant" | "limit" (the pass stopped here)
    block: object  # the Block the word is in
    start: int  # offsets in the block text
    end: int
    word: str
    suggestions: list[str]
    safe: bool = False  # the first suggestion may be applied unseen
    variety: str | None = None  # a variant's spelling: "gb" or "us"


def match_case(model: str, word: str) -> str:
    """`word` in `model`'s capitals (lint/text.py; the argument order of this module's callers)."""
    return _match_case(word, model)


class SpellChecker:
    def __init__(self, language: str = "en-US", accept=(), lexicon: Lexicon | None = None,
                 min_length: int = MIN_LENGTH, check_names: bool = False, suggestions: int = 5,
                 report_repeats: bool = False, max_unknown: int = MAX_UNKNOWN_WORDS):
        # The language is not needed here: variants of both varieties are found, and
        # the rules choose (lint/rule_types/spelling.py). It stays in the signature
        # and the cache key for callers that pass it.
        self.lexicon = lexicon or get_lexicon()
        self.min_length = min_length
        self.check_names = check_names
        self.max_suggestions = suggestions
        self.report_repeats = report_repeats
        self.max_unknown = max_unknown or None  # None: no limit
        self.vocabulary = accept if isinstance(accept, Vocabulary) else Vocabulary(tuple(accept))
        self._has_vocabulary = bool(self.vocabulary)  # most runs accept no terms: skip the calls
        self._suggester = None
        self._derived: dict[str, bool] = {}
        self._stops_text: str | None = None  # the block whose sentence-end offsets are in _stops
        self._stops: list[int] = []
        self._suggestions_left = MAX_SUGGESTED  # reset per document by check_blocks
        # Words that need no further look: in the lexicon and not a variant spelling.
        # Misspellings are never in the lexicon.
        self.known = self.lexicon.freqs
        self._variant_words = frozenset(self.lexicon.gb_to_us) | frozenset(self.lexicon.us_to_gb)

    @property
    def suggester(self):
        if self._suggester is None:
            from .suggest import Suggester
            self._suggester = Suggester(self.lexicon)
        return self._suggester

    def variant_of(self, lower: str) -> tuple[str, str] | None:
        """(variety, the other variety's spelling) of a variant spelling."""
        if lower in self.lexicon.gb_to_us:
            return "gb", self.lexicon.gb_to_us[lower]
        if lower in self.lexicon.us_to_gb:
            return "us", self.lexicon.us_to_gb[lower]
        return None

    def is_word(self, lower: str) -> bool:
        found = self._derived.get(lower)
        if found is None:
            found = self._derived[lower] = lower in self.lexicon or is_derived(lower, self.lexicon)
        return found

    def check_blocks(self, blocks) -> list[SpellingHit]:
        per_block, stop = self._tokens(blocks)
        names = NameIndex((b.text for b in blocks), [t for _, ts in per_block for t in ts])
        self._suggestions_left = MAX_SUGGESTED
        findings = []
        unknown_seen: set[str] = set()
        for block, tokens in per_block:
            for i, t in enumerate(tokens):
                finding = self._check_token(block, t, names)
                if finding is None:
                    continue
                if finding.kind == "unknown" and not self.report_repeats:
                    # An unknown word written again the same way is meant: one report, at its
                    # first use, is enough to accept it or correct it everywhere.
                    lower = finding.word.lower()
                    if lower in unknown_seen:
                        continue
                    unknown_seen.add(lower)
                if finding.safe:
                    finding.safe = self._alone(block.text, tokens, i)
                findings.append(finding)
        if stop is not None:
            block, t = stop
            findings.append(SpellingHit("limit", block, t.start, t.end, t.text, []))
        return findings

    def _tokens(self, blocks) -> tuple[list, tuple | None]:
        """Each block with its tokens (the words outside the lexicon), up to the document's
        limit; and (block, first token not looked at) when the limit stopped them."""
        known, variants, left = self.known, self._variant_words, self.max_unknown
        per_block = []
        for block in blocks:
            found = tokenize(block.text, known, variants)
            if left is None:
                per_block.append((block, list(found)))
                continue
            tokens = list(islice(found, left + 1))  # the tokenizer is lazy: the rest is never made
            if len(tokens) > left:
                per_block.append((block, tokens[:left]))
                return per_block, (block, tokens[left])
            left -= len(tokens)
            per_block.append((block, tokens))
        return per_block, None

    def _alone(self, text: str, tokens: list[Token], i: int) -> bool:
        """No word the lexicon doesn't know stands right next to token i."""
        for j in (i - 1, i + 1):
            if 0 <= j < len(tokens):
                a, b = (tokens[j], tokens[i]) if j < i else (tokens[i], tokens[j])
                if adjacent(text, a.end, b.start) and not self._plain_word(tokens[j].stem):
                    return False
        return True

    def _plain_word(self, word: str) -> bool:
        lower = word.lower()
        return self.is_word(lower) and not self.lexicon.corrections(lower)

    def _is_name(self, text: str, t: Token, word: str, names: NameIndex) -> bool:
        """A capitalised word that is a name by where it stands or how the article uses it."""
        end = t.start + len(word)
        return (names.is_name(word, t.sentence_initial) or after_list_mark(text, t.start)
                or before_list_mark(text, end) or in_title_case_run(text, t.start, end)
                or not text[:t.start].strip() and not text[end:].strip())  # a line of its own

    def _check_token(self, block, t: Token, names: NameIndex) -> SpellingHit | None:
        """The decisions of the module's docstring, in its order."""
        word = t.stem
        if len(word) < self.min_length:
            return None
        lower = word.lower()
        if lower in self.known and lower not in self._variant_words:
            return None
        if "’" in t.text or (word != t.text and "'" in t.text):
            # The lexicon spells apostrophes straight; and a word of its own ("shan’t",
            # "o’clock") is known whole, whatever ending its stem lost.
            if _known_whole(self.known, lower, t.text):
                return None
        if self._accepted(word, t) or _meant(block.text, t, lower, self.is_word):
            return None
        corrections = self.lexicon.corrections(lower)
        if corrections and not is_acronym(word) and not is_mixed_case(word):
            return self._misspelling(block, t, word, lower, corrections, names)
        variant = self.variant_of(lower)
        if variant is None:
            if not word.isascii():
                return None
            variant = self._regular_variant(lower)
        if variant is not None:
            return self._variant(block, t, word, variant, names)
        return self._unknown(block, t, word, lower, names)

    def _accepted(self, word: str, t: Token) -> bool:
        return self._has_vocabulary and (self.vocabulary.accepts(word) or self.vocabulary.accepts(t.text))

    def _misspelling(self, block, t: Token, word: str, lower: str, corrections: list[str],
                     names: NameIndex) -> SpellingHit | None:
        """A known common misspelling (not an acronym or a mixed-case brand), unless a name
        or a short part of a compound; ranked by its neighbours when there are several."""
        text = block.text
        capitalised = word[0].isupper()
        if capitalised and not self.check_names and (
                not t.sentence_initial or word in names.mid_sentence or after_list_mark(text, t.start)):
            return None  # a name: Corus, Serie A, Mr Noone
        if t.compound_part and len(word) < MIN_COMPOUND_MISSPELLING:
            return None
        if len(corrections) > 1:  # codespell's order is arbitrary: let the context choose
            before, after = self._neighbours(text, t)
            corrections = self.suggester.rank(lower, dict.fromkeys(corrections, 1), before, after)
        end = t.start + len(word)
        safe = (len(corrections) == 1 and not t.compound_part
                and not (capitalised and in_title_case_run(text, t.start, end))
                and not (not capitalised and names.counts[word[:1].upper() + word[1:]]))
        return SpellingHit("misspelling", block, t.start, end, word,
                           [match_case(word, c) for c in corrections], safe=safe)

    def _regular_variant(self, lower: str) -> tuple[str, str] | None:
        """("gb", US spelling) of a regular British form the lists lack ("-ise" for "-ize")."""
        if self.is_word(lower):
            return None
        us = regular_british(lower, self.is_word)
        return ("gb", us) if us else None

    def _variant(self, block, t: Token, word: str, variant: tuple[str, str], names: NameIndex) -> SpellingHit | None:
        capitalised = word[0].isupper() and not is_acronym(word) and not is_mixed_case(word)
        if capitalised and self._is_name(block.text, t, word, names):
            return None  # Labour, Windows Media Center
        variety, other = variant
        return SpellingHit("variant", block, t.start, t.start + len(word), word, [match_case(word, other)],
                           variety=variety)

    def _unknown(self, block, t: Token, word: str, lower: str, names: NameIndex) -> SpellingHit | None:
        """A word neither known nor built from known words: unknown, or a name the article
        spells two ways; names, acronyms, bound parts of compounds and introduced terms are not."""
        if self.is_word(lower) or is_acronym(word) or is_mixed_case(word):
            return None
        text = block.text
        end = t.start + len(word)
        if word[0].isupper():
            # A first name or surname of a full name is another person's, not a respelling
            # ("Arjen Robben" beside "Arjan de Zeeuw").
            other = None if in_title_case_run(text, t.start, end) else names.other_spelling(word)
            if other:
                return SpellingHit("name", block, t.start, end, word, [other])
            if not self.check_names and (t.compound_part or self._is_name(text, t, word, names)):
                return None
        elif t.compound_part and self._bound_part(text, t, lower, end):
            return None
        if in_quotes_alone(text, t.start, t.end):
            return None  # a term being introduced: the "liberati"
        suggestions = []
        if self._suggestions_left > 0:
            self._suggestions_left -= 1
            suggestions = self.suggest(word, text, t)
        return SpellingHit("unknown", block, t.start, end, word, suggestions)

    def _bound_part(self, text: str, t: Token, lower: str, end: int) -> bool:
        """A lower-case part of a compound that is a prefix, short, or part of a known whole."""
        return (lower in _COMPOUND_PREFIXES or len(t.stem) < MIN_COMPOUND_UNKNOWN
                or self.is_word(hyphenated_whole(text, t.start, end).lower()))

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


# "maneuvers (sic)": the writer marks the spelling as the original's, on purpose.
_SIC = re.compile(r"\s*[(\[]sic[)\]]", re.I)


def _meant(text: str, t: Token, lower: str, is_word) -> bool:
    """Written so on purpose: cut by a character reference, a dropped g, a file
    extension, or marked (sic)."""
    return bool(touches_entity(text, t.start, t.end) or _dropped_g(text, t, lower, is_word)
                or _file_extension(text, t.start) or _SIC.match(text, t.end))


def _file_extension(text: str, start: int) -> bool:
    """".png files", "the .mobi domain": a dot that opens the word names a file type or domain."""
    return start > 0 and text[start - 1] == "." and (start == 1 or not text[start - 2].isalnum())


def _dropped_g(text: str, t: Token, lower: str, is_word) -> bool:
    """"tryin'", "nothin'": an -in' ending for -ing, written on purpose."""
    return (lower.endswith("in") and t.end < len(text) and text[t.end] in "'’"
            and is_word(lower + "g"))


def _neighbour(text: str, last: bool) -> str:
    m = (_NEIGHBOUR_BEFORE if last else _NEIGHBOUR_AFTER).search(text[-40:] if last else text[:40])
    if not m:
        return ""
    # Don't look across a sentence end: the neighbour must be in the same sentence.
    between = text[m.end(1):] if last else text[:m.start(1)]
    return "" if any(c in between for c in ".!?") else m.group(1).lower()


def document_findings(doc, ctx) -> list[SpellingHit]:
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
        from .settings import SCHEMA

        _, language, accept, settings = key
        # An unset key takes the default the settings table documents: one source for both.
        s = {name: param.default for name, param in SCHEMA.items()} | dict(settings)
        _CHECKERS[key] = SpellChecker(language, accept, min_length=s["min-length"],
                                      check_names=s["check-names"], suggestions=s["suggestions"],
                                      report_repeats=s["report-repeats"], max_unknown=s["max-unknown-words"])
    return _CHECKERS[key]


def _known_whole(known, lower_stem: str, text: str) -> bool:
    """The stem, or the word as written, in `known` once its curly apostrophes are straight."""
    return (lower_stem.replace("’", "'") in known
            or text.lower().replace("’", "'") in known)
