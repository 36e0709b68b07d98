from lint.finding import Finding
from lint.reports import github
from lint.result import RunResult


def test_exact_output(run_result):
    out = github.render(run_result, {"cwd": "/nonexistent"})
    assert out == (
        "::warning file=news/a.md,line=2,col=7,endLine=2,endColumn=14,title=typography.repeated-word"
        "::Repeated word: “the”. Suggestions: the.\n"
        "::error file=news/a.md,line=3,col=1,endLine=3,endColumn=8,title=spelling.unknown-word"
        "::Unknown word: “recieve”. Suggestions: receive, relieve.\n"
        "::warning file=news/a.md,line=5,col=1,endLine=5,endColumn=8,title=typography.repeated-word"
        "::Repeated word: “the”.\n"
        # info -> notice; % in the message escaped, ':' and ',' left alone there
        "::notice file=news/b.txt,line=1,col=10,endLine=1,endColumn=14,title=grammar.lt-comma-and"
        "::Use a comma before “and”, 50%25 of the time: here\n"
        "::error file=news/c.md,title=edlint::invalid UTF-8 at byte 12\n"
        "::warning title=edlint languagetool::LanguageTool unavailable, grammar skipped\n"
    )


def test_property_and_data_escaping():
    d = Finding(rule="style.x", message="100% sure\r\nsecond line", start=0, end=1, severity="error",
                path="dir, with: odd%name.txt", line=1, column=1, end_line=1, end_column=2)
    out = github.render(RunResult(findings=[d]), {})
    assert out == ("::error file=dir%2C with%3A odd%25name.txt,line=1,col=1,endLine=1,endColumn=2,"
                   "title=style.x::100%25 sure%0D%0Asecond line\n")


def test_multiline_span_drops_columns():
    # GitHub annotations take columns only when the span is on one line.
    d = Finding(rule="typography.unbalanced-quote", message="Unclosed quote.", start=3, end=40,
                severity="warning", path="a.txt", line=2, column=4, end_line=4, end_column=2)
    out = github.render(RunResult(findings=[d]), {})
    assert out == "::warning file=a.txt,line=2,endLine=4,title=typography.unbalanced-quote::Unclosed quote.\n"


def test_absolute_paths_below_cwd_become_relative(tmp_path):
    article = tmp_path / "desk" / "story.md"
    d = Finding(rule="style.x", message="m", start=0, end=1, severity="info", path=str(article),
                line=1, column=1, end_line=1, end_column=2)
    out = github.render(RunResult(findings=[d]), {"cwd": str(tmp_path)})
    assert out.startswith("::notice file=desk/story.md,line=1,")


def test_no_findings_no_output():
    assert github.render(RunResult(files=["a.txt"]), {}) == ""
