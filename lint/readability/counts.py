"""The counts every readability formula rests on, made once per sentence.

textstat recounts words and syllables inside every formula; we count each
sentence once and add the counts up per paragraph and per document, so the
scores and the counts reported beside them always agree.

What counts as what (textstat 0.7.8's definitions, unless said otherwise):
- word: a run of letters or digits, with inner apostrophes, hyphens, points,
  commas or slashes kept inside it ("don't", "well-known", "U.S", "1.5", "1,000");
- letters: the letters and digits of the words (Coleman-Liau; also ARI, where
  textstat counts punctuation too but the published formula counts letters and numbers);
- polysyllable: a word of three syllables or more (SMOG, Linsear Write);
- complex word: a polysyllable that is not on the Dale-Chall list of familiar
  words (Gunning fog, as textstat counts it);
- difficult word: any word not on the Dale-Chall list (Dale-Chall).
"""
from __future__ import annotations

import importlib.util
import os
import re
from dataclasses import dataclass, fields

from .syllables import normalize, syllables

WORD = re.compile(r"\w+(?:['\u2019.,/-]\w+)*")
_NOT_LETTER = re.compile(r"[\W_]+")

_easy_words: frozenset[str] | None = None


def easy_words() -> frozenset[str]:
    """The Dale-Chall list of ~3,000 familiar words, as textstat ships it."""
    global _easy_words
    if _easy_words is None:
        spec = importlib.util.find_spec("textstat")  # the file only: importing textstat costs more
        if spec is None or not spec.submodule_search_locations:
            raise ImportError("the 'textstat' package is required for readability metrics")
        path = os.path.join(list(spec.submodule_search_locations)[0], "resources", "en", "easy_words.txt")
        with open(path, encoding="utf-8") as f:
            _easy_words = frozenset(line.strip() for line in f if line.strip())
    return _easy_words


@dataclass(slots=True)
class Counts:
    sentences: int = 0
    words: int = 0
    syllables: int = 0
    letters: int = 0
    polysyllables: int = 0
    complex_words: int = 0
    difficult_words: int = 0

    def add(self, other: "Counts") -> "Counts":
        self.sentences += other.sentences
        self.words += other.words
        self.syllables += other.syllables
        self.letters += other.letters
        self.polysyllables += other.polysyllables
        self.complex_words += other.complex_words
        self.difficult_words += other.difficult_words
        return self

    def as_dict(self) -> dict[str, int]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


# word as written -> (syllables, polysyllable, complex, difficult), once per process:
# news copy repeats its words, and an archive its vocabulary.
_word_facts: dict[str, tuple[int, int, int, int]] = {}


def _facts(word: str) -> tuple[int, int, int, int]:
    n = syllables(word)
    poly = n >= 3
    difficult = normalize(word) not in easy_words()
    facts = _word_facts[word] = (n, poly, poly and difficult, difficult)
    return facts


def count_sentence(text: str) -> Counts:
    """Counts of one sentence (one sentence, however many stops it holds)."""
    words = WORD.findall(text)
    if not words:
        return Counts()  # a stray mark or a lone dash is not a sentence
    get = _word_facts.get
    syl = poly = comp = diff = 0
    for word in words:
        f = get(word) or _facts(word)
        syl += f[0]
        poly += f[1]
        comp += f[2]
        diff += f[3]
    return Counts(1, len(words), syl, len(_NOT_LETTER.sub("", text)), poly, comp, diff)


def total(counts) -> Counts:
    out = Counts()
    for c in counts:
        out.add(c)
    return out
