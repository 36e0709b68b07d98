"""Ranked corrections for an unknown word.

Candidates: lexicon words within a few edits (optimal string alignment
distance, via rapidfuzz), searched among words of the same first letter and a
similar length (writers rarely get the first letter wrong), plus the words one
edit away that change the first letter.

Ranking is a small noisy-channel model: how common the candidate is (wordfreq
Zipf), minus the cost of the edits, where the edits people make when they
spell by ear cost less: a vowel for another vowel, a doubled or undoubled
letter, the same sound written differently (same Metaphone key), the same
consonant skeleton. The neighbouring words add a little when the pair is a
common phrase.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from .lexicon import Lexicon

VOWELS = set("aeiouy")
LETTERS = "abcdefghijklmnopqrstuvwxyz"
MAX_SUGGESTIONS = 5
# Candidates rarer than this are not proposed: corrections are common words.
MIN_CANDIDATE_ZIPF = 1.0

# Weights of the ranking, chosen by measurement on the spelling benchmark's dev
# set, in the middle of a broad plateau (nearby weights score within 1%).
W_EDIT = 1.5
W_FREQ = 1.0
B_SOUND = 1.6
B_SKELETON = 0.5
B_VOWELS_ONLY = 0.8
W_LEFT = 0.6  # log10 P(candidate | previous word)
W_RIGHT = 0.6  # log10 P(next word | candidate)
SHORTLIST = 30


def skeleton(word: str) -> str:
    """Consonants with doubled letters collapsed: "neccessarry" -> "ncsr"."""
    out = []
    for c in word:
        if c in VOWELS:
            continue
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)




def max_distance(length: int) -> int:
    return 1 if length <= 3 else 2 if length <= 8 else 3


class Suggester:
    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        # The lexicon keeps its words ordered by first letter, then length, so the words
        # of one first letter and a range of lengths are one slice, scanned by one
        # rapidfuzz call.
        self.words = list(lexicon.freqs)
        self.candidates = lru_cache(maxsize=20000)(self._candidates)
        self.suggest = lru_cache(maxsize=20000)(self._suggest)

    def _slice(self, letter: str, shortest: int, longest: int) -> list[str]:
        words = self.words
        lo = bisect_left(words, letter, key=_first)
        hi = bisect_right(words, letter, lo, key=_first)
        a = bisect_left(words, shortest, lo, hi, key=len)
        b = bisect_right(words, longest, a, hi, key=len)
        return words[a:b]

    def _candidates(self, word: str) -> dict[str, int]:
        n = len(word)
        limit = max_distance(n)
        found: dict[str, int] = {}
        pool = self._slice(word[0], n - limit, n + limit)
        for cand, dist, _ in process.extract(word, pool, scorer=OSA.distance,
                                             score_cutoff=limit, limit=None):
            found[cand] = dist
        freqs = self.lexicon.freqs
        for cand in _first_letter_edits(word):
            if cand not in found and cand in freqs:
                found[cand] = 1
        # Corrections are common words: drop the rare ones.
        floor = 30 * MIN_CANDIDATE_ZIPF
        return {c: d for c, d in found.items() if freqs[c] >= floor}

    def _suggest(self, word: str, before: str = "", after: str = "") -> list[str]:
        if not word:
            return []
        cands = self.candidates(word)
        return self.rank(word, cands, before, after)[:MAX_SUGGESTIONS]

    def rank(self, word: str, cands: dict[str, int], before: str = "", after: str = "") -> list[str]:
        """Candidates (word -> edit distance) best first."""
        if not cands:
            return []
        from .context import get_model

        model = get_model()
        sound = _metaphone(word)
        skel = skeleton(word)
        zipf = self.lexicon.zipf
        # The frequency and edit cost alone settle most of the ranking: only the best
        # few candidates by those go on to the dearer sound and context features.
        cheap = sorted(((W_FREQ * _phrase_zipf(c, zipf, model) - W_EDIT * d, c) for c, d in cands.items()),
                       reverse=True)
        scored = []
        for score, cand in cheap[:SHORTLIST]:
            # A phrase ("alot" -> "a lot") is compared as the word it was misspelt as, and
            # meets its neighbours with its first and last words.
            joined, first, last = cand.replace(" ", ""), cand.split(" ")[0], cand.split(" ")[-1]
            if _metaphone(joined) == sound:
                score += B_SOUND
            if skeleton(joined) == skel:
                score += B_SKELETON
            if _same_consonants(word, joined):
                score += B_VOWELS_ONLY
            score += W_LEFT * model.left(before, first) + W_RIGHT * model.right(last, after)
            scored.append((score, cand))
        scored.sort(key=lambda x: (-x[0], x[1]))
        return [c for _, c in scored]


def _phrase_zipf(cand: str, zipf, model) -> float:
    """The Zipf frequency of a candidate; of a phrase (codespell's "a lot" for "alot"), by
    the chain rule over the word-pair model: its first word's frequency plus log10 P(each
    next word | the one before). The lexicon knows no phrase, so a phrase used to score 0
    and lose to any rare word ("allot")."""
    if " " not in cand:
        return zipf(cand)
    words = cand.split()
    return zipf(words[0]) + sum(model.right(a, b) for a, b in zip(words, words[1:]))


def _same_consonants(a: str, b: str) -> bool:
    """Only vowels differ, position by position ("definate" / "definite")."""
    if len(a) != len(b):
        return False
    return all(x == y or (x in VOWELS and y in VOWELS) for x, y in zip(a, b))


@lru_cache(maxsize=200000)
def _metaphone(word: str) -> str:
    import jellyfish
    return jellyfish.metaphone(word)


def _first(word: str) -> str:
    return word[0]


def _first_letter_edits(word: str):
    """The one-edit variants that change the first letter (the others share it, and the
    first-letter pools find them)."""
    rest = word[1:]
    for c in LETTERS:
        yield c + rest  # substitution
        yield c + word  # insertion before
    yield rest  # deletion
    if len(word) > 1:
        yield word[1] + word[0] + word[2:]  # transposition
