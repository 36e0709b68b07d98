"""Hyphenation points of a word, as pyphen finds them, for a fraction of its load time.

textstat counts a word missing from the CMU dictionary as pyphen's hyphenation
points + 1. `pyphen.Pyphen(lang="en_US")` parses all 11,000 patterns of
`hyph_en_US.dic` up front (about 60 ms, plus 25 ms to import). This is the same
Liang algorithm on the same pattern file, but a pattern's digits are parsed only
when a word needs it, so loading costs a few milliseconds. Results equal
`Pyphen(lang="en_US").positions(word)` (tests/readability/test_syllables.py).
"""
from __future__ import annotations

import importlib.util
import os
import re
from itertools import compress
from operator import ne

from .. import prefork

LEFT, RIGHT = 2, 2  # pyphen's defaults: no break before the 2nd or after the len-2nd letter
_IGNORED = ("%", "#", "LEFTHYPHENMIN", "RIGHTHYPHENMIN", "COMPOUNDLEFTHYPHENMIN", "COMPOUNDRIGHTHYPHENMIN")
_IGNORED_LINE = re.compile("^(?:" + "|".join(map(re.escape, _IGNORED)) + ")", re.M)
STEMS_AFTER = 2000  # words hyphenated before the pattern beginnings are indexed


class Patterns:
    def __init__(self, path: str, shipped: bool = True):
        with open(path, "rb") as f:
            encoding = f.readline().decode().strip()
        with open(path, encoding=encoding) as f:
            text = f.read().partition("\n")[2]
        self.source = text  # what the files shipped with the wheel are looked up by
        found = None
        if shipped:  # read from the wheel: a tenth of the 10-15 ms analysing the file costs
            from . import prebuilt

            found = prebuilt.hyphenation_patterns(text)
        self._raw, self._letters, self.maxlen = found or analyse(text)
        self._parsed: dict[str, tuple[int, list[int]]] = {}
        # Every pattern and every proper beginning of one in one table: slice -> (offset,
        # values, whether a longer pattern begins with it), so the scan from a letter
        # stops at the first slice no pattern begins with, one lookup a slice instead of
        # up to maxlen. Building it costs about 20 ms, more than an article's words save,
        # so it is built only for a process that has hyphenated many words (a page of
        # made-up words, a large archive).
        self._table: dict[str, tuple[int, list[int], bool]] | None = None
        self._calls = 0

    def _values(self, key: str) -> tuple[int, list[int]]:
        found = self._parsed.get(key)
        if found is None:
            values, digit = [], 0
            for ch in self._raw[key]:
                if ch.isdigit():
                    digit = int(ch)
                else:
                    values.append(digit)
                    digit = 0
            values.append(digit)
            start = next(i for i, v in enumerate(values) if v)
            end = len(values) - next(i for i, v in enumerate(reversed(values)) if v)
            found = self._parsed[key] = (start, values[start:end])
        return found

    def positions(self, word: str) -> list[int]:
        word = word.lower()
        if self._letters is not None and self._letters.isdisjoint(word):
            return []
        pointed = f".{word}."
        refs = [0] * (len(pointed) + 1)
        self._calls += 1
        if self._calls == STEMS_AFTER:
            self.build_table()
        if self._table is not None:
            self._apply_table(pointed, refs)
        else:
            self._apply_patterns(pointed, refs)
        right = len(word) - RIGHT
        return [i - 1 for i, r in enumerate(refs) if r % 2 and LEFT <= i - 1 <= right]

    def build_table(self) -> None:
        """The table of patterns and their beginnings now, not after STEMS_AFTER words."""
        if self._table is None:
            from . import prebuilt

            self._table = prebuilt.hyphenation_table(self.source) or self._build_table()

    def _build_table(self) -> dict[str, tuple[int, list[int], bool]]:
        stems = {key[:k] for key in self._raw for k in range(1, len(key))}
        table = {stem: (0, [], True) for stem in stems}
        for key in self._raw:
            offset, values = self._values(key)
            table[key] = (offset, values, key in stems)
        return table

    def _apply_table(self, pointed: str, refs: list[int]) -> None:
        get, n, maxlen = self._table.get, len(pointed), self.maxlen
        for i in range(n - 1):
            for j in range(i + 1, min(i + maxlen, n) + 1):
                entry = get(pointed[i:j])
                if entry is None:
                    break  # neither a pattern nor the beginning of one
                offset, values, longer = entry
                k = i + offset
                for v in values:
                    if v > refs[k]:
                        refs[k] = v
                    k += 1
                if not longer:
                    break

    def _apply_patterns(self, pointed: str, refs: list[int]) -> None:
        raw = self._raw
        for i in range(len(pointed) - 1):
            for j in range(i + 1, min(i + self.maxlen, len(pointed)) + 1):
                piece = pointed[i:j]
                if piece in raw:
                    offset, values = self._values(piece)
                    for k, v in enumerate(values, i + offset):
                        if v > refs[k]:
                            refs[k] = v


def analyse(text: str) -> tuple[dict[str, str], frozenset | None, int]:
    """The patterns of a pattern file's text (`_read_patterns`), the letters they are made
    of, and the longest one's length."""
    raw = _read_patterns(text)
    # The letters the patterns are made of: a word with none of them (Chinese, Greek,
    # Cyrillic) can match no pattern, and has no points; 45% of the cost of a page of
    # Chinese went into scanning its words for patterns that could not be there.
    letters = set("".join(raw)) - {"."}
    letters = frozenset(letters) if all(key.strip(".") for key in raw) else None
    return raw, letters, max(map(len, raw))


def _read_patterns(text: str) -> dict[str, str]:
    """letters -> pattern ("ab1c" under "abc") of each line of the pattern file, as a loop
    over the stripped lines would give (one over the file's 11,000 lines cost 15 ms)."""
    lines = list(map(str.strip, text.split("\n")))
    text = "\n".join(lines)
    # Each line's letters and whether it has a nonzero digit, from the whole text's bytes
    # with the digits deleted.
    data = text.encode("utf-8")
    letters = data.translate(None, b"0123456789").decode("utf-8").split("\n")
    without_nonzero = data.translate(None, b"123456789").decode("utf-8").split("\n")
    for m in _IGNORED_LINE.finditer(text):  # comments and settings: a few lines at the top
        k = text.count("\n", 0, m.start())
        without_nonzero[k] = lines[k]
    # Patterns of zeros only (and blank lines) are dropped, as pyphen drops them (an
    # earlier pattern with the same letters then stays in force).
    return dict(compress(zip(letters, lines), map(ne, lines, without_nonzero)))


_patterns: Patterns | None = None


def bundled_patterns(shipped: bool = True) -> Patterns:
    """The patterns of pyphen's en_US file, which textstat hyphenates with (`shipped`: read
    their analysis from the wheel's file when there is one built from this text)."""
    spec = importlib.util.find_spec("pyphen")  # the pattern file only, not the package
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("the 'pyphen' package is required for readability metrics")
    base = list(spec.submodule_search_locations)[0]
    return Patterns(os.path.join(base, "dictionaries", "hyph_en_US.dic"), shipped)


def positions(word: str) -> list[int]:
    global _patterns
    if _patterns is None:
        _patterns = bundled_patterns()
    return _patterns.positions(word)


@prefork.register
def _build_table() -> None:
    if _patterns is not None:  # read by this process: a pool's workers share the table
        _patterns.build_table()
