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


def test_the_scanner_gives_the_owners_of_each_keyword_found():
    index = KeywordIndex({0: ("all rights reserved",), 1: ("sign up", "subscribe"), 2: ("rights",)})
    scan = index.scanner()
    for line in ("example media, all rights reserved", "subscribe and sign up", "nothing here", "", "ushers"):
        found = set()
        for _, owners in scan(line):
            found |= owners
        assert found == index.owners_in(line)
    assert list(KeywordIndex({}).scanner()("anything")) == []
