"""Every bundled rule documents itself with examples, and the examples behave as declared."""
from __future__ import annotations

import pytest

from lint.rulespec import bundled_rules_dir, load_pack

from .helpers import run

SPECS = load_pack(bundled_rules_dir())
# Rules whose examples need an outside service are checked by that service's tests
# (tests/languagetool/ runs them against the test server).
OFFLINE = [s for s in SPECS if s.params.get("requires") is None]


def test_there_are_bundled_rules():
    assert len(SPECS) >= 8


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.id)
def test_rule_has_examples(spec):
    assert spec.fail_examples, f"{spec.path}: no failing example"
    assert spec.pass_examples, f"{spec.path}: no passing example"


@pytest.mark.parametrize("spec", OFFLINE, ids=lambda s: s.id)
def test_failing_examples_fail(spec):
    for ex in spec.fail_examples:
        found = run(ex.text, [spec.id], fmt=ex.format, corpus=ex.corpus, **_language(ex))
        assert any(d.rule == spec.id or d.rule.startswith(spec.id + ".") for d in found), \
            f"{spec.path}: failing example not flagged: {ex.text!r}"


@pytest.mark.parametrize("spec", OFFLINE, ids=lambda s: s.id)
def test_passing_examples_pass(spec):
    for ex in spec.pass_examples:
        found = run(ex.text, [spec.id], fmt=ex.format, corpus=ex.corpus, **_language(ex))
        assert not [d for d in found if d.rule == spec.id], \
            f"{spec.path}: passing example flagged: {ex.text!r} -> {[d.message for d in found]}"


def _language(ex) -> dict:
    return {"language": ex.language} if ex.language else {}


def test_rule_ids_are_unique_and_categorised():
    ids = [s.id for s in SPECS]
    assert len(ids) == len(set(ids))
