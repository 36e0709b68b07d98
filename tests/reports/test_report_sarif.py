import json
from pathlib import Path

import jsonschema
import pytest

from lint.finding import Finding
from lint.reports import sarif
from lint.result import RunResult

SCHEMA = json.loads((Path(__file__).parent / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def validate(log: dict) -> None:
    # FormatChecker checks the URIs too (uri, uri-reference, with rfc3986-validator installed).
    jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(log)


@pytest.fixture
def log(run_result, tmp_path):
    return json.loads(sarif.render(run_result, {"tool_version": "9.8.7", "cwd": str(tmp_path)}))


def test_validates_against_schema(log):
    validate(log)
    assert log["version"] == "2.1.0"


def test_schema_catches_a_broken_log(log):
    # The validation above would notice a mistake: e.g. a level SARIF doesn't know.
    log["runs"][0]["results"][0]["level"] = "info"
    with pytest.raises(jsonschema.ValidationError):
        validate(log)


def test_schema_checks_uris(log):
    # A raw space is not a URI reference: the format checker must be active.
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] = "a b.md"
    with pytest.raises(jsonschema.ValidationError):
        validate(log)


def test_driver_and_rules_that_fired(log):
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "edlint"
    assert driver["version"] == "9.8.7"
    assert "informationUri" not in driver  # no home page yet; set with options["information_uri"]
    assert run["columnKind"] == "unicodeCodePoints"
    # Only rules that fired, sorted; style.passive-voice ran but found nothing.
    assert [r["id"] for r in driver["rules"]] == [
        "grammar.lt-comma-and", "spelling.unknown-word", "typography.repeated-word"]
    grammar, spelling, repeated = driver["rules"]
    assert repeated["name"] == "RepeatedWord"
    assert repeated["shortDescription"] == {"text": "A word written twice in a row."}
    assert repeated["fullDescription"] == {"text": "Scraped copy often repeats a word across a line break."}
    assert repeated["help"]["text"] == "Scraped copy often repeats a word across a line break."
    assert repeated["defaultConfiguration"] == {"level": "warning"}
    assert spelling["defaultConfiguration"] == {"level": "error"}
    # No spec for a LanguageTool rule: its description comes from the finding.
    assert grammar["shortDescription"] == {"text": "Comma before a coordinating conjunction"}
    assert grammar["defaultConfiguration"] == {"level": "note"}


def test_results_locations_and_levels(log):
    run = log["runs"][0]
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    results = run["results"]
    assert len(results) == 4
    first = results[0]
    assert first["ruleId"] == "typography.repeated-word"
    assert rules[first["ruleIndex"]] == "typography.repeated-word"
    assert first["level"] == "warning"
    assert first["message"] == {"text": "Repeated word: “the”."}
    loc = first["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": "news/a.md", "uriBaseId": "%SRCROOT%"}
    assert loc["region"] == {"startLine": 2, "startColumn": 7, "endLine": 2, "endColumn": 14,
                             "snippet": {"text": "the the"}}
    assert [r["level"] for r in results] == ["warning", "error", "warning", "note"]
    assert all(rules[r["ruleIndex"]] == r["ruleId"] for r in results)
    assert results[1]["properties"]["suggestions"] == ["receive", "relieve"]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/")


def test_fix_only_when_edit_is_the_finding(log):
    results = log["runs"][0]["results"]
    assert results[0]["fixes"] == [{
        "description": {"text": "Replace with “the”"},
        "artifactChanges": [{
            "artifactLocation": {"uri": "news/a.md", "uriBaseId": "%SRCROOT%"},
            "replacements": [{
                "deletedRegion": {"startLine": 2, "startColumn": 7, "endLine": 2, "endColumn": 14},
                "insertedContent": {"text": "the"},
            }],
        }],
    }]
    # The spelling fix edits a wider span than the finding: not placeable, omitted.
    assert "fixes" not in results[1]
    assert "fixes" not in results[2]


def test_fingerprints_stable_and_distinct(run_result, log, tmp_path):
    prints = [r["partialFingerprints"]["edlintFingerprint/v1"] for r in log["runs"][0]["results"]]
    # The same words repeated twice in one file: two occurrences, two fingerprints.
    assert prints[0] != prints[2]
    assert len(set(prints)) == 4
    # Moving a finding to another line (an edit above it) keeps its fingerprint.
    for d in run_result.findings:
        d.line += 3
        d.end_line += 3
    moved = json.loads(sarif.render(run_result, {"tool_version": "1", "cwd": str(tmp_path)}))
    assert [r["partialFingerprints"]["edlintFingerprint/v1"] for r in moved["runs"][0]["results"]] == prints


def test_invocation_reports_file_errors_and_notices(log):
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    notes = invocation["toolExecutionNotifications"]
    assert notes[0]["level"] == "error"
    assert notes[0]["message"] == {"text": "invalid UTF-8 at byte 12"}
    assert notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "news/c.md"
    assert notes[1] == {"level": "warning", "message": {"text": "LanguageTool unavailable, grammar skipped"},
                        "descriptor": {"id": "languagetool"}}


def test_empty_run_is_valid_and_successful(tmp_path):
    log = json.loads(sarif.render(RunResult(files=["a.txt"]), {"tool_version": "1", "cwd": str(tmp_path)}))
    validate(log)
    run = log["runs"][0]
    assert run["results"] == []
    assert run["tool"]["driver"]["rules"] == []
    assert run["invocations"][0]["executionSuccessful"] is True


def test_paths_relative_to_cwd_and_encoded(tmp_path):
    inside = tmp_path / "desk" / "Zoë story.md"
    d = Finding(rule="style.x", message="m", start=0, end=1, severity="info", path=str(inside),
                line=1, column=1, end_line=1, end_column=2)
    log = json.loads(sarif.render(RunResult(findings=[d]), {"tool_version": "1", "cwd": str(tmp_path)}))
    validate(log)
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "desk/Zo%C3%AB%20story.md", "uriBaseId": "%SRCROOT%"}


def test_path_outside_cwd_is_an_absolute_file_uri(tmp_path):
    d = Finding(rule="style.x", message="m", start=0, end=1, severity="info",
                path=str(tmp_path / "a.txt"), line=1, column=1, end_line=1, end_column=2)
    log = json.loads(sarif.render(RunResult(findings=[d]),
                                  {"tool_version": "1", "cwd": str(tmp_path / "elsewhere")}))
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": (tmp_path / "a.txt").as_uri()}


def test_a_snippet_longer_than_the_limit_is_left_out_not_cut():
    short = Finding("spelling.unknown-word", "Unknown word", 0, 5, line=1, column=1, end_line=1,
                    end_column=6, text="ferry")
    long = Finding("spelling.unknown-word", "Unknown word", 0, 10_000, line=1, column=1, end_line=1,
                   end_column=10_001, text="a" * 10_000)
    assert sarif._region(short)["snippet"] == {"text": "ferry"}
    region = sarif._region(long)
    assert "snippet" not in region and region["endColumn"] == 10_001
