"""Sentence splitting as news copy has it: each case the readability rules rely on."""
from __future__ import annotations

import pytest

from lint.text import split_sentences as split


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split(text)]


@pytest.mark.parametrize("text, expected", [
    # Titles never end a sentence.
    ("Mr. Smith met Dr. Jones and Gen. Lee on Friday. They talked for an hour.",
     ["Mr. Smith met Dr. Jones and Gen. Lee on Friday.", "They talked for an hour."]),
    ("Mrs. Patel and Sen. Ortiz disagreed. Gov. Brown did not comment.",
     ["Mrs. Patel and Sen. Ortiz disagreed.", "Gov. Brown did not comment."]),
    # Dotted abbreviations inside a sentence: U.S., U.K., a.m., p.m.
    ("The U.S. Senate voted at 10 a.m. Tuesday on a U.K. proposal.",
     ["The U.S. Senate voted at 10 a.m. Tuesday on a U.K. proposal."]),
    ("Talks resume at 3 p.m. Monday in Geneva.",
     ["Talks resume at 3 p.m. Monday in Geneva."]),
    # ... and at the end of one, when a usual sentence opener follows.
    ("She moved to the U.S. The family followed a year later.",
     ["She moved to the U.S.", "The family followed a year later."]),
    ("The market closed at 4 p.m. It had fallen all day.",
     ["The market closed at 4 p.m.", "It had fallen all day."]),
    ("Talks resume at 3 p.m. Officials from Brussels will attend.",
     ["Talks resume at 3 p.m.", "Officials from Brussels will attend."]),
    # A month before a date, and No. before a number.
    ("The vote is set for Jan. 6 in Washington. It was delayed before.",
     ["The vote is set for Jan. 6 in Washington.", "It was delayed before."]),
    ("He was ranked No. 2 in the world. He lost in Sept. 2021 to a qualifier.",
     ["He was ranked No. 2 in the world.", "He lost in Sept. 2021 to a qualifier."]),
    # Initials.
    ("John F. Kennedy spoke first. J. K. Rowling read from her book.",
     ["John F. Kennedy spoke first.", "J. K. Rowling read from her book."]),
    # Decimals, money, percentages.
    ("The company lost $1.5 billion. Its shares fell 45.6% to 3.25 euros.",
     ["The company lost $1.5 billion.", "Its shares fell 45.6% to 3.25 euros."]),
    # Quotations ending in punctuation.
    ("\u201cWe will rebuild.\u201d The mayor left the stage.",
     ["\u201cWe will rebuild.\u201d", "The mayor left the stage."]),
    ("\u201cIs it safe?\u201d she asked. Nobody answered.",
     ["\u201cIs it safe?\u201d she asked.", "Nobody answered."]),
    ('"Go now!" he shouted. They ran.',
     ['"Go now!" he shouted.', "They ran."]),
    # A sentence that opens with a quotation.
    ('The crowd cheered. "This is our day," a fan said.',
     ["The crowd cheered.", '"This is our day," a fan said.']),
    # Question and exclamation marks; an ellipsis before a capital.
    ("Who pays? Taxpayers do! The rest... Nobody knows.",
     ["Who pays?", "Taxpayers do!", "The rest...", "Nobody knows."]),
    # A lowercase word after a stop: an abbreviation we don't know, not a new sentence.
    ("Prices rose approx. ten percent in the period.",
     ["Prices rose approx. ten percent in the period."]),
])
def test_news_cases(text, expected):
    assert sentences(text) == expected


def test_headline_without_stop_is_its_own_sentence():
    text = "Storm Batters Coast\nThousands of homes were left without power on Sunday."
    assert sentences(text) == ["Storm Batters Coast", "Thousands of homes were left without power on Sunday."]


def test_short_lines_without_stops_are_separate_sentences():
    assert sentences("Read more\nRelated Stories\nSign up") == ["Read more", "Related Stories", "Sign up"]


def test_hard_wrapped_line_does_not_end_a_sentence():
    # The first line ends because "Washington" would not have fitted: a wrap, not a break.
    text = ("The committee said that it would publish its findings in the spring in\n"
            "Washington after a long review of the evidence it had gathered.")
    assert sentences(text) == [text]


def test_line_break_before_lower_case_continues_the_sentence():
    text = "The council voted\nto approve the plan\nafter a long debate."
    assert sentences(text) == [text]


def test_spans_are_trimmed_offsets_into_the_text():
    text = "  First one.   Second one.  "
    assert split(text) == [(2, 12), (15, 26)]


def test_text_without_any_stop_is_one_sentence():
    assert sentences("no stop at all here") == ["no stop at all here"]


def test_list_items_open_sentences():
    text = "The changes are:\n- A ban on smoking\n - Fines up to £2,500.\n- More officers"
    assert sentences(text) == ["The changes are:", "- A ban on smoking", "- Fines up to £2,500.", "- More officers"]
    assert sentences("He listed three:\n1. Jobs\n2. Homes\n3) Schools") == \
        ["He listed three:", "1. Jobs", "2. Homes", "3) Schools"]


def test_a_dash_opening_a_wrapped_line_goes_on_with_the_sentence():
    text = "Mr Blair said the plan, which he described\n- in his own words - as bold, would pass."
    assert sentences(text) == [text]
