"""One finding per misspelled word: edlint's spelling rules and LanguageTool's TYPOS merge."""
from __future__ import annotations

from lint.finding import Finding
from lint.engine import Engine, FileJob
from lint.languagetool.merge import merge_spelling

from ..helpers import make_config
from .conftest import positions, run_files

TEXT = "They will recieve teh goverment report and a email.\n"


def lt_typo(start, end, path="a.txt", category="TYPOS", rule="grammar.morfologik-rule-en-us"):
    lt_rule = rule.split(".", 1)[1].upper().replace("-", "_")
    return Finding(rule, "Possible spelling mistake found.", start, end, path=path,
                   data={"lt_rule": lt_rule, "lt_category": category, "issue_type": "misspelling"})


def test_overlapping_languagetool_typo_is_dropped_others_kept():
    ours = Finding("spelling.misspelling", "Misspelled", 10, 17, path="a.txt")
    kept_elsewhere = lt_typo(10, 17, path="b.txt")
    a_vs_an = lt_typo(43, 44, category="MISC", rule="grammar.en-a-vs-an")  # misspelling type, not TYPOS
    only_lt = lt_typo(60, 68)
    found = [ours, lt_typo(10, 17), lt_typo(12, 14), kept_elsewhere, a_vs_an, only_lt]
    assert merge_spelling(found) == [ours, kept_elsewhere, a_vs_an, only_lt]


def test_records_of_one_file_are_kept_apart():
    ours = Finding("spelling.misspelling", "Misspelled", 10, 17, path="a.jsonl", record=1)
    theirs = lt_typo(10, 17, path="a.jsonl")
    theirs.record = 2
    assert merge_spelling([ours, theirs]) == [ours, theirs]


def test_languagetool_repeat_rule_merges_with_typography():
    ours = Finding("typography.repeated-word", "Repeated word", 7, 14, path="a.txt")
    theirs = lt_typo(7, 14, category="MISC", rule="grammar.english-word-repeat-rule")
    spelling = Finding("spelling.misspelling", "Misspelled", 7, 10, path="a.txt")
    a_vs_an = lt_typo(7, 8, category="MISC", rule="grammar.en-a-vs-an")
    assert merge_spelling([ours, theirs]) == [ours]
    # Only the edlint rule that covers the same problem counts.
    assert merge_spelling([spelling, theirs, a_vs_an]) == [spelling, theirs, a_vs_an]


def test_engine_reports_a_repeated_word_once(lt):
    result = run_files({"a.txt": "It was the the end.\n"}, select=("grammar", "typography"), mode=lt.url)
    assert positions(result) == [(1, 8, 1, 15, "typography.repeated-word")]


def test_engine_reports_each_misspelled_word_once(lt):
    both = run_files({"a.txt": TEXT}, select=("grammar", "spelling"), mode=lt.url)
    assert positions(both) == [
        (1, 11, 1, 18, "spelling.misspelling"),
        (1, 19, 1, 22, "spelling.misspelling"),
        (1, 23, 1, 32, "spelling.misspelling"),
        (1, 44, 1, 45, "grammar.en-a-vs-an"),
    ]
    alone = run_files({"a.txt": TEXT}, select=("grammar",), mode=lt.url)
    assert [p[-1] for p in positions(alone)][:3] == ["grammar.morfologik-rule-en-us"] * 3


def test_accepted_vocabulary_applies_to_languagetool_findings(lt):
    cfg = make_config(("grammar",), languagetool={"mode": lt.url}, vocabulary={"accept": ["goverment"]})
    result = Engine().run_jobs([FileJob("a.txt", cfg, text=TEXT)])
    assert [d.text for d in result.findings] == ["recieve", "teh", "a"]


def test_disabled_rules_and_categories(lt):
    result = run_files({"a.txt": TEXT}, mode=lt.url, disabled_categories=["TYPOS"],
                       disabled_rules=["grammar.en-a-vs-an"])
    assert result.findings == []
    # Sent to the server in LanguageTool's own ids, so it doesn't even look.
    assert lt.checks[0]["disabledRules"] == "EN_A_VS_AN"
    assert lt.checks[0]["disabledCategories"] == "TYPOS"


def test_ignore_selector_turns_off_one_languagetool_rule(lt):
    cfg = make_config(("grammar",), languagetool={"mode": lt.url}, ignore=["grammar.en-a-vs-an"])
    result = Engine().run_jobs([FileJob("a.txt", cfg, text=TEXT)])
    assert [d.rule for d in result.findings] == ["grammar.morfologik-rule-en-us"] * 3
