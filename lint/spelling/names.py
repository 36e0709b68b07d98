"""Names in news copy: evidence, gathered over one article, that a word is a name.

A capitalised word in the middle of a sentence is a name (Blinken, Xinjiang,
Politico); so is a capitalised word the article uses again. Acronyms (SLS,
CNBC) and mixed-case brands (MacBook, SpaceX) are names by their shape. A name
is still reported when the article spells the same name differently elsewhere
and the other spelling is the more frequent one ("Blinken" x3, "Blinkin" x1).
"""
from __future__ import annotations

import re
from collections import Counter

_CAPITALISED = re.compile(r"(?<![\w'’])[A-Z][a-z]+(?![\w])")


def is_acronym(word: str) -> bool:
    return len(word) > 1 and word.isupper()


def is_mixed_case(word: str) -> bool:
    """MacBook, iPhone, eBay, SpaceX: an upper-case letter after the first one."""
    rest = word[1:]
    if rest.islower():  # cased letters, none upper: the usual word, without a loop
        return False
    return any(c.isupper() for c in rest) and not word.isupper()


class NameIndex:
    """The capitalised words of one article: how often each is used, and which of
    the words to check (`tokens`) also appear mid-sentence."""

    def __init__(self, texts, tokens):
        self.counts: Counter[str] = Counter()
        for text in texts:
            self.counts.update(_CAPITALISED.findall(text))
        self.mid_sentence: set[str] = {t.stem for t in tokens if not t.sentence_initial}
        self._near: dict[str, list[str]] | None = None  # key -> names; see _neighbours
        self._position: dict[str, int] = {}  # name -> place in the article's order of first use

    def is_name(self, word: str, sentence_initial: bool) -> bool:
        if not sentence_initial:
            return True
        # A sentence-initial word is a name if the article also uses it mid-sentence
        # or more than once; a one-off sentence-initial word is still checked.
        return word in self.mid_sentence or self.counts[word] > 1

    def other_spelling(self, word: str) -> str | None:
        """A more frequent name of the article one edit away from `word` ("Blinkin" -> "Blinken")."""
        if len(word) < 5:
            return None
        mine = self.counts[word]
        best = None
        for other in self._neighbours(word):  # in the order the article uses them
            n = self.counts[other]
            if n <= mine or other[0] != word[0] or abs(len(other) - len(word)) > 1 or other == word:
                continue
            if word == other + "s" or other == word + "s":
                continue  # a plural of the name ("the Grammys", "a Grammy"), not a respelling
            if _one_edit(word, other) and (best is None or n > self.counts[best]):
                best = other
        return best

    def _neighbours(self, word: str) -> list[str]:
        """The article's names that may be one edit from `word`: those sharing a key with it,
        a key being a name with one letter deleted, or the name itself (any one substitution,
        insertion, deletion or swap leaves two words with a key in common). Looking names up
        by key, not comparing with each name, keeps an article of many names linear."""
        if self._near is None:
            self._near = {}
            for i, name in enumerate(self.counts):
                self._position[name] = i
                for key in _keys(name):
                    self._near.setdefault(key, []).append(name)
        found = {name for key in _keys(word) for name in self._near.get(key, ())}
        return sorted(found, key=self._position.__getitem__)


def _keys(word: str) -> set[str]:
    return {word, *(word[:i] + word[i + 1:] for i in range(len(word)))}


def _one_edit(a: str, b: str) -> bool:
    """True when a and b differ by one substitution, insertion, deletion or adjacent swap."""
    if a == b:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (len(diff) == 2 and diff[1] == diff[0] + 1
                and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1:]
