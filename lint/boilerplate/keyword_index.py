"""Which of many literal keywords a line holds, in one pass over the line.

The phrase lexicon's floating patterns (`.{0,80}all rights reserved`) each need one
of a few keywords in the line; a corpus run asks, for every line, which patterns'
keywords it holds. An Aho-Corasick automaton (pyahocorasick, C) answers in one pass
whatever the number of keywords, where a regular-expression search tries its
alternatives at every character of the line.
"""
from __future__ import annotations


class KeywordIndex:
    """Keywords (lower case) by owner; `owners_in(text)` is the set of owners one of
    whose keywords occurs in `text`."""

    def __init__(self, keywords_by_owner: dict):
        owners_of: dict[str, set] = {}
        for owner, words in keywords_by_owner.items():
            for word in words:
                if word:
                    owners_of.setdefault(word, set()).add(owner)
        self._automaton = None
        if owners_of:
            import ahocorasick  # only a corpus run builds the index

            automaton = ahocorasick.Automaton()
            for word, owners in owners_of.items():
                automaton.add_word(word, frozenset(owners))
            automaton.make_automaton()
            self._automaton = automaton

    def scanner(self):
        """A function of a line giving (end, owners) for each keyword found in it, for a
        caller that runs over many lines (no call of owners_in per line)."""
        return self._automaton.iter if self._automaton is not None else _nothing

    def owners_in(self, text: str) -> frozenset | set:
        if self._automaton is None:
            return frozenset()
        found = None
        for _, owners in self._automaton.iter(text):
            if found is None:
                found = set(owners)
            else:
                found |= owners
        return found if found is not None else frozenset()


def _nothing(text: str) -> tuple:
    return ()
