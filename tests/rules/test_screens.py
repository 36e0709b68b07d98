"""The cheap tests before a rule's patterns are compiled or run: a block that cannot hold a match
is skipped, and every block that can is searched as before (same findings, same offsets)."""
from __future__ import annotations

from lint.patterns import take_warnings
from lint.rule_types import CheckContext
from lint.rule_types._text import compile_phrases
from tests.rules.test_rule_types import make, plain_doc


def spans(rule, text: str) -> list[tuple[int, int, str]]:
    return [(f.start, f.end, text[f.start:f.end]) for f in rule.check(plain_doc(text), CheckContext())]


def test_phrases_are_found_across_line_breaks_runs_of_spaces_and_any_case():
    rule = make("existence", tokens=["perfect storm", "level playing field"])
    text = "A PERFECT\n  storm hit. A level\tplaying   Field, they said."
    assert spans(rule, text) == [(2, 17, "PERFECT\n  storm"), (25, 46, "level\tplaying   Field")]


def test_a_text_without_the_phrases_never_compiles_them():
    phrases = compile_phrases(["perfect storm"], True)
    assert phrases.finditer("A calm day at the harbour.") == []
    assert phrases._rx is False  # not compiled
    assert [m.group() for m in phrases.finditer("A Perfect Storm.")] == ["Perfect Storm"]


def test_non_ascii_text_is_searched_as_before():
    # The Kelvin sign folds to "k" in a case-insensitive search, which lower() does not know.
    rule = make("existence", tokens=["kick off"])
    assert spans(rule, "They \u212aick off at noon.") == [(5, 13, "\u212aick off")]
    assert spans(make("existence", tokens=["café society"]), "The CAFÉ SOCIETY met.") == [(4, 16, "CAFÉ SOCIETY")]


def test_case_counts_when_the_rule_says_so():
    rule = make("existence", tokens=["Perfect Storm"], ignorecase=False)
    assert spans(rule, "a perfect storm, a Perfect Storm") == [(19, 32, "Perfect Storm")]


def test_literal_substitutions_keep_their_fixes():
    rule = make("substitution", swap={"past history": "history"})
    found = list(rule.check(plain_doc("Their past  history was long."), CheckContext()))
    assert [(f.start, f.end, f.suggestions) for f in found] == [(6, 19, ("history",))]


def test_a_regex_screen_skips_blocks_and_keeps_every_match():
    rule = make("substitution", regex=True, nonword=True, swap={r"(?<=\S) {2,}(?=\S)": " "}, screen=["  "])
    assert spans(rule, "One space here.") == []
    assert rule._rules is None  # nothing needed the pattern yet
    assert spans(rule, "Two  spaces, then   three.") == [(3, 5, "  "), (17, 20, "   ")]
    rule = make("existence", patterns=[r"\d+ ?km"], screen=["km"])
    assert spans(rule, "It is 5 miles.") == [] and rule._patterns is None
    assert spans(rule, "It is 5 km, or 8km.") == [(6, 10, "5 km"), (15, 18, "8km")]


def test_a_screened_bad_pattern_is_reported_when_a_block_needs_it():
    take_warnings()
    rule = make("existence", patterns=["(unclosed"], screen=["unclosed"])
    assert take_warnings() == []
    assert spans(rule, "An unclosed bracket.") == []
    assert any("invalid regular expression" in w for w in take_warnings())


def test_consistency_screens_search_a_style_only_where_its_characters_are():
    groups = [{"straight": '"', "curly": "[“”]"}]
    screened = make("consistency", groups=groups, screens=[{"straight": '"', "curly": "“”"}])
    plain = make("consistency", groups=groups)
    for text in ("“One,” he said.\n\n\"Two,\" she said. “Three.”", "No quotes at all.", '"Only" "straight".'):
        assert spans(screened, text) == spans(plain, text)
    assert spans(screened, "“One,” he said.\n\n\"Two,\" she said. “Three.”") == [(17, 18, '"')]


def test_rejected_terms_are_found_as_before():
    rule = make("rejected-term", message="{word}", terms=["irregardless", "very unique"])
    text = "Irregardless of it, a VERY\nunique plan; irregardlessly not."
    assert spans(rule, text) == [(0, 12, "Irregardless"), (22, 33, "VERY\nunique")]
