"""A line's shape (lint/boilerplate/features.py): small words in any case count as small."""
from __future__ import annotations

import string

from lint.boilerplate.features import _SMALL, _SMALL_FORMS, shape


def test_small_words_in_any_case_are_small():
    # "THE", "The" and "tHe" are the small word "the": they neither count nor break title case.
    assert shape("The Bridge OF The River").title_case
    assert shape("THE BRIDGE AND THE RIVER").title_case
    assert shape("the bridge of the river").title_case is False
    assert shape("Bridge").title_case is False  # one word is never title case
    assert shape("A Tale of Two Cities").words == 5


def test_the_case_forms_are_every_token_that_lowers_to_a_small_word():
    assert {f.lower() for f in _SMALL_FORMS} == _SMALL
    letters = set("".join(_SMALL))
    # Only an ASCII letter lowers to a letter of a small word (the Kelvin sign lowers to
    # "k", which no small word has), so no other spelling of one exists.
    lowering = {ch for ch in map(chr, range(0x80, 0x110000)) if ch.lower() in letters
                or len(ch.lower()) > 1 and ch.lower().isascii()}
    assert lowering <= {"\u212a"} and "k" not in letters
    assert letters <= set(string.ascii_lowercase)


def _reference_shape_words_and_title_case(text: str) -> tuple[int, bool]:
    """Word count and title case as first written: every word found by the Unicode
    pattern, every significant word counted."""
    import re

    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    significant = caps = 0
    for w in words:
        if w.lower() not in _SMALL:
            significant += 1
            caps += w[0].isupper()
    return len(words), len(words) >= 2 and significant > 0 and caps >= 0.75 * significant


def test_shortcuts_in_shape_agree_with_counting_every_word():
    # The ASCII word pattern and the early stop of the title-case count (a quarter of the
    # significant words in lower case settles it) change nothing: checked on lines at the
    # cut (three of four capitalised), past it, in other scripts and with apostrophes.
    lines = [
        "Big Cats Eat small Mice", "Big Cats Eat Small mice and dogs", "Big Cats eat mice",
        "Big cats eat mice", "The Big Cat Of the Hills", "a b", "Ab Cd Ef gh", "Ab Cd ef gh",
        "Ab Cd Ef Gh ij kl", "Élan Vital Über Alles", "élan vital über Alles", "Öl und Gas",
        "Don't Stop Me Now", "rock'n'roll Is Here To Stay", "Read more: Top 10 Things",
        "Москва Сегодня Вечером", "москва сегодня Вечером", "東京 Tokyo Today", "O’Neil’s Bar And Grill",
        "well-known Faces Of the year", "A", "", "2024 2025", "I Am", "i am", "THE END", "Co-op News Today",
        "the city council voted on tuesday to raise the levy by two percent after a long debate.",
        "The City Council Voted On Tuesday To Raise The Levy By Two Percent After A Long Debate",
    ]
    for text in lines:
        s = shape(text)
        assert (s.words, s.title_case) == _reference_shape_words_and_title_case(text), text


def test_the_bytes_path_finds_the_unicode_patterns_words():
    # ASCII lines, and lines whose only other characters are the folded typography, are
    # read as byte classes, not by the pattern: the same words and title case, checked on
    # every ASCII character, on runs that open with digits or marks ("3rd", "--x", "_a"),
    # on small words inside longer runs ("x-the", "the_", "a1"), with curly quotes, dashes,
    # ellipses and no-break spaces, and on lines that stay outside ASCII.
    import random

    lines = ["".join(map(chr, range(32, 127))), "Hello, world_wide 3rd-party O'Brien's x-ray _a __b c1d2 e-",
             "3the 3The 3THE Cat", "x-the The The Cat", "the_ The Cat", "--the Big Cat", "'the Big Cat", "a1 Big Cat",
             "It’s A Small World", "it’s a small world", "’Tis The Season", "“The Big Cat” Sat", "The – Big — Cat…",
             "The\u00a0Big\u00a0Cat", "Straße Und Platz", "Ünïon Of The Ţowns", "\u212aelvin Of The Year", "42 – 7", "—", "’’"]
    rnd = random.Random(12)
    pieces = ["the", "The", "THE", "of", "a", "A", "an", "und", "Cat", "cat", "3rd", "x-the", "'the", "the'", "_a", "a_",
              "--", "42", "Über", "über", "It’s", "’Tis", "“Big”", "–", "…", "\u00a0", "ſ", "İ", "ı", "², ", "Ж"]
    lines += [" ".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 34))) for _ in range(3000)]
    chars = "aAbTtHhEeOoFfNnDd 0123456789_'-’‘“”–—….,:;!?()\"é\u00a0"
    lines += ["".join(rnd.choice(chars) for _ in range(rnd.randint(0, 40))) for _ in range(3000)]
    for text in lines:
        s = shape(text)
        assert (s.words, s.title_case) == _reference_shape_words_and_title_case(text), text


def test_the_code_test_agrees_with_its_expressions():
    # is_code looks for the punctuation with `in` and tries the opening only on lines with
    # a slash or a hash: the answer of the three expressions it replaces, on each mark
    # alone, comments, shebangs, assignments after "#", HTTP and prose that holds "/" or "#".
    import re

    def reference(text: str) -> bool:
        return (re.search(r"[{}\[\];=]", text) is not None or re.match(r"\s*(//|#!?\s*\w+\s*=)", text) is not None
                or re.search(r"\bHTTP/\d", text) is not None)

    from lint.boilerplate.features import is_code

    lines = ["a = 1", "x;", "[1]", "]", "{", "}", "// a comment", "   // indented", "#!/bin/sh", "# x = 2", "#x=2",
             "#! x =", "# heading", "#hashtag news", "HTTP/1.1 200 OK", "see HTTP/2 here", "xHTTP/2", "HTTP/x",
             "either/or", "1/2 cup", "Share / Tweet", "/ /", "The council met on Tuesday.", "", " ", "\t//x"]
    for text in lines:
        assert is_code(text) == reference(text), text
