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


def test_the_ascii_word_pattern_finds_the_unicode_patterns_words():
    from lint.boilerplate.features import _ASCII_WORD, _WORD

    samples = ["Hello, world_wide 3rd-party O'Brien's x-ray _a __b c1d2 e-", "".join(map(chr, range(32, 127)))]
    for text in samples:
        assert _ASCII_WORD.findall(text) == _WORD.findall(text)
