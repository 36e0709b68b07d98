"""End to end: `edlint check --format sarif|github|junit` on small articles, and exit codes.

The articles are checked with a rule pack written here (selected alone), so the
expected findings don't move when the bundled packs change.
"""
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from lint.cli import main

SCHEMA = json.loads((Path(__file__).parent / "reports" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))

HEDGES = """\
id = "style.test-hedges"
type = "existence"
severity = "warning"
message = "Hedge word: “{match}”."
description = "Vague qualifiers that weaken a sentence."
[params]
tokens = ["very", "quite"]
[examples]
fail = ["It was very late."]
pass = ["It was late."]
"""

UTILISE = """\
id = "style.test-utilise"
type = "substitution"
severity = "error"
message = "Use “{suggestion}” instead of “{match}”."
description = "Plain words over pompous ones."
[params]
swap = { "utilise" = "use" }
[examples]
fail = ["They utilise it."]
pass = ["They use it."]
"""


@pytest.fixture
def desk(tmp_path, monkeypatch):
    """A newsroom folder: a config selecting only the test pack, and three articles."""
    pack = tmp_path / "pack" / "style"
    pack.mkdir(parents=True)
    (pack / "test-hedges.toml").write_text(HEDGES, encoding="utf-8")
    (pack / "test-utilise.toml").write_text(UTILISE, encoding="utf-8")
    (tmp_path / "edlint.toml").write_text(
        'select = ["style.test-hedges", "style.test-utilise"]\nrule-packs = ["pack"]\n', encoding="utf-8")
    news = tmp_path / "news"
    news.mkdir()
    # Non-ASCII before the finding: columns count characters, not bytes.
    (news / "mixed.txt").write_text("Crème brûlée, very good.\n\nThey utilise the room.\n", encoding="utf-8")
    (news / "mild.txt").write_text("The vote was quite close.\n", encoding="utf-8")
    (news / "clean.txt").write_text("The council met on Tuesday.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check(*args):
    return CliRunner().invoke(main, ["check", *args])


def validate_sarif(text: str) -> dict:
    log = json.loads(text)
    jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(log)
    return log


def test_sarif_output(desk):
    result = check("--format", "sarif", "news/mixed.txt", "news/mild.txt")
    assert result.exit_code == 1, result.output
    log = validate_sarif(result.stdout)
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["style.test-hedges", "style.test-utilise"]
    found = [(r["ruleId"], r["level"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
              r["locations"][0]["physicalLocation"]["region"]["startLine"],
              r["locations"][0]["physicalLocation"]["region"]["startColumn"],
              r["locations"][0]["physicalLocation"]["region"]["endColumn"]) for r in run["results"]]
    assert found == [
        ("style.test-hedges", "warning", "news/mild.txt", 1, 14, 19),
        ("style.test-hedges", "warning", "news/mixed.txt", 1, 15, 19),
        ("style.test-utilise", "error", "news/mixed.txt", 3, 6, 13),
    ]
    # The substitution's fix replaces exactly the finding, so SARIF carries it.
    replacement = run["results"][2]["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert replacement == {"deletedRegion": {"startLine": 3, "startColumn": 6, "endLine": 3, "endColumn": 13},
                           "insertedContent": {"text": "use"}}
    assert run["invocations"][0]["executionSuccessful"] is True


def test_sarif_clean_run(desk):
    result = check("--format", "sarif", "news/clean.txt")
    assert result.exit_code == 0, result.output
    log = validate_sarif(result.stdout)
    assert log["runs"][0]["results"] == []


def test_sarif_to_output_file(desk):
    result = check("--format", "sarif", "--output", "report.sarif", "news/mixed.txt")
    assert result.exit_code == 1, result.output
    log = validate_sarif((desk / "report.sarif").read_text(encoding="utf-8"))
    assert len(log["runs"][0]["results"]) == 2


def test_github_output(desk):
    result = check("--format", "github", "news/mixed.txt")
    assert result.exit_code == 1, result.output
    assert result.stdout == (
        "::warning file=news/mixed.txt,line=1,col=15,endLine=1,endColumn=19,title=style.test-hedges"
        "::Hedge word: “very”.\n"
        "::error file=news/mixed.txt,line=3,col=6,endLine=3,endColumn=13,title=style.test-utilise"
        "::Use “use” instead of “utilise”. Suggestions: use.\n"
    )


def test_junit_output(desk):
    result = check("--format", "junit", "news")
    assert result.exit_code == 1, result.output
    root = ET.fromstring(result.stdout.encode("utf-8"))
    suite = root.find("testsuite")
    cases = {c.get("name"): c for c in suite.findall("testcase")}
    assert sorted(cases) == ["news/clean.txt", "news/mild.txt", "news/mixed.txt"]
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("3", "1", "0")
    # --fail-on error (the default): mild.txt has only a warning, so it passes and lists it.
    failure = cases["news/mixed.txt"].find("failure")
    assert (failure.get("type"), failure.get("message")) == ("error", "2 findings")
    assert cases["news/mild.txt"].find("failure") is None
    assert "1:14: warning: Hedge word: “quite”." in cases["news/mild.txt"].find("system-out").text
    assert list(cases["news/clean.txt"]) == []


@pytest.mark.parametrize("fmt", ["sarif", "github", "junit"])
@pytest.mark.parametrize("fail_on, path, code", [
    ("error", "news/mild.txt", 0),     # a warning is below the default fail level
    ("warning", "news/mild.txt", 1),
    ("info", "news/mild.txt", 1),
    ("never", "news/mixed.txt", 0),    # an error, but nothing fails the run
    ("error", "news/mixed.txt", 1),
    ("info", "news/clean.txt", 0),
])
def test_exit_codes(desk, fmt, fail_on, path, code):
    result = check("--format", fmt, "--fail-on", fail_on, path)
    assert result.exit_code == code, result.output


@pytest.mark.parametrize("fmt", ["sarif", "github", "junit"])
def test_missing_path_exits_2(desk, fmt):
    result = check("--format", fmt, "news/nowhere.txt", "news/clean.txt")
    assert result.exit_code == 2, result.output
    assert "news/nowhere.txt" in result.output


def test_sarif_reports_missing_path_as_notification(desk):
    result = check("--format", "sarif", "news/nowhere.txt", "news/mixed.txt")
    assert result.exit_code == 2, result.output
    run = validate_sarif(result.stdout)["runs"][0]
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    [note] = invocation["toolExecutionNotifications"]
    assert note["level"] == "error"
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "news/nowhere.txt"
    # The other file is still checked and reported.
    assert len(run["results"]) == 2


def test_junit_fail_on_warning_fails_mild_file(desk):
    result = check("--format", "junit", "--fail-on", "warning", "news")
    assert result.exit_code == 1, result.output
    suite = ET.fromstring(result.stdout.encode("utf-8")).find("testsuite")
    cases = {c.get("name"): c for c in suite.findall("testcase")}
    assert cases["news/mild.txt"].find("failure").get("type") == "warning"
    assert suite.get("failures") == "2"
