"""Hostile input stays linear: the work the spelling pass and the JSON reader do,
counted (not timed), grows with the text, not with its square.

The work counted is what the Python code does with the text: every character it
reads by index, every character it copies by slicing, and every character
`str.find` passes over. Pattern matching at C speed is not counted (it is linear).
"""
from __future__ import annotations

import json
import random

import pytest

from lint.document import Block, OffsetMap
from lint.readers import jsondocs
from lint.spelling import names as names_module
from lint.spelling import tokens
from lint.spelling.checker import SpellChecker
from lint.spelling.tokens import tokenize

GROWTH = 2.3  # per doubling: 2 is linear, 4 quadratic


class CountingStr(str):
    """A str that adds up the characters the code reads, copies or searches in it."""

    work = 0

    def __getitem__(self, key):
        if isinstance(key, slice):
            start, stop, step = key.indices(len(self))
            CountingStr.work += max(1, len(range(start, stop, step)))
        else:
            CountingStr.work += 1
        return str.__getitem__(self, key)

    def find(self, sub, start=None, end=None):
        found = str.find(self, sub, start, end)
        begin = 0 if start is None else start
        CountingStr.work += (found if found != -1 else (len(self) if end is None else end)) - begin + 1
        return found


def _random_word(rng, capital=False):
    word = "".join(rng.choice("bcdfghjklmnpqrstvwxz" if k % 2 else "aeiouy") for k in range(rng.randint(5, 9)))
    return word.capitalize() if capital else word


HOSTILE = {
    "no whitespace": lambda n, rng: "zq," * (n // 3),
    "mojibake": lambda n, rng: "Ã©" * (n // 2),
    "CJK paragraph": lambda n, rng: "".join(chr(0x4E00 + rng.randrange(5000)) + ("，" if i % 9 == 8 else "")
                                            for i in range(n)),
    "unknown words": lambda n, rng: " ".join(_random_word(rng) for _ in range(n // 7)),
    "dotted run": lambda n, rng: "zq." * (n // 3),
    "pieces of one long word": lambda n, rng: "zq xv " + "zqxv" * (n // 4),
}


class CountingPattern:
    """Stands in for the tokenizer's word pattern and adds up the length of every match
    it is asked for at a given place (matching from inside a long word rescans it)."""

    def __init__(self, real):
        self.real = real

    def match(self, text, pos=0):
        m = self.real.match(text, pos)
        CountingStr.work += (m.end() - pos) if m else 1
        return m

    def __getattr__(self, name):
        return getattr(self.real, name)


@pytest.fixture(scope="module")
def checker():
    return SpellChecker()


def spelling_work(checker, text: str) -> int:
    CountingStr.work = 0
    block_text = CountingStr(text)
    checker.check_blocks([Block("paragraph", block_text, OffsetMap.identity(0, len(text)), 0, len(text))])
    return CountingStr.work


@pytest.mark.parametrize("name", HOSTILE)
def test_spelling_work_grows_linearly_on_hostile_text(checker, name, monkeypatch):
    # Suggestions cost the same per word at any size (and are capped per document);
    # leaving them out keeps the test quick without hiding the tokenizer's work.
    monkeypatch.setattr(SpellChecker, "suggest", lambda self, word, text="", token=None: [])
    monkeypatch.setattr(tokens, "_WORD", CountingPattern(tokens._WORD))
    work = [spelling_work(checker, HOSTILE[name](n, random.Random(1))) for n in (3000, 6000, 12000)]
    assert work[1] <= GROWTH * work[0] and work[2] <= GROWTH * work[1], work


def test_neighbour_words_are_found_without_copying_the_block(checker):
    """Ranking looks at the words before and after an unknown word: a window, not the block."""
    rng = random.Random(2)
    work = []
    for n in (400, 800, 1600):
        text = " ".join(_random_word(rng) for _ in range(n)) + "."
        CountingStr.work = 0
        block_text = CountingStr(text)
        for t in tokenize(block_text):
            checker._neighbours(block_text, t)
        work.append(CountingStr.work)
    assert work[1] <= GROWTH * work[0] and work[2] <= GROWTH * work[1], work


def test_names_one_edit_apart_are_looked_up_not_compared_with_every_name(monkeypatch):
    calls = 0
    real = names_module._one_edit

    def counting(a, b):
        nonlocal calls
        calls += 1
        return real(a, b)

    monkeypatch.setattr(names_module, "_one_edit", counting)
    rng = random.Random(3)
    counts = []
    for n in (500, 1000, 2000):
        # Same first letter, same length: each passes the cheap tests against every other.
        names = ["Z" + "".join(rng.choice("aeioubcdfg") for _ in range(7)) for _ in range(n)]
        text = " ".join(names + names[: n // 4])  # some used twice, so there are more frequent ones
        index = names_module.NameIndex([text], [])
        calls = 0
        for name in names:
            index.other_spelling(name)
        counts.append(calls + n)
    assert counts[1] <= GROWTH * counts[0] and counts[2] <= GROWTH * counts[1], counts


def test_one_long_json_record_maps_offsets_in_linear_work(monkeypatch):
    """The body's paragraphs share one JSON string: its segments are listed once, not per paragraph."""
    listed = 0
    real = OffsetMap.segments

    def counting(self):
        nonlocal listed
        for seg in real(self):
            listed += 1
            yield seg

    monkeypatch.setattr(OffsetMap, "segments", counting)
    work = []
    for n in (200, 400, 800):
        body = "\n\n".join(f"Paragraph {i} of the caf\u00e9 \u201cstory\u201d." for i in range(n))
        source = json.dumps({"headline": "A long record", "body": body}) + "\n"
        listed = 0
        (doc,) = jsondocs.read(source, "export.jsonl", {})
        assert len(doc.blocks) == n + 1
        work.append(listed)
    assert work[1] <= GROWTH * work[0] and work[2] <= GROWTH * work[1], work


def test_an_unknown_words_uses_are_found_only_as_far_as_they_are_taken(monkeypatch):
    # One unknown word used over and over ("zq,zq,..."): the spelling pass stops at its
    # limit of unknown words, so the uses past it must not be looked at at all.
    from itertools import islice

    looked_at = []
    real = tokens._starts_word
    monkeypatch.setattr(tokens, "_starts_word", lambda text, i: looked_at.append(i) or real(text, i))
    for n in (30000, 120000):
        looked_at.clear()
        taken = list(islice(tokenize("zq," * n, known={"the"}), 100))
        assert [t.text for t in taken] == ["zq"] * 100
        assert len(looked_at) <= 101, (n, len(looked_at))


class _CountingLexicon:
    """A lexicon that knows no word and adds up the characters of every word looked up."""

    def __init__(self):
        self.work = 0

    def __contains__(self, word):
        self.work += len(word)
        return False

    def zipf(self, word):
        return 0.0


def test_a_long_run_of_letters_is_not_split_into_every_compound():
    # Every split of a 1 MB token was tried as two words (minutes of CPU); a run longer
    # than any two-word compound is not tried at all.
    from lint.spelling.words import MAX_COMPOUND, is_derived

    work = []
    for n in (4_000, 8_000, 16_000):
        lexicon = _CountingLexicon()
        is_derived("a" * n, lexicon)
        work.append(lexicon.work)
    assert all(b <= GROWTH * max(a, 1) for a, b in zip(work, work[1:])), work
    lexicon = _CountingLexicon()
    is_derived("ferryboat" * 3, lexicon)  # 27 letters: still tried as a compound
    assert 27 < MAX_COMPOUND and lexicon.work > 27
