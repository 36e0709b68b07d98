"""Spelling on copy nobody here wrote: names, compounds and contractions are not
misspellings, a fix is safe only where an editor would accept it unseen, and US
and British spelling are judged per document. Sentences written for these tests."""
from __future__ import annotations

from lint.fixes import apply_edits, merge_edits

from ..helpers import run

MS = "spelling.misspelling"
UW = "spelling.unknown-word"
VA = "spelling.variant"
MIX = "spelling.variant-mix"
ALL = ["spelling"]


def found(text, select=ALL, **settings):
    """(line, column, end_column, rule, first suggestion) of every spelling finding."""
    return [(d.line, d.column, d.end_column, d.rule, (d.suggestions or ("",))[0])
            for d in run(text, select, **settings)]


def safe_fixes(text, **settings):
    return [d.text for d in run(text, [MS], **settings) if d.fix is not None and d.fix.safe]


# -- names and casing -----------------------------------------------------------

def test_capitalised_known_misspelling_in_mid_sentence_is_a_name():
    assert found("The coach, Peter Wass, picked an unchanged side.") == []
    assert found("Shoppers at Winn-Dixie queued early.") == []


def test_word_of_a_foreign_proper_name_is_not_a_misspelling():
    assert found("He scored twice in Serie A before the winter break.") == []


def test_a_name_used_in_mid_sentence_is_a_name_at_the_start_of_a_sentence_too():
    assert found("Wass arrived late. The board thanked Wass for his work.") == []


def test_sentence_initial_word_in_a_title_case_run_is_a_name():
    assert found("Olgert Vasnicz said the deal was done.") == []
    assert found("Brelko, Vasnicz and Orlanth all started.") == []


def test_a_full_name_is_another_person_not_a_respelling():
    text = "Orlen Vasnicz scored first. Orlan Brelko and Orlan Quaxe watched Orlan's pass."
    assert found(text) == []
    # On its own, the odd spelling of the article's name is still reported.
    text = "Orlan Brelko scored. Orlan's pass and Orlan's run won it; Orlen left."
    assert found(text) == [(1, 59, 64, UW, "Orlan")]


def test_capitalised_words_in_a_list_after_a_colon_are_names():
    assert found("Substitutes not used: Brelko; Orlanth, Vasnicz.") == []


def test_sentence_initial_unknown_word_before_a_lower_case_word_is_still_checked():
    assert found("Olgert Vasnicz spoke. Minnister said more.") == [(1, 23, 32, UW, "Minister")]


# -- hyphen parts, contractions, references, dropped g -----------------------------

def test_short_part_of_a_hyphenated_compound_is_not_a_misspelling():
    assert found("The console sells add-ons, after years of mis-steps.") == []


def test_bound_part_of_a_compound_is_not_an_unknown_word():
    assert found("The firm moved to pre-empt a bid with a docu-drama.") == []


def test_sentence_initial_contractions_of_i_with_a_straight_apostrophe():
    assert found("I'm sure. I've seen it. I'll go. I'd stay.") == []
    assert found("I’m sure. I’ve seen it.") == []


def test_word_cut_by_a_character_reference_is_not_checked():
    assert found("They met in a caf&#233; by the clich&#233;d old pier.") == []


def test_a_label_a_list_and_a_heading_line_are_names():
    assert found("Crowd: 41,000. Orlanth; Brelko, Vasnicz.\n\nQuaxton\n\nThe rest stayed home.") == []
    assert found("Orlanth; Brelko, Vasnicz.") == []


def test_a_word_alone_in_quotation_marks_is_a_term_being_introduced():
    assert found('Fans call them the "glimmerati" now, and a \'vexil\' is a flag.') == []


def test_an_unknown_word_used_again_is_reported_once():
    text = "The zorbing craze grew. Zorbing fans and zorbing clubs multiplied."
    assert found(text) == [(1, 5, 12, UW, found(text)[0][4])]
    # `edlint vocab` counts every use.
    assert [f[1] for f in found(text, spelling={"report-repeats": True})] == [5, 25, 42]


def test_british_past_tense_in_t():
    assert found("He said he was never leant on.", language="en-GB") == []
    assert found("He said he was never leant on.", language="en-US") == [(1, 22, 27, VA, "leaned")]


def test_file_extensions_and_domains_after_a_dot_are_not_words():
    assert found("Attackers used .pnx files and the new .mobz domain.") == []


def test_plural_of_a_name_is_not_a_respelling():
    assert found("She won a Brammy in May. Two Brammys followed, and Brammy voters cheered.") == []


def test_a_spelling_marked_sic_is_the_originals():
    assert found("The letter spoke of their freindly (sic) talks and the colour [sic].",
                 language="en-US") == []


def test_dropped_g_with_an_apostrophe_is_written_on_purpose():
    assert found("They were only tryin' to help, he said.") == []


# -- safe fixes -------------------------------------------------------------------

def test_misspelling_is_a_warning_so_a_real_slip_does_not_fail_a_build():
    (d,) = run("The staff were freindly.", [MS])
    assert d.severity == "warning"
    # "didn't." ends a sentence (it is not an initial like "J."), so the next word is
    # checked as a sentence's first word.
    (d,) = run("They said they didn't. Nowe the talks resume.", [MS])
    assert (d.column, d.suggestions, d.severity) == (24, ("Now",), "warning")


def test_no_safe_fix_in_a_title_case_run():
    assert found("Wass Holdings bought the firm.") == [(1, 1, 5, MS, "Was")]
    assert safe_fixes("Wass Holdings bought the firm.") == []


def test_no_safe_fix_next_to_another_unknown_word():
    text = "The qwertzy goverment fell."
    assert [f[3:] for f in found(text)] == [(UW, found(text)[0][4]), (MS, "government")]
    assert safe_fixes(text) == []
    # On their own, lower-case misspellings keep their safe fixes.
    text = "The staff were freindly and the goverment agreed."
    assert safe_fixes(text) == ["freindly", "goverment"]
    assert apply_edits(text, merge_edits(run(text, [MS]))) == "The staff were friendly and the government agreed."


def test_no_safe_fix_for_a_word_the_article_writes_as_a_name():
    text = "Peter Wass spoke first. The crowd wass silent."
    assert [f[3:] for f in found(text)] == [(MS, "was")]
    assert safe_fixes(text) == []


def test_no_safe_fix_for_a_long_part_of_a_compound():
    text = "It was a well-recieved plan."
    assert [f[3:] for f in found(text)] == [(MS, "received")]
    assert safe_fixes(text) == []


# -- proper-name variants ------------------------------------------------------------

def test_party_and_product_names_are_not_spelling_variants():
    assert found("The Labour Party won the vote.", language="en-US") == []
    assert found("Labour won. Voters backed Labour again.", language="en-US") == []
    assert found("He opened Windows Media Center on the laptop.", language="en-GB") == []


def test_computer_program_is_british_too():
    assert found("The program crashed and the programme was cancelled.", language="en-GB") == []
    assert found("The programme was cancelled.", language="en-US") == [(1, 5, 14, VA, "program")]


def test_oxford_spelling_is_british_but_analyze_is_not():
    # -ize is Oxford spelling (the OED's): correct in British copy; -yze never is.
    text = "The charities will reorganize and their realization is near."
    assert found(text, language="en-GB") == []
    [(line, start, end, rule, suggestion)] = found("They will analyze the data.", language="en-GB")
    assert (rule, suggestion) == (VA, "analyse")


def test_regular_british_endings_the_pair_list_lacks():
    text = "Ministers plan to renationalise the railways; diallers were fined."
    assert found(text, language="en-GB") == []
    assert found(text, language="en-US") == [(1, 19, 32, VA, "renationalize"), (1, 47, 55, VA, "dialers")]
    # British doubles the l after one vowel (dialled), not after "ea" (revealed).
    assert found("The figures were revealled on Monday.", language="en-GB") == [(1, 18, 27, UW, "revealed")]


def test_corrections_are_spelled_the_articles_way_and_the_editor_chooses():
    # The article's own spelling decides; without a variant spelling, the configured language.
    (d,) = run("The colour of the flag. The trick hid the progam from scanners.", [MS])
    assert d.suggestions == ("programme", "program") and d.fix is None
    (d,) = run("The color of the flag. The trick hid the progam from scanners.", [MS], language="en-GB")
    assert d.suggestions == ("program",) and d.fix.safe
    (d,) = run("The trick hid the progam from scanners.", [MS], language="en-GB")
    assert d.suggestions == ("programme", "program") and d.fix is None
    (d,) = run("The trick hid the progam from scanners.", [MS], language="en-US")
    assert d.suggestions == ("program",) and d.fix.safe


# -- the no-suggest list --------------------------------------------------------------

def test_offensive_words_are_never_suggested_but_are_accepted():
    for d in run("The bank sold a repo. Two repos were sold. Dealers did repo trades.", [UW]):
        assert not {"rape", "rapes"} & {s.lower() for s in d.suggestions}, d.suggestions
    assert found("The rapist was jailed for ten years.") == []


def test_no_suggest_is_a_rule_parameter():
    (d,) = run("Analysts said the minnister left.", [UW],
               rules={UW: {"no-suggest": ["minister"]}})
    assert "minister" not in d.suggestions and d.suggestions


# -- language = "auto" and spelling.variant-mix ------------------------------------------

def test_auto_is_the_default_and_takes_either_variety():
    assert found("The colour of the favourite shirt was chosen.") == []
    assert found("The color of the favorite shirt was chosen.") == []


def test_auto_reports_the_minority_spelling_of_a_mixed_article():
    text = "The colour of the flag and the favourite team, but the color of the shirts."
    assert found(text) == [(1, 56, 61, MIX, "colour")]
    (d,) = run(text, [MIX])
    assert "US" in d.message and "British" in d.message and d.fix is None
    # With an explicit language, spelling.variant reports every other-variety spelling instead.
    assert found(text, language="en-GB") == [(1, 56, 61, VA, "colour")]
    assert found(text, language="en-US") == [(1, 5, 11, VA, "color"), (1, 32, 41, VA, "favorite")]


def test_a_tie_goes_to_the_variety_used_first():
    assert found("The color was fine; the colour was not.") == [(1, 25, 31, MIX, "color")]


def test_names_count_for_neither_variety():
    assert found("The Labour leader liked the color of the Lincoln Center.") == []
