"""rules/grammar/languagetool.toml: its examples, which need a server, run against the stand-in
(tests/test_rule_examples.py skips them because of `params.requires = "languagetool"`)."""
from __future__ import annotations

from lint.rule_files import bundled_rules_dir, load_pack

from ..helpers import run

SPECS = [s for s in load_pack(bundled_rules_dir()) if s.type == "languagetool"]


def test_the_rule_file_declares_its_requirement():
    assert [s.id for s in SPECS] == ["grammar.languagetool"]
    assert SPECS[0].params["requires"] == "languagetool"


def test_failing_examples_fail(lt):
    for spec in SPECS:
        for ex in spec.fail_examples:
            found = run(ex.text, [spec.id], fmt=ex.format, languagetool={"mode": lt.url})
            assert any(d.rule.startswith("grammar.") for d in found), f"not flagged: {ex.text!r}"


def test_passing_examples_pass(lt):
    for spec in SPECS:
        for ex in spec.pass_examples:
            found = run(ex.text, [spec.id], fmt=ex.format, languagetool={"mode": lt.url})
            assert found == [], f"flagged: {ex.text!r} -> {[d.message for d in found]}"
    assert len(lt.checks) == len(SPECS[0].pass_examples)  # each example really reached the server
