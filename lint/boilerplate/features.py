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
# The same words in an ASCII line, found a third faster: the engine tests a range, not a
# Unicode category, per character (for ASCII characters the two classes agree).
_ASCII_WORD = re.compile(r"[A-Za-z][\w'-]*", re.ASCII)
_STOPS = ".!?…"
_CLOSERS = "\"'”’)]"
_SMALL = {"a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "by", "with",
          "from", "as", "is", "vs", "via", "de", "la", "le", "el", "y", "und", "der", "die", "das"}
# Every spelling of the small words in upper and lower case: a token whose lower case is a
# small word is one of them (no character outside ASCII lowers to one of their letters),
# so the test needs no lower() per word.
_SMALL_FORMS = frozenset("".join(cs) for w in _SMALL for cs in itertools.product(*((c, c.upper()) for c in w)))


@dataclass(slots=True)
class Shape:
    words: int  # word tokens (letters first)
    chars: int
    sentence: bool  # ends like a sentence
    label: bool  # ends with a colon: a lead-in or section label ("Why It Matters:")
    title_case: bool  # most significant words capitalised, as in a headline or menu item
    prose: bool  # a real paragraph: long, or a full sentence of some length


def shape(text: str) -> Shape:
    words = (_ASCII_WORD if text.isascii() else _WORD).findall(text)
    n = len(words)
    # A sentence ends with . ! ? or … before any closing quotes and brackets (a regex
    # anchored at the end would scan the whole line).
    tail = text.rstrip(_CLOSERS)[-1:]
    sentence = tail != "" and tail in _STOPS
    label = text.endswith(":")
    title_case = False
    if n >= 2:  # one word is never title case
        # Title case: at most a quarter of the significant words (not small words) open in
        # lower case. More than n / 4 of them settles it (there are at most n significant
        # words), so a paragraph of prose is decided after its first few words.
        significant = lower = 0
        limit = n / 4
        for w in words:
            if w not in _SMALL_FORMS:
                significant += 1
                if not w[0].isupper():
                    lower += 1
                    if lower > limit:
                        break
        else:
            title_case = significant > 0 and 4 * lower <= significant
    prose = n >= 25 or (sentence and n >= 10) or (sentence and n >= 6 and not title_case)
    return Shape(n, len(text), sentence, label, title_case, prose)


# Code and markup: a line of an article's code sample is never a button, whatever it says.
# Three searches, not one alternation: re scans a lone character class far faster.
_CODE_CHARS = re.compile(r"[{}\[\];=]")
_CODE_START = re.compile(r"\s*(//|#!?\s*\w+\s*=)")
_HTTP = re.compile(r"\bHTTP/\d")


def is_code(text: str) -> bool:
    """A line of code or markup (braces, brackets, an assignment, a comment, HTTP)."""
    return (_CODE_CHARS.search(text) is not None or _CODE_START.match(text) is not None
            or ("HTTP/" in text and _HTTP.search(text) is not None))


def headline_like(s: Shape) -> bool:
    """A line that could be the title of another story: a few words, no final stop."""
    return 3 <= s.words <= 22 and not s.sentence and not s.label
