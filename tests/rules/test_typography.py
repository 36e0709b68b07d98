"""The typography rule pack through the engine: exact positions of every finding, and fixes."""
from __future__ import annotations

import pytest

from lint.fixes import apply_edits, merge_edits

from ..helpers import run


def found(text, rule):
    """(line, column, end_column, rule) of every finding of `rule` (only that rule selected)."""
    return [(d.line, d.column, d.end_column, d.rule) for d in run(text, [rule])]


def fixed(text, rule):
    """`text` after applying the safe fixes of `rule` once."""
    return apply_edits(text, merge_edits(run(text, [rule])))


# typography.repeated-word

RW = "typography.repeated-word"


def test_repeated_word_position_and_fix():
    text = "The council voted to to delay it."
    assert found(text, RW) == [(1, 19, 24, RW)]
    assert fixed(text, RW) == "The council voted to delay it."


def test_repeated_word_ignores_case_and_crosses_a_line_break():
    text = "It was the\nThe end of a long day."
    assert [(d.line, d.column, d.end_line, d.end_column) for d in run(text, [RW])] == [(1, 8, 2, 4)]
    assert fixed(text, RW) == "It was the end of a long day."


def test_repeated_word_message_names_the_word():
    [d] = run("It was the the end.", [RW])
    assert d.message == "Repeated word: “the”."
    assert d.suggestions == ("the",)


def test_repeated_word_triple_reports_both_and_fix_leaves_one():
    text = "Go to the the the shop."
    assert found(text, RW) == [(1, 7, 14, RW), (1, 11, 18, RW)]
    assert fixed(text, RW) == "Go to the shop."


@pytest.mark.parametrize("text", [
    "By then he had had enough.",
    "He said that that was wrong.",
    "What it is is a mess.",
    "They flew to Walla Walla.",
    "Ticker Last Change Change %",
    "The score was 6 6 at the break.",
    "The end.\n\nThe minister spoke.",
    "It's its own thing.",
    "A well-known known fact.",
])
def test_repeated_word_leaves_good_english_alone(text):
    assert found(text, RW) == []


@pytest.mark.parametrize("text", [
    "“I was really really worried,” the goalkeeper admitted.",
    "The fans shouted “no no no” when the goal was ruled out.",
    "Add to this this year's rise in rents.",
    "The case went to the senior law lord Lord Hale.",
    "She had been hoping for for months that it would pass.",
    "The club handed over over the summer.",
])
def test_repeated_word_leaves_emphasis_titles_and_phrasal_verbs_alone(text):
    assert found(text, RW) == []


def test_repeated_word_still_reports_slips_near_those_classes():
    # A doubled preposition not after a verb, and a capitalised second word that opens no name.
    text = "A plan for for the town.\n\nIt was the\nThe end of it."
    assert found(text, RW) == [(1, 8, 15, RW), (3, 8, 4, RW)]


def test_a_paragraph_of_one_word_repeated_is_reported_ten_times_and_counted():
    text = "Noise " + "word " * 500 + "end.\n\nIt was the the end.\n"
    ds = run(text, [RW])
    first = [d for d in ds if d.line == 1]
    assert len(first) == 10
    assert first[-1].message == "Repeated word: “word”. (489 more repeated words in this paragraph are not reported)"
    assert [d.message for d in ds if d.line == 3] == ["Repeated word: “the”."]


def test_repeated_word_across_paragraphs_is_not_a_repetition():
    assert found("He left the\n\nthe room.", RW) == []


# typography.doubled-punctuation

DP = "typography.doubled-punctuation"


def test_doubled_punctuation_positions():
    text = "Pens, paper, etc.. and ink,, and glue;; done."
    assert found(text, DP) == [(1, 17, 19, DP), (1, 27, 29, DP), (1, 38, 40, DP)]
    assert fixed(text, DP) == "Pens, paper, etc. and ink, and glue; done."


def test_doubled_punctuation_after_a_number():
    assert found("In 2019.. it fell.", DP) == [(1, 8, 10, DP)]


@pytest.mark.parametrize("text", [
    "And then... nothing.",
    "It ended....",
    "Count 1..10 in the log.",
    "Open ../notes now.",
    "What?! She won!!",
    "Wait… then ….",
])
def test_doubled_punctuation_leaves_ellipses_and_emphasis(text):
    assert found(text, DP) == []


@pytest.mark.parametrize("text", [
    "It was a long night..and then the results came.",
    "The phone.. a miracle of design, they said.",
])
def test_two_dots_between_lower_case_words_are_a_short_ellipsis(text):
    # One dot there would be wrong ("night.and"): not a full stop typed twice.
    assert found(text, DP) == []


def test_two_dots_at_a_sentence_end_or_after_an_abbreviation_are_fixed():
    text = "The vote was lost.. Then the talks began. Bring paper, pens etc.. to the hall."
    assert found(text, DP) == [(1, 18, 20, DP), (1, 64, 66, DP)]
    assert fixed(text, DP) == "The vote was lost. Then the talks began. Bring paper, pens etc. to the hall."


# typography.unbalanced-quotes

UQ = "typography.unbalanced-quotes"


def test_unclosed_double_quote():
    text = "The mayor said: “We will win.\n\nThe vote is on Monday."
    assert found(text, UQ) == [(1, 17, 18, UQ)]
    assert run(text, [UQ])[0].message == "Quotation mark “ is not closed in this paragraph."


def test_closing_quote_without_opening():
    text = "We will win,” the mayor said."
    assert found(text, UQ) == [(1, 13, 14, UQ)]
    assert run(text, [UQ])[0].message == "Quotation mark ” has no matching opening mark."


def test_straight_quotes_balance_by_position():
    assert found('She said "no" and "yes".', UQ) == []
    assert found('She said "no and left.', UQ) == [(1, 10, 11, UQ)]


def test_quote_continued_into_next_paragraph_is_not_reported():
    text = "“We had a plan,” he said. “We kept it.\n\n“Then we won.”"
    assert found(text, UQ) == []


def test_quote_continued_past_an_embedded_post():
    text = '"We had a plan.\n\nClub statement\n\n— The Club (@club)\n\n"Then we won."'
    assert found(text, UQ) == []


def test_quote_not_continued_is_reported_at_its_opening():
    text = "“We won,” he said.\n\n“It was close.\n\nThe vote was on Monday."
    assert found(text, UQ) == [(3, 1, 2, UQ)]


@pytest.mark.parametrize("text", [
    # Paragraphs of one quotation joined into one line by an export.
    'The coach said: "We had a plan. "We kept to it and we won."',
    "The coach said: “We had a plan. “We kept to it and we won.”",
    'The coach said: "We had a plan! "We kept to it.\n\n"Then we won."',
    # One paragraph per line, with no blank line between them.
    'The coach said: "We had a plan.\n"We kept to it and we won."',
    "The coach said: ‘We had a plan. ‘We kept to it and we won.’",
])
def test_quote_continued_over_joined_paragraphs_is_not_reported(text):
    assert found(text, UQ) == []


@pytest.mark.parametrize("text", [
    "“The players’ spirit was there. “We played the ’90s way,” he said.",
    "\"The fans' songs were loud. \"It was rock 'n' roll,\" she said.",
    "He said: “Jones’ car broke down. “We walked.”",
    "\"He told me: 'Not today.' \"But we won in the end.\"",
])
def test_apostrophes_do_not_break_a_continued_quote(text):
    assert found(text, UQ) == []


def test_quote_left_open_mid_sentence_by_a_broken_paragraph():
    # An export broke the paragraph in mid-sentence: the quote resumes in lower case.
    text = 'He said: "The plan was, in the end, like a\n\nhouse of\n\ncards." The vote is today.'
    assert found(text, UQ) == []
    text = 'He said: "The plan was a failure.\n\nhouse of cards." The vote is today.'
    assert found(text, UQ) == [(1, 10, 11, UQ), (3, 16, 17, UQ)]


def test_joined_quotes_still_report_a_quote_never_closed():
    text = 'He said: "We had a plan, and then he left the room.\n\nThe vote is on Monday.'
    assert found(text, UQ) == [(1, 10, 11, UQ)]
    text = 'He said: "We had a plan, "and we kept it."'  # not a sentence's end: nested, left open
    assert found(text, UQ) == [(1, 10, 11, UQ)]


def test_opening_single_quote_without_closing():
    text = "He called it ‘a disaster and left."
    assert found(text, UQ) == [(1, 14, 15, UQ)]


def test_a_paragraph_of_stray_quotes_is_reported_ten_times_and_counted():
    text = "Scrambled " + "“a " * 50 + "end.\n\nShe said “yes.\n"
    ds = run(text, [UQ])
    first = [d for d in ds if d.line == 1]
    assert len(first) == 10
    assert first[-1].message.endswith("(40 more unbalanced quotation marks in this paragraph are not reported)")
    assert [(d.line, d.column) for d in ds if d.line == 3] == [(3, 10)]


@pytest.mark.parametrize("text", [
    "O’Brien’s band, formed in the ’90s, played rock ’n’ roll.",
    "He loved ‘80s music and ‘em all.",
    "“He told me ‘never again,’ and left,” she said.",
    "“He said, ‘Never.’”",
    "The sign read “Closed”.",
    "She bought a 12\" pizza and a 70\"+ TV.",
    "It was “a disaster.’’ Then ``more''.",
    "Scraped copy: ”Bird flu returns,” he said.",
    "The theme ‘The Medium is the Message ‘, he said.",
    "the students’ union",
])
def test_quotes_that_balance(text):
    assert found(text, UQ) == []


# typography.unbalanced-brackets

UB = "typography.unbalanced-brackets"


def test_unclosed_and_unopened_brackets():
    assert found("The bill (passed in May was vetoed.", UB) == [(1, 10, 11, UB)]
    assert found("The bill passed in May) was vetoed.", UB) == [(1, 23, 24, UB)]
    [d] = run("The bill passed in May) was vetoed.", [UB])
    assert d.message == "Bracket ) has no matching opening bracket."


def test_mismatched_bracket_reports_the_inner_opening():
    assert found("The report (see [page 4) was late.", UB) == [(1, 17, 18, UB)]


def test_brackets_are_per_paragraph():
    assert found("He (the man said.\n\nThen) he left.", UB) == [(1, 4, 5, UB), (3, 5, 6, UB)]


def test_a_paragraph_of_stray_brackets_is_reported_ten_times_and_counted():
    from lint.rule_types._text import MAX_PER_PARAGRAPH
    text = "Garbled " + "([" * 500 + ")" * 20 + "]" * 30 + " end.\n\nAnd (here.\n"
    ds = run(text, [UB])
    first = [d for d in ds if d.line == 1]
    assert len(first) == MAX_PER_PARAGRAPH == 10
    # 950 problems: each ")" leaves the "[" above its "(" (20); the first "]" closes the
    # top "[", each later one leaves a "(" above its "[" (29); 901 openers are never closed.
    assert first[-1].message.endswith("(940 more unbalanced brackets in this paragraph are not reported)")
    assert all("more unbalanced" not in d.message for d in first[:-1])
    assert [(d.line, d.column) for d in ds if d.line == 3] == [(3, 5)]  # the next paragraph stands alone


@pytest.mark.parametrize("text", [
    "Thanks for coming :) and see you ;-)",
    "(Smile :) today.)",
    "Steps:\n1) mix\n2) bake\nb) serve",
    "Children (ages 3 to 8) go free.",
    "Choose (a) red or (b) blue.",
    "See https://en.wikipedia.org/wiki/Python_(language) for more.",
    "He won 7-6 (5), 6-3 [in Madrid] {again}.",
])
def test_brackets_that_balance(text):
    assert found(text, UB) == []


@pytest.mark.parametrize("text", ["The result left me cold :- <(", "Another dull final :-&lt;( again."])
def test_a_pouting_emoticon_is_not_a_bracket(text):
    assert found(text, UB) == []


def test_a_colon_before_a_bracket_is_still_a_bracket():
    assert found("He listed: (one, two and three.", UB) == [(1, 12, 13, UB)]


# typography.mixed-quotes and typography.mixed-apostrophes

MQ = "typography.mixed-quotes"
MA = "typography.mixed-apostrophes"


def test_mixed_quotes_reports_once_at_the_first_minority_mark():
    text = "“One,” he said.\n\n\"Two,\" she said. \"Three.\"\n\n“Four,” “five” and “six.”"
    assert found(text, MQ) == [(3, 1, 2, MQ)]
    [d] = run(text, [MQ])
    assert d.message == "Mixed quotation marks: 4 straight (“\"”) against 8 curly in this article."


def test_mixed_quotes_ignores_inch_marks():
    assert found("“He is 6'2\" tall,” she said.", MQ) == []


def test_mixed_apostrophes():
    text = "It’s late, the minister’s car isn't here."
    assert found(text, MA) == [(1, 34, 35, MA)]
    assert found("It’s late and ‘fine’.", MA) == []


# typography.double-space

DS = "typography.double-space"


def test_double_space_position_and_fix():
    text = "The vote was close.  The bill   passed."
    assert found(text, DS) == [(1, 20, 22, DS), (1, 30, 33, DS)]
    assert fixed(text, DS) == "The vote was close. The bill passed."


def test_double_space_leaves_indentation_and_line_ends():
    assert found("    Indented line.  \nNext line.", DS) == []


# typography.html-leftover

HL = "typography.html-leftover"


def test_entities_are_fixed_safely():
    text = "Prices rose&nbsp;sharply at AT&amp;T and the minister&amp;#8217;s office."
    assert found(text, HL) == [(1, 12, 18, HL), (1, 31, 36, HL), (1, 54, 65, HL)]
    assert fixed(text, HL) == "Prices rose\u00a0sharply at AT&T and the minister’s office."


def test_entities_decoding_to_unlikely_characters_get_suggestions_only():
    # &#191; is "¿": here it stands for an apostrophe an older conversion lost.
    text = "The league&#191;s rules and a caf&#233; menu, 3 &lt; 4 and &#8220;yes&#8221;."
    ds = run(text, [HL])
    assert [(d.column, d.suggestions, d.fix.safe) for d in ds] == [
        (11, ("¿",), False), (34, ("é",), True), (49, ("<",), False), (60, ("“",), True), (70, ("”",), True)]
    assert fixed(text, HL) == "The league&#191;s rules and a café menu, 3 &lt; 4 and “yes”."


def test_tags_are_reported_with_an_unsafe_fix():
    text = "First line<br>second line, <b>bold</b>."
    assert found(text, HL) == [(1, 11, 15, HL), (1, 28, 31, HL), (1, 35, 39, HL)]
    ds = run(text, [HL])
    assert all(d.fix is not None and not d.fix.safe for d in ds)
    assert [e.replacement for d in ds for e in d.fix.edits] == [" ", "", ""]
    assert fixed(text, HL) == text  # nothing safe to apply


@pytest.mark.parametrize("text", [
    "AT&T opened <The Palace: A Tale> on Friday.",
    "Rock & roll; x < y and a <b and c> d.",
    "Fish &chips; and &nbsp without a semicolon.",
    "A <Title> in mixed case.",
])
def test_prose_that_looks_like_markup(text):
    assert found(text, HL) == []


# typography.mojibake

MJ = "typography.mojibake"


def test_mojibake_positions_and_fix():
    text = "The minister didnâ€™t comment.\n\nThey met at a cafÃ© in MÃ¼nchen."
    assert found(text, MJ) == [(1, 18, 21, MJ), (3, 18, 20, MJ), (3, 25, 27, MJ)]
    assert fixed(text, MJ) == "The minister didn’t comment.\n\nThey met at a café in München."
    assert run(text, [MJ])[0].message == "Garbled characters “â€™”: probably “’”."


@pytest.mark.parametrize("text", [
    "They met at a café in Zürich, voilà, for £40.",
    "Señor Müller’s “naïve” rôle — à la carte.",
])
def test_real_accents_are_not_mojibake(text):
    assert found(text, MJ) == []
