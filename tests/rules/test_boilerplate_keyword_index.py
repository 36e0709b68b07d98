"""The keyword index (one pass finds every owner whose keyword a line holds)."""
from __future__ import annotations

from lint.boilerplate.keyword_index import KeywordIndex


def test_owners_of_every_keyword_found_anywhere_in_the_line():
    index = KeywordIndex({0: ("all rights reserved",), 1: ("sign up", "subscribe"), 2: ("rights",)})
    assert index.owners_in("example media, all rights reserved") == {0, 2}
    assert index.owners_in("subscribe and sign up") == {1}
    assert index.owners_in("nothing here") == set()
    assert index.owners_in("") == set()


def test_overlapping_and_nested_keywords_are_all_found():
    index = KeywordIndex({"a": ("he",), "b": ("she",), "c": ("hers",)})
    assert index.owners_in("ushers") == {"a", "b", "c"}


def test_an_index_without_keywords_finds_nothing():
    assert KeywordIndex({}).owners_in("anything") == set()
    assert KeywordIndex({0: ("",)}).owners_in("anything") == set()


def _reference(keywords_by_owner: dict, line: str) -> set | None:
    found = {owner for owner, words in keywords_by_owner.items() for w in words if w and w in line}
    return found or None


_KEYWORDS = {0: ("all rights reserved",), 1: ("sign up", "subscribe"), 2: ("rights",), 3: ("he",),
             4: ("she", "hers"), 5: ("© ", "–"), -6: ("café", "naïve"), 7: ("日本",), 8: ("€",)}
_LINES = ("example media, all rights reserved", "subscribe and sign up", "nothing here", "", "ushers",
          "© 2024 – café naïve", "cafe naive", "日本語のニュース", "price: 5 € off", "a\ud800b she \udfff",
          "rights rights rights", "s", "\u00e9 e\u0301", "sign\u00a0up")


def test_each_scanner_gives_the_owners_of_the_keywords_the_line_holds():
    """The automaton's scanner and Hyperscan's (where installed) against `in` for every keyword."""
    index = KeywordIndex(_KEYWORDS)
    for fast in (False, True):
        scan = index.scanner(fast)
        for line in _LINES:
            assert scan(line) == _reference(_KEYWORDS, line), (fast, line)
            assert index.owners_in(line) == (_reference(_KEYWORDS, line) or set())
    for fast in (False, True):
        assert KeywordIndex({}).scanner(fast)("anything") is None


def test_hyperscan_is_used_where_it_is_declared():
    import platform
    import sys

    from lint.boilerplate.keyword_index import _hyperscan_scanner

    if sys.platform == "linux" and platform.machine() == "x86_64":  # pyproject.toml's marker
        assert _hyperscan_scanner({"a": frozenset({0})}) is not None
