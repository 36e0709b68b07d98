"""The old names of issue 13's renames still work for API users and rule packs:
`level` in a rule file (-> `severity`), lint.diagnostic.Diagnostic (-> lint.finding.Finding),
`RunResult.diagnostics` (-> `findings`), `Notice.level` and `Rule.diagnostic()`."""
from __future__ import annotations

import pytest

from lint.rule_files import load_rule_file

# The loader's error type is being unified (issue 13: one error type for every data file), so these
# tests hold to what the user reads: the file and the words.
LOAD_ERROR = Exception

RULE = '''\
id = "style.test.hedge"
type = "existence"
{severity}
message = "A hedge."
description = "Hedging words."
[params]
tokens = ["arguably"]
[examples]
fail = ["It is arguably late."]
pass = ["It is late."]
'''


def _rule(tmp_path, severity_lines: str):
    path = tmp_path / "hedge.toml"
    path.write_text(RULE.format(severity=severity_lines), encoding="utf-8")
    return path


def test_a_rule_file_says_severity(tmp_path):
    assert load_rule_file(_rule(tmp_path, 'severity = "info"')).severity == "info"


def test_the_old_level_key_still_loads_a_users_rule(tmp_path):
    assert load_rule_file(_rule(tmp_path, 'level = "error"')).severity == "error"


def test_level_and_severity_together_are_refused(tmp_path):
    path = _rule(tmp_path, 'severity = "info"\nlevel = "error"')
    with pytest.raises(LOAD_ERROR, match=r"hedge\.toml:4: 'level' is the old name of 'severity'"):
        load_rule_file(path)


def test_a_bad_severity_is_named(tmp_path):
    with pytest.raises(LOAD_ERROR, match="severity 'loud' must be one of error, warning, info"):
        load_rule_file(_rule(tmp_path, 'level = "loud"'))


def test_the_old_module_and_class_names_are_the_new_ones():
    from lint import diagnostic, finding

    assert diagnostic.Diagnostic is finding.Finding
    assert (diagnostic.Fix, diagnostic.TextEdit, diagnostic.SEVERITIES) == \
        (finding.Fix, finding.TextEdit, finding.SEVERITIES)


def test_a_result_and_a_notice_answer_to_their_old_attribute_names():
    from lint.finding import Finding
    from lint.result import Notice, RunResult

    found = [Finding("style.x", "m", 0, 1)]
    assert RunResult(findings=found).diagnostics is found
    assert Notice("warning", "LanguageTool is slow").level == "warning"


def test_a_rule_type_written_against_the_old_method_name_still_reports():
    from lint.rule_types import Rule

    class Old(Rule):
        def check(self, doc, ctx):
            yield self.diagnostic(0, 3)

    assert Old.diagnostic is Old.finding
