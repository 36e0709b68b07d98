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
