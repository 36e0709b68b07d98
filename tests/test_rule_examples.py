"""Every bundled rule documents itself with examples, and the examples behave as declared."""
from __future__ import annotations

import pytest

from lint.fixes import apply_edits, escape_for_format, merge_edits
from lint.rule_files import bundled_rules_dir, load_pack

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
def test_failing_examples_flag_what_they_say_and_fix_to_what_they_say(spec):
    for ex in spec.fail_examples:
        if ex.flags is None and ex.fixed is None:
            continue
        found = [d for d in run(ex.text, [spec.id], fmt=ex.format, corpus=ex.corpus, **_language(ex))
                 if d.rule == spec.id or d.rule.startswith(spec.id + ".")]
        if ex.flags is not None:
            assert ex.flags in [d.text for d in found], \
                f"{spec.path}: {ex.text!r} should flag {ex.flags!r}, flags {[d.text for d in found]}"
        if ex.fixed is not None:
            edits = escape_for_format(merge_edits(found), ex.format)
            assert apply_edits(ex.text, edits) == ex.fixed, f"{spec.path}: the fix of {ex.text!r}"


def test_a_good_share_of_rules_say_what_they_flag():
    stated = [s for s in SPECS if any(ex.flags is not None for ex in s.fail_examples)]
    fixable = [s for s in stated if any(ex.fixed is not None for ex in s.fail_examples)]
    assert len(stated) >= len(SPECS) // 3 and len(fixable) >= 5


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
