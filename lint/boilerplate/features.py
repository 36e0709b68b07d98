"""The shape of a line: what an editor sees at a glance before reading it.

Article prose is made of sentences; residue is made of labels, buttons, names
and headlines. These few measures tell them apart well enough to decide what a
line *between* residue is, and where the article's text begins and ends.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_STOPS = ".!?…"
_CLOSERS = "\"'”’)]"
_SMALL = {"a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "by", "with",
          "from", "as", "is", "vs", "via", "de", "la", "le", "el", "y", "und", "der", "die", "das"}
# Every spelling of the small words in upper and lower case: a token whose lower case is a
# small word is one of them (no character outside ASCII lowers to one of their letters),
# so the test needs no lower() per word.
_SMALL_FORMS = frozenset("".join(cs) for w in _SMALL for cs in itertools.product(*((c, c.upper()) for c in w)))


# An ASCII line's words without a regular expression (the engine's per-character scan and
# one string per word were most of shape()'s time): each byte becomes its class, a letter
# (itself), a character a word may hold after its first letter ("#": digits, "_", "'",
# "-") or a separator (" "); split() then gives each run of word characters, and a word is
# such a run from its first letter on (no letter: no word), as `_WORD` finds them.
_BYTE_CLASS = bytes(c if chr(c).isalpha() and c < 128 else 35 if chr(c) in "0123456789_'-" else 32
                    for c in range(256))
_SMALL_BYTES = frozenset(f.encode() for f in _SMALL_FORMS)
_LETTER_A = bytes(97 if 65 <= c <= 90 or 97 <= c <= 122 else c for c in range(256))  # a class's letters as "a"
# Typography that leaves `_WORD`'s words where they are: the closing quote is a word's
# apostrophe ("it’s"), the rest separate words. A line with no other character outside
# ASCII takes the bytes path.
_TYPOGRAPHY = (("’", "'"), ("‘", " "), ("“", " "), ("”", " "), ("–", " "), ("—", " "), ("…", " "), ("\xa0", " "))


@dataclass(slots=True)
class Shape:
    words: int  # word tokens (letters first)
    chars: int
    sentence: bool  # ends like a sentence
    label: bool  # ends with a colon: a lead-in or section label ("Why It Matters:")
    title_case: bool  # most significant words capitalised, as in a headline or menu item
    prose: bool  # a real paragraph: long, or a full sentence of some length


def shape(text: str) -> Shape:
    n, title_case = _words_and_title_case(text)
    # A sentence ends with . ! ? or … before any closing quotes and brackets (a regex
    # anchored at the end would scan the whole line).
    tail = text.rstrip(_CLOSERS)[-1:]
    sentence = tail != "" and tail in _STOPS
    prose = n >= 25 or (sentence and n >= 10) or (sentence and n >= 6 and not title_case)
    return Shape(n, len(text), sentence, text.endswith(":"), title_case, prose)


def _words_and_title_case(text: str) -> tuple[int, bool]:
    """The number of `_WORD`'s words in `text`, and whether they are in title case: at
    most a quarter of the significant words (not small words) open in lower case (one
    word is never title case). More than n / 4 of them settles it (there are at most n
    significant words), so a paragraph of prose is decided after its first few words."""
    if not text.isascii():
        for typographic, plain in _TYPOGRAPHY:
            if typographic in text:
                text = text.replace(typographic, plain)
        if not text.isascii():
            return _unicode_words_and_title_case(text)
    classes = text.encode().translate(_BYTE_CLASS)
    runs = classes.split()
    # Runs of digits and marks alone are no words: without the marks, each word is a run of
    # letters, counted as the spaces that open one (no second list of runs).
    n = len(runs) if 35 not in classes else (b" " + classes.translate(_LETTER_A, b"#")).count(b" a")
    if n < 2:
        return n, False
    significant = lower = 0
    limit = n / 4
    for word in runs:
        if word[0] == 35:  # the word starts at the run's first letter
            word = word.lstrip(b"#")
            if not word:
                continue
        if word not in _SMALL_BYTES:
            significant += 1
            if word[0] >= 97:  # a lower-case letter (ASCII: a-z)
                lower += 1
                if lower > limit:
                    return n, False
    return n, significant > 0 and 4 * lower <= significant


def _unicode_words_and_title_case(text: str) -> tuple[int, bool]:
    words = _WORD.findall(text)
    n = len(words)
    if n < 2:
        return n, False
    significant = lower = 0
    limit = n / 4
    for w in words:
        if w not in _SMALL_FORMS:
            significant += 1
            if not w[0].isupper():
                lower += 1
                if lower > limit:
                    return n, False
    return n, significant > 0 and 4 * lower <= significant


# Code and markup: a line of an article's code sample is never a button, whatever it says.
# The punctuation ({ } [ ] ; =) is looked for with `in` (six scans of the line in C, no
# regex call); the opening is matched only when the line holds a slash or a hash at all.
_CODE_START = re.compile(r"\s*(//|#!?\s*\w+\s*=)")
_HTTP = re.compile(r"\bHTTP/\d")


def is_code(text: str) -> bool:
    """A line of code or markup (braces, brackets, an assignment, a comment, HTTP)."""
    if "=" in text or ";" in text or "[" in text or "]" in text or "{" in text or "}" in text:
        return True
    return ((("/" in text or "#" in text) and _CODE_START.match(text) is not None)
            or ("HTTP/" in text and _HTTP.search(text) is not None))


def headline_like(s: Shape) -> bool:
    """A line that could be the title of another story: a few words, no final stop."""
    return 3 <= s.words <= 22 and not s.sentence and not s.label
