"""Finding the words to spell-check in a block of prose.

Whitespace-separated chunks that are not prose are skipped whole: URLs,
e-mail addresses, handles, hashtags, domains and file names. Inside the other
chunks, a word is a run of letters with inner apostrophes; a word that touches
a digit or an underscore (512GB, 4K, i9, 5th, snake_case) is not a word, and
the parts of a hyphenated compound are words of their own. Contractions and
possessives (China's, there’ll, didn't) are checked without their ending.
"""
from __future__ import annotations

import heapq
import operator
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_LETTER = re.compile(r"[^\W\d_]")
_URL = re.compile(r"^[(\[<\"“‘']*(?:[a-z][a-z0-9+.-]*://|www\.)", re.I)
# The look-behind makes a search try each run of address characters once, from its
# start, instead of from every character of it (quadratic on a long run).
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]+")
_SPACE = re.compile(r"\s")
_SIGIL = re.compile(r"^[(\[\"“‘']*[@#$]")
# host.tld or name.ext: a dot between two letter runs with no space ("onmeth.com",
# "report.pdf", "Node.js"); "U.S." has one-letter parts and is left to the initials rule.
_DOTTED = re.compile(r"\w\.[^\W\d_]{2,}|/|\\")
_ENDINGS = ("'s", "’s", "n't", "n’t", "'ll", "’ll", "'ve", "’ve", "'re", "’re", "'d", "’d", "'m", "’m")
# Words after which a capitalised word is not a sentence start.
_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "sen", "rep", "gov", "gen", "col", "lt", "sgt",
                  "capt", "prof", "rev", "jr", "sr", "no", "vs", "v", "inc", "co", "corp", "ltd",
                  "ft", "mt", "ave", "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct",
                  "nov", "dec", "fig", "u.s", "u.k", "u.n", "e.g", "i.e", "etc"}
_LONGEST_ABBREVIATION = max(map(len, _ABBREVIATIONS))
_OPENERS = "\"“‘'([{*_—–-•·"
# More distinct unknown words than this in one text: they are found by one scan of
# its words rather than one str.find pass over the text per word (U passes: quadratic
# when U grows with the text, as on a line of unknown words).
FIND_LIMIT = 32


@dataclass(slots=True)
class Token:
    start: int  # offsets in the block text
    end: int
    text: str  # the word as written, ending included
    stem: str  # the word to check: text without a contraction or possessive ending
    sentence_initial: bool
    compound_part: bool  # one part of a hyphenated compound


def _skip_chunk(chunk: str) -> bool:
    return bool(_URL.match(chunk) or _SIGIL.match(chunk) or _EMAIL.search(chunk)
                or _DOTTED.search(chunk))


def _strip_ending(word: str) -> str:
    if "'" not in word and "’" not in word:  # every ending has an apostrophe
        return word
    for ending in _ENDINGS:
        # "I'm", "I've", "I'll", "I'd": the one stem of one letter that takes an ending.
        if word.endswith(ending) and (len(word) > len(ending) + 1 or word[0] == "I"):
            return word[: -len(ending)]
    return word


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and (text[i].isspace() or text[i] in _OPENERS):
        i -= 1
    if i < 0:
        return True
    ch = text[i]
    if ch in "!?…:;":
        return True
    if ch != ".":
        return False
    # "Mr. Blinken", "J. Smith", "U.S. Secretary": the dot ends an abbreviation.
    # A run longer than any abbreviation is none, however long: stop looking there.
    j = i
    stop = max(0, i - _LONGEST_ABBREVIATION - 1)
    while j > stop and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    before = text[j:i].lower()
    # "didn't." ends a sentence: a letter after an apostrophe is a contraction, not an initial.
    initial = len(before) == 1 and not (j > 0 and text[j - 1] in "'’")
    return not (initial or before in _ABBREVIATIONS)


def _chunk_bounds(text: str, s: int, e: int) -> tuple[int, int]:
    """The whitespace-separated chunk around text[s:e]. Called once per chunk, in
    order: the scan back stops at the whitespace that ended the chunk before, so all
    the scans of a text together cover it once."""
    while s > 0 and not text[s - 1].isspace():
        s -= 1
    space = _SPACE.search(text, e)
    return s, (space.start() if space else len(text))


def tokenize(text: str, known=None, exceptions=None):
    """Yield the checkable words of `text`, in order. With `known` (a set or dict of
    lower-case words), words in it, unless also in `exceptions` (a frozenset), are skipped before any
    other work: most words of an article are common words, and finding the rest at C
    speed keeps the pass fast."""
    matches = _WORD.finditer(text) if known is None else _unknown_matches(text, known, exceptions or frozenset())
    cs = ce = -1
    skip = False
    for m in matches:
        s, e = m.span()
        if s >= ce:  # matches come left to right: past the chunk of the last one, a new chunk
            cs, ce = _chunk_bounds(text, s, e)
            skip = _skip_chunk(text[cs:ce])
        if skip:
            continue
        before = text[s - 1] if s > cs else ""
        after = text[e] if e < ce else ""
        if _part_of_more(text, s, e, cs, ce, before, after):
            continue
        word = m.group()
        compound = before == "-" or after == "-"
        yield Token(s, e, word, _strip_ending(word), _sentence_initial(text, s) and before != "-", compound)


def _part_of_more(text: str, s: int, e: int, cs: int, ce: int, before: str, after: str) -> bool:
    """The word text[s:e] (in the chunk text[cs:ce], between the characters `before` and
    `after`) is part of something that is not a word."""
    if before.isdigit() or after.isdigit() or before == "_" or after == "_":
        return True  # 512GB, i9, snake_case
    if ((before in "'’" and s - 1 > cs and text[s - 2].isalnum())
            or (after in "'’" and e + 1 < ce and text[e + 1].isalnum())):
        return True  # part of a quoted or odd apostrophe run
    # A brand after a one-letter prefix: e-tron, i-Pace, x-ray.
    return before == "-" and s - 2 >= cs and (s - 2 == cs or not text[s - 3].isalpha())


def _unknown_matches(text: str, known, exceptions) -> Iterable[re.Match]:
    """The word matches of `text` not in `known` (or in `exceptions`), in order, found
    by set operations instead of a Python loop over every word. Lazy when there are
    many: the spelling pass may stop early (checker.MAX_UNKNOWN_WORDS)."""
    words = set(_WORD.findall(text))
    built = getattr(known, "built_table", None)  # a lexicon.Words: its dict, once it has one
    if built is not None:
        known = built() or known
    # A set or dict is probed for each of the text's words; any other container
    # (lexicon.Words) would be iterated whole by set.difference.
    unknown = (words.difference(known) if isinstance(known, (set, frozenset, dict))
               else {w for w in words if w not in known})
    if exceptions:
        unknown |= words & exceptions
    unknown = [w for w in unknown
               if not (w[0].isupper() and (lw := w.lower()) in known and lw not in exceptions)]
    if not unknown:
        return []
    if len(unknown) > FIND_LIMIT:
        wanted = set(unknown)
        return (m for m in _WORD.finditer(text) if m.group() in wanted)
    # Each word's uses in order, merged lazily: a text of one unknown word used 300,000
    # times ("zq,zq,...") costs only the uses the pass looks at before its limit.
    return heapq.merge(*(_uses(text, w) for w in unknown), key=_START)


_START = operator.methodcaller("start")


def _uses(text: str, w: str) -> Iterator[re.Match]:
    """The word matches of `text` that are `w`, left to right."""
    i = text.find(w)
    while i != -1:
        # _starts_word first: inside a longer word, matching from i would scan the
        # rest of that word again for every occurrence of w in it.
        if _starts_word(text, i):
            m = _WORD.match(text, i)
            if m.end() == i + len(w):
                yield m
        i = text.find(w, i + 1)


def _starts_word(text: str, i: int) -> bool:
    """True when a word match can begin at i (as a left-to-right scan would find it)."""
    if i == 0:
        return True
    prev = text[i - 1]
    if _LETTER.match(prev):
        return False
    return not (prev in "'’" and i >= 2 and _LETTER.match(text[i - 2]))
