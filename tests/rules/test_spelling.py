"""The spelling rules through the engine: exact positions, suggestions, fixes, and what is not checked."""
from __future__ import annotations

from lint.fixes import apply_edits, merge_edits

from ..helpers import run

MS = "spelling.misspelling"
UW = "spelling.unknown-word"
VA = "spelling.variant"
RT = "spelling.rejected-term"
ALL = ["spelling"]


def found(text, select=ALL, **settings):
    """(line, column, end_column, rule, first suggestion) of every spelling finding."""
    return [(d.line, d.column, d.end_column, d.rule, (d.suggestions or ("",))[0])
            for d in run(text, select, **settings)]


# -- misspellings and unknown words -------------------------------------------

def test_common_misspelling_has_confident_correction_and_safe_fix():
    text = "The staff were freindly.\n\nThey left early.\n"
    assert found(text) == [(1, 16, 24, MS, "friendly")]
    (d,) = run(text, [MS])
    assert d.fix is not None and d.fix.safe
    assert apply_edits(text, merge_edits([d])) == "The staff were friendly.\n\nThey left early.\n"


def test_fix_keeps_the_capital_of_a_sentence_initial_misspelling():
    text = "Becuase of rain, the match was delayed."
    assert found(text) == [(1, 1, 8, MS, "Because")]
    assert apply_edits(text, merge_edits(run(text, [MS]))) == "Because of rain, the match was delayed."


def test_unknown_word_gets_ranked_suggestions_but_no_fix():
    text = "Analysts said the minnister left."
    assert found(text) == [(1, 19, 28, UW, "minister")]
    (d,) = run(text, [UW])
    assert d.fix is None
    assert len(d.suggestions) > 1 and d.suggestions[0] == "minister"


def test_neighbouring_words_choose_between_candidates():
    # "thre" is one edit from "three", "there" and "the": the words around it decide.
    assert found("I went thre yesterday.") == [(1, 8, 12, MS, "there")]
    assert found("About thre years ago.") == [(1, 7, 11, MS, "three")]


def test_correct_text_has_no_finding():
    assert found("The minister said the talks were friendly and constructive.") == []


# -- tokens that are not words --------------------------------------------------

def test_numbers_units_and_ordinals_are_skipped():
    assert found("The 512GB model shoots 4K video on an i9 chip; it came 5th, at $1,299 and 3tsp.") == []


def test_urls_emails_handles_hashtags_and_file_names_are_skipped():
    text = ("See https://exmple.com/pagez, www.exmple.org, write to edtior@exmple.com, "
            "follow @MattBevinn and #electoin2020, or open reprot.pdf and onmeth.com today.")
    assert found(text) == []


def test_initials_and_abbreviations_are_skipped():
    assert found("Officials in the U.S. and J.R.R. Tolkien fans met at 9 a.m. on Tuesday.") == []


def test_contractions_and_possessives_with_both_apostrophes():
    text = "China’s plan and Schiff's memo: there’ll be talks, they didn't say, we've heard."
    assert found(text) == []


def test_words_whose_apostrophe_is_their_own_are_words_with_either_apostrophe():
    # Not a stem and an ending: "shan't" is no "sha" + "n't", "o'clock" no possessive.
    text = ("At four o'clock, and at five o’clock, she said: “Yes ma'am, we shan't, we shan’t; "
            "ne'er again.” They’d’ve gone. Hallowe'en came.")
    assert found(text) == []


def test_a_misplaced_apostrophe_is_still_a_misspelling():
    assert found("They did'nt come.") == [(1, 6, 12, MS, "didn't")]


def test_borrowed_phrases_keep_their_apostrophes():
    assert found("The coup d'etat failed; a second coup d’état followed; a third, d'état.") == []


def test_an_unknown_word_without_a_suggestion_is_not_offered_an_empty_one():
    (d,) = run("They drank zqxjvv at the bar.", [UW])
    assert d.suggestions == () and d.message == "Unknown word: “zqxjvv”."


def test_misspelled_word_with_possessive_is_flagged_without_the_ending():
    assert found("The goverment's plan failed.") == [(1, 5, 14, MS, "government")]


def test_hyphenated_compounds_are_checked_part_by_part():
    assert found("A well-known, pre-arranged, e-tron deal.") == []
    assert found("A well-knoan deal.") == [(1, 8, 13, UW, "known")]


# -- names ----------------------------------------------------------------------

def test_capitalised_word_mid_sentence_is_a_name():
    assert found("On Monday the envoy met Zorbulak in Quetzaland.") == []


def test_sentence_initial_unknown_word_is_still_checked():
    assert found("Minnister said the talks went well.") == [(1, 1, 10, UW, "Minister")]


def test_sentence_initial_name_used_again_is_a_name():
    assert found("Zorbulak arrived late. Later, aides said Zorbulak was tired.") == []


def test_acronyms_and_mixed_case_brands_are_not_checked():
    assert found("The SLS rocket, the MacBook, SpaceX and the DACA rules.") == []


def test_a_name_spelled_two_ways_is_reported_with_the_usual_spelling():
    text = ("Secretary Antony Blinken spoke first. Officials said Blinken was calm.\n\n"
            "Later, Blinkin left for Beijing.\n")
    assert found(text) == [(3, 8, 15, UW, "Blinken")]


# -- US and British English -------------------------------------------------------

def test_british_spelling_in_us_copy_is_a_variant():
    assert found("The colour of the city centre.", language="en-US") == [(1, 5, 11, VA, "color"), (1, 24, 30, VA, "center")]


def test_british_copy_accepts_british_and_flags_us_spelling():
    assert found("The colour of the city centre.", language="en-GB") == []
    assert found("The color changed.", language="en-GB") == [(1, 5, 10, VA, "colour")]


def test_spellings_both_varieties_use_are_not_variants():
    assert found("The dialogue was grey and they travelled far.") == []


# -- vocabulary -------------------------------------------------------------------

def test_accepted_terms_are_never_flagged():
    text = "The ecobee sensor and the Zorbulix app."
    assert [f[:4] for f in found(text)] == [(1, 5, 11, UW)]
    assert found(text, vocabulary={"accept": ["ecobee"]}) == []


def test_rejected_terms_are_always_flagged():
    text = "Staff utilize the tool; Utilize it."
    got = found(text, [RT], vocabulary={"reject": ["utilize"]})
    assert [g[:4] for g in got] == [(1, 7, 14, RT), (1, 25, 32, RT)]


def test_bundled_rejected_term():
    assert [g[:4] for g in found("Irregardless, they won.", [RT])] == [(1, 1, 13, RT)]


# -- settings -----------------------------------------------------------------------

def test_check_names_setting_checks_capitalised_names_too():
    text = "On Monday the envoy met Zorbulak."
    assert found(text) == []
    assert [f[:4] for f in found(text, spelling={"check-names": True})] == [(1, 25, 33, UW)]


# -- a document that is not prose ----------------------------------------------------

MADE_UP = ["zorvaks", "plindex", "quarbo", "smeltish", "vrondle", "gastrup", "yelbrin", "thwockle"]


def test_spelling_stops_at_the_documents_limit_of_words_outside_the_lexicon():
    first = " ".join(MADE_UP[:3]) + " went home.\n\n"
    second = " ".join(MADE_UP[3:]) + " were freindly.\n"
    text = first + second
    everything = found(text, spelling={"max-unknown-words": 0})  # 0: no limit
    assert [f[3] for f in everything] == [UW] * 8 + [MS]
    limited = run(text, ALL, spelling={"max-unknown-words": 5})
    # The limit counts across paragraphs; the pass stops at the sixth word, where one
    # finding says so, and nothing after it is reported (not even the misspelling).
    assert [(d.line, d.column, d.rule) for d in limited] == [
        (1, 1, UW), (1, 9, UW), (1, 17, UW), (3, 1, UW), (3, 10, UW), (3, 18, UW)]
    stop = limited[-1]
    assert (stop.end_column, stop.suggestions) == (25, ())
    assert stop.message.startswith("Spelling stopped here: this document has more than 5 words outside the lexicon")
    assert "max-unknown-words" in stop.message


def test_names_count_towards_the_limit_and_a_document_under_it_is_unchanged():
    names = "On Monday " + ", ".join(n.capitalize() for n in MADE_UP[:4]) + " and Corvell met.\n"
    assert found(names) == []  # names are not reported...
    limited = found(names, spelling={"max-unknown-words": 3})
    assert [f[3] for f in limited] == [UW]  # ...but looking at them is the cost the limit bounds
    assert found(names, spelling={"max-unknown-words": 5}) == []


def test_the_limit_finding_comes_from_the_rule_that_reports_unknown_words():
    text = " ".join(MADE_UP) + " were freindly.\n"
    assert [d.rule for d in run(text, [MS], spelling={"max-unknown-words": 2})] == []
    assert [d.rule for d in run(text, [UW], spelling={"max-unknown-words": 2})] == [UW, UW, UW]


def test_unset_spelling_settings_take_the_defaults_the_settings_table_documents():
    from lint.spelling.settings import SCHEMA

    (d,) = run("The councl met on Tuesday.\n", [UW])
    assert len(d.suggestions) == SCHEMA["suggestions"].default  # the table said 3 while 5 were given
    assert run("The councl met.\n", [UW], spelling={"suggestions": 2})[0].suggestions == d.suggestions[:2]


def test_a_phrase_correction_is_ranked_by_how_common_the_phrase_is():
    # codespell offers "a lot" and "allot" for "alot"; the phrase used to score as a word
    # the lexicon had never seen, and the rare "allot" came first.
    assert found("We liked the show alot.\n", [MS]) == [(1, 19, 23, MS, "a lot")]
    assert found("The hall is allready full.\n", [MS]) == [(1, 13, 21, MS, "already")]


def test_a_message_quotes_at_most_a_line_of_a_huge_token():
    # A run of a million letters was printed whole in the message, in every output format.
    word = "ferry" * 20_000
    [finding] = [d for d in run(f"The {word} sailed.", ["spelling"]) if d.rule == "spelling.unknown-word"]
    assert len(finding.message) < 120 and "…" in finding.message
    assert finding.text == word  # the finding still covers the whole token
