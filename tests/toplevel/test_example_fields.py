"""A failing example may say what it flags and what the fix gives (`flags`, `fixed`):
read from the rule file, refused where they make no sense, and checked by the meta-test."""
from __future__ import annotations

import pytest

from lint.rule_files import RuleError, load_rule_file

RULE = '''\
id = "style.test.plain"
type = "substitution"
severity = "info"
message = "Use “{suggestion}”."
description = "Plain words."
[params]
swap = { "utilise" = "use" }
safe = true
[examples]
fail = [{ text = "They utilise it.", flags = "utilise", fixed = "They use it." }]
pass = [{ text = "They use it." }]
'''


def _write(tmp_path, text):
    path = tmp_path / "plain.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_flags_and_fixed_are_read(tmp_path):
    spec = load_rule_file(_write(tmp_path, RULE))
    ex = spec.fail_examples[0]
    assert (ex.text, ex.flags, ex.fixed) == ("They utilise it.", "utilise", "They use it.")
    assert spec.pass_examples[0].flags is None


@pytest.mark.parametrize("change, message", [
    (("fixed = ", "fixd = "), "fixd"),
    (('flags = "utilise"', "flags = 3"), "flags"),
])
def test_a_misspelt_or_mistyped_key_is_refused(tmp_path, change, message):
    with pytest.raises(RuleError) as e:
        load_rule_file(_write(tmp_path, RULE.replace(*change)))
    assert "plain.toml: example key" in str(e.value)


def test_a_passing_example_cannot_say_what_it_flags(tmp_path):
    with pytest.raises(RuleError, match="only a failing example"):
        load_rule_file(_write(tmp_path, RULE.replace('pass = [{ text = "They use it." }]',
                                                     'pass = [{ text = "They use it.", flags = "use" }]')))


def test_the_meta_test_catches_a_wrong_span_and_a_wrong_fix(tmp_path, monkeypatch):
    import tests.test_rule_examples as meta

    pack = tmp_path / "pack"
    pack.mkdir()
    _write(pack, RULE)
    monkeypatch.setattr(meta, "run", lambda text, select, **kw: _findings(pack, text))
    check = meta.test_failing_examples_flag_what_they_say_and_fix_to_what_they_say
    check(load_rule_file(pack / "plain.toml"))
    with pytest.raises(AssertionError, match="should flag 'They'"):
        check(load_rule_file(_write(tmp_path, RULE.replace('flags = "utilise"', 'flags = "They"'))))
    with pytest.raises(AssertionError, match="the fix of"):
        check(load_rule_file(_write(tmp_path, RULE.replace('fixed = "They use it."', 'fixed = "They utilise it."'))))


def _findings(pack, text):
    from lint.config import Config
    from lint.engine import Engine, FileJob

    cfg = Config.from_dict({"select": ["style.test"], "rule-packs": [str(pack)]})
    return Engine().run_jobs([FileJob("a.txt", cfg, text=text)]).findings
