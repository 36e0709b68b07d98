"""The style rules leave a speaker's words alone: nothing inside a direct quotation
is reported; and the quotation spans they rely on."""
from __future__ import annotations

import pytest

from ..helpers import run

CL = "style.cliches"
RD = "style.redundancy"


def found(text, rule, **kw):
    return [(d.line, d.column, d.end_column, d.rule) for d in run(text, [rule], **kw)]


def test_cliche_inside_a_quotation_is_left_alone_and_outside_is_reported():
    text = "The mayor said: “At the end of the day we built it.” At the end of the day, she was right."
    assert found(text, CL) == [(1, 54, 75, CL)]


@pytest.mark.parametrize("text", [
    '"We want a level playing field," the chairman said.',
    "The chairman said: ‘We want a level playing field.’",
    # A quotation over two paragraphs joined into one line by an export.
    'The chairman said: "It was hard. "We want a level playing field for everyone."',
    # A quotation that runs on into the next paragraph: the words are still the speaker's.
    'The chairman said: "We want a level playing field.\n\n"And we will get it."',
])
def test_cliche_in_the_speakers_words_is_not_reported(text):
    assert found(text, CL) == []


def test_redundancy_inside_a_quotation_is_left_alone():
    text = 'The end result was close. "The end result is all that counts," he said.'
    assert found(text, RD) == [(1, 5, 15, RD)]


def test_skip_quotations_can_be_turned_off():
    text = '"We want a level playing field," the chairman said.'
    assert found(text, CL, rules={CL: {"skip_quotations": False}}) == [(1, 12, 31, CL)]


def test_quotation_spans():
    from lint.rule_types.quotations import quotation_spans

    text = 'He said: "One. "Two," and ‘three’ then "four'
    assert [text[s:e] for s, e in quotation_spans(text)] == ['"One. "Two,"', "‘three’", '"four']
    assert quotation_spans("O’Brien’s band played the ’90s hits.") == []
