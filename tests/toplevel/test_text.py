"""lint/text.py: what the readability, spelling, substitution, configuration and
suppression code share, written once."""
from __future__ import annotations

import pytest

from lint.text import match_case, names_rule, selector_length, split_sentences


@pytest.mark.parametrize("replacement, original, expected", [
    ("use", "utilise", "use"),
    ("use", "Utilise", "Use"),
    ("use", "UTILISE", "USE"),
    ("bonus", "Added bonus", "Bonus"),
    ("iPhone", "Iphone", "IPhone"),
    ("", "Utilise", ""),
    ("use", "", "use"),
    ("use", "A", "Use"),  # one capital is a capitalised word, not an acronym
])
def test_match_case(replacement, original, expected):
    assert match_case(replacement, original) == expected


def test_spelling_and_substitution_use_the_one_match_case():
    from lint.rule_types import _text
    from lint.spelling import checker

    assert _text.match_case is match_case
    assert checker.match_case("Freindly", "friendly") == "Friendly"  # (model, word) there


@pytest.mark.parametrize("selector, rule_id, length", [
    ("all", "style.cliches", 0),
    ("style", "style.cliches", 5),
    ("style.cliches", "style.cliches", 13),
    ("style.cliche", "style.cliches", -1),  # whole segments only
    ("typography", "style.cliches", -1),
])
def test_selector_length(selector, rule_id, length):
    assert selector_length(selector, rule_id) == length
    assert names_rule(selector, rule_id) == (length > 0)


def test_one_selector_match_serves_config_suppression_and_merge():
    import inspect

    from lint import ruleset, suppression
    from lint.languagetool import merge

    for module in (ruleset, suppression, merge):
        source = inspect.getsource(module)
        assert '+ ".")' not in source, f"{module.__name__} matches selectors itself"


def test_sentences_split_once_for_everyone():
    text = "Mr. Smith met Gen. Lee on Jan. 6 in the U.S. The talks went well."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Mr. Smith met Gen. Lee on Jan. 6 in the U.S.", "The talks went well."]
