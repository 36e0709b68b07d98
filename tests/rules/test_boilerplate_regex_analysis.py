"""What a pattern's matches must open with or contain (lint/boilerplate/regex_analysis.py).

Every answer is a promise the phrase lexicon relies on to skip a pattern without
running it, so besides the exact answers for common shapes, each fact is checked
against real matches: a line the pattern matches always satisfies it."""
from __future__ import annotations

import re

import pytest

from lint.boilerplate.regex_analysis import (
    WORD_TOKEN, contained_keywords, first_chars, keywords, may_start_with, prefixes, trie_pattern)


@pytest.mark.parametrize("pattern, expected", [
    ("no time to read", ("no time to read",)),
    ("(previous|next)( article)?", ("next", "previous")),
    ("(main |site )?(menu|nav)( toggle)?", ("main ", "menu", "nav", "site ")),
    (r"\d+ comments?", tuple("0123456789")),
    ("home|homepage", ("home", "homepage")),
    ("shares?", ("share",)),
    (r"[a-z]+ photo", None),
    (".{0,40}all rights reserved", None),
    ("(?=x)xy", None),
    (r"\.com", (".com",)),
])
def test_prefixes_are_read_off_the_pattern(pattern, expected):
    assert prefixes(pattern, 40) == expected


def test_prefixes_stop_growing_at_the_limit():
    assert prefixes("(next|prev) (article|post)", 4) == ("next", "prev")
    assert prefixes("(next|prev) (article|post)", 40) == ("next article", "next post", "prev article", "prev post")


@pytest.mark.parametrize("pattern, expected", [
    ("Share this", {"s"}),
    ("(print|e-?mail)", {"p", "e"}),
    ("[0-9]+ shares", set("0123456789")),
    ("(by )?[A-Z][a-z]+", {"b"} | {chr(c) for c in range(ord("a"), ord("z") + 1)}),
    (".{0,80}all rights reserved", None),
    ("[^a-z]x", None),  # a negated class: too wide to list
    ("x?", None),  # may match the empty line
])
def test_first_chars(pattern, expected):
    got = first_chars(pattern)
    assert (set(got) if got is not None else None) == expected


def test_keywords_of_a_floating_pattern():
    words, pieces = keywords(".{0,120}all rights reserved.{0,120}")
    assert pieces == ("all rights reserved",) and words == {"rights"}
    _, pieces = keywords(".{0,80}(may not be|cannot be) reproduced")
    assert pieces == ("cannot be", "may not be")
    assert keywords(".{0,40}ab") is None  # too short to be worth a test
    assert keywords("[a-z]+ .*") is None


def test_contained_keywords_look_inside_alternatives_and_take_a_lone_symbol():
    assert contained_keywords("(read later|(see|view) (the )?full gallery|.{3,120} (see|view) full gallery)") == (
        " see full gallery", " view full gallery", "full gallery", "read later")
    assert contained_keywords(r"[\w.+-]+@[\w-]+(\.[\w-]+)+") == ("@",)
    assert contained_keywords(r"(ab)+ cde") == (" cde",)
    assert contained_keywords("a|bc") is None  # a letter alone is in nearly every line
    assert contained_keywords(r"\w+ \w+") is None  # so is a space
    # "ſ" is an s to case-insensitive re: the keyword would miss "see" in an ASCII line.
    assert contained_keywords(".{0,9}ſee it") is None


def test_trie_pattern_matches_exactly_its_words():
    rx = re.compile(trie_pattern(["next", "next article", "news", "a.b"]))
    assert {w for w in ["next", "next article", "news", "a.b", "axb", "ne", "new"]
            if rx.fullmatch(w)} == {"next", "next article", "news", "a.b"}
    assert trie_pattern([]) == ""


def test_may_start_with_keeps_a_shared_group_for_symbols():
    assert may_start_with(frozenset({"s"}), "s") and not may_start_with(frozenset({"s"}), "t")
    assert may_start_with(frozenset({"©", "c"}), "") and not may_start_with(frozenset({"c"}), "")
    assert may_start_with(None, "q")


PATTERNS = [
    "(previous|next)( article)?", r"\d+ comments?", "share( this)?( article| story)?",
    ".{0,60}all rights reserved.{0,60}", "[^.!?]{2,40}(,| /) (ap|afp|reuters)( photo)?",
    r"(photo|image): .{1,60}", "(main |site )?(menu|nav)( toggle)?", r".{0,80}\bsign up (for|to)\b.{0,80}",
    "(by )?[a-z]+ [a-z]+", "©.{0,60}", r"[\w.]+@[\w-]+(\.[\w-]+)+", "(read later|.{3,40} see (the )?gallery)",
]
LINES = [
    "Next Article", "previous", "12 comments", "1 comment", "share this story", "Share",
    "Example Media, all rights reserved.", "All Rights Reserved", "Jane Doe, AP photo",
    "John Roe / Reuters", "Photo: Jane Doe", "site menu toggle", "nav",
    "Readers can sign up for the daily briefing here", "By Jane Doe", "© 2024 Example", "anything else",
    "jane.doe@example.org", "Read later", "Twelve photos: see the gallery",
]


@pytest.mark.parametrize("pattern", PATTERNS)
def test_every_match_satisfies_the_facts(pattern):
    rx = re.compile(pattern, re.IGNORECASE)
    opens, chars, needed = prefixes(pattern), first_chars(pattern), keywords(pattern)
    contained = contained_keywords(pattern)
    matched = [line for line in LINES if rx.fullmatch(line)]
    assert matched, "each pattern meets one of the lines"
    for line in matched:
        lowered = line.lower()
        assert opens is None or lowered.startswith(opens), line
        assert chars is None or lowered[0] in chars, line
        if needed is not None:
            words, pieces = needed
            assert any(piece in lowered for piece in pieces), line
            assert words is None or not set(WORD_TOKEN.findall(lowered)).isdisjoint(words), line
        assert contained is None or not line.isascii() or any(piece in lowered for piece in contained), line


def test_a_class_opening_with_a_caret_and_a_bracket_holds_its_bar():
    # "[^]|]" is one class (a "]" first is a member, after "^" too): its "|" splits nothing.
    from lint.boilerplate.regex_analysis import _alternatives, balanced

    assert _alternatives("[^]|]a|b") == ["[^]|]a", "b"]
    assert _alternatives("[]|]a|(c|d)") == ["[]|]a", "(c|d)"]
    assert [balanced(p) for p in ["(a|b)", "a)|(b", "[(]x", "[^)]", "[abc", "a\\", "a\\\\", "(?:x", "\\(x"]] == [
        True, False, True, True, False, False, True, False, True]
