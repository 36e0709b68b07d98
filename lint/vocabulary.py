"""The project's vocabulary: accepted terms are never reported by any rule.

Matching is "smart case", as in Vale: an all-lower-case entry matches any
capitalisation ("covid" accepts "COVID" and "Covid"); an entry with a capital
letter matches exactly ("iPhone" does not accept "Iphone"). An entry that
starts with `re:` is a regular expression matched against the whole term, run
under the time guard of lint/patterns.py.
"""
from __future__ import annotations

from .errors import ConfigError


def check_terms(terms, where: str) -> None:
    """Raise ConfigError naming `where` and the term when a `re:` term does not compile
    (the config calls this as it loads, so the error names the file and key)."""
    from .patterns import PatternError, compile_pattern

    for term in terms:
        if term.startswith("re:"):
            try:
                compile_pattern(term[3:], 0, where, shown=term)
            except PatternError as e:
                raise ConfigError(str(e)) from None


class Vocabulary:
    def __init__(self, accept: tuple[str, ...] = ()):
        self._exact: set[str] = set()
        self._folded: set[str] = set()
        self._patterns: list = []
        for term in accept:
            if term.startswith("re:"):
                from .patterns import GuardedPattern, PatternError, compile_pattern

                where = "vocabulary: accepted term"
                try:
                    rx = compile_pattern(term[3:], 0, where, shown=term)
                except PatternError as e:
                    raise ConfigError(str(e)) from None
                self._patterns.append(GuardedPattern(rx, where, term))
            elif term == term.lower():
                self._folded.add(term.casefold())
            else:
                self._exact.add(term)

    def __bool__(self) -> bool:
        return bool(self._exact or self._folded or self._patterns)

    def accepts(self, text: str) -> bool:
        t = text.strip()
        # A possessive of an accepted name is accepted too.
        for cand in (t, t[:-2] if t.endswith(("'s", "’s")) else None):
            if not cand:
                continue
            if cand in self._exact or cand.casefold() in self._folded:
                return True
            if any(p.fullmatch(cand) for p in self._patterns):
                return True
        return False
