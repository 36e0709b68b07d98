"""Which of many literal keywords a line holds, in one pass over the line.

The phrase lexicon's floating patterns (`.{0,80}all rights reserved`) each need one
of a few keywords in the line; a corpus run asks, for every line, which patterns'
keywords it holds. An Aho-Corasick automaton (pyahocorasick, C) answers in one pass
whatever the number of keywords, where a regular-expression search tries its
alternatives at every character of the line. Where Hyperscan's wheel is installed
(x86-64 Linux, a declared dependency there), a corpus run's scanner uses its literal
matcher instead: about half the automaton's time a character, with the same answer.
"""
from __future__ import annotations

import threading


class KeywordIndex:
    """Keywords (lower case) by owner; `owners_in(text)` is the set of owners one of
    whose keywords occurs in `text`."""

    def __init__(self, keywords_by_owner: dict):
        owners_of: dict[str, set] = {}
        for owner, words in keywords_by_owner.items():
            for word in words:
                if word:
                    owners_of.setdefault(word, set()).add(owner)
        self._owners_of = {word: frozenset(owners) for word, owners in owners_of.items()}
        self._automaton = None
        if owners_of:
            import ahocorasick  # only a corpus run builds the index

            automaton = ahocorasick.Automaton()
            for word, owners in self._owners_of.items():
                automaton.add_word(word, owners)
            automaton.make_automaton()
            self._automaton = automaton

    def scanner(self, fast: bool = True):
        """A function of a line giving the set of owners found in it, or None when it
        holds no keyword, for a caller that runs over many lines. `fast`: by Hyperscan
        when it is installed (the automaton otherwise)."""
        if self._automaton is None:
            return _nothing
        if fast:
            found = _hyperscan_scanner(self._owners_of)
            if found is not None:
                return found
        iterate = self._automaton.iter

        def found_in(text: str) -> set | None:
            found = None
            for _, owners in iterate(text):
                if found is None:
                    found = set(owners)
                else:
                    found |= owners
            return found

        return found_in

    def owners_in(self, text: str) -> frozenset | set:
        return self.scanner(fast=False)(text) or frozenset()


def _nothing(text: str) -> None:
    return None


def _hyperscan_scanner(owners_of: dict[str, frozenset]):
    """`KeywordIndex.owners_in` by Hyperscan's literal matcher, or None without it.

    It matches bytes: the line and the keywords are encoded as UTF-8 (a lone surrogate
    as its three bytes), and since no character's bytes begin inside another's, a
    keyword's bytes occur in a line's exactly where the keyword occurs in the line."""
    try:
        import hyperscan
    except ImportError:
        return None
    words = list(owners_of)
    owners = [owners_of[w] for w in words]
    try:
        database = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
        database.compile(expressions=[w.encode("utf-8", "surrogatepass") for w in words],
                         ids=list(range(len(words))), elements=len(words),
                         flags=hyperscan.HS_FLAG_SINGLEMATCH, literal=True)
    except Exception:  # an older library without the literal compiler: the automaton
        return None
    scan = database.scan
    local = threading.local()  # a scratch space and a list of hits per thread: a scan writes into them

    def found_in(text: str) -> set | None:
        try:
            scratch, hits = local.state
        except AttributeError:
            scratch, hits = local.state = hyperscan.Scratch(database), []
        hits.clear()  # (a scan cut short by an exception leaves its hits)
        scan(text.encode("utf-8", "surrogatepass"), _hit, 0, hits, scratch)
        if not hits:
            return None
        found = set(owners[hits[0]])
        for k in hits[1:]:
            found |= owners[k]
        return found

    return found_in


def _hit(keyword: int, start: int, end: int, flags: int, hits: list) -> None:
    hits.append(keyword)
