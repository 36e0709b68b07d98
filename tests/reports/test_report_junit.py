import xml.etree.ElementTree as ET

from lint.finding import Finding
from lint.reports import junit
from lint.result import RunResult


def parse(out: str) -> ET.Element:
    assert out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    return ET.fromstring(out.encode("utf-8"))


def cases(root):
    return {c.get("name"): c for c in root.find("testsuite").findall("testcase")}


def test_one_case_per_file_with_counts(run_result):
    root = parse(junit.render(run_result, {}))
    assert root.tag == "testsuites"
    suite = root.find("testsuite")
    assert suite.get("name") == "edlint"
    # a.md and b.txt have findings; clean.md passes; c.md could not be read.
    assert [c.get("name") for c in suite.findall("testcase")] == [
        "news/a.md", "news/b.txt", "news/clean.md", "news/c.md"]
    assert all(c.get("classname") == "edlint" for c in suite.findall("testcase"))
    for element in (root, suite):
        assert (element.get("tests"), element.get("failures"), element.get("errors")) == ("4", "2", "1")


def test_failure_lists_the_files_findings(run_result):
    by_name = cases(parse(junit.render(run_result, {})))
    failure = by_name["news/a.md"].find("failure")
    assert failure.get("type") == "error"  # the worst of warning, error, warning
    assert failure.get("message") == "3 findings"
    assert failure.text.splitlines() == [
        "2:7: warning: Repeated word: “the”. Suggestions: the. [typography.repeated-word]",
        "3:1: error: Unknown word: “recieve”. Suggestions: receive, relieve. [spelling.unknown-word]",
        "5:1: warning: Repeated word: “the”. [typography.repeated-word]",
    ]
    b = by_name["news/b.txt"].find("failure")
    assert (b.get("type"), b.get("message")) == ("info", "1 finding")
    assert list(by_name["news/clean.md"]) == []


def test_file_error_is_an_error_element(run_result):
    case = cases(parse(junit.render(run_result, {})))["news/c.md"]
    error = case.find("error")
    assert error.get("message") == "invalid UTF-8 at byte 12"
    assert case.find("failure") is None


def test_fail_level_moves_minor_findings_to_system_out(run_result):
    root = parse(junit.render(run_result, {"fail_on": "error"}))
    by_name = cases(root)
    assert by_name["news/a.md"].find("failure") is not None  # has an error
    b = by_name["news/b.txt"]
    assert b.find("failure") is None
    assert "[grammar.lt-comma-and]" in b.find("system-out").text
    assert root.get("failures") == "1"


def test_markup_and_control_characters_are_escaped():
    d = Finding(rule="typography.leftover-html", message='Leftover tag <br> & "entity" \x0b here',
                start=0, end=4, severity="warning", path="a&b<c>.html", line=1, column=1,
                end_line=1, end_column=5)
    out = junit.render(RunResult(findings=[d], files=["a&b<c>.html"]), {})
    case = parse(out).find("testsuite/testcase")
    assert case.get("name") == "a&b<c>.html"
    assert case.find("failure").text == (
        '1:1: warning: Leftover tag <br> & "entity" \\x0b here [typography.leftover-html]')


def test_empty_run():
    root = parse(junit.render(RunResult(), {}))
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("0", "0", "0")
