"""`edlint check`: exit codes in every output format, the text lines, the JSON contract,
colour, quiet, statistics and --output."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from .support import config_text, edlint, no_traceback

FORMATS = ["text", "json", "sarif", "github", "junit"]
CLEAN = "The council met on Tuesday.\n"
WARNING = "Crème brûlée, very good.\n"  # one warning (hedge), after non-ASCII letters
ERROR = "They utilise the hall.\n"  # one error
INFO = "Wow!!\n"  # one info


def parses(fmt: str, out: str) -> None:
    """The report is well-formed in its format."""
    if fmt in ("json", "sarif"):
        json.loads(out)
    elif fmt == "junit":
        ET.fromstring(out)
    elif fmt == "github":
        assert all(line.startswith("::") for line in out.splitlines())


@pytest.fixture
def articles(desk):
    for name, text in {"clean.txt": CLEAN, "warning.txt": WARNING, "error.txt": ERROR, "info.txt": INFO}.items():
        (desk / name).write_text(text, encoding="utf-8")
    (desk / "empty").mkdir()
    (desk / "empty" / "notes.docx").write_bytes(b"PK")  # not an article
    return desk


EXIT_CASES = [
    # (arguments, exit code)
    (["clean.txt"], 0),
    (["warning.txt"], 0),  # the default fail level is error
    (["info.txt", "warning.txt"], 0),
    (["error.txt"], 1),
    (["clean.txt", "error.txt"], 1),
    (["--fail-on", "warning", "warning.txt"], 1),
    (["--fail-on", "warning", "info.txt"], 0),
    (["--fail-on", "info", "info.txt"], 1),
    (["--fail-on", "error", "warning.txt"], 0),
    (["--fail-on", "never", "error.txt"], 0),
    (["missing.txt"], 2),
    (["clean.txt", "missing.txt"], 2),
    (["error.txt", "missing.txt"], 2),  # an input error outranks findings
    (["empty"], 2),
    (["--fail-on", "never", "empty"], 2),
]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("args,code", EXIT_CASES, ids=[" ".join(a) for a, _ in EXIT_CASES])
def test_exit_codes(articles, fmt, args, code):
    r = edlint("check", "--format", fmt, *args)
    no_traceback(r)
    assert r.exit_code == code, r.output
    parses(fmt, r.stdout)


@pytest.mark.parametrize("fmt", FORMATS)
def test_config_error_is_exit_2_in_every_format(articles, fmt):
    (articles / "edlint.toml").write_text(config_text("colour = true"))
    r = edlint("check", "--format", fmt, "error.txt")
    no_traceback(r)
    assert r.exit_code == 2
    assert f"{articles / 'edlint.toml'}: unknown key 'colour'" in r.stderr
    assert "utilise" not in r.stdout
    if r.stdout:  # a report of what could not be checked must still be well-formed
        parses(fmt, r.stdout)


def test_usage_errors_are_exit_2(articles):
    assert edlint("check").exit_code == 2  # no path
    assert edlint("check", "--format", "yaml", "clean.txt").exit_code == 2
    assert edlint("check", "--fail-on", "sometimes", "clean.txt").exit_code == 2
    assert edlint("check", "--jobs", "-1", "clean.txt").exit_code == 2
    assert edlint("check", "--jobs", "0", "clean.txt").exit_code == 0  # 0 = automatic
    assert edlint("nonsense").exit_code == 2


def test_input_errors_name_the_path_and_other_files_are_checked(articles):
    r = edlint("check", "warning.txt", "missing.txt", "empty")
    assert r.exit_code == 2
    assert r.stdout.splitlines() == [
        "warning.txt:1:15: warning: Hedge word: “very”. [style.test.hedge]",
        "1 finding (0 errors, 1 warning, 0 info) in 1 file - 1 file checked - 2 could not be checked",
    ]
    assert r.stderr.splitlines() == [
        "edlint: error: missing.txt: no such file or directory",
        "edlint: error: empty: no articles found in this directory (include: *.md, *.markdown, *.txt, "
        "*.text, *.html, *.htm, *.xhtml, *.json, *.jsonl, *.ndjson)",
    ]


# -- text ---------------------------------------------------------------------------------

def test_text_lines_and_summary(articles):
    r = edlint("check", ".")
    assert r.exit_code == 1
    assert r.stdout == (
        "./error.txt:1:6: error: Use “use” instead of “utilise”. Suggestions: use. [style.test.utilise]\n"
        "./info.txt:1:4: info: Doubled exclamation mark. [typography.test.bang]\n"
        "./warning.txt:1:15: warning: Hedge word: “very”. [style.test.hedge]\n"
        "3 findings (1 error, 1 warning, 1 info) in 3 files - 4 files checked\n")


def test_text_clean_summary(articles):
    r = edlint("check", "clean.txt")
    assert (r.exit_code, r.stdout, r.stderr) == (0, "0 findings - 1 file checked\n", "")


def test_text_quiet_has_no_summary(articles):
    r = edlint("check", "--quiet", "clean.txt", "error.txt")
    assert r.stdout == "error.txt:1:6: error: Use “use” instead of “utilise”. Suggestions: use. [style.test.utilise]\n"
    assert edlint("check", "-q", "clean.txt").stdout == ""


def test_text_statistics(articles):
    r = edlint("check", "--statistics", "info.txt", "warning.txt")
    lines = r.stdout.splitlines()
    i = lines.index("Findings per rule:")
    assert lines[i + 1:i + 3] == ["       1  style.test.hedge", "       1  typography.test.bang"]
    assert lines[-1] == "2 findings (0 errors, 1 warning, 1 info) in 2 files - 2 files checked"


def test_no_colour_when_not_a_terminal(articles):
    assert "\x1b[" not in edlint("check", "error.txt").stdout


def test_colour_when_asked(articles):
    # --color must survive a pipe (`edlint check --color | less -R`).
    r = edlint("check", "--color", "error.txt")
    assert r.stdout.splitlines()[0] == (
        "\x1b[1merror.txt:1:6\x1b[0m: \x1b[31merror\x1b[0m: Use “use” instead of “utilise”. "
        "Suggestions: use. \x1b[2m[style.test.utilise]\x1b[0m")


def test_output_file(articles):
    r = edlint("check", "--output", "report.txt", "--color", "error.txt")
    assert r.exit_code == 1
    assert r.stdout == ""
    assert (articles / "report.txt").read_text(encoding="utf-8") == (
        "error.txt:1:6: error: Use “use” instead of “utilise”. Suggestions: use. [style.test.utilise]\n"
        "1 finding (1 error, 0 warnings, 0 info) in 1 file - 1 file checked\n")


def test_output_file_in_json(articles):
    r = edlint("check", "--format", "json", "-o", "out.json", "warning.txt")
    assert r.exit_code == 0 and r.stdout == ""
    data = json.loads((articles / "out.json").read_text(encoding="utf-8"))
    assert [d["rule"] for d in data["diagnostics"]] == ["style.test.hedge"]


def test_output_file_in_a_new_folder(articles):
    r = edlint("check", "--format", "sarif", "--output", "reports/edlint.sarif", "warning.txt")
    no_traceback(r)
    assert r.exit_code == 0
    assert json.loads((articles / "reports" / "edlint.sarif").read_text())["version"] == "2.1.0"


def test_output_file_that_cannot_be_written(articles):
    r = edlint("check", "--output", "clean.txt/report.txt", "warning.txt")  # a file as a folder
    no_traceback(r)
    assert r.exit_code == 2
    assert r.stderr.startswith("edlint: error: clean.txt/report.txt: ")


# -- json ---------------------------------------------------------------------------------

def test_json_contract(articles):
    r = edlint("check", "--format", "json", "warning.txt", "error.txt", "clean.txt")
    assert r.exit_code == 1
    data = json.loads(r.stdout)
    assert set(data) >= {"version", "diagnostics", "documents", "summary"}
    assert data["version"] == 1
    assert data["diagnostics"][0] == {
        "path": "error.txt", "line": 1, "column": 6, "end_line": 1, "end_column": 13,
        "rule": "style.test.utilise", "category": "style", "severity": "error",
        "message": "Use “use” instead of “utilise”.", "suggestions": ["use"],
        "fix": {"safe": True, "description": "Replace with “use”",
                "edits": [{"start": 5, "end": 12, "replacement": "use"}]},
    }
    hedge = data["diagnostics"][1]
    # columns count characters ("Crème brûlée, " is 14 characters, 16 bytes); end_column is exclusive
    assert {k: hedge[k] for k in ("path", "line", "column", "end_line", "end_column", "rule", "severity",
                                  "category", "suggestions")} == {
        "path": "warning.txt", "line": 1, "column": 15, "end_line": 1, "end_column": 19,
        "rule": "style.test.hedge", "severity": "warning", "category": "style", "suggestions": []}
    assert len(data["diagnostics"]) == 2
    assert [d["path"] for d in data["documents"]] == ["warning.txt", "error.txt", "clean.txt"]
    assert all(isinstance(d["metrics"], dict) for d in data["documents"])
    assert data["summary"] == {"files": 3, "documents": 3, "errors": 1, "warnings": 1, "info": 0,
                               "file_errors": 0, "baselined": 0}
    assert data["errors"] == []


def test_json_reports_file_errors(articles):
    r = edlint("check", "--format", "json", "clean.txt", "missing.txt")
    data = json.loads(r.stdout)
    assert r.exit_code == 2
    assert data["errors"] == [{"path": "missing.txt", "message": "no such file or directory"}]
    assert data["summary"]["file_errors"] == 1 and data["summary"]["files"] == 1


def test_json_multiline_span(desk):
    (desk / "a.txt").write_text("Say it\r\nquite\n\nvery plainly.\n")
    data = json.loads(edlint("check", "--format", "json", "a.txt").stdout)
    assert [(d["line"], d["column"], d["end_line"], d["end_column"]) for d in data["diagnostics"]] == [
        (2, 1, 2, 6), (4, 1, 4, 5)]


# -- other formats carry the same findings ---------------------------------------------------

def test_github_lines(articles):
    r = edlint("check", "--format", "github", "warning.txt", "info.txt")
    assert r.stdout.splitlines() == [
        "::notice file=info.txt,line=1,col=4,endLine=1,endColumn=6,title=typography.test.bang::"
        "Doubled exclamation mark.",
        "::warning file=warning.txt,line=1,col=15,endLine=1,endColumn=19,title=style.test.hedge::"
        "Hedge word: “very”.",
    ]


def test_junit_one_case_per_file(articles):
    r = edlint("check", "--format", "junit", "clean.txt", "error.txt")
    root = ET.fromstring(r.stdout)
    cases = root.findall(".//testcase")
    assert [c.get("name") for c in cases] == ["clean.txt", "error.txt"]
    assert cases[0].find("failure") is None and cases[1].find("failure") is not None


def test_sarif_results(articles):
    r = edlint("check", "--format", "sarif", "warning.txt", "error.txt")
    run = json.loads(r.stdout)["runs"][0]
    assert [(x["ruleId"], x["level"]) for x in run["results"]] == [
        ("style.test.utilise", "error"), ("style.test.hedge", "warning")]
    region = run["results"][1]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (1, 15, 19)
    assert sorted(rule["id"] for rule in run["tool"]["driver"]["rules"]) == ["style.test.hedge",
                                                                            "style.test.utilise"]


def test_json_lines_records_and_configured_fields(desk):
    """Findings in a CMS export carry their record number; `readers.json-fields` picks the prose."""
    (desk / "edlint.toml").write_text(config_text('[readers]', 'json-fields = { story = "text", "meta.dek" = "text" }'))
    lines = ['{"title": "Very good", "story": "It was quite late."}',
             '{"story": "Fine.", "meta": {"dek": "Very \\"fine\\"!!"}}']
    (desk / "feed.jsonl").write_text("\n".join(lines) + "\n")
    data = json.loads(edlint("check", "--format", "json", "feed.jsonl").stdout)
    # The title is not a configured field here, so its "Very" is not checked.
    assert [(d["record"], d["line"], d["column"], d["end_column"], d["rule"]) for d in data["diagnostics"]] == [
        (1, 1, lines[0].index("quite") + 1, lines[0].index("quite") + 6, "style.test.hedge"),
        (2, 2, lines[1].index("Very") + 1, lines[1].index("Very") + 5, "style.test.hedge"),
        (2, 2, lines[1].index("!!") + 1, lines[1].index("!!") + 3, "typography.test.bang"),
    ]
    assert [(d["path"], d["record"]) for d in data["documents"]] == [("feed.jsonl", 1), ("feed.jsonl", 2)]
    assert data["summary"]["documents"] == 2 and data["summary"]["files"] == 1


def test_bad_json_fields_value(desk):
    (desk / "edlint.toml").write_text(config_text('[readers]', 'json-fields = ["story"]'))
    (desk / "a.txt").write_text("Fine.\n")
    r = edlint("check", "a.txt")
    assert r.exit_code == 2
    assert f"{desk / 'edlint.toml'}: key 'readers.json-fields' must be a table" in r.stderr
